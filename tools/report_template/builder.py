"""The template builder: styles, header and footer, paragraphs, captions and tables.

Everything that differs between languages arrives as a Look (fonts, sizes,
spacing) and a dict of texts; the report's structure lives in the part modules.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx_build as B
from docx import Document
from docx.shared import Cm, Pt, RGBColor

from pcfdoc.render.docx import update_fields_on_open
from pcfdoc.render.labels import VOCABULARY
from pcfdoc.write import reproducible_zip

#: Stamped on the template's zip entries and properties, so regenerating it changes nothing.
TEMPLATE_DATE = dt.date(2026, 1, 1)
#: Width of the header's report-number cell; the running title has the rest of the 15 cm.
HEADER_NUMBER_CM = 5.0


@dataclass(frozen=True)
class Look:
    """Fonts, sizes and spacing of one language's template. East Asian fonts are always set (宋体 for
    text, 黑体 for headings), so Chinese that a user writes into an English report still renders."""

    body: str = B.LATIN  # Latin font of body text
    heading: str = B.LATIN  # Latin font of headings, title, captions and table headings
    body_size: float = 12
    heading_sizes: tuple[float, float, float] = (16, 14, 12)
    strong: bool = False  # headings, captions and table headings in bold
    indent_chars: int | None = 2  # first-line indent of body paragraphs, in characters
    line: float = 1.5  # line spacing of body text
    after: float = 0  # space after a body paragraph, in points
    # Body text is ragged right: a justified line before a word or number that cannot break
    # (an ISO number, a unit, a long name) is spread letter by letter in Chinese ("温 室 气 体").
    align: object = B.LEFT
    table_font: str = B.LATIN
    table_size: float = 10.5
    caption_size: float = 10.5


class Builder:
    def __init__(self, texts: dict, look: Look, language: str = "zh-CN") -> None:
        self.t = texts
        self.look = look
        self.cell_samples = cell_samples(language)
        self.doc = Document()
        self._styles()
        section = self.doc.sections[0]
        B.a4(section)
        self._header_footer(section)
        update_fields_on_open(self.doc)
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(B.qn("w:p"))):
            body.remove(paragraph)

    # -- styles -------------------------------------------------------------------
    def _styles(self) -> None:
        doc, look = self.doc, self.look

        def style(name: str, *, heading: bool = False, table: bool = False, **options) -> None:
            latin = look.heading if heading else look.table_font if table else look.body
            B.paragraph_style(doc, name, latin=latin, **options)

        B.document_defaults(doc)
        style("Normal", base=None, size=look.body_size, align=look.align, first_line_chars=look.indent_chars,
              after=look.after, line=look.line)
        B.no_hanging_punctuation(doc.styles["Normal"])
        style("Body Plain", size=look.body_size, align=look.align, after=look.after, line=look.line)
        for level, size in zip((1, 2, 3), look.heading_sizes, strict=True):
            style(f"Heading {level}", heading=True, east_asia=B.HEI, size=size, bold=look.strong,
                  align=B.LEFT, before=12 if level > 1 else 0, after=6, line=1.5, keep_next=True,
                  page_break=level == 1, outline=level - 1)
        B.heading_numbering(doc)
        style("Title", heading=True, east_asia=B.HEI, size=22, bold=look.strong, align=B.CENTER, before=36,
              after=24, line=1.2)
        style("Cover Company", heading=True, east_asia=B.HEI, size=18, bold=look.strong, align=B.CENTER,
              before=120, after=12, line=1.2)
        style("Cover Line", size=14, align=B.CENTER, after=6, line=1.5)
        style("Caption", heading=True, east_asia=B.HEI, size=look.caption_size, bold=look.strong,
              align=B.CENTER, before=6, after=3, line=1.2, keep_next=True)
        style("Figure", base="Body Plain", size=look.body_size, align=B.CENTER, line=1.0, keep_next=True)
        style("Figure Source", base="Body Plain", size=look.caption_size - 1.5, align=B.CENTER, after=6,
              line=1.2)
        style("Formula", base="Body Plain", size=look.body_size, align=B.CENTER, before=6, after=6)
        size = look.table_size
        style("Table Text", table=True, size=size, align=B.LEFT, line=1.15)
        style("Table Center", table=True, size=size, align=B.CENTER, line=1.15)
        style("Table Number", table=True, size=size, align=B.RIGHT, line=1.15)
        style("Table Heading", table=True, east_asia=B.HEI, size=size, bold=look.strong, align=B.CENTER,
              line=1.15)
        style("Table Spacer", size=6, line=1.0)
        style("Table Note", table=True, size=size, align=look.align, line=1.3)
        style("TOC Heading", heading=True, east_asia=B.HEI, size=look.heading_sizes[0], bold=look.strong,
              align=B.LEFT, after=6, keep_next=True, page_break=True)
        for level in (1, 2, 3):
            style(f"TOC {level}", size=look.body_size, align=B.LEFT, line=1.5)
            doc.styles[f"TOC {level}"].paragraph_format.left_indent = Pt(12 * 2 * (level - 1))
        style("Header", size=9, align=B.LEFT, line=1.0)
        style("Footer", size=9, align=B.CENTER, line=1.0)
        B.table_style(doc, "PCF Table")

    def _header_footer(self, section) -> None:
        """The report number left and the running title right, each in its own cell of a table as
        wide as the text, so a long title wraps inside the margins; page numbers in the footer."""
        section.different_first_page_header_footer = True
        # A draft says so on every page, the cover (whose header is otherwise empty) included.
        cover = section.first_page_header.paragraphs[0]
        cover.style = self.doc.styles["Header"]
        cover.alignment = B.RIGHT
        self._draft_mark(cover, "{{ draft }}")
        closing = section.header.paragraphs[0]  # a header ends with a paragraph: keep it one point high
        closing.style = self.doc.styles["Header"]
        B.collapsed(closing)
        number_cm = HEADER_NUMBER_CM
        table = section.header.add_table(1, 2, Cm(15.0))
        B.header_table(table, [number_cm, 15.0 - number_cm])
        texts = ("{{ report.number }}", "{{ report.running_title }}")
        for cell, text, align in zip(table.rows[0].cells, texts, (B.LEFT, B.RIGHT), strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = self.doc.styles["Header"]
            paragraph.alignment = align
            if align == B.LEFT:
                self._draft_mark(paragraph, "{% if draft %}{{ draft }}" + self.t["draft_gap"] + "{% endif %}")
            paragraph.add_run(text)
        closing._p.addprevious(table._tbl)
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        before, between, after = self.t["footer"]
        footer.add_run(before)
        B.field(footer, "PAGE", "1")
        footer.add_run(between)
        B.field(footer, "NUMPAGES", "1")
        if after:
            footer.add_run(after)

    @staticmethod
    def _draft_mark(paragraph, text: str) -> None:
        run = paragraph.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    # -- content helpers -----------------------------------------------------------
    def p(self, text: str, style: str = "Normal"):
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def tag(self, text: str) -> None:
        self.p(text, "Body Plain")

    def h(self, level: int, text: str, numbered: bool = True, new_page: bool | None = None) -> None:
        """A heading; a chapter (level 1) starts a page unless ``new_page`` is False (a part of a few
        lines, which would otherwise leave most of a page empty), a lower heading only when
        ``new_page`` is True (the sign-off page)."""
        paragraph = self.p(text, f"Heading {level}")
        if not numbered:
            B.unnumbered(paragraph)
        if level == 1 and new_page is False:
            paragraph.paragraph_format.page_break_before = False
            paragraph.paragraph_format.space_before = Pt(24)
        elif level != 1 and new_page:
            paragraph.paragraph_format.page_break_before = True

    def caption(self, kind: str, chapter: int | str, title: str, keep_next: bool | None = None) -> None:
        """A table's caption stands above it and keeps with it; a figure's stands below and keeps with
        nothing (else the figure would drag what follows along to the next page), unless
        ``keep_next`` says so (a source line under it)."""
        if kind == "table":
            self._keep_intro()
        paragraph = self.p("", "Caption")
        paragraph.add_run(f"{{{{r cap.{kind}({chapter!r}) }}}}")
        paragraph.add_run(title)
        keep = keep_next if keep_next is not None else kind == "table"
        if not keep:
            paragraph.paragraph_format.keep_with_next = False

    #: Styles of the text that introduces a table ("…如下表所示。", a list of the cases it holds).
    INTRO_STYLES = ("Normal", "Body Plain")

    def _keep_intro(self) -> None:
        """The text that leads into a table keeps with its caption: a short table at the end of a
        chapter then moves to the next page with its introduction rather than standing there
        alone. That is the paragraph just before it and, when that is an item of a list made by a
        loop, the paragraph that opens the list; tag paragraphs ({%p %}) vanish on rendering."""
        kept, in_loop = 0, False
        for paragraph in reversed(self.doc.paragraphs):
            text = paragraph.text
            if text.startswith("{%p endfor"):
                in_loop = True
                continue
            if text.startswith("{%p for"):
                continue
            if text.startswith("{%"):
                continue  # a condition's tag: look past it
            block = text.startswith("{{p ")  # a diagram drawn as a table, not text
            if block or paragraph.style.name not in self.INTRO_STYLES or kept == (2 if in_loop else 1):
                return
            paragraph.paragraph_format.keep_with_next = True
            kept += 1

    def figure(self, expression: str) -> None:
        self.p(f"{{{{ {expression} }}}}", "Figure")

    def pictures(self, loop: str, chapter: int | str) -> None:
        """The spec's pictures in ``loop``, each a figure with its caption and, if given, its source
        (the caption then keeps with its source line, and only then)."""
        self.tag(f"{{%p for item in {loop} %}}")
        self.figure("item.image")
        self.tag("{%p if item.source %}")
        self.caption("figure", chapter, "{{ item.caption }}", keep_next=True)
        self.p(self.t["figure.source"], "Figure Source")
        self.tag("{%p else %}")
        self.caption("figure", chapter, "{{ item.caption }}")
        self.tag("{%p endif %}")
        self.tag("{%p endfor %}")

    def chapter_pictures(self, chapter: str, number: int) -> None:
        """The free figures a spec adds at the end of a chapter ([[images]] with chapter = ...)."""
        self.pictures(f"images.{chapter}", number)

    def block(self, expression: str) -> None:
        """A figure that is a table (the boundary diagram): it replaces its whole paragraph."""
        self.tag(f"{{{{p {expression} }}}}")

    def numbered(self, number: int | str, text: str) -> str:
        """A list item's text: '（1）…' or '(1) …'."""
        return self.t["item"].format(n=number) + text

    def items(self, loop: str, text: str) -> None:
        """A numbered list, one paragraph per item of ``loop``."""
        self.tag(f"{{%p for item in {loop} %}}")
        self.p(self.numbered("{{ loop.index }}", text))
        self.tag("{%p endfor %}")

    def p_if(self, condition: str, text: str, style: str = "Normal") -> None:
        """A paragraph the report holds only when ``condition`` (a Jinja test) holds."""
        self.tag(f"{{%p if {condition} %}}")
        self.p(text, style)
        self.tag("{%p endif %}")

    def list_if(self, loop: str, intro: str) -> None:
        """An introducing sentence and the numbered items of ``loop``, when it holds any."""
        self.tag(f"{{%p if {loop} %}}")
        self.p(intro)
        self.items(loop, "{{ item }}")
        self.tag("{%p endif %}")

    def table(self, widths: list[float], rows: list[tuple], *, header: bool = True,
              row_height: float | None = None, together: bool = False,
              samples: dict[int, str] | None = None, compact: bool = False) -> None:
        """rows: ("head", [texts]) | ("tag", text) | ("row", [(text, align)], bold).

        A table without a header row is a key/value table: its first column is shaded. The
        heading row, and ``samples`` of what cells hold, set the least width of each column
        (headings_fitted); so do the cells' own tags (cell_samples: a data type, a certificate).
        A ``compact`` table (eight columns of figures and units) sets its text 1.5 pt smaller, so
        every unit and figure fits its column whole. A short table is kept ``together``: its rows
        keep with the next, so a total or a last row never starts a page alone (a table whose rows
        come from a loop keeps its last row with the paragraph after it, too). ``row_height`` (cm)
        makes every row but the header at least that high.
        """
        size = self.look.table_size - (COMPACT_STEP_PT if compact else 0)
        if rows and rows[0][0] == "head":
            samples = {**self._samples(rows), **(samples or {})}
            widths, heading = headings_fitted(list(widths), rows[0][1], size, samples)
            rows = [("head", heading), *rows[1:]]
        table = self.doc.add_table(rows=len(rows), cols=len(widths))
        table.style = self.doc.styles["PCF Table"]
        for row, spec in zip(table.rows, rows, strict=True):
            kind = spec[0]
            if kind == "head":
                B.repeat_header_row(row)
                for cell, text in zip(row.cells, spec[1], strict=True):
                    self._cell(cell, text, "Table Heading", size=size if compact else None)
            elif kind == "tag":
                self._cell(row.cells[0], spec[1], "Table Text", size=size if compact else None)
            else:
                bold = len(spec) > 2 and spec[2]
                if row_height:
                    B.row_height(row, row_height)
                for cell, (text, align) in zip(row.cells, spec[1], strict=True):
                    style = {"l": "Table Text", "c": "Table Center", "r": "Table Number"}[align]
                    self._cell(cell, text, style, bold, size=size if compact else None)
        B.full_width(table, widths)
        B.keep_rows_whole(table)
        if together:
            for row in table.rows[:-1]:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        B.table_look(table, first_row=header, first_column=not header)
        self.p("", "Table Spacer")

    def _samples(self, rows: list[tuple]) -> dict[int, str]:
        """What the cells of a table's rows print at their widest, by column (cell_samples)."""
        found: dict[int, str] = {}
        for spec in rows:
            if spec[0] != "row":
                continue
            for column, (text, _) in enumerate(spec[1]):
                tag = _TAG.fullmatch(text.strip())
                sample = self.cell_samples.get(tag.group(1)) if tag else None
                if sample and text_width_cm(sample, 1) > text_width_cm(found.get(column, ""), 1):
                    found[column] = sample
        return found

    def _cell(self, cell, text: str, style: str, bold: bool = False, size: float | None = None) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.doc.styles[style]
        if size is not None:  # the paragraph mark too, so an empty cell is no taller than the text
            B.mark_size(paragraph, size)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if size is not None:
                run.font.size = Pt(size)

    def save(self, out: Path) -> None:
        # The document ends with the spacer under its last table: one point high, it cannot spill
        # onto a page of its own.
        B.collapsed(self.doc.paragraphs[-1])
        out.parent.mkdir(parents=True, exist_ok=True)
        properties = self.doc.core_properties
        properties.title = self.t["template_title"]
        properties.author = properties.last_modified_by = "pcfdoc"
        properties.created = properties.modified = dt.datetime.combine(TEMPLATE_DATE, dt.time())
        properties.revision = 1
        package = self.doc.part.package
        for key, relation in list(package.rels.items()):
            if relation.reltype.endswith("/thumbnail"):  # a preview of python-docx's empty default
                del package.rels[key]
        buffer = io.BytesIO()
        self.doc.save(buffer)
        out.write_bytes(reproducible_zip(buffer.getvalue(), TEMPLATE_DATE))
        print(f"wrote {out}")


# -- column widths from the headings ---------------------------------------------------------------

#: How much smaller a compact table's text is than other tables', in points.
COMPACT_STEP_PT = 1.5
#: The widest unit a factor-unit column prints on one line.
FREIGHT_FACTOR_UNIT = "kgCO₂e/(t·km)"
#: What a tag in a table heading prints at its widest in practice, to size its column.
TAG_SAMPLES = {"product.result_unit": "kgCO₂e", "product.per_label": "kgCO₂e/MWh",
               "table.per_label": "kgCO₂e/MWh", "company.output_value_unit": "万元", "analysis.step": "10",
               "product.fu_unit": "MWh", "analysis.indicators": "时间相关性"}
#: Cell values that must stay on one line, at their widest in practice: a small transport mass or
#: freight turnover ('0.0000294' broke as '0.000029' over '4'), a CCAA certificate number.
SMALL_NUMBER = "0.0000294"
CELL_SAMPLES = {"item.mass": SMALL_NUMBER, "item.tkm": SMALL_NUMBER, "item.certificate": "CCAA-CFP-2022-1147"}


#: Dates that print widest in some language: two-digit month and day, the longest month name.
WIDE_DATES = (dt.date(2023, 12, 30), dt.date(2023, 9, 30))


def cell_samples(language: str) -> dict[str, str]:
    """CELL_SAMPLES, and the words of ``language`` a column prints whole: the widest data type
    ('次级数据', 'Secondary', which broke as 'Seconda' over 'ry' in a column sized for 'Primary')."""
    words = VOCABULARY[language]
    data_types = max(words["data_type"].values(), key=lambda word: text_width_cm(word, 1))
    # a date ('2023 年 7 月 10 日' broke before its 日 in the sign-off table) at its widest
    date = max((words["date"](day) for day in WIDE_DATES), key=lambda text: text_width_cm(text, 1))
    return {**CELL_SAMPLES, "item.data_type": data_types, "item.date": date}


#: Left and right cell margins of the PCF Table style (85 twips each), and a little room for
#: the difference between Word's and LibreOffice's glyph widths.
CELL_PADDING_CM = 0.30 + 0.12
_TAG = re.compile(r"\{\{\s*([\w.]+)(?:\[\d+\])?\s*\}\}")
#: Pieces a line may not break inside: a bracketed unit, a run of Latin letters, digits and signs.
_UNBREAKABLE = re.compile(r"（[^（）]*）|\([^()]*\)|[A-Za-z0-9_.·%/+−\-₂₄₆]+|.")
#: Where a heading's unit begins: a Chinese bracket, or a Latin one after a space.
_UNIT = re.compile(r"（| \(")


def _printed(text: str) -> str:
    return _TAG.sub(lambda tag: TAG_SAMPLES.get(tag.group(1), "名称"), text)


def text_width_cm(text: str, size_pt: float) -> float:
    """An estimate of the printed width: full-width characters one em, Latin capitals 0.72 em (a
    bold 'DQR' broke as 'DQ' over 'R' when counted as lower case), others 0.58 em."""
    ems = sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.72 if "A" <= char <= "Z" else 0.58
              for char in _printed(text))
    return ems * size_pt * 2.54 / 72


#: A heading line of up to this many characters is one word ("序号", "单位", "活动数据", "数据类型"):
#: it never breaks ("活动数" over "据" reads as two words).
SHORT_HEADING = 4


def _least_width(line: str, size_pt: float) -> float:
    """The width of the widest piece of ``line`` that may not break (a unit, a word, a character;
    a short line as a whole)."""
    printed = _printed(line)
    if len(printed) <= SHORT_HEADING:
        return text_width_cm(printed, size_pt)
    pieces = [match.group() for match in _UNBREAKABLE.finditer(printed)]
    return max((text_width_cm(piece, size_pt) for piece in pieces), default=0.0)


def headings_fitted(widths: list[float], heading: list[str], size_pt: float,
                    samples: dict[int, str] | None = None) -> tuple[list[float], list[str]]:
    """Column widths and heading texts such that no heading breaks inside a unit or a word.

    A heading too long for its column gets its bracketed unit on a line of its own ("排放量" over
    "（kgCO₂e/台）"); a column narrower than its widest unbreakable piece, or than a ``samples``
    text its cells must hold on one line (a unit such as kgCO₂e/(t·km)), is widened, and the
    width is taken from the columns with the most room to spare, so the table keeps its width.
    """
    texts = []
    for text, width in zip(heading, widths, strict=True):
        room = width - CELL_PADDING_CM
        lines = []
        for line in text.split("\n"):
            unit = _UNIT.search(line, 1)
            if text_width_cm(line, size_pt) > room and unit:
                lines += [line[:unit.start()], line[unit.start():].lstrip()]
            else:
                lines.append(line)
        texts.append("\n".join(lines))
    least = [max(_least_width(line, size_pt) for line in text.split("\n")) + CELL_PADDING_CM
             for text in texts]
    for column, sample in (samples or {}).items():
        least[column] = max(least[column], text_width_cm(sample, size_pt) + CELL_PADDING_CM)
    short = sum(max(0.0, need - width) for need, width in zip(least, widths, strict=True))
    if short > sum(max(0.0, width - need) for need, width in zip(least, widths, strict=True)):
        raise SystemExit(f"table headings {heading} need {short:.2f} cm more than the table has")
    widths = [max(width, need) for width, need in zip(widths, least, strict=True)]
    while short > 1e-9:  # take it from the wider columns first, none below what it needs
        givers = [i for i, (width, need) in enumerate(zip(widths, least, strict=True)) if width - need > 1e-9]
        share = short / sum(widths[i] for i in givers)
        for i in givers:
            cut = min(widths[i] * share, widths[i] - least[i])
            widths[i] -= cut
            short -= cut
    return [round(width, 3) for width in widths], texts
