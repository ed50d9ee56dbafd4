"""Low-level helpers for building the report template with python-docx (maintainers only).

Styles, numbering, fields and tables that python-docx has no API for are
written as WordprocessingML here, so tools/report_template/ reads as content.
"""

from __future__ import annotations

from copy import deepcopy

from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

LATIN = "Times New Roman"
SONG = "宋体"
HEI = "黑体"

HEADING_NUMBERING_ID = 41


def child(parent, tag: str, *, first: bool = False):
    """The ``tag`` child of ``parent``, created (last, or first) when missing."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        if first:
            parent.insert(0, element)
        else:
            parent.append(element)
    return element


def set_fonts(rpr_parent, east_asia: str, latin: str = LATIN, size: float | None = None,
              bold: bool | None = None, color: str | None = "000000") -> None:
    """Explicit fonts (theme attributes removed: they would override w:eastAsia)."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = child(rpr, "w:rFonts", first=True)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            child(rpr, tag).set(qn("w:val"), str(int(size * 2)))
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            element = rpr.find(qn(tag))
            if element is not None:
                rpr.remove(element)
            if bold:
                rpr.append(OxmlElement(tag))
    if color is not None:
        element = child(rpr, "w:color")
        for attribute in list(element.attrib):
            del element.attrib[attribute]
        element.set(qn("w:val"), color)


def document_defaults(document) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for key, value in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:cs", LATIN), ("w:eastAsia", SONG)):
        fonts.set(qn(key), value)
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")



def no_hanging_punctuation(style) -> None:
    """Punctuation stays inside the margins: none hangs past the right edge of a line (LibreOffice
    reads this from a paragraph style, not from the document defaults)."""
    ppr = style.element.get_or_add_pPr()
    spacing = ppr.find(qn("w:spacing"))
    element = parse_xml(f'<w:overflowPunct {nsdecls("w")} w:val="0"/>')
    if spacing is not None:
        spacing.addprevious(element)  # schema order: overflowPunct comes before spacing
    else:
        ppr.append(element)


def paragraph_style(document, name: str, *, base: str | None = "Normal", east_asia: str = SONG,
                    latin: str = LATIN, size: float = 12, bold: bool = False, align=None,
                    first_line_chars: int | None = None,
                    before: float = 0, after: float = 0, line: float | None = 1.5,
                    keep_next: bool = False, page_break: bool = False, outline: int | None = None):
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = styles[base]
    style.quick_style = True
    set_fonts(style.element, east_asia, latin, size=size, bold=bold)
    italic = style.element.rPr.find(qn("w:i"))
    if italic is not None:
        style.element.rPr.remove(italic)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    fmt.page_break_before = page_break
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        ppr.remove(ind)
    ind = OxmlElement("w:ind")
    if first_line_chars:
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(int(first_line_chars * size * 20)))
    else:
        ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:left"), "0")
    ppr.append(ind)
    if outline is not None:
        child(ppr, "w:outlineLvl").set(qn("w:val"), str(outline))
    return style


def heading_numbering(document) -> None:
    """A multilevel list '1', '1.1', '1.1.1' linked to Heading 1-3."""
    numbering = document.part.numbering_part.element
    levels = []
    for level, (style, text) in enumerate((("Heading1", "%1"), ("Heading2", "%1.%2"),
                                           ("Heading3", "%1.%2.%3"))):
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="{style}"/><w:suff w:val="space"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADING_NUMBERING_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{HEADING_NUMBERING_ID}">'
        f'<w:abstractNumId w:val="{HEADING_NUMBERING_ID}"/></w:num>'
    ))
    for level in range(3):
        ppr = document.styles[f"Heading {level + 1}"].element.get_or_add_pPr()
        for old in ppr.findall(qn("w:numPr")):
            ppr.remove(old)
        ppr.insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{HEADING_NUMBERING_ID}"/></w:numPr>'
        ))


def unnumbered(paragraph) -> None:
    """Switch heading numbering off for one paragraph (cover pages, appendices)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))


def table_style(document, name: str) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    border = '<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side=side) for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    style.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    ))
    for part in ("firstRow", "firstCol"):
        style.element.append(parse_xml(
            f'<w:tblStylePr {nsdecls("w")} w:type="{part}"><w:tcPr>'
            '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr>'
        ))


def table_look(table, *, first_row: bool, first_column: bool) -> None:
    """Which parts of the table style apply: a header row, or a key column."""
    look = child(table._tbl.tblPr, "w:tblLook")
    for attribute in list(look.attrib):
        del look.attrib[attribute]
    values = {"firstRow": first_row, "lastRow": False, "firstColumn": first_column, "lastColumn": False,
              "noHBand": True, "noVBand": True}
    for key, value in values.items():
        look.set(qn(f"w:{key}"), "1" if value else "0")
    # Word 2007 and LibreOffice read the older bit mask instead of the attributes above.
    bits = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
            "noHBand": 0x200, "noVBand": 0x400}
    look.set(qn("w:val"), f"{sum(bit for key, bit in bits.items() if values[key]):04X}")


def field(paragraph, instruction: str, cached: str) -> None:
    """A complex field whose cached result python-docx and viewers can read."""
    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run(cached)
    fld_char("end")


def a4(section) -> None:
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.0)
    section.header_distance = section.footer_distance = Cm(1.5)
    section.start_type = WD_SECTION_START.NEW_PAGE


def repeat_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def row_height(row, cm: float) -> None:
    """Make a row at least ``cm`` high: room to sign, or for a seal."""
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(Cm(cm).twips)))
    height.set(qn("w:hRule"), "atLeast")
    row._tr.get_or_add_trPr().append(height)


def keep_rows_whole(table) -> None:
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def full_width(table, widths_cm: list[float]) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    width = child(table._tbl.tblPr, "w:tblW")
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    grid = table._tbl.tblGrid
    for column, cm in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(Cm(cm).twips)))
    for row in table.rows:
        for cell, cm in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(cm)


def header_table(table, widths_cm: list[float]) -> None:
    """A borderless one-row table for a page header: fixed widths, no cell padding at the sides, a
    rule below it (where a header paragraph would have its bottom border)."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblLook"):
        element = tbl_pr.find(qn(tag))
        if element is not None:
            tbl_pr.remove(element)
    tbl_pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="5000" w:type="pct"/>'))
    tbl_pr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="center"/>'))
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="nil"/><w:left w:val="nil"/>'
        '<w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'))
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    tbl_pr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'))
    tbl_pr.append(parse_xml(f'<w:tblLook {nsdecls("w")} w:val="0000" w:firstRow="0" w:lastRow="0" '
                            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'))
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, cm in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(Cm(cm).twips)))
    for cell, cm in zip(table.rows[0].cells, widths_cm, strict=True):
        cell.width = Cm(cm)
        # at the bottom: a one-line number sits on the rule beside a title of two lines
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def collapsed(paragraph) -> None:
    """A paragraph one point high: where Word needs a paragraph but the layout wants none."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))


def clone_row(table, index: int):
    """Append a copy of row ``index`` (keeps its cell formatting)."""
    row = deepcopy(table.rows[index]._tr)
    table._tbl.append(row)
    return table.rows[-1]


CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def mark_size(paragraph, size_pt: float) -> None:
    """The paragraph mark's size: an empty paragraph (an empty cell) is as tall as this text."""
    ppr = paragraph._p.get_or_add_pPr()
    half_points = round(size_pt * 2)
    ppr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="{half_points}"/>'
                         f'<w:szCs w:val="{half_points}"/></w:rPr>'))
