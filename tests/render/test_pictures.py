"""The spec's pictures in the report: embedded once, captioned and numbered per chapter, sized within
the text width in their own proportions; signatures and the seal where a template asks for them."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from docx import Document
from lxml import etree

from pcfdoc import pipeline
from pcfdoc.render.docx import render_report

from conftest import EXAMPLES, FIXTURES, fixture_data
from helpers import png
from render.docx_reading import open_report, part_xml
from render.ooxml_order import PREFIXES, order_problems

WP = f"{{{PREFIXES['wp']}}}"
#: A4 with 3 cm margins: 15 cm of text width, 24.62 cm of text height (8504 × 13958 twips), in EMU.
TEXT_WIDTH, TEXT_HEIGHT = 8504 * 635, 13958 * 635
EMU_PER_MM = 36_000


def build(path, tmp_path, template=None) -> bytes:
    calculated = pipeline.calc(path)
    return render_report(calculated.valid, calculated.results,
                         template or pipeline.template_for(calculated.valid, None))


@pytest.fixture(scope="module")
def every_field_report() -> bytes:
    return build(FIXTURES / "every-field.toml", None)


def media(report: bytes) -> dict[str, bytes]:
    package = zipfile.ZipFile(io.BytesIO(report))
    return {name: package.read(name) for name in package.namelist() if name.startswith("word/media/")}


def inline_sizes(report: bytes) -> list[tuple[str, int, int]]:
    """(description, width, height) of every inline picture, in document order."""
    body = etree.fromstring(part_xml(report, "word/document.xml").encode("utf-8"))
    return [(inline.find(f"{WP}docPr").get("descr"), int(inline.find(f"{WP}extent").get("cx")),
             int(inline.find(f"{WP}extent").get("cy")))
            for inline in body.iter(f"{WP}inline") if inline.find(f".//{{{PREFIXES['pic']}}}pic") is not None]


def captions(report: bytes) -> list[str]:
    return [p.text for p in open_report(report).paragraphs if p.style.name == "Caption"]


def test_each_picture_file_is_embedded_once_however_often_it_is_placed(every_field_report):
    images = FIXTURES / "images"
    # product.png is the site plan, the product and a boundary figure; photo.jpg a step and chapter 7
    # the signature and the seal, placed in the sign-off block, are pictures too
    assert sorted(media(every_field_report).values()) == sorted(
        (images / name).read_bytes() for name in ("product.png", "photo.jpg", "signature.png", "seal.png"))
    assert sorted(media(every_field_report)) == ["word/media/image1.png", "word/media/image2.png",
                                                 "word/media/image3.png", "word/media/image4.jpeg"]
    types = part_xml(every_field_report, "[Content_Types].xml")
    assert '<Default Extension="png" ContentType="image/png"/>' in types
    assert '<Default Extension="jpeg" ContentType="image/jpeg"/>' in types


def test_pictures_are_figures_numbered_per_chapter_with_their_source(every_field_report):
    found = captions(every_field_report)
    figures = [caption for caption in found if caption.startswith("图")]
    assert figures[:6] == ["图 2-1 厂区平面图", "图 2-2 产品甲外观", "图 2-3 测试公司生产工艺流程",
                           "图 2-4 下料工序现场", "图 3-1 系统边界", "图 3-2 生命周期示意"]
    assert "图 4-1 产品甲生命周期过程图" in figures
    assert "图 7-1 改造后的光伏屋顶" in figures
    paragraphs = [p.text for p in open_report(every_field_report).paragraphs]
    after_product = paragraphs[paragraphs.index("图 2-2 产品甲外观") + 1]
    assert after_product == "资料来源：企业提供"
    step = paragraphs.index("图 2-4 下料工序现场")
    assert paragraphs[step + 1] == "资料来源：现场拍摄"
    document = part_xml(every_field_report, "word/document.xml")
    assert "SEQ 图2 \\* ARABIC" in document and "SEQ 图7 \\* ARABIC" in document


def test_pictures_keep_their_proportions_within_the_text_width(every_field_report):
    sizes = inline_sizes(every_field_report)
    # site plan at 80 %, product at 40 %, the step photo (400 × 300 px) at 60 %, the boundary
    # figure at 100 %, chapter 7's photo at 50 %: all 300 × 200 px or 400 × 300 px
    # first the signature (600 × 220 px) and the seal (square), each fitted to its box in the
    # sign-off block: 40 × 15 mm, so the signature is 40 mm wide and 14.67 mm high; 42 mm square
    assert sizes[:2] == [("编制人的签名", 40 * EMU_PER_MM, round(40 * EMU_PER_MM * 220 / 600)),
                         ("测试评价机构的印章", 42 * EMU_PER_MM, 42 * EMU_PER_MM)]
    sizes = sizes[2:]
    assert [(name, width) for name, width, _ in sizes] == [
        ("厂区平面图", round(TEXT_WIDTH * 0.8)), ("产品甲外观", round(TEXT_WIDTH * 0.4)),
        ("下料工序现场", round(TEXT_WIDTH * 0.6)), ("生命周期示意", TEXT_WIDTH),
        ("改造后的光伏屋顶", TEXT_WIDTH // 2)]
    for name, width, height in sizes:
        ratio = 300 / 400 if name in ("下料工序现场", "改造后的光伏屋顶") else 200 / 300
        assert abs(height - width * ratio) <= 1, name
        assert width <= TEXT_WIDTH


def test_a_tall_picture_is_scaled_to_fit_the_page(tmp_path, write_spec):
    (tmp_path / "tall.png").write_bytes(png(100, 1000))
    data = fixture_data("minimal.toml")
    data["products"][0]["images"] = [{"file": "tall.png", "caption": "细长的图"}]
    ((_, width, height),) = inline_sizes(build(write_spec(data), tmp_path))
    assert height == TEXT_HEIGHT - 40 * EMU_PER_MM  # room for the caption, a source and a line
    assert width == round(height / 10)


def test_the_same_spec_with_pictures_gives_the_same_bytes(tmp_path):
    first = pipeline.build(FIXTURES / "every-field.toml", tmp_path / "a").target.read_bytes()
    second = pipeline.build(FIXTURES / "every-field.toml", tmp_path / "b").target.read_bytes()
    assert first == second


def test_inline_pictures_are_in_schema_order_with_unique_ids(every_field_report):
    body = etree.fromstring(part_xml(every_field_report, "word/document.xml").encode("utf-8"))
    ids = [element.get("id") for element in body.iter(f"{WP}docPr")]
    assert len(ids) == len(set(ids)) >= 9  # five pictures and four charts
    for inline in body.iter(f"{WP}inline"):
        assert order_problems(inline) == []


def sign_off_template(path) -> None:
    """A sign-off block as a custom template would hold one: names, signatures and the seal."""
    document = Document()
    document.add_paragraph("{%p for person in report.people %}")
    document.add_paragraph("{{ person.duty }} {{ person.name }} {{ person.signature }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ report.assessor }} {{ report.seal }}")
    document.save(path)


def test_signatures_and_the_seal_go_where_the_template_puts_them(tmp_path):
    template = tmp_path / "sign-off.docx"
    sign_off_template(template)
    report = build(FIXTURES / "every-field.toml", tmp_path, template)
    images = FIXTURES / "images"
    assert sorted(media(report).values()) == sorted(
        [(images / "signature.png").read_bytes(), (images / "seal.png").read_bytes()])
    sizes = inline_sizes(report)
    assert [name for name, _, _ in sizes] == ["编制人的签名", "测试评价机构的印章"]
    (_, width, height), (_, seal_width, seal_height) = sizes
    # the signature (600 × 220 px) fills its 40 mm width, the seal (420 px square) its 42 mm box
    assert (width, height) == (40 * EMU_PER_MM, round(40 * EMU_PER_MM * 220 / 600))
    assert (seal_width, seal_height) == (42 * EMU_PER_MM, 42 * EMU_PER_MM)
    lines = [p.text for p in open_report(report).paragraphs]
    # the first person signs in a picture, the others by hand: their spaces stay blank
    assert lines[:3] == ["编制 编制人 ", "审核 审核人 ", "批准 批准人 "]


def test_without_signature_pictures_the_sign_off_places_nothing(tmp_path):
    template = tmp_path / "sign-off.docx"
    sign_off_template(template)
    report = build(FIXTURES / "minimal.toml", tmp_path, template)
    assert media(report) == {}
    assert "<w:drawing>" not in part_xml(report, "word/document.xml")


def test_pictures_reach_an_english_report(tmp_path):
    shutil.copytree(FIXTURES / "images", tmp_path / "images")
    shutil.copytree(FIXTURES / "factors", tmp_path / "factors")
    text = (FIXTURES / "every-field.toml").read_text("utf-8").replace('language = "zh-CN"', 'language = "en"')
    text = text.replace('template = "../../templates/zh-CN/report.docx"', 'template = "report.docx"')
    shutil.copy(FIXTURES / "../../templates/en/report.docx", tmp_path / "report.docx")
    (tmp_path / "spec.toml").write_text(text, "utf-8")
    report = build(tmp_path / "spec.toml", tmp_path)
    found = captions(report)
    assert "Figure 2-3 Production process flow at 测试公司" in found
    assert "Figure 4-1 Life-cycle process map of the 产品甲" in found
    assert "Source: 企业提供" in [p.text for p in open_report(report).paragraphs]


def test_signatures_in_a_table_row_loop_of_a_sign_off_table(tmp_path):
    """The sign-off block is a table: a row per person ({%tr for %}, which the template renders on
    its fast path), the signature in a cell of its own, the seal in the last row."""
    document = Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for person in report.people %}"
    table.cell(1, 0).text = "{{ person.name }}"
    table.cell(1, 1).text = "{{ person.signature }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    document.add_paragraph("{{ report.seal }}")
    template = tmp_path / "sign-off-table.docx"
    document.save(template)
    report = build(FIXTURES / "every-field.toml", tmp_path, template)
    assert [name for name, _, _ in inline_sizes(report)] == ["编制人的签名", "测试评价机构的印章"]
    rows = [[cell.text for cell in row.cells] for row in open_report(report).tables[0].rows]
    assert rows == [["编制人", ""], ["审核人", ""], ["批准人", ""]]


def test_an_english_report_prints_the_english_version_of_a_picture(tmp_path):
    """The valve example's site plan has labels in Chinese (file) and in English (file_en); each
    report embeds the one in its language, and the other picture not at all."""
    images = EXAMPLES / "images"
    chinese, english = (images / "valve-actuator-plant.png").read_bytes(), (
        images / "valve-actuator-plant-en.png").read_bytes()
    zh = media(pipeline.build(EXAMPLES / "valve-actuator.toml", tmp_path / "zh").target.read_bytes())
    en = media(pipeline.build(EXAMPLES / "valve-actuator.toml", tmp_path / "en",
                              language="en").target.read_bytes())
    assert chinese in zh.values() and english not in zh.values()
    assert english in en.values() and chinese not in en.values()
    # the same product sketch in both: a picture without an English version prints as it is
    sketch = (images / "valve-actuator.png").read_bytes()
    assert sketch in zh.values() and sketch in en.values()
    document = open_report(pipeline.build(EXAMPLES / "valve-actuator.toml", tmp_path / "en2",
                                          language="en").target.read_bytes())
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Source: Schematic drawn for this example, not a survey of the company's site" in text
