"""Reading a built report back with python-docx, the way a reviewer would look at it."""

from __future__ import annotations

import io
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
    return "\n".join(parts)


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
