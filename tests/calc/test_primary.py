"""The primary data share as PACT defines it, beside the share of primary activity data."""

import pytest

from pcfdoc.calc.primary import DEFINITION, activity_is_primary, primary_fraction

from conftest import fixture_data
from helpers import calculated


def product_of(data, index=0):
    return calculated(data).products[index]


def test_an_emission_counts_only_when_activity_and_factor_are_both_primary():
    data = fixture_data("minimal.toml")  # steel 20 (recorded, database), electricity 25 (metered, literature)
    product = product_of(data)
    assert product.data_quality.primary_share == 0.0
    assert product.data_quality.primary_activity_share == 1.0
    data["factors"][0]["origin"] = "site"  # the steel factor measured at the company's own site
    product = product_of(data)
    assert product.data_quality.primary_share == pytest.approx(20 / 45)
    assert product.primary_share == pytest.approx(20 / 45)
    assert product.secondary_share == pytest.approx(25 / 45)
    data["products"][0]["inventory"][0]["activity_origin"] = "estimated"  # a site factor, estimated use
    assert product_of(data).data_quality.primary_share == 0.0


def test_a_supplier_value_counts_with_the_suppliers_own_primary_share():
    data = fixture_data("two-products.toml")  # motor 1 台 × 50 kg CO2e declared by its supplier, of 93.42
    a = product_of(data)
    assert a.data_quality.primary_share == 0.0  # the supplier states no primary share: secondary
    data["products"][0]["inventory"][1]["declared"]["primary_share_pct"] = 40
    a = product_of(data)
    assert {line.id: line.primary_fraction for line in a.lines}["motor"] == 0.4
    assert a.data_quality.primary_share == pytest.approx(50 * 0.4 / 93.42)


def test_a_spec_that_gives_only_data_type_keeps_its_word_on_the_activity():
    data = fixture_data("minimal.toml")
    steel, electricity = data["products"][0]["inventory"]
    del steel["activity_origin"], electricity["activity_origin"]
    steel["data_type"], electricity["data_type"] = "primary", "secondary"
    data["factors"][0]["origin"] = "site"
    product = product_of(data)
    lines = {line.id: line for line in product.lines}
    assert (lines["steel"].data_type, lines["steel"].activity_origin) == ("primary", None)
    assert lines["electricity"].data_type == "secondary"
    assert product.data_quality.primary_activity_share == pytest.approx(20 / 45)
    assert product.data_quality.primary_share == pytest.approx(20 / 45)


@pytest.mark.parametrize(("activity", "factor", "share", "expected"), [
    ("metered", "site", None, 1.0), ("metered", "database", None, 0.0), ("metered", "proxy", None, 0.0),
    ("metered", "supplier", 25, 0.25), ("metered", "supplier", None, 0.0), ("estimated", "site", None, 0.0),
    ("supplier", "supplier", 100, 1.0), ("metered", None, None, 0.0),
])
def test_primary_fraction_of_one_line(activity, factor, share, expected):
    assert primary_fraction(activity_is_primary(activity, None), factor, share) == expected


def test_the_definition_used_is_recorded():
    product = product_of(fixture_data("minimal.toml"))
    assert product.data_quality.primary_definition == DEFINITION.id == "pact-3"
    assert "both its activity data and its emission factor are primary" in DEFINITION.rule
    assert "4.2.2" in DEFINITION.source
