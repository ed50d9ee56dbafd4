"""`pcfdoc form`: the data-collection workbook, as openpyxl and LibreOffice read it."""

import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from form_filling import column_of, row_of
from pcfdoc import pipeline
from pcfdoc.export.form import form_bytes

from conftest import EXAMPLES, FIXTURES

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.fixture(scope="module")
def valve_form(tmp_path_factory):
    target = tmp_path_factory.mktemp("form") / "valve-form.xlsx"
    return load_workbook(pipeline.form(EXAMPLES / "valve-actuator.toml", target))


def test_the_sheets_are_in_the_report_language(valve_form):
    assert valve_form.sheetnames == ["填写说明", "_lists", "企业信息", "产量", "原材料", "能源与水", "废弃物与其他",
                                     "运输", "产品销售运输", "主要设备", "_pcfdoc"]
    assert valve_form["_lists"].sheet_state == "hidden"
    assert valve_form["_pcfdoc"].sheet_state == "veryHidden"
    instructions = [row[0] for row in valve_form["填写说明"].iter_rows(values_only=True) if row[0]]
    assert instructions[0] == "天津百利三通机械有限公司 产品碳足迹数据收集表"
    assert instructions[1] == "数据期：2022-01-01 至 2022-12-31（所有数量均指这一期间）"
    assert instructions[2] == "阀门驱动装置：“单位产品”指每 1 台。"
    assert instructions[-1] == "如有疑问，请联系天津双云科技发展有限公司（王某、李某）。"


def test_rows_are_pre_filled_from_the_spec_with_hidden_keys(valve_form):
    ws = valve_form["原材料"]
    assert [ws.cell(row=3, column=c).value for c in range(2, 9)] == [
        "物料名称 *", "型号规格", "用量 *", "单位 *", "数据口径 *", "数据获取方式 *", "供应商"]
    grey = row_of(ws, "灰铁铸件")
    assert ws.cell(row=grey, column=1).value == "products:valve-actuator.inventory:grey-iron"
    assert [ws.cell(row=grey, column=column_of(ws, key)).value
            for key in ("amount", "unit", "basis", "leg.distance_km", "leg.mode", "source")] == [
        20.2, "kg", "单位产品", 500, "公路", "企业生产统计"]
    assert ws.column_dimensions["A"].hidden and ws.row_dimensions[1].hidden
    motor = row_of(ws, "电机")
    assert ws.cell(row=motor, column=column_of(ws, "leg.distance_km")).value is None  # no leg carries it
    energy = valve_form["能源与水"]
    electricity = row_of(energy, "生产用电")
    assert energy.cell(row=electricity, column=column_of(energy, "amount")).value == 225500
    assert energy.cell(row=electricity, column=column_of(energy, "basis")).value == "全年合计"
    assert [energy.cell(row=3, column=column_of(energy, key)).value for key in ("m202201", "m202212")] == [
        "2022年1月", "2022年12月"]
    other = valve_form["废弃物与其他"]
    assert other.cell(row=row_of(other, "电机运输"), column=column_of(other, "stage")).value == "原材料运输"
    company = valve_form["企业信息"]
    assert [company.cell(row=r, column=3).value for r in range(4, 7)] == [
        "天津百利三通机械有限公司", "91120110732826609N", "天津市北辰区天津陆路港物流装备产业园西堤头分园泰康路19号"]
    assert company.cell(row=4, column=2).value == "企业名称 *"
    equipment = valve_form["主要设备"]
    assert equipment.max_row == 3 + 57 + 15  # 57 machines, 15 empty rows for more


def test_dropdowns_number_checks_and_protection(valve_form):
    ws = valve_form["原材料"]
    rules = {(dv.type, str(dv.sqref)): dv for dv in ws.data_validations.dataValidation}
    letter = {key: ws.cell(row=1, column=column_of(ws, key)).column_letter
              for key in ("amount", "unit", "basis", "leg.mode", "delete", "activity_origin",
                          "leg.activity_origin", "declared.unit", "declared.year")}
    last = 3 + 6 + 15
    assert rules[("decimal", f"{letter['amount']}4:{letter['amount']}{last}")].formula1 == "0"
    lists = valve_form["_lists"]

    def offered(key):
        rule = rules[("list", f"{letter[key]}4:{letter[key]}{last}")]
        column = rule.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
        return [cell.value for cell in lists[column] if cell.value is not None]

    assert offered("basis") == ["单位产品", "全年合计"]
    assert offered("leg.mode") == ["公路", "铁路", "水路", "航空", "管道"]
    assert offered("delete") == ["删除"]
    plant = ["现场实测", "计量表读数", "票据记录", "企业统计", "由企业数据计算", "供应商提供", "估算"]
    assert offered("activity_origin") == offered("leg.activity_origin") == plant
    assert offered("declared.unit")[:3] == ["kgCO2e/kg", "kgCO2e/t", "kgCO2e/台"]
    year = rules[("whole", f"{letter['declared.year']}4:{letter['declared.year']}{last}")]
    assert (year.operator, year.formula1, year.formula2) == ("between", "1900", "2100")
    assert {"kg", "t", "kWh", "m3", "t*km", "台"} <= set(offered("unit"))
    assert rules[("list", f"{letter['unit']}4:{letter['unit']}{last}")].errorStyle == "warning"
    assert ws.protection.sheet
    assert ws.cell(row=3, column=2).protection.locked  # headers
    assert not ws.cell(row=4, column=column_of(ws, "amount")).protection.locked  # inputs
    assert not ws.cell(row=last, column=column_of(ws, "name")).protection.locked  # rows to add
    other = valve_form["废弃物与其他"]
    stage = other.cell(row=1, column=column_of(other, "stage")).column_letter
    rule = next(dv for dv in other.data_validations.dataValidation if str(dv.sqref).startswith(f"{stage}4"))
    column = rule.formula1.split("!")[1][1]
    assert [c.value for c in lists[column] if c.value] == ["原材料运输", "产品分销"]


def test_the_fingerprint_names_the_spec_and_keeps_every_pre_filled_cell(valve_form):
    meta = {row[0]: row for row in valve_form["_pcfdoc"].iter_rows(values_only=True)}
    assert meta["format"][1] == "pcfdoc-form-2"
    assert meta["spec"][1] == "valve-actuator.toml"
    assert json.loads(meta["identity"][1]) == {"company": "天津百利三通机械有限公司", "products": ["valve-actuator"]}
    rows = [row for row in valve_form["_pcfdoc"].iter_rows(values_only=True) if row[0] == "row"]
    grey = next(row for row in rows if row[2] == "products:valve-actuator.inventory:grey-iron")
    assert json.loads(grey[3])["amount"] == 20.2
    assert json.loads(grey[3])["_leg"] == "grey-iron-transport"


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_the_same_spec_gives_the_same_bytes(name):
    valid = pipeline.calc(EXAMPLES / name).valid
    assert form_bytes(valid) == form_bytes(valid)


def test_an_english_report_gets_an_english_form(tmp_path, write_spec):
    from conftest import fixture_data

    data = fixture_data("two-products.toml")
    data["report"]["language"] = "en"
    book = load_workbook(pipeline.form(write_spec(data), tmp_path / "en.xlsx"))
    assert book.sheetnames[:4] == ["Instructions", "_lists", "Company", "Output"]
    ws = book["Materials"]
    assert [ws.cell(row=3, column=c).value for c in range(2, 5)] == ["Product *", "Material *", "Model"]
    assert ws.cell(row=4, column=2).value == data["products"][0]["name"]
    origin = column_of(ws, "activity_origin")
    assert (ws.cell(row=3, column=origin).value, ws.cell(row=4, column=origin).value) == ("Obtained by *", "recorded")
    rule = next(dv for dv in ws.data_validations.dataValidation
                if str(dv.sqref).startswith(f"{ws.cell(row=4, column=origin).column_letter}4:"))
    lists = book["_lists"]
    column = rule.formula1.split("!")[1][1]
    assert [c.value for c in lists[column] if c.value] == [
        "measured", "metered", "billed", "recorded", "calculated", "supplier", "estimated"]
    instructions = [row[0] for row in book["Instructions"].iter_rows(values_only=True) if row[0]]
    assert "6. 'Obtained by' says how each figure was obtained: measured on site, metered, billed (invoices, " \
           "delivery notes), recorded (production statistics, bill of materials), calculated from the company's " \
           "records, stated by the supplier, or estimated. Choose truthfully: a guess is 'estimated'." in instructions
    assert [ws.cell(row=3, column=column_of(ws, key)).value
            for key in ("declared.value", "declared.unit", "declared.source", "declared.year")] == [
        "Supplier's footprint", "Footprint unit", "Footprint document", "Footprint year"]


def test_the_instructions_say_what_the_origin_column_means(valve_form):
    instructions = [row[0] for row in valve_form["填写说明"].iter_rows(values_only=True) if row[0]]
    assert "6. “数据获取方式”说明每个数字是怎样得到的，请从下拉列表中如实选择（现场实测、计量表读数、票据记录、" \
           "企业统计、由企业数据计算、供应商提供、估算）；估计的数字选“估算”。" in instructions


def test_origins_the_spec_uses_beyond_a_plants_are_offered_where_used(tmp_path):
    shutil.copy(FIXTURES / "every-field.toml", tmp_path / "every-field.toml")
    shutil.copytree(FIXTURES / "factors", tmp_path / "factors")
    shutil.copytree(FIXTURES / "images", tmp_path / "images")
    book = load_workbook(pipeline.form(tmp_path / "every-field.toml", tmp_path / "form.xlsx"))
    ws, lists = book["废弃物与其他"], book["_lists"]
    origin = column_of(ws, "activity_origin")
    assert ws.cell(row=row_of(ws, "报废拆解用电"), column=origin).value == "情景假设"
    rule = next(dv for dv in ws.data_validations.dataValidation
                if str(dv.sqref).startswith(f"{ws.cell(row=4, column=origin).column_letter}4:"))
    column = rule.formula1.split("!")[1][1]
    assert [c.value for c in lists[column] if c.value][-2:] == ["估算", "情景假设"]


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_form(tmp_path):
    target = pipeline.form(EXAMPLES / "valve-actuator.toml", tmp_path / "valve-form.xlsx")
    result = subprocess.run(
        [OFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(target)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "valve-form.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        for expected in ("产品碳足迹数据收集表", "灰铁铸件", "生产用电", "瓦房店机床厂"):
            assert expected in text


def test_the_output_value_column_names_the_unit_the_report_uses(valve_form):
    ws = valve_form["产量"]
    assert ws.cell(row=3, column=column_of(ws, "value")).value == "产值（万元）"  # the spec states none
