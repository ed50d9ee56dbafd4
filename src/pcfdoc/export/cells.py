"""Typed cells for the calculation workbook, written with XlsxWriter.

Two promises the workbook makes are kept here, once, rather than at every cell:

* text is always a string cell. What a spec says (a name, a ``source``) may begin with
  ``=``, ``+``, ``-`` or ``@``; written as a string it stays text in every spreadsheet program and
  never becomes a formula, a number or a link. Only :meth:`Sheet.formula` writes a formula.
* a formula carries its computed value, so a viewer that does not recalculate (a preview, a
  mobile app, a script reading cached values) shows the number rather than a blank, and a
  spreadsheet program that does recalculate gets the same number from the live formula.

Rows and columns are counted as a cell reference reads them (row 1, column 1 is A1), so the
numbers used here are the ones written into formulas; XlsxWriter's own API counts from 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Fill of header rows.
HEADER_FILL = "#DDEBF7"


class Formats:
    """XlsxWriter formats, one object per distinct look (a workbook holds each once)."""

    def __init__(self, workbook: Any):
        self.workbook = workbook
        self.cache: dict[tuple[str | None, bool, bool], Any] = {}

    def get(self, number_format: str | None = None, *, bold: bool = False, header: bool = False) -> Any:
        key = (number_format, bold, header)
        if key not in self.cache:
            properties: dict[str, Any] = {}
            if number_format is not None:
                properties["num_format"] = number_format
            if bold or header:
                properties["bold"] = True
            if header:
                properties.update(bg_color=HEADER_FILL, pattern=1, text_wrap=True, valign="top")
            self.cache[key] = self.workbook.add_format(properties) if properties else None
        return self.cache[key]


class Sheet:
    """One worksheet; every write says what kind of cell it makes."""

    def __init__(self, worksheet: Any, formats: Formats):
        self.worksheet, self.formats = worksheet, formats

    @property
    def name(self) -> str:
        return self.worksheet.name

    def text(self, row: int, column: int, value: str | None, *, bold: bool = False) -> None:
        """A string cell, whatever the text looks like; nothing for None."""
        if value is not None:
            self.worksheet.write_string(row - 1, column - 1, value, self.formats.get(bold=bold))

    def number(self, row: int, column: int, value: float | None, number_format: str | None = None,
               *, bold: bool = False) -> None:
        """A number cell; nothing for None."""
        if value is not None:
            style = self.formats.get(number_format, bold=bold)
            self.worksheet.write_number(row - 1, column - 1, value, style)

    def formula(self, row: int, column: int, formula: str, value: float, number_format: str | None = None,
                *, bold: bool = False) -> None:
        """A live formula (``=A2*B2``) stored with ``value``, the result pcfdoc computed for it."""
        self.worksheet.write_formula(row - 1, column - 1, formula, self.formats.get(number_format, bold=bold),
                                     value)

    def value(self, row: int, column: int, value: str | float | None,
              number_format: str | None = None) -> None:
        """Text as text, a number as a number (a year, a factor value); nothing for None."""
        if isinstance(value, str):
            self.text(row, column, value)
        elif value is not None:
            self.number(row, column, value, number_format)

    def header(self, titles: Sequence[str], row: int = 1) -> None:
        style = self.formats.get(header=True)
        for column, title in enumerate(titles):
            self.worksheet.write_string(row - 1, column, title, style)

    def widths(self, widths: Sequence[float]) -> None:
        """Column widths in characters, from column A on."""
        for column, width in enumerate(widths):
            self.worksheet.set_column(column, column, width)

    def freeze(self, row: int, column: int) -> None:
        """Keep the rows above ``row`` and the columns left of ``column`` in view (2, 1: the header)."""
        self.worksheet.freeze_panes(row - 1, column - 1)

    def autofilter(self, last_row: int, last_column: int) -> None:
        """Filter buttons on the header of A1:<last column><last row>."""
        self.worksheet.autofilter(0, 0, max(last_row, 1) - 1, last_column - 1)
