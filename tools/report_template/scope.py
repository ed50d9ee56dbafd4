"""Chapters 3 (goal and scope) and 4 (data collection)."""

from __future__ import annotations

from .builder import FREIGHT_FACTOR_UNIT, Builder


def chapter_scope(b: Builder) -> None:
    t = b.t
    b.h(1, t["scope"])
    b.h(2, t["scope.purpose"])
    b.p("{{ report.purpose }}")
    b.list_if("report.audience", t["scope.audience"])
    # The comparison disclaimer where the spec says the results are not for comparison.
    b.tag("{%p if disclosures.comparative == false %}")
    b.p(t["scope.not_comparative"])
    b.tag("{%p elif disclosures.comparative %}")
    b.p(t["scope.comparative"])
    b.tag("{%p else %}")
    b.p(t["scope.validity"])
    b.tag("{%p endif %}")

    b.h(2, t["scope.fu"])
    b.tag("{%p for product in products %}")
    b.p(t["scope.fu_text"])
    b.p_if("product.carbon", t["scope.carbon"])
    b.tag("{%p endfor %}")

    b.h(2, t["scope.boundary"])
    b.p(t["scope.boundary_text"])
    b.block("boundary.diagram")
    b.caption("figure", 3, t["scope.boundary"])
    b.pictures("boundary.images", 3)
    b.caption("table", 3, t["scope.processes.caption"])
    b.table(t["scope.processes.widths"], [
        ("head", t["scope.processes.head"]),
        ("tag", "{%tr for item in boundary.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.included }}", "c"), ("{{ item.processes_in }}", "l"),
                 ("{{ item.processes_out }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
    b.tag("{%p if boundary.exclusions %}")
    b.p(t["scope.exclusions"])
    b.items("boundary.exclusions", t["scope.exclusion"])
    b.tag("{%p endif %}")
    boundary_disclosures(b)

    b.h(2, t["scope.allocation"])
    b.p(t["scope.allocation_text"])
    b.p_if("allocation.rationale", "{{ allocation.rationale }}")
    b.tag("{%p if allocation.rows %}")
    b.caption("table", 3, t["scope.allocation.caption"])
    b.table(t["scope.allocation.widths"], [
        ("head", t["scope.allocation.head"]),
        ("tag", "{%tr for item in allocation.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.amount }}", "r"), ("{{ item.unit }}", "c"),
                 ("{{ item.basis }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")

    cutoff(b)

    b.h(2, t["scope.impact"])
    b.p(t["scope.impact_text"])
    b.caption("table", 3, t["scope.gwp.caption"])
    b.table([4.5, 4.5, 4.0], [
        ("head", t["scope.gwp.head"]),
        ("tag", "{%tr for item in gwp.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.formula }}", "c"), ("{{ item.value }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])

    b.p(t["scope.offsets"])

    b.h(2, t["scope.data"])
    b.p(t["scope.data_sources"])
    b.tag("{%p if disclosures.electricity.buys and (disclosures.electricity.factors or "
          "disclosures.electricity.text) %}")
    b.p(t["scope.electricity"])
    b.tag("{%p endif %}")
    b.p(t["scope.data_requirements"])
    for number, text in enumerate(t["scope.data_requirement_items"], 1):
        b.p(b.numbered(number, text))
    b.p(t["scope.pedigree"])
    b.p(t["scope.pedigree_defaults"])
    b.tag("{%p if analysis.defaults %}")  # a study whose data give every score has no defaults to list
    b.caption("table", 3, t["scope.defaults.caption"])
    b.table([5.5, 1.9, 1.9, 1.9, 1.9, 1.9], [
        ("head", [t["scope.defaults.type"], *t["scope.defaults.indicators"]]),
        ("tag", "{%tr for item in analysis.defaults %}"),
        ("row", [("{{ item.type }}", "l")] + [(f"{{{{ item.scores[{i}] }}}}", "c") for i in range(5)]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    # Last in the chapter, so that the sections before it keep their numbers.
    b.tag("{%p if disclosures.review %}")
    b.h(2, t["scope.review"])
    b.p(t["scope.review_text"])
    b.tag("{%p endif %}")
    b.chapter_pictures("scope", 3)


def boundary_disclosures(b: Builder) -> None:
    """After the processes table: the stages left out and why, the use and end-of-life scenarios,
    and whether each product's packaging is counted."""
    t = b.t
    b.tag("{%p if boundary.outside_reasons %}")
    b.p(t["scope.outside"])
    b.items("boundary.outside_reasons", t["scope.outside_reason"])
    b.tag("{%p endif %}")
    b.p_if("disclosures.use_profile", t["scope.use_profile"])
    b.p_if("disclosures.end_of_life", t["scope.end_of_life"])
    b.tag("{%p for product in products if product.packaging %}")
    b.p(t["scope.packaging"])
    b.tag("{%p endfor %}")


def cutoff(b: Builder) -> None:
    t = b.t
    b.h(2, t["cutoff"])
    b.p(t["cutoff.intro"])
    b.p(b.numbered(1, t["cutoff.mass_rule"]))
    b.p(b.numbered(2, t["cutoff.total_rule"]))
    b.tag("{%p for rule in cutoff.rules %}")
    b.p(b.numbered("{{ loop.index + 2 }}", "{{ rule }}"))
    b.tag("{%p endfor %}")
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.cutoff.rows %}")
    b.p(t["cutoff.table_intro"])
    b.caption("table", 3, t["cutoff.caption"])
    b.table(t["cutoff.widths"], [
        ("head", t["cutoff.head"]),
        ("tag", "{%tr for item in product.cutoff.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.stage }}", "l"), ("{{ item.mass_share }}", "r"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r"), ("{{ item.treatment }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.p(t["cutoff.note"], "Table Note")
    b.tag("{%p for item in product.cutoff.details %}")
    b.p(t["cutoff.detail"], "Table Note")
    b.tag("{%p endfor %}")
    b.p(t["cutoff.summary"])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def chapter_data(b: Builder) -> None:
    t = b.t
    b.h(1, t["data"])
    b.h(2, t["data.method"])
    b.tag("{%p if method.data_collection %}")
    b.p("{{ method.data_collection }}")
    b.tag("{%p else %}")
    b.p(t["data.method_text"])
    b.tag("{%p endif %}")
    b.tag("{%p for product in products %}")
    b.h(2, t["data.product"])
    b.p(t["data.product_intro"])
    b.block("product.process_map")
    b.caption("figure", 4, t["data.process_map.caption"])
    b.tag("{%p for stage in product.stages %}")
    b.h(3, "{{ stage.name }}")
    b.tag("{%p if stage.inventory %}")
    b.caption("table", 4, t["data.inventory.caption"])
    b.table(t["data.inventory.widths"], [
        ("head", t["data.inventory.head"]),
        ("tag", "{%tr for item in stage.inventory %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.basis }}", "c"), ("{{ item.data_type }}", "c"),
                 ("{{ item.source }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if stage.transport %}")
    b.caption("table", 4, t["data.transport.caption"])
    b.table(t["data.transport.widths"], [
        ("head", t["data.transport.head"]),
        ("tag", "{%tr for item in stage.transport %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.mass }}", "r"),
                 ("{{ item.distance }}", "r"), ("{{ item.mode }}", "c"), ("{{ item.tkm }}", "r"),
                 ("{{ item.source }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if stage.destinations %}")
    b.p(t["data.destinations_intro"])
    b.caption("table", 4, t["data.destinations.caption"])
    b.table(t["data.destinations.widths"], [
        ("head", t["data.destinations.head"]),
        ("tag", "{%tr for item in stage.destinations %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.share }}", "r"),
                 ("{{ item.distance }}", "r"), ("{{ item.mode }}", "c"), ("{{ item.tkm }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p for item in stage.notes %}")
    b.p(t["data.line_note"], "Table Note")
    b.tag("{%p endfor %}")
    b.p_if("not stage.lines", t["data.empty_stage"])
    b.tag("{%p endfor %}")
    b.tag("{%p if product.annual %}")
    b.h(3, t["data.annual"])
    b.p(t["data.annual_intro"])
    b.caption("table", 4, t["data.annual.caption"])
    b.table(t["data.annual.widths"], [
        ("head", t["data.annual.head"]),
        ("tag", "{%tr for item in product.annual %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.total }}", "r"), ("{{ item.share }}", "r"),
                 ("{{ item.output }}", "r"), ("{{ item.per_unit }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.h(2, t["data.factors"])
    b.p(t["data.factors_intro"])
    b.caption("table", 4, t["data.factors"])
    b.table(t["data.factors.widths"], samples={3: FREIGHT_FACTOR_UNIT}, rows=[
        ("head", t["data.factors.head"]),
        ("tag", "{%tr for item in factors.rows %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.value }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.year }}", "c"), ("{{ item.region }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p if declared %}")
    b.p(t["data.declared_intro"])
    b.caption("table", 4, t["data.declared.caption"])
    b.table(t["data.declared.widths"], [
        ("head", t["data.declared.head"]),
        ("tag", "{%tr for item in declared %}"),
        ("row", [("{{ item.product }}", "l"), ("{{ item.name }}", "l"), ("{{ item.value }}", "r"),
                 ("{{ item.unit }}", "c"), (t["data.declared.source"], "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.chapter_pictures("data", 4)

