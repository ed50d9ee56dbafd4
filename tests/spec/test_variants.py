"""Product families: one spec, one report per model, each an ordinary spec underneath."""

import pytest
from click.testing import CliRunner

from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.spec.variants import model_spec

from conftest import fixture_data
from helpers import problems, valid_of
from render.docx_reading import all_text, open_report


def family():
    data = fixture_data("minimal.toml")
    data["products"][0]["mass_per_unit"] = {"amount": 12, "unit": "kg"}
    data["variants"] = [
        {"id": "w10", "model": "W-10"},
        {"id": "w20", "name": "大部件", "model": "W-20", "mass_per_unit": {"amount": 24, "unit": "kg"},
         "amounts": {"steel": 20, "electricity": 80}, "report_number": "T-001-B"},
    ]
    return data


def test_a_model_is_the_base_with_its_overrides():
    valid = valid_of(family())
    model = model_spec(valid.spec, valid.spec.variants[1])
    product = model.products[0]
    assert (product.name, product.model, product.mass_per_unit.amount) == ("大部件", "W-20", 24)
    assert [line.amount for line in product.inventory] == [20, 80]
    assert model.report.number == "T-001-B"
    assert model.variants == []
    assert valid.spec.products[0].inventory[0].amount == 10  # the base is untouched
    first = model_spec(valid.spec, valid.spec.variants[0])
    assert (first.report.number, first.products[0].name) == ("T-001-w10", "部件")


def test_build_writes_one_report_per_model(write_spec, tmp_path):
    spec = write_spec(family(), "widgets.toml")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["widgets-w10.docx", "widgets-w20.docx"]
    big = all_text(open_report((out / "widgets-w20.docx").read_bytes()))
    assert "T-001-B" in big and "大部件" in big and "W-20" in big
    assert "80.00" in big  # steel 20 kg × 2.0 + electricity 80 kWh × 0.5
    small = all_text(open_report((out / "widgets-w10.docx").read_bytes()))
    assert "T-001-w10" in small and "45.00" in small and "大部件" not in small


def test_models_of_a_two_product_spec_keep_the_allocation(write_spec, tmp_path):
    data = fixture_data("two-products.toml")
    data["variants"] = [{"id": "a2", "product": "a", "amounts": {"steel": 10}}]
    built = pipeline.build(write_spec(data), tmp_path)
    assert [p.name for p in built.targets] == ["spec-a2.docx"]
    (model,) = pipeline.documents(pipeline.calc(write_spec(data)), "spec.toml")
    base = pipeline.calc(write_spec(fixture_data("two-products.toml"))).results.products[0]
    lines = {line.id: line for line in model[1].results.products[0].lines}
    base_lines = {line.id: line for line in base.lines}
    assert lines["electricity"].kgco2e == pytest.approx(base_lines["electricity"].kgco2e)  # same share
    assert lines["steel"].kgco2e == pytest.approx(20.0)


def test_variant_references_are_checked(write_spec):
    data = fixture_data("two-products.toml")
    data["variants"] = [
        {"id": "x"},
        {"id": "y", "product": "zz"},
        {"id": "y", "product": "a", "amounts": {"stel": 1}, "mass_per_unit": {"amount": 1, "unit": "台"}},
    ]
    found = problems(write_spec(data))
    for expected in (
        'variants[0]: the spec has several products; name the base with product = "..."',
        "variants[1].product: unknown product 'zz'; use an id from [[products]]",
        "variants[2].id: variant id 'y' is used twice (first at variants[1].id); ids must be unique",
        "variants[2].amounts.stel: unknown inventory line 'stel'; did you mean 'steel'? If not, name an "
        "inventory line of 'a'",
        "variants[2].mass_per_unit.unit: 台 is not a mass; write kg or t",
    ):
        assert any(p.endswith(expected) for p in found), (expected, found)


def test_a_model_that_breaks_a_limit_is_reported_at_its_entry(write_spec, tmp_path):
    data = family()
    data["products"][0]["inventory"].append(
        {"id": "label", "stage": "raw_material", "name": "铭牌", "amount": 0.05, "unit": "kg",
         "factor": "steel", "data_type": "primary", "source": "BOM", "excluded": True})
    data["variants"][1]["mass_per_unit"] = {"amount": 2, "unit": "kg"}  # 0.05 kg is 2.5 % of 2 kg
    spec = write_spec(data)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "variants[1]: model 'w20': products[0].inventory[2].excluded: 铭牌 is 2.5 % of the product mass" \
        in result.stderr
    assert not (tmp_path / "out").exists()  # nothing written, not even the valid model
