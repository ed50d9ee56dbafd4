"""The calculation, on fixtures whose results are worked out by hand in their comments."""

import copy

import pytest

from pcfdoc.calc.footprint import calculate

from conftest import fixture_data
from helpers import calculated, valid_of


def run(data):
    return calculated(data)


def by_id(product):
    return {line.id: line for line in product.lines}


def test_minimal_line_is_amount_times_factor():
    (product,) = run(fixture_data("minimal.toml")).products
    lines = by_id(product)
    assert lines["steel"].kgco2e == 20.0
    assert lines["electricity"].kgco2e == 25.0
    assert lines["electricity"].gas == "CO2"
    assert [(a.gas, a.kg) for a in lines["electricity"].gases] == [("CO2", 25.0)]
    assert product.total_kgco2e == 45.0
    assert [(s.id, s.kgco2e) for s in product.stages] == [("raw_material", 20.0), ("production", 25.0)]
    assert sum(s.share for s in product.stages) == pytest.approx(1.0)


def test_two_products_match_the_hand_calculation():
    a, b = run(fixture_data("two-products.toml")).products
    lines = by_id(a)
    assert lines["steel"].kgco2e == pytest.approx(30.0)
    assert lines["motor"].kgco2e == pytest.approx(50.0)
    assert lines["motor"].factor_id is None  # supplier-declared
    assert lines["steel-transport"].amount == pytest.approx(3.0)  # 0.015 t × 200 km
    assert lines["steel-transport"].unit == "t*km"
    assert lines["steel-transport"].name == "钢材运输"
    assert lines["steel-transport"].kgco2e == pytest.approx(0.3)
    assert lines["electricity"].amount == pytest.approx(20.0)  # 100000 kWh × 0.2 / 1000 台
    assert lines["electricity"].annual.share == pytest.approx(0.2)
    assert lines["electricity"].annual_amount == 100000
    assert lines["electricity"].kgco2e == pytest.approx(10.0)
    assert lines["gas-leak"].gas == "CH4"
    assert lines["gas-leak"].gases[0].kg == pytest.approx(0.1)
    assert lines["gas-leak"].kgco2e == pytest.approx(2.8)  # AR5 CH4 = 28
    assert lines["x"].amount == pytest.approx(1.2) and lines["x"].kgco2e == pytest.approx(0.12)
    assert lines["y"].amount == pytest.approx(2.0) and lines["y"].kgco2e == pytest.approx(0.2)
    assert lines["x"].name == "产品运输至甲地"
    assert a.total_kgco2e == pytest.approx(93.42)
    assert b.total_kgco2e == pytest.approx(2700.0)
    assert by_id(b)["steel"].amount == pytest.approx(1100.0)  # 1.1 kg per kg → per t


def test_stage_totals_and_shares_add_up():
    for product in run(fixture_data("two-products.toml")).products:
        assert sum(s.kgco2e for s in product.stages) == pytest.approx(product.total_kgco2e)
        assert sum(s.share for s in product.stages) == pytest.approx(1.0)
        assert sum(line.share for line in product.lines) == pytest.approx(1.0)


def test_lines_are_in_stage_order_and_contributors_largest_first():
    a, _ = run(fixture_data("two-products.toml")).products
    assert [line.stage for line in a.lines] == [
        "raw_material", "raw_material", "raw_material_transport", "production", "production",
        "distribution", "distribution"]
    assert [line.id for line in a.contributors][:3] == ["motor", "steel", "electricity"]


def test_gases_are_kept_separately():
    a, _ = run(fixture_data("two-products.toml")).products
    gases = {g.gas: g for g in a.gases}
    assert gases["CH4"].gas_kg == pytest.approx(0.1) and gases["CH4"].gwp == 28
    assert gases["CO2"].kgco2e == pytest.approx(10.0)
    assert sum(g.kgco2e for g in a.gases) == pytest.approx(a.total_kgco2e)


@pytest.mark.parametrize(("gwp", "ch4"), [("AR4", 25), ("AR5", 28), ("AR6", 27.9)])
def test_gwp_set_weights_single_gases(gwp, ch4):
    data = fixture_data("two-products.toml")
    data["method"]["gwp"] = gwp
    a, _ = run(data).products
    assert by_id(a)["gas-leak"].kgco2e == pytest.approx(0.1 * ch4)


def test_scaling_every_amount_scales_the_total():
    data = fixture_data("minimal.toml")
    scaled = copy.deepcopy(data)
    for line in scaled["products"][0]["inventory"]:
        line["amount"] *= 3
    assert run(scaled).products[0].total_kgco2e == pytest.approx(3 * run(data).products[0].total_kgco2e)


def test_unit_conversion_in_line_and_factor():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0].update(amount=0.01, unit="t")
    data["factors"][1].update(value=500.0, unit="tCO2/GWh")
    lines = by_id(run(data).products[0])
    assert lines["steel"].kgco2e == pytest.approx(20.0)
    assert lines["electricity"].kgco2e == pytest.approx(25.0)


def test_empty_product_has_zero_total_and_zero_shares():
    data = fixture_data("minimal.toml")
    for line in data["products"][0]["inventory"]:
        line["amount"] = 0
    (product,) = run(data).products
    assert product.total_kgco2e == 0.0
    assert all(stage.share == 0.0 for stage in product.stages)


def test_calculation_does_not_change_the_spec():
    valid = valid_of(fixture_data("two-products.toml"))
    before = repr(valid.spec)
    calculate(valid.spec, valid.factor_nodes)
    assert repr(valid.spec) == before


def test_improvements_count_each_targeted_line_once():
    data = fixture_data("two-products.toml")
    data["improvements"] = [
        {"title": "t", "description": "d", "targets": ["raw_material", "steel"],
         "expected_reduction_pct": 10},
        {"title": "u", "description": "e", "targets": ["electricity"], "product": "b"},
    ]
    results = run(data)
    first_a, first_b, second_b = results.improvements
    assert (first_a.product_id, first_b.product_id, second_b.product_id) == ("a", "b", "b")
    assert first_a.target_kgco2e == pytest.approx(80.0)  # steel 30 + motor 50, steel not twice
    assert first_a.target_share == pytest.approx(80.0 / 93.42)
    assert first_a.expected_reduction_kgco2e == pytest.approx(8.0)
    assert [(t.kind, t.id) for t in first_a.targets] == [("stage", "raw_material"), ("line", "steel")]
    assert second_b.target_kgco2e == pytest.approx(500.0)
    assert second_b.expected_reduction_kgco2e is None


def test_allocation_shares_of_every_output_row_are_part_of_the_results():
    results = run(fixture_data("two-products.toml"))
    assert [(a.product_id, a.basis, a.basis_unit) for a in results.allocation] == [
        ("a", pytest.approx(20000.0), "kg"), ("b", pytest.approx(30000.0), "kg"),
        (None, pytest.approx(50000.0), "kg")]
    assert [a.share for a in results.allocation] == [pytest.approx(0.2), pytest.approx(0.3),
                                                     pytest.approx(0.5)]


def test_primary_share_and_reduction_share():
    data = fixture_data("two-products.toml")
    data["improvements"] = [{"title": "t", "description": "d", "targets": ["motor"],
                             "expected_reduction_pct": 50, "product": "a"}]
    results = run(data)
    a = results.products[0]
    # primary activity data: steel 30 + motor 50 + electricity 10 + distribution 0.32 of 93.42; no factor
    # is primary (database, literature, a supplier's value without its primary share), so PACT's share is 0
    assert a.data_quality.primary_activity_share == pytest.approx(90.32 / 93.42)
    assert (a.primary_share, a.secondary_share) == (0.0, pytest.approx(1.0))
    assert results.improvements[0].expected_reduction_share == pytest.approx(25.0 / 93.42)
