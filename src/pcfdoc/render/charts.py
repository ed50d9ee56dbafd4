"""Charts as PNG bytes: stage shares, largest contributors, the system boundary, the
Monte Carlo histogram and the sensitivity tornado.

Labels arrive formatted from the context; values only set the geometry. The
bundled font subset (Noto Sans CJK SC, OFL) draws Chinese on machines without
Chinese fonts, and PNGs carry no timestamp, so the same inputs give the same
bytes.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources

from ..catalogue import STAGES

FONT_FILE = "data/fonts/PcfdocSansSC-Regular.otf"
DPI = 200
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


@cache
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    with resources.as_file(resources.files("pcfdoc").joinpath(FONT_FILE)) as path:
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams.update({
        "font.family": [family, "DejaVu Sans"],  # DejaVu fills in glyphs such as ₂
        "font.size": 10,
        "axes.unicode_minus": False,
        "text.parse_math": False,  # a name such as "A$1$B" is text, not mathtext
        "text.usetex": False,
        "svg.hashsalt": "pcfdoc",
    })
    return plt


def _text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    red, green, blue = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "#111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "#FFFFFF"


def _png(figure) -> bytes:
    plt = _pyplot()
    buffer = io.BytesIO()
    with _quiet_glyphs():
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


@contextmanager
def _quiet_glyphs():
    """Characters no bundled font has (rare scripts, private use) draw as boxes, silently, and
    labels too wide for tight_layout keep the layout they have."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        # Labels wider than the figure (very wide glyphs): the chart is drawn as laid out.
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        yield


def stage_chart(stage_ids: Sequence[str], values: Sequence[float], legend: Sequence[str]) -> bytes:
    """A donut of stage emissions with a legend of formatted names, values and shares."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6.3, 3.2))
    from matplotlib.patches import Patch

    colours = [STAGE_COLOURS[stage] for stage in stage_ids]
    if any(values):
        axes.pie(values, colors=colours, startangle=90, counterclock=False,
                 wedgeprops={"width": 0.38, "edgecolor": "white", "linewidth": 1})
    else:  # nothing emitted: an empty grey ring
        axes.pie([1], colors=[GREY], wedgeprops={"width": 0.38})
    axes.set_aspect("equal")
    handles = [Patch(facecolor=colour) for colour in colours]
    key = axes.legend(handles, legend, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False,
                      handlelength=1.0, handleheight=1.0)
    figure.subplots_adjust(left=0.02, right=0.5, top=0.96, bottom=0.04)
    # Long labels (English names) would run off the right edge: the donut gives the legend room.
    right = 0.5
    for _ in range(6):
        figure.canvas.draw()
        overflow = key.get_window_extent().x1 / figure.bbox.width - 0.99
        if overflow <= 0 or right <= 0.2:
            break
        right = max(right - overflow, 0.2)
        figure.subplots_adjust(right=right)
    return _png(figure)


def contributor_chart(names: Sequence[str], values: Sequence[float], labels: Sequence[str],
                      stage_ids: Sequence[str], unit: str) -> bytes:
    """Horizontal bars of the largest contributors, largest on top, labelled with value and share."""
    plt = _pyplot()
    height = 0.5 + 0.36 * max(len(names), 1)
    figure, axes = plt.subplots(figsize=(6.3, height))
    positions = list(range(len(names)))[::-1]
    axes.barh(positions, values, color=[STAGE_COLOURS[s] for s in stage_ids], height=0.62)
    axes.set_yticks(positions, names)
    largest = max(values, default=0) or 1
    for position, value, label in zip(positions, values, labels, strict=True):
        axes.text(value + largest * 0.01, position, label, va="center", fontsize=9)
    axes.set_xlim(0, largest * 1.32)
    axes.set_xlabel(unit)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    with _quiet_glyphs():
        figure.tight_layout()
    return _png(figure)


def boundary_chart(included: Sequence[str], names: dict[str, str], excluded_label: str,
                   boundary_label: str) -> bytes:
    """The six life-cycle stages in order; those inside the boundary solid, the rest dashed."""
    plt = _pyplot()
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    figure, axes = plt.subplots(figsize=(6.3, 1.9))
    axes.set_xlim(0, 6)
    axes.set_ylim(0, 1.9)
    axes.axis("off")
    for index, stage in enumerate(STAGES):
        inside = stage.id in included
        x = index + 0.08
        axes.add_patch(FancyBboxPatch(
            (x, 0.55), 0.84, 0.8, boxstyle="round,pad=0.02,rounding_size=0.06",
            facecolor=STAGE_COLOURS[stage.id] if inside else "white",
            edgecolor="#333333" if inside else GREY, linestyle="-" if inside else "--", linewidth=1,
        ))
        text = _box_label(names[stage.id])
        axes.text(x + 0.42, 0.95, text, ha="center", va="center", fontsize=8.5,
                  color=_text_on(STAGE_COLOURS[stage.id]) if inside else "#888888")
        if not inside:
            axes.text(x + 0.42, 0.38, excluded_label, ha="center", va="center", fontsize=7.5, color="#888888")
        if index < len(STAGES) - 1:
            axes.add_patch(FancyArrowPatch((x + 0.86, 0.95), (x + 1.0, 0.95), arrowstyle="-|>",
                                           mutation_scale=8, color="#666666"))
    inside_positions = [i for i, stage in enumerate(STAGES) if stage.id in included]
    if inside_positions:
        left, right = min(inside_positions), max(inside_positions) + 1
        axes.add_patch(FancyBboxPatch((left + 0.02, 0.47), right - left - 0.04, 0.96,
                                      boxstyle="round,pad=0.02", facecolor="none", edgecolor="#C0392B",
                                      linestyle=(0, (4, 3)), linewidth=1))
        axes.text((left + right) / 2, 1.62, boundary_label, ha="center", va="center", fontsize=9,
                  color="#C0392B")
    figure.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.01)
    return _png(figure)


def _box_label(name: str) -> str:
    """A stage name broken to fit its box: '原材料\n获取', 'Raw material\nacquisition'."""
    if name.isascii():
        return textwrap.fill(name, 13)
    return name.replace("原材料", "原材料\n").replace("生命末期", "生命末期\n")


#: Line styles of the histogram's markers: percentiles dashed, the calculated total solid.
MARKER_STYLES = {"p2_5": ("#555555", (0, (4, 3))), "p50": ("#C0392B", (0, (4, 3))),
                 "p97_5": ("#555555", (0, (4, 3))), "deterministic": ("#111111", "-")}


def histogram_chart(edges: Sequence[float], counts: Sequence[int], markers: Sequence[tuple[str, float, str]],
                    xlabel: str, ylabel: str) -> bytes:
    """Bars of a Monte Carlo sample of the total, with vertical lines at the markers.

    ``markers`` are (kind, value, legend label); kind is a key of MARKER_STYLES.
    """
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6.3, 3.0))
    widths = [right - left for left, right in zip(edges, edges[1:], strict=False)]
    axes.bar(edges[:-1], counts, width=widths, align="edge", color=STAGE_COLOURS["raw_material"],
             edgecolor="white", linewidth=0.4)
    for kind, value, label in markers:
        colour, style = MARKER_STYLES[kind]
        axes.axvline(value, color=colour, linestyle=style, linewidth=1.2, label=label)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_ylim(0, max(counts, default=0) * 1.08 or 1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if markers:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8.5,
                    handlelength=2.2)
    with _quiet_glyphs():
        figure.tight_layout()
    return _png(figure)


def tornado_chart(names: Sequence[str], lows: Sequence[float], highs: Sequence[float], baseline: float,
                  low_labels: Sequence[str], high_labels: Sequence[str], legend: tuple[str, str],
                  xlabel: str) -> bytes:
    """One bar per parameter around the baseline: the total with it lowered, and raised.

    The first parameter is drawn on top. Labels sit at the outer end of each bar.
    """
    plt = _pyplot()
    height = 0.9 + 0.34 * max(len(names), 1)
    figure, axes = plt.subplots(figsize=(6.3, height))
    positions = list(range(len(names)))[::-1]
    low_colour, high_colour = STAGE_COLOURS["raw_material"], STAGE_COLOURS["production"]
    axes.barh(positions, [low - baseline for low in lows], left=baseline, height=0.6, color=low_colour,
              label=legend[0])
    axes.barh(positions, [high - baseline for high in highs], left=baseline, height=0.6, color=high_colour,
              label=legend[1])
    axes.axvline(baseline, color="#333333", linewidth=0.8)
    reach = max((abs(value - baseline) for value in (*lows, *highs)), default=0.0)
    reach = reach or abs(baseline) * 0.1 or 1.0
    pad = reach * 0.03
    for position, low, high, low_label, high_label in zip(positions, lows, highs, low_labels, high_labels,
                                                          strict=True):
        for value, label in ((low, low_label), (high, high_label)):
            right = value >= baseline
            axes.text(value + (pad if right else -pad), position, label, va="center",
                      ha="left" if right else "right", fontsize=8)
    axes.set_xlim(baseline - reach * 1.6, baseline + reach * 1.6)
    axes.set_yticks(positions, names)
    axes.set_xlabel(xlabel)
    axes.ticklabel_format(axis="x", style="plain", useOffset=False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False, fontsize=8.5)
    with _quiet_glyphs():
        figure.tight_layout()
    return _png(figure)
