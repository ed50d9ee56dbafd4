import datetime as dt
import tomllib

import pytest

from pcfdoc import pipeline
from pcfdoc.spec.starter import starter_text, write_starter


def test_starter_computes_to_the_hand_figure(tmp_path):
    path = tmp_path / "s.toml"
    write_starter(path, company="某公司", product="某产品", issue_date=dt.date(2026, 5, 1))
    calculated = pipeline.calc(path, strict=True)
    (product,) = calculated.results.products
    # parts 10 + electricity 120000 kWh / 10000 台 × 0.5777 (2024 footprint factor) + diesel 0.2 kg × 3.145
    # + transport 0.005 t × 200 km × 0.078
    assert product.total_kgco2e == pytest.approx(10 + 12 * 0.5777 + 0.2 * 3.145 + 1.0 * 0.078)
    assert calculated.valid.warnings == []


def test_starter_quotes_any_name_safely():
    text = starter_text("x.toml", 'a"b\\c', "line\nbreak", dt.date(2026, 1, 31))
    data = tomllib.loads(text)
    assert data["company"]["name"] == 'a"b\\c'
    assert data["products"][0]["name"] == "line\nbreak"
    assert data["report"]["issue_date"] == dt.date(2026, 1, 31)
    assert (data["data_period"]["start"], data["data_period"]["end"]) == (
        dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_new_creates_the_folders_of_the_spec(tmp_path):
    path = tmp_path / "specs" / "2026" / "acme.toml"
    write_starter(path, company="某公司", product="某产品", issue_date=dt.date(2026, 5, 1))
    assert tomllib.loads(path.read_text("utf-8"))["company"]["name"] == "某公司"
