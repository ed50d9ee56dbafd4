"""`pcfdoc schema`: a JSON Schema of the spec for editors, generated from the marshmallow schema."""

import datetime as dt
import json
import tomllib

import jsonschema
import pytest
from click.testing import CliRunner

from pcfdoc.cli import main
from pcfdoc.spec.json_schema import schema_text, spec_schema

from conftest import EXAMPLES, fixture_data

ROOT = EXAMPLES.parent.parent
COMMITTED = EXAMPLES.parent / "pcfdoc.schema.json"


def as_json(value):
    """TOML data as an editor hands it to the validator: dates as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def errors(data) -> list[str]:
    validator = jsonschema.Draft4Validator(spec_schema(), format_checker=jsonschema.FormatChecker())
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(
        as_json(data)))


def test_the_schema_is_a_valid_draft_4_schema():
    jsonschema.Draft4Validator.check_schema(spec_schema())


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_example_validates(name):
    assert errors(tomllib.loads((EXAMPLES / name).read_text("utf-8"))) == []


@pytest.mark.parametrize("name", ["every-field.toml", "minimal.toml", "two-products.toml"])
def test_every_fixture_validates(name):
    assert errors(fixture_data(name)) == []


def test_an_unknown_key_and_a_wrong_type_fail():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["amout"] = 12
    data["products"][0]["inventory"][1]["amount"] = "50"
    data["boundary"]["type"] = "cradle-to-gate-ish"
    assert errors(data) == [
        "boundary.type: 'cradle-to-gate-ish' is not one of ['cradle-to-gate', 'cradle-to-grave', "
        "'gate-to-gate']",
        "products.0.inventory.0: Additional properties are not allowed ('amout' was unexpected)",
        "products.0.inventory.1.amount: '50' is not of type 'number'",
    ]


def test_required_keys_ranges_and_ids():
    data = fixture_data("minimal.toml")
    del data["report"]["issue_date"]
    data["products"][0]["functional_unit"]["amount"] = 0
    data["products"][0]["inventory"][0]["id"] = "steel plate"
    data["products"][0]["inventory"][1]["id"] = "生产用电"  # a Chinese id is a valid id
    assert errors(data) == [
        "products.0.functional_unit.amount: 0 is less than or equal to the minimum of 0",
        "products.0.inventory.0.id: 'steel plate' does not match "
        r"'^[^\\s!-/:-@\\[-^`{-~][^\\s!-,/:-@\\[-^`{-~]*$'",
        "report: 'issue_date' is a required property",
    ]


def test_descriptions_units_and_defaults_come_from_the_schema_fields():
    line = spec_schema()["properties"]["products"]["items"]["properties"]["inventory"]["items"]
    assert line["properties"]["amount"]["description"] == "activity amount per inventory_per"
    assert line["properties"]["annual_total"]["default"] is False
    assert line["properties"]["stage"]["enum"][:2] == ["raw_material", "raw_material_transport"]
    assert set(line["required"]) == {"id", "stage", "name", "amount", "unit", "data_type"}
    destination = spec_schema()["properties"]["products"]["items"]["properties"]["distribution"][
        "properties"]["destinations"]["items"]
    assert destination["properties"]["share_pct"]["description"] == "share of sales [%]"


def test_the_committed_schema_is_in_step():
    """specs/pcfdoc.schema.json is what the examples point to; regenerate it after a schema change:
    python -m pcfdoc.spec.json_schema specs/pcfdoc.schema.json"""
    assert COMMITTED.read_text("utf-8") == schema_text()


def test_the_examples_and_the_starter_point_editors_to_the_schema(tmp_path):
    for example in EXAMPLES.glob("*.toml"):
        assert example.read_text("utf-8").startswith("#:schema ../pcfdoc.schema.json\n")
    spec = tmp_path / "specs" / "acme.toml"
    result = CliRunner().invoke(main, ["new", str(spec)])
    assert result.exit_code == 0, result.stderr
    assert spec.read_text("utf-8").startswith("#:schema ./pcfdoc.schema.json\n")
    assert (spec.parent / "pcfdoc.schema.json").read_text("utf-8") == schema_text()
    assert errors(tomllib.loads(spec.read_text("utf-8"))) == []


def test_cli_prints_or_writes_the_schema(tmp_path):
    printed = CliRunner().invoke(main, ["schema"])
    assert printed.exit_code == 0
    assert json.loads(printed.stdout)["$schema"] == "http://json-schema.org/draft-04/schema#"
    target = tmp_path / "editor" / "pcfdoc.schema.json"
    written = CliRunner().invoke(main, ["schema", "-o", str(target)])
    assert written.exit_code == 0, written.stderr
    assert target.read_text("utf-8") == printed.stdout
