"""Checks of what goes beyond the inventory: cut-off, scenarios, stated defaults.

Most run before the calculation, with the other meaning checks. Cut-off limits
on estimated emissions need the calculated estimates, so
:func:`result_findings` runs after it.
"""

from __future__ import annotations

from .catalogue import FREIGHT_UNIT, STAGE_IDS
from .check_context import CheckContext, Finding, Findings, present, unique
from .derive import AnnualBasis, amount_per_functional_unit, mass_share, product_mass_kg
from .errors import SpecPath
from .quality import DEFAULT_SCORES
from .results import PEDIGREE_INDICATORS, ProductResult, Results
from .scenarios import APPLICABLE, CHANGE_KEYS, find_line, lines_of, touches
from .schema import Node
from .units import is_mass

KIND_WORDS = {"inventory": "inventory line", "transport": "transport leg", "destination": "destination"}


def check_cutoff(ctx: CheckContext, index: int, product: Node, scale: float | None,
                 basis: AnnualBasis | None) -> None:
    """Lines marked excluded: each below the mass threshold, together below the total, not carried."""
    cutoff = ctx.spec.cutoff
    excluded = [(i, line) for i, line in present(product.inventory) if line.excluded]
    if cutoff is None or not excluded:
        return
    path: SpecPath = ("products", index)
    product_mass = product_mass_kg(product)
    total_pct = 0.0
    for i, line in excluded:
        if scale is None or (line.annual_total and basis is None):
            continue
        share = mass_share(amount_per_functional_unit(line, scale, basis), line.unit, product_mass)
        if share is None:
            continue  # not a mass: judged on its estimated emission once calculated
        mass_pct = 100.0 * share
        total_pct += mass_pct
        if mass_pct >= cutoff.mass_threshold_pct:
            ctx.out.error(path + ("inventory", i, "excluded"),
                          f"{line.name} is {mass_pct:.3g} % of the product mass, not below the "
                          f"{cutoff.mass_threshold_pct:g} % cut-off threshold; count it (remove "
                          "excluded = true)")
    if total_pct > cutoff.total_threshold_pct:
        names = ", ".join(line.id for _, line in excluded)
        ctx.out.error(path, f"the lines cut off ({names}) are {total_pct:.3g} % of the product mass "
                            f"together, above the {cutoff.total_threshold_pct:g} % allowed; count some "
                            "of them")
    excluded_ids = {line.id for _, line in excluded}
    for i, leg in present(product.transport):
        if leg.carries in excluded_ids:
            ctx.out.error(path + ("transport", i, "carries"),
                          f"line {leg.carries!r} is cut off (excluded = true) but this leg carries it; "
                          "cut off both or count both")


def check_scenarios(ctx: CheckContext) -> None:
    spec = ctx.spec
    products = [product for _, product in present(spec.products)]
    scenarios = present(spec.scenarios)
    unique(ctx.out, [("scenarios", i, "id") for i, _ in scenarios], [s.id for _, s in scenarios],
           "scenario id")
    for index, scenario in scenarios:
        path: SpecPath = ("scenarios", index)
        scope = products
        if scenario.product is not None:
            scope = [p for p in products if p.id == scenario.product]
            if not scope:
                ctx.unknown(path + ("product",), "product", scenario.product, [p.id for p in products],
                            "use an id from [[products]]")
                continue
        seen: set[str] = set()
        for c, change in present(scenario.changes):
            change_path = path + ("changes", c)
            if change.line in seen:
                ctx.out.error(change_path + ("line",), f"line {change.line!r} is changed twice in this "
                                                       "scenario; merge the changes")
            seen.add(change.line)
            found = [(p, hit) for p in scope if (hit := find_line(p, change.line)) is not None]
            if not found:
                known = [item.id for p in scope for _, item in lines_of(p)]
                ctx.unknown(change_path + ("line",), "line", change.line, known,
                            "name an inventory line, transport leg or destination")
            for product, (kind, item) in found:
                _check_change(ctx, change_path, change, kind, item, product)


def _check_change(ctx: CheckContext, path: SpecPath, change: Node, kind: str, item: Node,
                  product: Node) -> None:
    for key in CHANGE_KEYS:
        if getattr(change, key) is not None and key not in APPLICABLE[kind]:
            ctx.out.error(path + (key,), f"{key} does not apply to {change.line!r}, a {KIND_WORDS[kind]}; "
                                         f"it takes {', '.join(APPLICABLE[kind])}")
    if kind == "inventory" and item.excluded:
        ctx.out.error(path + ("line",), f"line {change.line!r} is cut off (excluded = true); a scenario "
                                        "cannot change it")
    if change.factor is not None:
        factor = ctx.factor(path + ("factor",), change.factor)
        if factor is not None:
            ctx.factor_fits(path + ("factor",), item.unit if kind == "inventory" else FREIGHT_UNIT, factor)


def check_improvement_links(ctx: CheckContext) -> None:
    """Measures may name a scenario; it must exist and change a product the measure applies to."""
    scenarios = {scenario.id: scenario for _, scenario in present(ctx.spec.scenarios)}
    products = [product for _, product in present(ctx.spec.products)]
    excluded = {line.id for p in products for _, line in present(p.inventory) if line.excluded}
    for index, measure in present(ctx.spec.improvements):
        path: SpecPath = ("improvements", index)
        for t, target in enumerate(measure.targets):
            if target in excluded and target not in STAGE_IDS:
                ctx.out.error(path + ("targets", t), f"line {target!r} is cut off (excluded = true); "
                                                     "a measure cannot target it")
        if measure.scenario is None:
            continue
        scenario = scenarios.get(measure.scenario)
        if scenario is None:
            ctx.unknown(path + ("scenario",), "scenario", measure.scenario, scenarios,
                        "use an id from [[scenarios]]")
            continue
        scope = [p for p in products if measure.product in (None, p.id)]
        if not any(touches(scenario, p) for p in scope):
            ctx.out.error(path + ("scenario",), f"scenario {measure.scenario!r} changes no product this "
                                                "measure applies to")


def result_findings(spec: Node, results: Results) -> list[Finding]:
    """What needs the calculated lines: cut-off limits on estimates, silent default scores."""
    out = Findings()
    for index, (product, result) in enumerate(zip(spec.products, results.products, strict=True)):
        _cutoff_estimates(out, spec.cutoff, index, product, result)
        _default_scores(out, spec, index, result)
    return list(out)


def _cutoff_estimates(out: Findings, cutoff: Node, index: int, product: Node, result: ProductResult) -> None:
    lines = {line.id: i for i, line in enumerate(product.inventory)}
    for row in result.cutoff.lines:
        judged_by_emission = row.excluded and row.mass_share is None
        if judged_by_emission and row.emission_share * 100 >= cutoff.mass_threshold_pct:
            out.error(("products", index, "inventory", lines[row.id], "excluded"),
                      f"{row.name} is not a mass of known share, and its estimated emission is "
                      f"{row.emission_share:.3%} of the product's, not below the "
                      f"{cutoff.mass_threshold_pct:g} % cut-off threshold; count it (remove excluded)")
    share = result.cutoff.excluded_emission_share
    if share * 100 > cutoff.total_threshold_pct:
        out.error(("products", index), f"the lines cut off are estimated at {share:.3%} of the product's "
                                       f"emissions, above the {cutoff.total_threshold_pct:g} % allowed "
                                       "(cutoff.total_threshold_pct); count the largest of them")


def _default_scores(out: Findings, spec: Node, index: int, result: ProductResult) -> None:
    """Defaults are stated, never silent: name sources that fall back on pcfdoc's own scores."""
    for data_type, scores in DEFAULT_SCORES.items():
        stated = getattr(spec.data_quality, data_type)
        silent = [i for i in PEDIGREE_INDICATORS if getattr(stated, i) is None]
        users: dict[str, None] = {}
        used: set[str] = set()
        for line in result.lines:
            if line.data_type != data_type:
                continue
            defaulted = {i for i in silent if line.quality.origins[PEDIGREE_INDICATORS.index(i)] == "default"}
            if defaulted:
                users[line.id] = None
                used |= defaulted
        if users:
            shown = ", ".join(f"{i} = {scores[i]}" for i in PEDIGREE_INDICATORS if i in used)
            out.warn(("products", index),
                     f"{len(users)} {data_type}-data line(s) ({_some(list(users))}) lack pedigree scores "
                     f"and take pcfdoc's defaults ({shown}); score them (quality = {{ ... }}) or state the "
                     f"defaults under [data_quality.{data_type}]")


def _some(ids: list[str], shown: int = 3) -> str:
    return ", ".join(ids[:shown]) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def check_variants(ctx: CheckContext) -> None:
    """Each model names a base product (or there is only one) and only that product's lines."""
    products = [product for _, product in present(ctx.spec.products)]
    variants = present(ctx.spec.variants)
    unique(ctx.out, [("variants", i, "id") for i, _ in variants], [v.id for _, v in variants], "variant id")
    for index, variant in variants:
        path: SpecPath = ("variants", index)
        if variant.product is None and len(products) > 1:
            ctx.out.error(path, 'the spec has several products; name the base with product = "..."')
            continue
        base = products[0] if variant.product is None else next(
            (p for p in products if p.id == variant.product), None)
        if base is None:
            ctx.unknown(path + ("product",), "product", variant.product, [p.id for p in products],
                        "use an id from [[products]]")
            continue
        lines = [line.id for _, line in present(base.inventory)]
        for line_id in variant.amounts:
            if line_id not in lines:
                ctx.unknown(path + ("amounts", line_id), "inventory line", line_id, lines,
                            f"name an inventory line of {base.id!r}")
        mass = variant.mass_per_unit
        if mass is not None and not is_mass(mass.unit):
            ctx.out.error(path + ("mass_per_unit", "unit"), f"{mass.unit} is not a mass; write kg or t")
