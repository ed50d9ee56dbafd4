"""What the calculation produces: plain, immutable, full-precision values.

Everything is per functional unit and in kg (CO2e, or kg of a single gas).
Renderers read these; they never recompute.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    primary_share: float  # of the total, from lines with primary activity data
    secondary_share: float
    inventory_scale: float  # inventory bases per functional unit (1000: data per kg, results per t)
    mass_kg: float | None  # mass of one functional unit, when the spec states it


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


@dataclass(frozen=True)
class Results:
    gwp_set: str
    products: tuple[ProductResult, ...]
    improvements: tuple[ImprovementResult, ...] = ()
    allocation: tuple[AllocationShare, ...] = ()  # when annual totals are shared between outputs
