"""`pcfdoc import`: a filled workbook back into the spec, comments and layout kept."""

import shutil

import pytest
from click.testing import CliRunner

from form_filling import fill, first_empty_row, make_form
from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.errors import FormError

from conftest import EXAMPLES, FIXTURES, GOLDEN, example_pictures


@pytest.fixture
def valve(tmp_path):
    spec = tmp_path / "valve-actuator.toml"
    shutil.copy(EXAMPLES / "valve-actuator.toml", spec)
    example_pictures(tmp_path)  # the pictures the example names, relative to it
    return spec, make_form(spec, tmp_path / "valve-form.xlsx")


@pytest.mark.parametrize("name", [*sorted(p.name for p in EXAMPLES.glob("*.toml")), "two-products.toml",
                                  "every-field.toml"])
def test_an_untouched_workbook_leaves_the_spec_byte_identical(name, tmp_path):
    source = (EXAMPLES if (EXAMPLES / name).exists() else FIXTURES) / name
    spec = tmp_path / name
    shutil.copy(source, spec)
    example_pictures(tmp_path)
    if source.parent == FIXTURES:
        shutil.copytree(FIXTURES / "factors", tmp_path / "factors")  # every-field's factor library
        shutil.copytree(FIXTURES / "images", tmp_path / "images", dirs_exist_ok=True)  # and its pictures
    workbook = make_form(spec, tmp_path / "form.xlsx")
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{workbook}: no changes; {spec} is as it was\n"
    assert spec.read_bytes() == source.read_bytes()


def client_edits(workbook):
    """Changed amounts, one material added and one deleted, monthly power, a phone, unknown quantities."""
    new = first_empty_row(workbook, "原材料")
    months = {("生产用电", f"m2022{month:02d}"): 19_000 + month * 100 for month in range(1, 13)}
    return fill(workbook, {
        "企业信息": {(10, "value"): "022-2639-0000"},
        "原材料": {
            ("灰铁铸件", "amount"): 21.5,
            ("灰铁铸件", "supplier"): "唐山某铸造厂",
            ("灰铁铸件", "leg.distance_km"): 480,
            ("乳化液", "delete"): "删除",
            (new, "name"): "棒料", (new, "model"): "45#", (new, "amount"): 0.2, (new, "unit"): "kg",
            (new, "basis"): "单位产品", (new, "supplier"): "天津某钢厂", (new, "supplier_location"): "天津市静海区",
            (new, "activity_origin"): "票据记录",
            (new, "leg.distance_km"): 120, (new, "leg.mode"): "公路", (new, "leg.activity_origin"): "估算",
        },
        "能源与水": months,
        "主要设备": {(5, "quantity"): None, (4, "note"): "2020 年大修"},
    })


def test_a_filled_workbook_imports_into_the_expected_spec(valve, update_golden):
    spec, workbook = valve
    client_edits(workbook)
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / "valve-actuator-imported.toml"
    if update_golden:
        golden.write_text(spec.read_text("utf-8"), "utf-8")
    assert spec.read_text("utf-8") == golden.read_text("utf-8")
    changes = [line for line in result.stdout.splitlines() if "!" in line and ": " in line]
    assert changes == [
        "企业信息!C10: 联系电话: 022-2639 1275 → 022-2639-0000",
        "原材料!D4: 灰铁铸件 用量: 20.2 → 21.5",
        "原材料!H4: 灰铁铸件 供应商: (empty) → 唐山某铸造厂",
        "原材料!N4: 灰铁铸件 运输距离（km）: 500 → 480",
        "原材料!T7: deleted: 乳化液",
        "原材料!A10: added: 棒料 0.2 kg",
        "原材料!N10: added: transport of 棒料, 120 km",
        "能源与水!E4: 生产用电 用量: 225,500 → 235,800",
        "主要设备!G4: 立式车床 备注: (empty) → 2020 年大修",
        "主要设备!E5: 立式车床 数量（台/套）: 1 → (empty)",
    ]
    total = next(line for line in result.stdout.splitlines() if "│ total" in line)
    assert [cell.strip() for cell in total.split("│")[3:6]] == ["401.95", "406.37", "+4.42"]
    assert f"wrote {spec} (10 change(s))" in result.stdout


def test_the_import_keeps_comments_and_marks_what_was_deleted(valve):
    spec, workbook = valve
    client_edits(workbook)
    pipeline.import_form(workbook, spec)
    text = spec.read_text("utf-8")
    original = (EXAMPLES / "valve-actuator.toml").read_text("utf-8")
    comments = [line for line in original.splitlines() if line.startswith("#")]
    assert all(comment in text.splitlines() for comment in comments)
    assert "# removed by pcfdoc import of valve-form.xlsx: 原材料!T7: 乳化液 marked 删除\n# [[products.inventory]]\n" \
           '# id = "emulsion"' in text
    assert '# removed by pcfdoc import of valve-form.xlsx: it carried 乳化液, removed too\n# [[products.transport]]\n' \
           '# id = "emulsion-transport"' in text


def test_dry_run_never_writes(valve):
    spec, workbook = valve
    client_edits(workbook)
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", "--dry-run", str(workbook), str(spec)])
    assert result.exit_code == 0, result.stderr
    assert "原材料!D4: 灰铁铸件 用量: 20.2 → 21.5" in result.stdout
    assert result.stdout.rstrip().endswith(f"dry run: {spec} not written")
    assert spec.read_bytes() == before


def test_monthly_figures_and_an_annual_amount_that_disagree(valve):
    spec, workbook = valve
    fill(workbook, {"能源与水": {("生产用电", "m202201"): 20_000, ("生产用电", "amount"): 230_000}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 能源与水!E4: the amount 230,000 differs from the sum of the months, 20,000; "
        "clear one of them"]


def test_a_workbook_made_for_another_spec_is_refused(valve, tmp_path):
    spec, _ = valve
    other = tmp_path / "battery-cells.toml"
    shutil.copy(EXAMPLES / "battery-cells.toml", other)
    workbook = make_form(other, tmp_path / "battery-form.xlsx")
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{workbook}: made for 唐山国轩电池有限公司 (products battery-cells, spec battery-cells.toml), not for "
        f"{spec}; import it into the spec it was made for\n")
    assert spec.read_bytes() == before


def test_an_older_version_is_refused_unless_reconciled(valve):
    spec, workbook = valve
    text = spec.read_text("utf-8")
    spec.write_text(text.replace("amount = 6.13", "amount = 6.2"), "utf-8")  # aluminium, after the form
    fill(workbook, {"原材料": {("灰铁铸件", "amount"): 21.5}})
    refused = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"{workbook}: made from an older version of {spec}, which has changed since: 原材料: 铝合金铸件 用量 was "
        "6.13 in the form, is 6.2 in the spec; pass --reconcile to apply only the cells the client changed (a "
        "cell changed on both sides is then an error), or make a new form\n")
    reconciled = CliRunner().invoke(main, ["import", "--reconcile", str(workbook), str(spec)])
    assert reconciled.exit_code == 0, reconciled.stderr
    updated = spec.read_text("utf-8")
    assert "amount = 21.5" in updated and "amount = 6.2" in updated


def test_a_cell_changed_on_both_sides_is_an_error_when_reconciling(valve):
    spec, workbook = valve
    spec.write_text(spec.read_text("utf-8").replace("amount = 20.2", "amount = 20.4"), "utf-8")
    fill(workbook, {"原材料": {("灰铁铸件", "amount"): 21.5}})
    before = spec.read_bytes()
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec, reconcile=True)
    assert info.value.lines() == [
        f"{workbook}: 原材料!D4: 用量 of 灰铁铸件 was changed in the form (20.2 → 21.5) and in the spec (20.4); "
        "settle it in one of them and import again"]
    assert spec.read_bytes() == before


def test_a_new_material_without_a_factor_names_what_to_add(valve):
    spec, workbook = valve
    new = first_empty_row(workbook, "原材料")
    fill(workbook, {"原材料": {(new, "name"): "铜线", (new, "amount"): 0.4, (new, "unit"): "kg",
                             (new, "basis"): "单位产品", (new, "activity_origin"): "企业统计"}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!B10: '铜线' is new and no emission factor is named '铜线'; add a [[factors]] entry "
        "with name = '铜线' to the spec (or give the material the name of one), then import again"]


def test_a_result_the_checks_refuse_is_not_written_and_names_the_row(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {("电机", "unit"): "kg"}})  # the motor's factor is per 台
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    lines = before.decode("utf-8").splitlines()
    motor = lines.index('name = "电机"')  # its unit = "台" follows a few lines below
    unit = next(n for n in range(motor, len(lines)) if lines[n].startswith("unit = ")) + 1
    assert errors == [
        f"{spec} (as imported from {workbook}):{unit}: products[0].inventory[5].unit: kg × kgCO2e/台 is not a mass of "
        "CO2e: factor 'motor' (kgCO2e/台) is per 台 (count); give the amount in that unit or use a factor per kg "
        "(from 原材料!E9)"]
    assert spec.read_bytes() == before


BAD_CELLS = [
    ("原材料", ("灰铁铸件", "amount"), "十二万",
     "原材料!D4: '十二万' is not a number; write digits only, e.g. 120000 (no units or words; the unit has "
     "its own column)"),
    ("原材料", ("灰铁铸件", "amount"), -3, "原材料!D4: -3 is not allowed here; the figure must be at least 0"),
    ("原材料", ("灰铁铸件", "amount"), "#DIV/0!",
     "原材料!D4: holds the Excel error #DIV/0!; correct the formula or type the value"),
    ("原材料", ("灰铁铸件", "unit"), "公斤每台",
     "原材料!E4: '公斤每台' is not a unit pcfdoc knows; write units as kg, t, kWh, MWh, GJ, tce, m3, Nm3, L, "
     "t*km (or t·km), 万kWh, 10⁴Nm³ or a counting unit (台, 套, 件, 个, 只, piece); factors as kgCO2e/kWh: "
     "everything after '/' is the denominator, so kgCO2e/t·km is per t·km"),
    ("原材料", ("灰铁铸件", "leg.mode"), "汽运", "原材料!O4: '汽运' is not one of 公路, 铁路, 水路, 航空, 管道; "
     "choose from the list"),
    ("原材料", ("灰铁铸件", "basis"), None, "原材料!F4: 数据口径 is required; fill it in, or mark the row 删除"),
    ("能源与水", ("生产用电", "m202203"), "__date__",
     "能源与水!H4: is the date 2022-03-04, not a number (Excel turns 3/4 into a date); format the cell as a "
     "number and type the figure again"),
    ("主要设备", (4, "quantity"), 2.5,
     "主要设备!E4: 2.5 is not a whole number; write a count such as 2, or leave it empty when unknown"),
    ("产品销售运输", (4, "share_pct"), 120, None),  # the example has no distribution: row 4 is empty
    ("主要设备", (4, "name"), "x" * 600,
     "主要设备!B4: is 600 characters long, more than the 500 allowed; shorten it"),
    ("原材料", ("灰铁铸件", "amount"), "12 kg",
     "原材料!D4: '12 kg' is not a number; write digits only, e.g. 120000 (no units or words; the unit has "
     "its own column)"),
    ("企业信息", (4, "value"), None, "企业信息!C4: 企业名称 is required; fill it in"),
]


@pytest.mark.parametrize(("sheet", "cell", "value", "message"), [case for case in BAD_CELLS if case[3]],
                         ids=lambda value: None)
def test_bad_cells_exit_2_naming_sheet_and_cell_and_write_nothing(valve, sheet, cell, value, message):
    import datetime as dt

    spec, workbook = valve
    fill(workbook, {sheet: {cell: dt.datetime(2022, 3, 4) if value == "__date__" else value}})
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 2
    assert result.stderr == f"{workbook}: {message}\n"
    assert spec.read_bytes() == before


def test_every_bad_cell_is_reported_at_once(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {("灰铁铸件", "amount"): "十二万", ("铝合金铸件", "unit"): "kgg"},
                    "主要设备": {(4, "quantity"): 0}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert [line.split(": ")[1] for line in info.value.lines()] == ["原材料!D4", "原材料!E5", "主要设备!E4"]


def test_a_copied_row_and_a_foreign_key_are_refused(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {(20, "_key"): "products:valve-actuator.inventory:grey-iron", (20, "name"): "灰铁铸件",
                             (21, "_key"): "products:other.inventory:x", (21, "name"): "x"}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!A20: repeats the row of row 4 (a copied row); add new items in the empty rows instead",
        f"{workbook}: 原材料!A21: the hidden row key 'products:other.inventory:x' is not one this form was made "
        "with (a row copied from another form?); clear the row and add the item in an empty row",
    ]


def test_not_a_workbook_and_not_a_form(valve, tmp_path):
    spec, _ = valve
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(FormError) as info:
        pipeline.import_form(junk, spec)
    assert info.value.lines() == [f"{junk}: not an Excel workbook (.xlsx) (BadZipFile); give the workbook pcfdoc "
                                  "form wrote, saved as .xlsx"]
    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    with pytest.raises(FormError) as info:
        pipeline.import_form(plain, spec)
    assert info.value.lines() == [f"{plain}: not a pcfdoc data-collection form (its fingerprint is missing); "
                                  "make one with pcfdoc form SPEC"]


def test_destinations_and_other_lines_import(tmp_path):
    spec = tmp_path / "mining-machinery.toml"
    shutil.copy(EXAMPLES / "mining-machinery.toml", spec)
    example_pictures(tmp_path)
    workbook = make_form(spec, tmp_path / "mining-form.xlsx")
    new = first_empty_row(workbook, "产品销售运输")
    fill(workbook, {"产品销售运输": {("淮北", "share_pct"): 58, (new, "name"): "合肥", (new, "share_pct"): 5,
                                     (new, "distance_km"): 200},
                    "产量": {(4, "amount"): 11000}})
    imported = pipeline.import_form(workbook, spec)
    assert [change.text for change in imported.plan.changes] == [
        "矿山机械产品 数据期内产量: 11,250.02 → 11,000", "淮北 销量占比（%）: 63 → 58", "added: destination 合肥"]
    text = spec.read_text("utf-8")
    assert ('{ id = "huaibei", name = "淮北", name_en = "Huaibei", share_pct = 58, distance_km = 30, '
            'factor = "truck-huaibei-derived" }') in text
    assert '{ id = "合肥", name = "合肥", share_pct = 5, distance_km = 200, factor = "truck-huaibei-derived" }' in text
    lines = {line.id: line for line in imported.after.results.products[0].lines}
    assert lines["合肥"].name == "产品运输至合肥"


def test_a_line_of_another_stage_and_a_product_fact(valve):
    spec, workbook = valve
    fill(workbook, {"废弃物与其他": {("产品运输", "amount"): 30}, "企业信息": {(13, "value"): "SMC 系列"}})
    imported = pipeline.import_form(workbook, spec)
    assert [(change.ref, change.text) for change in imported.plan.changes] == [
        ("企业信息!C13", "型号规格: SMC、XZA、QT 等系列 → SMC 系列"),
        ("废弃物与其他!D5", "产品运输 数量: 34.2 → 30")]
    assert 'model = "SMC 系列"\n' in spec.read_text("utf-8")


def test_a_sheet_with_a_million_rows_is_refused(valve):
    spec, workbook = valve
    fill(workbook, {"主要设备": {(30_000, "name"): "x"}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [f"{workbook}: 主要设备: has 30,000 rows, more than a form holds (20,000); delete "
                                  "the rows below the table"]
