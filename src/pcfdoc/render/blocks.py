"""Diagrams drawn as Word tables: cells, borders and paragraphs in WordprocessingML text.

The system boundary, the process flow and the life-cycle process map are tables rather than
pictures or drawing shapes: Word and LibreOffice lay out tables alike, the text is the
document's own (searchable, editable, in its fonts) and it reflows nowhere unexpected. Each
diagram is a block that replaces its paragraph (``{{p boundary.diagram }}``); its rows never
break across pages and every paragraph keeps with the next, so a diagram stays on one page
with its caption where it fits on one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from .chartxml import Fonts

#: The text width of an A4 page with 3 cm margins, in twentieths of a point.
TEXT_WIDTH = 8504
#: Left and right padding of a diagram's cells, in twentieths of a point.
CELL_MARGIN = 45

NO_BORDERS = ("<w:tblBorders>" + "".join(f'<w:{side} w:val="nil"/>' for side in (
    "top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
#: Row properties every diagram row starts with: a row never breaks across pages.
ROW = "<w:trPr><w:cantSplit/>"

Line = tuple[str, int, "str | None"]  # text, size in half-points, colour (hex without '#') or None


class Block(Protocol):
    """A diagram as the template places it: WordprocessingML that replaces a paragraph."""

    def xml(self, fonts: Fonts) -> str: ...


def table(grid: Sequence[int], rows: Sequence[str], cell_margin: int = CELL_MARGIN) -> str:
    """A borderless, centred, fixed-layout table as wide as the text."""
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in grid)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>{NO_BORDERS}'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
            f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{columns}</w:tblGrid>{"".join(rows)}</w:tbl>')


def row(cells: Sequence[str], height: int | None = None, exact: bool = False) -> str:
    size = (f'<w:trHeight w:val="{height}" w:hRule="{"exact" if exact else "atLeast"}"/>'
            if height else "")
    return f"<w:tr>{ROW}{size}</w:trPr>{''.join(cells)}</w:tr>"


def borders(style: str, colour: str, size: int = 6) -> str:
    return "".join(f'<w:{side} w:val="{style}" w:sz="{size}" w:space="0" w:color="{colour}"/>'
                   for side in ("top", "left", "bottom", "right"))


def cell(width: int, content: str, edges: str = "", fill: str | None = None, span: int = 1,
         align: str = "center") -> str:
    """A table cell; ``content`` is one or more paragraphs (a cell must hold at least one)."""
    spanned = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    edge_xml = f"<w:tcBorders>{edges}</w:tcBorders>" if edges else ""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{spanned}{edge_xml}{shading}'
            f'<w:vAlign w:val="{align}"/></w:tcPr>{content or paragraph(None, [])}</w:tc>')


def paragraph(fonts: Fonts | None, lines: Sequence[Line], align: str = "center", bold: bool = False,
              inline: bool = False, centre_tab: int | None = None) -> str:
    """A paragraph of (text, size in half-points, colour) lines, kept with what follows. Lines
    after the first start with a line break, unless ``inline`` (then they are pieces of one line);
    with ``centre_tab`` (twips from the cell's text edge) the first piece is centred there, the
    rest follow it. Text is escaped here."""
    runs = []
    for number, (content, size, colour) in enumerate(lines):
        tint = f'<w:color w:val="{colour}"/>' if colour else ""
        weight = "<w:b/><w:bCs/>" if bold else ""
        brk = "<w:br/>" if number and not inline else "<w:tab/>" if centre_tab and not number else ""
        runs.append(f"<w:r><w:rPr>{font_xml(fonts)}{weight}{tint}<w:sz w:val=\"{size}\"/>"
                    f'<w:szCs w:val="{size}"/></w:rPr>{brk}'
                    f'<w:t xml:space="preserve">{escape(content)}</w:t></w:r>')
    tabs = f'<w:tabs><w:tab w:val="center" w:pos="{centre_tab}"/></w:tabs>' if centre_tab else ""
    return (f'<w:p><w:pPr><w:keepNext/>{tabs}<w:spacing w:before="0" w:after="0" w:line="240" '
            'w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>'
            f"<w:jc w:val=\"{align}\"/></w:pPr>{''.join(runs)}</w:p>")


def font_xml(fonts: Fonts | None) -> str:
    """w:rFonts for a diagram's text. Theme references (+mn-lt) are DrawingML's: where the document
    names no font, the paragraph keeps its style's."""
    if fonts is None:
        return ""
    names = [(key, value) for keys, value in ((("ascii", "hAnsi", "cs"), fonts.latin),
                                              (("eastAsia",), fonts.east_asian))
             if not value.startswith("+") for key in keys]
    if not names:
        return ""
    return "<w:rFonts " + " ".join(f"w:{key}={quoteattr(value)}" for key, value in names) + "/>"


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (hex without '#')."""
    red, green, blue = (int(fill[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return "111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "FFFFFF"


def tint(colour: str, share: float) -> str:
    """``colour`` (hex without '#') mixed with white: ``share`` of the colour, the rest white."""
    parts = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{round(255 - (255 - part) * share):02X}" for part in parts)
