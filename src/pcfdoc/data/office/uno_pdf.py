"""Run by a Python that has LibreOffice's `uno` module: docx → PDF with fields refreshed.

`soffice --convert-to pdf` prints fields as cached, so a table of contents that
Word fills on open stays empty. This does what Word does on open (update
indexes and fields), then exports. Usage: python uno_pdf.py SOFFICE IN.docx OUT.pdf [PROFILE_URL]
(the profile, when given, is the LibreOffice user profile to run in; by default a fresh one).
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        if office.poll() is not None:
            raise SystemExit("LibreOffice stopped before it accepted a connection")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start within 30 s")


def convert(soffice, source, target, profile_url=None):
    pipe = f"pcfdoc{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen([
            soffice, "--headless", "--invisible", "--nologo", "--norestore",
            f"-env:UserInstallation={profile_url or uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            context = connect(pipe, office)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            url = uno.systemPathToFileUrl(os.path.abspath(source))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            for _ in range(2):  # page numbers settle once the TOC itself takes its space
                indexes = document.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                document.getTextFields().refresh()
                document.refresh()
            document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                                (prop("FilterName", "writer_pdf_Export"),))
            document.close(True)
        finally:
            office.terminate()
            office.wait(timeout=30)


if __name__ == "__main__":
    convert(*sys.argv[1:5])
