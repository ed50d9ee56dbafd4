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

from ..calc.quality import BASIC_GSD2, QUALITY_LEVELS, TEMPORAL_AGE_LIMITS, default_scores
from ..calc.results import GHG_CATEGORIES, PEDIGREE_INDICATORS, ProductResult
from ..errors import OutputError
from ..formatting import (
    column_number,
    exact,
    in_unit,
    number,
    percent,
    plain,
    share_text,
)
from ..spec.schema import Node
from ..spec.texts import stage_names
from ..vocab.catalogue import DATA_TYPES
from . import charts
from .products import Image

#: Rows of the variance table and bars of the tornado chart.
VARIANCE_COUNT = 5
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
        "indicators": [words["indicator"][indicator] for indicator in PEDIGREE_INDICATORS],
        "indicators_text": words["join"](words["in_text"](words["indicator"][indicator])
                                         for indicator in PEDIGREE_INDICATORS),
        "defaults": [
            {"type": words["data_type"][data_type],
             "scores": [str(default_scores(spec, data_type)[i]) for i in PEDIGREE_INDICATORS]}
            for data_type in DATA_TYPES
        ],
        "temporal_ages": words["join"](ages),
        "levels_text": words["join"](bands),
        "basic_text": _basic_text(words),
        "iterations": plain(settings.iterations),
        "step": exact(settings.sensitivity_pct),
        "has_scenarios": any(product.scenarios for product in results_products),
    }


def _basic_text(words: Mapping) -> str:
    """'物料和能源输入 1.05，原辅材料运输和产品运输 2': kinds that share a value are named together."""
    kinds_of: dict[float, list[str]] = {}
    for kind, value in BASIC_GSD2.items():
        kinds_of.setdefault(value, []).append(words["line_types"][kind])
    template = words["basic_uncertainty"]
    return words["clause_join"](template.format(kind=words["join"](kinds), value=plain(value))
                                for value, kinds in kinds_of.items())


def product_analysis(spec: Node, result: ProductResult, words: Mapping, image: Image,
                     per_label: str, decimals: int) -> dict[str, Any]:
    """One product's analysis tables and charts, its results with the product's ``decimals``."""
    if result.uncertainty is None or not result.analyses.sensitivity:
        # The shipped templates present a Monte Carlo analysis and a sensitivity analysis for every
        # product; until they can leave either out, a report would state analyses never made.
        raise OutputError("the report template cannot yet present a study without the Monte Carlo or the "
                          "sensitivity analysis ([uncertainty] method = \"qualitative\" or sensitivity = "
                          "false); pcfdoc calc gives its results; to build the report, choose both analyses")
    unit = result.result_unit
    stage_name = stage_names(spec).__getitem__

    return {
        "cutoff": _cutoff(spec, result, unit, per_label, words, stage_name, decimals),
        "ghg": _ghg(result, unit, stage_name, decimals),
        "quality": _quality(result, words),
        "uncertainty": _uncertainty(result, unit, per_label, words, image, stage_name, decimals),
        "sensitivity": _sensitivity(spec, result, unit, per_label, words, image, decimals),
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
        "details": [{"name": line.name, "source": line.source, "note": (line.note or "").strip()}
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


def _quality(result: ProductResult, words: Mapping) -> dict[str, Any]:
    quality = result.data_quality
    numbering = {line.id: i for i, line in enumerate(result.lines, 1)}
    marks = words["score_mark"]
    rows = [
        {"no": numbering[line.id], "name": line.name,
         "scores": [f"{score}{marks.get(origin, marks['default'])}"  # pcfdoc's defaults marked as defaults
                    for score, origin in zip(line.quality.scores, line.quality.origins, strict=True)],
         "dqr": number(line.quality.dqr, 1), "data_type": words["data_type"][line.data_type]}
        for line in result.lines if line.quality is not None
    ]
    origins = {origin for line in result.lines if line.quality is not None for origin in line.quality.origins}
    pact = quality.pact_dqr if quality is not None else {}
    return {
        "rows": rows,
        "has_default": bool({"default", "pcfdoc"} & origins),
        "has_derived": "derived" in origins,
        "dqr": number(quality.dqr, 2) if quality is not None and quality.dqr is not None else None,
        "level": words["quality_level"][quality.level] if quality is not None and quality.level else None,
        "pact": {indicator: number(value, 2) if value is not None else words["not_applicable"]
                 for indicator, value in pact.items()},
    }


def _uncertainty(result: ProductResult, unit: str, per_label: str, words: Mapping, image: Image,
                 stage_name, decimals: int) -> dict[str, Any] | None:
    spread = result.uncertainty
    if spread is None:
        return None
    stages = {stage.id: stage for stage in result.stages}
    items = [(stage_name(s.id), stages[s.id].kgco2e, s) for s in spread.stages]
    total = (None, result.total_kgco2e, spread.total)
    numbers = [[in_unit(v, unit) for v in (value, s.mean, s.p50, s.p2_5, s.p97_5)]
               for _, value, s in (*items, total)]

    def row(name: str | None, values: list[float]) -> dict[str, Any]:
        value, mean, p50, low, high = (column_number(v, decimals) for v in values)
        return {"name": name, "value": value, "mean": mean, "p50": p50, "p2_5": low, "p97_5": high}

    rows = [row(name, values) for (name, _, _), values in zip(items, numbers[:-1], strict=True)]
    total_row = row(None, numbers[-1])
    lines = {line.id: line for line in result.lines}
    variance = [
        {"rank": rank, "name": share.name, "stage": stage_name(lines[share.line_id].stage),
         "gsd": number(lines[share.line_id].quality.gsd, 2), "share": _share(share.share)}
        for rank, share in enumerate(spread.variance[:VARIANCE_COUNT], 1)
    ]
    percentile = words["percentile"]
    edges = [in_unit(edge, unit) for edge in spread.histogram_edges]
    chart = charts.histogram_chart(
        edges, spread.histogram_counts,
        (numbers[-1][3], numbers[-1][4]),
        (words["interval_bins"].format(low=total_row["p2_5"], high=total_row["p97_5"]), words["tail_bins"]),
        [(numbers[-1][2], f"{percentile.format(p='50')} {total_row['p50']}"),
         (numbers[-1][0], f"{words['deterministic']} {total_row['value']}")],
        words["footprint_axis"].format(unit=per_label), words["frequency"])
    return {
        "iterations": plain(spread.iterations),
        "rows": rows,
        "total": total_row,
        "variance": variance,
        "histogram": image(chart),
    }


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
