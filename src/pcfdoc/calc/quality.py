"""Data quality: pedigree scores per line, the spread they imply, product ratings.

Scores run from 1 (best) to 5 (worst) on the five indicators of the pedigree
matrix (Weidema & Wesnæs 1996, as in ecoinvent and openLCA). A score the spec
leaves out is derived where the spec allows (temporal, from the factor's year)
and otherwise taken from the stated defaults; each score remembers which.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..spec.schema import Node
from .results import PEDIGREE_INDICATORS, DataQuality, LineQuality, LineResult

#: Uncertainty factors U per indicator and score (as a contribution to GSD²), from
#: openLCA's "ecoinvent data quality system" (olca-modules DQSystems.java).
UNCERTAINTY_FACTORS: dict[str, tuple[float, ...]] = {
    "reliability": (1.00, 1.05, 1.10, 1.20, 1.50),
    "completeness": (1.00, 1.02, 1.05, 1.10, 1.20),
    "temporal": (1.00, 1.03, 1.10, 1.20, 1.50),
    "geographical": (1.00, 1.01, 1.02, 1.05, 1.10),
    "technological": (1.00, 1.05, 1.20, 1.50, 2.00),
}

#: Basic uncertainty (GSD²) by kind of line: ecoinvent's defaults for energy and
#: material inputs and for transport services. Marked unverified in the reference.
BASIC_GSD2 = {"inventory": 1.05, "transport": 2.0, "distribution": 2.0}

#: Scores for lines that give none, unless [data_quality] says otherwise: measured
#: site data is good but unverified; secondary data is assumed mediocre throughout.
DEFAULT_SCORES = {
    "primary": {"reliability": 2, "completeness": 2, "temporal": 1, "geographical": 1, "technological": 1},
    "secondary": {"reliability": 3, "completeness": 3, "temporal": 3, "geographical": 3, "technological": 3},
}

#: Upper ages (years, exclusive) of temporal scores 1-4; older is 5.
TEMPORAL_AGE_LIMITS = (3, 6, 10, 15)

#: EU PEF data quality levels (Recommendation 2013/179/EU): upper DQR of each.
QUALITY_LEVELS = (("excellent", 1.5), ("very-good", 2.0), ("good", 3.0), ("fair", 4.0), ("poor", math.inf))

PACT_INDICATORS = ("technological", "geographical", "temporal")


def default_scores(spec: Node, data_type: str) -> dict[str, int]:
    """The scores a line of ``data_type`` takes when it gives none: the spec's, else pcfdoc's."""
    stated = getattr(spec.data_quality, data_type)
    return {
        indicator: getattr(stated, indicator) or DEFAULT_SCORES[data_type][indicator]
        for indicator in PEDIGREE_INDICATORS
    }


def temporal_score(age_years: int) -> int:
    return next((score for score, limit in enumerate(TEMPORAL_AGE_LIMITS, 1) if age_years < limit), 5)


def line_quality(source: Node, kind: str, data_type: str, defaults: dict[str, int],
                 factor_age_years: int | None) -> LineQuality:
    """Scores and spread of one emission source (an inventory line, leg or distribution)."""
    given = source.quality
    scores, origins = [], []
    for indicator in PEDIGREE_INDICATORS:
        score = getattr(given, indicator) if given is not None else None
        if score is not None:
            origin = "given"
        elif indicator == "temporal" and factor_age_years is not None:
            score, origin = temporal_score(max(factor_age_years, 0)), "derived"
        else:
            score, origin = defaults[indicator], "default"
        scores.append(score)
        origins.append(origin)
    basic = BASIC_GSD2[kind]
    if source.gsd is not None:
        gsd = source.gsd
    else:
        gsd = pedigree_gsd(basic, dict(zip(PEDIGREE_INDICATORS, scores, strict=True)))
    return LineQuality(tuple(scores), tuple(origins), sum(scores) / len(scores), gsd,
                       source.gsd is not None, basic)


def pedigree_gsd(basic_gsd2: float, scores: dict[str, int]) -> float:
    """GSD from basic uncertainty and pedigree: σ² = Σ (ln Uᵢ / 2)² (ecoinvent v3)."""
    variance = (math.log(basic_gsd2) / 2) ** 2 + sum(
        (math.log(UNCERTAINTY_FACTORS[indicator][score - 1]) / 2) ** 2 for indicator, score in scores.items()
    )
    return math.exp(math.sqrt(variance))


def product_quality(lines: Sequence[LineResult], primary_share: float) -> DataQuality:
    """Emission-weighted ratings of a product's lines (PACT v3 weights by emission, too)."""
    weighted = [(line.kgco2e, line.quality) for line in lines if line.kgco2e > 0]
    weight = sum(kg for kg, _ in weighted)

    def mean(value) -> float | None:
        return sum(kg * value(quality) for kg, quality in weighted) / weight if weight else None

    dqr = mean(lambda quality: quality.dqr)
    return DataQuality(
        dqr=dqr,
        level=None if dqr is None else next(name for name, upper in QUALITY_LEVELS if dqr <= upper),
        primary_share=primary_share,
        pact_dqr={indicator: mean(lambda quality, i=indicator: quality.score(i))
                  for indicator in PACT_INDICATORS},
        defaulted_lines=tuple(line.id for line in lines if "default" in line.quality.origins),
    )
