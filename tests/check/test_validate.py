"""How problems are collected, located and formatted."""

import re

from pcfdoc.check.validate import validate
from pcfdoc.spec.load import load

from conftest import fixture_data
from helpers import problems

FORMAT = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<path>[\w.\[\]\"-]+): (?P<message>.+)$")


def test_schema_and_meaning_errors_are_reported_together_in_line_order(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["amount"] = "ten"        # schema
    data["products"][0]["inventory"][1]["factor"] = "gird"       # meaning, in another line
    data["data_period"]["end"] = data["report"]["issue_date"].replace(year=2025)  # meaning
    data["method"]["gwpp"] = "AR6"                                # unknown key
    path = write_spec(data)
    found = problems(path)
    assert len(found) == 4, found
    parsed = [FORMAT.match(p) for p in found]
    assert all(parsed), found
    assert [m["path"] for m in parsed] == [
        "products[0].inventory[0].amount",
        "products[0].inventory[1].factor",
        "data_period.end",
        "method.gwpp",
    ]
    lines = [int(m["line"]) for m in parsed]
    assert lines == sorted(lines)
    text = path.read_text("utf-8").splitlines()
    assert text[lines[0] - 1].startswith("amount = ")
    assert text[lines[1] - 1].startswith("factor = ")


def test_references_to_tables_that_failed_the_schema_are_not_called_unknown(write_spec):
    data = fixture_data("minimal.toml")
    data["factors"][0]["value"] = "2.0"  # the factor fails; lines still name it
    found = problems(write_spec(data))
    assert len(found) == 1 and "factors[0].value: expected a number" in found[0]


def test_a_missing_top_level_table_still_lets_other_checks_run(write_spec):
    data = fixture_data("minimal.toml")
    del data["boundary"]
    data["products"][0]["inventory"][0]["factor"] = "steal"
    found = problems(write_spec(data))
    assert any("boundary: required key 'boundary' is missing" in p for p in found)
    assert any("unknown factor 'steal'" in p for p in found)


def test_warnings_are_kept_apart_unless_strict(write_spec):
    data = fixture_data("minimal.toml")
    del data["factors"][0]["source"]
    path = write_spec(data)
    valid = validate(load(path))
    assert [w.severity for w in valid.warnings] == ["warning"]
    strict = problems(path, strict=True)
    assert len(strict) == 1 and ": warning: " not in strict[0]
    assert "factor 'steel' has no source" in strict[0]


def test_problem_without_a_line_prints_file_and_path(write_spec):
    path = write_spec({"report": {}})
    found = problems(path)
    assert any(p.startswith(f"{path}: company: required key 'company' is missing") for p in found)
    assert any(p.startswith(f"{path}:1: report.number: required key 'number' is missing") for p in found)


def test_empty_file_lists_every_required_table(write_spec):
    found = problems(write_spec(""))
    assert {p.split(": ")[1] for p in found} == {
        "report", "company", "products", "data_period", "boundary", "method"}
