"""PDF through LibreOffice, when it is installed.

The best route refreshes fields first (a filled table of contents): a Python
that can import LibreOffice's ``uno`` runs the bundled script. Without one,
plain ``soffice --convert-to pdf`` still gives a PDF, but its table of
contents shows what the .docx cached.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import OutputError

SCRIPT = "data/office/uno_pdf.py"
TIMEOUT_S = 180
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
                "elsewhere: libreoffice.org) and make sure `soffice` is on PATH")


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def uno_python(soffice: str) -> str | None:
    """A Python that can ``import uno``: LibreOffice's own, else the system's (python3-uno)."""
    program = Path(soffice).resolve().parent
    candidates = [program / "python", program / "python.exe", Path("/usr/bin/python3")]
    for candidate in candidates:
        if candidate.is_file():
            done = subprocess.run([str(candidate), "-c", "import uno"], capture_output=True, check=False)
            if done.returncode == 0:
                return str(candidate)
    return None


def docx_to_pdf(document: bytes, name: str) -> bytes:
    """PDF bytes of a .docx; raise OutputError when LibreOffice is missing or fails."""
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(f"{name}: a PDF needs LibreOffice, which is not installed; {INSTALL_HINT}. "
                          "The other outputs were not written either; build without --pdf to get them")
    with tempfile.TemporaryDirectory(prefix="pcfdoc-pdf-") as work:
        source = Path(work) / f"{Path(name).stem}.docx"
        source.write_bytes(document)
        target = source.with_suffix(".pdf")
        python = uno_python(soffice)
        with resources.as_file(resources.files("pcfdoc").joinpath(SCRIPT)) as script:
            if python is not None:
                command = [python, str(script), soffice, str(source), str(target)]
            else:
                profile = Path(work, "profile").as_uri()
                command = [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                           "--outdir", work, str(source)]
            try:
                done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
            except subprocess.TimeoutExpired:
                raise OutputError(f"{name}: LibreOffice did not finish the PDF within {TIMEOUT_S} s; "
                                  "try again, or build without --pdf") from None
        if done.returncode != 0 or not target.is_file():
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OutputError(f"{name}: LibreOffice could not make the PDF"
                              f"{' (' + detail[-1] + ')' if detail else ''}")
        return target.read_bytes()
