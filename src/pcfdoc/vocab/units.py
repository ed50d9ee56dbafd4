"""Units: pint registry, the spellings consultants use, and emission-unit helpers.

Every conversion in pcfdoc goes through this module. Unit strings in a spec are
kept as written (for display); the calculation asks here for parsed units and
conversion factors, which are cached because the same few units repeat on
thousands of inventory lines.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from .gwp import CO2E, gases

_SUPERSCRIPTS = {"²": "**2", "³": "**3"}
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")

# Spellings seen in Chinese reports, rewritten into pint syntax. Order matters:
# the 10⁴ / 万 prefix and Nm³ are resolved before generic superscripts.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[·∙⋅×]"), "*"),
    (re.compile(r"(?:10⁴|10\^4|万)\s*"), "myriad*"),
    (re.compile(r"Nm(?:³|\^3|\*\*3|3)"), "Nm3"),
    (re.compile(r"(?<![A-Za-z])m(³|²)"), lambda m: "m" + _SUPERSCRIPTS[m.group(1)]),
    (re.compile(r"(?<![A-Za-z])m([23])(?![0-9A-Za-z])"), r"m**\1"),
    (re.compile(r"([A-Za-z]|\))\^(\d)"), r"\1**\2"),
    (re.compile(r"CO2-?eq\b"), "CO2e"),
)


class UnitError(ValueError):
    """A unit string that pcfdoc cannot read."""


def _gas_unit_stem(gas: str) -> str:
    # pint names cannot hold '-', so HFC-134a becomes gHFC134a.
    return gas.replace("-", "")


def _gas_definitions() -> str:
    lines = []
    for gas in (CO2E, *gases()):
        stem = _gas_unit_stem(gas)
        dim = f"[{stem.lower()}]"
        aliases = " = gCO2eq" if gas == CO2E else ""
        lines.append(f"gram_{stem} = {dim} = g{stem}{aliases}")
        lines.append(f"tonne_{stem} = 1e6 * gram_{stem} = t{stem}")
        # "kg CO2e" (with a space) reads as kg × CO2e, so CO2e is "gCO2e per gram".
        lines.append(f"{stem} = gram_{stem} / gram")
    return "\n".join(lines)


@cache
def registry():
    """The shared pint registry (built on first use; pint is slow to import)."""
    import pint

    definitions = resources.files("pcfdoc").joinpath("data/units.txt").read_text("utf-8")
    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False, cache_folder=None)
    for block in (definitions, _gas_definitions()):
        ureg.load_definitions(block.splitlines())
    return ureg


def normalise(text: str) -> str:
    """Rewrite report spellings (t·km, m³, 10⁴Nm³, kgCO₂e, 万kWh) into pint syntax."""
    text = text.strip().translate(_SUBSCRIPTS)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return _group_denominator(text)


def _group_denominator(text: str) -> str:
    """Everything after the first '/' is the denominator, as every report writes it.

    'kg/t·km' means per t·km and 'kgCO2/kW·h' per kWh, while pint alone reads
    'kg/t*km' as (kg/t)·km. A denominator already in one pair of brackets is kept.
    """
    numerator, slash, denominator = text.partition("/")
    denominator = denominator.strip()
    if not slash or not any(sign in denominator for sign in "*/") or _bracketed(denominator):
        return text
    return f"{numerator.rstrip()}/({denominator.replace('/', '*')})"


def _bracketed(text: str) -> bool:
    """'(t*km)' is one bracketed group; '(t*km)*h' is not."""
    if not text.startswith("("):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index == len(text) - 1
    return False


#: How units are written, for every message about a unit that cannot be read.
HOW_TO_WRITE = ("write units as kg, t, kWh, MWh, GJ, tce, m3, Nm3, L, t*km (or t·km), 万kWh, 10⁴Nm³ or a "
                "counting unit (台, 套, 件, 个, 只, piece); factors as kgCO2e/kWh: everything after '/' "
                "is the denominator, so kgCO2e/t·km is per t·km")


@lru_cache(maxsize=4096)
def parse_unit(text: str):
    """Parse a unit string; raises UnitError with a message a consultant can act on."""
    import pint

    if not text or not text.strip():
        raise UnitError("empty unit; write a unit such as kg, kWh or t*km")
    try:
        unit = registry().parse_units(normalise(text))
    except pint.errors.UndefinedUnitError as exc:
        names = ", ".join(sorted(exc.unit_names)) if exc.unit_names else text
        raise UnitError(f"unknown unit {names!s} in {text!r}; {HOW_TO_WRITE}") from None
    except Exception as exc:  # pint raises several unrelated types for malformed text
        detail = f" ({exc})" if str(exc) else ""
        raise UnitError(f"cannot read unit {text!r}{detail}; {HOW_TO_WRITE}") from None
    return unit


@lru_cache(maxsize=4096)  # asked for every line by the checks and the cut-off (is_mass, convertible)
def dimensionality(text: str):
    return registry().get_dimensionality(parse_unit(text))


def describe_dimensionality(dims) -> str:
    """'energy', 'mass', 'length·mass', 'count (台)' … for error messages."""
    if not dims:
        return "a pure number"
    parts = []
    for name, power in sorted(dict(dims).items()):
        label = name.strip("[]")
        if label.startswith("count_"):
            label = "count"
        parts.append(label if power == 1 else f"{label}^{power:g}")
    return "·".join(parts)


@lru_cache(maxsize=4096)
def conversion_factor(from_text: str, to_text: str) -> float:
    """Multiplier taking a value in ``from_text`` units to ``to_text`` units.

    Raises pint's DimensionalityError when the units do not convert.
    """
    ureg = registry()
    return float(ureg.Quantity(1.0, parse_unit(from_text)).to(parse_unit(to_text)).magnitude)


def convertible(from_text: str, to_text: str) -> bool:
    return dimensionality(from_text) == dimensionality(to_text)


@cache
def _gas_by_dimension() -> dict:
    ureg = registry()
    table = {}
    for gas in (CO2E, *gases()):
        table[ureg.get_dimensionality(f"g{_gas_unit_stem(gas)}")] = gas
    return table


@lru_cache(maxsize=4096)
def gas_of_unit(text: str) -> str | None:
    """The gas a unit's numerator names: 'kgCH4/kWh' → 'CH4'; plain 'kg/kWh' → None."""
    dims = dict(dimensionality(text))
    for gas_dims, gas in _gas_by_dimension().items():
        (gas_dim,) = gas_dims.keys()
        if dims.get(gas_dim) == 1:
            return gas
    return None


def gas_mass_unit(gas: str) -> str:
    """The kg unit of a gas: 'kgCO2e', 'kgCH4', 'kgHFC134a'."""
    return f"kg{_gas_unit_stem(gas)}"


@lru_cache(maxsize=4096)
def emission_of(activity_unit: str, factor_unit: str, plain_mass_gas: str):
    """What ``activity × factor`` gives: (gas, multiplier to kg of that gas) or None.

    ``plain_mass_gas`` is the gas meant when the factor's numerator is a bare
    mass (kg/kWh): the factor's declared gas.
    """
    ureg = registry()
    product = ureg.Quantity(1.0, parse_unit(activity_unit)) * ureg.Quantity(
        1.0, parse_unit(factor_unit)
    )
    dims = product.dimensionality
    if dims == ureg.get_dimensionality("kg"):
        return plain_mass_gas, float(product.to("kg").magnitude)
    gas = _gas_by_dimension().get(dims)
    if gas is None:
        return None
    return gas, float(product.to(gas_mass_unit(gas)).magnitude)


def expected_activity(factor_unit: str, gas: str) -> str:
    """What an activity must be measured in for activity × factor to be a gas mass.

    'kgCO2e/kWh' → 'kWh (energy)'; the unit named is the factor's own denominator.
    """
    ureg = registry()
    target = ureg.get_dimensionality(gas_mass_unit(gas) if gas_of_unit(factor_unit) else "kg")
    needed = describe_dimensionality(target / ureg.get_dimensionality(parse_unit(factor_unit)))
    _, slash, denominator = normalise(factor_unit).partition("/")
    if slash and denominator:
        return f"{denominator.strip().removeprefix('(').removesuffix(')')} ({needed})"
    return needed


def co2e_unit(unit: str) -> str:
    """'kg/TJ' → 'kgCO2e/TJ': the CO2-equivalent form of a plain-mass-per-activity unit."""
    numerator, _, denominator = unit.partition("/")
    return f"{numerator.strip()}CO2e/{denominator.strip()}"


#: Mass of CO2 per mass of carbon.
CO2_PER_C = 44.0 / 12.0


def combustion_factor(ncv: float, ncv_unit: str, carbon_content_t_per_tj: float, oxidation: float,
                      unit: str) -> float:
    """NCV × carbon content (tC/TJ) × oxidation × 44/12, expressed in ``unit`` (e.g. tCO2/t)."""
    ureg = registry()
    co2 = (ureg.Quantity(ncv, parse_unit(ncv_unit))
           * ureg.Quantity(carbon_content_t_per_tj * CO2_PER_C, parse_unit("tCO2/TJ")) * oxidation)
    try:
        return float(co2.to(parse_unit(unit)).magnitude)
    except Exception:  # pint's DimensionalityError: the units do not fit together
        raise UnitError(
            f"NCV in {ncv_unit} × carbon content in tC/TJ gives CO2 per "
            f"{describe_dimensionality(ureg.get_dimensionality('tCO2') / co2.dimensionality)}, "
            f"which {unit} is not; write the unit as tCO2/<the NCV's activity unit>"
        ) from None


def is_mass(text: str) -> bool:
    return dimensionality(text) == dimensionality("kg")
