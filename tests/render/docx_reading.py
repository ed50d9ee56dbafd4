"""Reading a built report back with python-docx, the way a reviewer would look at it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_report(data: bytes):
    return Document(io.BytesIO(data))


def all_text(document) -> str:
    """Body paragraphs, table cells, headers and footers."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
            parts += [cell.text for table in part.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def header_text(section) -> str:
    """The page header as read: the report number and the running title (cells of its table)."""
    return " ".join(cell.text for table in section.header.tables for row in table.rows for cell in row.cells)


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_after(document, caption_title: str) -> Table:
    """The table under the caption whose title (after '表 N-k ') is ``caption_title``."""
    body = document.element.body
    found = False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            if paragraph.style.name == "Caption":
                found = paragraph.text.split(" ", 2)[-1] == caption_title
        elif tag == "tbl" and found:
            return Table(child, document)
    raise AssertionError(f"no table under a caption {caption_title!r}")


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def row_starting(table: Table, *first: str) -> list[str]:
    for row in rows(table):
        if row[: len(first)] == list(first):
            return row
    raise AssertionError(f"no row starting {first!r} in {rows(table)!r}")


def key_value(table: Table) -> dict[str, str]:
    return {row[0]: row[1] for row in rows(table)}


def part_xml(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- native charts ----------------------------------------------------------------------------

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"c": C, "a": A}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


def chart_parts(data: bytes) -> list[str]:
    """The chart parts the document shows, in document order (as its inline drawings relate them)."""
    from lxml import etree

    package = zipfile.ZipFile(io.BytesIO(data))
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    document = package.read("word/document.xml").decode("utf-8")
    return ["word/" + targets[rid] for rid in re.findall(r'<c:chart [^>]*r:id="(rId\d+)"', document)]


def series_of(xml: bytes) -> list[dict]:
    """Each series of a chart part: name, categories, values (None where empty), point colours and
    point labels, all as the chart caches them; a marker series (a line drawn as an error bar) has
    its line's colour and the position of its label."""
    from lxml import etree

    root = etree.fromstring(xml)
    found = []
    for ser in root.iterfind(".//c:ser", NS):
        count = int(ser.find("c:val//c:ptCount", NS).get("val"))
        values: list[float | None] = [None] * count
        for point in ser.iterfind("c:val//c:pt", NS):
            values[int(point.get("idx"))] = float(point.findtext("c:v", namespaces=NS))
        categories = [""] * count
        for point in ser.iterfind("c:cat//c:pt", NS):
            categories[int(point.get("idx"))] = point.findtext("c:v", namespaces=NS)
        found.append({
            "name": ser.findtext("c:tx//c:v", namespaces=NS),
            "categories": categories,
            "values": values,
            "colours": {int(dpt.find("c:idx", NS).get("val")): dpt.find(".//a:srgbClr", NS).get("val")
                        for dpt in ser.iterfind("c:dPt", NS)},
            "colour": (ser.find("c:spPr//a:srgbClr", NS) if ser.find("c:errBars", NS) is None
                       else ser.find("c:errBars/c:spPr//a:srgbClr", NS)).get("val"),
            "marker": ser.find("c:errBars", NS) is not None,
            "label_position": next((position.get("val")
                                    for position in ser.iterfind("c:dLbls/c:dLbl/c:dLblPos", NS)), None),
            "labels": {int(lbl.find("c:idx", NS).get("val")): [
                "".join(p.itertext()) for p in lbl.iterfind("c:tx/c:rich/a:p", NS)]
                for lbl in ser.iterfind("c:dLbls/c:dLbl", NS)},
        })
    return found


def report_charts(data: bytes) -> list[tuple[str, list[dict]]]:
    """(chart kind: 'doughnutChart' or 'barChart', its series) for each chart, in document order."""
    from lxml import etree

    package = zipfile.ZipFile(io.BytesIO(data))
    charts = []
    for name in chart_parts(data):
        xml = package.read(name)
        plot = etree.fromstring(xml).find("c:chart/c:plotArea", NS)
        kind = next(etree.QName(child).localname for child in plot if child.tag.endswith("Chart"))
        charts.append((kind, series_of(xml)))
    return charts
