"""Reading a filled data-collection workbook: every cell checked, every problem named by sheet and cell.

The workbook is hostile input: cells may hold words where numbers belong, Excel error
values, dates Excel made of '3/4', formulas, units pcfdoc does not know, rows copied or
keys edited. Each such cell is one message, ``能源!F7: '十二万' is not a number; …``, and
all of them are reported together.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import FormError
from ..vocab.units import HOW_TO_WRITE, UnitError, parse_unit
from . import fields as spec_fields
from .form_layout import FIRST_ROW, FORMAT, KEY_ROW, META_SHEET, Column, FormSpec, Sheet, choices

#: Rows read per sheet at most: a real inventory has hundreds, a hostile file a million.
MAX_ROWS = 20_000
_NUMBER_TEXT = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$")
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Meta:
    """The fingerprint ``pcfdoc form`` left in the workbook."""

    spec: str
    language: str
    identity: dict[str, Any]
    titles: dict[str, str]  # sheet id → sheet name in the workbook
    snapshot: dict[str, dict[str, dict[str, Any]]]  # sheet id → row key → cell values


@dataclass
class FilledRow:
    sheet: Sheet
    number: int  # row number in the workbook
    key: str | None
    cells: dict[str, Any]  # column key → value as read and checked (None: empty)
    refs: dict[str, str] = field(default_factory=dict)  # column key → cell reference 'D7'
    title: str = ""

    def ref(self, column: str) -> str:
        return f"{self.title}!{self.refs.get(column, f'A{self.number}')}"

    @property
    def empty(self) -> bool:
        return all(value is None for value in self.cells.values())


def open_workbook(content: bytes, name: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise FormError(
            name,
            [
                f"not an Excel workbook (.xlsx) ({type(exc).__name__}); give the workbook "
                "pcfdoc form wrote, saved as .xlsx"
            ],
        ) from None


def read_meta(book, name: str) -> Meta:
    if META_SHEET not in book.sheetnames:
        raise FormError(
            name,
            [
                "not a pcfdoc data-collection form (its fingerprint is missing); "
                "make one with pcfdoc form SPEC"
            ],
        )
    values: dict[str, Any] = {}
    snapshot: dict[str, dict[str, dict[str, Any]]] = {}
    try:
        for row in book[META_SHEET].iter_rows(values_only=True):
            if not row or row[0] is None:
                continue
            if row[0] == "row":
                snapshot.setdefault(str(row[1]), {})[str(row[2])] = json.loads(row[3])
            else:
                values[str(row[0])] = row[1]
        made = values.get("format")
        if isinstance(made, str) and made.startswith("pcfdoc-form-") and made != FORMAT:
            raise FormError(name, [
                f"made by another version of pcfdoc (form format {made}; this one reads {FORMAT}); make "
                "a new form with pcfdoc form SPEC and copy the client's figures into it"])
        if made != FORMAT:
            raise ValueError(made)
        return Meta(
            str(values["spec"]),
            str(values["language"]),
            json.loads(values["identity"]),
            json.loads(values["sheets"]),
            snapshot,
        )
    except (KeyError, ValueError, TypeError, IndexError):
        raise FormError(
            name,
            [
                "its fingerprint sheet is damaged or of another pcfdoc version; make a new "
                "form with pcfdoc form SPEC"
            ],
        ) from None


def read_rows(book, name: str, form: FormSpec, meta: Meta) -> list[FilledRow]:
    """Every data row of every sheet of ``form`` found in the workbook, cells checked."""
    from openpyxl.utils import get_column_letter

    problems: list[str] = []
    rows: list[FilledRow] = []
    for sheet in form.sheets:
        title = meta.titles.get(sheet.id, sheet.title(form.language))
        if title not in book.sheetnames:
            problems.append(f"the sheet {title!r} is missing (renamed or deleted); restore it as it was")
            continue
        ws = book[title]
        header = {ws.cell(row=KEY_ROW, column=c).value: c for c in range(1, ws.max_column + 1)}
        missing = [column for column in sheet.columns if column.key not in header]
        if missing or "_key" not in header:
            labels = ", ".join(column.label(form.language) for column in missing) or "_key"
            problems.append(
                f"{title}: columns {labels} are missing (deleted or moved over row 1); "
                "restore the sheet as the form had it"
            )
            continue
        if ws.max_row > FIRST_ROW + MAX_ROWS:
            problems.append(f"{title}: has {ws.max_row:,} rows, more than a form holds ({MAX_ROWS:,}); "
                            "delete the rows below the table")
            continue
        for number in range(FIRST_ROW, ws.max_row + 1):
            row = FilledRow(sheet, number, None, {}, title=title)
            key = ws.cell(row=number, column=header["_key"]).value
            row.key = str(key).strip() if key not in (None, "") else None
            for column in sheet.columns:
                index = header[column.key]
                row.refs[column.key] = f"{get_column_letter(index)}{number}"
                try:
                    row.cells[column.key] = read_cell(
                        ws.cell(row=number, column=index).value, column, sheet, form, row
                    )
                except ValueError as exc:
                    problems.append(f"{row.ref(column.key)}: {exc}")
                    row.cells[column.key] = None
            if row.key is not None or not row.empty:
                rows.append(row)
    if problems:
        raise FormError(name, problems)
    return rows


def read_cell(value: Any, column: Column, sheet: Sheet, form: FormSpec, row: FilledRow) -> Any:
    """The value of one cell as the form means it, or ValueError saying what is wrong and what to do."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip() in _EXCEL_ERRORS:
        raise ValueError(f"holds the Excel error {value.strip()}; correct the formula or type the value")
    kind = column.type
    if sheet.id == "company" and column.key == "value":
        kind = "number" if (row.key or "").endswith("mass_per_unit") else "text"
    if kind in ("number", "integer"):
        return _number(value, column, kind)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        value = value.isoformat() if not isinstance(value, dt.datetime) else value.date().isoformat()
    if isinstance(value, bool):
        value = str(value).upper()
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a model number such as 32209 typed as a number
    text = str(value).strip()
    bad = _CONTROL.search(text)
    if bad:
        raise ValueError(f"contains the control character U+{ord(bad.group()):04X}; retype the text")
    limit = column.max_length
    if len(text) > limit:
        raise ValueError(f"is {len(text):,} characters long, more than the {limit:,} allowed; shorten it")
    if kind == "unit":
        try:
            parse_unit(text)
        except UnitError:
            raise ValueError(f"{text!r} is not a unit pcfdoc knows; {HOW_TO_WRITE}") from None
    if kind == "choice":
        allowed = choices(sheet, column, form)
        if text not in allowed:
            raise ValueError(f"{text!r} is not one of {', '.join(allowed)}; choose from the list")
    return text


def _number(value: Any, column: Column, kind: str) -> float | int:
    if isinstance(value, bool):
        raise ValueError(f"{str(value).upper()} is not a number; type the figure")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        shown = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
        raise ValueError(
            f"is the date {shown}, not a number (Excel turns 3/4 into a date); format the "
            "cell as a number and type the figure again"
        )
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not _NUMBER_TEXT.match(text):
            raise ValueError(
                f"{value.strip()!r} is not a number; write digits only, e.g. 120000 "
                "(no units or words; the unit has its own column)"
            )
        value = float(text.replace(",", ""))
    if not math.isfinite(value) or abs(value) > spec_fields.MAX_MAGNITUDE:
        raise ValueError(f"{value:g} is not a usable amount; check the digits")
    value = float(f"{value:.15g}")  # Excel keeps 15 digits; drop binary noise such as 0.30000000000000004
    minimum = column.minimum if column.minimum is not None else 0.0
    positive = getattr(column.schema_field, "positive", False)
    if value < minimum or (positive and value == 0):
        bound = "greater than 0" if positive else f"at least {minimum:g}"
        raise ValueError(f"{value:g} is not allowed here; the figure must be {bound}")
    if column.maximum is not None and value > column.maximum:
        raise ValueError(f"{value:g} is more than {column.maximum:g}; check the figure")
    if kind == "integer":
        if not value.is_integer():
            raise ValueError(
                f"{value:g} is not a whole number; write a count such as 2, or leave it empty when unknown"
            )
        return int(value)
    return int(value) if value.is_integer() else value


def same(first: Any, second: Any) -> bool:
    """Two cell values alike: numbers by value (1 == 1.0), empty text as nothing, strings stripped."""

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return value
        return float(value)

    return plain(first) == plain(second)


def as_snapshot(values: Mapping[str, Any]) -> dict[str, Any]:
    """Row values as the fingerprint stores them (JSON), for comparing a spec now with the form."""
    return json.loads(json.dumps(dict(values), ensure_ascii=False, default=str))
