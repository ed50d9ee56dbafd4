"""Cover, information table, abstract, contents, chapters 1 (PCF introduction) and 2 (company)."""

from __future__ import annotations

import docx_build as B

from .builder import Builder


def cover(b: Builder) -> None:
    t = b.t
    b.p("{{ company.name }}", "Cover Company")
    b.p("{{ report.title }}", "Title")
    for line in t["cover.lines"]:
        b.p(line, "Cover Line")


def information(b: Builder) -> None:
    t = b.t
    b.h(1, t["info"], numbered=False)
    left, right = t["info.widths"]
    key = t["info.keys"]
    rows = [
        ("row", [(key["client"], "l"), ("{{ report.client }}", "l")]),
        ("tag", "{%tr if report.commissioned %}"),
        ("row", [(key["company"], "l"), ("{{ company.name }}", "l")]),
        ("tag", "{%tr endif %}"),
    ]
    rows += [("row", [(key[k], "l"), (v, "l")]) for k, v in (
        ("credit_code", "{{ company.credit_code }}"),
        ("address", "{{ company.address }}"),
        ("legal_representative", "{{ company.legal_representative }}"),
        ("registered_capital", "{{ company.registered_capital }}"),
        ("contact", t["info.contact"]),
    )]
    rows += [
        ("tag", "{%tr for product in products %}"),
        ("row", [(key["product"], "l"), ("{{ product.name_model }}", "l")]),
        ("row", [(key["functional_unit"], "l"), ("{{ product.fu_text }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ]
    rows += [("row", [(key[k], "l"), (v, "l")]) for k, v in (
        ("number", "{{ report.number }}"),
        ("period", "{{ period.text }}"),
        ("standards", "{{ report.standards_lines }}"),
        ("boundary", "{{ boundary.summary }}"),
        ("gwp", t["info.gwp"]),
        ("conclusion", "{{ conclusion }}"),
        ("prepared", "{{ report.prepared }}"),
        ("reviewed", "{{ report.reviewed }}"),
        ("approved", "{{ report.approved }}"),
        ("assessor", "{{ report.assessor }}"),
        ("issue_date", "{{ report.issue_date }}"),
    )]
    b.table([left, right], rows, header=False)
    revision_history(b)


def revision_history(b: Builder) -> None:
    """The spec's commits, newest first; only when the spec lives in git."""
    t = b.t
    b.tag("{%p if revisions %}")
    b.h(2, t["revisions"], numbered=False)
    b.table(t["revisions.widths"], [
        ("head", t["revisions.head"]),
        ("tag", "{%tr for item in revisions %}"),
        ("row", [("{{ item.version }}", "c"), ("{{ item.date }}", "c"), ("{{ item.author }}", "l"),
                 ("{{ item.description }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")


def abstract(b: Builder) -> None:
    t = b.t
    b.h(1, t["abstract"], numbered=False)
    for text in t["abstract.paragraphs"]:
        b.p(text)
    b.tag("{%p for product in products %}")
    b.p(t["abstract.product"])
    b.tag("{%p endfor %}")


def contents(b: Builder) -> None:
    t = b.t
    b.p(t["contents"], "TOC Heading")  # not a heading: the TOC should not list itself
    paragraph = b.p("", "Body Plain")
    B.field(paragraph, 'TOC \\o "1-3" \\h \\z \\u', t["contents.placeholder"])


def chapter_introduction(b: Builder) -> None:
    t = b.t
    b.h(1, t["intro"])
    for text in t["intro.paragraphs"]:
        b.p(text)
    b.items("report.standards", t["intro.standard"])
    b.tag("{%p if report.other_references %}")
    b.p(t["intro.other_references"])
    b.tag("{%p endif %}")
    b.chapter_pictures("introduction", 1)


def chapter_company(b: Builder) -> None:
    t = b.t
    b.h(1, t["company"])
    b.h(2, t["company.introduction"])
    b.tag("{%p for paragraph in company.introduction %}")
    b.p("{{ paragraph }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for paragraph in company.site %}")
    b.p("{{ paragraph }}")
    b.tag("{%p endfor %}")
    b.pictures("company.site_images", 2)
    b.h(2, t["company.products"])
    b.tag("{%p for product in products %}")
    b.p(t["company.product"])
    b.pictures("product.images", 2)
    b.tag("{%p endfor %}")
    b.tag("{%p if company.process_steps %}")
    b.h(2, t["company.process"])
    b.p(t["company.process_intro"])
    b.items("company.process_steps", t["company.process_step"])
    b.block("company.flow")
    b.caption("figure", 2, t["company.flow.caption"])
    b.tag("{%p for step in company.process_steps %}")
    b.pictures("step.images", 2)
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p if company.equipment %}")
    b.h(2, t["company.equipment"])
    b.caption("table", 2, t["company.equipment"])
    b.table(t["company.equipment.widths"], [
        ("head", t["company.equipment.head"]),
        ("tag", "{%tr for item in company.equipment %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.model }}", "l"),
                 ("{{ item.code }}", "l"), ("{{ item.quantity }}", "r"), ("{{ item.manufacturer }}", "l"),
                 ("{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if company.annual_output %}")
    b.h(2, t["company.output"])
    b.p(t["company.output_intro"])
    b.caption("table", 2, t["company.output.caption"])
    b.table(t["company.output.widths"], [
        ("head", t["company.output.head"]),
        ("tag", "{%tr for item in company.annual_output %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.value }}", "r"), ("{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.chapter_pictures("company", 2)
