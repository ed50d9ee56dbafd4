"""Field types, required and unknown keys: what the schema alone rejects."""

import pytest

from pcfdoc.spec.schema import Node, Spec

from conftest import fixture_data
from helpers import one_error, problems


def test_minimal_fixture_loads_into_nodes_with_defaults():
    spec = Spec().load(fixture_data("minimal.toml"))
    assert isinstance(spec, Node)
    assert spec.report.language == "zh-CN"
    assert spec.allocation.method == "none"
    assert spec.cutoff.mass_threshold_pct == 1.0
    assert spec.products[0].inventory[0].annual_total is False
    assert spec.products[0].transport == []
    assert spec.factors[1].gas == "CO2"  # from the unit kgCO2/kWh
    assert spec.factors[0].gas == "CO2e"


def set_in(data, path, value):
    *parents, last = path
    for key in parents:
        data = data[key]
    data[last] = value


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("products", 0, "inventory", 0, "amount"), "10",
         "expected a number, got the string '10'; write it without quotes"),
        (("products", 0, "inventory", 0, "amount"), True, "expected a number, got the boolean true"),
        (("products", 0, "inventory", 0, "amount"), float("nan"),
         "must be a finite number, got nan; nan and inf are not amounts"),
        (("products", 0, "inventory", 0, "amount"), float("inf"), "must be a finite number, got inf"),
        (("products", 0, "inventory", 0, "amount"), float("-inf"), "must be a finite number, got -inf"),
        (("products", 0, "inventory", 0, "amount"), -1, "must be at least 0, got -1"),
        (("products", 0, "inventory", 0, "amount"), 1e300, "1e+300 is implausibly large"),
        (("products", 0, "functional_unit", "amount"), 0, "must be greater than 0, got 0"),
        (("products", 0, "inventory", 0, "unit"), "kgg", "unknown unit kgg in 'kgg'"),
        (("products", 0, "inventory", 0, "stage"), "production_",
         "'production_' is not allowed; did you mean 'production'?"),
        (("products", 0, "inventory", 0, "id"), "bad id!", "'bad id!' is not a valid id"),
        (("products", 0, "inventory", 0, "annual_total"), 1, "expected true or false, got the number 1"),
        (("report", "issue_date"), "2024-03-01", "write the date without quotes, e.g. 2024-06-07"),
        (("report", "standards"), "ISO 14067:2018", "expected an array [...], got the string"),
        (("report", "standards"), [], "needs at least 1 entry"),
        (("report", "standards"), ["ISO 14067"],
         "'ISO 14067' is not allowed; did you mean 'ISO 14067:2018'?"),
        (("report", "number"), "", "must not be empty"),
        (("report", "number"), "A\x07B", "contains the control character U+0007 at position 2"),
        (("report", "purpose"), "x" * 20001, "is 20,001 characters long, more than the 20,000 allowed"),
        (("method", "gwp"), "AR7", "'AR7' is not allowed; did you mean 'AR6'? Allowed: 'AR4', 'AR5', 'AR6'"),
        (("company", "contact"), "someone", "expected a table, got the string 'someone'"),
        (("factors", 0, "year"), 2022.5, "expected a whole number, got the number 2022.5"),
    ],
)
def test_wrong_values_are_rejected_with_what_to_write(write_spec, path, value, message):
    data = fixture_data("minimal.toml")
    set_in(data, path, value)
    error = one_error(write_spec(data))
    assert message in error


def test_unknown_keys_are_rejected_at_every_level_with_a_suggestion(write_spec):
    data = fixture_data("minimal.toml")
    data["reportt"] = {}
    data["report"]["numbr"] = "x"
    data["products"][0]["inventory"][1]["amout"] = 1
    data["company"]["contact"]["fax"] = "1"
    found = problems(write_spec(data))
    assert any("reportt: unknown key 'reportt'; did you mean 'report'?" in p for p in found)
    assert any("report.numbr: unknown key 'numbr'; did you mean 'number'?" in p for p in found)
    assert any("products[0].inventory[1].amout: unknown key 'amout'; did you mean 'amount'?" in p
               for p in found)
    assert any("company.contact.fax: unknown key 'fax'; allowed: 'name', 'phone', 'email'" in p
               for p in found)


def test_missing_required_keys_say_what_the_key_means(write_spec):
    data = fixture_data("minimal.toml")
    del data["products"][0]["functional_unit"]
    del data["method"]
    found = problems(write_spec(data))
    assert any("products[0].functional_unit: required key 'functional_unit' is missing "
               "(functional (or declared) unit, e.g. 1 台, 1 t, 1 MWh); add it" in p for p in found)
    assert any("method: required key 'method' is missing (impact method and data sources)" in p
               for p in found)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"declared": {"value": 1.0, "unit": "kgCO2e/kg"}}, "give either factor or declared, not both"),
        ({"factor": None}, "give how the emission is found: either factor = ... or declared = ..."),
    ],
)
def test_a_line_needs_exactly_one_of_factor_and_declared(write_spec, changes, message):
    data = fixture_data("minimal.toml")
    line = data["products"][0]["inventory"][0]
    for key, value in changes.items():
        if value is None:
            del line[key]
        else:
            line[key] = value
    assert message in one_error(write_spec(data))


def test_factor_gas_must_match_the_gas_its_unit_names(write_spec):
    data = fixture_data("minimal.toml")
    data["factors"][1]["gas"] = "CH4"
    assert ("factors[1].gas: gas is CH4 but the unit kgCO2/kWh is a mass of CO2"
            in one_error(write_spec(data)))


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["products"][0]["inventory"][0].update(data_type="secondary"),
     "products[0].inventory[0].data_type: data_type is secondary but activity_origin 'recorded' is primary "
     "data; remove data_type (activity_origin says it) or fix one"),
    (lambda d: d["products"][0]["inventory"][0].pop("activity_origin"),
     "products[0].inventory[0].activity_origin: say how the activity data were obtained: activity_origin = "
     "\"metered\", \"recorded\", \"estimated\" … (or data_type = \"primary\" | \"secondary\")"),
    (lambda d: d["factors"][0].update(origin="proxy"),
     "factors[0].proxy_for: a proxy names what it stands in for: add proxy_for = \"<material or process>\""),
    (lambda d: d["factors"][0].update(proxy_for="冷轧钢板"),
     "factors[0].proxy_for: proxy_for is only for origin = \"proxy\"; set origin = \"proxy\" or remove "
     "proxy_for"),
    (lambda d: d["factors"][0].update(primary_share_pct=30),
     "factors[0].primary_share_pct: primary_share_pct is the supplier's own share of primary data: only for "
     "origin = \"supplier\""),
    (lambda d: d["report"].update(review={"type": "verification", "by": "某机构"}),
     "report.review.standard: a verification names who did it, to which standard and when: add standard, "
     "date"),
    (lambda d: d["products"][0].update(packaging={"included": False, "lines": ["steel"]}),
     "products[0].packaging.lines: packaging that is not counted has no lines; remove lines or set "
     "included = true"),
    (lambda d: d["products"][0].update(packaging={"included": False}),
     "products[0].packaging.note: name the packaging lines (lines = [...]) or say why it is not counted in "
     "note"),
    (lambda d: d["products"][0].update(carbon_content={}),
     "products[0].carbon_content.fossil: give fossil or biogenic (kg C per functional unit), or say in note "
     "why they are not known"),
    (lambda d: d.update(uncertainty={"method": "bootstrap"}),
     "uncertainty.method: 'bootstrap' is not allowed; allowed: 'monte-carlo', 'qualitative'"),
])
def test_origins_and_disclosures_say_what_to_write(write_spec, change, message):
    data = fixture_data("minimal.toml")
    change(data)
    assert one_error(write_spec(data)).split(".toml:", 1)[1].split(": ", 1)[1] == message


def test_a_library_file_may_state_the_origin_of_its_factors_once():
    from pcfdoc.spec.library import shipped
    from pcfdoc.spec.schema import LibraryFile

    library = LibraryFile().load({"origin": "database", "factors": [
        {"id": "a", "name": "a", "value": 1.0, "unit": "kgCO2e/kg", "source": "s", "status": "verified"},
        {"id": "b", "name": "b", "value": 1.0, "unit": "kgCO2e/kg", "source": "s", "status": "verified",
         "origin": "supplier"}]})
    assert [factor.origin for factor in library.factors] == ["database", "supplier"]
    origins = {entry.factor.id: entry.factor.origin for entry in shipped()}
    assert origins["cn-freight-road-cpcd-average"] == "database"
    assert origins["cn-grid-2012-north"] == origins["cn-fuel-diesel"] == "literature"
    assert None not in origins.values()
