"""Data quality: pedigree scores per line, the spread they imply, product ratings.

Scores run from 1 (best) to 5 (worst) on the five indicators of the pedigree matrix
(Weidema & Wesnæs 1996, as in ecoinvent and openLCA). Two of them describe the activity data
(reliability, completeness) and three the emission factor (temporal, geographical,
technological), so the activity data and the factor are rated apart. A score is, in order:

1. given on the line (``quality = {…}``);
2. derived from what is known of the factor: temporal from its year (5 when it has none, the
   pedigree's "age unknown"), technological 4 ("related processes or materials") for a proxy;
3. the spec's stated default for the line's data type (``[data_quality.primary|secondary]``);
4. pcfdoc's own default for the line's origins (``ACTIVITY_DEFAULTS``, ``FACTOR_DEFAULTS``),
   chosen on the cautious side of what each origin usually supports.

Each score remembers which of these it was.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from ..spec.schema import Node
from ..vocab.catalogue import FREIGHT_UNIT
from ..vocab.units import convertible
from . import primary
from .results import (
    ACTIVITY_INDICATORS,
    FACTOR_INDICATORS,
    PEDIGREE_INDICATORS,
    DataQuality,
    LineQuality,
    LineResult,
)

#: Uncertainty factors U per indicator and score (as a contribution to GSD²), from
#: openLCA's "ecoinvent data quality system" (olca-modules DQSystems.java).
UNCERTAINTY_FACTORS: dict[str, tuple[float, ...]] = {
    "reliability": (1.00, 1.05, 1.10, 1.20, 1.50),
    "completeness": (1.00, 1.02, 1.05, 1.10, 1.20),
    "temporal": (1.00, 1.03, 1.10, 1.20, 1.50),
    "geographical": (1.00, 1.01, 1.02, 1.05, 1.10),
    "technological": (1.00, 1.05, 1.20, 1.50, 2.00),
}

#: Basic uncertainty (GSD²) by what a line is, ecoinvent's defaults: a material or energy input,
#: or a transport service in t·km (a leg, a destination, or an inventory line in t·km alike).
#: Marked unverified in the reference.
BASIC_GSD2 = {"inventory": 1.05, "transport": 2.0}

#: pcfdoc's (reliability, completeness) for activity data of each origin when neither the line nor
#: the spec gives them. Pedigree reliability 2 is "non-verified measurements", 3 "partly based on
#: qualified estimates", 4 "qualified estimate"; pcfdoc verifies nothing itself.
ACTIVITY_DEFAULTS: dict[str, tuple[int, int]] = {
    "measured": (2, 2), "metered": (2, 2), "billed": (2, 2), "recorded": (2, 2),
    "calculated": (3, 2), "supplier": (3, 3),
    "estimated": (4, 3), "literature": (4, 4), "scenario": (4, 4),
}
#: ... when the spec gives only data_type: the weakest origin of that kind.
UNSTATED_ACTIVITY: dict[str, tuple[int, int]] = {"primary": (3, 2), "secondary": (4, 4)}

#: pcfdoc's (geographical, technological) for factors of each origin; None: origin not stated.
FACTOR_DEFAULTS: dict[str | None, tuple[int, int]] = {
    "site": (1, 2), "supplier": (1, 2), "database": (3, 3), "literature": (3, 3), "proxy": (3, 4),
    None: (4, 4),
}
#: Technological score of a proxy: "data on related processes or materials".
PROXY_TECHNOLOGICAL = 4
#: Temporal score of a factor without a year: "age of data unknown".
UNKNOWN_AGE_TEMPORAL = 5

#: Upper ages (years, exclusive) of temporal scores 1-4; older is 5.
TEMPORAL_AGE_LIMITS = (3, 6, 10, 15)

#: EU PEF data quality levels (Recommendation 2013/179/EU): upper DQR of each.
QUALITY_LEVELS = (("excellent", 1.5), ("very-good", 2.0), ("good", 3.0), ("fair", 4.0), ("poor", math.inf))

PACT_INDICATORS = ("technological", "geographical", "temporal")


def pcfdoc_defaults(activity_origin: str | None, data_type: str, factor_origin: str | None) -> dict[str, int]:
    """pcfdoc's own scores for a line of these origins (temporal: a factor of unknown age)."""
    reliability, completeness = (ACTIVITY_DEFAULTS[activity_origin] if activity_origin is not None
                                 else UNSTATED_ACTIVITY[data_type])
    geographical, technological = FACTOR_DEFAULTS[factor_origin]
    return {"reliability": reliability, "completeness": completeness, "temporal": UNKNOWN_AGE_TEMPORAL,
            "geographical": geographical, "technological": technological}


def stated_defaults(spec: Node, data_type: str) -> dict[str, int | None]:
    """The spec's [data_quality] defaults for lines of ``data_type`` (None where it states none)."""
    stated = getattr(spec.data_quality, data_type)
    return {indicator: getattr(stated, indicator) for indicator in PEDIGREE_INDICATORS}


def default_scores(spec: Node, data_type: str) -> dict[str, int]:
    """The scores a line of ``data_type`` and unstated origins takes when it gives none."""
    fallback = pcfdoc_defaults(None, data_type, None)
    return {indicator: score if score is not None else fallback[indicator]
            for indicator, score in stated_defaults(spec, data_type).items()}


def temporal_score(age_years: int) -> int:
    return next((score for score, limit in enumerate(TEMPORAL_AGE_LIMITS, 1) if age_years < limit), 5)


def basic_kind(unit: str, kind: str) -> str:
    """What a line is for its basic uncertainty: transport for any t·km, wherever it is written."""
    return "transport" if kind != "inventory" or convertible(unit, FREIGHT_UNIT) else "inventory"


def line_quality(source: Node, *, kind: str, data_type: str, activity_origin: str | None,
                 factor_origin: str | None, factor_age_years: int | None,
                 stated: Mapping[str, int | None]) -> LineQuality:
    """Scores and spread of one emission source (an inventory line, leg or distribution).

    ``kind`` is "inventory" (a material or energy input) or "transport"; ``stated`` the spec's
    defaults for the line's data type.
    """
    given = source.quality
    fallback = pcfdoc_defaults(activity_origin, data_type, factor_origin)
    scores, origins = [], []
    for indicator in PEDIGREE_INDICATORS:
        score = getattr(given, indicator) if given is not None else None
        if score is not None:
            origin = "given"
        elif indicator == "temporal":
            known = factor_age_years is not None
            score = temporal_score(max(factor_age_years, 0)) if known else UNKNOWN_AGE_TEMPORAL
            origin = "derived"
        elif indicator == "technological" and factor_origin == "proxy":
            score, origin = PROXY_TECHNOLOGICAL, "derived"
        elif stated.get(indicator) is not None:
            score, origin = stated[indicator], "default"
        else:
            score, origin = fallback[indicator], "pcfdoc"
        scores.append(score)
        origins.append(origin)
    by_indicator = dict(zip(PEDIGREE_INDICATORS, scores, strict=True))
    basic = BASIC_GSD2[kind]
    activity_sigma = _sigma(basic, by_indicator, ACTIVITY_INDICATORS)
    factor_sigma = _sigma(1.0, by_indicator, FACTOR_INDICATORS)
    if source.gsd is not None:
        # The line's whole spread is given: the factor keeps its pedigree part (shared with the
        # factor's other users, up to the whole), the activity data take the rest.
        whole = math.log(source.gsd)
        factor_sigma = min(factor_sigma, whole)
        activity_sigma = math.sqrt(max(whole ** 2 - factor_sigma ** 2, 0.0))
    gsd = math.exp(math.hypot(activity_sigma, factor_sigma))
    return LineQuality(tuple(scores), tuple(origins), sum(scores) / len(scores),
                       source.gsd if source.gsd is not None else gsd, source.gsd is not None, basic,
                       kind, math.exp(activity_sigma), math.exp(factor_sigma))


def _sigma(basic_gsd2: float, scores: Mapping[str, int], indicators: Sequence[str]) -> float:
    """σ of ln: √(Σ (ln Uᵢ / 2)²) over the basic uncertainty and ``indicators`` (ecoinvent v3)."""
    variance = (math.log(basic_gsd2) / 2) ** 2 + sum(
        (math.log(UNCERTAINTY_FACTORS[indicator][scores[indicator] - 1]) / 2) ** 2
        for indicator in indicators)
    return math.sqrt(variance)


def pedigree_gsd(basic_gsd2: float, scores: dict[str, int]) -> float:
    """GSD from basic uncertainty and pedigree: σ² = Σ (ln Uᵢ / 2)² (ecoinvent v3)."""
    return math.exp(_sigma(basic_gsd2, scores, PEDIGREE_INDICATORS))


def product_quality(lines: Sequence[LineResult]) -> DataQuality:
    """Emission-weighted ratings of a product's lines (PACT v3 weights by emission, too)."""
    weighted = [(line.kgco2e, line.quality) for line in lines if line.kgco2e > 0]
    weights = [kg for kg, _ in weighted]
    weight = sum(weights)

    def mean(values) -> float | None:
        return sum(kg * value for kg, value in zip(weights, values, strict=True)) / weight if weight else None

    dqr = mean(quality.dqr for _, quality in weighted)
    columns = zip(*(quality.scores for _, quality in weighted), strict=True) if weighted else ()
    means = dict(zip(PEDIGREE_INDICATORS, (mean(column) for column in columns), strict=False))
    means = {indicator: means.get(indicator) for indicator in PEDIGREE_INDICATORS}
    primary_share, activity_share = primary.shares(lines)
    origins = [set(line.quality.origins) for line in lines]
    pcfdoc_lines = [line for line, held in zip(lines, origins, strict=True) if "pcfdoc" in held]
    proxies = [line for line in lines if line.factor_origin == "proxy"]
    counted = Counter(origin for line in lines for origin in line.quality.origins)
    return DataQuality(
        dqr=dqr,
        level=None if dqr is None else next(name for name, upper in QUALITY_LEVELS if dqr <= upper),
        primary_share=primary_share,
        pact_dqr={indicator: means[indicator] for indicator in PACT_INDICATORS},
        defaulted_lines=tuple(line.id for line, held in zip(lines, origins, strict=True)
                              if held & {"default", "pcfdoc"}),
        primary_activity_share=activity_share,
        primary_definition=primary.DEFINITION.id,
        pcfdoc_default_lines=tuple(line.id for line in pcfdoc_lines),
        indicator_means=means,
        score_origins={origin: counted[origin] for origin in SCORE_ORIGINS},
        pcfdoc_default_share=_share_of(pcfdoc_lines, lines),
        proxy_lines=tuple(line.id for line in proxies),
        proxy_share=_share_of(proxies, lines),
    )


#: Where a score comes from, in the order of the list in the module's docstring.
SCORE_ORIGINS = ("given", "derived", "default", "pcfdoc")


def _share_of(part: Sequence[LineResult], lines: Sequence[LineResult]) -> float:
    """The part's emission as a fraction of all the lines' (0 when they emit nothing)."""
    total = sum(line.kgco2e for line in lines)
    return sum(line.kgco2e for line in part) / total if total else 0.0
