"""What the calculation produces: plain, immutable, full-precision values.

Everything is per functional unit and in kg (CO2e, or kg of a single gas).
Renderers read these; they never recompute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..spec.valid import ValidSpec
from .derive import AllocationShare, AnnualBasis


@dataclass(frozen=True)
class Freight:
    """How a transport line's t·km were found."""

    mass_t: float  # per functional unit
    distance_km: float
    mode: str
    vehicle: str | None
    carries: str | None = None  # inventory line id
    share: float | None = None  # destination share of sales, as a fraction


@dataclass(frozen=True)
class GasAmount:
    """One gas of one line: its mass and its CO2 equivalent (per functional unit)."""

    gas: str
    kg: float
    kgco2e: float


PEDIGREE_INDICATORS = ("reliability", "completeness", "temporal", "geographical", "technological")


#: Indicators that describe the activity data, and those that describe the emission factor.
ACTIVITY_INDICATORS = ("reliability", "completeness")
FACTOR_INDICATORS = ("temporal", "geographical", "technological")


@dataclass(frozen=True)
class LineQuality:
    """Pedigree scores of one line (1 best … 5 worst) and the spread they imply.

    The spread is split in two independent parts: the activity data's (basic uncertainty,
    reliability, completeness), drawn for the line alone, and the factor's (temporal,
    geographical, technological), drawn once per factor for every line that uses it.
    """

    scores: tuple[int, ...]  # in PEDIGREE_INDICATORS order
    # per score: "given", "derived" (from the factor: its year, or that it is a proxy), "default"
    # (the spec's [data_quality] defaults) or "pcfdoc" (pcfdoc's own default for the line's origins)
    origins: tuple[str, ...]
    dqr: float  # mean of the five scores
    gsd: float  # geometric standard deviation of the line's emission, exp(sigma)
    gsd_given: bool  # True when the spec states gsd; else from basic uncertainty and pedigree
    basic_gsd2: float  # basic uncertainty used (GSD² as ecoinvent tables give it)
    basic_kind: str = "inventory"  # "inventory" (a material or energy input) or "transport" (t·km)
    activity_gsd: float | None = None  # spread of the activity data; None: all of gsd
    factor_gsd: float = 1.0  # spread of the emission factor

    def score(self, indicator: str) -> int:
        return self.scores[PEDIGREE_INDICATORS.index(indicator)]

    @property
    def activity_sigma(self) -> float:
        return math.log(self.gsd if self.activity_gsd is None else self.activity_gsd)

    @property
    def factor_sigma(self) -> float:
        return math.log(self.factor_gsd)


@dataclass(frozen=True)
class LineResult:
    id: str
    kind: str  # "inventory", "transport" or "distribution"
    stage: str
    name: str
    amount: float  # activity per functional unit
    unit: str
    factor_id: str | None  # None for a supplier-declared value
    factor_value: float  # as in activity × factor = emission (CO2e per unit for a several-gas factor)
    factor_unit: str
    gases: tuple[GasAmount, ...]  # per gas, in the order the factor lists them
    kgco2e: float
    share: float  # of the product total
    data_type: str
    source: str | None
    annual: AnnualBasis | None = None  # set when the amount is an allocated annual total
    annual_amount: float | None = None  # the plant total as written
    freight: Freight | None = None
    category: str = "fossil"  # ISO 14067 split: fossil, biogenic, dluc or aircraft
    quality: LineQuality | None = None  # pedigree scores and the uncertainty they imply
    activity_origin: str | None = None  # how the activity data were obtained; None: only data_type given
    factor_origin: str | None = None  # where the factor comes from; None: not stated (secondary)
    primary_fraction: float = 0.0  # part of the emission that counts as primary data (PACT)

    @property
    def gas(self) -> str:
        """The gas of a one-gas line (the usual case); 'mixed' when the factor lists several."""
        return self.gases[0].gas if len(self.gases) == 1 else "mixed"


@dataclass(frozen=True)
class StageResult:
    id: str
    name: str
    kgco2e: float
    share: float
    line_ids: tuple[str, ...]


@dataclass(frozen=True)
class GasResult:
    gas: str
    gas_kg: float
    gwp: float
    kgco2e: float


@dataclass(frozen=True)
class DataQuality:
    """Emission-weighted pedigree ratings of one product."""

    dqr: float | None  # weighted mean of line DQRs; None when nothing is emitted
    level: str | None  # excellent, very-good, good, fair or poor (PEF bands)
    primary_share: float  # of the total, as PACT defines it (see calc.primary)
    pact_dqr: dict[str, float | None]  # technological, geographical, temporal (PACT v3, 1 … 5)
    defaulted_lines: tuple[str, ...]  # ids of lines with at least one default score (the spec's or pcfdoc's)
    primary_activity_share: float = 0.0  # of the total, from lines whose activity data are primary
    primary_definition: str = "pact-3"  # id of the definition primary_share follows (calc.primary)
    pcfdoc_default_lines: tuple[str, ...] = ()  # ids of lines with at least one of pcfdoc's own defaults
    # What a report says of the scores in words (a qualitative uncertainty discussion among them):
    indicator_means: dict[str, float | None] = field(default_factory=dict)  # all five, emission-weighted
    score_origins: dict[str, int] = field(default_factory=dict)  # how many scores came from each origin
    pcfdoc_default_share: float = 0.0  # of the total, from the lines in pcfdoc_default_lines
    proxy_lines: tuple[str, ...] = ()  # ids of lines whose factor stands in for another material
    proxy_share: float = 0.0  # of the total, from those lines


@dataclass(frozen=True)
class Spread:
    """Monte Carlo statistics of one quantity, kg CO2e per functional unit."""

    id: str  # "total" or a stage id
    mean: float
    p2_5: float
    p50: float
    p97_5: float


@dataclass(frozen=True)
class VarianceShare:
    line_id: str
    name: str
    share: float  # of the variance of the total


@dataclass(frozen=True)
class SharedFactor:
    """A factor drawn once per iteration for all the lines that use it."""

    factor_id: str
    line_ids: tuple[str, ...]


@dataclass(frozen=True)
class BasicUncertainty:
    """A basic uncertainty used, and by how many lines."""

    kind: str  # "inventory" or "transport"
    gsd2: float
    lines: int


@dataclass(frozen=True)
class Uncertainty:
    iterations: int
    seed: int
    total: Spread
    stages: tuple[Spread, ...]
    histogram_edges: tuple[float, ...]  # bin edges of the total, kg CO2e
    histogram_counts: tuple[int, ...]
    variance: tuple[VarianceShare, ...]  # largest first
    shared_factors: tuple[SharedFactor, ...] = ()  # factors whose draw several lines share
    basic: tuple[BasicUncertainty, ...] = ()  # basic uncertainties of the lines drawn from pedigree


@dataclass(frozen=True)
class Sensitivity:
    """The total with one line's amount or one factor changed by -/+ the step."""

    id: str
    kind: str  # "line" or "factor"
    name: str
    low_kgco2e: float  # total with the parameter lowered
    high_kgco2e: float  # total with the parameter raised
    factor_id: str | None = None  # a line's factor that no other line uses: the row stands for it too
    swing_share: float = 0.0  # (high - low) as a fraction of the baseline total

    @property
    def swing(self) -> float:
        return self.high_kgco2e - self.low_kgco2e


@dataclass(frozen=True)
class ScenarioResult:
    id: str
    name: str
    total_kgco2e: float
    change_kgco2e: float  # scenario minus baseline (negative: a reduction)
    change_share: float  # of the baseline total
    stages: tuple[tuple[str, float], ...]  # (stage id, kg CO2e)


GHG_CATEGORIES = ("fossil", "biogenic", "dluc", "aircraft")


@dataclass(frozen=True)
class GhgSplit:
    """kg CO2e per ISO 14067 category, for the product (id "total") or one stage."""

    id: str
    fossil: float
    biogenic: float
    dluc: float
    aircraft: float


@dataclass(frozen=True)
class CutoffLine:
    """An input below the mass threshold, or one the spec cuts off."""

    id: str
    name: str
    stage: str
    mass_share: float | None  # of the product mass; None when not a mass or the mass is unknown
    kgco2e: float  # its emission, estimated for an excluded line
    emission_share: float  # of total + excluded estimates
    excluded: bool


@dataclass(frozen=True)
class Cutoff:
    lines: tuple[CutoffLine, ...]
    excluded_mass_share: float  # sum over excluded lines with a known mass share
    excluded_emission_share: float  # estimated, of total + excluded estimates
    excluded_kgco2e: float
    within_limit: bool = True  # excluded mass and estimated emission shares within total_threshold_pct


@dataclass(frozen=True)
class Disclosures:
    """Facts about one product that the report's disclosures state, computed from spec and lines."""

    boundary: str  # cradle-to-gate, cradle-to-gate+distribution, cradle-to-grave or gate-to-gate
    partial: bool  # a partial CFP: the boundary stops before the end of life
    omitted_stages: tuple[str, ...]  # life-cycle stages outside the boundary
    empty_stages: tuple[str, ...]  # stages inside the boundary without any line
    packaging_included: bool | None  # None when the spec does not say
    packaging_kgco2e: float | None  # emission of the lines named as packaging, when included
    electricity_lines: tuple[str, ...]  # lines whose activity is electricity (a Wh-based unit)
    electricity_factors: tuple[str, ...]  # the factors those lines use, in order of first use


@dataclass(frozen=True)
class Analyses:
    """The analyses the study chose ([uncertainty] method and sensitivity)."""

    uncertainty: str = "monte-carlo"  # or "qualitative": no simulation, a discussion in words
    sensitivity: bool = True


@dataclass(frozen=True)
class ProductResult:
    id: str
    name: str
    functional_unit_amount: float
    functional_unit: str
    result_unit: str
    total_kgco2e: float
    stages: tuple[StageResult, ...]
    lines: tuple[LineResult, ...]
    gases: tuple[GasResult, ...]
    contributors: tuple[LineResult, ...]  # lines by emission, largest first
    primary_share: float  # of the total, as PACT defines it (see calc.primary)
    secondary_share: float  # the rest
    inventory_scale: float  # inventory bases per functional unit (1000: data per kg, results per t)
    mass_kg: float | None  # mass of one functional unit, when the spec states it
    ghg_breakdown: tuple[GhgSplit, ...] = ()  # the product ("total") first, then each stage
    data_quality: DataQuality | None = None
    cutoff: Cutoff | None = None
    sensitivity: tuple[Sensitivity, ...] = ()  # largest swing first
    uncertainty: Uncertainty | None = None  # None unless the Monte Carlo analysis was chosen
    scenarios: tuple[ScenarioResult, ...] = ()
    analyses: Analyses = field(default_factory=Analyses)
    disclosures: Disclosures | None = None


@dataclass(frozen=True)
class Target:
    """One stage or line an improvement measure acts on, with its emission."""

    id: str
    kind: str  # "stage" or "line"
    name: str
    kgco2e: float
    share: float


@dataclass(frozen=True)
class ImprovementResult:
    """An improvement measure applied to one product."""

    index: int  # position in spec.improvements
    product_id: str
    targets: tuple[Target, ...]
    target_kgco2e: float  # lines in targeted stages and targeted lines, each counted once
    target_share: float
    expected_reduction_kgco2e: float | None  # when the measure states an expected cut
    expected_reduction_share: float | None  # of the product total
    scenario: str | None = None  # id of the scenario the reduction was computed from
    expected_reduction_of_targets: float | None = None  # reduction as a fraction of target_kgco2e


@dataclass(frozen=True)
class Results:
    gwp_set: str
    products: tuple[ProductResult, ...]
    improvements: tuple[ImprovementResult, ...] = ()
    allocation: tuple[AllocationShare, ...] = ()  # when annual totals are shared between outputs


@dataclass(frozen=True)
class Calculated:
    """A validated spec and its results: what the report and every export are made from."""

    valid: ValidSpec
    results: Results
