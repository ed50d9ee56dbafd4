"""Build the shipped report templates, templates/<language>/report.docx (maintainers only).

    python3 tools/make_template.py

The .docx files are what consultants open in Word to restyle; this script only
makes our shipped versions reproducible (the same bytes on every run). Every
language shares one structure (tools/report_template/: builder and parts) and
has its own texts (report_template/zh.py, report_template/en.py) under the same
keys. Names in {{ }} are the render context built by src/pcfdoc/render/context.py.
Conventions:
  * {%p ... %} and {%tr ... %} stand alone in a paragraph / table row;
  * {{r cap.table(N) }} writes a caption number ("表 N-k", "Table N-k") as Word
    fields, where N is the chapter the caption sits in;
  * every number comes formatted from the context; the template only places it.
"""

from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from report_template import build, en, zh  # noqa: E402

TEMPLATES = TOOLS.parent / "templates"


def main() -> None:
    if set(zh.TEXTS) != set(en.TEXTS):
        raise SystemExit(f"texts differ between languages: {sorted(set(zh.TEXTS) ^ set(en.TEXTS))}")
    for language in (zh, en):
        build(language, TEMPLATES)


if __name__ == "__main__":
    main()
