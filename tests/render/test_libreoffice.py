"""Every example opens in LibreOffice (skipped where LibreOffice is not installed)."""

import shutil
import subprocess

import pytest

from pcfdoc import pipeline

from conftest import EXAMPLES

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("spec", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_libreoffice_converts_each_example_to_pdf(spec, tmp_path):
    built = pipeline.build(spec, tmp_path)
    result = subprocess.run(
        [OFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(built.target)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / f"{spec.stem}.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.exists() and pdf.stat().st_size > 50_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert built.calculated.results.products[0].name in text
