"""Checks that need the calculated results: cut-off limits on estimated emissions, and
pedigree scores that silently fall back on pcfdoc's defaults. They run after the calculation.
"""

from __future__ import annotations

from ..calc.quality import DEFAULT_SCORES
from ..calc.results import PEDIGREE_INDICATORS, ProductResult, Results
from ..spec.schema import Node
from .context import Finding, Findings


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
