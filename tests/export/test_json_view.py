"""The JSON view of `pcfdoc calc --json`."""

from pcfdoc import pipeline
from pcfdoc.export.json_view import results_json

from conftest import FIXTURES


def test_json_keeps_full_precision():
    results = pipeline.calc(FIXTURES / "two-products.toml").results
    data = results_json(results, "x.toml")
    assert data["products"][0]["lines"][2]["kgco2e"] == 0.30000000000000004
    assert data["products"][0]["stages"][0]["share"] == 80 / 93.42
