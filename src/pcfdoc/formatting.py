"""Rounding and number formatting: the only place results turn into text.

Rounding happens here and nowhere else, so every printed figure of a report
(or terminal table) comes from the same full-precision result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from .units import conversion_factor

#: Figures keep this many significant digits, and never fewer than MIN_DECIMALS decimals.
SIGNIFICANT = 4
MIN_DECIMALS = 2
MAX_DECIMALS = 6


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as people do on paper (0.125 → 0.13), not banker's rounding."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percentages(fractions: Sequence[float], decimals: int = 1) -> list[Decimal]:
    """Fractions as percentages that add up to exactly 100 (largest remainder method).

    When every fraction is 0 (an empty product) all are 0.
    """
    if not fractions or not any(fractions):
        return [Decimal(0).quantize(Decimal(1).scaleb(-decimals)) for _ in fractions]
    steps = 100 * 10**decimals
    total = math.fsum(fractions)
    exact = [f / total * steps for f in fractions]
    floors = [math.floor(x) for x in exact]
    short = steps - sum(floors)
    # Hand the missing steps to the largest remainders; ties go to the earlier item.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return [Decimal(n).scaleb(-decimals) for n in floors]


def decimals_for(value: float) -> int:
    """Decimals that show ``value`` with SIGNIFICANT digits (at least MIN_DECIMALS)."""
    if value == 0 or not math.isfinite(value):
        return MIN_DECIMALS
    magnitude = math.floor(math.log10(abs(value)))
    return max(MIN_DECIMALS, min(MAX_DECIMALS, SIGNIFICANT - 1 - magnitude))


def column_decimals(values: Sequence[float]) -> int:
    """One decimal count for a whole column, set by its largest figure, so figures align."""
    return decimals_for(max((abs(v) for v in values), default=0.0))


def number(value: float, decimals: int) -> str:
    """'1,234.57' style, rounded half up."""
    return f"{round_half_up(value, decimals):,.{decimals}f}"


def figure(value: float) -> str:
    """A single figure with its natural number of decimals."""
    return number(value, decimals_for(value))


def in_unit(kgco2e: float, unit: str) -> float:
    """A kg CO2e value expressed in ``unit`` (kgCO2e, tCO2e or gCO2e)."""
    return kgco2e * conversion_factor("kgCO2e", unit)


def per_unit_label(result_unit: str, fu_amount: float, fu_unit: str) -> str:
    """'kgCO2e/台', or 'kgCO2e/(1000 kg)' when the functional unit is not one unit."""
    amount = f"{fu_amount:g}"
    return f"{result_unit}/{fu_unit}" if amount == "1" else f"{result_unit}/({amount} {fu_unit})"


def pretty_unit(unit: str) -> str:
    """'kgCO2e/(t*km)' → 'kgCO2e/(t·km)' for display; the spec keeps what was written."""
    return unit.replace("**3", "³").replace("**2", "²").replace("*", "·")
