"""The analysis part of the render context: cut-off, ISO 14067 split, data quality,
uncertainty, sensitivity and scenarios.

Like the rest of the context it formats and selects what the calculation
produced; it never computes a quantity of its own. Figures are converted to
each product's result unit and printed with the product's decimals, as every
other result of the report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..calc.quality import QUALITY_LEVELS, TEMPORAL_AGE_LIMITS
from ..calc.results import GHG_CATEGORIES, PEDIGREE_INDICATORS, ProductResult
from ..formatting import (
    clause,
    column_number,
    exact,
    in_unit,
    percent,
    plain,
    share_text,
)
from ..spec.schema import Node
from ..spec.texts import stage_names
from . import charts
from .products import Image
from .quality import monte_carlo_view, qualitative_view, quality_view, report_uncertainty

#: Bars of the tornado chart.
SENSITIVITY_COUNT = 10


def report_analysis(spec: Node, results_products: Sequence[ProductResult], words: Mapping) -> dict[str, Any]:
    """Settings and conventions stated once for the whole report (chapters 3 and 5)."""
    settings = spec.uncertainty
    levels = words["quality_level"]
    bands = []
    lower = None
    for level, upper in QUALITY_LEVELS:
        bands.append(words["level_band"].format(level=levels[level], upper=plain(upper))
                     if math.isfinite(upper) else words["level_last"].format(level=levels[level],
                                                                             lower=plain(lower)))
        lower = upper
    ages = [words["temporal_age"].format(limit=limit, score=score)
            for score, limit in enumerate(TEMPORAL_AGE_LIMITS, 1)]
    ages.append(words["temporal_oldest"].format(limit=TEMPORAL_AGE_LIMITS[-1],
                                                score=len(TEMPORAL_AGE_LIMITS) + 1))
    return {
        **report_uncertainty(spec, results_products, words),
        "indicators": [words["indicator"][indicator] for indicator in PEDIGREE_INDICATORS],
        "indicators_text": words["join"](words["in_text"](words["indicator"][indicator])
                                         for indicator in PEDIGREE_INDICATORS),
        "temporal_ages": words["join"](ages),
        "levels_text": words["join"](bands),
        "iterations": plain(settings.iterations),
        "step": exact(settings.sensitivity_pct),
        "has_scenarios": any(product.scenarios for product in results_products),
    }


def product_analysis(spec: Node, result: ProductResult, words: Mapping, image: Image,
                     per_label: str, decimals: int, factor_names: Mapping[str, str] | None = None
                     ) -> dict[str, Any]:
    """One product's analysis tables and charts, its results with the product's ``decimals``; only
    the analyses the study chose (the others are None). ``factor_names``: names of the factors by id,
    for the factors several lines share in the Monte Carlo simulation."""
    unit = result.result_unit
    stage_name = stage_names(spec).__getitem__

    return {
        "cutoff": _cutoff(spec, result, unit, per_label, words, stage_name, decimals),
        "ghg": _ghg(result, unit, stage_name, decimals),
        "quality": quality_view(result, words),
        "uncertainty": monte_carlo_view(result, unit, per_label, words, image, stage_name, decimals,
                                        factor_names or {}),
        "qualitative": qualitative_view(result, words),
        "sensitivity": (_sensitivity(spec, result, unit, per_label, words, image, decimals)
                        if result.analyses.sensitivity else None),
        "scenarios": _scenarios(spec, result, unit, words, decimals),
    }


_share = share_text


def _signed(text: str, value: float) -> str:
    return f"+{text}" if value > 0 and not text.startswith("<") else text


def _cutoff(spec: Node, result: ProductResult, unit: str, per_label: str, words: Mapping,
            stage_name, decimals: int) -> dict[str, Any]:
    cut = result.cutoff
    if cut is None or not cut.lines:
        return {"rows": [], "excluded": False}
    values = [in_unit(line.kgco2e, unit) for line in cut.lines]
    excluded = [line for line in cut.lines if line.excluded]
    # Excluded lines appear in no other table: their source and note are stated here.
    spec_product = next(product for product in spec.products if product.id == result.id)
    written = {line.id: line for line in spec_product.inventory}
    details = [written[line.id] for line in excluded
               if line.id in written and (written[line.id].source or written[line.id].note)]
    known_mass = any(line.mass_share is not None for line in excluded)
    return {
        "rows": [
            {"name": line.name, "stage": stage_name(line.stage),
             "mass_share": (_share(line.mass_share) if line.mass_share is not None
                            else words["not_applicable"]),
             "emission": column_number(value, decimals), "share": _share(line.emission_share),
             "treatment": words["cutoff_treatment"][line.excluded]}
            for line, value in zip(cut.lines, values, strict=True)
        ],
        "excluded": bool(excluded),
        "excluded_names": words["join"](line.name for line in excluded),
        "details": [{"name": line.name, "source": clause(line.source), "note": clause(line.note)}
                    for line in details],
        "mass_share": _share(cut.excluded_mass_share) if known_mass else None,
        "emission": f"{column_number(in_unit(cut.excluded_kgco2e, unit), decimals)} {per_label}",
        "emission_share": _share(cut.excluded_emission_share),
        "within": cut.within_limit,
    }


def _ghg(result: ProductResult, unit: str, stage_name, decimals: int) -> dict[str, Any]:
    """ISO 14067 categories per stage, then the product; each row's total is the calculated one."""
    if not result.ghg_breakdown:
        return {"rows": [], "total": None}
    splits = {split.id: split for split in result.ghg_breakdown}
    rows = [(stage_name(stage.id), splits[stage.id], stage.kgco2e) for stage in result.stages]
    rows.append(("", splits["total"], result.total_kgco2e))
    numbers = [[in_unit(getattr(split, c), unit) for c in GHG_CATEGORIES] + [in_unit(whole, unit)]
               for _, split, whole in rows]
    formatted = [
        {"name": name, "amounts": [column_number(value, decimals) for value in values[:-1]],
         "total": column_number(values[-1], decimals)}
        for (name, _, _), values in zip(rows, numbers, strict=True)
    ]
    return {"rows": formatted[:-1], "total": formatted[-1]}


def _sensitivity(spec: Node, result: ProductResult, unit: str, per_label: str, words: Mapping,
                 image: Image, decimals: int) -> dict[str, Any]:
    chosen = [row for row in result.sensitivity if row.swing != 0][:SENSITIVITY_COUNT]
    if not chosen:
        return {"rows": [], "chart": None}
    lows = [in_unit(row.low_kgco2e, unit) for row in chosen]
    highs = [in_unit(row.high_kgco2e, unit) for row in chosen]
    baseline = in_unit(result.total_kgco2e, unit)
    rows = [
        {"name": row.name,
         "kind": words["parameter_kind"]["both" if row.factor_id else row.kind],
         "low": column_number(low, decimals), "high": column_number(high, decimals),
         "swing": _share(row.swing_share) if result.total_kgco2e else words["not_applicable"]}
        for row, low, high in zip(chosen, lows, highs, strict=True)
    ]
    step = exact(spec.uncertainty.sensitivity_pct)
    opening, closing = (mark.strip() for mark in words["brackets"])
    kinds = [words["parameter_kind_chart"]["both" if row.factor_id else row.kind] for row in chosen]
    # the name over as many lines as it needs (two at most), the kind of parameter on its own line
    names = ["\n".join([*charts.wrap_label(row["name"], lines=2), f"{opening}{kind}{closing}"])
             for row, kind in zip(rows, kinds, strict=True)]
    chart = charts.tornado_chart(names, lows, highs, baseline, [row["low"] for row in rows],
                                 [row["high"] for row in rows],
                                 (words["lowered"].format(step=step), words["raised"].format(step=step)),
                                 words["footprint_axis"].format(unit=per_label))
    return {"rows": rows, "chart": image(chart), "baseline": column_number(baseline, decimals)}


def _scenarios(spec: Node, result: ProductResult, unit: str, words: Mapping, decimals: int) -> dict[str, Any]:
    if not result.scenarios:
        return {"rows": [], "descriptions": []}
    described = {scenario.id: scenario for scenario in spec.scenarios}
    totals = [in_unit(result.total_kgco2e, unit), *(in_unit(s.total_kgco2e, unit) for s in result.scenarios)]
    changes = [in_unit(s.change_kgco2e, unit) for s in result.scenarios]
    none = words["not_applicable"]
    rows = [{"name": words["baseline"], "total": column_number(totals[0], decimals), "change": none,
             "change_pct": none}]
    for scenario, total, change in zip(result.scenarios, totals[1:], changes, strict=True):
        rows.append({
            "name": scenario.name, "total": column_number(total, decimals),
            "change": _signed(column_number(change, decimals), change),
            "change_pct": _signed(percent(scenario.change_share), scenario.change_share),
        })
    return {
        "rows": rows,
        "descriptions": [
            {"name": s.name, "description": (described[s.id].description or "").strip()
             if s.id in described else ""}
            for s in result.scenarios
        ],
    }
