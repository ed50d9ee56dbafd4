"""Checks that need the calculated results: cut-off limits on estimated emissions, pedigree
scores that silently fall back on pcfdoc's defaults, and the reporting checklist's items the
spec leaves unsaid. They run after the calculation.
"""

from __future__ import annotations

from ..calc.results import PEDIGREE_INDICATORS, ProductResult, Results
from ..spec.schema import Node
from ..vocab.catalogue import DATA_TYPES
from .checklist import checklist_findings
from .context import Finding, Findings


def result_findings(spec: Node, results: Results) -> list[Finding]:
    """What needs the calculated lines: cut-off limits on estimates, silent default scores,
    checklist items left unsaid."""
    out = Findings()
    for index, (product, result) in enumerate(zip(spec.products, results.products, strict=True)):
        _cutoff_estimates(out, spec.cutoff, index, product, result)
        _default_scores(out, index, result)
    _unused_temporal_defaults(out, spec)
    out.extend(checklist_findings(spec, results))
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


def _default_scores(out: Findings, index: int, result: ProductResult) -> None:
    """Defaults are stated, never silent: name sources that fall back on pcfdoc's own scores."""
    for data_type in DATA_TYPES:
        users: list[str] = []
        used: set[str] = set()
        for line in result.lines:
            if line.data_type != data_type or "pcfdoc" not in line.quality.origins:
                continue
            users.append(line.id)
            used |= {i for i, origin in zip(PEDIGREE_INDICATORS, line.quality.origins, strict=True)
                     if origin == "pcfdoc"}
        if users:
            shown = ", ".join(i for i in PEDIGREE_INDICATORS if i in used)
            out.warn(("products", index),
                     f"{len(users)} {data_type}-data line(s) ({_some(users)}) lack pedigree scores ({shown}) "
                     "and take pcfdoc's cautious defaults for their origins; score them (quality = { ... }) "
                     f"or state the defaults under [data_quality.{data_type}]")


def _unused_temporal_defaults(out: Findings, spec: Node) -> None:
    """A stated temporal default no longer applies: the factor's year decides (issue 16)."""
    for data_type in DATA_TYPES:
        stated = getattr(spec.data_quality, data_type)
        if stated is not None and stated.temporal is not None:
            out.warn(("data_quality", data_type, "temporal"),
                     "a default temporal score is no longer used: each line's temporal score follows its "
                     "factor's year (5, age unknown, for a factor without one); remove it and give the "
                     "factors a year, or score the lines")


def _some(ids: list[str], shown: int = 3) -> str:
    return ", ".join(ids[:shown]) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")
