"""``pcfdoc form``: the data-collection workbook a client fills in, pre-filled from the spec.

The sheets and their rows come from :mod:`pcfdoc.spec.form_layout`; this module only draws
them with openpyxl: an instruction sheet, headers that cannot be changed, yellow cells to
fill, dropdowns (units, stages, modes, basis), number checks, and hidden row keys that tie
each row to its spec entry. A very hidden sheet keeps the form's fingerprint: which spec
it was made for and what every cell showed, so that ``pcfdoc import`` can tell the
client's changes from changes made to the spec in the meantime.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from ..spec.form_layout import (
    FIRST_ROW,
    FORMAT,
    HEAD_ROW,
    KEY_ROW,
    LISTS_SHEET,
    META_SHEET,
    PLANT_ORIGINS,
    TITLE_ROW,
    Column,
    FormSpec,
    Sheet,
    choices,
    words,
)
from ..spec.form_sheets import form_spec
from ..spec.valid import ValidSpec
from ..vocab.origins import ACTIVITY_ORIGINS
from ..write import reproducible_zip

#: Units offered in the dropdowns besides those the spec already uses.
COMMON_UNITS = (
    "kg",
    "t",
    "g",
    "kWh",
    "万kWh",
    "MWh",
    "GJ",
    "tce",
    "m3",
    "Nm3",
    "万Nm3",
    "L",
    "t*km",
    "台",
    "套",
    "件",
    "个",
    "只",
    "片",
    "块",
    "支",
)

_INPUT = "FFF9E5"  # pale yellow: cells to fill
_LOCKED = "EDEDED"  # grey: shown, not to be changed
_HEAD = "DCE6F1"
INPUT_STYLE, LOCKED_STYLE = "pcfdoc 填写", "pcfdoc 锁定"


def identity(data: Mapping) -> dict[str, Any]:
    """What makes a workbook belong to a spec: the company and the ids of its products."""
    company = data.get("company", {}) if isinstance(data.get("company"), Mapping) else {}
    products = [p.get("id") for p in data.get("products", []) if isinstance(p, Mapping)]
    return {"company": company.get("name"), "products": products}


def form_bytes(valid: ValidSpec) -> bytes:
    """The workbook for ``valid``'s spec, the same bytes for the same spec."""
    from openpyxl import Workbook

    data = valid.source.data
    language = valid.spec.report.language
    form = form_spec(data, language)
    book = Workbook()
    _named_styles(book)
    instructions = book.active
    _instructions(instructions, valid, form)
    lists = _Lists(book.create_sheet(LISTS_SHEET))
    for sheet in form.sheets:
        _draw(book.create_sheet(sheet.title(language)), sheet, form, lists, data)
    lists.sheet.sheet_state = "hidden"
    _meta(book.create_sheet(META_SHEET), valid, form)
    book.active = 0
    issued = valid.spec.report.issue_date
    stamp = dt.datetime(issued.year, issued.month, issued.day)
    book.properties.creator = valid.spec.report.assessor
    book.properties.title = instructions.title
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps the save time; the issue date keeps the file the same on every run.
    return reproducible_zip(buffer.getvalue(), issued, {"docProps/core.xml": _core_dates(stamp)})


def _core_dates(stamp: dt.datetime):
    text = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")

    def rewrite(xml: bytes) -> bytes:
        return re.sub(
            rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
            rb"\g<1>" + text.encode() + rb"\g<2>",
            xml,
        )

    return rewrite


#: Characters per line of the instruction sheet (a Chinese character counts two).
INSTRUCTION_WIDTH = 64


def _text_width(text: str) -> int:
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _instructions(ws, valid: ValidSpec, form: FormSpec) -> None:
    from openpyxl.styles import Alignment, Font

    spec, language = valid.spec, form.language
    ws.title = words(language, "填写说明", "Instructions")
    period = spec.data_period
    prepared = "、".join(p.name for p in spec.report.people if p.duty == "prepared")
    product_lines = []
    for product in spec.products:
        basis = product.inventory_per or product.functional_unit
        product_lines.append(
            words(
                language,
                f"{product.name}：“单位产品”指每 {basis.amount:g} {basis.unit}。",
                f"{product.name}: 'per unit' means per {basis.amount:g} {basis.unit}.",
            )
        )
    plant_origins = "、".join(ACTIVITY_ORIGINS[origin].name("zh-CN") for origin in PLANT_ORIGINS)
    sheet_lines = [
        f"{sheet.title(language)}：{sheet.note(language)}"
        if language == "zh-CN"
        else f"{sheet.title(language)}: {sheet.note(language)}"
        for sheet in form.sheets
    ]
    lines = [
        (
            words(
                language,
                f"{spec.company.name} 产品碳足迹数据收集表",
                f"{spec.company.name}: product carbon footprint data collection",
            ),
            "title",
        ),
        (
            words(
                language,
                f"数据期：{period.start.isoformat()} 至 {period.end.isoformat()}（所有数量均指这一期间）",
                f"Data period: {period.start.isoformat()} to {period.end.isoformat()} (every amount refers "
                "to this period)",
            ),
            None,
        ),
        *((line, None) for line in product_lines),
        ("", None),
        (words(language, "如何填写", "How to fill it in"), "head"),
        (
            words(
                language,
                "1. 黄色单元格为填写区，灰色为说明，请勿修改表头和灰色单元格；标 * 的列必须填写。",
                "1. Yellow cells are for your figures; grey cells and the headers stay as they are; columns "
                "marked * must be filled.",
            ),
            None,
        ),
        (
            words(
                language,
                "2. 已填的数字是上一期的数据，请用本期数据覆盖；没有变化的保持原样。",
                "2. Figures already filled in are from the previous study: overwrite them with this period's "
                "data, leave unchanged ones as they are.",
            ),
            None,
        ),
        (
            words(
                language,
                "3. 数字只填数值（如 120000），单位从下拉列表选择或按列表的写法填写；"
                "不要在数字后加单位或文字。",
                "3. Write numbers only (e.g. 120000) and choose the unit from the list or write it the same "
                "way; no units or words after a number.",
            ),
            None,
        ),
        (
            words(
                language,
                "4. 新增项目填在各表下方的空行中；不再使用的项目在“删除”列选“删除”，请勿删除整行。",
                "4. Add new items in the empty rows below each table; mark items no longer used with "
                "'delete' in the Delete column rather than deleting the row.",
            ),
            None,
        ),
        (
            words(
                language,
                "5. 请勿改动工作表名称，也不要复制粘贴整行（隐藏列中有每行的编号）。",
                "5. Do not rename sheets or copy whole rows (a hidden column numbers each row).",
            ),
            None,
        ),
        (
            words(
                language,
                f"6. “数据获取方式”说明每个数字是怎样得到的，请从下拉列表中如实选择（{plant_origins}）；"
                "估计的数字选“估算”。",
                "6. 'Obtained by' says how each figure was obtained: measured on site, metered, billed "
                "(invoices, delivery notes), recorded (production statistics, bill of materials), "
                "calculated from the company's records, stated by the supplier, or estimated. Choose "
                "truthfully: a guess is 'estimated'.",
            ),
            None,
        ),
        ("", None),
        (words(language, "各工作表", "The sheets"), "head"),
        *((line, None) for line in sheet_lines),
        ("", None),
        (
            words(
                language,
                f"如有疑问，请联系{spec.report.assessor}" + (f"（{prepared}）" if prepared else "") + "。",
                f"Questions: {spec.report.assessor}" + (f" ({prepared})" if prepared else "") + ".",
            ),
            None,
        ),
    ]
    for row, (text, style) in enumerate(lines, 1):
        cell = ws.cell(row=row, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Office programs do not grow a row for wrapped text written by openpyxl: give it its lines.
        ws.row_dimensions[row].height = 16 * max(1, -(-_text_width(text) * 10 // (INSTRUCTION_WIDTH * 12)))
        if style == "title":
            cell.font = Font(bold=True, size=14)
        elif style == "head":
            cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = INSTRUCTION_WIDTH + 4
    ws.protection.sheet = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


class _Lists:
    """The hidden sheet holding every dropdown's choices, one column per list."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_of(self, values: list[str]) -> str:
        key = tuple(values)
        if key not in self.ranges:
            from openpyxl.utils import get_column_letter, quote_sheetname

            column = len(self.ranges) + 1
            for row, value in enumerate(values, 1):
                self.sheet.cell(row=row, column=column, value=value)
            letter = get_column_letter(column)
            self.ranges[key] = (
                f"{quote_sheetname(self.sheet.title)}!${letter}$1:${letter}${max(len(values), 1)}"
            )
        return self.ranges[key]


def _units(data: Mapping) -> list[str]:
    found: list[str] = []

    def walk(value: Any, key: str | None = None) -> None:
        if isinstance(value, Mapping):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key == "unit" and isinstance(value, str) and "/" not in value and value not in found:
            found.append(value)

    for product in data.get("products", []) or []:
        walk(product)
    walk(data.get("company", {}).get("annual_output", []) if isinstance(data.get("company"), Mapping) else [])
    return list(dict.fromkeys([*COMMON_UNITS, *found]))


def _footprint_units(data: Mapping) -> list[str]:
    """Units of a supplier's footprint: kgCO2e per unit of each material, and those the spec writes."""
    per: list[str] = ["kg", "t", "台", "套", "件", "个"]
    written: list[str] = []
    for product in data.get("products", []) or []:
        for line in product.get("inventory", []) or [] if isinstance(product, Mapping) else []:
            if not isinstance(line, Mapping) or line.get("stage") != "raw_material":
                continue
            if isinstance(line.get("unit"), str) and "/" not in line["unit"]:
                per.append(line["unit"])
            declared = line.get("declared")
            if isinstance(declared, Mapping) and isinstance(declared.get("unit"), str):
                written.append(declared["unit"])
    return list(dict.fromkeys([*(f"kgCO2e/{unit}" for unit in per), *written]))


def _draw(ws, sheet: Sheet, form: FormSpec, lists: _Lists, data: Mapping) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    language = form.language
    columns = sheet.columns
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fills = {
        kind: PatternFill("solid", fgColor=colour)
        for kind, colour in (("input", _INPUT), ("locked", _LOCKED), ("head", _HEAD))
    }

    ws.cell(row=KEY_ROW, column=1, value="_key")
    ws.column_dimensions["A"].hidden = True
    for index, column in enumerate(columns, 2):
        letter = get_column_letter(index)
        ws.cell(row=KEY_ROW, column=index, value=column.key)
        head = ws.cell(
            row=HEAD_ROW, column=index, value=f"{column.label(language)}{' *' if column.must else ''}"
        )
        head.font = Font(bold=True, color="C00000" if column.must else "000000")
        head.fill = fills["head"]
        head.border = border
        head.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[letter].width = column.width
    ws.row_dimensions[KEY_ROW].hidden = True
    title = ws.cell(row=TITLE_ROW, column=2, value=f"{sheet.title(language)}　{sheet.note(language)}")
    title.alignment = Alignment(wrap_text=True, vertical="top")
    title.font = Font(bold=True)
    ws.merge_cells(start_row=TITLE_ROW, start_column=2, end_row=TITLE_ROW, end_column=len(columns) + 1)
    ws.row_dimensions[TITLE_ROW].height = 48
    ws.row_dimensions[HEAD_ROW].height = 32

    last = FIRST_ROW + len(sheet.rows) + sheet.blank_rows - 1
    for offset, row in enumerate(sheet.rows):
        number = FIRST_ROW + offset
        ws.cell(row=number, column=1, value=row.key)
        for index, column in enumerate(columns, 2):
            value = row.values.get(column.key)
            cell = ws.cell(row=number, column=index, value=value)
            editable = (
                column.editable
                and column.key not in row.locked
                and not (
                    sheet.id == "company" and column.key == "unit" and not row.key.endswith("mass_per_unit")
                )
            )
            _style(cell, editable, fills, border, Protection)
    for number in range(FIRST_ROW + len(sheet.rows), last + 1):
        for index, column in enumerate(columns, 2):
            _style(ws.cell(row=number, column=index), column.editable, fills, border, Protection)
    if last >= FIRST_ROW:
        _validations(ws, sheet, form, lists, data, last)
    if sheet.id == "energy":
        _month_sums(ws, sheet, language, last, fills, border)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
    ws.protection.sheet = True
    # The clerk may widen columns and rows; nothing else of the layout changes.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"


def _month_sums(ws, sheet: Sheet, language: str, last: int, fills, border) -> None:
    """A locked column after the table adding up each row's months, for the clerk to check against the
    meter readings. The import never reads it: it adds the months itself."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    months = [index for index, column in enumerate(sheet.columns, 2) if column.key.startswith("m")
              and column.key[1:].isdigit()]
    if not months:
        return
    first, final = get_column_letter(months[0]), get_column_letter(months[-1])
    at = len(sheet.columns) + 2
    ws.cell(row=KEY_ROW, column=at, value="month_sum")
    head = ws.cell(row=HEAD_ROW, column=at, value=words(language, "月度合计（自动）", "Sum of months (auto)"))
    head.font, head.fill, head.border = Font(bold=True), fills["head"], border
    head.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.column_dimensions[get_column_letter(at)].width = 12
    for number in range(FIRST_ROW, last + 1):
        cell = ws.cell(row=number, column=at,
                       value=f'=IF(COUNT({first}{number}:{final}{number})=0,"",SUM({first}{number}:{final}{number}))')
        cell.fill, cell.border = fills["locked"], border


def _style(cell, editable: bool, fills, border, protection) -> None:
    # Named styles: openpyxl hashes every style object set cell by cell, 2 s per thousand rows.
    cell.style = INPUT_STYLE if editable else LOCKED_STYLE


def _named_styles(book) -> None:
    from openpyxl.styles import Border, NamedStyle, PatternFill, Protection, Side

    thin = Side(style="thin", color="BFBFBF")
    for name, colour, locked in ((INPUT_STYLE, _INPUT, False), (LOCKED_STYLE, _LOCKED, True)):
        style = NamedStyle(name=name)
        style.fill = PatternFill("solid", fgColor=colour)
        style.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        style.protection = Protection(locked=locked)
        book.add_named_style(style)


def _validations(ws, sheet: Sheet, form: FormSpec, lists: _Lists, data: Mapping, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    language = form.language
    for index, column in enumerate(sheet.columns, 2):
        if not column.editable:
            continue
        area = f"{get_column_letter(index)}{FIRST_ROW}:{get_column_letter(index)}{last}"
        rule = _rule(sheet, column, form, lists, data, language)
        if rule is None:
            continue
        validation = DataValidation(**rule, allow_blank=True, showErrorMessage=True)
        validation.add(area)
        ws.add_data_validation(validation)


def _rule(
    sheet: Sheet, column: Column, form: FormSpec, lists: _Lists, data: Mapping, language: str
) -> dict[str, Any] | None:
    kind = column.type
    if sheet.id == "company" and column.key == "value":
        return None  # text and one number share the column; the import checks each
    if kind == "choice":
        return {
            "type": "list",
            "formula1": lists.range_of(choices(sheet, column, form)),
            "error": words(language, "请从下拉列表中选择。", "Choose from the list."),
            "errorStyle": "stop",
        }
    if kind == "unit":
        # Other units may be written (warning only); the import reads every unit pcfdoc knows.
        return {
            "type": "list",
            "formula1": lists.range_of(
                _footprint_units(data) if column.key == "declared.unit" else _units(data)),
            "errorStyle": "warning",
            "error": words(
                language,
                "不在列表中的单位：请确认写法，如 kg、kWh、m3、t*km。",
                "A unit not in the list: check how it is written, e.g. kg, kWh, m3, t*km.",
            ),
        }
    if kind in ("number", "integer"):
        minimum = column.minimum if column.minimum is not None else 0
        rule = {
            "type": "whole" if kind == "integer" else "decimal",
            "operator": "greaterThanOrEqual",
            "formula1": str(minimum),
            "error": words(
                language, f"请填写不小于 {minimum:g} 的数字。", f"Write a number of at least {minimum:g}."
            ),
        }
        if column.maximum is not None:
            rule.update(
                operator="between",
                formula2=str(column.maximum),
                error=words(
                    language,
                    f"请填写 {minimum:g} 至 {column.maximum:g} 之间的数字。",
                    f"Write a number from {minimum:g} to {column.maximum:g}.",
                ),
            )
        return rule
    return None


def _meta(ws, valid: ValidSpec, form: FormSpec) -> None:
    """The fingerprint: format, spec, identity and every pre-filled cell, one row per form row."""
    ws.sheet_state = "veryHidden"
    data = valid.source.data
    rows = [
        ("format", FORMAT),
        ("spec", valid.source.file.replace("\\", "/").rpartition("/")[2]),
        ("spec_sha256", hashlib.sha256(valid.source.text.encode("utf-8")).hexdigest()),
        ("language", form.language),
        ("identity", json.dumps(identity(data), ensure_ascii=False)),
        (
            "sheets",
            json.dumps({sheet.id: sheet.title(form.language) for sheet in form.sheets}, ensure_ascii=False),
        ),
    ]
    for key, value in rows:
        ws.append([key, value])
    for sheet in form.sheets:
        for row in sheet.rows:
            ws.append(["row", sheet.id, row.key, json.dumps(row.values, ensure_ascii=False, default=str)])
