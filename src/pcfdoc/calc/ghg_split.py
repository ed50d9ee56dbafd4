"""The ISO 14067 split of emissions: fossil, biogenic, direct land-use change and aircraft, per stage."""

from __future__ import annotations

from collections.abc import Sequence

from .results import GHG_CATEGORIES, GhgSplit, LineResult


def ghg_breakdown(lines: Sequence[LineResult], stage_ids: Sequence[str]) -> tuple[GhgSplit, ...]:
    """kg CO2e per category: the product first (id "total"), then each stage."""
    def split(split_id: str, selected: list[LineResult]) -> GhgSplit:
        sums = {category: sum((line.kgco2e for line in selected if line.category == category), 0.0)
                for category in GHG_CATEGORIES}
        return GhgSplit(split_id, **sums)

    return (split("total", list(lines)),
            *(split(stage, [line for line in lines if line.stage == stage]) for stage in stage_ids))
