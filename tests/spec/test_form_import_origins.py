"""`pcfdoc import` of where each figure comes from: activity origins and a supplier's declared footprint."""

import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from form_filling import column_of, fill, first_empty_row, make_form, row_of
from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.errors import FormError

from conftest import EXAMPLES, FIXTURES, example_pictures


@pytest.fixture
def valve(tmp_path):
    spec = tmp_path / "valve-actuator.toml"
    shutil.copy(EXAMPLES / "valve-actuator.toml", spec)
    example_pictures(tmp_path)
    return spec, make_form(spec, tmp_path / "valve-form.xlsx")


def every_field(tmp_path, edit=None):
    spec = tmp_path / "every-field.toml"
    text = (FIXTURES / "every-field.toml").read_text("utf-8")
    spec.write_text(edit(text) if edit else text, "utf-8")
    shutil.copytree(FIXTURES / "factors", tmp_path / "factors")
    shutil.copytree(FIXTURES / "images", tmp_path / "images")
    return spec, make_form(spec, tmp_path / "every-field-form.xlsx")


def block(text, line_id):
    """The lines of the [[products.inventory]] or [[products.transport]] table with ``line_id``."""
    start = text.index(f'id = "{line_id}"\n')
    return text[start:text.index("\n\n", start)]


def test_a_filled_origin_reaches_the_spec(valve):
    spec, workbook = valve
    fill(workbook, {
        "原材料": {("灰铁铸件", "activity_origin"): "票据记录",
                  ("灰铁铸件", "leg.activity_origin"): "供应商提供"},
        "能源与水": {("生产用电", "activity_origin"): "计量表读数"},
        "废弃物与其他": {("产品运输", "activity_origin"): "由企业数据计算"},
    })
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 0, result.stderr
    changes = [line for line in result.stdout.splitlines() if "!" in line and ": " in line]
    assert changes == [
        "原材料!G4: 灰铁铸件 数据获取方式: 企业统计 → 票据记录",
        "原材料!Q4: 灰铁铸件 运距获取方式: 估算 → 供应商提供",
        "能源与水!R4: 生产用电 数据获取方式: 企业统计 → 计量表读数",
        "废弃物与其他!G5: 产品运输 数据获取方式: 估算 → 由企业数据计算",
    ]
    text = spec.read_text("utf-8")
    assert block(text, "grey-iron") == (
        'id = "grey-iron"\nstage = "raw_material"\nname = "灰铁铸件"\nname_en = "Grey iron castings"\n'
        'amount = 20.2\nunit = "kg"\nfactor = "grey-iron-casting"\nactivity_origin = "billed"\n'
        'source = "企业生产统计"\nsource_en = "Company production records"')
    assert 'carries = "grey-iron"\ndistance_km = 500\nfactor = "cn-freight-road-cpcd-average"\n' \
           'activity_origin = "supplier"\n' in text
    assert 'factor = "cn-grid-2012-north"\nactivity_origin = "metered"\n' in text
    assert 'factor = "cn-freight-road-cpcd-average"\nactivity_origin = "calculated"\n' \
           'source = "按客户与工厂的平均运距估算"' in text
    # Nothing else moved: the four lines are the whole difference.
    original = (EXAMPLES / "valve-actuator.toml").read_text("utf-8").splitlines()
    assert sum(a != b for a, b in zip(original, text.splitlines(), strict=True)) == 4


def test_an_origin_replaces_a_data_type_and_invents_none(tmp_path):
    def old_style(text):  # the carton and the motor's leg as specs wrote them before activity origins
        text = text.replace('factor = "paper"\nactivity_origin = "billed"\n',
                            'factor = "paper"\ndata_type = "primary"\n')
        return text.replace('distance_km = 100\nfactor = "truck"\nactivity_origin = "estimated"\n',
                            'distance_km = 100\nfactor = "truck"\ndata_type = "secondary"\n')

    spec, workbook = every_field(tmp_path, old_style)
    book = load_workbook(workbook)
    materials, transport = book["原材料"], book["运输"]
    # The spec says nothing but data_type: the cells are empty.
    for ws, name in ((materials, "包装纸箱"), (transport, "电机运输")):
        assert ws.cell(row=row_of(ws, name), column=column_of(ws, "activity_origin")).value is None
    fill(workbook, {"原材料": {("包装纸箱", "activity_origin"): "估算",
                             ("钢材", "activity_origin"): "计量表读数"},
                    "运输": {("电机运输", "activity_origin"): "供应商提供"}})
    imported = pipeline.import_form(workbook, spec)
    assert [change.text for change in imported.plan.changes] == [
        "钢材 数据获取方式: 企业统计 → 计量表读数; replaces data_type = 'primary'",
        "包装纸箱 数据获取方式: (empty) → 估算; replaces data_type = 'primary'",
        "电机运输 数据获取方式: (empty) → 供应商提供; replaces data_type = 'secondary'",
    ]
    text = spec.read_text("utf-8")
    assert 'factor = "steel"\nactivity_origin = "metered"\nsource = "BOM"\n' in text  # data_type removed
    assert 'factor = "paper"\nactivity_origin = "estimated"\nsource = "采购单"\n' in text  # data_type's place
    assert 'factor = "truck"\nactivity_origin = "supplier"\nsource = "供应商距离"\n' in text
    # The distribution is not on the form: its data_type stays as written.
    assert 'activity_origin = "recorded"\ndata_type = "primary"\nsource = "销售台账"' in text
    assert text.count("data_type") == 2  # the distribution's, and the steel leg's that agrees with its origin


def test_a_spec_with_data_types_only_round_trips_and_keeps_them(tmp_path):
    def old_style(text):
        text = text.replace('activity_origin = "recorded"\ndata_type = "primary"\n',
                            'data_type = "primary"\n')
        return text.replace('factor = "paper"\nactivity_origin = "billed"\n',
                            'factor = "paper"\ndata_type = "primary"\n')

    spec, workbook = every_field(tmp_path, old_style)
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 0, result.stderr
    assert spec.read_bytes() == before
    fill(workbook, {"原材料": {("钢材", "amount"): 16}})  # a row answered without its origin
    imported = pipeline.import_form(workbook, spec)
    assert [change.text for change in imported.plan.changes] == ["钢材 用量: 15 → 16"]
    assert 'amount = 16\nunit = "kg"\nfactor = "steel"\ndata_type = "primary"\n' in spec.read_text("utf-8")


def test_an_invalid_origin_is_a_cell_addressed_error_and_nothing_is_written(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {("灰铁铸件", "activity_origin"): "估计值吧", ("铝合金铸件", "amount"): 7},
                    "能源与水": {("生产用电", "activity_origin"): "measured"}})
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{workbook}: 原材料!G4: '估计值吧' is not one of 现场实测, 计量表读数, 票据记录, 企业统计, "
        "由企业数据计算, 供应商提供, 估算; choose from the list",
        f"{workbook}: 能源与水!R4: 'measured' is not one of 现场实测, 计量表读数, 票据记录, 企业统计, "
        "由企业数据计算, 供应商提供, 估算; choose from the list",
    ]
    assert spec.read_bytes() == before


def test_an_origin_cleared_where_the_spec_says_nothing_else_is_an_error(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {("电机", "activity_origin"): None}})
    before = spec.read_bytes()
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!G9: 数据获取方式 of 电机 cannot be left empty (the spec says nothing else "
        "about where the figure comes from); choose from the list"]
    assert spec.read_bytes() == before


def test_a_new_row_says_how_its_figures_were_obtained(valve):
    spec, workbook = valve
    new = first_empty_row(workbook, "原材料")
    fill(workbook, {"原材料": {(new, "name"): "棒料", (new, "amount"): 0.2, (new, "unit"): "kg",
                             (new, "basis"): "单位产品", (new, "leg.distance_km"): 120}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!G10: 数据获取方式 is required; fill it in, or mark the row 删除"]
    fill(workbook, {"原材料": {(new, "activity_origin"): "企业统计"}})
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!Q10: 运距获取方式 is required with a distance; choose how the distance was "
        "obtained from the list"]
    fill(workbook, {"原材料": {(new, "leg.activity_origin"): "估算"}})
    pipeline.import_form(workbook, spec)
    text = spec.read_text("utf-8")
    assert 'amount = 0.2\nunit = "kg"\nfactor = "bar-stock"\nactivity_origin = "recorded"\n' in text
    assert 'carries = "棒料"\ndistance_km = 120\nfactor = "cn-freight-road-cpcd-average"\n' \
           'activity_origin = "estimated"\n' in text


def test_a_supplier_footprint_replaces_the_factor_and_round_trips(valve, tmp_path):
    spec, workbook = valve
    fill(workbook, {"原材料": {("电机", "declared.value"): 280, ("电机", "declared.unit"): "kgCO2e/台",
                             ("电机", "declared.source"): "某电机厂产品碳足迹报告",
                             ("电机", "declared.year"): 2023}})
    imported = pipeline.import_form(workbook, spec)
    assert [(change.ref, change.text) for change in imported.plan.changes] == [
        ("原材料!J9", "电机 供应商提供的碳足迹: (empty) → 280 kgCO2e/台 (某电机厂产品碳足迹报告, 2023); "
                     "replaces factor 'motor'")]
    text = spec.read_text("utf-8")
    assert block(text, "motor") == (
        'id = "motor"\nstage = "raw_material"\nname = "电机"\nname_en = "Electric motor"\namount = 1\n'
        'unit = "台"\n'
        'declared = { value = 280, unit = "kgCO2e/台", source = "某电机厂产品碳足迹报告", year = 2023 }\n'
        'activity_origin = "recorded"\nsource = "企业生产统计"\nsource_en = "Company production records"\n'
        '# A value per unit for an unnamed motor: a related product (4), of a region not stated (3).\n'
        'quality = { geographical = 3, technological = 4 }')
    motor = next(line for line in imported.after.results.products[0].lines if line.id == "motor")
    assert (motor.factor_id, motor.kgco2e, motor.factor_origin) == (None, pytest.approx(280), "supplier")
    # The new spec's form shows the supplier's value, and importing it untouched changes nothing.
    again = make_form(spec, tmp_path / "again.xlsx")
    ws = load_workbook(again)["原材料"]
    assert [ws.cell(row=row_of(ws, "电机"), column=column_of(ws, key)).value
            for key in ("declared.value", "declared.unit", "declared.source", "declared.year")] == [
        280, "kgCO2e/台", "某电机厂产品碳足迹报告", 2023]
    before = spec.read_bytes()
    assert not pipeline.import_form(again, spec).plan.changes
    assert spec.read_bytes() == before


def test_a_supplier_footprint_is_edited_in_place_and_a_proxy_is_not_shown(tmp_path):
    spec, workbook = every_field(tmp_path)
    ws = load_workbook(workbook)["原材料"]
    value = column_of(ws, "declared.value")
    assert ws.cell(row=row_of(ws, "电机"), column=value).value == 50  # origin supplier
    assert ws.cell(row=row_of(ws, "轴承"), column=value).value is None  # a proxy: the assessor's choice
    fill(workbook, {"原材料": {("电机", "declared.value"): 45, ("电机", "declared.year"): 2024,
                             ("轴承", "declared.value"): 1.2, ("轴承", "declared.unit"): "kgCO2e/个"}})
    imported = pipeline.import_form(workbook, spec)
    assert [change.text for change in imported.plan.changes] == [
        "电机 供应商提供的碳足迹: 50 → 45",
        "电机 碳足迹年份: 2023 → 2024",
        "轴承 供应商提供的碳足迹: (empty) → 1.2 kgCO2e/个; replaces the declared proxy value",
    ]
    text = spec.read_text("utf-8")
    assert ('declared = { value = 45, unit = "kgCO2e/台", source = "供应商声明", origin = "supplier", '
            'primary_share_pct = 40, year = 2024 }\n') in text
    assert 'unit = "个"\ndeclared = { value = 1.2, unit = "kgCO2e/个" }\nactivity_origin = "recorded"\n' \
        in text


def test_a_supplier_footprint_needs_its_unit_and_cannot_be_cleared_alone(tmp_path):
    spec, workbook = every_field(tmp_path)
    fill(workbook, {"原材料": {("钢材", "declared.value"): 2.1, ("电机", "declared.value"): None,
                             ("电机", "declared.unit"): None, ("电机", "declared.source"): None,
                             ("电机", "declared.year"): None}})
    before = spec.read_bytes()
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: 原材料!K4: 碳足迹单位 is required; fill it in, or mark the row 删除",
        f"{workbook}: 原材料!J6: the supplier's footprint is the only emission value of 电机 in the spec; "
        "restore it, or give the line a factor in the spec and make a new form",
    ]
    assert spec.read_bytes() == before


def test_a_footprint_in_the_wrong_unit_is_refused_naming_the_row(valve):
    spec, workbook = valve
    fill(workbook, {"原材料": {("电机", "declared.value"): 280, ("电机", "declared.unit"): "kgCO2e/kg"}})
    before = spec.read_bytes()
    result = CliRunner().invoke(main, ["import", str(workbook), str(spec)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    assert [error.split(": ", 2)[1:] for error in errors] == [[
        "products[0].inventory[5].unit",
        "台 × kgCO2e/kg is not a mass of CO2e: the declared value (kgCO2e/kg) is per kg (mass); give the "
        "amount in that unit or use a factor per 台 (from 原材料!E9)"]]
    assert spec.read_bytes() == before


def test_a_form_of_the_previous_format_is_refused_with_what_to_do(valve):
    spec, workbook = valve
    book = load_workbook(workbook)
    meta = book["_pcfdoc"]
    meta.cell(row=1, column=2).value = "pcfdoc-form-1"
    book.save(workbook)
    with pytest.raises(FormError) as info:
        pipeline.import_form(workbook, spec)
    assert info.value.lines() == [
        f"{workbook}: made by another version of pcfdoc (form format pcfdoc-form-1; this one reads "
        "pcfdoc-form-2); make a new form with pcfdoc form SPEC and copy the client's figures into it"]


def test_a_new_part_with_a_supplier_footprint_needs_no_factor(valve):
    spec, workbook = valve
    new = first_empty_row(workbook, "原材料")
    fill(workbook, {"原材料": {(new, "name"): "减速器", (new, "amount"): 1, (new, "unit"): "台",
                             (new, "basis"): "单位产品", (new, "activity_origin"): "企业统计",
                             (new, "declared.value"): 35.5, (new, "declared.unit"): "kgCO2e/台",
                             (new, "declared.source"): "供应商 EPD"}})
    imported = pipeline.import_form(workbook, spec)
    assert [change.text for change in imported.plan.changes] == ["added: 减速器 1 台"]
    text = spec.read_text("utf-8")  # after the last line, a blank line, then the legs as before
    assert ('amount = 34.2\nunit = "t*km"\nfactor = "cn-freight-road-cpcd-average"\n'
            'activity_origin = "estimated"\nsource = "按客户与工厂的平均运距估算"\n'
            'source_en = "Estimated from the average distance between the plant and its customers"\n\n'
            '[[products.inventory]]\nid = "减速器"\nstage = "raw_material"\nname = "减速器"\namount = 1\n'
            'unit = "台"\ndeclared = { value = 35.5, unit = "kgCO2e/台", source = "供应商 EPD" }\n'
            'activity_origin = "recorded"\n\n[[products.transport]]\n') in text
    reducer = next(line for line in imported.after.results.products[0].lines if line.id == "减速器")
    assert (reducer.kgco2e, reducer.factor_origin) == (pytest.approx(35.5), "supplier")
