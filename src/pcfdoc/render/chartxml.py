"""DrawingML chart XML (the c:chartSpace of a Word chart part), written as text.

Element order follows the schema (ECMA-376 part 1, dml-chart.xsd), which Word
enforces: an element out of order makes Word refuse the whole document. Data
sit in c:strCache / c:numCache with the worksheet references Word writes
(Sheet1!$B$2:$B$7), so Word draws the chart and shows its numbers without an
embedded workbook. Numbers are written with repr(), the shortest text that
reads back as the same float, so the XML holds the calculated values exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = ('xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
#: Text sizes in hundredths of a point: labels and legends, axis titles.
TEXT_SIZE = 900
SMALL_SIZE = 800
TEXT_COLOUR = "333333"
AXIS_COLOUR = "808080"
GRID_COLOUR = "E0E0E0"
#: Ids tying each chart group to its two axes (any numbers unique within the chart).
CATEGORY_AXIS, VALUE_AXIS = 1001, 1002


@dataclass(frozen=True)
class Fonts:
    """The typefaces of chart text: Latin and East Asian (CJK), as the document's styles set them."""

    latin: str = "+mn-lt"  # the theme's minor fonts, when the document names none
    east_asian: str = "+mn-ea"


def number(value: float) -> str:
    return repr(float(value))


def column_letter(index: int) -> str:
    """Worksheet column of series ``index``: categories in A, series in B, C, ..."""
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index + 1]


def text(value: str) -> str:
    return escape(value)


# -- shapes and text -----------------------------------------------------------------------------

def fill(colour: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/></a:solidFill>' if colour else "<a:noFill/>"


def line(colour: str | None, width_emu: int = 9525, dash: str | None = None) -> str:
    if colour is None:
        return "<a:ln><a:noFill/></a:ln>"
    dashed = f'<a:prstDash val="{dash}"/>' if dash else ""
    return f'<a:ln w="{width_emu}">{fill(colour)}{dashed}</a:ln>'


def shape(fill_colour: str | None, line_xml: str = "<a:ln><a:noFill/></a:ln>") -> str:
    return f"<c:spPr>{fill(fill_colour)}{line_xml}</c:spPr>"


#: Where the document's fonts go in every run's properties; chart_space fills it in. Label text is
#: escaped, so no '<' of a user's text can look like it.
FONT_SLOT = "<fonts/>"


def run_props(tag: str, size: int | None = None, colour: str | None = None, bold: bool = False) -> str:
    """a:defRPr or a:rPr; children in schema order (fill before fonts). Every run names its fonts:
    LibreOffice does not pass the chart's fonts on to the text of a custom data label."""
    size_attr = f' sz="{size}"' if size else ""
    return f'<a:{tag}{size_attr} b="{int(bold)}">{fill(colour) if colour else ""}{FONT_SLOT}</a:{tag}>'


def _body(rotation: int | None, wrap: bool) -> str:
    rotated = f' rot="{rotation}" vert="horz"' if rotation is not None else ""
    unwrapped = "" if wrap else ' wrap="none"'
    return f"<a:bodyPr{rotated}{unwrapped}/>"


def text_props(size: int = TEXT_SIZE, colour: str = TEXT_COLOUR, rotation: int | None = None,
               wrap: bool = True) -> str:
    """c:txPr: how the text of an element (axis labels, legend, data labels) is drawn."""
    return (f"<c:txPr>{_body(rotation, wrap)}<a:lstStyle/><a:p><a:pPr>{run_props('defRPr', size, colour)}"
            '</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>')


def rich(lines: Sequence[str], size: int = TEXT_SIZE, colour: str = TEXT_COLOUR, rotation: int | None = None,
         wrap: bool = True) -> str:
    """c:tx holding literal text, one a:p per line."""
    paragraphs = "".join(
        f"<a:p><a:pPr>{run_props('defRPr', size, colour)}</a:pPr>"
        f"<a:r>{run_props('rPr', size, colour)}<a:t>{text(item)}</a:t></a:r></a:p>"
        for item in lines)
    return f"<c:tx><c:rich>{_body(rotation, wrap)}<a:lstStyle/>{paragraphs}</c:rich></c:tx>"


# -- data ----------------------------------------------------------------------------------------

def series_name(index: int, name: str) -> str:
    return (f"<c:tx><c:strRef><c:f>Sheet1!${column_letter(index)}$1</c:f><c:strCache>"
            f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{text(name)}</c:v></c:pt></c:strCache></c:strRef>'
            "</c:tx>")


def categories(names: Sequence[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{text(name)}</c:v></c:pt>' for i, name in enumerate(names))
    return (f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${len(names) + 1}</c:f><c:strCache>"
            f'<c:ptCount val="{len(names)}"/>{points}</c:strCache></c:strRef></c:cat>')


def values(index: int, items: Sequence[float | None]) -> str:
    """c:val of series ``index``; None leaves a point empty (nothing drawn there)."""
    column = column_letter(index)
    points = "".join(f'<c:pt idx="{i}"><c:v>{number(value)}</c:v></c:pt>'
                     for i, value in enumerate(items) if value is not None)
    return (f"<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${len(items) + 1}</c:f><c:numCache>"
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{len(items)}"/>{points}'
            "</c:numCache></c:numRef></c:val>")


def point_fill(index: int, colour: str, line_xml: str = "<a:ln><a:noFill/></a:ln>", bar: bool = True) -> str:
    """c:dPt giving one point its own colour."""
    invert = '<c:invertIfNegative val="0"/>' if bar else ""
    bubble = "" if bar else '<c:bubble3D val="0"/>'
    return f'<c:dPt><c:idx val="{index}"/>{invert}{bubble}{shape(colour, line_xml)}</c:dPt>'


_SHOW = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize")


def _flags(value: bool = False) -> str:
    return "".join(f'<c:{flag} val="{int(value and flag == "showVal")}"/>' for flag in _SHOW)


def no_labels() -> str:
    return f"<c:dLbls>{_flags()}</c:dLbls>"


def point_labels(labels: dict[int, Sequence[str]], position: str | None = "outEnd", size: int = SMALL_SIZE,
                 offsets: dict[int, float] | None = None) -> str:
    """c:dLbls writing ``labels`` (point index → lines of text) as the points' labels; the other
    points have none. ``offsets`` moves a label up by a fraction of the chart's height."""
    where = f'<c:dLblPos val="{position}"/>' if position else ""
    items = []
    for index, lines in sorted(labels.items()):
        layout = ""
        if offsets and index in offsets:
            layout = (f'<c:layout><c:manualLayout><c:x val="0"/><c:y val="{number(-offsets[index])}"/>'
                      "</c:manualLayout></c:layout>")
        # no wrapping: LibreOffice would otherwise break a label of a few words onto two lines
        items.append(f'<c:dLbl><c:idx val="{index}"/>{layout}{rich(lines, size, wrap=False)}{shape(None)}'
                     f"{where}{_flags(True)}</c:dLbl>")
    return f"<c:dLbls>{''.join(items)}{shape(None)}{text_props(size, wrap=False)}{where}{_flags()}</c:dLbls>"


def series(index: int, name: str, names: Sequence[str], items: Sequence[float | None], colour: str,
           extra: str = "", labels: str | None = None, bar: bool = True,
           line_xml: str = "<a:ln><a:noFill/></a:ln>") -> str:
    """c:ser; ``extra`` holds the c:dPt elements (they come between the shape and the labels)."""
    invert = '<c:invertIfNegative val="0"/>' if bar else ""
    return (f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>{series_name(index, name)}'
            f"{shape(colour, line_xml)}{invert}{extra}{labels or no_labels()}{categories(names)}"
            f"{values(index, items)}</c:ser>")


# -- axes and the chart space --------------------------------------------------------------------

def axis_title(label: str, vertical: bool = False) -> str:
    return (f"<c:title>{rich([label], TEXT_SIZE, rotation=-5400000 if vertical else None)}"
            '<c:overlay val="0"/></c:title>')


def category_axis(position: str, *, reverse: bool = False, title: str | None = None, labels_low: bool = False,
                  cross: str = '<c:crosses val="autoZero"/>', every_label: bool = False,
                  size: int = TEXT_SIZE) -> str:
    """c:catAx. ``labels_low`` keeps the labels at the plot's edge wherever the axis line is drawn;
    ``cross`` says where the category axis meets the value axis, which is where bars start."""
    orientation = "maxMin" if reverse else "minMax"
    # every_label: show each label (most are empty) rather than let Word thin them out
    skips = '<c:tickLblSkip val="1"/><c:tickMarkSkip val="1"/>' if every_label else ""
    return (f'<c:catAx><c:axId val="{CATEGORY_AXIS}"/><c:scaling><c:orientation val="{orientation}"/>'
            f'</c:scaling><c:delete val="0"/><c:axPos val="{position}"/>'
            f"{axis_title(title) if title else ''}"
            '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
            f'<c:minorTickMark val="none"/><c:tickLblPos val="{"low" if labels_low else "nextTo"}"/>'
            f"{shape(None, line(AXIS_COLOUR))}{text_props(size)}"
            f'<c:crossAx val="{VALUE_AXIS}"/>{cross}'
            f'<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>{skips}'
            '<c:noMultiLvlLbl val="0"/></c:catAx>')


def value_axis(position: str, *, title: str | None = None, bounds: tuple[float, float] | None = None,
               unit: float | None = None, cross: str = '<c:crosses val="autoZero"/>', grid: bool = True,
               vertical_title: bool = False) -> str:
    """c:valAx, optionally with fixed bounds and tick spacing (otherwise the renderer chooses); tick
    labels with a fixed spacing all show its decimals (0.90, 0.95, 1.00 rather than 0.9, 0.95, 1)."""
    code = "General" if not unit else "#,##0" + ("." + "0" * places(unit) if places(unit) else "")
    limits = f'<c:max val="{number(bounds[1])}"/><c:min val="{number(bounds[0])}"/>' if bounds else ""
    gridlines = f"<c:majorGridlines>{shape(None, line(GRID_COLOUR))}</c:majorGridlines>" if grid else ""
    major = f'<c:majorUnit val="{number(unit)}"/>' if unit else ""
    return (f'<c:valAx><c:axId val="{VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>{limits}'
            f'</c:scaling><c:delete val="0"/><c:axPos val="{position}"/>{gridlines}'
            f"{axis_title(title, vertical_title) if title else ''}"
            f'<c:numFmt formatCode="{code}" sourceLinked="0"/><c:majorTickMark val="out"/>'
            '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'{shape(None, line(AXIS_COLOUR))}{text_props()}<c:crossAx val="{CATEGORY_AXIS}"/>{cross}'
            f'<c:crossBetween val="between"/>{major}</c:valAx>')


def marker_series(index: int, name: str, names: Sequence[str], items: Sequence[float | None],
                  colour: str, dash: str | None, labels: str) -> str:
    """A line series that draws no line and no marker: each of its points (the others empty) hangs
    a vertical line down to the value axis's zero, drawn as a minus error bar of 100 % (a category
    chart has no other way to draw a line at a category), with its label at the top."""
    error_bar = ('<c:errBars><c:errDir val="y"/><c:errBarType val="minus"/>'
                 '<c:errValType val="percentage"/><c:noEndCap val="1"/><c:val val="100"/>'
                 f'{shape(None, line(colour, 15875, dash))}</c:errBars>')
    return (f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>{series_name(index, name)}'
            f'{shape(None)}<c:marker><c:symbol val="none"/></c:marker>{labels}{error_bar}'
            f'{categories(names)}{values(index, items)}<c:smooth val="0"/></c:ser>')


def line_chart(body: str) -> str:
    """c:lineChart on the same two axes as the bar chart beside it (a combination chart)."""
    return (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{body}<c:marker val="1"/>'
            f'<c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/></c:lineChart>')


def bar_chart(direction: str, body: str, gap: int, overlap: int | None = None) -> str:
    """c:barChart: ``direction`` 'bar' (horizontal) or 'col'; ``body`` the c:ser elements."""
    overlapping = f'<c:overlap val="{overlap}"/>' if overlap is not None else ""
    return (f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/>'
            f'<c:varyColors val="0"/>{body}<c:gapWidth val="{gap}"/>{overlapping}'
            f'<c:axId val="{CATEGORY_AXIS}"/><c:axId val="{VALUE_AXIS}"/></c:barChart>')


def legend(position: str, layout: str = "", hidden: Sequence[int] = ()) -> str:
    """c:legend; the series numbered in ``hidden`` get no entry (their labels name them)."""
    entries = "".join(f'<c:legendEntry><c:idx val="{index}"/><c:delete val="1"/></c:legendEntry>'
                      for index in hidden)
    return (f'<c:legend><c:legendPos val="{position}"/>{entries}{layout}<c:overlay val="0"/>{shape(None)}'
            f"{text_props()}</c:legend>")


def manual_layout(x: float, y: float, w: float, h: float, inner: bool = False) -> str:
    """A position as fractions of the chart; ``inner`` places the plot area without its axis labels."""
    target = '<c:layoutTarget val="inner"/>' if inner else ""
    return (f'<c:layout><c:manualLayout>{target}<c:xMode val="edge"/><c:yMode val="edge"/>'
            f'<c:x val="{number(x)}"/><c:y val="{number(y)}"/><c:w val="{number(w)}"/>'
            f'<c:h val="{number(h)}"/></c:manualLayout></c:layout>')


def chart_space(plot_area: str, legend_xml: str, fonts: Fonts, workbook: str | None = None) -> bytes:
    """The chart part: no title (the report's caption names the chart), transparent background,
    the document's fonts for every piece of text and, given its relationship id, the embedded
    workbook that Edit Data opens (the chart does not refresh from it on opening)."""
    external = (f'<c:externalData r:id="{workbook}"><c:autoUpdate val="0"/></c:externalData>'
                if workbook else "")
    typefaces = (f"<a:latin typeface={quoteattr(fonts.latin)}/><a:ea typeface={quoteattr(fonts.east_asian)}/>"
                 f"<a:cs typeface={quoteattr(fonts.latin)}/>")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace {NAMESPACES}><c:date1904 val="0"/><c:roundedCorners val="0"/>'
        f'<c:chart><c:autoTitleDeleted val="1"/><c:plotArea>{plot_area}</c:plotArea>{legend_xml}'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"{shape(None)}{text_props(TEXT_SIZE, TEXT_COLOUR)}{external}</c:chartSpace>"
    ).replace(FONT_SLOT, typefaces).encode("utf-8")


def places(step: float) -> int:
    """Decimals that show a tick step of 1, 2 or 5 × 10ⁿ exactly: 50 → 0, 0.5 → 1, 0.05 → 2."""
    return max(0, -math.floor(math.log10(step) + 1e-9))


def nice_scale(low: float, high: float, ticks: int = 6) -> tuple[float, float, float]:
    """Axis bounds on round numbers around [low, high], and a tick step of 1, 2 or 5 × 10ⁿ, so
    tick labels read 360, 380, 400 rather than 357.3, 377.3, 397.3."""
    span = high - low
    if not span > 0 or not math.isfinite(span):
        span = abs(high) or 1.0
        low, high = low - span / 2, high + span / 2
    raw = span / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw * (1 - 1e-9))
    bottom, top = math.floor(low / step), math.ceil(high / step)
    # k × step can carry float noise (0.30000000000000004): round to the step's own precision.
    digits = max(0, -math.floor(math.log10(step)) + 2)
    return round(bottom * step, digits), round(top * step, digits), step
