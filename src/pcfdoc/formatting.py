"""Rounding and number formatting: the only place results turn into text.

Rounding happens here and nowhere else, so every printed figure of a report
(or terminal table) comes from the same full-precision result. Inputs are never
rounded: :func:`exact` prints a number as the spec wrote it.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from .vocab.units import conversion_factor, english_unit, gas_of_unit

#: Figures keep this many significant digits, and never fewer than MIN_DECIMALS decimals.
SIGNIFICANT = 4
MIN_DECIMALS = 2
MAX_DECIMALS = 6


#: Enough digits for any float with its decimals (1.8e308 has 309): Decimal's default 28 would
#: refuse to round 1e30 to two decimals.
_WIDE = Context(prec=330, Emax=400, Emin=-400)


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as people do on paper (0.125 → 0.13), not banker's rounding."""
    return Decimal(repr(value)).quantize(_quantum(decimals), rounding=ROUND_HALF_UP, context=_WIDE)


@functools.cache
def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


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


def result_decimals(total: float, decimals: int | None = None, significant: int | None = None) -> int:
    """The decimals of every result of one product: fixed ``decimals``, or enough for ``significant``
    digits of its total; by default SIGNIFICANT digits of the total, at least MIN_DECIMALS."""
    if decimals is not None:
        return decimals
    if significant is None:
        return decimals_for(total)
    if total == 0 or not math.isfinite(total):
        return 0
    return max(0, min(10, significant - 1 - math.floor(math.log10(abs(total)))))


def column_decimals(values: Sequence[float]) -> int:
    """One decimal count for a whole column, set by its largest figure, so figures align."""
    return decimals_for(max((abs(v) for v in values), default=0.0))


def number(value: float, decimals: int) -> str:
    """'1,234.57' style, rounded half up."""
    return f"{round_half_up(value, decimals):,.{decimals}f}"


def column_number(value: float, decimals: int) -> str:
    """Like number(), but a small non-zero value reads '<0.01' rather than a false '0.00'."""
    text = number(value, decimals)
    if value > 0 and round_half_up(value, decimals) == 0:
        return "<" + number(10.0**-decimals, decimals)
    return text


def exact(value: float | int) -> str:
    """An input as the spec gave it: every digit written ('20.20', '10,561,464.084', 1.0e-5 as
    '0.000010'), grouped in thousands, never rounded. A float parsed from the spec remembers its
    text (spec.load.Written); any other is printed with the shortest digits that give it back."""
    written = getattr(value, "written", None)
    if written is not None:
        text = written.replace("_", "")
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = repr(value)
    try:
        digits = Decimal(text)
    except ArithmeticError:
        return text
    if not digits.is_finite():
        return text
    return f"{digits:,f}"


def share_texts(fractions: Sequence[float], decimals: int = 2) -> list[str]:
    """Shares in % that add up to 100 (percentages()); a non-zero share too small to show reads
    '<0.01', as a non-zero emission too small to show does (column_number)."""
    smallest = number(10.0**-decimals, decimals)
    return [f"<{smallest}" if fraction > 0 and share == 0 else str(share)
            for fraction, share in zip(fractions, percentages(fractions, decimals), strict=True)]


def share_text(fraction: float, decimals: int = 2) -> str:
    """A single share in %, '<0.01' when non-zero but too small to show."""
    text = percent(fraction, decimals)
    return f"<{number(10.0**-decimals, decimals)}" if fraction > 0 and float(text) == 0 else text


def clause(text: str | None) -> str:
    """A spec's text as the end of a sentence the template closes itself: without its own final
    full stop or semicolon (so that "按配方估算。" does not print "按配方估算。。")."""
    return (text or "").strip().rstrip("。．.；;，, ")


def plain(value: float) -> str:
    """An input figure as people write it: up to 6 significant digits, no exponent, no padding zeros."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    digits = Decimal(f"{value:.6g}")
    text = f"{digits:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(fraction: float, decimals: int = 2) -> str:
    """A single share as a percentage (lists of shares use percentages())."""
    return f"{round_half_up(fraction * 100.0, decimals):.{decimals}f}"


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


_FORMULAS = (("CO2e", "CO₂e"), ("CO2", "CO₂"), ("CH4", "CH₄"), ("N2O", "N₂O"), ("SF6", "SF₆"),
             ("NF3", "NF₃"), ("CF4", "CF₄"), ("C2F6", "C₂F₆"))


# Cached: a long inventory repeats a handful of units tens of thousands of times.
@functools.lru_cache(maxsize=1024)
def pretty_unit(unit: str, language: str = "zh-CN") -> str:
    """'kgCO2e/(t*km)' → 'kgCO₂e/(t·km)' for display; the spec keeps what was written. In English,
    Chinese unit words read in English: 'kgCO2e/台' → 'kgCO₂e/unit', '万kWh' → '10⁴ kWh'."""
    if language == "en":
        unit = english_unit(unit)
    text = unit.replace("**3", "³").replace("**2", "²").replace("*", "·")
    text = re.sub(r"(?<![A-Za-z])m3\b", "m³", text)
    for plain_formula, subscripted in _FORMULAS:
        text = text.replace(plain_formula, subscripted)
    return text


def factor_unit(unit: str, gas: str | None, language: str = "zh-CN") -> str:
    """A factor's unit for display; a bare mass numerator ('kg/kg') gets its gas: 'kg/kg（CH₄）'.

    ``gas`` is None for a factor that lists several gases (their names go with the values).
    """
    shown = pretty_unit(unit, language)
    if gas not in (None, "CO2e") and gas_of_unit(unit) is None:
        shown += f"（{pretty_unit(gas)}）"
    return shown


def date_zh(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"
