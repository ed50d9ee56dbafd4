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

Every formula is stored with the value pcfdoc computed for it, so a viewer that does not
recalculate shows the report's numbers, and a spreadsheet program that does recalculates them
from the inputs (``cells.py``); text from the spec is always a string cell, never a formula.
Numbers are stored to 16 significant digits and formulas' values in full (formats only choose
what is shown). Results are kg CO2e per functional unit. The same calculation always gives the
same bytes: document properties carry the report's issue date and zip entries a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
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
from .cells import Formats, Sheet

if TYPE_CHECKING:
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
    import xlsxwriter

    valid, results = calculated.valid, calculated.results
    spec = valid.spec
    language = spec.report.language if spec.report.language in LABELS else "en"
    labels = LABELS[language]
    gwp = gwp_sets()[results.gwp_set]

    rows = _inventory_rows(spec, valid.factors, results.products, gwp)
    factor_rows = _factor_rows(rows)
    gases = list(dict.fromkeys(row.gas for row in rows))

    names = _SheetNames()
    inventory_name = names.add(labels["inventory"])
    factors_name = names.add(labels["factors"])
    gwp_name = names.add(labels["gwp"])
    summary_names = [names.add(f"{labels['summary']} {product.name}", fallback=product.id)
                     for product in results.products]

    buffer = io.BytesIO()
    # Every cell is written by a typed method (text, number, formula), so these options only
    # guard against a later write() that forgets it: a string never turns into anything else.
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_numbers": False, "strings_to_urls": False})
    formats = Formats(workbook)
    summaries = [Sheet(workbook.add_worksheet(name), formats) for name in summary_names]
    inventory = Sheet(workbook.add_worksheet(inventory_name), formats)
    factors_sheet = Sheet(workbook.add_worksheet(factors_name), formats)
    gwp_sheet = Sheet(workbook.add_worksheet(gwp_name), formats)

    factor_cells = _write_factors(factors_sheet, factor_rows, valid.factors, labels)
    gwp_cells = _write_gwp(gwp_sheet, gwp, gases, labels)
    _write_inventory(inventory, rows, factor_cells, gwp_cells, gwp, labels, language)
    last_row = len(rows) + 1
    for sheet, product in zip(summaries, results.products, strict=True):
        _write_summary(sheet, product, inventory_name, last_row, gwp, gwp_cells, labels)

    workbook.set_properties(_properties(spec, labels))
    workbook.close()
    return reproducible_zip(buffer.getvalue(), spec.report.issue_date)


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
    gas_kg: float  # what the calculation found for this gas of the line: kg of the gas
    kgco2e: float  # … and its CO2 equivalent


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
            # The calculation keeps one GasAmount per factor gas, in the factor's order.
            pairs = zip(factor_values(factor), line.gases, strict=True)
            for position, ((gas, value), computed) in enumerate(pairs):
                converted = emission_unit(line.unit, factor.unit, gas, product_path(index), factor.unit)
                rows.append(_Row(product, line, position == 0, line.factor_id, factor, converted.gas, gas,
                                 value, converted.kg_per_activity_unit,
                                 stated.get(line.id) if line.kind == "inventory" else None,
                                 computed.kg, computed.kgco2e))
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


def _write_factors(sheet: Sheet, factor_rows, entries: Mapping[str, Any], labels) -> dict:
    """The factors sheet; returns (factor id, gas) → absolute reference of its value cell."""
    sheet.header([labels[key] for key in FACTOR_COLUMNS])
    value_column = FACTOR_COLUMNS.index("value") + 1
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
            sheet.value(number, column, values[key])
        cells[(factor_id, gas)] = _ref(sheet.name, number, value_column)
    widths = {"id": 28, "name": 30, "gas": 8, "value": 14, "unit": 16, "source": 40, "year": 7,
              "region": 10, "status": 12, "category": 10, "origin": 20, "derivation": 40, "note": 30}
    sheet.widths([widths[key] for key in FACTOR_COLUMNS])
    sheet.freeze(2, 1)
    sheet.autofilter(len(factor_rows) + 1, len(FACTOR_COLUMNS))
    return cells


def _write_gwp(sheet: Sheet, gwp: GwpSet, gases: list[str], labels) -> dict[str, str]:
    """The GWP100 values used; returns gas → absolute reference of its value cell."""
    sheet.header([labels["gas"], labels["gwp_value"], labels["gwp_set"], labels["gwp_status"]])
    cells = {}
    for number, gas in enumerate(gases, start=2):
        sheet.text(number, 1, gas)
        sheet.number(number, 2, gwp.factor(gas))
        if gas != CO2E:
            sheet.text(number, 3, gwp.title)
            sheet.text(number, 4, gwp.status(gas))
        cells[gas] = _ref(sheet.name, number, 2)
    sheet.widths((16, 10, 40, 12))
    sheet.freeze(2, 1)
    return cells


def _write_inventory(sheet: Sheet, rows: list[_Row], factor_cells, gwp_cells, gwp: GwpSet, labels,
                     language: str) -> None:
    sheet.header([labels[key] for key in INVENTORY_COLUMNS])
    letter = {key: _column_letter(column) for key, column in COL.items()}
    first_row: dict[tuple[str, str], int] = {}  # (product id, line id) → its first row
    for number, row in enumerate(rows, start=2):
        first_row.setdefault((row.product.id, row.line.id), number)
    percent = "0.00%"

    for number, row in enumerate(rows, start=2):
        line = row.line
        freight, annual = line.freight, line.annual
        stage = STAGE_BY_ID[line.stage]
        ref = {key: f"{letter[key]}{number}" for key in COL}

        def text(key: str, value: str | None, *, _number: int = number) -> None:
            sheet.text(_number, COL[key], value)

        def number_cell(key: str, value: float, number_format: str | None = None, *,
                        _number: int = number) -> None:
            sheet.number(_number, COL[key], value, number_format)

        def formula(key: str, text: str, value: float, number_format: str | None = None, *,
                    _number: int = number) -> None:
            sheet.formula(_number, COL[key], text, value, number_format)

        text("product", row.product.id)
        text("line", line.id)
        text("stage", line.stage)
        text("stage_name", stage.names.get(language, stage.name("en")))
        text("name", line.name)
        text("kind", labels.get(f"kind.{line.kind}", line.kind))
        amount_format = _decimals_format(line.amount)
        if not row.first:  # a further gas of the same line: the line's amount, once
            base = first_row[(row.product.id, line.id)]
            formula("amount", f"={letter['amount']}{base}", line.amount, amount_format)
        elif annual is not None and line.annual_amount is not None:
            number_cell("annual_amount", line.annual_amount, _decimals_format(line.annual_amount))
            number_cell("allocation_share", annual.share, percent)
            number_cell("output_fu", annual.output_functional_units,
                        _decimals_format(annual.output_functional_units))
            formula("amount", f"={ref['annual_amount']}*{ref['allocation_share']}/{ref['output_fu']}",
                    line.amount, amount_format)
        elif freight is not None:
            carried = first_row.get((row.product.id, freight.carries)) if freight.carries else None
            mass_format = _decimals_format(freight.mass_t)
            if carried is not None:
                carried_line = rows[carried - 2].line
                text("carries", freight.carries)
                to_tonnes = _literal(conversion_factor(carried_line.unit, "t"))
                formula("mass_t", f"={letter['amount']}{carried}*{to_tonnes}", freight.mass_t, mass_format)
            else:
                number_cell("mass_t", freight.mass_t, mass_format)
            number_cell("distance_km", freight.distance_km, _decimals_format(freight.distance_km))
            if freight.share is not None:
                number_cell("share", freight.share, percent)
                formula("amount", f"={ref['mass_t']}*{ref['share']}*{ref['distance_km']}", line.amount,
                        amount_format)
            else:
                formula("amount", f"={ref['mass_t']}*{ref['distance_km']}", line.amount, amount_format)
        elif row.stated is not None:
            number_cell("stated", row.stated, _decimals_format(row.stated))
            number_cell("scale", row.product.inventory_scale)
            formula("amount", f"={ref['stated']}*{ref['scale']}", line.amount, amount_format)
        else:
            number_cell("amount", line.amount, amount_format)
        text("unit", line.unit)
        text("factor", row.factor_id if row.factor_id is not None else labels["declared"])
        text("gas", row.gas)
        if row.factor_id is not None:
            formula("factor_value", f"={factor_cells[(row.factor_id, row.factor_gas)]}", row.value)
        else:
            number_cell("factor_value", row.value)
        text("factor_unit", row.factor.unit)
        number_cell("conversion", row.conversion)
        formula("gwp_value", f"={gwp_cells[row.gas]}", gwp.factor(row.gas))
        formula("gas_kg", f"={ref['amount']}*{ref['factor_value']}*{ref['conversion']}", row.gas_kg,
                _decimals_format(row.gas_kg))
        formula("kgco2e", f"={ref['amount']}*{ref['factor_value']}*{ref['conversion']}*{ref['gwp_value']}",
                row.kgco2e, _decimals_format(row.kgco2e))
        text("category", line.category)
        text("data_type", line.data_type)
        text("source", line.source)

    widths = {"product": 12, "line": 18, "stage": 14, "stage_name": 12, "name": 28, "kind": 8,
              "carries": 14, "stated": 12, "scale": 12, "annual_amount": 14, "allocation_share": 10,
              "output_fu": 12, "mass_t": 12, "share": 10, "distance_km": 12, "amount": 16, "unit": 10,
              "factor": 28, "gas": 8, "factor_value": 14, "factor_unit": 16, "conversion": 14, "gas_kg": 14,
              "gwp_value": 8, "kgco2e": 16, "category": 10, "data_type": 10, "source": 30}
    sheet.widths([widths[key] for key in INVENTORY_COLUMNS])
    sheet.freeze(2, 3)
    sheet.autofilter(len(rows) + 1, len(INVENTORY_COLUMNS))


def _write_summary(sheet: Sheet, product: ProductResult, inventory: str, last_row: int,
                   gwp: GwpSet, gwp_cells: dict[str, str], labels) -> None:
    fu = f"{product.functional_unit_amount:g} {product.functional_unit}".strip()
    per = product.functional_unit if product.functional_unit_amount == 1 else fu
    sheet.text(1, 1, f"{product.name} {labels['title']}", bold=True)
    facts = (
        (labels["product_id"], product.id),
        (labels["product_name"], product.name),
        (labels["functional_unit"], fu),
        (labels["gwp_set"], gwp.title),
        (labels["result_unit"], f"kgCO2e/{per}"),
    )
    for number, (label, value) in enumerate(facts, start=3):
        sheet.text(number, 1, label, bold=True)
        sheet.text(number, 2, value)
    product_cell = "$B$3"
    sheet.text(9, 1, labels["formula_note"].format(inventory))

    def column(key: str) -> str:
        letter = _column_letter(COL[key])
        return f"{_quote_sheet(inventory)}!${letter}$2:${letter}${max(last_row, 2)}"

    top = 11
    sheet.header([labels["stage"], labels["stage_name"], labels["stage_kgco2e"].format(per),
                  labels["stage_share"], labels["report_value"]], row=top)
    stage_rows = range(top + 1, top + 1 + len(product.stages))
    total_row = top + 1 + len(product.stages)
    total = product.total_kgco2e
    decimals = _decimals_format(max([total, *(s.kgco2e for s in product.stages)], key=abs))
    percent = "0.00%"
    for number, stage in zip(stage_rows, product.stages, strict=True):
        sheet.text(number, 1, stage.id)
        sheet.text(number, 2, stage.name)
        sheet.formula(number, 3, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell},"
                                 f"{column('stage')},A{number})", stage.kgco2e, decimals)
        sheet.formula(number, 4, f"=IF($C${total_row}=0,0,C{number}/$C${total_row})", stage.share, percent)
        sheet.number(number, 5, stage.kgco2e, decimals)
    first_stage, last_stage = top + 1, max(total_row - 1, top + 1)
    sheet.text(total_row, 1, labels["total"], bold=True)
    if product.stages:
        sheet.formula(total_row, 3, f"=SUM(C{first_stage}:C{last_stage})", total, decimals, bold=True)
        sheet.formula(total_row, 4, f"=SUM(D{first_stage}:D{last_stage})",
                      sum(stage.share for stage in product.stages), percent, bold=True)
    else:
        sheet.number(total_row, 3, 0, decimals, bold=True)
        sheet.number(total_row, 4, 0, percent, bold=True)
    sheet.number(total_row, 5, total, decimals)
    row = total_row + 1
    sheet.text(row, 1, labels["check"])
    sheet.formula(row, 3, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell})", total, decimals)
    sheet.number(row, 5, total, decimals)
    result_unit = product.result_unit or "kgCO2e"
    if result_unit != "kgCO2e":
        row += 1
        ratio = conversion_factor("kgCO2e", result_unit)
        converted_format = _decimals_format(total * ratio)
        sheet.text(row, 1, labels["total_in"].format(f"{result_unit}/{per}"))
        sheet.formula(row, 3, f"=C{total_row}*{_literal(ratio)}", total * ratio, converted_format)
        sheet.number(row, 5, total * ratio, converted_format)

    row += 2
    sheet.header([labels["gas"], labels["gas_kg_col"].format(per), labels["gwp_value"],
                  labels["stage_kgco2e"].format(per), labels["report_value"]], row=row)
    for gas_result in product.gases:
        row += 1
        sheet.text(row, 1, gas_result.gas)
        sheet.formula(row, 2, f"=SUMIFS({column('gas_kg')},{column('product')},{product_cell},"
                              f"{column('gas')},A{row})", gas_result.gas_kg,
                      _decimals_format(gas_result.gas_kg))
        gwp_ref = gwp_cells.get(gas_result.gas)
        if gwp_ref:
            sheet.formula(row, 3, f"={gwp_ref}", gas_result.gwp)
        else:
            sheet.number(row, 3, gwp.factor(gas_result.gas))
        sheet.formula(row, 4, f"=SUMIFS({column('kgco2e')},{column('product')},{product_cell},"
                              f"{column('gas')},A{row})", gas_result.kgco2e, decimals)
        sheet.number(row, 5, gas_result.kgco2e, decimals)

    sheet.widths((26, 42, 22, 20, 16))


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


def _column_letter(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _quote_sheet(name: str) -> str:
    """A sheet name as a formula writes it: always quoted, quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


def _ref(sheet_name: str, row: int, column: int) -> str:
    return f"{_quote_sheet(sheet_name)}!${_column_letter(column)}${row}"


def _literal(value: float) -> str:
    """A float as a formula constant that reads back as the same number."""
    text = repr(float(value))
    return text.upper() if "e" in text else text


def _decimals_format(value: float) -> str:
    return "#,##0." + "0" * decimals_for(value)


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


def _properties(spec: Node, labels: dict[str, str]) -> dict[str, Any]:
    """Document properties; both dates are the issue date, so the same spec gives the same bytes."""
    author = spec.report.assessor[:PROPERTY_LIMIT]
    return {
        "title": f"{spec.report.number} {labels['title']}"[:PROPERTY_LIMIT],
        "subject": spec.company.name[:PROPERTY_LIMIT],
        "author": author,  # XlsxWriter writes it as creator and as last modified by
        "created": dt.datetime.combine(spec.report.issue_date, dt.time()),
    }
