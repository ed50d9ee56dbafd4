"""Every example as LibreOffice prints it (skipped where LibreOffice or poppler's tools are missing):
the PDF pcfdoc makes holds the report, no text lies outside the page margins (the page header and
footer included), and the Chinese text is set in the Simplified Chinese faces standing in for the
template's 宋体 and 黑体."""

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pcfdoc import pipeline
from pcfdoc.export import pdf

from conftest import EXAMPLES
from render.docx_reading import open_report

OFFICE = pdf.find_soffice()
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
PT_PER_EMU = 72 / 914400
#: Chinese closing punctuation that LibreOffice lets hang past the end of a line (it ignores the
#: template's w:overflowPunct = 0, which Word follows); it may reach one em into the margin.
HANGING = "，。、；：！？）》」』"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module", params=sorted(EXAMPLES.glob("*.toml")), ids=lambda path: path.stem)
def printed(request, tmp_path_factory):
    if OFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp(request.param.stem)
    built = pipeline.build(request.param, folder, extra=("pdf",))
    return built, next(path for path in built.targets if path.suffix == ".pdf")


def test_each_example_prints_to_pdf(printed):
    built, target = printed
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 50_000
    if POPPLER:
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
        assert built.calculated.results.products[0].name in text


def words(target: Path) -> list[tuple[int, float, float, float, float, str, tuple[float, float]]]:
    """(page, xMin, yMin, xMax, yMax, text, page size) of every word pdftotext finds."""
    xml = subprocess.run(["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for number, page in enumerate(ElementTree.fromstring(xml).iter(f"{XHTML}page"), 1):
        size = (float(page.get("width")), float(page.get("height")))
        for word in page.iter(f"{XHTML}word"):
            box = [float(word.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")]
            found.append((number, *box, word.text or "", size))
    return found


@pytest.mark.skipif(not POPPLER, reason="pdftotext and pdffonts (poppler-utils) are not installed")
def test_no_text_lies_outside_the_page_margins(printed):
    built, target = printed
    section = open_report(built.target.read_bytes()).sections[0]
    left, right = section.left_margin * PT_PER_EMU, section.right_margin * PT_PER_EMU
    top, bottom = section.header_distance * PT_PER_EMU, section.footer_distance * PT_PER_EMU
    outside = []
    for page, x0, y0, x1, y1, text, (width, height) in words(target):
        limit = width - right + 1
        hangs = text[-1:] in HANGING and x1 - (y1 - y0) <= limit  # one em of punctuation past the edge
        if x0 < left - 1 or (x1 > limit and not hangs) or y0 < top - 1 or y1 > height - bottom + 1:
            outside.append(f"page {page}: {text!r} at x {x0:.1f}–{x1:.1f}, y {y0:.1f}–{y1:.1f}")
    assert outside == []


@pytest.mark.skipif(not POPPLER, reason="pdftotext and pdffonts (poppler-utils) are not installed")
def test_chinese_text_is_set_in_the_simplified_chinese_stand_ins(printed):
    """Serif text and sans-serif headings in the installed Simplified Chinese faces, and no other
    Chinese face. Where such a face is a file of its own, no Japanese face is embedded either; the
    Noto CJK collection names all its faces 'jp' (one shared CFF table), so there the glyph forms
    are what tells (tests/export/test_pdf.py)."""
    stand_ins = dict(pdf.font_replacements())
    if "宋体" not in stand_ins or "黑体" not in stand_ins:
        pytest.skip("no Simplified Chinese serif and sans-serif faces are installed")
    _, target = printed
    listing = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()]
    compact = {face: face.replace(" ", "").replace("CJKSC", "CJK") for face in stand_ins.values()}
    serif, sans = compact[stand_ins["宋体"]], compact[stand_ins["黑体"]]
    chinese = [name for name in names if "CJK" in name or "Hei" in name or "Song" in name or "Ming" in name]
    assert any(name.startswith(serif) for name in chinese), names  # body text
    assert any(name.startswith(sans) for name in chinese), names  # headings
    assert all(name.startswith((serif, sans)) for name in chinese), names
    if not _in_collection(stand_ins["宋体"]):
        assert not any(re.search(r"jp|JP", name) for name in chinese), names


def _in_collection(family: str) -> bool:
    files = subprocess.run(["fc-list", family, "file"], capture_output=True, text=True).stdout
    return any(line.strip().rstrip(":").endswith((".ttc", ".otc")) for line in files.splitlines())


@pytest.fixture(scope="module")
def english_valve(tmp_path_factory):
    if OFFICE is None or not POPPLER:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    built = pipeline.build(EXAMPLES / "valve-actuator.toml", tmp_path_factory.mktemp("en"), extra=("pdf",),
                           language="en")
    return next(path for path in built.targets if path.suffix == ".pdf")


def test_table_cells_print_words_and_numbers_whole(english_valve, printed):
    """'Secondary' in a column sized for 'Primary' broke as 'Seconda' over 'ry', a transport mass as
    '0.000029' over '4', a certificate number at its hyphen: every one now prints on one line."""
    english = [word[5] for word in words(english_valve)]
    assert "Seconda" not in english and english.count("Secondary") >= 7  # the valve's 7 secondary lines
    assert "0.0000294" in english
    built, target = printed
    certificates = [person.certificate for person in built.calculated.valid.spec.report.people
                    if person.certificate]
    text = [word[5] for word in words(target)]
    for certificate in certificates:
        assert text.count(certificate) >= 2, certificate  # the sign-off block and appendix C
