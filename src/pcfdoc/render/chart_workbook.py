"""The workbook embedded in a chart: the chart's numbers on Sheet1, where its references point.

Word draws a chart from the numbers cached in the chart part; the workbook is what
Edit Data opens, so a consultant can change a figure and see the chart follow. It
is the smallest package Excel opens: a workbook, one worksheet of inline strings
and numbers, no styles. Entries carry a fixed date, so the bytes depend on the
data alone.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"),
}


def workbook(rows: Sequence[Sequence[str | float | None]]) -> bytes:
    """An .xlsx whose Sheet1 holds ``rows`` from A1: text as text, numbers as numbers, None and ""
    as empty cells.

    Row 1 is the series names (B1, C1, ...), column A the categories (A2, A3, ...), as the
    chart's c:f references read them.
    """
    lines = []
    for number, row in enumerate(rows, 1):
        cells = []
        for column, value in enumerate(row):
            where = f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[column]}{number}"
            if value is None or value == "":
                continue
            if isinstance(value, str):
                cells.append(f'<c r="{where}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t>'
                             "</is></c>")
            else:
                cells.append(f'<c r="{where}"><v>{float(value)!r}</v></c>')
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    sheet = f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in (*_PARTS.items(), ("xl/worksheets/sheet1.xml", sheet)):
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, _HEAD + xml)
    return buffer.getvalue()
