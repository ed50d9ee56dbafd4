"""Checks of scenarios: references and the keys each change takes, exact messages."""

from conftest import fixture_data
from helpers import one_error, problems


def test_scenario_references_and_keys(write_spec):
    data = fixture_data("two-products.toml")
    data["scenarios"] = [
        {"id": "s", "name": "a", "changes": [{"line": "stel", "amount": 1}]},
        {"id": "s", "name": "b", "product": "zzz", "changes": [{"line": "steel", "amount": 1}]},
        {"id": "t", "name": "c", "changes": [{"line": "steel-transport", "amount": 1},
                                             {"line": "electricity", "factor": "truck"},
                                             {"line": "x", "distance_km": 5},
                                             {"line": "x", "factor": "grid"}]},
    ]
    found = problems(write_spec(data))
    for expected in (
        "scenarios[0].changes[0].line: unknown line 'stel'; did you mean 'steel'? If not, name an "
        "inventory line, transport leg or destination",
        "scenarios[1].id: scenario id 's' is used twice (first at scenarios[0].id); ids must be unique",
        "scenarios[1].product: unknown product 'zzz'; use an id from [[products]]",
        "scenarios[2].changes[0].amount: amount does not apply to 'steel-transport', a transport leg; it "
        "takes distance_km, factor",
        "scenarios[2].changes[3].line: line 'x' is changed twice in this scenario; merge the changes",
    ):
        assert any(p.endswith(expected) for p in found), (expected, found)
    assert any("scenarios[2].changes[1].factor: kWh × kgCO2e/(t*km)" in p for p in found), found


def test_change_needs_something_to_change(write_spec):
    data = fixture_data("minimal.toml")
    data["scenarios"] = [{"id": "s", "name": "n", "changes": [{"line": "steel"}]}]
    assert one_error(write_spec(data)).endswith(
        "scenarios[0].changes[0].line: say what changes: amount, amount_change_pct, factor or distance_km")
