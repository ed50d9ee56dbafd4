"""Placing charts, diagrams and pictures in the document docxtpl is rendering.

docxtpl's InlineImage is the model: the render context holds objects whose
``__html__`` (what Jinja calls with autoescape on) adds what they need to the
part being rendered and returns the XML that goes in its place. A chart becomes
a chart part (word/charts/chartN.xml, numbered in document order, as Word
names them) related from the document and shown by an inline drawing in a run,
with its data in an embedded workbook (word/embeddings/) for Word's Edit Data;
a picture becomes an image part (word/media/imageN.png, one per picture however
often it is placed) shown by an inline picture, sized against the template's
text width; a diagram is a block that replaces its paragraph
(``{{p boundary.diagram }}``). Placing nothing (a signature not given) gives no XML.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from xml.sax.saxutils import quoteattr

from .blocks import Block
from .chart_workbook import WORKBOOK_TYPE, workbook
from .charts import Chart
from .chartxml import Fonts
from .pictures import Shown, drawing

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
IMAGE_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
EMU_PER_MM = 36000
#: The styles whose fonts chart text takes: table text first (charts sit among tables), then body.
FONT_STYLES = ("Table Text", "Normal")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Figures:
    """The ``image`` the render context is given: ``figures(chart)`` is what a template places."""

    def __init__(self, template) -> None:  # a docxtpl DocxTemplate, after init_docx()
        self.template = template
        self._shape_ids = None
        self._images: dict[tuple[str, bytes], str] = {}  # (part, picture digest) → relationship id

    def __call__(self, figure: Chart | Block | Shown | None) -> Placed:
        if figure is None:
            return Placed(lambda: "")
        if isinstance(figure, Shown):
            return Placed(lambda: self.picture_run(figure))
        if isinstance(figure, Chart):
            return Placed(lambda: self.chart_run(figure))
        return Placed(lambda: figure.xml(self.fonts))

    @cached_property
    def fonts(self) -> Fonts:
        return document_fonts(self.template.docx)

    @cached_property
    def text_area(self) -> tuple[int, int]:
        """Width and height of the text area in EMU, from the template's last section (the body's)."""
        section = self.template.docx.sections[-1]
        return (section.page_width - section.left_margin - section.right_margin,
                section.page_height - section.top_margin - section.bottom_margin)

    def _next_shape_id(self, part) -> int:
        if self._shape_ids is None:
            # Drawing ids must be unique in the document; the template's own count up to next_id.
            self._shape_ids = part.next_id
        shape_id = self._shape_ids
        self._shape_ids += 1
        return shape_id

    def picture_run(self, shown: Shown) -> str:
        import hashlib

        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = self.template.current_rendering_part
        picture = shown.picture
        key = (str(part.partname), hashlib.sha1(picture.data).digest())
        relation = self._images.get(key)
        if relation is None:
            taken = {str(existing.partname) for existing in part.package.iter_parts()}
            number = next(n for n in range(1, len(taken) + 2)
                          if not any(f"/word/media/image{n}.{ext}" in taken for ext in ("png", "jpeg")))
            name = PackURI(f"/word/media/image{number}.{picture.extension}")
            image_part = Part(name, picture.content_type, picture.data, part.package)
            relation = self._images[key] = part.relate_to(image_part, IMAGE_RELATION)
        shape_id = self._next_shape_id(part)
        size = shown.size(*self.text_area)
        xml = drawing(relation, shape_id, f"image{shape_id}.{picture.extension}", size, shown.description)
        # Close the tag's text run, add the picture's own run, reopen a text run (as InlineImage does).
        return f'</w:t></w:r><w:r>{xml}</w:r><w:r><w:t xml:space="preserve">'

    def chart_run(self, chart: Chart) -> str:
        from docx.opc.part import Part

        part = self.template.current_rendering_part
        package = part.package
        data = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), WORKBOOK_TYPE,
                    workbook(chart.sheet), package)
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_TYPE,
                          chart.part(self.fonts, "rId1"), package)
        chart_part.rels.add_relationship(PACKAGE_RELATION, data, "rId1")  # the chart's only relationship
        relation = part.relate_to(chart_part, CHART_RELATION)
        shape_id = self._next_shape_id(part)
        width, height = round(chart.width_mm * EMU_PER_MM), round(chart.height_mm * EMU_PER_MM)
        drawing = (
            '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name="Chart {shape_id}" descr={quoteattr(chart.description)}/>'
            '<wp:cNvGraphicFramePr/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{relation}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
        )
        # Close the tag's text run, add the drawing's own run, reopen a text run (as InlineImage does).
        return f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">'


class Placed:
    """A chart, diagram or picture as the template places it; rendered once per place it appears.

    All a template can do with it is place it: it has no attribute a template may read
    (``template_api`` is empty, and the sandbox refuses the rest), so the document being
    rendered, which it adds parts to, stays out of the template's reach.
    """

    __slots__ = ("_place",)
    template_api: frozenset[str] = frozenset()

    def __init__(self, place: Callable[[], str]) -> None:
        self._place = place

    def __html__(self) -> str:
        return self._place()

    __str__ = __html__


def document_fonts(docx) -> Fonts:
    """The Latin and East Asian typefaces of the first of FONT_STYLES the document has, following
    each style's base styles and then the document defaults. A font the document leaves to its
    theme stays a theme reference (+mn-lt, +mn-ea), which Word resolves the same way."""
    found: dict[str, str] = {}
    chain = []
    for name in FONT_STYLES:
        try:
            style = docx.styles[name]
        except KeyError:
            continue
        while style is not None:
            chain.append(style.element)
            style = style.base_style
        break
    defaults = docx.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault")
    chain += [defaults] if defaults is not None else []
    for element in chain:
        fonts = element.find(f"{_W}rPr/{_W}rFonts")
        if fonts is None:
            continue
        for key, script in (("ascii", "lt"), ("eastAsia", "ea")):
            theme, named = fonts.get(f"{_W}{key}Theme"), fonts.get(f"{_W}{key}")
            if key in found or not (theme or named):
                continue
            # a theme attribute (w:asciiTheme) wins over the name beside it, as in Word
            found[key] = f"+{'mj' if theme.startswith('major') else 'mn'}-{script}" if theme else named
    return Fonts(found.get("ascii") or "+mn-lt", found.get("eastAsia") or "+mn-ea")
