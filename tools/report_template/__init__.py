"""The shipped report templates, one structure in every language (maintainers only).

builder.py holds the Builder and its per-language Look; front.py, scope.py,
results.py and closing.py the report's parts in order; zh.py and en.py the
texts of each language under the same keys.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from .builder import Builder
from .closing import appendices, chapter_closing, chapter_improvement, chapter_interpretation
from .front import abstract, chapter_company, chapter_introduction, contents, cover, information
from .results import chapter_calculation
from .scope import chapter_data, chapter_scope

PARTS = (cover, information, abstract, contents, chapter_introduction, chapter_company, chapter_scope,
         chapter_data, chapter_calculation, chapter_interpretation, chapter_improvement, chapter_closing,
         appendices)


def build(language: ModuleType, templates: Path) -> Path:
    """Write templates/<language>/report.docx from a text module (zh, en)."""
    b = Builder(language.TEXTS, language.LOOK, language.LANGUAGE)
    for part in PARTS:
        part(b)
    out = templates / language.LANGUAGE / "report.docx"
    b.save(out)
    return out
