"""The example specs reproduce their seed reports, and their JSON stays as recorded."""

import json

import pytest
from click.testing import CliRunner

from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.export.pact import pact_json
from pcfdoc.export.xlsx import workbook_bytes
from pcfdoc.formatting import figure, in_unit, percentages

from conftest import EXAMPLES, GOLDEN, ROOT

PUBLISHED = {
    # spec stem: (total as printed in the seed report, in the product's result unit)
    "battery-cells": "47.44",
    "valve-actuator": "401.95",
    "mining-machinery": "1.017",
}


@pytest.mark.parametrize("stem", sorted(PUBLISHED))
def test_examples_reproduce_the_published_totals(stem):
    results = pipeline.calc(EXAMPLES / f"{stem}.toml").results
    (product,) = results.products
    assert figure(in_unit(product.total_kgco2e, product.result_unit)) == PUBLISHED[stem]


def test_valve_actuator_stage_shares_match_the_seed_table():
    (product,) = pipeline.calc(EXAMPLES / "valve-actuator.toml").results.products
    shares = percentages([stage.share for stage in product.stages], 2)
    assert [str(s) for s in shares] == ["96.03", "0.30", "3.04", "0.63"]  # seed table 5.2-1


@pytest.mark.parametrize("stem", sorted(PUBLISHED))
def test_calc_json_matches_the_golden_file(stem, monkeypatch, update_golden):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["calc", "--json", f"specs/examples/{stem}.toml"])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{stem}.json"
    if update_golden:
        golden.write_text(result.stdout, "utf-8")
    expected = json.loads(golden.read_text("utf-8"))
    actual = json.loads(result.stdout)
    # Monte Carlo figures go through numpy's exp, whose last bit may differ between CPUs.
    for document in (expected, actual):
        for product in document["products"]:
            product["uncertainty"] = _rounded(product["uncertainty"])
    assert actual == expected
    assert json.loads(result.stdout)["spec"] == f"specs/examples/{stem}.toml"


@pytest.mark.parametrize("stem", sorted(PUBLISHED))
def test_every_example_builds_with_pact_records_and_workbook(stem, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["build", f"specs/examples/{stem}.toml", "--pact", "--xlsx",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        f"{stem}.docx", f"{stem}.pact.json", f"{stem}.xlsx"]
    calculated = pipeline.calc(EXAMPLES / f"{stem}.toml")
    assert (tmp_path / f"{stem}.pact.json").read_bytes() == pact_json(calculated)
    assert (tmp_path / f"{stem}.xlsx").read_bytes() == workbook_bytes(calculated)
    (record,) = json.loads((tmp_path / f"{stem}.pact.json").read_text("utf-8"))["data"]
    (product,) = calculated.results.products
    assert record["productNameCompany"] == product.name
    assert figure(in_unit(float(record["pcf"]["pcfExcludingBiogenicUptake"]), product.result_unit)) == \
        PUBLISHED[stem]


def _rounded(value):
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value


def test_every_example_is_covered():
    assert {path.stem for path in EXAMPLES.glob("*.toml")} == set(PUBLISHED)
