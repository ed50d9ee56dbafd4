"""The data-collection workbook's layout: its sheets, their columns, and the rows a spec fills.

One description serves both directions: ``pcfdoc form`` (export/form.py) writes the rows
that form_sheets builds from a spec into a workbook, and ``pcfdoc import`` (form_import)
reads the workbook back against them. A column names the spec key it shows; its type,
choices and whether it must be filled come from the schema field of that key, so the form
follows the schema. What a plant's data clerk sees is in the report's language; the spec's
ids stay in hidden cells.

Rows are built from the spec's raw TOML data, not from validated nodes: a cell shows what
the spec says (or a key's default where the spec says nothing), so that an untouched
workbook imports as no change at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marshmallow import fields as mm_fields

from ..vocab.catalogue import STAGE_BY_ID, TRANSPORT_MODES
from ..vocab.origins import ACTIVITY_ORIGINS
from . import fields as spec_fields

#: Format of the hidden fingerprint sheet; a workbook of another format is refused.
#: 2: the origin of every amount and the supplier's declared footprint of a material.
FORMAT = "pcfdoc-form-2"
META_SHEET = "_pcfdoc"
LISTS_SHEET = "_lists"
#: Row 1 holds the column keys (hidden), row 2 the title, row 3 the headers; data start on row 4.
KEY_ROW, TITLE_ROW, HEAD_ROW, FIRST_ROW = 1, 2, 3, 4
#: Empty rows after the pre-filled ones, for what the client adds.
BLANK_ROWS = 15

MODES = {
    "zh-CN": {"road": "公路", "rail": "铁路", "water": "水路", "air": "航空", "pipeline": "管道"},
    "en": {mode: mode for mode in TRANSPORT_MODES},
}
BASIS = {"zh-CN": {False: "单位产品", True: "全年合计"}, "en": {False: "per unit", True: "annual total"}}
DELETE = {"zh-CN": "删除", "en": "delete"}
#: The activity origins a plant can answer for its own figures. Database, literature and
#: scenario values are the assessor's choice: offered only where the spec already uses them.
PLANT_ORIGINS = ("measured", "metered", "billed", "recorded", "calculated", "supplier", "estimated")


def origin_name(origin: Any, language: str) -> Any:
    """An activity origin as the form shows it: its name in ``language`` (an unknown id as written)."""
    known = ACTIVITY_ORIGINS.get(origin) if isinstance(origin, str) else None
    return known.name(language) if known else origin


def origin_id(shown: str, language: str) -> str:
    """The activity origin a form cell names (the cell was checked against the dropdown's choices)."""
    return next((key for key, origin in ACTIVITY_ORIGINS.items() if origin.name(language) == shown), shown)


def words(language: str, zh: str, en: str) -> str:
    return zh if language == "zh-CN" else en


@dataclass(frozen=True)
class Column:
    """One column: the key it shows, its header, and what may be typed in it."""

    key: str  # a key of the row's spec table, or a form-only key: product, basis, delete, m01…, leg.*
    zh: str
    en: str
    width: int = 12
    schema_field: mm_fields.Field | None = None
    required: bool | None = None  # None: as the schema field says
    kind: str | None = None  # None: from the schema field; text, number, integer, unit or choice
    editable: bool = True

    def label(self, language: str) -> str:
        return self.zh if language == "zh-CN" else self.en

    @property
    def type(self) -> str:
        if self.kind:
            return self.kind
        schema_field = self.schema_field
        if isinstance(schema_field, spec_fields.Choice):
            return "choice"
        if isinstance(schema_field, spec_fields.Unit):
            return "unit"
        if isinstance(schema_field, spec_fields.Number):
            return "number"
        if isinstance(schema_field, spec_fields.Integer):
            return "integer"
        return "text"

    @property
    def must(self) -> bool:
        if self.required is not None:
            return self.required
        return bool(self.schema_field is not None and self.schema_field.required)

    @property
    def minimum(self) -> float | None:
        schema_field = self.schema_field
        if isinstance(schema_field, (spec_fields.Number, spec_fields.Integer)):
            if getattr(schema_field, "positive", False):
                return 0.0
            return schema_field.minimum
        return None

    @property
    def maximum(self) -> float | None:
        return getattr(self.schema_field, "maximum", None)

    @property
    def max_length(self) -> int:
        return getattr(self.schema_field, "max_length", spec_fields.SHORT_TEXT)


def column_of(schema, key: str, zh: str, en: str, width: int = 12, **kwargs: Any) -> Column:
    return Column(key, zh, en, width, schema_field=schema().fields[key.rpartition(".")[2]], **kwargs)


@dataclass
class Row:
    """One row of a sheet: a hidden key tying it to its spec entry, and the cells it shows."""

    key: str
    values: dict[str, Any]
    locked: frozenset[str] = frozenset()  # columns the client may not change on this row


@dataclass
class Sheet:
    id: str
    zh: str
    en: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    note_zh: str = ""
    note_en: str = ""
    blank_rows: int = BLANK_ROWS
    stages: tuple[str, ...] = ()  # the stages a row of this sheet may be in (other sheet)
    #: Activity origins offered per column, worked out once from the rows (read for every cell).
    origins_offered: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def title(self, language: str) -> str:
        return self.zh if language == "zh-CN" else self.en

    def note(self, language: str) -> str:
        return self.note_zh if language == "zh-CN" else self.note_en

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def columns_keys(self) -> set[str]:
        return {column.key for column in self.columns}


# -- values as cells show them --------------------------------------------------------


def months_of(start: dt.date, end: dt.date) -> list[tuple[str, str, str]]:
    """(column key, zh label, en label) for every calendar month the data period touches (at most 24)."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month) and len(months) < 24:
        months.append((f"m{year:04d}{month:02d}", f"{year}年{month}月", f"{year}-{month:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def product_label(product: Mapping) -> str:
    return str(product.get("name", product.get("id", "")))


@dataclass
class FormSpec:
    """What a form is made of: the sheets with their rows, for one spec."""

    language: str
    sheets: list[Sheet]
    products: list[Mapping]  # raw product tables, for names and ids
    period: tuple[dt.date, dt.date] | None

    def sheet(self, sheet_id: str) -> Sheet | None:
        return next((sheet for sheet in self.sheets if sheet.id == sheet_id), None)

    def snapshot(self) -> dict[str, dict[str, dict[str, Any]]]:
        """sheet id → row key → cell values: what the form shows, to tell the client's changes apart."""
        return {sheet.id: {row.key: dict(row.values) for row in sheet.rows} for sheet in self.sheets}


def choices(sheet: Sheet, column: Column, form: FormSpec) -> list[str]:
    """What a dropdown offers, as the cells show it (stage and mode names in the report's language)."""
    language = form.language
    if column.key == "basis":
        return list(BASIS[language].values())
    if column.key == "delete":
        return [DELETE[language]]
    if column.key == "product":
        return [product_label(product) for product in form.products]
    if column.key == "stage":
        return [STAGE_BY_ID[stage].name(language) for stage in sheet.stages]
    if column.key.endswith("mode"):
        return list(MODES[language].values())
    if column.key.endswith("activity_origin"):
        if column.key not in sheet.origins_offered:
            offered = [ACTIVITY_ORIGINS[origin].name(language) for origin in PLANT_ORIGINS]
            shown = (row.values.get(column.key) for row in sheet.rows)
            sheet.origins_offered[column.key] = list(
                dict.fromkeys([*offered, *(value for value in shown if isinstance(value, str))]))
        return sheet.origins_offered[column.key]
    return []


def product_key(product_id: str) -> str:
    return f"products:{product_id}"
