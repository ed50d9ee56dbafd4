"""The ISO 14067 split by category and stage, and the cut-off table."""

import pytest

from conftest import fixture_data
from helpers import calculated, with_small_parts


def product_of(data, index=0):
    return calculated(data).products[index]


def test_categories_default_to_fossil_and_air_legs_to_aircraft():
    data = fixture_data("two-products.toml")
    data["products"][0]["transport"][0]["mode"] = "air"
    data["products"][0]["inventory"][3]["category"] = "biogenic"  # gas-leak
    data["factors"][0]["category"] = "dluc"  # steel, used by both products
    product = product_of(data)
    lines = {line.id: line for line in product.lines}
    assert lines["steel-transport"].category == "aircraft"
    assert lines["gas-leak"].category == "biogenic"
    assert lines["steel"].category == "dluc"
    assert lines["motor"].category == "fossil"  # a declared value has no factor category
    total, *stages = product.ghg_breakdown
    assert total.id == "total"
    assert total.aircraft == pytest.approx(lines["steel-transport"].kgco2e)
    assert total.biogenic == pytest.approx(lines["gas-leak"].kgco2e)
    assert total.dluc == pytest.approx(lines["steel"].kgco2e)
    assert total.fossil + total.biogenic + total.dluc + total.aircraft == pytest.approx(product.total_kgco2e)
    by_stage = {split.id: split for split in stages}
    assert [split.id for split in stages] == [stage.id for stage in product.stages]
    assert by_stage["raw_material_transport"].aircraft == pytest.approx(lines["steel-transport"].kgco2e)
    assert by_stage["production"].fossil + by_stage["production"].biogenic == pytest.approx(
        next(s.kgco2e for s in product.stages if s.id == "production"))


def test_a_line_category_wins_over_the_air_mode():
    data = fixture_data("two-products.toml")
    data["products"][0]["transport"][0].update(mode="air", category="fossil")
    lines = {line.id: line for line in product_of(data).lines}
    assert lines["steel-transport"].category == "fossil"


def test_inputs_below_the_mass_threshold_are_listed_and_counted():
    product = product_of(with_small_parts(excluded=()))
    rows = {row.id: row for row in product.cutoff.lines}
    assert set(rows) == {"gasket", "label"}  # steel is 75 % of the mass; the motor is not a mass
    assert rows["gasket"].mass_share == pytest.approx(0.1 / 20)
    assert rows["gasket"].kgco2e == pytest.approx(0.2)
    assert not rows["gasket"].excluded
    assert product.cutoff.excluded_kgco2e == 0.0
    assert {"gasket", "label"} <= {line.id for line in product.lines}


def test_excluded_lines_are_estimated_but_not_counted():
    counted = product_of(with_small_parts(excluded=()))
    product = product_of(with_small_parts(excluded=("gasket",)))
    assert "gasket" not in {line.id for line in product.lines}
    assert product.total_kgco2e == pytest.approx(counted.total_kgco2e - 0.2)
    cutoff = product.cutoff
    assert cutoff.excluded_kgco2e == pytest.approx(0.2)
    assert cutoff.excluded_mass_share == pytest.approx(0.005)
    assert cutoff.excluded_emission_share == pytest.approx(0.2 / (product.total_kgco2e + 0.2))
    rows = {row.id: row for row in cutoff.lines}
    assert rows["gasket"].excluded and not rows["label"].excluded
    assert sum(stage.share for stage in product.stages) == pytest.approx(1.0)
