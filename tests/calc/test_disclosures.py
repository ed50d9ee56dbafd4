"""What a report discloses that follows from spec and lines: boundary name, stages left out or empty,
packaging emission, electricity lines; and only the analyses the spec chose."""

import pytest

from conftest import EXAMPLES, fixture_data
from helpers import calculated


def product_of(data, index=0):
    return calculated(data).products[index]


def test_the_boundary_is_named_for_what_it_holds():
    minimal = product_of(fixture_data("minimal.toml")).disclosures
    assert (minimal.boundary, minimal.partial) == ("cradle-to-gate", True)
    assert minimal.omitted_stages == ("raw_material_transport", "distribution", "use", "end_of_life")
    assert minimal.empty_stages == ()
    a, b = calculated(fixture_data("two-products.toml")).products
    assert (a.disclosures.boundary, a.disclosures.partial) == ("cradle-to-gate+distribution", True)
    assert b.disclosures.empty_stages == ("raw_material_transport", "distribution")


def test_packaging_lines_give_the_packaging_emission():
    data = fixture_data("minimal.toml")
    assert (product_of(data).disclosures.packaging_included, product_of(data).disclosures.packaging_kgco2e) \
        == (False, None)
    data["products"][0]["packaging"] = {"included": True, "lines": ["steel"]}
    assert product_of(data).disclosures.packaging_kgco2e == 20.0
    del data["products"][0]["packaging"]
    assert product_of(data).disclosures.packaging_included is None


def test_electricity_is_a_watt_hour_amount_bought_in_production_or_use():
    from pcfdoc import pipeline

    (battery,) = pipeline.calc(EXAMPLES / "battery-cells.toml").results.products
    # materials entered as 1 MWh of cells × emission per MWh are not electricity
    assert battery.disclosures.electricity_lines == ("electricity",)
    assert battery.disclosures.electricity_factors == ("cn-grid-2021-north",)
    data = fixture_data("minimal.toml")
    assert product_of(data).disclosures.electricity_factors == ("grid",)
    data["products"][0]["inventory"][1]["unit"] = "MWh"
    data["products"][0]["inventory"][1]["amount"] = 0.05
    assert product_of(data).disclosures.electricity_lines == ("electricity",)


def test_only_the_analyses_the_spec_chose_are_made():
    data = fixture_data("minimal.toml")
    product = product_of(data)
    assert (product.analyses.uncertainty, product.analyses.sensitivity) == ("monte-carlo", True)
    assert product.uncertainty is not None and product.sensitivity
    data["uncertainty"] = {"method": "qualitative", "sensitivity": False, "discussion": "电网因子的年份。"}
    product = product_of(data)
    assert (product.analyses.uncertainty, product.analyses.sensitivity) == ("qualitative", False)
    assert product.uncertainty is None
    assert product.sensitivity == ()
    assert product.data_quality.dqr == pytest.approx(1.4)  # the data are rated all the same: 2, 2, 1, 1, 1


def test_calc_json_carries_only_what_was_chosen(write_spec):
    import json

    from click.testing import CliRunner

    from pcfdoc.cli import main

    data = fixture_data("minimal.toml")
    data["uncertainty"] = {"method": "qualitative", "sensitivity": False, "discussion": "电网因子的年份。"}
    result = CliRunner().invoke(main, ["calc", "--json", str(write_spec(data))])
    product = json.loads(result.stdout)["products"][0]
    assert product["analyses"] == {"uncertainty": "qualitative", "sensitivity": False}
    assert (product["uncertainty"], product["sensitivity"]) == (None, None)
