"""Chapters 6 (interpretation), 7 (improvement), 8 (closing) and the appendices."""

from __future__ import annotations

from .builder import Builder


def chapter_interpretation(b: Builder) -> None:
    t = b.t
    b.h(1, t["interpretation"])
    b.h(2, t["interpretation.conclusion"])
    b.tag("{%p for product in products %}")
    b.p(t["interpretation.product"])
    b.tag("{%p endfor %}")
    b.h(2, t["interpretation.limits"])
    b.list_if("notes.assumptions", t["interpretation.assumptions"])
    b.list_if("notes.limitations", t["interpretation.limitations"])
    b.list_if("disclosures.value_choices", t["interpretation.value_choices"])
    b.p_if("disclosures.value_choices == []", t["interpretation.no_value_choices"])
    b.p(t["interpretation.validity"])
    b.chapter_pictures("interpretation", 6)


def chapter_improvement(b: Builder) -> None:
    t = b.t
    b.h(1, t["improvement"])
    b.tag("{%p if improvements.measures %}")
    b.p(t["improvement.intro"])
    b.tag("{%p for table in improvements.tables %}")
    b.caption("table", 7, t["improvement.caption"])
    b.table(t["improvement.widths"], [
        ("head", t["improvement.head"]),
        ("tag", "{%tr for item in table.rows %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.title }}", "l"), ("{{ item.targets }}", "l"),
                 ("{{ item.share }}", "r"), ("{{ item.reduction }}", "r"),
                 ("{{ item.reduction_share }}", "r"), ("{{ item.basis }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.p(t["improvement.note"], "Table Note")
    b.p(t["improvement.largest"])
    b.tag("{%p endfor %}")
    b.tag("{%p for item in improvements.measures %}")
    b.h(2, "{{ item.title }}")
    b.p("{{ item.description }}")
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
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), (t["appendix.factors.source"], "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.h(1, t["appendix.references"], numbered=False, new_page=False)
    b.list_if("method.databases", t["appendix.databases_intro"])
    b.p(t["appendix.references_intro"])
    b.items("report.references", "{{ item }}")
    b.h(1, t["appendix.team"], numbered=False, new_page=False)
    b.caption("table", "C", t["appendix.team.caption"])
    b.table(t["appendix.team.widths"], [
        ("head", t["appendix.team.head"]),
        ("tag", "{%tr for item in report.people %}"),
        ("row", [("{{ item.duty }}", "c"), ("{{ item.name }}", "l"), ("{{ item.role }}", "l"),
                 ("{{ item.organization }}", "l"), ("{{ item.certificate }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
