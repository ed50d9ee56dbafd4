"""Caption numbers as Word fields: '表 5-2' ('Table 5-2') = the chapter, then a sequence field per chapter.

The template calls ``{{r cap.table(5) }}`` where a caption starts. Each chapter
has its own sequence (SEQ 表5): LibreOffice ignores SEQ's restart-per-chapter
switch, so one sequence restarted per chapter would count on across chapters
there. Numbers are also counted here in document order and written as the
fields' cached results, so viewers that never update fields (and python-docx)
read the same numbers that Word and LibreOffice compute.
"""

from __future__ import annotations

from markupsafe import Markup, escape

#: Caption labels per report language.
LABELS = {"zh-CN": {"table": "表", "figure": "图"}, "en": {"table": "Table", "figure": "Figure"}}


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(instruction: str, cached: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run(cached)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


class Captions:
    """Counts tables and figures per chapter while the template renders."""

    #: What a template may call (render.sandbox refuses every other attribute).
    template_api: frozenset[str] = frozenset({"table", "figure"})

    def __init__(self, language: str = "zh-CN") -> None:
        self.kinds = LABELS[language]
        self.counts: dict[tuple[str, str], int] = {}
        self.labels: list[str] = []

    def _next(self, kind: str, chapter: int | str) -> Markup:
        label = self.kinds[kind]
        key = (kind, str(chapter))
        self.counts[key] = number = self.counts.get(key, 0) + 1
        self.labels.append(f"{label} {chapter}-{number}")
        sequence = f"SEQ {label}{chapter} \\* ARABIC"
        return Markup(_run(f"{label} {chapter}-") + _field(sequence, str(number)) + _run(" "))

    def table(self, chapter: int | str) -> Markup:
        return self._next("table", chapter)

    def figure(self, chapter: int | str) -> Markup:
        return self._next("figure", chapter)
