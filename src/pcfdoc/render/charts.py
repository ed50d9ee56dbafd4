"""The report's charts as native Word charts: stage shares, largest contributors, the Monte Carlo
histogram and the sensitivity tornado (the system boundary is a table: diagram.py).

A native chart is drawn by Word itself: it stays sharp at any zoom, uses the
document's fonts (so Chinese needs no bundled font), can be restyled by a
consultant, and holds the plotted numbers, which a reviewer can read back.
Labels arrive formatted from the context; values set the geometry and are
stored unrounded. The same inputs give the same XML, byte for byte.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..formatting import number
from . import chartxml as X

# One colour per stage, the same in every chart of every report.
STAGE_COLOURS = {
    "raw_material": "#4E79A7",
    "raw_material_transport": "#A0CBE8",
    "production": "#F28E2B",
    "distribution": "#FFBE7D",
    "use": "#59A14F",
    "end_of_life": "#8CD17D",
}
GREY = "#BBBBBB"
#: Histogram bins inside the 95 % interval, and in its tails.
INTERVAL_COLOUR, TAIL_COLOUR = STAGE_COLOURS["raw_material"], "#C9D6E3"
#: Tornado bars: the total with a parameter lowered, and raised.
LOW_COLOUR, HIGH_COLOUR = STAGE_COLOURS["raw_material"], STAGE_COLOURS["production"]
#: Histogram marker lines (colour, dash): the first note (the median), then the second (the total).
MARKER_STYLES = (("#404040", "dash"), ("#C0392B", None))
WIDTH_MM = 150
#: No chart is taller than this, 45 % of an A4 page's text height: a chart and its caption then fit
#: under half a page of text, instead of moving to the next page and leaving half of this one blank.
MAX_HEIGHT_MM = 110
#: Where the value axis meets a reversed category axis: at its last category, the bottom.
AT_MAX = '<c:crosses val="max"/>'


@dataclass(frozen=True)
class Chart:
    """A native chart: its plot area and legend as c:chart XML, and its size on the page. The fonts
    are the document's, so the chart part is written when the chart is placed (figures.py)."""

    plot_area: str
    legend: str
    width_mm: float
    height_mm: float
    description: str  # alternative text for screen readers
    sheet: tuple[tuple[str | float | None, ...], ...]  # the data as the embedded workbook holds it

    def part(self, fonts: X.Fonts, workbook: str | None = None) -> bytes:
        return X.chart_space(self.plot_area, self.legend, fonts, workbook)


#: Category labels wrap at this many ems (a Chinese character is one, a Latin letter about half),
#: and never take more than LABEL_LINES lines: the chart keeps most of its width for the bars, and
#: an English name of three or four words ('Lithium iron phosphate cathode material') takes two.
LABEL_EMS = 14
LABEL_LINES = 3


def _ems(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55


def wrap_label(text: str, ems: float = LABEL_EMS, lines: int = LABEL_LINES) -> list[str]:
    """A category label in lines of at most ``ems``: Latin text breaks at spaces, Chinese between
    any two characters (not before closing punctuation); past ``lines`` lines the rest is cut
    with '…'. A chart draws a label whole, where cutting it to fit one line lost its meaning."""
    result: list[str] = []
    line, width = "", 0.0
    for word in _fitting(_words(text), ems):
        size = sum(_ems(char) for char in word)
        if line and width + size > ems + 1e-9:
            result.append(line.rstrip())
            line, width = word.lstrip(), sum(_ems(char) for char in word.lstrip())
        else:
            line, width = line + word, width + size
    if line.strip():
        result.append(line.rstrip())
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][:max(1, len(result[-1]) - 1)] + "…"
    return result or [text]


def _words(text: str) -> list[str]:
    """Pieces a label may break between: a Latin word (with the space before it), or one Chinese
    character; closing punctuation stays with what it closes."""
    pieces: list[str] = []
    for char in text:
        latin = _ems(char) < 1.0 and char != " "
        if pieces and char in _CLOSING:
            pieces[-1] += char
        elif pieces and latin and _ems(pieces[-1][-1]) < 1.0:
            pieces[-1] += char  # the word goes on, or begins after its space
        else:
            pieces.append(char)
    return pieces


_CLOSING = "，。、；：！？）》」』,.;:!?)"


def _fitting(words: list[str], ems: float) -> list[str]:
    """The words, a word wider than a line cut into pieces that fit."""
    pieces = []
    for word in words:
        piece, width = "", 0.0
        for char in word:
            if piece and width + _ems(char) > ems + 1e-9:
                pieces.append(piece)
                piece, width = "", 0.0
            piece, width = piece + char, width + _ems(char)
        pieces.append(piece)
    return pieces


#: Height of a line of category label text, per point of its size.
LINE_MM_PER_PT = 4.4 / 9


def _bar_height(names: Sequence[str], least_mm: float, size: int = X.TEXT_SIZE) -> float:
    """Room per bar: ``least_mm``, or more where labels take several lines of text."""
    lines = max((name.count("\n") + 1 for name in names), default=1)
    return max(least_mm, LINE_MM_PER_PT * size / 100 * lines + 1.2)


def _bars(names: Sequence[str], frame_mm: float, least_mm: float) -> tuple[float, int]:
    """The height of a bar chart (``frame_mm`` for legend and axis, and a bar per name) and the size
    of its labels: 9 pt, or where that would make it taller than MAX_HEIGHT_MM, 8 pt with the room
    per bar that 8 pt labels need. Never less: a renderer hides labels that would overlap."""
    count = max(len(names), 1)
    height = frame_mm + _bar_height(names, least_mm) * count
    if height <= MAX_HEIGHT_MM:
        return height, X.TEXT_SIZE
    smaller = frame_mm + _bar_height(names, least_mm * 0.8, X.SMALL_SIZE) * count
    return max(min(height, MAX_HEIGHT_MM), smaller), X.SMALL_SIZE


def _sheet(categories: Sequence[str], *series: tuple[str, Sequence[float | None]]) -> tuple[tuple, ...]:
    """Rows of Sheet1: series names in row 1 from B1, categories in column A from A2, as the chart's
    references (Sheet1!$A$2:$A$7, Sheet1!$B$1, Sheet1!$B$2:$B$7) read them."""
    head = (None, *(name for name, _ in series))
    body = ((category, *(values[i] for _, values in series)) for i, category in enumerate(categories))
    return (head, *body)


def stage_chart(stage_ids: Sequence[str], values: Sequence[float], legend: Sequence[str]) -> Chart:
    """A doughnut of stage emissions; the legend gives each stage's formatted name, value and share.

    The legend labels are the categories, so Word's data sheet shows the same text. A ring has no
    room for a negative share: a stage below zero draws as an empty slice (its legend keeps the value).
    """
    points = "".join(X.point_fill(i, STAGE_COLOURS[stage], X.line("#FFFFFF", 12700), bar=False)
                     for i, stage in enumerate(stage_ids))
    ring = [max(float(value), 0.0) for value in values]
    body = X.series(0, "", legend, ring, GREY, extra=points, bar=False)
    plot = (f"{X.manual_layout(0.02, 0.04, 0.36, 0.92, inner=True)}"
            f'<c:doughnutChart><c:varyColors val="1"/>{body}{X.no_labels()}<c:firstSliceAng val="0"/>'
            '<c:holeSize val="58"/></c:doughnutChart>')
    # The legend has the right 58 %, so long (English) labels stay on one line; it is as tall as
    # its entries need, centred beside the ring (renderers spread entries over a manual layout).
    height = min(0.92, 0.12 * len(legend))
    key = X.legend("r", X.manual_layout(0.40, (1 - height) / 2, 0.59, height))
    return Chart(plot, key, WIDTH_MM, 72, "; ".join(legend), _sheet(legend, ("", ring)))


def contributor_chart(names: Sequence[str], values: Sequence[float], labels: Sequence[str],
                      stage_ids: Sequence[str], unit: str) -> Chart:
    """Horizontal bars of the largest contributors, largest on top, coloured by stage and labelled
    with value and share. The value axis runs a third past the largest bar, for its label."""
    points = "".join(X.point_fill(i, STAGE_COLOURS[stage]) for i, stage in enumerate(stage_ids))
    marks = X.point_labels({i: [label] for i, label in enumerate(labels)})
    body = X.series(0, unit, names, values, STAGE_COLOURS["raw_material"], extra=points, labels=marks)
    largest = max(values, default=0.0) or 1.0
    height, size = _bars(names, 24, 9)
    plot = (f"<c:layout/>{X.bar_chart('bar', body, gap=60)}"
            # categories top to bottom in the order given; the value axis then crosses at the bottom
            f"{X.category_axis('l', reverse=True, every_label=True, size=size)}"
            f"{X.value_axis('b', title=unit, bounds=(0.0, largest * 1.38), cross=AT_MAX)}")
    return Chart(plot, "", WIDTH_MM, height,
                 "; ".join(f"{name} {label}" for name, label in zip(names, labels, strict=True)),
                 _sheet(names, (unit, values)))


def histogram_chart(edges: Sequence[float], counts: Sequence[int], interval: tuple[float, float],
                    series_names: tuple[str, str], notes: Sequence[tuple[float, str]], xlabel: str,
                    ylabel: str) -> Chart:
    """Columns of a Monte Carlo sample of the total, without gaps, with a marker line for each note.

    Bins whose centre lies within ``interval`` (the 2.5th to 97.5th percentile) are one series, the
    tails another, and the two series' names state the interval. Each of ``notes`` (value, text:
    the median, the calculated total) draws a vertical line from the top of the plot down through
    the bin that holds its value, labelled at its top; of two notes near each other the lower one's
    label stands left of its line and the higher one's right, so labels never overlap.

    The bins are categories, so the axis can only label bins: round values (360, 380, 400) label
    the bin that holds them and the other bins stay unlabelled, as ticks on a number line would.
    """
    centres = [(left + right) / 2 for left, right in zip(edges, edges[1:], strict=False)]
    inside = [interval[0] <= centre <= interval[1] for centre in centres]
    ticks = [""] * len(counts)
    low, high, step = X.nice_scale(edges[0], edges[-1], ticks=5)
    for tick in range(round((high - low) / step) + 1):
        value = low + tick * step
        if edges[0] <= value <= edges[-1] and not ticks[_bin_of(edges, value)]:
            ticks[_bin_of(edges, value)] = number(value, X.places(step))
    body = ""
    split = [[count if inside[i] else None for i, count in enumerate(counts)],
             [None if inside[i] else count for i, count in enumerate(counts)]]
    for which, (name, colour) in enumerate(zip(series_names, (INTERVAL_COLOUR, TAIL_COLOUR), strict=True)):
        body += X.series(which, name, ticks, split[which], colour, line_xml=X.line("#FFFFFF", 3175))
    top = max(counts, default=0) or 1
    markers, marker_columns = "", []
    bins = [_bin_of(edges, value) for value, _ in notes]
    order = sorted(range(len(notes)), key=lambda i: notes[i][0])
    for which, (_, note) in enumerate(notes):
        index = bins[which]
        neighbours = [other for other in range(len(notes))
                      if other != which and abs(bins[other] - index) <= 3]
        position = ("t" if not neighbours
                    else "l" if order.index(which) < order.index(neighbours[0]) else "r")
        heights = [top * 1.16 if i == index else None for i in range(len(counts))]
        colour, dash = MARKER_STYLES[which % len(MARKER_STYLES)]
        markers += X.marker_series(2 + which, note, ticks, heights, colour, dash,
                                   X.point_labels({index: [note]}, position=position))
        marker_columns.append((note, heights))
    plot = (f"<c:layout/>{X.bar_chart('col', body, gap=0, overlap=100)}"
            f"{X.line_chart(markers) if markers else ''}"
            f"{X.category_axis('b', title=xlabel, every_label=True)}"
            # headroom above the tallest bin for the marker lines' labels
            f"{X.value_axis('l', title=ylabel, bounds=(0.0, top * 1.3), vertical_title=True)}")
    key = X.legend("t", hidden=range(2, 2 + len(notes)))
    return Chart(plot, key, WIDTH_MM, 82, "; ".join([*series_names, *(n for _, n in notes)]),
                 _sheet(ticks, *zip(series_names, split, strict=True), *marker_columns))


def _bin_of(edges: Sequence[float], value: float) -> int:
    """The histogram bin holding ``value`` (the last bin includes its right edge, as in numpy)."""
    for index, right in enumerate(edges[1:]):
        if value < right:
            return index
    return len(edges) - 2


def tornado_chart(names: Sequence[str], lows: Sequence[float], highs: Sequence[float], baseline: float,
                  low_labels: Sequence[str], high_labels: Sequence[str], legend: tuple[str, str],
                  xlabel: str) -> Chart:
    """One bar per parameter around the baseline: the total with it lowered, and raised.

    The bars hold the totals themselves; the category axis crosses the value axis at the baseline,
    which is where bars start, so each bar runs from the baseline to its total. The first parameter
    is on top; labels sit at the outer end of each bar, category names at the plot's left edge.
    """
    reach = max((abs(value - baseline) for value in (*lows, *highs)), default=0.0)
    reach = reach or abs(baseline) * 0.1 or 1.0
    low, high, step = X.nice_scale(baseline - reach * 1.45, baseline + reach * 1.45)
    at_baseline = f'<c:crossesAt val="{X.number(baseline)}"/>'
    body = ""
    for which, (name, items, texts, colour) in enumerate(
            ((legend[0], lows, low_labels, LOW_COLOUR), (legend[1], highs, high_labels, HIGH_COLOUR))):
        marks = X.point_labels({i: [label] for i, label in enumerate(texts)})
        body += X.series(which, name, names, items, colour, labels=marks)
    height, size = _bars(names, 30, 8.5)
    axis = X.category_axis('l', reverse=True, labels_low=True, cross=at_baseline, every_label=True, size=size)
    plot = (f"<c:layout/>{X.bar_chart('bar', body, gap=50, overlap=100)}{axis}"
            f"{X.value_axis('b', title=xlabel, bounds=(low, high), unit=step, cross=AT_MAX)}")
    return Chart(plot, X.legend("t"), WIDTH_MM, height,
                 "; ".join(f"{name}: {a} / {b}" for name, a, b in zip(names, low_labels, high_labels,
                                                                      strict=True)),
                 _sheet(names, (legend[0], lows), (legend[1], highs)))
