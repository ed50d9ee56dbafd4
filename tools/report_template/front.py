"""Cover, information table, abstract, contents, chapters 1 (PCF introduction) and 2 (company)."""

from __future__ import annotations

import docx_build as B

from .builder import Builder


def cover(b: Builder) -> None:
    t = b.t
    b.p("{{ company.name }}", "Cover Company")
    b.p("{{ report.title }}", "Title")
    b.p(t["cover.number"], "Cover Line")
    b.p_if("not report.self_declared", t["cover.client"], "Cover Line")
    b.p(t["cover.assessor"], "Cover Line")
    b.p(t["cover.date"], "Cover Line")


def information(b: Builder) -> None:
    t = b.t
    b.h(1, t["info"], numbered=False)
    left, right = t["info.widths"]
    key = t["info.keys"]
    def optional(condition: str, label: str, value: str) -> list[tuple]:
        """A row the table leaves out when the fact is not given (never a dash for it)."""
        return [("tag", f"{{%tr if {condition} %}}"), ("row", [(label, "l"), (value, "l")]),
                ("tag", "{%tr endif %}")]

    rows = [
        *optional("not report.self_declared", key["client"], "{{ report.client }}"),
        *optional("report.commissioned", key["company"], "{{ company.name }}"),
        *optional("report.self_declared", key["company"], "{{ company.name }}"),
        *optional("company.credit_code", key["credit_code"], "{{ company.credit_code }}"),
        ("row", [(key["address"], "l"), ("{{ company.address }}", "l")]),
        ("row", [(key["legal_representative"], "l"), ("{{ company.legal_representative }}", "l")]),
        *optional("company.registered_capital", key["registered_capital"],
                  "{{ company.registered_capital }}"),
        ("row", [(key["contact"], "l"), (t["info.contact"], "l")]),
    ]
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
    )]
    rows += [
        ("row", [("{{ report.assessor_label }}", "l"), ("{{ report.assessor }}", "l")]),
        ("row", [(key["issue_date"], "l"), ("{{ report.issue_date }}", "l")]),
    ]
    b.table([left, right], rows, header=False)
    sign_off(b)
    revision_history(b)


def sign_off(b: Builder) -> None:
    """编制 / 审核 / 批准 with name, role, certificate, room to sign and the date; then room for the seal.

    The signature and seal cells hold {{ item.signature }} and {{ signoff.seal }}: the pictures the
    spec gives (report.people[].signature, report.seal), or nothing, for a pen and a stamp."""
    t = b.t
    b.h(2, t["signoff"], numbered=False, new_page=True)  # the sign-off page: signatures, seal, versions
    b.table(t["signoff.widths"], [
        ("head", t["signoff.head"]),
        ("tag", "{%tr for item in signoff.rows %}"),
        ("row", [("{{ item.duty }}", "c"), ("{{ item.name }}", "l"), ("{{ item.role }}", "l"),
                 ("{{ item.certificate }}", "l"), ("{{ item.signature }}", "c"), ("{{ item.date }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ], row_height=1.1)
    b.table(t["signoff.seal_widths"], [
        ("row", [("{{ signoff.seal_label }}", "l"), ("{{ signoff.seal }}", "c")]),
    ], header=False, row_height=3.2)


def revision_history(b: Builder) -> None:
    """The report's versions as the spec states them (or, when it asks, the spec's git commits)."""
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
    b.tag("{%p if report.self_declared %}")
    b.p(t["abstract.self_declared"])
    b.tag("{%p else %}")
    b.p(t["abstract.commissioned"])
    b.tag("{%p endif %}")
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
    b.p_if("report.other_references", t["intro.other_references"])
    b.p_if("disclosures.product_rules is not none", t["intro.product_rules"])
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
                 ("{{ item.code }}", "l"), ("{{ item.quantity }}", "r"), ("{{ item.manufacturer }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    remarks(b, "company.equipment")
    b.tag("{%p endif %}")
    b.tag("{%p if company.annual_output %}")
    b.h(2, t["company.output"])
    b.p(t["company.output_intro"])
    b.caption("table", 2, t["company.output.caption"])
    # The output value column only when a value is given (economic allocation needs it).
    b.tag("{%p if company.output_values %}")
    b.table(t["company.output.widths"], [
        ("head", t["company.output.head"]),
        ("tag", "{%tr for item in company.annual_output %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.value }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
    b.tag("{%p else %}")
    widths = t["company.output.widths"]
    b.table([*widths[:3], widths[3] + widths[4]], [
        ("head", t["company.output.head"][:4]),
        ("tag", "{%tr for item in company.annual_output %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
    b.tag("{%p endif %}")
    remarks(b, "company.annual_output")
    b.tag("{%p endif %}")
    b.chapter_pictures("company", 2)


def remarks(b: Builder, rows: str) -> None:
    """The remarks of a table's rows, under it: a column of remarks would stand mostly empty."""
    b.tag(f"{{%p for item in {rows} if item.note %}}")
    b.p(b.t["table.remark"], "Table Note")
    b.tag("{%p endfor %}")
