"""Convert a .docx to PDF with LibreOffice, fields and table of contents refreshed (maintainers).

The same conversion `pcfdoc build --pdf` uses (pcfdoc.export.pdf), for a report
that is already built:

    python3 tools/docx2pdf.py build/report.docx [out.pdf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pcfdoc.errors import PcfdocError
from pcfdoc.export.pdf import docx_to_pdf

if __name__ == "__main__":
    docx = Path(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else docx.with_suffix(".pdf")
    try:
        target.write_bytes(docx_to_pdf(docx.read_bytes(), docx.name))
    except PcfdocError as error:
        sys.exit(str(error))
