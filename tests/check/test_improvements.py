"""Checks of improvement measures that name a scenario, exact messages."""

from conftest import fixture_data
from helpers import problems


def test_improvement_scenario_links(write_spec):
    data = fixture_data("two-products.toml")
    data["scenarios"] = [{"id": "only-b", "name": "n", "product": "b",
                          "changes": [{"line": "steel", "amount": 1}]}]
    data["improvements"] = [
        {"title": "t", "description": "d", "targets": ["steel"], "scenario": "nope"},
        {"title": "t", "description": "d", "targets": ["steel"], "product": "a", "scenario": "only-b"},
        {"title": "t", "description": "d", "targets": ["steel"], "scenario": "only-b",
         "expected_reduction_pct": 5},
    ]
    found = problems(write_spec(data))
    for expected in (
        "improvements[0].scenario: unknown scenario 'nope'; use an id from [[scenarios]]",
        "improvements[1].scenario: scenario 'only-b' changes no product this measure applies to",
        "improvements[2].scenario: give either expected_reduction_pct or scenario, not both",
    ):
        assert any(p.endswith(expected) for p in found), (expected, found)
