"""Beyond the total: ISO 14067 split, cut-off, data quality, sensitivity, uncertainty.

Each part reads a product's calculated lines and adds a result; none changes
the total. Pure, like the rest of the calculation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .derive import mass_share
from .quality import product_quality
from .results import (
    GHG_CATEGORIES,
    Cutoff,
    CutoffLine,
    GhgSplit,
    LineResult,
    ProductResult,
)
from .schema import Node
from .sensitivity import one_at_a_time
from .uncertainty import monte_carlo


def analyse(spec: Node, result: ProductResult, excluded: Sequence[LineResult],
            factors: Mapping[str, Node]) -> ProductResult:
    settings = spec.uncertainty
    stage_ids = [stage.id for stage in result.stages]
    return dataclasses.replace(
        result,
        ghg_breakdown=ghg_breakdown(result.lines, stage_ids),
        cutoff=cutoff(spec.cutoff, result, excluded),
        data_quality=product_quality(result.lines, result.primary_share),
        sensitivity=one_at_a_time(result.lines, result.total_kgco2e, settings.sensitivity_pct / 100.0,
                                  {factor_id: factor.name for factor_id, factor in factors.items()}),
        uncertainty=monte_carlo(result.lines, stage_ids, settings.iterations, settings.seed),
    )


def ghg_breakdown(lines: Sequence[LineResult], stage_ids: Sequence[str]) -> tuple[GhgSplit, ...]:
    """kg CO2e per category: the product first (id "total"), then each stage."""
    def split(split_id: str, selected: list[LineResult]) -> GhgSplit:
        sums = {category: sum((line.kgco2e for line in selected if line.category == category), 0.0)
                for category in GHG_CATEGORIES}
        return GhgSplit(split_id, **sums)

    return (split("total", list(lines)),
            *(split(stage, [line for line in lines if line.stage == stage]) for stage in stage_ids))


def cutoff(criteria: Node, result: ProductResult, excluded: Sequence[LineResult]) -> Cutoff:
    """Raw-material inputs below the mass threshold, and the lines the spec cuts off."""
    excluded_kg = sum((line.kgco2e for line in excluded), 0.0)
    whole = result.total_kgco2e + excluded_kg

    excluded_ids = {line.id for line in excluded}
    rows = []
    for line in (*result.lines, *excluded):
        share = mass_share(line.amount, line.unit, result.mass_kg)
        is_excluded = line.id in excluded_ids
        below = (share is not None and line.stage == "raw_material" and line.kind == "inventory"
                 and share * 100.0 < criteria.mass_threshold_pct)
        if is_excluded or below:
            rows.append(CutoffLine(line.id, line.name, line.stage, share, line.kgco2e,
                                   line.kgco2e / whole if whole else 0.0, is_excluded))
    excluded_mass = sum((row.mass_share or 0.0 for row in rows if row.excluded), 0.0)
    emission_share = excluded_kg / whole if whole else 0.0
    limit = criteria.total_threshold_pct / 100.0
    return Cutoff(
        lines=tuple(rows),
        excluded_mass_share=excluded_mass,
        excluded_emission_share=emission_share,
        excluded_kgco2e=excluded_kg,
        within_limit=excluded_mass <= limit and emission_share <= limit,
    )
