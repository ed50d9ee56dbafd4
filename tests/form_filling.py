"""Filling a data-collection workbook as a client would, for the form and import tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pcfdoc import pipeline


def make_form(spec: Path, target: Path) -> Path:
    return pipeline.form(spec, target)


def column_of(ws, key: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value == key)


def row_of(ws, name: str, key: str = "name") -> int:
    column = column_of(ws, key)
    return next(r for r in range(4, ws.max_row + 1) if ws.cell(row=r, column=column).value == name)


def fill(workbook: Path, edits: dict[str, dict[tuple[int | str, str], Any]],
         target: Path | None = None) -> Path:
    """Set cells by (row number or the row's name, column key); None clears a cell."""
    book = load_workbook(workbook)
    for title, cells in edits.items():
        ws = book[title]
        for (row, key), value in cells.items():
            number = row if isinstance(row, int) else row_of(ws, row)
            ws.cell(row=number, column=column_of(ws, key)).value = value
    target = target or workbook
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def first_empty_row(workbook: Path, title: str) -> int:
    ws = load_workbook(workbook)[title]
    name = column_of(ws, "name") if "name" in [c.value for c in ws[1]] else 2
    return next(r for r in range(4, ws.max_row + 1)
                if ws.cell(row=r, column=1).value is None and ws.cell(row=r, column=name).value is None)
