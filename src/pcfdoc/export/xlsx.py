"""The calculation workbook (``pcfdoc build --xlsx``): the footprint as live formulas.

An auditor recalculates every figure of the report from its inputs:

* one summary sheet per product: stage sums (SUMIFS over the inventory), shares (stage / total),
  the total (sum of the stages), a cross-check over every line, emissions by gas, and the values
  pcfdoc computed, for comparison;
* the inventory: one row per line and gas, with activity per functional unit, factor value,
  the pint conversion that turns activity unit × factor unit into kg of the gas, the GWP, and
  ``kg gas = amount × factor × conversion`` and ``kg CO2e = amount × factor × conversion × GWP``
  as formulas. Transport amounts are ``t × km`` (distribution: ``t × share × km``), a carried
  line's mass follows that line's amount, and an allocated annual total is ``total × share /
  output``;
* the factors used (one row per gas) and the GWP100 values used; inventory rows refer to them.

Numbers keep full precision (formats only choose what is shown). Results are kg CO2e per
functional unit. The same calculation always gives the same bytes: document properties carry
the report's issue date and zip entries a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..calc.derive import emission_unit, factor_values, product_path
from ..calc.results import LineResult, ProductResult
from ..formatting import decimals_for
from ..spec.library import SHIPPED
from ..spec.schema import Node
from ..vocab.catalogue import STAGE_BY_ID
from ..vocab.gwp import CO2E, GwpSet, gwp_sets
from ..vocab.units import conversion_factor, gas_of_unit
from ..write import reproducible_zip

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ..calc.results import Calculated

#: Excel's limit on sheet names, and the characters a sheet name may not hold.
SHEET_NAME_LIMIT = 31
_ILLEGAL_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
#: Document properties hold at most this many characters.
PROPERTY_LIMIT = 255

LABELS: dict[str, dict[str, str]] = {
    "zh-CN": {
        "inventory": "清单", "factors": "排放因子", "gwp": "GWP", "summary": "汇总",
        "title": "碳足迹计算表",
        # inventory columns
        "product": "产品", "line": "清单行", "stage": "阶段", "stage_name": "阶段名称", "name": "名称",
        "kind": "类型", "carries": "运输物料（清单行）", "stated": "填报数量",
        "scale": "清单基准数（每功能单位）", "annual_amount": "年度总量",
        "allocation_share": "分配比例", "output_fu": "产量（功能单位）", "mass_t": "运输质量（t）",
        "share": "销售比例", "distance_km": "运输距离（km）", "amount": "活动量（每功能单位）",
        "unit": "单位", "factor": "因子", "gas": "气体", "factor_value": "因子值",
        "factor_unit": "因子单位", "conversion": "换算系数（活动单位×因子单位→kg气体）",
        "gas_kg": "气体排放（kg）", "gwp_value": "GWP", "kgco2e": "排放（kgCO2e）",
        "category": "类别", "data_type": "数据类型", "source": "数据来源",
        "declared": "供应商声明",
        "kind.inventory": "清单", "kind.transport": "运输", "kind.distribution": "分销",
        # factor columns
        "id": "编号", "value": "数值", "year": "年份", "region": "地区", "status": "状态",
        "origin": "定义于", "derivation": "推导", "note": "备注", "pcfdoc_library": "pcfdoc 因子库",
        # GWP sheet
        "gwp_set": "GWP 数据集", "gwp_status": "状态",
        # summary
        "product_id": "产品编号", "product_name": "产品名称", "functional_unit": "功能单位",
        "result_unit": "结果单位", "formula_note": "排放 = 活动量 × 因子值 × 换算系数 × GWP（见“{}”表）",
        "stage_kgco2e": "排放（kgCO2e/{}）", "stage_share": "占比", "report_value": "pcfdoc 计算值",
        "total": "合计", "total_in": "合计（{}）", "check": "核对：清单各行之和",
        "by_gas": "按气体", "gas_kg_col": "气体质量（kg/{}）",
    },
    "en": {
        "inventory": "Inventory", "factors": "Factors", "gwp": "GWP", "summary": "Summary",
        "title": "carbon footprint calculation",
        "product": "Product", "line": "Line", "stage": "Stage", "stage_name": "Stage name", "name": "Name",
        "kind": "Kind", "carries": "Carries (line)", "stated": "Amount as stated",
        "scale": "Inventory bases per functional unit", "annual_amount": "Annual total",
        "allocation_share": "Allocation share", "output_fu": "Output (functional units)",
        "mass_t": "Mass (t)", "share": "Share of sales", "distance_km": "Distance (km)",
        "amount": "Amount per functional unit", "unit": "Unit", "factor": "Factor", "gas": "Gas",
        "factor_value": "Factor value", "factor_unit": "Factor unit",
        "conversion": "Conversion (activity unit × factor unit → kg gas)", "gas_kg": "Gas (kg)",
        "gwp_value": "GWP", "kgco2e": "Emission (kgCO2e)", "category": "Category",
        "data_type": "Data type", "source": "Source", "declared": "declared",
        "kind.inventory": "inventory", "kind.transport": "transport", "kind.distribution": "distribution",
        "id": "Id", "value": "Value", "year": "Year", "region": "Region", "status": "Status",
        "origin": "Defined in", "derivation": "Derivation", "note": "Note",
        "pcfdoc_library": "pcfdoc library",
        "gwp_set": "GWP set", "gwp_status": "Status",
        "product_id": "Product id", "product_name": "Product name", "functional_unit": "Functional unit",
        "result_unit": "Result unit",
        "formula_note": "Emission = amount × factor value × conversion × GWP (see sheet '{}')",
        "stage_kgco2e": "Emission (kgCO2e/{})", "stage_share": "Share", "report_value": "pcfdoc value",
        "total": "Total", "total_in": "Total ({})", "check": "Check: sum of the inventory rows",
        "by_gas": "By gas", "gas_kg_col": "Gas (kg/{})",
    },
}

#: Inventory columns, in order.
INVENTORY_COLUMNS = (
    "product", "line", "stage", "stage_name", "name", "kind", "carries", "stated", "scale", "annual_amount",
    "allocation_share", "output_fu", "mass_t", "share", "distance_km", "amount", "unit", "factor",
    "gas", "factor_value", "factor_unit", "conversion", "gas_kg", "gwp_value", "kgco2e", "category",
    "data_type", "source",
)
COL = {key: index + 1 for index, key in enumerate(INVENTORY_COLUMNS)}
FACTOR_COLUMNS = ("id", "name", "gas", "value", "unit", "source", "year", "region", "status",
                  "category", "origin", "derivation", "note")

def workbook_bytes(calculated: Calculated) -> bytes:
    """The calculation workbook of ``calculated`` as .xlsx bytes; nothing is written."""
    from openpyxl import Workbook

    valid, results = calculated.valid, calculated.results
    spec = valid.spec
    language = spec.report.language if spec.report.language in LABELS else "en"
    labels = LABELS[language]
    gwp = gwp_sets()[results.gwp_set]

    rows = _inventory_rows(spec, valid.factors, results.products, gwp)
    factor_rows = _factor_rows(rows)
    gases = list(dict.fromkeys(row.gas for row in rows))

    workbook = Workbook()
    names = _SheetNames()
    inventory_name = names.add(labels["inventory"])
    factors_name = names.add(labels["factors"])
    gwp_name = names.add(labels["gwp"])
    summary_names = [names.add(f"{labels['summary']} {product.name}", fallback=product.id)
                     for product in results.products]

    first = workbook.active
    summaries = [first, *(workbook.create_sheet() for _ in results.products[1:])]
    inventory = workbook.create_sheet()
    factors_sheet = workbook.create_sheet()
    gwp_sheet = workbook.create_sheet()
    inventory.title, factors_sheet.title, gwp_sheet.title = inventory_name, factors_name, gwp_name

    factor_cells = _write_factors(factors_sheet, factor_rows, valid.factors, labels)
    gwp_cells = _write_gwp(gwp_sheet, gwp, gases, labels)
    _write_inventory(inventory, rows, factor_cells, gwp_cells, labels, language)
    last_row = len(rows) + 1
    for sheet, name, product in zip(summaries, summary_names, results.products, strict=True):
        sheet.title = name
        _write_summary(sheet, product, spec, inventory_name, last_row, gwp, gases, gwp_cells, labels)

    _properties(workbook, spec, labels)
    return reproducible_zip(_save(workbook), spec.report.issue_date)


# --- rows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """One inventory row: one gas of one line."""

    product: ProductResult
    line: LineResult
    first: bool  # the line's first gas row (later rows refer to its amount)
    factor_id: str | None  # None: a supplier-declared value
    factor: Node
    gas: str  # the gas the factor value is a mass of (after reading the units)
    factor_gas: str  # the gas as the factor lists it (key of its factors-sheet row)
    value: float
    conversion: float  # kg of the gas per (activity unit × factor unit)
    stated: float | None  # an inventory line's amount as the spec states it (per inventory basis)


def _inventory_rows(spec: Node, factors: Mapping[str, Any], products, gwp: GwpSet) -> list[_Row]:
    rows = []
    for index, product in enumerate(products):
        stated = {line.id: line.amount for line in spec.products[index].inventory}
        for line in product.lines:
            if line.factor_id is not None:
                factor = factors[line.factor_id].factor
            else:  # a declared value is a one-gas factor of the line's own
                factor = Node(value=line.factor_value, unit=line.factor_unit, gases=None,
                              gas=gas_of_unit(line.factor_unit) or CO2E)
            for position, (gas, value) in enumerate(factor_values(factor)):
                converted = emission_unit(line.unit, factor.unit, gas, product_path(index), factor.unit)
                rows.append(_Row(product, line, position == 0, line.factor_id, factor, converted.gas, gas,
                                 value, converted.kg_per_activity_unit,
                                 stated.get(line.id) if line.kind == "inventory" else None))
    return rows


def _factor_rows(rows: list[_Row]) -> list[tuple[str, str, float, Node]]:
    """(factor id, gas, value, factor) of each factor gas the inventory uses, in order of first use."""
    seen: dict[tuple[str, str], tuple[str, str, float, Node]] = {}
    for row in rows:
        if row.factor_id is not None:
            key = (row.factor_id, row.factor_gas)
            seen.setdefault(key, (*key, row.value, row.factor))
    return list(seen.values())


# --- sheets ----------------------------------------------------------------------------------


def _write_factors(sheet: Worksheet, factor_rows, entries: Mapping[str, Any], labels) -> dict:
    """The factors sheet; returns (factor id, gas) → absolute reference of its value cell."""
    _header(sheet, [labels[key] for key in FACTOR_COLUMNS])
    cells = {}
    for number, (factor_id, gas, value, factor) in enumerate(factor_rows, start=2):
        entry = entries[factor_id]
        values = {
            "id": factor_id, "name": factor.name, "gas": gas, "value": value, "unit": factor.unit,
            "source": factor.source, "year": factor.year, "region": factor.region, "status": factor.status,
            "category": factor.category, "origin": _origin(entry, labels),
            "derivation": _derivation(factor), "note": factor.note,
        }
        for column, key in enumerate(FACTOR_COLUMNS, start=1):
            sheet.cell(number, column, values[key])
        sheet.cell(number, FACTOR_COLUMNS.index("value") + 1).number_format = "General"
        cells[(factor_id, gas)] = _ref(sheet.title, number, FACTOR_COLUMNS.index("value") + 1)
    _widths(sheet, {"id": 28, "name": 30, "gas": 8, "value": 14, "unit": 16, "source": 40, "year": 7,
                    "region": 10, "status": 12, "category": 10, "origin": 20, "derivation": 40,
                    "note": 30}, FACTOR_COLUMNS)
    _freeze_and_filter(sheet, len(factor_rows) + 1, len(FACTOR_COLUMNS))
    return cells


def _write_gwp(sheet: Worksheet, gwp: GwpSet, gases: list[str], labels) -> dict[str, str]:
    """The GWP100 values used; returns gas → absolute reference of its value cell."""
    _header(sheet, [labels["gas"], labels["gwp_value"], labels["gwp_set"], labels["gwp_status"]])
    cells = {}
    for number, gas in enumerate(gases, start=2):
        sheet.cell(number, 1, gas)
        sheet.cell(number, 2, gwp.factor(gas)).number_format = "General"
        sheet.cell(number, 3, gwp.title if gas != CO2E else None)
        sheet.cell(number, 4, gwp.status(gas) if gas != CO2E else None)
        cells[gas] = _ref(sheet.title, number, 2)
    for letter, width in zip("ABCD", (16, 10, 40, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    return cells


def _write_inventory(sheet: Worksheet, rows: list[_Row], factor_cells, gwp_cells, labels,
                     language: str) -> None:
    from openpyxl.utils import get_column_letter

    _header(sheet, [labels[key] for key in INVENTORY_COLUMNS])
    letter = {key: get_column_letter(column) for key, column in COL.items()}
    first_row: dict[tuple[str, str], int] = {}  # (product id, line id) → its first row
    for number, row in enumerate(rows, start=2):
        first_row.setdefault((row.product.id, row.line.id), number)

    for number, row in enumerate(rows, start=2):
        line = row.line
        freight, annual = line.freight, line.annual
        stage = STAGE_BY_ID[line.stage]

        def put(key: str, value: Any, decimals_of: float | None = None, *, _number: int = number) -> None:
            cell = sheet.cell(_number, COL[key], value)
            if decimals_of is not None:
                cell.number_format = _decimals_format(decimals_of)

        put("product", row.product.id)
        put("line", line.id)
        put("stage", line.stage)
        put("stage_name", stage.names.get(language, stage.name("en")))
        put("name", line.name)
        put("kind", labels.get(f"kind.{line.kind}", line.kind))
        base = first_row[(row.product.id, line.id)]
        ref = {key: f"{letter[key]}{number}" for key in COL}
        if not row.first:  # a further gas of the same line: the line's amount, once
            put("amount", f"={letter['amount']}{base}", line.amount)
        elif annual is not None and line.annual_amount is not None:
            put("annual_amount", line.annual_amount, line.annual_amount)
            put("allocation_share", annual.share)
            sheet.cell(number, COL["allocation_share"]).number_format = "0.00%"
            put("output_fu", annual.output_functional_units, annual.output_functional_units)
            put("amount", f"={ref['annual_amount']}*{ref['allocation_share']}/{ref['output_fu']}",
                line.amount)
        elif freight is not None:
            carried = first_row.get((row.product.id, freight.carries)) if freight.carries else None
            if carried is not None:
                carried_line = rows[carried - 2].line
                put("carries", freight.carries)
                to_tonnes = _literal(conversion_factor(carried_line.unit, "t"))
                put("mass_t", f"={letter['amount']}{carried}*{to_tonnes}", freight.mass_t)
            else:
                put("mass_t", freight.mass_t, freight.mass_t)
            put("distance_km", freight.distance_km, freight.distance_km)
            if freight.share is not None:
                put("share", freight.share)
                sheet.cell(number, COL["share"]).number_format = "0.00%"
                put("amount", f"={ref['mass_t']}*{ref['share']}*{ref['distance_km']}", line.amount)
            else:
                put("amount", f"={ref['mass_t']}*{ref['distance_km']}", line.amount)
        elif row.stated is not None:
            put("stated", row.stated, row.stated)
            put("scale", row.product.inventory_scale)
            sheet.cell(number, COL["scale"]).number_format = "General"
            put("amount", f"={ref['stated']}*{ref['scale']}", line.amount)
        else:
            put("amount", line.amount, line.amount)
        put("unit", line.unit)
        put("factor", row.factor_id if row.factor_id is not None else labels["declared"])
        put("gas", row.gas)
        if row.factor_id is not None:
            put("factor_value", f"={factor_cells[(row.factor_id, row.factor_gas)]}")
        else:
            put("factor_value", row.value)
        put("factor_unit", row.factor.unit)
        put("conversion", row.conversion)
        put("gwp_value", f"={gwp_cells[row.gas]}")
        gas_kg = next((g.kg for g in line.gases if g.gas == row.gas), line.kgco2e)
        put("gas_kg", f"={ref['amount']}*{ref['factor_value']}*{ref['conversion']}", gas_kg)
        put("kgco2e", f"={ref['amount']}*{ref['factor_value']}*{ref['conversion']}*{ref['gwp_value']}",
            line.kgco2e)
        put("category", line.category)
        put("data_type", line.data_type)
        put("source", line.source)
        for key in ("factor_value", "conversion", "gwp_value"):
            sheet.cell(number, COL[key]).number_format = "General"

    _widths(sheet, {"product": 12, "line": 18, "stage": 14, "stage_name": 12, "name": 28, "kind": 8,
                    "carries": 14, "stated": 12, "scale": 12, "annual_amount": 14, "allocation_share": 10,
                    "output_fu": 12,
                    "mass_t": 12, "share": 10, "distance_km": 12, "amount": 16, "unit": 10, "factor": 28,
                    "gas": 8, "factor_value": 14, "factor_unit": 16, "conversion": 14, "gas_kg": 14,
                    "gwp_value": 8, "kgco2e": 16, "category": 10, "data_type": 10, "source": 30},
            INVENTORY_COLUMNS)
    _freeze_and_filter(sheet, len(rows) + 1, len(INVENTORY_COLUMNS), freeze="C2")


def _write_summary(sheet: Worksheet, product: ProductResult, spec: Node, inventory: str, last_row: int,
                   gwp: GwpSet, gases: list[str], gwp_cells: dict[str, str], labels) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import quote_sheetname

    fu = f"{product.functional_unit_amount:g} {product.functional_unit}".strip()
    per = product.functional_unit if product.functional_unit_amount == 1 else fu
    sheet.cell(1, 1, f"{product.name} {labels['title']}").font = _bold()
    facts = (
        (labels["product_id"], product.id),
        (labels["product_name"], product.name),
        (labels["functional_unit"], fu),
        (labels["gwp_set"], gwp.title),
        (labels["result_unit"], f"kgCO2e/{per}"),
    )
    for number, (label, value) in enumerate(facts, start=3):
        sheet.cell(number, 1, label).font = _bold()
        sheet.cell(number, 2, value)
    product_cell = "$B$3"
    sheet.cell(9, 1, labels["formula_note"].format(inventory))

    def column(key: str) -> str:
        letter = get_column_letter(COL[key])
        return f"{quote_sheetname(inventory)}!${letter}$2:${letter}${max(last_row, 2)}"

    top = 11
    _header(sheet, [labels["stage"], labels["stage_name"], labels["stage_kgco2e"].format(per),
                    labels["stage_share"], labels["report_value"]], row=top)
    stage_rows = range(top + 1, top + 1 + len(product.stages))
    total_row = top + 1 + len(product.stages)
    decimals = _decimals_format(max([product.total_kgco2e, *(s.kgco2e for s in product.stages)], key=abs))
    for number, stage in zip(stage_rows, product.stages, strict=True):
        sheet.cell(number, 1, stage.id)
        sheet.cell(number, 2, stage.name)
        sheet.cell(number, 3, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell},"
                              f"{column('stage')},A{number})").number_format = decimals
        sheet.cell(number, 4, f"=IF($C${total_row}=0,0,C{number}/$C${total_row})").number_format = "0.00%"
        sheet.cell(number, 5, stage.kgco2e).number_format = decimals
    first_stage, last_stage = top + 1, max(total_row - 1, top + 1)
    sheet.cell(total_row, 1, labels["total"]).font = _bold()
    total = sheet.cell(total_row, 3, f"=SUM(C{first_stage}:C{last_stage})" if product.stages else 0)
    total.number_format, total.font = decimals, _bold()
    share = sheet.cell(total_row, 4, f"=SUM(D{first_stage}:D{last_stage})" if product.stages else 0)
    share.number_format, share.font = "0.00%", _bold()
    sheet.cell(total_row, 5, product.total_kgco2e).number_format = decimals
    row = total_row + 1
    sheet.cell(row, 1, labels["check"])
    check = sheet.cell(row, 3, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell})")
    check.number_format = decimals
    sheet.cell(row, 5, product.total_kgco2e).number_format = decimals
    result_unit = product.result_unit or "kgCO2e"
    if result_unit != "kgCO2e":
        row += 1
        ratio = conversion_factor("kgCO2e", result_unit)
        sheet.cell(row, 1, labels["total_in"].format(f"{result_unit}/{per}"))
        sheet.cell(row, 3, f"=C{total_row}*{_literal(ratio)}").number_format = _decimals_format(
            product.total_kgco2e * ratio)
        sheet.cell(row, 5, product.total_kgco2e * ratio).number_format = _decimals_format(
            product.total_kgco2e * ratio)

    row += 2
    _header(sheet, [labels["gas"], labels["gas_kg_col"].format(per), labels["gwp_value"],
                    labels["stage_kgco2e"].format(per), labels["report_value"]], row=row)
    for gas_result in product.gases:
        row += 1
        sheet.cell(row, 1, gas_result.gas)
        sheet.cell(row, 2, f"=SUMIFS({column('gas_kg')},{column('product')},{product_cell},"
                           f"{column('gas')},A{row})").number_format = _decimals_format(gas_result.gas_kg)
        gwp_ref = gwp_cells.get(gas_result.gas)
        sheet.cell(row, 3, f"={gwp_ref}" if gwp_ref else gwp.factor(gas_result.gas)).number_format = "General"
        sheet.cell(row, 4, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell},"
                           f"{column('gas')},A{row})").number_format = decimals
        sheet.cell(row, 5, gas_result.kgco2e).number_format = decimals

    for letter, width in zip("ABCDE", (26, 42, 22, 20, 16), strict=True):
        sheet.column_dimensions[letter].width = width


# --- helpers ---------------------------------------------------------------------------------


class _SheetNames:
    """Legal, unique sheet names (Excel compares them case-insensitively)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def add(self, wanted: str, fallback: str = "Sheet") -> str:
        name = _ILLEGAL_SHEET_CHARS.sub("_", wanted).strip().strip("'").strip()
        name = name[:SHEET_NAME_LIMIT].strip() or fallback[:SHEET_NAME_LIMIT]
        if name.lower() == "history":  # reserved by Excel
            name = f"{name}_"
        candidate, counter = name, 2
        while candidate.lower() in self.taken:
            suffix = f" ({counter})"
            candidate = name[: SHEET_NAME_LIMIT - len(suffix)] + suffix
            counter += 1
        self.taken.add(candidate.lower())
        return candidate


def _ref(sheet_name: str, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import quote_sheetname

    return f"{quote_sheetname(sheet_name)}!${get_column_letter(column)}${row}"


def _literal(value: float) -> str:
    """A float as a formula constant that reads back as the same number."""
    text = repr(float(value))
    return text.upper() if "e" in text else text


def _decimals_format(value: float) -> str:
    return "#,##0." + "0" * decimals_for(value)


def _bold():
    from openpyxl.styles import Font

    return Font(bold=True)


def _header(sheet: Worksheet, titles: list[str], row: int = 1) -> None:
    from openpyxl.styles import Alignment, PatternFill

    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row, column, title)
        cell.font, cell.fill = _bold(), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet, widths: dict[str, float], columns: tuple[str, ...]) -> None:
    from openpyxl.utils import get_column_letter

    for index, key in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(key, 12)


def _freeze_and_filter(sheet: Worksheet, last_row: int, last_column: int, freeze: str = "A2") -> None:
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(last_column)}{max(last_row, 1)}"


def _origin(entry: Any, labels: dict[str, str]) -> str:
    if entry.origin == SHIPPED:
        return labels["pcfdoc_library"]
    name = Path(entry.origin).name
    return f"{name}:{entry.line}" if entry.line else name


def _derivation(factor: Node) -> str | None:
    derivation = getattr(factor, "derivation", None)
    if derivation is None:
        return None
    return (f"NCV {derivation.ncv:g} {derivation.ncv_unit} × {derivation.carbon_content:g} tC/TJ × "
            f"{derivation.oxidation:g} × 44/12")


def _properties(workbook, spec: Node, labels: dict[str, str]) -> None:
    issued = dt.datetime.combine(spec.report.issue_date, dt.time())
    properties = workbook.properties
    properties.title = f"{spec.report.number} {labels['title']}"[:PROPERTY_LIMIT]
    properties.subject = spec.company.name[:PROPERTY_LIMIT]
    properties.creator = spec.report.assessor[:PROPERTY_LIMIT]
    properties.lastModifiedBy = properties.creator
    properties.created = issued
    properties.modified = issued


def _save(workbook) -> bytes:
    """Write the package without openpyxl's save_workbook, which stamps 'modified' with now."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()
