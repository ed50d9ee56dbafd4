"""The 27-item reporting checklist: statuses, reasons, and the warning for each item left unsaid."""

import pytest

from pcfdoc import pipeline
from pcfdoc.check.checklist import TITLES, checklist

from conftest import EXAMPLES, fixture_data
from helpers import warnings


def items_of(path):
    calculated = pipeline.calc(path)
    return {item.number: item for item in checklist(calculated.valid.spec, calculated.results)}


def test_the_valve_actuator_meets_every_applicable_item():
    items = items_of(EXAMPLES / "valve-actuator.toml")
    assert list(items) == list(range(1, 28)) == list(TITLES)
    not_applicable = {number for number, item in items.items() if item.status == "not-applicable"}
    assert not_applicable == {15}  # no use or end of life in the boundary
    assert items[27].reason == "report.revisions: 1 version(s), the latest A/0"
    assert all(item.status == "met" for number, item in items.items() if number not in not_applicable)
    assert items[5].reason.startswith("boundary cradle-to-gate+distribution (a partial CFP)")
    assert items[11].reason.endswith("primary data share (PACT): valve-actuator 0.00%")
    assert items[12].reason.startswith("valve-actuator DQR 3.14 (fair)")
    assert items[14].reason == "method.electricity; factors cn-grid-2012-north"
    assert items[26].reason == "report.review: no critical review or verification took place"


@pytest.mark.parametrize("example", ["mining-machinery.toml", "battery-cells.toml"])
def test_the_other_examples_meet_every_applicable_item_too(example):
    items = items_of(EXAMPLES / example)
    assert {n for n, item in items.items() if item.status == "not-met"} == set()
    assert {n for n, item in items.items() if item.status == "not-applicable"} == {15}  # no use stage


def test_without_its_stage_reasons_the_mining_example_says_what_is_unsaid(write_spec):
    import tomllib

    data = tomllib.loads((EXAMPLES / "mining-machinery.toml").read_text("utf-8"))
    data["boundary"]["stage_reasons"] = [r for r in data["boundary"]["stage_reasons"] if r["stage"] != "use"]
    del data["report"]["review"]
    items = items_of(write_spec(data, "mining-machinery.toml"))
    assert {n for n, item in items.items() if item.status == "not-met"} == {5, 26}
    assert items[5].reason.startswith("the boundary is cradle-to-gate+distribution (a partial CFP); say why "
                                      "use is left out")


def test_a_complete_spec_gives_no_checklist_warning(write_spec):
    items = items_of(write_spec(fixture_data("minimal.toml")))
    assert {n for n, item in items.items() if item.status != "met"} == {15, 27}


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["products"][0].pop("packaging"),
     "products[0]: warning: checklist item 23 (packaging included or not, and why) is not met: say whether "
     "the "
     "packaging of 部件 is counted (products[0].packaging = { included = true, lines = [\"…\"] }, or "
     "{ included = false, note = \"why\" })"),
    (lambda d: d["report"].pop("review"),
     "report: warning: checklist item 26 (critical review or verification) is not met: say whether the study "
     "was critically reviewed or verified: report.review = { type = \"none\" }, or { type = "
     "\"verification\", "
     "by = \"…\", standard = \"…\", date = … }"),
    (lambda d: d["method"].pop("electricity"),
     "method: warning: checklist item 14 (electricity modelling and grid factor) is not met: say how "
     "electricity is modelled (method.electricity): the factor (grid), whether it covers upstream supply and "
     "transmission losses, and why it fits"),
    (lambda d: d["products"][0].pop("reference_flow"),
     "products[0]: warning: checklist item 3 (functional unit and reference flow) is not met: state the "
     "reference flow of 部件: its mass per functional unit (products[0].mass_per_unit = { amount = …, unit = "
     "\"kg\" }) or what it is, or why it is not known (products[0].reference_flow = \"…\")"),
    (lambda d: d["report"].pop("comparative"),
     "report: warning: checklist item 4 (goal, intended use and comparison disclaimer) is not met: say "
     "whether "
     "the results are meant for comparison with other products (report.comparative = false, and the report "
     "says they must not be compared)"),
    (lambda d: d["products"][0].pop("carbon_content"),
     "products[0]: warning: checklist item 21 (fossil and biogenic carbon content of the product) is not "
     "met: "
     "state the carbon contained in one functional unit of 部件 (products[0].carbon_content = { fossil = …, "
     "biogenic = … }, kg C), or say why it is not known (note = \"…\")"),
    (lambda d: d["notes"].pop("value_choices"),
     "notes: warning: checklist item 25 (limitations, value choices and interpretation) is not met: state "
     "the "
     "value choices made and why (notes.value_choices = [\"…\"], or [] if none)"),
    (lambda d: d["method"].pop("product_rules"),
     "method: warning: checklist item 10 (standards, product category rules and sector rules) is not met: "
     "say "
     "which product category rules or sector guidance were followed (method.product_rules = [\"…\"]), or [] "
     "if none applies"),
    (lambda d: d["boundary"]["stage_reasons"].pop(2),
     "boundary: warning: checklist item 5 (system boundary, life-cycle stages and process map) is not met: "
     "the "
     "boundary is cradle-to-gate (a partial CFP); say why use is left out: [[boundary.stage_reasons]] "
     "stage = \"use\", reason = \"…\""),
    (lambda d: d["allocation"].pop("rationale"),
     "allocation: warning: checklist item 13 (allocation method and justification) is not met: justify the "
     "allocation method (none) in allocation.rationale, also when nothing needs allocating"),
    (lambda d: d["products"][0].pop("description"),
     "products[0]: warning: checklist item 2 (product name and description) is not met: describe 部件 "
     "(products[0].description): what it is, what it is made of, final or intermediate product"),
    (lambda d: d["boundary"].update(exclusions=[{"item": "厂房"}]),
     "boundary.exclusions[0]: warning: checklist item 6 (excluded processes, cut-off criteria and "
     "materiality) is not met: say why 厂房 is left out (boundary.exclusions[0].reason)"),
    (lambda d: d.update(uncertainty={"method": "qualitative"}),
     "uncertainty: warning: checklist item 24 (uncertainty and sensitivity) is not met: a qualitative "
     "uncertainty analysis needs its discussion (uncertainty.discussion): the main sources of uncertainty "
     "and "
     "their likely effect"),
])
def test_each_item_left_unsaid_is_one_warning(write_spec, change, expected):
    data = fixture_data("minimal.toml")
    change(data)
    (warning,) = warnings(write_spec(data))
    assert warning.split(".toml:", 1)[1].split(": ", 1)[1] == expected


def test_origins_left_unsaid_are_one_warning_for_lines_and_factors(write_spec):
    data = fixture_data("minimal.toml")
    for line in data["products"][0]["inventory"]:
        line["data_type"] = line.pop("activity_origin") and "primary"
    for factor in data["factors"]:
        factor.pop("origin")
    (warning,) = warnings(write_spec(data))
    assert warning.endswith(
        "products[0]: warning: checklist item 11 (data sources, primary and secondary data, databases) is "
        "not "
        "met: 2 line(s) of 部件 (steel, electricity) give data_type but not how their activity data were "
        "obtained (activity_origin = \"metered\", \"billed\", \"recorded\", \"estimated\" …); 2 factor(s) "
        "(steel, grid) do not say where their values come from (origin = \"database\", \"literature\", "
        "\"proxy\", \"supplier\" or \"site\"); until they do, they count as secondary data and take cautious "
        "default scores")


def test_a_cause_another_check_names_is_not_warned_twice(write_spec):
    data = fixture_data("minimal.toml")
    del data["products"][0]["inventory"][0]["source"]
    found = warnings(write_spec(data))
    assert len(found) == 1 and found[0].endswith(
        "products[0].inventory[0]: warning: line 'steel' has no source; say where the amount comes from")
    items = items_of(write_spec(data))
    assert (items[11].status, items[11].warned) == ("not-met", True)


def test_a_comparative_study_needs_product_rules_and_a_critical_review(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["comparative"] = True
    (warning,) = warnings(write_spec(data))
    assert warning.endswith(
        "report: warning: checklist item 4 (goal, intended use and comparison disclaimer) is not met: a "
        "comparison needs the product category rules it follows (method.product_rules); a comparison "
        "disclosed "
        "to the public needs a critical review (report.review = { type = \"critical-review\", … })")
    data["method"]["product_rules"] = ["某产品类别规则"]
    data["report"]["review"] = {"type": "critical-review", "by": "评审组", "standard": "ISO/TS 14071:2014",
                                "date": data["report"]["issue_date"]}
    assert warnings(write_spec(data)) == []


def test_cradle_to_grave_asks_for_the_use_profile_and_end_of_life(write_spec):
    data = fixture_data("minimal.toml")
    data["boundary"] = {"type": "cradle-to-grave",
                        "stages": ["raw_material", "production", "use", "end_of_life"],
                        "stage_reasons": [{"stage": "raw_material_transport", "reason": "测试"},
                                          {"stage": "distribution", "reason": "测试"},
                                          {"stage": "use", "reason": "测试：使用阶段无排放。"},
                                          {"stage": "end_of_life", "reason": "测试：报废处置未调查。"}]}
    items = items_of(write_spec(data))
    assert items[15].status == "not-met"
    assert items[15].reason == ("describe the use profile and the end of life (method.use_profile, "
                                "method.end_of_life)")
    data["method"] |= {"use_profile": "使用 10 年。", "end_of_life": "报废后回收。"}
    assert items_of(write_spec(data))[15].status == "met"
