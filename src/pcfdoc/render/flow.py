"""Two diagrams pcfdoc derives from the spec, drawn as Word tables (blocks.py says why):

* the process flow: the company's process steps top to bottom, each a box, with the materials and
  energy fed in on the left, the waste streams leaving on the right and what a step passes on
  written beside the arrow to the next; steps that give none of these run in rows of four, left
  to right and back, so a long process takes a third of a page rather than all of it;
* the life-cycle process map of a product: each stage inside the boundary a box in its stage
  colour, the inventory lines and transport legs actually calculated for it on the left (with
  their amounts per functional unit) and the stage's emission on the right, ending in the total.

Every word arrives formatted from the context; these only lay it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import CELL_MARGIN, TEXT_WIDTH, borders, cell, paragraph, row, table, text_on, tint
from .chartxml import Fonts

ARROW = 420
#: Boxes in a row of a process flow that lists steps only.
ROW_STEPS = 4
#: Text sizes in half-points: headings and boxes, side texts.
BOX_SIZE, SIDE_SIZE, HEAD_SIZE = 19, 16, 15
STEP_COLOUR = "F28E2B"  # the production stage's colour
WASTE_COLOUR = "9C3D2E"
HEAD_COLOUR = "666666"
ARROW_COLOUR = "666666"


@dataclass(frozen=True)
class FlowStep:
    name: str
    inputs: tuple[str, ...] = ()
    passed_on: str = ""  # what the step passes on, joined as the report's language joins names
    wastes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProcessFlow:
    """Process steps in order; ``headings`` name the three columns (inputs, step, wastes)."""

    steps: tuple[FlowStep, ...]
    headings: tuple[str, str, str]

    def xml(self, fonts: Fonts) -> str:
        sides = any(step.inputs for step in self.steps) or any(step.wastes for step in self.steps)
        if not sides and not any(step.passed_on for step in self.steps) and len(self.steps) > ROW_STEPS:
            return self._rows(fonts)
        side = 2500 if sides else 1200
        box = TEXT_WIDTH - 2 * side - 2 * ARROW
        grid = (side, ARROW, box, ARROW, side)
        rows = [_heading_row(fonts, grid, self.headings)] if sides else []
        fill = tint(STEP_COLOUR, 0.22)
        for index, step in enumerate(self.steps):
            if index:
                rows.append(_arrow_row(fonts, grid, self.steps[index - 1].passed_on))
            rows.append(row([
                cell(side, _lines(fonts, step.inputs, "right", None)),
                cell(ARROW, _arrow(fonts, "→") if step.inputs else ""),
                cell(box, paragraph(fonts, [(step.name, BOX_SIZE, text_on(fill))], bold=True),
                     borders("single", STEP_COLOUR, 8), fill),
                cell(ARROW, _arrow(fonts, "→", WASTE_COLOUR) if step.wastes else ""),
                cell(side, _lines(fonts, step.wastes, "left", WASTE_COLOUR)),
            ], 560))
        if self.steps and self.steps[-1].passed_on:
            rows.append(_arrow_row(fonts, grid, self.steps[-1].passed_on))
        return table(grid, rows)


    def _rows(self, fonts: Fonts) -> str:
        """Rows of ROW_STEPS boxes joined by arrows, every other row running right to left, an arrow
        down at the end of each row to the start of the next."""
        box = (TEXT_WIDTH - ARROW * (ROW_STEPS - 1)) // ROW_STEPS
        grid = [ARROW if column % 2 else box for column in range(2 * ROW_STEPS - 1)]
        fill = tint(STEP_COLOUR, 0.22)
        rows = []
        chunks = [self.steps[start:start + ROW_STEPS] for start in range(0, len(self.steps), ROW_STEPS)]
        for number, chunk in enumerate(chunks):
            backwards = number % 2 == 1
            slots: list[FlowStep | None] = [*chunk, *([None] * (ROW_STEPS - len(chunk)))]
            if backwards:
                slots.reverse()
            cells = []
            for column, step in enumerate(slots):
                if column:
                    joined = step is not None and slots[column - 1] is not None
                    cells.append(cell(ARROW, _arrow(fonts, "←" if backwards else "→") if joined else ""))
                cells.append(cell(box, "") if step is None else cell(
                    box, paragraph(fonts, [(step.name, BOX_SIZE, text_on(fill))], bold=True),
                    borders("single", STEP_COLOUR, 8), fill))
            rows.append(row(cells, 560))
            if number < len(chunks) - 1:  # down from the row's last box to the next row's first
                end = 0 if backwards else 2 * (ROW_STEPS - 1)
                rows.append(row([cell(width, _arrow(fonts, "↓") if column == end else "")
                                 for column, width in enumerate(grid)], 320))
        return table(grid, rows)


@dataclass(frozen=True)
class MapStage:
    name: str
    stage_id: str
    colour: str  # the stage colour, hex without '#'
    lines: tuple[str, ...]  # 'name  amount unit', formatted
    emission: str  # 'value unit (share %)', formatted


@dataclass(frozen=True)
class ProcessMap:
    """A product's stages inside the boundary, each with the lines calculated for it, then the total."""

    stages: tuple[MapStage, ...]
    headings: tuple[str, str, str]  # lines, stage, emission
    total_label: str
    total: str
    empty: str  # what a stage without lines shows

    def xml(self, fonts: Fonts) -> str:
        lines, result = 4100, 1900
        box = TEXT_WIDTH - lines - result - 2 * ARROW
        grid = (lines, ARROW, box, ARROW, result)
        rows = [_heading_row(fonts, grid, self.headings)]
        for index, stage in enumerate(self.stages):
            if index:
                rows.append(_arrow_row(fonts, grid, ""))
            texts = stage.lines or (self.empty,)
            rows.append(row([
                cell(lines, _lines(fonts, texts, "right", None)),
                cell(ARROW, _arrow(fonts, "→") if stage.lines else ""),
                cell(box, paragraph(fonts, [(stage.name, BOX_SIZE, text_on(stage.colour))], bold=True),
                     borders("single", stage.colour, 8), stage.colour),
                cell(ARROW, _arrow(fonts, "→")),
                cell(result, _lines(fonts, (stage.emission,), "left", None)),
            ], 560))
        rows.append(_arrow_row(fonts, grid, ""))
        dark = "404040"
        rows.append(row([
            cell(lines, ""), cell(ARROW, ""),
            cell(box, paragraph(fonts, [(self.total_label, BOX_SIZE, text_on(dark))], bold=True),
                 borders("single", dark, 8), dark),
            cell(ARROW, _arrow(fonts, "→")),
            cell(result, paragraph(fonts, [(self.total, SIDE_SIZE, None)], align="left", bold=True)),
        ], 560))
        return table(grid, rows)


def _arrow(fonts: Fonts, glyph: str, colour: str = ARROW_COLOUR) -> str:
    return paragraph(fonts, [(glyph, 22, colour)])


def _lines(fonts: Fonts, texts: Sequence[str], align: str, colour: str | None) -> str:
    """One paragraph per text: a long name wraps within its column and the next starts afresh."""
    return "".join(paragraph(fonts, [(text, SIDE_SIZE, colour)], align=align) for text in texts)


def _heading_row(fonts: Fonts, grid: Sequence[int], headings: tuple[str, str, str]) -> str:
    """Column headings: over the left texts, the boxes and the right texts."""
    left, middle, right = headings
    texts = (left, "", middle, "", right)
    aligns = ("right", "center", "center", "center", "left")
    return row([cell(width, paragraph(fonts, [(text, HEAD_SIZE, HEAD_COLOUR)], align=align) if text else "")
                for width, text, align in zip(grid, texts, aligns, strict=True)], 360)


def _arrow_row(fonts: Fonts, grid: Sequence[int], passed_on: str) -> str:
    """The arrow down from one box to the next, centred under the box, with what passes along it
    written just right of it (into the columns on the right when it is long)."""
    if not passed_on:
        return row([cell(width, _arrow(fonts, "↓") if column == 2 else "")
                    for column, width in enumerate(grid)], 320)
    pieces = [("↓", 22, ARROW_COLOUR), (" " + passed_on, SIDE_SIZE, None)]
    label = paragraph(fonts, pieces, align="left", inline=True, centre_tab=grid[2] // 2 - CELL_MARGIN)
    return row([cell(grid[0], ""), cell(grid[1], ""), cell(sum(grid[2:]), label, span=3)], 320)
