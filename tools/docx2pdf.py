"""Convert a .docx to PDF with LibreOffice, updating fields and the TOC first (maintainers only).

`libreoffice --convert-to pdf` prints field results as cached, so a TOC that
Word would fill on open stays empty. This script does what Word does on open
(refresh indexes and fields), then exports. It needs Debian's python3-uno and
runs under the system Python:

    /usr/bin/python3 tools/docx2pdf.py build/report.docx [out.pdf]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: F401  (Debian's python3-uno)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def convert(source: Path, target: Path) -> None:
    pipe = f"pcfdoc{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen([
            "soffice", "--headless", "--invisible", "--nologo", "--norestore",
            f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;",
        ])
        try:
            context = connect(pipe)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            url = uno.systemPathToFileUrl(str(source.resolve()))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            for _ in range(2):  # page numbers settle after the TOC itself takes space
                indexes = document.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                document.getTextFields().refresh()
                document.refresh()
            document.storeToURL(uno.systemPathToFileUrl(str(target.resolve())),
                                (prop("FilterName", "writer_pdf_Export"),))
            document.close(True)
        finally:
            office.terminate()
            office.wait(timeout=30)


if __name__ == "__main__":
    docx = Path(sys.argv[1])
    convert(docx, Path(sys.argv[2]) if len(sys.argv) > 2 else docx.with_suffix(".pdf"))
