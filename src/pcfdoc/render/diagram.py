"""The system-boundary diagram as a Word table: the six life-cycle stages in order with arrows
between them, those inside the boundary shaded in their stage colour, those outside white with a
dashed grey border and the word for "excluded", and the boundary's name over a bracket spanning
the stages inside.

A table rather than a picture or drawing shapes: Word and LibreOffice lay out tables alike, the
text is the document's own (searchable, in its fonts) and it reflows nowhere unexpected.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..vocab.catalogue import STAGES
from .charts import GREY, STAGE_COLOURS
from .chartxml import Fonts

BOUNDARY_COLOUR = "C0392B"
MUTED = "808080"
#: Column widths in twentieths of a point: 15 cm of text width, stages and the arrows between them.
ARROW_WIDTH = 255
STAGE_WIDTH = (8504 - ARROW_WIDTH * (len(STAGES) - 1)) // len(STAGES)


@dataclass(frozen=True)
class Diagram:
    """A block of WordprocessingML (it replaces its paragraph: ``{{p boundary.diagram }}``)."""

    included: tuple[str, ...]  # stage ids inside the boundary
    names: Mapping[str, str]  # stage id → name in the report's language
    excluded_label: str
    boundary_label: str

    def xml(self, fonts: Fonts) -> str:
        inside = [index for index, stage in enumerate(STAGES) if stage.id in self.included]
        grid = "".join(f'<w:gridCol w:w="{ARROW_WIDTH if column % 2 else STAGE_WIDTH}"/>'
                       for column in range(2 * len(STAGES) - 1))
        # a thin empty row below keeps the caption off the boxes
        rows = [self._stage_row(fonts), _span_row(0, 2 * len(STAGES) - 1, _paragraph(fonts, [("", 2, None)]),
                                                  "", 120)]
        if inside:  # the label over a bracket from the first stage inside to the last
            first, last = 2 * min(inside), 2 * max(inside) + 1
            label = _paragraph(fonts, [(self.boundary_label, 18, BOUNDARY_COLOUR)])
            rows[:0] = [_span_row(first, last, label, "", 0),
                        _span_row(first, last, _paragraph(fonts, [("", 2, None)]), _BRACKET, 110)]
        return (f"<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/>{_NO_BORDERS}"
                '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="45" w:type="dxa"/>'
                '<w:right w:w="45" w:type="dxa"/></w:tblCellMar>'
                '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}'
                "</w:tbl>")

    def _stage_row(self, fonts: Fonts) -> str:
        cells = []
        for index, stage in enumerate(STAGES):
            if index:
                cells.append(_cell(ARROW_WIDTH, _paragraph(fonts, [("→", 24, "666666")])))
            name = _box_label(self.names[stage.id])
            if stage.id in self.included:
                colour = STAGE_COLOURS[stage.id].lstrip("#")
                text = _paragraph(fonts, [(line, 17, _text_on(colour)) for line in name])
                borders = _borders("single", colour)
            else:
                colour = "FFFFFF"
                text = (_paragraph(fonts, [(line, 17, MUTED) for line in name])
                        + _paragraph(fonts, [(self.excluded_label, 14, MUTED)]))
                borders = _borders("dashed", GREY.lstrip("#"))
            cells.append(_cell(STAGE_WIDTH, text, borders, colour))
        return f'<w:tr>{_ROW}<w:trHeight w:val="880" w:hRule="atLeast"/></w:trPr>{"".join(cells)}</w:tr>'


def boundary_diagram(included: Sequence[str], names: Mapping[str, str], excluded_label: str,
                     boundary_label: str) -> Diagram:
    return Diagram(tuple(included), dict(names), excluded_label, boundary_label)


_NO_BORDERS = ("<w:tblBorders>" + "".join(f'<w:{side} w:val="nil"/>' for side in (
    "top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
_BRACKET = "".join(f'<w:{side} w:val="dashed" w:sz="8" w:space="0" w:color="{BOUNDARY_COLOUR}"/>'
                   for side in ("top", "left", "right"))
# Rows never break across pages and keep with the caption below (as a picture's paragraph does).
_ROW = '<w:trPr><w:cantSplit/>'


def _borders(style: str, colour: str) -> str:
    return "".join(f'<w:{side} w:val="{style}" w:sz="6" w:space="0" w:color="{colour}"/>'
                   for side in ("top", "left", "bottom", "right"))


def _cell(width: int, content: str, borders: str = "", fill: str | None = None, span: int = 1) -> str:
    spanned = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    edges = f"<w:tcBorders>{borders}</w:tcBorders>" if borders else ""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{spanned}{edges}{shading}'
            f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')


def _span_row(first: int, last: int, content: str, borders: str, height: int) -> str:
    """A row with one cell over grid columns first..last-1 and empty cells either side."""
    columns = 2 * len(STAGES) - 1

    def width(start: int, stop: int) -> int:
        return sum(ARROW_WIDTH if column % 2 else STAGE_WIDTH for column in range(start, stop))

    empty = "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" " \
            'w:lineRule="auto"/></w:pPr></w:p>'
    cells = []
    if first:
        cells.append(_cell(width(0, first), empty, span=first))
    cells.append(_cell(width(first, last), content, borders, span=last - first))
    if last < columns:
        cells.append(_cell(width(last, columns), empty, span=columns - last))
    size = f'<w:trHeight w:val="{height}" w:hRule="exact"/>' if height else ""
    return f"<w:tr>{_ROW}{size}</w:trPr>{''.join(cells)}</w:tr>"


def _paragraph(fonts: Fonts, lines: Sequence[tuple[str, int, str | None]]) -> str:
    """A centred paragraph of (text, size in half-points, colour) lines, kept with what follows."""
    runs = []
    for number, (content, size, colour) in enumerate(lines):
        tint = f'<w:color w:val="{colour}"/>' if colour else ""
        brk = "<w:br/>" if number else ""
        runs.append(f"<w:r><w:rPr>{_font_xml(fonts)}{tint}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
                    f'</w:rPr>{brk}<w:t xml:space="preserve">{escape(content)}</w:t></w:r>')
    return ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>'
            f"</w:pPr>{''.join(runs)}</w:p>")


def _font_xml(fonts: Fonts) -> str:
    """w:rFonts for the diagram's text. Theme references (+mn-lt) are DrawingML's: where the document
    names no font, the paragraph keeps its style's."""
    names = [(key, value) for keys, value in ((("ascii", "hAnsi", "cs"), fonts.latin),
                                              (("eastAsia",), fonts.east_asian))
             if not value.startswith("+") for key in keys]
    if not names:
        return ""
    return "<w:rFonts " + " ".join(f"w:{key}={quoteattr(value)}" for key, value in names) + "/>"


def _box_label(name: str) -> list[str]:
    """A stage name broken to fit its box: ['原材料', '获取'], ['Raw material', 'acquisition']."""
    if name.isascii():
        return textwrap.wrap(name, 13) or [name]
    for head in ("原材料", "生命末期"):
        if name.startswith(head) and len(name) > len(head):
            return [head, name[len(head):]]
    return [name]


def _text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (hex without '#')."""
    red, green, blue = (int(fill[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return "111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "FFFFFF"
