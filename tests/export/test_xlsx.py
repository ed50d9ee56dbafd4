"""The calculation workbook: live formulas stored with their values, recalculating to the report's numbers."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import tomli_w
import xlsxwriter
from openpyxl.utils import get_column_letter

from pcfdoc import pipeline
from pcfdoc.export.xlsx import COL, FACTOR_COLUMNS, LABELS, workbook_bytes

from conftest import EXAMPLES, FIXTURES, fixture_data

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RECALCULATED = [*sorted(EXAMPLES.glob("*.toml")), FIXTURES / "two-products.toml",
                FIXTURES / "every-field.toml"]  # several gases, transport, distribution, two products
INVENTORY, FACTORS, GWP = "清单", "排放因子", "GWP"
L = {key: get_column_letter(column) for key, column in COL.items()}  # inventory column letters


def emission(row: int) -> str:
    return f"={L['amount']}{row}*{L['factor_value']}{row}*{L['conversion']}{row}*{L['gwp_value']}{row}"


def build(path: Path) -> tuple[pipeline.Calculated, openpyxl.Workbook]:
    calculated = pipeline.calc(path)
    return calculated, openpyxl.load_workbook(io.BytesIO(workbook_bytes(calculated)))


#: Text a spreadsheet program would run or reinterpret if it were not a string cell (issue 14,
#: class 6), and Excel's own escape form, which must come back as written.
HOSTILE = {
    "source": '=HYPERLINK("http://example.com/x","click")',
    "name": "-1+1",
    "other_source": "+cmd|' /C calc'!A0",
    "product": "@SUM(1,2)",
    "factor_source": "=1+1",
    "factor_region": "_x0041_",
}


def hostile_spec(folder: Path) -> Path:
    """The minimal spec with user text that looks like formulas in every text column."""
    data = fixture_data("minimal.toml")
    steel, electricity = data["products"][0]["inventory"]
    steel["source"], steel["name"] = HOSTILE["source"], HOSTILE["name"]
    electricity["source"] = HOSTILE["other_source"]
    data["products"][0]["name"] = HOSTILE["product"]
    data["factors"][0].update(source=HOSTILE["factor_source"], region=HOSTILE["factor_region"])
    path = folder / "hostile.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    return path


def hostile_cells(workbook: openpyxl.Workbook) -> dict[str, openpyxl.cell.Cell]:
    """The cells of the workbook of hostile_spec that hold the hostile texts, by HOSTILE key."""
    inventory, factors = workbook[INVENTORY], workbook[FACTORS]
    steel, electricity = inventory_rows(inventory)
    summary, = summary_sheets(workbook)
    return {
        "source": inventory.cell(steel, COL["source"]),
        "name": inventory.cell(steel, COL["name"]),
        "other_source": inventory.cell(electricity, COL["source"]),
        "product": summary["B4"],
        "factor_source": factors.cell(2, FACTOR_COLUMNS.index("source") + 1),
        "factor_region": factors.cell(2, FACTOR_COLUMNS.index("region") + 1),
    }


def summary_sheets(workbook: openpyxl.Workbook) -> list:
    return [sheet for sheet in workbook.worksheets if sheet.title not in (INVENTORY, FACTORS, GWP)]


def find_row(sheet, label: str, column: int = 1, start: int = 1) -> int:
    for row in range(start, sheet.max_row + 1):
        if sheet.cell(row, column).value == label:
            return row
    raise AssertionError(f"{label!r} not in column {column} of {sheet.title}")


def inventory_rows(sheet) -> list[int]:
    return [row for row in range(2, sheet.max_row + 1) if sheet.cell(row, COL["line"]).value is not None]


# --- a tiny evaluator for the formula forms the workbook uses ---------------------------------

_TOKEN = re.compile(r"""
    (?P<ref>(?:'(?P<quoted>(?:[^']|'')+)'!|(?P<plain>[A-Za-z_][\w.]*)!)?
        \$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d+))?(?![\w(]))
  | (?P<function>SUMIFS|SUM|IF)(?=\()
  | (?P<number>\d+(?:\.\d*)?(?:[Ee][-+]?\d+)?)
  | (?P<operator><>|<=|>=|[-+*/(),=<>])
  | (?P<space>\s+)
""", re.X)


class Evaluator:
    """Evaluates =A1*B2, ='Sheet'!$B$2, SUM(range), SUMIFS(range, range, criterion, …) and IF."""

    def __init__(self, workbook: openpyxl.Workbook):
        self.workbook, self.memo = workbook, {}

    def value(self, sheet: str, column: str, row: int):
        key = (sheet, column, row)
        if key not in self.memo:
            raw = self.workbook[sheet][f"{column}{row}"].value
            self.memo[key] = self.formula(sheet, raw) if isinstance(raw, str) and raw.startswith("=") else raw
        return self.memo[key]

    def cells(self, sheet: str, c1: str, r1: int, c2: str, r2: int) -> list:
        from openpyxl.utils import column_index_from_string, get_column_letter

        first, last = column_index_from_string(c1), column_index_from_string(c2)
        return [self.value(sheet, get_column_letter(c), r)
                for r in range(r1, r2 + 1) for c in range(first, last + 1)]

    def formula(self, sheet: str, text: str):
        python, position = [], 1
        while position < len(text):
            match = _TOKEN.match(text, position)
            assert match, f"cannot read {text[position:]!r} in {text!r}"
            position = match.end()
            if match["ref"]:
                where = (match["quoted"] or "").replace("''", "'") or match["plain"] or sheet
                if match["c2"]:
                    python.append(f"_cells({where!r}, {match['c1']!r}, {match['r1']}, "
                                  f"{match['c2']!r}, {match['r2']})")
                else:
                    python.append(f"_value({where!r}, {match['c1']!r}, {match['r1']})")
            elif match["function"]:
                python.append(f"_{match['function']}")
            elif match["number"]:
                python.append(match["number"])
            elif match["operator"]:
                python.append({"=": "==", "<>": "!="}.get(match["operator"], match["operator"]))
        return eval("".join(python), {  # noqa: S307 - the text comes from our own tokens
            "_value": self.value, "_cells": self.cells, "_SUM": _sum, "_SUMIFS": _sumifs, "_IF": _if,
        })


def _sum(*ranges) -> float:
    return sum(v for r in ranges for v in (r if isinstance(r, list) else [r]) if isinstance(v, int | float))


def _sumifs(values: list, *criteria) -> float:
    pairs = list(zip(criteria[::2], criteria[1::2], strict=True))
    return sum(v for i, v in enumerate(values)
               if isinstance(v, int | float) and all(r[i] == wanted for r, wanted in pairs))


def _if(condition, then, otherwise):
    return then if condition else otherwise


# --- without LibreOffice ----------------------------------------------------------------------


def test_minimal_workbook_recalculates_to_45_kg():
    calculated, workbook = build(FIXTURES / "minimal.toml")
    assert calculated.results.products[0].total_kgco2e == pytest.approx(45)
    summary, = summary_sheets(workbook)
    assert summary.title == "汇总 部件"
    evaluate = Evaluator(workbook)
    total_row = find_row(summary, "合计")
    assert summary.cell(total_row, 3).value.startswith("=SUM(")
    assert evaluate.value(summary.title, "C", total_row) == 45
    stages = {summary.cell(row, 1).value: row for row in range(total_row - 2, total_row)}
    assert evaluate.value(summary.title, "C", stages["raw_material"]) == 20
    assert evaluate.value(summary.title, "C", stages["production"]) == 25
    assert evaluate.value(summary.title, "D", stages["raw_material"]) == pytest.approx(20 / 45, rel=1e-12)
    assert evaluate.value(summary.title, "D", total_row) == pytest.approx(1)
    assert evaluate.value(summary.title, "C", find_row(summary, "核对：清单各行之和")) == 45

    inventory = workbook[INVENTORY]
    steel, electricity = inventory_rows(inventory)
    cell = lambda row, key: inventory.cell(row, COL[key]).value  # noqa: E731
    value = lambda row, key: evaluate.value(INVENTORY, L[key], row)  # noqa: E731
    assert cell(steel, "name") == "钢材" and cell(steel, "unit") == "kg"
    keys = ("stated", "scale", "amount", "factor_value", "conversion", "gwp_value", "gas_kg", "kgco2e")
    assert [cell(steel, key) for key in keys] == [
        10, 1, f"={L['stated']}{steel}*{L['scale']}{steel}", "='排放因子'!$D$2", 1, "='GWP'!$B$2",
        f"={L['amount']}{steel}*{L['factor_value']}{steel}*{L['conversion']}{steel}", emission(steel)]
    assert [value(steel, key) for key in ("amount", "factor_value", "gwp_value", "kgco2e")] == [10, 2, 1, 20]
    assert cell(electricity, "gas") == "CO2" and cell(electricity, "factor_unit") == "kgCO2/kWh"
    keys = ("amount", "factor_value", "gas_kg", "kgco2e")
    assert [value(electricity, key) for key in keys] == [50, 0.5, 25, 25]

    factors = workbook[FACTORS]
    assert [c.value for c in factors[1]][:9] == [
        "编号", "名称", "气体", "数值", "单位", "数据来源", "年份", "地区", "状态"]
    assert [c.value for c in factors[2]][:7] == ["steel", "钢材", "CO2e", 2.0, "kgCO2e/kg", "测试来源", 2022]
    assert [c.value for c in factors[3]][:7] == ["grid", "电网", "CO2", 0.5, "kgCO2/kWh", "测试来源", 2023]


@pytest.mark.parametrize("spec", RECALCULATED, ids=lambda p: p.stem)
def test_own_evaluation_gives_the_calculated_results(spec):
    calculated, workbook = build(spec)
    evaluate = Evaluator(workbook)
    for sheet, product in zip(summary_sheets(workbook), calculated.results.products, strict=True):
        assert sheet["B3"].value == product.id and sheet["B4"].value == product.name
        total_row = find_row(sheet, "合计")
        assert evaluate.value(sheet.title, "C", total_row) == pytest.approx(product.total_kgco2e, rel=1e-12)
        for offset, stage in enumerate(product.stages):
            row = total_row - len(product.stages) + offset
            assert sheet.cell(row, 1).value == stage.id
            assert evaluate.value(sheet.title, "C", row) == pytest.approx(stage.kgco2e, rel=1e-12, abs=1e-12)
            assert evaluate.value(sheet.title, "D", row) == pytest.approx(stage.share, rel=1e-12, abs=1e-12)
    inventory = workbook[INVENTORY]
    by_line: dict[tuple[str, str], float] = {}
    for row in inventory_rows(inventory):
        key = (inventory.cell(row, COL["product"]).value, inventory.cell(row, COL["line"]).value)
        by_line[key] = by_line.get(key, 0.0) + evaluate.value(INVENTORY, L["kgco2e"], row)
    expected = {(p.id, line.id): line.kgco2e for p in calculated.results.products for line in p.lines}
    assert by_line.keys() == expected.keys()
    for key, kg in expected.items():
        assert by_line[key] == pytest.approx(kg, rel=1e-12, abs=1e-15), key


def test_formulas_stand_where_promised():
    calculated, workbook = build(FIXTURES / "two-products.toml")
    inventory = workbook[INVENTORY]
    rows = {(inventory.cell(r, COL["product"]).value, inventory.cell(r, COL["line"]).value): r
            for r in inventory_rows(inventory)}
    cell = lambda key, column: inventory.cell(rows[key], COL[column]).value  # noqa: E731
    for row in rows.values():
        for column in ("factor_value", "gas_kg", "gwp_value", "kgco2e"):
            if inventory.cell(row, COL["factor"]).value != "供应商声明" or column != "factor_value":
                assert str(inventory.cell(row, COL[column]).value).startswith("="), (row, column)
        assert isinstance(inventory.cell(row, COL["conversion"]).value, float | int)
    # transport: t·km = mass × distance; the mass follows the carried line (15 kg → 0.015 t)
    leg = rows[("a", "steel-transport")]
    assert cell(("a", "steel-transport"), "amount") == f"={L['mass_t']}{leg}*{L['distance_km']}{leg}"
    assert cell(("a", "steel-transport"), "mass_t") == f"={L['amount']}{rows[('a', 'steel')]}*0.001"
    assert cell(("a", "steel-transport"), "carries") == "steel"
    assert cell(("a", "steel-transport"), "distance_km") == 200
    # distribution: t × share × km
    x = rows[("a", "x")]
    assert cell(("a", "x"), "amount") == f"={L['mass_t']}{x}*{L['share']}{x}*{L['distance_km']}{x}"
    assert [cell(("a", "x"), key) for key in ("mass_t", "share", "distance_km")] == [0.02, 0.6, 100]
    # an allocated annual total: total × share / output
    e = rows[("a", "electricity")]
    assert cell(("a", "electricity"), "amount") == \
        f"={L['annual_amount']}{e}*{L['allocation_share']}{e}/{L['output_fu']}{e}"
    assert [cell(("a", "electricity"), key) for key in ("annual_amount", "allocation_share", "output_fu")] \
        == [100000, pytest.approx(0.2), 1000]
    # inventory per kg, results per t: amount as stated × 1000
    b = rows[("b", "steel")]
    assert cell(("b", "steel"), "amount") == f"={L['stated']}{b}*{L['scale']}{b}"
    assert [cell(("b", "steel"), key) for key in ("stated", "scale")] == [1.1, pytest.approx(1000)]
    # a supplier-declared value is the line's own factor
    assert cell(("a", "motor"), "factor") == "供应商声明" and cell(("a", "motor"), "factor_value") == 50
    # CH4 is weighted by the GWP sheet (AR5: 28)
    assert cell(("a", "gas-leak"), "gas") == "CH4"
    gwp = workbook[GWP]
    assert [(c.value) for c in gwp[find_row(gwp, "CH4")]][:2] == ["CH4", 28]

    for sheet, product in zip(summary_sheets(workbook), calculated.results.products, strict=True):
        total_row = find_row(sheet, "合计")
        for row in range(total_row - len(product.stages), total_row):
            assert sheet.cell(row, 3).value.startswith(f"=SUMIFS('清单'!${L['kgco2e']}$2:${L['kgco2e']}$")
            assert sheet.cell(row, 4).value == f"=IF($C${total_row}=0,0,C{row}/$C${total_row})"
        assert sheet.cell(total_row, 3).value == f"=SUM(C{total_row - len(product.stages)}:C{total_row - 1})"
        assert sheet.cell(total_row, 5).value == product.total_kgco2e  # the value pcfdoc computed


def test_several_gases_give_one_row_per_gas():
    calculated, workbook = build(FIXTURES / "every-field.toml")
    inventory = workbook[INVENTORY]
    landfill = [row for row in inventory_rows(inventory)
                if inventory.cell(row, COL["factor"]).value == "landfill"]
    assert [inventory.cell(row, COL["gas"]).value for row in landfill] == ["CH4", "CO2"]
    first, second = landfill
    assert inventory.cell(second, COL["amount"]).value == f"={L['amount']}{first}"
    for row in landfill:
        assert inventory.cell(row, COL["kgco2e"]).value == emission(row)
    factors = workbook[FACTORS]
    rows = [row for row in range(2, factors.max_row + 1) if factors.cell(row, 1).value == "landfill"]
    assert [(factors.cell(r, 3).value, factors.cell(r, 4).value) for r in rows] == [
        ("CH4", 0.001), ("CO2", 0.01)]
    evaluate = Evaluator(workbook)
    line = next(line for p in calculated.results.products for line in p.lines if line.factor_id == "landfill")
    recalculated = sum(evaluate.value(INVENTORY, L["kgco2e"], row) for row in landfill)
    assert recalculated == pytest.approx(line.kgco2e, rel=1e-12)


def test_same_input_gives_identical_bytes_and_dated_properties(tmp_path):
    calculated = pipeline.calc(FIXTURES / "two-products.toml")
    first = workbook_bytes(calculated)
    assert first == workbook_bytes(pipeline.calc(FIXTURES / "two-products.toml"))
    # and in another process with another hash seed (set iteration order differs)
    script = ("import sys; from pcfdoc import pipeline; from pcfdoc.export.xlsx import workbook_bytes; "
              "sys.stdout.buffer.write(workbook_bytes(pipeline.calc(sys.argv[1])))")
    other = subprocess.run([sys.executable, "-c", script, str(FIXTURES / "two-products.toml")],
                           capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert other.stdout == first
    package = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in package.infolist()} == {(2024, 3, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert properties.created == properties.modified == dt.datetime(2024, 3, 1)
    assert properties.creator == "测试评价机构"


def test_sheet_names_are_legal_and_names_stay_as_written(write_spec):
    data = fixture_data("minimal.toml")
    name = "阀门/电动执行机构:[DN50]*? 'Ⅱ型' 加长型号名称超过三十一个字符的产品"
    data["products"][0]["name"] = name
    _, workbook = build(write_spec(data))
    summary, = summary_sheets(workbook)
    assert len(summary.title) <= 31 and not re.search(r"[\[\]:*?/\\]", summary.title)
    assert summary.title.startswith("汇总 阀门_电动执行机构_")
    assert summary["B4"].value == name
    assert workbook[INVENTORY].cell(2, COL["product"]).value == "widget"


def test_every_language_labels_every_header():
    assert LABELS["en"].keys() == LABELS["zh-CN"].keys()


@pytest.mark.parametrize("spec", RECALCULATED, ids=lambda p: p.stem)
def test_every_formula_is_stored_with_its_value(spec):
    """What a viewer that does not recalculate shows: the value stored with each formula."""
    calculated = pipeline.calc(spec)
    package = workbook_bytes(calculated)
    formulas = openpyxl.load_workbook(io.BytesIO(package))
    stored = openpyxl.load_workbook(io.BytesIO(package), data_only=True)
    evaluate = Evaluator(formulas)
    count = 0
    for sheet in formulas.worksheets:
        for cell in (cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"):
            value = stored[sheet.title][cell.coordinate].value
            assert isinstance(value, int | float), (sheet.title, cell.coordinate, cell.value, value)
            # the stored value is what the live formula gives from the sheet's own inputs
            assert value == pytest.approx(evaluate.value(sheet.title, cell.column_letter, cell.row),
                                          rel=1e-12, abs=1e-15), (sheet.title, cell.coordinate, cell.value)
            count += 1
    assert count > 10

    # and it is the figure pcfdoc computed, exactly (the report prints the same numbers)
    for sheet, product in zip(summary_sheets(stored), calculated.results.products, strict=True):
        total_row = find_row(sheet, "合计")
        assert sheet.cell(total_row, 3).value == product.total_kgco2e
        assert sheet.cell(total_row + 1, 3).value == product.total_kgco2e  # the cross-check row
        for offset, stage in enumerate(product.stages):
            row = total_row - len(product.stages) + offset
            assert (sheet.cell(row, 3).value, sheet.cell(row, 4).value) == (stage.kgco2e, stage.share)
        gas_header = find_row(sheet, "气体", start=total_row)
        for offset, gas in enumerate(product.gases, start=1):
            assert [sheet.cell(gas_header + offset, column).value for column in (1, 2, 3, 4)] == [
                gas.gas, gas.gas_kg, gas.gwp, gas.kgco2e]
    inventory = stored[INVENTORY]
    by_line: dict[tuple[str, str], list[float]] = {}
    for row in inventory_rows(inventory):
        key = (inventory.cell(row, COL["product"]).value, inventory.cell(row, COL["line"]).value)
        by_line.setdefault(key, []).append(inventory.cell(row, COL["kgco2e"]).value)
        if inventory.cell(row, COL["amount"]).data_type == "n":
            assert inventory.cell(row, COL["amount"]).value is not None
    for product in calculated.results.products:
        for line in product.lines:
            assert [gas.kgco2e for gas in line.gases] == by_line[(product.id, line.id)], line.id


def test_minimal_workbook_stores_the_hand_computed_values():
    _, workbook = build(FIXTURES / "minimal.toml")
    package = workbook_bytes(pipeline.calc(FIXTURES / "minimal.toml"))
    stored = openpyxl.load_workbook(io.BytesIO(package), data_only=True)
    inventory = stored[INVENTORY]
    steel, electricity = inventory_rows(inventory)
    keys = ("amount", "factor_value", "conversion", "gwp_value", "gas_kg", "kgco2e")
    assert [inventory.cell(steel, COL[key]).value for key in keys] == [10, 2, 1, 1, 20, 20]
    assert [inventory.cell(electricity, COL[key]).value for key in keys] == [50, 0.5, 1, 1, 25, 25]
    summary, = summary_sheets(stored)
    total_row = find_row(summary, "合计")
    assert [summary.cell(row, 3).value for row in range(total_row - 2, total_row + 2)] == [20, 25, 45, 45]
    assert summary.cell(total_row, 4).value == 1


def test_user_text_is_always_a_string_cell(tmp_path):
    calculated = pipeline.calc(hostile_spec(tmp_path))
    package = workbook_bytes(calculated)
    workbook = openpyxl.load_workbook(io.BytesIO(package))
    for key, cell in hostile_cells(workbook).items():
        assert (cell.data_type, cell.value) == ("s", HOSTILE[key]), key
    summary, = summary_sheets(workbook)
    assert summary.title == "汇总 @SUM(1,2)"
    # No formula anywhere holds the text: only the workbook's own arithmetic is a formula.
    sheets = [info for info in zipfile.ZipFile(io.BytesIO(package)).infolist()
              if info.filename.startswith("xl/worksheets/")]
    for info in sheets:
        xml = zipfile.ZipFile(io.BytesIO(package)).read(info).decode("utf-8")
        for formula in re.findall(r"<f>(.*?)</f>", xml):
            assert not re.search(r"HYPERLINK|cmd|@|1\+1|_x0041_", formula), formula


def test_same_input_gives_identical_bytes_in_another_time_zone():
    calculated = pipeline.calc(FIXTURES / "two-products.toml")
    script = ("import sys; from pcfdoc import pipeline; from pcfdoc.export.xlsx import workbook_bytes; "
              "sys.stdout.buffer.write(workbook_bytes(pipeline.calc(sys.argv[1])))")
    other = subprocess.run([sys.executable, "-c", script, str(FIXTURES / "two-products.toml")],
                           capture_output=True, check=True, env={**os.environ, "TZ": "Pacific/Kiritimati"})
    assert other.stdout == workbook_bytes(calculated)
    core = zipfile.ZipFile(io.BytesIO(other.stdout)).read("docProps/core.xml").decode("utf-8")
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-01T00:00:00Z</dcterms:created>" in core
    assert "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-03-01T00:00:00Z</dcterms:modified>" in core


# --- with LibreOffice -------------------------------------------------------------------------

#: LibreOffice's own setting "recalculation on file load" for Excel 2007 and newer files: 0 is
#: always. Left at its default, LibreOffice shows the values stored with the formulas, and the
#: tests below would compare pcfdoc's numbers with themselves.
ALWAYS_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, tuple[pipeline.Calculated, openpyxl.Workbook]]:
    """Every RECALCULATED spec's workbook, recalculated by LibreOffice and read back as values."""
    if OFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("xlsx")
    source, target = folder / "in", folder / "out"
    source.mkdir()
    (folder / "profile" / "user").mkdir(parents=True)
    (folder / "profile" / "user" / "registrymodifications.xcu").write_text(ALWAYS_RECALCULATE, "utf-8")
    calculated = {}
    for spec in [*RECALCULATED, hostile_spec(folder)]:
        calculated[spec.stem] = pipeline.calc(spec)
        (source / f"{spec.stem}.xlsx").write_bytes(workbook_bytes(calculated[spec.stem]))
    # The probe tells a missing Calc from a workbook LibreOffice cannot read, and proves that
    # LibreOffice recalculates: its formula =A1+1 is stored with the wrong value 7.
    probe = xlsxwriter.Workbook(str(source / "probe.xlsx"))
    probe_sheet = probe.add_worksheet()
    probe_sheet.write_number(0, 0, 1)
    probe_sheet.write_formula(0, 1, "=A1+1", None, 7)
    probe.close()
    result = subprocess.run(
        [OFFICE, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
         "--convert-to", "xlsx", "--outdir", str(target), *sorted(str(p) for p in source.glob("*.xlsx"))],
        capture_output=True, text=True, timeout=300,
    )
    if not (target / "probe.xlsx").exists():
        pytest.skip(f"LibreOffice cannot open .xlsx here (is Calc installed?): {result.stderr.strip()}")
    probe_value = openpyxl.load_workbook(target / "probe.xlsx", data_only=True).active["B1"].value
    assert probe_value == 2, "LibreOffice showed the stored values instead of recalculating"
    return {stem: (calc, openpyxl.load_workbook(target / f"{stem}.xlsx", data_only=True))
            for stem, calc in calculated.items()}


def test_libreoffice_keeps_user_text_as_text(recalculated):
    calculated, workbook = recalculated["hostile"]
    for key, cell in hostile_cells(workbook).items():
        assert cell.value == HOSTILE[key], key
    summary, = summary_sheets(workbook)
    assert summary.cell(find_row(summary, "合计"), 3).value == pytest.approx(45, rel=1e-12)


@pytest.mark.parametrize("spec", RECALCULATED, ids=lambda p: p.stem)
def test_libreoffice_recalculates_to_the_calculated_results(recalculated, spec):
    calculated, workbook = recalculated[spec.stem]
    products = calculated.results.products
    for sheet, product in zip(summary_sheets(workbook), products, strict=True):
        assert sheet["B4"].value == product.name
        total_row = find_row(sheet, "合计")
        assert sheet.cell(total_row, 3).value == pytest.approx(product.total_kgco2e, rel=1e-9)
        assert sheet.cell(total_row + 1, 3).value == pytest.approx(product.total_kgco2e, rel=1e-9)
        assert sheet.cell(total_row, 4).value == pytest.approx(1.0 if product.total_kgco2e else 0.0)
        for offset, stage in enumerate(product.stages):
            row = total_row - len(product.stages) + offset
            assert sheet.cell(row, 1).value == stage.id
            assert sheet.cell(row, 3).value == pytest.approx(stage.kgco2e, rel=1e-9, abs=1e-12)
            assert sheet.cell(row, 4).value == pytest.approx(stage.share, rel=1e-9, abs=1e-12)
        gas_header = find_row(sheet, "气体", start=total_row)
        for offset, gas in enumerate(product.gases, start=1):
            assert sheet.cell(gas_header + offset, 1).value == gas.gas
            assert sheet.cell(gas_header + offset, 2).value == pytest.approx(gas.gas_kg, rel=1e-9)
            assert sheet.cell(gas_header + offset, 3).value == gas.gwp
            assert sheet.cell(gas_header + offset, 4).value == pytest.approx(gas.kgco2e, rel=1e-9)
    inventory = workbook[INVENTORY]
    by_line: dict[tuple[str, str], float] = {}
    for row in inventory_rows(inventory):
        key = (inventory.cell(row, COL["product"]).value, inventory.cell(row, COL["line"]).value)
        by_line[key] = by_line.get(key, 0.0) + inventory.cell(row, COL["kgco2e"]).value
    for product in products:
        for line in product.lines:
            assert by_line[(product.id, line.id)] == pytest.approx(line.kgco2e, rel=1e-9, abs=1e-15)
