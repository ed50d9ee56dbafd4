"""Checks of cut-off, scenarios and stated defaults: one test per rule, exact messages."""

from conftest import fixture_data
from helpers import one_error, problems, warnings, with_small_parts


def test_an_excluded_line_must_be_below_the_mass_threshold(write_spec):
    data = with_small_parts(excluded=("gasket",))
    data["products"][0]["inventory"][-2]["amount"] = 0.3  # 1.5 % of 20 kg
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[4].excluded: 密封垫 is 1.5 % of the product mass, not below the 1 % "
        "cut-off threshold; count it (remove excluded = true)")


def test_excluded_lines_together_must_stay_below_the_total(write_spec):
    data = with_small_parts(excluded=("gasket", "label"))
    data["cutoff"] = {"mass_threshold_pct": 1, "total_threshold_pct": 0.6}
    assert one_error(write_spec(data)).endswith(
        "products[0]: the lines cut off (gasket, label) are 0.75 % of the product mass together, above "
        "the 0.6 % allowed; count some of them")


def test_excluded_estimates_must_stay_below_the_total_share_of_emissions(write_spec):
    data = with_small_parts(excluded=("gasket", "label"))
    data["cutoff"] = {"mass_threshold_pct": 1, "total_threshold_pct": 1}
    for line in data["products"][0]["inventory"][-2:]:
        line["factor"] = "heavy"
    data["factors"].append({"id": "heavy", "name": "高排放材料", "value": 100.0, "unit": "kgCO2e/kg",
                            "source": "测试"})
    error = one_error(write_spec(data))
    assert "products[0]: the lines cut off are estimated at " in error
    assert "of the product's emissions, above the 1 % allowed (cutoff.total_threshold_pct)" in error


def test_a_cut_off_line_cannot_be_carried(write_spec):
    data = with_small_parts(excluded=())
    data["products"][0]["inventory"][0]["excluded"] = True  # steel, but it is carried and 75 %
    found = problems(write_spec(data))
    assert any(p.endswith("products[0].transport[0].carries: line 'steel' is cut off (excluded = true) but "
                          "this leg carries it; cut off both or count both") for p in found)
    assert any("products[0].inventory[0].excluded: 钢材 is 75 % of the product mass" in p for p in found)


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


def test_pcfdocs_own_default_scores_are_named_in_a_warning(write_spec):
    data = fixture_data("minimal.toml")
    assert warnings(write_spec(data)) == []  # the fixture states its primary defaults
    del data["data_quality"]
    data["products"][0]["inventory"][0]["quality"] = {"reliability": 1, "completeness": 1,
                                                      "geographical": 1, "technological": 1}
    (warning,) = warnings(write_spec(data))
    assert warning.endswith(
        "products[0]: warning: 1 primary-data line(s) (electricity) lack pedigree scores and take pcfdoc's "
        "defaults (reliability = 2, completeness = 2, geographical = 1, technological = 1); score them "
        "(quality = { ... }) or state the defaults under [data_quality.primary]")
