"""Chapters 6 (interpretation), 7 (improvement), 8 (closing) and the appendices."""

from __future__ import annotations

from .builder import Builder
from .scope import unverified_note


def chapter_interpretation(b: Builder) -> None:
    t = b.t
    b.h(1, t["interpretation"])
    b.h(2, t["interpretation.conclusion"])
    b.tag("{%p for product in products %}")
    b.p(t["interpretation.product"])
    b.tag("{%p endfor %}")
    b.h(2, t["interpretation.limits"])
    b.tag("{%p if notes.assumptions %}")
    b.p(t["interpretation.assumptions"])
    b.items("notes.assumptions", "{{ item }}")
    b.tag("{%p endif %}")
    b.tag("{%p if notes.limitations %}")
    b.p(t["interpretation.limitations"])
    b.items("notes.limitations", "{{ item }}")
    b.tag("{%p endif %}")
    b.p(t["interpretation.validity"])
    b.chapter_pictures("interpretation", 6)


def chapter_improvement(b: Builder) -> None:
    t = b.t
    b.h(1, t["improvement"])
    b.tag("{%p if improvements %}")
    b.p(t["improvement.intro"])
    b.tag("{%p for item in improvements %}")
    b.h(2, "{{ item.title }}")
    b.p("{{ item.description }}")
    b.tag("{%p for use in item.uses %}")
    b.p(t["improvement.use"])
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.p(t["improvement.none"])
    b.tag("{%p endif %}")
    b.chapter_pictures("improvement", 7)


def chapter_closing(b: Builder) -> None:
    t = b.t
    b.h(1, t["closing"], new_page=False)
    b.p(t["closing.text"])
    b.chapter_pictures("closing", 8)


def appendices(b: Builder) -> None:
    t = b.t
    b.h(1, t["appendix.factors"], numbered=False, new_page=False)
    b.p(t["appendix.factors_intro"])
    b.caption("table", "A", t["appendix.factors.caption"])
    b.table(t["appendix.factors.widths"], [
        ("head", t["appendix.factors.head"]),
        ("tag", "{%tr for item in factors.rows %}"),
        ("row", [("{{ item.no }}", "c"), (t["appendix.factors.name"], "l"),
                 ("{{ item.source }}", "l"), ("{{ item.year }}", "c"), ("{{ item.status }}", "c"),
                 ("{% if item.derivation %}{{ item.derivation }}\n{% endif %}{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    unverified_note(b)
    b.h(1, t["appendix.references"], numbered=False, new_page=False)
    b.tag("{%p if method.databases %}")
    b.p(t["appendix.databases_intro"])
    b.items("method.databases", "{{ item }}")
    b.tag("{%p endif %}")
    b.p(t["appendix.references_intro"])
    b.items("report.references", "{{ item }}")
    b.h(1, t["appendix.team"], numbered=False, new_page=False)
    b.caption("table", "C", t["appendix.team.caption"])
    b.table(t["appendix.team.widths"], [
        ("head", t["appendix.team.head"]),
        ("tag", "{%tr for item in report.people %}"),
        ("row", [("{{ item.duty }}", "c"), ("{{ item.name }}", "l"), ("{{ item.role }}", "l"),
                 ("{{ item.organization }}", "l"), ("{{ item.certificate }}", "l"),
                 ("{{ item.date }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
