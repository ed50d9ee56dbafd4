"""Chapter 5: calculation, results per product, data quality, uncertainty, sensitivity, scenarios."""

from __future__ import annotations

from .builder import SMALL_NUMBER, Builder


def chapter_calculation(b: Builder) -> None:
    t = b.t
    b.h(1, t["calc"])
    b.h(2, t["calc.method"])
    b.p(t["calc.formula_intro"])
    b.p("CFP = Σᵢ Σⱼ Aᵢ × EFᵢⱼ × GWPⱼ", "Formula")
    b.p(t["calc.formula_terms"])
    b.tag("{%p for product in products %}")
    b.h(2, t["calc.product"])
    b.p(t["calc.table_intro"])
    b.caption("table", 5, t["calc.table.caption"])
    blank = ("", "r"), ("", "c"), ("", "r"), ("", "c")  # activity, unit, factor, factor unit
    # eight columns in 15 cm: a freight factor's unit may wrap after its slash here (in the factor
    # table it has the room to stay on one line)
    b.table(t["calc.table.widths"], [
        ("head", t["calc.table.head"]),
        ("tag", "{%tr for stage in product.stages %}"),
        ("row", [("", "c"), ("{{ stage.name }}", "l"), *blank, ("{{ stage.value }}", "r"),
                 ("{{ stage.share }}", "r")], True),
        ("tag", "{%tr for item in stage.lines %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.factor }}", "r"), ("{{ item.factor_unit }}", "c"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("tag", "{%tr endfor %}"),
        ("row", [("", "c"), (t["total"], "l"), *blank, ("{{ product.total }}", "r"),
                 ("{{ product.total_share }}", "r")], True),
    ], compact=True, samples={2: SMALL_NUMBER})
    b.p(t["calc.stages_intro"])
    b.caption("table", 5, t["calc.stages.caption"])
    b.table(t["calc.stages.widths"], [
        ("head", t["calc.stages.head"]),
        ("tag", "{%tr for item in product.stages %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.value }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [(t["total"], "l"), ("{{ product.total }}", "r"), ("{{ product.total_share }}", "r")], True),
    ], together=True)
    b.figure("product.stage_chart")
    b.caption("figure", 5, t["calc.stage_chart.caption"])
    b.p(t["calc.hotspots_intro"])
    b.caption("table", 5, t["calc.hotspots.caption"])
    b.table(t["calc.hotspots.widths"], [
        ("head", t["calc.hotspots.head"]),
        ("tag", "{%tr for item in product.hotspots %}"),
        ("row", [("{{ item.rank }}", "c"), ("{{ item.name }}", "l"), ("{{ item.stage }}", "l"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.figure("product.hotspot_chart")
    b.caption("figure", 5, t["calc.hotspots.caption"])
    b.tag("{%p if product.gases %}")
    b.p(t["calc.gases_intro"])
    b.caption("table", 5, t["calc.gases.caption"])
    b.table(t["calc.gases.widths"], [
        ("head", t["calc.gases.head"]),
        ("tag", "{%tr for item in product.gases %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.mass }}", "r"), ("{{ item.gwp }}", "r"),
                 ("{{ item.co2e }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.p(t["calc.ghg_intro"])
    b.caption("table", 5, t["calc.ghg.caption"])
    b.table(t["calc.ghg.widths"], [
        ("head", t["calc.ghg.head"]),
        ("tag", "{%tr for item in product.ghg.rows %}"),
        ("row", [("{{ item.name }}", "l")] + [(f"{{{{ item.amounts[{i}] }}}}", "r") for i in range(4)]
         + [("{{ item.total }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [(t["total"], "l")] + [(f"{{{{ product.ghg.total.amounts[{i}] }}}}", "r") for i in range(4)]
         + [("{{ product.ghg.total.total }}", "r")], True),
    ], together=True)
    b.tag("{%p endfor %}")

    data_quality(b)
    uncertainty(b)
    sensitivity(b)
    scenarios(b)
    b.chapter_pictures("calculation", 5)


def data_quality(b: Builder) -> None:
    t = b.t
    b.h(2, t["quality"])
    b.p(t["quality.intro"])
    b.tag("{%p for product in products %}")
    b.caption("table", 5, t["quality.caption"])
    b.table(t["quality.widths"], [
        ("head", t["quality.head"]),
        ("tag", "{%tr for item in product.quality.rows %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l")]
         + [(f"{{{{ item.scores[{i}] }}}}", "c") for i in range(5)]
         + [("{{ item.dqr }}", "r"), ("{{ item.data_type }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ], compact=True)
    b.p_if("product.quality.has_default or product.quality.has_derived", t["quality.note"], "Table Note")
    b.p(t["quality.summary"])
    b.tag("{%p endfor %}")
    b.p_if("notes.data_quality", "{{ notes.data_quality }}")


def uncertainty(b: Builder) -> None:
    """The Monte Carlo simulation, or a discussion in words: only the analysis the study did."""
    t = b.t
    b.h(2, t["uncertainty"])
    b.tag("{%p if analysis.monte_carlo %}")
    monte_carlo(b)
    b.tag("{%p else %}")
    b.p(t["uncertainty.qualitative_intro"])
    b.p_if("analysis.discussion", "{{ analysis.discussion }}")
    b.tag("{%p for product in products %}")
    b.p_if("product.qualitative", t["uncertainty.qualitative"])
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def monte_carlo(b: Builder) -> None:
    t = b.t
    b.p(t["uncertainty.method"])
    b.p(t["uncertainty.formula"], "Formula")
    b.p(t["uncertainty.terms"])
    b.tag("{%p for product in products %}")
    b.p(t["uncertainty.result"])
    b.caption("table", 5, t["uncertainty.caption"])
    total = "product.uncertainty.total"
    b.table(t["uncertainty.widths"], [
        ("head", t["uncertainty.head"]),
        ("tag", "{%tr for item in product.uncertainty.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.value }}", "r"), ("{{ item.mean }}", "r"),
                 ("{{ item.p50 }}", "r"), ("{{ item.p2_5 }}", "r"), ("{{ item.p97_5 }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [(t["total"], "l"), (f"{{{{ {total}.value }}}}", "r"), (f"{{{{ {total}.mean }}}}", "r"),
                 (f"{{{{ {total}.p50 }}}}", "r"), (f"{{{{ {total}.p2_5 }}}}", "r"),
                 (f"{{{{ {total}.p97_5 }}}}", "r")], True),
    ], together=True)
    b.figure("product.uncertainty.histogram")
    b.caption("figure", 5, t["uncertainty.histogram.caption"])
    b.tag("{%p if product.uncertainty.variance %}")
    b.p(t["uncertainty.variance_intro"])
    b.caption("table", 5, t["uncertainty.variance.caption"])
    b.table(t["uncertainty.variance.widths"], [
        ("head", t["uncertainty.variance.head"]),
        ("tag", "{%tr for item in product.uncertainty.variance %}"),
        ("row", [("{{ item.rank }}", "c"), ("{{ item.name }}", "l"), ("{{ item.stage }}", "l"),
                 ("{{ item.gsd }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    # The author's words on the uncertainty complement the simulation.
    b.p_if("analysis.discussion", "{{ analysis.discussion }}")


def sensitivity(b: Builder) -> None:
    """Only when the study did it: no heading, tornado or table otherwise."""
    t = b.t
    b.tag("{%p if analysis.sensitivity %}")
    b.h(2, t["sensitivity"])
    b.p(t["sensitivity.method"])
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.sensitivity.rows %}")
    b.p(t["sensitivity.result"])
    b.figure("product.sensitivity.chart")
    b.caption("figure", 5, t["sensitivity.chart.caption"])
    b.caption("table", 5, t["sensitivity.caption"])
    b.table(t["sensitivity.widths"], [
        ("head", t["sensitivity.head"]),
        ("tag", "{%tr for item in product.sensitivity.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.kind }}", "c"), ("{{ item.low }}", "r"),
                 ("{{ item.high }}", "r"), ("{{ item.swing }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p else %}")
    b.p(t["sensitivity.none"])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def scenarios(b: Builder) -> None:
    t = b.t
    b.tag("{%p if analysis.has_scenarios %}")
    b.h(2, t["scenarios"])
    b.p(t["scenarios.method"])
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.scenarios.rows %}")
    b.p(t["scenarios.intro"])
    b.items("product.scenarios.descriptions", t["scenarios.item"])
    b.caption("table", 5, t["scenarios.caption"])
    b.table(t["scenarios.widths"], [
        ("head", t["scenarios.head"]),
        ("tag", "{%tr for item in product.scenarios.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.total }}", "r"), ("{{ item.change }}", "r"),
                 ("{{ item.change_pct }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ], together=True)
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
