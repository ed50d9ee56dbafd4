"""pcfdoc build --pdf (and the way extra outputs are written together or not at all)."""

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
