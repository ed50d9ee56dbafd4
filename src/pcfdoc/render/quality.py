"""Data quality and uncertainty in the render context: the pedigree scores and where each came from,
the primary data share, and the uncertainty as the study analysed it, by a Monte Carlo simulation or
in words.

A report states only the analyses the spec chose ([uncertainty] method and sensitivity) and says
plainly which scores the author gave and which are conservative defaults. Like the rest of the
context this formats and selects what the calculation produced; it computes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..calc.quality import SCORE_ORIGINS, pcfdoc_defaults, stated_defaults
from ..calc.results import ACTIVITY_INDICATORS, PEDIGREE_INDICATORS, ProductResult
from ..formatting import column_number, in_unit, number, plain, share_text
from ..spec.schema import Node
from ..vocab.catalogue import DATA_TYPES
from ..vocab.origins import ACTIVITY_ORIGINS, FACTOR_ORIGINS
from . import charts
from .products import Image

#: Rows of the variance table.
VARIANCE_COUNT = 5
#: Lines a sentence names before it says "and N more".
NAMED_LINES = 5


def report_uncertainty(spec: Node, products: Sequence[ProductResult], words: Mapping) -> dict[str, Any]:
    """What the report says once of the analyses chosen and of the default scores (chapters 3, 5)."""
    settings = spec.uncertainty
    used_basic = sorted({(basic.kind, basic.gsd2) for product in products if product.uncertainty
                         for basic in product.uncertainty.basic})
    defaults = _default_rows(spec, products, words)
    return {
        "monte_carlo": settings.method == "monte-carlo",
        "qualitative": settings.method == "qualitative",
        "sensitivity": settings.sensitivity,
        "discussion": (settings.discussion or "").strip(),
        "basic_text": _basic_text(used_basic, words),
        "given_gsd": any(line.quality.gsd_given for product in products for line in product.lines
                         if line.quality is not None),
        "defaults": [row for row, _ in defaults],
        "stated_defaults": any(not conservative for _, conservative in defaults),
        "conservative_defaults": any(conservative for _, conservative in defaults),
    }


def _basic_text(used: Sequence[tuple[str, float]], words: Mapping) -> str:
    """'物料和能源输入为 1.05，运输为 2': the basic uncertainties the simulation drew from, each with the
    kinds of line that used it."""
    kinds_of: dict[float, list[str]] = {}
    for kind, value in used:
        kinds_of.setdefault(value, []).append(words["line_types"][kind])
    template = words["basic_uncertainty"]
    return words["clause_join"](template.format(kind=words["join"](kinds), value=plain(value))
                                for value, kinds in kinds_of.items())


def _default_rows(spec: Node, products: Sequence[ProductResult], words: Mapping) -> list[tuple[dict, bool]]:
    """The defaults the scores took where the data give none, with whether each row is conservative:
    the author's stated defaults by data type first, then pcfdoc's conservative defaults by origin,
    each with the indicators some line took it for. The other cells read '—'."""
    none = words["not_applicable"]
    language = words["language"]
    rows: list[tuple[dict, bool]] = []
    for data_type in DATA_TYPES:
        stated = stated_defaults(spec, data_type)
        if any(score is not None for score in stated.values()):
            rows.append(({"type": words["stated_default"].format(type=words["data_type"][data_type]),
                          # the time score left open is worked out from each factor's year
                          "scores": [str(score) if score is not None
                                     else words["from_year"] if indicator == "temporal" else none
                                     for indicator, score in stated.items()]},
                         False))
    # per origin, pcfdoc's scores and the indicators some line of that origin took them for
    activity: dict[tuple[str | None, str], tuple[dict[str, int], set[str]]] = {}
    factor: dict[str | None, tuple[dict[str, int], set[str]]] = {}
    for product in products:
        for line in product.lines:
            if line.quality is None or "pcfdoc" not in line.quality.origins:
                continue
            scores = pcfdoc_defaults(line.activity_origin, line.data_type, line.factor_origin)
            defaulted = {indicator for indicator, origin in zip(PEDIGREE_INDICATORS, line.quality.origins,
                                                                strict=True) if origin == "pcfdoc"}
            if defaulted & set(ACTIVITY_INDICATORS):
                key = (line.activity_origin, line.data_type if line.activity_origin is None else "")
                activity.setdefault(key, (scores, set()))[1].update(defaulted & set(ACTIVITY_INDICATORS))
            if defaulted - set(ACTIVITY_INDICATORS):
                factor.setdefault(line.factor_origin, (scores, set()))[1].update(
                    defaulted - set(ACTIVITY_INDICATORS))

    def row(label: str, scores: dict[str, int], indicators: set[str]) -> tuple[dict, bool]:
        return ({"type": label, "scores": [str(scores[i]) if i in indicators else none
                                           for i in PEDIGREE_INDICATORS]}, True)

    activity_order = [*((origin, "") for origin in ACTIVITY_ORIGINS), *((None, t) for t in DATA_TYPES)]
    for origin, data_type in (key for key in activity_order if key in activity):
        name = (ACTIVITY_ORIGINS[origin].name(language) if origin is not None
                else words["origin_unstated_type"].format(type=words["data_type"][data_type]))
        rows.append(row(words["activity_default"].format(origin=name), *activity[(origin, data_type)]))
    for origin in (key for key in [*FACTOR_ORIGINS, None] if key in factor):
        name = FACTOR_ORIGINS[origin].name(language) if origin is not None else words["origin_unstated"]
        rows.append(row(words["factor_default"].format(origin=name), *factor[origin]))
    return rows


def quality_view(result: ProductResult, words: Mapping) -> dict[str, Any]:
    """A product's scores, each marked by where it came from, its ratings and primary data share."""
    quality = result.data_quality
    numbering = {line.id: i for i, line in enumerate(result.lines, 1)}
    marks = words["score_mark"]
    scored = [line for line in result.lines if line.quality is not None]
    rows = [
        {"no": numbering[line.id], "name": line.name,
         "scores": [f"{score}{marks[origin]}"
                    for score, origin in zip(line.quality.scores, line.quality.origins, strict=True)],
         "dqr": number(line.quality.dqr, 1), "data_type": words["data_type"][line.data_type]}
        for line in scored
    ]
    derived = {indicator for line in scored
               for indicator, origin in zip(PEDIGREE_INDICATORS, line.quality.origins, strict=True)
               if origin == "derived"}
    origins = {origin for line in scored for origin in line.quality.origins}
    pact = quality.pact_dqr if quality is not None else {}
    counts = quality.score_origins if quality is not None else {}
    count_text = words["score_origin_count"]
    return {
        "rows": rows,
        "has_given": "given" in origins,
        "has_default": "default" in origins,
        "has_pcfdoc": "pcfdoc" in origins,
        "has_derived": bool(derived),
        "derived_age": "temporal" in derived,
        "derived_proxy": "technological" in derived,
        "origins_text": words["clause_join"](count_text[origin].format(count=counts[origin])
                                             for origin in SCORE_ORIGINS if counts.get(origin)),
        "pcfdoc_share": share_text(quality.pcfdoc_default_share) if quality is not None else None,
        "dqr": number(quality.dqr, 2) if quality is not None and quality.dqr is not None else None,
        "level": words["quality_level"][quality.level] if quality is not None and quality.level else None,
        "pact": {indicator: number(value, 2) if value is not None else words["not_applicable"]
                 for indicator, value in pact.items()},
        # as `calc --json` and the PACT export state it (rounded half up, as the PACT file)
        "primary_share": share_text(quality.primary_share) if quality is not None else None,
        "primary_activity_share": share_text(quality.primary_activity_share) if quality is not None else None,
    }


def qualitative_view(result: ProductResult, words: Mapping) -> dict[str, Any] | None:
    """What the scores say of the result's uncertainty, for a study that discusses it in words."""
    quality = result.data_quality
    if result.analyses.uncertainty != "qualitative" or quality is None or quality.dqr is None:
        return None
    means = {indicator: value for indicator, value in quality.indicator_means.items() if value is not None}
    worst = max(means.values())  # the highest mean score: the weakest indicators (ties named together)
    weakest = [indicator for indicator, value in means.items() if value == worst]
    names = {line.id: line.name for line in result.lines}
    return {
        "indicators_text": words["join"](words["indicator_score"].format(
            indicator=words["in_text"](words["indicator"][indicator]), score=number(value, 2))
            for indicator, value in means.items()),
        "weakest": words["join"](words["in_text"](words["indicator"][indicator]) for indicator in weakest),
        "proxies": _names([names[i] for i in quality.proxy_lines], words),
        "proxy_share": share_text(quality.proxy_share),
        "defaulted": _names([names[i] for i in quality.pcfdoc_default_lines], words),
        "defaulted_share": share_text(quality.pcfdoc_default_share),
    }


def _names(names: Sequence[str], words: Mapping) -> str:
    """Names for running text; past NAMED_LINES the first few and how many there are."""
    if len(names) <= NAMED_LINES:
        return words["join"](words["in_text"](name) for name in names)
    named = words["list_sep"].join(words["in_text"](name) for name in names[:NAMED_LINES])
    return words["and_more"].format(names=named, count=len(names), rest=len(names) - NAMED_LINES)


def monte_carlo_view(result: ProductResult, unit: str, per_label: str, words: Mapping, image: Image,
                     stage_name, decimals: int, factor_names: Mapping[str, str]) -> dict[str, Any] | None:
    """The simulated spread of a product's result: table, histogram, largest sources of variance and
    the factors whose draw several lines share."""
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
         "gsd": number(lines[share.line_id].quality.gsd, 2), "share": share_text(share.share)}
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
    shared = [words["shared_factor"].format(
        factor=(words["factor_named"].format(words["in_text"](factor_names[factor.factor_id]))
                if factor_names.get(factor.factor_id) else words["one_factor"]),
        lines=_names([lines[i].name for i in factor.line_ids], words))
        for factor in spread.shared_factors]
    return {
        "iterations": plain(spread.iterations),
        "rows": rows,
        "total": total_row,
        "variance": variance,
        "histogram": image(chart),
        "shared_text": words["clause_join"](shared),
    }
