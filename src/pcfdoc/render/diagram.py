"""The system-boundary diagram as a Word table: the six life-cycle stages in order with arrows
between them, those inside the boundary shaded in their stage colour, those outside white with a
dashed grey border and the word for "excluded", and the boundary's name over a bracket spanning
the stages inside (a table, like every diagram: blocks.py says why).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..vocab.catalogue import STAGES
from .blocks import TEXT_WIDTH, borders, cell, paragraph, row, table, text_on
from .charts import GREY, STAGE_COLOURS
from .chartxml import Fonts

BOUNDARY_COLOUR = "C0392B"
MUTED = "808080"
#: Column widths in twentieths of a point: 15 cm of text width, stages and the arrows between them.
ARROW_WIDTH = 255
STAGE_WIDTH = (TEXT_WIDTH - ARROW_WIDTH * (len(STAGES) - 1)) // len(STAGES)


@dataclass(frozen=True)
class Diagram:
    """A block of WordprocessingML (it replaces its paragraph: ``{{p boundary.diagram }}``)."""

    included: tuple[str, ...]  # stage ids inside the boundary
    names: Mapping[str, str]  # stage id → name in the report's language
    excluded_label: str
    boundary_label: str

    def xml(self, fonts: Fonts) -> str:
        inside = [index for index, stage in enumerate(STAGES) if stage.id in self.included]
        grid = [ARROW_WIDTH if column % 2 else STAGE_WIDTH for column in range(2 * len(STAGES) - 1)]
        # a thin empty row below keeps the caption off the boxes
        rows = [self._stage_row(fonts), _span_row(0, 2 * len(STAGES) - 1, paragraph(fonts, [("", 2, None)]),
                                                  "", 120)]
        if inside:  # the label over a bracket from the first stage inside to the last
            first, last = 2 * min(inside), 2 * max(inside) + 1
            label = paragraph(fonts, [(self.boundary_label, 18, BOUNDARY_COLOUR)])
            rows[:0] = [_span_row(first, last, label, "", 0),
                        _span_row(first, last, paragraph(fonts, [("", 2, None)]), _BRACKET, 110)]
        return table(grid, rows)

    def _stage_row(self, fonts: Fonts) -> str:
        cells = []
        for index, stage in enumerate(STAGES):
            if index:
                cells.append(cell(ARROW_WIDTH, paragraph(fonts, [("→", 24, "666666")])))
            name = _box_label(self.names[stage.id])
            if stage.id in self.included:
                colour = STAGE_COLOURS[stage.id].lstrip("#")
                text = paragraph(fonts, [(line, 17, text_on(colour)) for line in name])
                edges = borders("single", colour)
            else:
                colour = "FFFFFF"
                text = (paragraph(fonts, [(line, 17, MUTED) for line in name])
                        + paragraph(fonts, [(self.excluded_label, 14, MUTED)]))
                edges = borders("dashed", GREY.lstrip("#"))
            cells.append(cell(STAGE_WIDTH, text, edges, colour))
        return row(cells, 880)


def boundary_diagram(included: Sequence[str], names: Mapping[str, str], excluded_label: str,
                     boundary_label: str) -> Diagram:
    return Diagram(tuple(included), dict(names), excluded_label, boundary_label)


_BRACKET = "".join(f'<w:{side} w:val="dashed" w:sz="8" w:space="0" w:color="{BOUNDARY_COLOUR}"/>'
                   for side in ("top", "left", "right"))


def _span_row(first: int, last: int, content: str, edges: str, height: int) -> str:
    """A row with one cell over grid columns first..last-1 and empty cells either side."""
    columns = 2 * len(STAGES) - 1

    def width(start: int, stop: int) -> int:
        return sum(ARROW_WIDTH if column % 2 else STAGE_WIDTH for column in range(start, stop))

    empty = "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" " \
            'w:lineRule="auto"/></w:pPr></w:p>'
    cells = []
    if first:
        cells.append(cell(width(0, first), empty, span=first))
    cells.append(cell(width(first, last), content, edges, span=last - first))
    if last < columns:
        cells.append(cell(width(last, columns), empty, span=columns - last))
    return row(cells, height, exact=True)


def _box_label(name: str) -> list[str]:
    """A stage name broken to fit its box: ['原材料', '获取'], ['Raw material', 'acquisition']."""
    if name.isascii():
        return textwrap.wrap(name, 13) or [name]
    for head in ("原材料", "生命末期"):
        if name.startswith(head) and len(name) > len(head):
            return [head, name[len(head):]]
    return [name]
