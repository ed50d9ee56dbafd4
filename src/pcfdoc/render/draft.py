"""A draft report: every 【placeholder】 the spec still holds is highlighted where it is printed.

The template marks every page header of a draft (``{{ draft }}``); this module finds the
placeholders in the rendered document, in its body, tables, headers and footers, and splits
each run that holds one so that only the placeholder itself is highlighted.
"""

from __future__ import annotations

import copy
from itertools import groupby

from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from ..spec.texts import PLACEHOLDER

HIGHLIGHT = WD_COLOR_INDEX.YELLOW


def highlight_placeholders(docx) -> int:
    """Highlight every placeholder in a python-docx Document; the number highlighted."""
    parts = [docx.element.body]
    # Headers and footers through the relationships themselves: docxtpl renders them into new
    # parts that python-docx's section objects do not see.
    for relationship in docx.part.rels.values():
        if relationship.reltype in (RT.HEADER, RT.FOOTER):
            parts.append(relationship.target_part.element)
    count = 0
    for part in parts:
        for run in list(part.iter(qn("w:r"))):
            count += _highlight_run(run)
    return count


def _highlight_run(run) -> int:
    """Split ``run`` around the placeholders in its text; the number found."""
    texts = [child for child in run if child.tag == qn("w:t") and PLACEHOLDER.search(child.text or "")]
    if not texts:
        return 0
    properties = run.find(qn("w:rPr"))
    pieces: list[tuple[bool, object]] = []  # (is a placeholder, element for the new run)
    found = 0
    for child in run:
        if child.tag == qn("w:rPr"):
            continue
        if child not in texts:
            pieces.append((False, child))
            continue
        position = 0
        for match in PLACEHOLDER.finditer(child.text):
            if match.start() > position:
                pieces.append((False, _text(child.text[position:match.start()])))
            pieces.append((True, _text(match.group())))
            position = match.end()
            found += 1
        if position < len(child.text):
            pieces.append((False, _text(child.text[position:])))
    parent = run.getparent()
    index = parent.index(run)
    parent.remove(run)
    for offset, (marked, group) in enumerate(groupby(pieces, key=lambda piece: piece[0])):
        new = OxmlElement("w:r")
        if properties is not None:
            new.append(copy.deepcopy(properties))
        for _, element in group:
            new.append(element)
        if marked:
            Run(new, None).font.highlight_color = HIGHLIGHT
        parent.insert(index + offset, new)
    return found


def _text(value: str):
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = value
    return element
