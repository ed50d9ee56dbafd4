"""PDF through LibreOffice, when it is installed.

The best route refreshes fields first (a filled table of contents): a Python
that can import LibreOffice's ``uno`` runs the bundled script. Without one,
plain ``soffice --convert-to pdf`` still gives a PDF, but its table of
contents shows what the .docx cached.

The template names the fonts Chinese documents use (宋体 for text, 黑体 for
headings), which Linux rarely has; LibreOffice's own fallback then sets the
whole report in one sans-serif face. So the conversion runs in a fresh
LibreOffice profile whose font replacement table maps each missing template
font to an installed Simplified Chinese face of the same kind (serif text,
sans-serif headings; Debian's fonts-noto-cjk gives Noto Serif CJK SC and Noto
Sans CJK SC). Which regional glyph forms a face draws follows the text's
language, which the template sets to zh-CN for East Asian text.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import OutputError

SCRIPT = "data/office/uno_pdf.py"
TIMEOUT_S = 180
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
                "elsewhere: libreoffice.org) and make sure `soffice` is on PATH")


#: Fonts the templates name → installed faces that stand in for them, best first. A template font
#: that is installed itself is left alone (Windows and macOS have 宋体 and 黑体).
FONT_STAND_INS = {
    "宋体": ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN"),
    "SimSun": ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "AR PL UMing CN"),
    "黑体": ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei"),
    "SimHei": ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei"),
}


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def installed_families() -> frozenset[str]:
    """Every font family fontconfig knows (empty where there is no fc-list, as on Windows)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        done = subprocess.run([fc_list, ":", "family"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    text = done.stdout.decode("utf-8", "replace")
    return frozenset(name.strip() for line in text.splitlines() for name in line.split(",") if name.strip())


def font_replacements(families: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """(template font, installed stand-in) for each template font that is not installed."""
    families = installed_families() if families is None else families
    pairs = []
    for font, stand_ins in FONT_STAND_INS.items():
        if font in families:
            continue
        found = next((name for name in stand_ins if name in families), None)
        if found is not None:
            pairs.append((font, found))
    return pairs


def profile_settings(pairs: list[tuple[str, str]]) -> str:
    """registrymodifications.xcu of a LibreOffice profile whose replacement table holds ``pairs``,
    applied always (on screen and in print, so in the PDF)."""
    def prop(name: str, value: str) -> str:
        return f'<prop oor:name="{name}" oor:op="fuse"><value>{escape(value)}</value></prop>'

    items = ['<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
             f'{prop("Replacement", "true")}</item>']
    for index, (font, stand_in) in enumerate(pairs):
        items.append('<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
                     f'<node oor:name="_{index}" oor:op="replace">{prop("Always", "true")}'
                     f'{prop("OnScreenOnly", "false")}{prop("ReplaceFont", font)}'
                     f'{prop("SubstituteFont", stand_in)}</node></item>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'{"".join(items)}</oor:items>\n')


def new_profile(folder: Path) -> str:
    """A LibreOffice user profile in ``folder`` with the font replacements; its URL."""
    settings = folder / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(profile_settings(font_replacements()), "utf-8")
    return folder.resolve().as_uri()


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
        profile = new_profile(Path(work, "profile"))
        with resources.as_file(resources.files("pcfdoc").joinpath(SCRIPT)) as script:
            if python is not None:
                command = [python, str(script), soffice, str(source), str(target), profile]
            else:
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
