"""pcfdoc build --pdf (and the way extra outputs are written together or not at all)."""

import io
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pcfdoc.cli import main
from pcfdoc.export import pdf

from conftest import FIXTURES

needs_office = pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")


@needs_office
def test_pdf_has_the_filled_table_of_contents_and_the_total(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.stderr
    target = out / "minimal.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert f"wrote {out / 'minimal.docx'}, {target}" in result.stdout
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "45.00 kgCO₂e/台" in text or "45 kgCO₂e/台" in text
    if pdf.uno_python(pdf.find_soffice()) is not None:  # fields refreshed: the TOC lists chapters
        assert re.search(r"1 产品碳足迹介绍\s*\.{5,}\s*\d+", text)


def test_without_libreoffice_pdf_is_a_clear_error_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(out), "--pdf"])
    assert result.exit_code == 2
    assert "minimal.docx: a PDF needs LibreOffice, which is not installed; install" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_missing_template_fonts_are_replaced_by_installed_simplified_chinese_faces():
    linux = frozenset({"Noto Serif CJK SC", "Noto Serif CJK JP", "Noto Sans CJK SC", "DejaVu Sans"})
    assert pdf.font_replacements(linux) == [
        ("宋体", "Noto Serif CJK SC"), ("SimSun", "Noto Serif CJK SC"), ("黑体", "Noto Sans CJK SC"),
        ("SimHei", "Noto Sans CJK SC")]
    # a machine with the template's own fonts keeps them; one with no Chinese face replaces nothing
    assert pdf.font_replacements(frozenset({"宋体", "SimSun", "黑体", "SimHei", "Noto Sans CJK SC"})) == []
    assert pdf.font_replacements(frozenset({"DejaVu Sans", "Noto Sans CJK JP"})) == []
    settings = pdf.profile_settings([("宋体", "Noto Serif CJK SC")])
    assert ('<prop oor:name="ReplaceFont" oor:op="fuse"><value>宋体</value></prop><prop '
            'oor:name="SubstituteFont" oor:op="fuse"><value>Noto Serif CJK SC</value></prop>') in settings
    assert '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>' in settings


def body_rasters(pdf_bytes: bytes, folder) -> list[bytes]:
    """The text area (between the header and the footer) of each page of an A4 PDF as grey-scale
    pixels at 50 dpi, to compare pages exactly."""
    source = folder / "pages.pdf"
    source.write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-gray", "-r", "50", str(source), str(folder / "page")], check=True)
    rasters = []
    for path in sorted(folder.glob("page-*.pgm")):
        magic, size, _, pixels = path.read_bytes().split(b"\n", 3)
        width = int(size.split()[0])
        rasters.append(pixels[45 * width:530 * width])  # 23 mm to 269 mm from the top
    return rasters


@needs_office
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_the_template_s_chinese_text_prints_in_simplified_chinese_glyph_forms(tmp_path):
    """Noto CJK holds its Chinese and Japanese faces in one collection, so pdffonts names every face
    'jp'; the forms drawn (直 角 骨 门 differ between China and Japan) follow the text's language.
    Text the template does not mark must print as text marked zh-CN does, not as ja-JP."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from pcfdoc.render.docx import default_template

    document = Document(str(default_template("zh-CN")))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # the first page has its own header
    for language in (None, "zh-CN", "ja-JP"):
        run = document.add_paragraph(style="Normal").add_run("直角骨门")
        if language:
            lang = OxmlElement("w:lang")
            lang.set(qn("w:eastAsia"), language)
            run._r.get_or_add_rPr().append(lang)
        run.add_break(WD_BREAK.PAGE)
    source = io.BytesIO()
    document.save(source)
    pages = body_rasters(pdf.docx_to_pdf(source.getvalue(), "forms.docx"), tmp_path)
    unmarked, chinese, japanese = pages[1:4]
    assert unmarked == chinese
    assert unmarked != japanese
