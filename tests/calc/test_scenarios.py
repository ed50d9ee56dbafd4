"""Scenarios: changed copies of a product, compared with the baseline; improvements use them."""

import pytest

from conftest import fixture_data
from helpers import calculated


def with_scenarios(*scenarios, improvements=()):
    data = fixture_data("two-products.toml")
    data["scenarios"] = list(scenarios)
    data["improvements"] = list(improvements)
    return data


def by_id(items):
    return {item.id: item for item in items}


def test_amount_distance_and_factor_changes():
    data = with_scenarios(
        {"id": "lighter", "name": "轻量化", "product": "a",
         "changes": [{"line": "steel", "amount_change_pct": -20}]},
        {"id": "near", "name": "就近采购", "changes": [{"line": "steel-transport", "distance_km": 50},
                                                      {"line": "x", "distance_km": 10}]},
        {"id": "green", "name": "绿电", "changes": [{"line": "electricity", "factor": "steel"}]},
    )
    data["factors"].append({"id": "green-power", "name": "绿电", "value": 0.0, "unit": "kgCO2e/kWh",
                            "source": "测试"})
    data["scenarios"][2]["changes"][0]["factor"] = "green-power"
    a, b = calculated(data).products
    lines = by_id(a.lines)
    scenarios = by_id(a.scenarios)
    # lighter: 20 % less steel, and 20 % less steel carried
    cut = 0.2 * (lines["steel"].kgco2e + lines["steel-transport"].kgco2e)
    assert scenarios["lighter"].change_kgco2e == pytest.approx(-cut)
    assert scenarios["lighter"].total_kgco2e == pytest.approx(a.total_kgco2e - cut)
    assert scenarios["lighter"].change_share == pytest.approx(-cut / a.total_kgco2e)
    # near: 200 → 50 km for the steel, 100 → 10 km for destination x
    near = lines["steel-transport"].kgco2e * 0.75 + lines["x"].kgco2e * 0.9
    assert scenarios["near"].change_kgco2e == pytest.approx(-near)
    assert dict(scenarios["near"].stages)["production"] == pytest.approx(
        by_id(a.stages)["production"].kgco2e)
    # green: electricity emits nothing, in both products
    assert scenarios["green"].change_kgco2e == pytest.approx(-lines["electricity"].kgco2e)
    assert [s.id for s in b.scenarios] == ["green"]  # b has no steel-transport or x; "lighter" is a's
    assert b.scenarios[0].change_kgco2e == pytest.approx(-by_id(b.lines)["electricity"].kgco2e)


def test_the_baseline_is_not_changed_by_a_scenario():
    plain = calculated(fixture_data("two-products.toml")).products[0]
    data = with_scenarios({"id": "s", "name": "s", "changes": [{"line": "steel", "amount": 1}]})
    assert calculated(data).products[0].total_kgco2e == pytest.approx(plain.total_kgco2e)


def test_an_improvement_takes_its_reduction_from_a_scenario():
    data = with_scenarios(
        {"id": "half-power", "name": "节电", "changes": [{"line": "electricity", "amount_change_pct": -50}]},
        improvements=[{"title": "节电", "description": "d", "targets": ["electricity"],
                       "scenario": "half-power"}],
    )
    results = calculated(data)
    a = results.products[0]
    electricity = by_id(a.lines)["electricity"].kgco2e
    item = next(i for i in results.improvements if i.product_id == "a")
    assert item.scenario == "half-power"
    assert item.expected_reduction_kgco2e == pytest.approx(electricity / 2)
    assert item.expected_reduction_of_targets == pytest.approx(0.5)
    assert item.expected_reduction_share == pytest.approx(electricity / 2 / a.total_kgco2e)


def test_a_scenario_equals_the_baseline_of_a_spec_with_its_changes_written_in():
    """Scenarios reuse the baseline's unchanged rows; the sums must still be the full calculation's."""
    green = {"id": "green-power", "name": "绿电", "value": 0.1, "unit": "kgCO2e/kWh", "source": "测试"}
    data = with_scenarios({"id": "mix", "name": "组合", "product": "a", "changes": [
        {"line": "steel", "amount_change_pct": -20},  # also changes the leg that carries it
        {"line": "gas-leak", "amount": 50},
        {"line": "x", "distance_km": 10},
        {"line": "electricity", "factor": "green-power"},
    ]})
    data["factors"].append(green)
    changed = fixture_data("two-products.toml")
    changed["factors"].append(green)
    lines = {line["id"]: line for line in changed["products"][0]["inventory"]}
    lines["steel"]["amount"] = lines["steel"]["amount"] * (1.0 + -20 / 100.0)
    lines["gas-leak"]["amount"] = 50
    lines["electricity"]["factor"] = "green-power"
    changed["products"][0]["distribution"]["destinations"][0]["distance_km"] = 10

    (scenario,) = calculated(data).products[0].scenarios
    expected = calculated(changed).products[0]
    assert scenario.total_kgco2e == expected.total_kgco2e
    assert dict(scenario.stages) == {stage.id: stage.kgco2e for stage in expected.stages}
    assert scenario.change_kgco2e != 0.0
