"""The sheets of the data-collection form and the rows a spec fills in them.

Each builder takes the spec's raw TOML data and returns one :class:`~.form_layout.Sheet`:
its columns (each naming the spec key it shows, with the schema field that types it) and
one row per spec entry, keyed by the entry's id. The workbook is drawn from these by
export/form.py and read back against them by spec/form_import.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from marshmallow import fields as mm_fields

from ..vocab.catalogue import STAGE_BY_ID, STAGE_IDS
from ..vocab.units import UnitError, is_mass
from .form_layout import (
    BASIS,
    MODES,
    Column,
    FormSpec,
    Row,
    Sheet,
    column_of,
    months_of,
    origin_name,
    product_key,
    product_label,
    words,
)
from .schema import (
    Company,
    Contact,
    Declared,
    Destination,
    Equipment,
    InventoryLine,
    Product,
    Quantity,
    TransportLeg,
)


def form_spec(data: Mapping, language: str) -> FormSpec:
    """The sheets of the form for the spec ``data`` (raw TOML), in ``language``."""
    products = [p for p in data.get("products", []) if isinstance(p, Mapping)]
    several = len(products) > 1
    period = data.get("data_period", {})
    span = (period.get("start"), period.get("end"))
    dates = span if all(isinstance(d, dt.date) for d in span) else None
    stages = [s for s in data.get("boundary", {}).get("stages", []) if s in STAGE_IDS]
    other_stages = [s for s in stages if s not in ("raw_material", "production")]
    sheets = [
        _company_sheet(data, products, language),
        _output_sheet(data, products, language),
        _materials_sheet(products, several, language),
        _energy_sheet(products, several, dates, language),
    ]
    if other_stages:
        sheets.append(_other_sheet(products, several, other_stages, language))
    sheets.append(_transport_sheet(products, several, language))
    if "distribution" in stages or any("distribution" in p for p in products):
        sheets.append(_distribution_sheet(products, several, language))
    sheets.append(_equipment_sheet(data, language))
    return FormSpec(language, sheets, products, dates)



# -- the sheets ------------------------------------------------------------------------


def _company_sheet(data: Mapping, products: list[Mapping], language: str) -> Sheet:
    columns = [
        Column("label", "项目", "Item", 26, kind="text", editable=False),
        Column("value", "填写内容", "Value", 48, kind="text"),
        Column("unit", "单位", "Unit", 10, kind="unit"),
    ]
    sheet = Sheet(
        "company",
        "企业信息",
        "Company",
        columns,
        note_zh="请核对并补全企业和产品的基本信息；标 * 的为必填项。",
        note_en="Check and complete the company and product facts; items marked * are required.",
        blank_rows=0,
    )
    company = data.get("company", {})
    contact = company.get("contact", {}) if isinstance(company.get("contact"), Mapping) else {}
    facts = [
        ("company.name", Company, "name", company, "企业名称", "Company name"),
        (
            "company.credit_code",
            Company,
            "credit_code",
            company,
            "统一社会信用代码",
            "Unified social credit code",
        ),
        ("company.address", Company, "address", company, "地址", "Address"),
        (
            "company.legal_representative",
            Company,
            "legal_representative",
            company,
            "法定代表人",
            "Legal representative",
        ),
        (
            "company.registered_capital",
            Company,
            "registered_capital",
            company,
            "注册资本",
            "Registered capital",
        ),
        ("company.contact.name", Contact, "name", contact, "联系人", "Contact person"),
        ("company.contact.phone", Contact, "phone", contact, "联系电话", "Phone"),
        ("company.contact.email", Contact, "email", contact, "电子邮箱", "E-mail"),
    ]
    for key, schema, name, table, zh, en in facts:
        required = schema().fields[name].required
        sheet.rows.append(
            Row(
                key,
                {
                    "label": _starred(words(language, zh, en), required),
                    "value": table.get(name),
                    "unit": None,
                },
                locked=frozenset({"label", "unit"}),
            )
        )
    several = len(products) > 1
    for product in products:
        suffix = (
            words(language, f"（{product_label(product)}）", f" ({product_label(product)})")
            if several
            else ""
        )
        base = product_key(product.get("id", ""))
        for name, zh, en in (("name", "产品名称", "Product name"), ("model", "型号规格", "Model")):
            required = Product().fields[name].required
            sheet.rows.append(
                Row(
                    f"{base}.{name}",
                    {
                        "label": _starred(words(language, zh, en) + suffix, required),
                        "value": product.get(name),
                        "unit": None,
                    },
                    locked=frozenset({"label", "unit"}),
                )
            )
        mass = product.get("mass_per_unit") if isinstance(product.get("mass_per_unit"), Mapping) else {}
        fu = product.get("functional_unit", {}) if isinstance(product.get("functional_unit"), Mapping) else {}
        per = str(fu.get("unit", ""))
        if not mass and _is_mass_unit(per):
            continue  # a product measured by mass has no mass per unit to ask for
        spaced = f" {per} " if per.isascii() else per
        sheet.rows.append(
            Row(
                f"{base}.mass_per_unit",
                {
                    "label": words(language, f"每{spaced}产品的质量", f"Mass of one {per}") + suffix,
                    "value": mass.get("amount"),
                    "unit": mass.get("unit"),
                },
                locked=frozenset({"label"}),
            )
        )
    return sheet


def _is_mass_unit(unit: str) -> bool:
    try:
        return is_mass(unit)
    except UnitError:
        return False


def _starred(label: str, required: bool) -> str:
    return f"{label} *" if required else label


def _product_column(several: bool) -> list[Column]:
    return [Column("product", "产品", "Product", 18, kind="choice", required=True)] if several else []


def _output_sheet(data: Mapping, products: list[Mapping], language: str) -> Sheet:
    company = data.get("company", {})
    # The unit the report prints when the spec states none (render/labels.py).
    value_unit = company.get("output_value_unit") or words(language, "万元", "10,000 CNY")
    columns = [
        Column("name", "产品", "Product", 24, kind="text", required=True),
        Column(
            "amount",
            "数据期内产量",
            "Output in the data period",
            16,
            schema_field=_field("AnnualOutput", "amount"),
        ),
        Column("unit", "单位", "Unit", 10, schema_field=_field("AnnualOutput", "unit")),
        Column(
            "value",
            f"产值（{value_unit}）",
            f"Output value ({value_unit})",
            16,
            schema_field=_field("AnnualOutput", "value"),
        ),
        Column("note", "备注", "Note", 24, schema_field=_field("AnnualOutput", "note")),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "output",
        "产量",
        "Output",
        columns,
        note_zh="数据期内各产品（含未评价的产品）的产量；产值用于经济价值分配。",
        note_en="Output of every product in the data period, assessed or not; the value is used "
        "for economic allocation.",
    )
    names = {p.get("id"): product_label(p) for p in products}
    for index, entry in enumerate(company.get("annual_output", []) or []):
        if not isinstance(entry, Mapping):
            continue
        assessed = entry.get("product") is not None
        name = names.get(entry.get("product"), entry.get("product")) if assessed else entry.get("name")
        sheet.rows.append(
            Row(
                f"annual_output[{index}]",
                {
                    "name": name,
                    "amount": entry.get("amount"),
                    "unit": entry.get("unit"),
                    "value": entry.get("value"),
                    "note": entry.get("note"),
                    "delete": None,
                },
                locked=frozenset({"name"}) if assessed else frozenset(),
            )
        )
    return sheet


def _field(schema_name: str, key: str) -> mm_fields.Field:
    from . import schema as spec_schema

    return getattr(spec_schema, schema_name)().fields[key]


def _lines(products: list[Mapping], stages: set[str]):
    for product in products:
        for line in product.get("inventory", []) or []:
            if isinstance(line, Mapping) and line.get("stage") in stages:
                yield product, line


def _line_values(product: Mapping, line: Mapping, several: bool, language: str) -> dict[str, Any]:
    values = {"product": product_label(product)} if several else {}
    values.update(
        {
            key: line.get(key)
            for key in ("name", "model", "amount", "unit", "supplier", "supplier_location", "source", "note")
        }
    )
    values["basis"] = BASIS[language][bool(line.get("annual_total", False))]
    values["activity_origin"] = origin_name(line.get("activity_origin"), language)
    values["delete"] = None
    return values


def _basis_column() -> Column:
    return Column("basis", "数据口径", "Basis", 11, kind="choice", required=True)


def _origin_column(schema=InventoryLine) -> Column:
    """How the row's amount was obtained. Marked required: a new row must say it, and a row of a
    spec that states only data_type is better for the answer (the import accepts it empty there)."""
    return column_of(schema, "activity_origin", "数据获取方式", "Obtained by", 14, required=True)


def _supplier_footprint(line: Mapping) -> dict[str, Any]:
    """The supplier's declared footprint of a material, as its four cells show it.

    Only a value the supplier declared for its own product: a declared value that is a proxy,
    a database or a literature value is the assessor's choice and stays out of the form.
    """
    declared = line.get("declared") if isinstance(line.get("declared"), Mapping) else {}
    supplier = declared if declared and declared.get("origin", "supplier") == "supplier" else {}
    return {f"declared.{key}": supplier.get(key) for key in ("value", "unit", "source", "year")}


def _materials_sheet(products: list[Mapping], several: bool, language: str) -> Sheet:
    columns = [
        *_product_column(several),
        column_of(InventoryLine, "name", "物料名称", "Material", 20),
        column_of(InventoryLine, "model", "型号规格", "Model", 14),
        column_of(InventoryLine, "amount", "用量", "Amount", 12),
        column_of(InventoryLine, "unit", "单位", "Unit", 8),
        _basis_column(),
        _origin_column(),
        column_of(InventoryLine, "supplier", "供应商", "Supplier", 20),
        column_of(InventoryLine, "supplier_location", "供应商所在地", "Supplier location", 16),
        column_of(Declared, "declared.value", "供应商提供的碳足迹", "Supplier's footprint", 14,
                  required=False),
        column_of(Declared, "declared.unit", "碳足迹单位", "Footprint unit", 12, required=False),
        column_of(Declared, "declared.source", "碳足迹出处", "Footprint document", 18),
        column_of(Declared, "declared.year", "碳足迹年份", "Footprint year", 9),
        column_of(TransportLeg, "leg.distance_km", "运输距离（km）", "Distance (km)", 12, required=False),
        column_of(TransportLeg, "leg.mode", "运输方式", "Mode", 10, required=False),
        column_of(TransportLeg, "leg.vehicle", "运输工具", "Vehicle", 16),
        column_of(TransportLeg, "leg.activity_origin", "运距获取方式", "Distance obtained by", 14,
                  required=False),
        column_of(InventoryLine, "source", "数据来源", "Data source", 18),
        column_of(InventoryLine, "note", "备注", "Note", 18),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "materials",
        "原材料",
        "Materials",
        columns,
        note_zh="产品所用的原材料、零部件和包装材料：用量按单位产品填写，或选“全年合计”填写数据期内的总量；"
        "供应商提供了其产品碳足迹（碳足迹报告或 EPD）的，填写每单位物料的数值、单位、出处和年份；"
        "运输距离指供应商到本厂的单程距离。",
        note_en="Raw materials, parts and packaging of the product: the amount per unit of product, "
        "or the total of the data period with basis 'annual total'; where the supplier states its "
        "product's footprint (a PCF report or EPD), its value per unit of material, unit, document "
        "and year; the distance is one way from the supplier to the plant.",
    )
    for product, line in _lines(products, {"raw_material"}):
        values = _line_values(product, line, several, language)
        values.update(_supplier_footprint(line))
        legs = [
            leg
            for leg in product.get("transport", []) or []
            if isinstance(leg, Mapping) and leg.get("carries") == line.get("id")
        ]
        leg = legs[0] if len(legs) == 1 else {}
        values.update(
            {
                "leg.distance_km": leg.get("distance_km"),
                "leg.mode": MODES[language].get(leg.get("mode", "road")) if leg else None,
                "leg.vehicle": leg.get("vehicle"),
                "leg.activity_origin": origin_name(leg.get("activity_origin"), language) if leg else None,
            }
        )
        values["_leg"] = leg.get("id") if leg else None
        sheet.rows.append(Row(_line_key(product, line), values))
    return sheet


def _line_key(product: Mapping, line: Mapping) -> str:
    return f"{product_key(product.get('id', ''))}.inventory:{line.get('id', '')}"


def _energy_sheet(
    products: list[Mapping], several: bool, period: tuple[dt.date, dt.date] | None, language: str
) -> Sheet:
    months = months_of(*period) if period else []
    columns = [
        *_product_column(several),
        column_of(InventoryLine, "name", "能源或资源", "Energy or resource", 18),
        column_of(InventoryLine, "unit", "单位", "Unit", 8),
        _basis_column(),
        column_of(InventoryLine, "amount", "用量", "Amount", 12, required=False),
        *(Column(key, zh, en, 10, kind="number") for key, zh, en in months),
        _origin_column(),
        column_of(InventoryLine, "source", "数据来源", "Data source", 18),
        column_of(InventoryLine, "note", "备注", "Note", 18),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "energy",
        "能源与水",
        "Energy and water",
        columns,
        note_zh="生产用电、燃料、蒸汽、水等：可只填用量，也可按月填写（口径选“全年合计”），"
        "导入时按月合计为全年用量。",
        note_en="Electricity, fuels, steam, water used in production: give the amount, or the "
        "monthly figures (basis 'annual total'), which are added up into the year's amount.",
    )
    for product, line in _lines(products, {"production"}):
        values = _line_values(product, line, several, language)
        values.update({key: None for key, _, _ in months})
        sheet.rows.append(Row(_line_key(product, line), values))
    return sheet


def _other_sheet(products: list[Mapping], several: bool, stages: list[str], language: str) -> Sheet:
    columns = [
        *_product_column(several),
        column_of(InventoryLine, "stage", "生命周期阶段", "Life-cycle stage", 14),
        column_of(InventoryLine, "name", "名称", "Item", 20),
        column_of(InventoryLine, "amount", "数量", "Amount", 12),
        column_of(InventoryLine, "unit", "单位", "Unit", 8),
        _basis_column(),
        _origin_column(),
        column_of(InventoryLine, "source", "数据来源", "Data source", 18),
        column_of(InventoryLine, "note", "备注", "Note", 18),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "other",
        "废弃物与其他",
        "Waste and other",
        columns,
        note_zh="废弃物和包装的处理、产品使用阶段的消耗，以及只知道周转量（t·km）的运输。",
        note_en="Treatment of waste and packaging, consumption in use, and transport known only as t·km.",
    )
    sheet.stages = tuple(stages)
    for product, line in _lines(products, set(stages)):
        values = _line_values(product, line, several, language)
        values["stage"] = STAGE_BY_ID[line["stage"]].name(language)
        sheet.rows.append(Row(_line_key(product, line), values))
    return sheet


def _transport_sheet(products: list[Mapping], several: bool, language: str) -> Sheet:
    columns = [
        *_product_column(several),
        column_of(TransportLeg, "name", "运输项目", "Leg", 20),
        Column("carries", "运输的物料", "Material carried", 18, kind="text"),
        column_of(Quantity, "mass.amount", "运输质量", "Mass carried", 10, required=False),
        column_of(Quantity, "mass.unit", "质量单位", "Mass unit", 8, required=False),
        column_of(TransportLeg, "distance_km", "运输距离（km）", "Distance (km)", 12),
        column_of(TransportLeg, "mode", "运输方式", "Mode", 10),
        column_of(TransportLeg, "vehicle", "运输工具", "Vehicle", 16),
        _origin_column(TransportLeg),
        column_of(TransportLeg, "source", "数据来源", "Data source", 18),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "transport",
        "运输",
        "Transport",
        columns,
        note_zh="原材料表以外的运输段：同一物料分段运输、或只知道运输质量的运输。新增一行时填写"
        "“运输的物料”（原材料表中的名称）和距离。",
        note_en="Legs not on the Materials sheet: a material carried in several legs, or a leg "
        "known by its mass. A new row names the material carried (as on the Materials sheet) "
        "and the distance.",
    )
    for product in products:
        lines = {
            line.get("id"): line for line in product.get("inventory", []) or [] if isinstance(line, Mapping)
        }
        legs = [leg for leg in product.get("transport", []) or [] if isinstance(leg, Mapping)]
        for leg in legs:
            carried = lines.get(leg.get("carries"))
            single = (
                carried is not None
                and carried.get("stage") == "raw_material"
                and sum(other.get("carries") == leg.get("carries") for other in legs) == 1
            )
            if single:
                continue  # shown on its material's row
            mass = leg.get("mass") if isinstance(leg.get("mass"), Mapping) else {}
            values = {"product": product_label(product)} if several else {}
            values.update(
                {
                    "name": leg.get("name"),
                    "carries": carried.get("name") if carried else None,
                    "mass.amount": mass.get("amount"),
                    "mass.unit": mass.get("unit"),
                    "distance_km": leg.get("distance_km"),
                    "mode": MODES[language].get(leg.get("mode", "road")),
                    "vehicle": leg.get("vehicle"),
                    "activity_origin": origin_name(leg.get("activity_origin"), language),
                    "source": leg.get("source"),
                    "delete": None,
                }
            )
            sheet.rows.append(
                Row(
                    f"{product_key(product.get('id', ''))}.transport:{leg.get('id', '')}",
                    values,
                    locked=frozenset({"carries", "mass.amount", "mass.unit"}),
                )
            )
    return sheet


def _distribution_sheet(products: list[Mapping], several: bool, language: str) -> Sheet:
    columns = [
        *_product_column(several),
        column_of(Destination, "name", "销售去向", "Destination", 18),
        column_of(Destination, "share_pct", "销量占比（%）", "Share of sales (%)", 12),
        column_of(Destination, "distance_km", "运输距离（km）", "Distance (km)", 12),
        column_of(Destination, "mode", "运输方式", "Mode", 10),
        column_of(Destination, "vehicle", "运输工具", "Vehicle", 16),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "distribution",
        "产品销售运输",
        "Distribution",
        columns,
        note_zh="产品销往各地的销量占比和从本厂出发的运输距离，占比合计应为 100%。",
        note_en="Where the product is sold, by share of sales, and the distance from the plant; the "
        "shares add up to 100 %.",
    )
    for product in products:
        distribution = (
            product.get("distribution") if isinstance(product.get("distribution"), Mapping) else None
        )
        if distribution is None:
            continue
        for destination in distribution.get("destinations", []) or []:
            if not isinstance(destination, Mapping):
                continue
            mode = destination.get("mode") or distribution.get("mode") or "road"
            vehicle = destination.get("vehicle") or distribution.get("vehicle")
            values = {"product": product_label(product)} if several else {}
            values.update(
                {
                    "name": destination.get("name"),
                    "share_pct": destination.get("share_pct"),
                    "distance_km": destination.get("distance_km"),
                    "mode": MODES[language].get(mode),
                    "vehicle": vehicle,
                    "delete": None,
                }
            )
            sheet.rows.append(
                Row(f"{product_key(product.get('id', ''))}.destinations:{destination.get('id', '')}", values)
            )
    return sheet


def _equipment_sheet(data: Mapping, language: str) -> Sheet:
    columns = [
        column_of(Equipment, "name", "设备名称", "Equipment", 20),
        column_of(Equipment, "model", "规格型号", "Model", 16),
        column_of(Equipment, "code", "设备编号", "Asset number", 12),
        column_of(Equipment, "quantity", "数量（台/套）", "Quantity", 10),
        column_of(Equipment, "manufacturer", "生产厂家", "Manufacturer", 24),
        column_of(Equipment, "note", "备注", "Note", 18),
        Column("delete", "删除", "Delete", 8, kind="choice"),
    ]
    sheet = Sheet(
        "equipment",
        "主要设备",
        "Equipment",
        columns,
        note_zh="主要生产设备；数量不详时留空。",
        note_en="Main production equipment; leave the quantity empty when it is not known.",
    )
    company = data.get("company", {})
    for index, item in enumerate(company.get("equipment", []) or []):
        if isinstance(item, Mapping):
            values = {
                key: item.get(key) for key in ("name", "model", "code", "quantity", "manufacturer", "note")
            }
            values["delete"] = None
            sheet.rows.append(Row(f"equipment[{index}]", values))
    return sheet
