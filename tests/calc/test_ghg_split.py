"""The ISO 14067 split by category and stage."""

import pytest

from conftest import fixture_data
from helpers import calculated


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
