"""The cut-off table: raw-material inputs below the mass threshold, and the lines the spec cuts off,
each with its mass share and its estimated emission."""

from __future__ import annotations

from collections.abc import Sequence

from ..spec.schema import Node
from .derive import mass_share
from .results import Cutoff, CutoffLine, LineResult, ProductResult


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
