"""What a factor is a factor of, and the values the shipped library holds for each kind.

A factor belongs to a family (diesel, steel and iron, road freight, grid
electricity …) of one kind (fuel, material, freight, electricity, water). The
shipped library states each record's kind; a spec's own factor may state it and
is otherwise recognised by its unit and the words of its name. Within a kind the
family is found from the name (柴油, 钢, 货车 …): one keyword table serves the
library and the spec, so both are classified alike, and a test keeps every
shipped record inside a family.

The plausibility range of a family is derived from the library's own values in
the same activity dimension (per kg, per kWh, per m³, per t·km), widened by
RANGE_MARGIN on either side: wide enough for ordinary differences of technology
or region, narrow enough to catch a unit slip (kg for t, kWh for MWh) or a
misplaced decimal point.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ..spec.library import Entry
from ..spec.schema import Node
from ..vocab.catalogue import FREIGHT_UNIT
from ..vocab.gwp import CO2E
from ..vocab.units import UnitError, conversion_factor, convertible, gas_mass_unit, gas_of_unit

#: A factor more than this many times below the library's lowest value of its family, or above its
#: highest, is questioned.
RANGE_MARGIN = 10.0


@dataclass(frozen=True)
class Family:
    kind: str
    id: str
    label: str  # in messages: "diesel", "steel and iron"
    keywords: tuple[str, ...]  # Chinese ones match anywhere in a name, Latin ones as whole words
    excludes: tuple[str, ...] = ()
    group: str = ""  # families compared as one (generation types with grid electricity); default: id

    @property
    def range_group(self) -> str:
        return self.group or self.id

    def names(self, text: str) -> bool:
        lowered = text.lower()
        if any(_has(lowered, word) for word in self.excludes):
            return False
        return any(_has(lowered, word) for word in self.keywords)


def _has(text: str, word: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    return word in text


# Order matters within a kind: the first family whose keywords a name holds wins (煤油 before 煤,
# 水泥 before 水, 输配电 before 电力).
FAMILIES: tuple[Family, ...] = (
    Family("freight", "road", "road freight",
           ("货车", "卡车", "公路", "道路", "汽运", "truck", "lorry", "road")),
    Family("freight", "rail", "rail freight", ("铁路", "机车", "火车", "rail", "train", "locomotive")),
    Family("freight", "water", "water freight", ("船", "水运", "海运", "内河", "ship", "vessel", "barge")),
    Family("freight", "air", "air freight", ("航空", "空运", "飞机", "air", "aircraft", "flight")),
    Family("electricity", "transmission", "transmission and distribution",
           ("输配电", "线损", "transmission")),
    Family("electricity", "generation", "electricity by generation type",
           ("发电", "风电", "光伏", "水电", "核电", "wind", "photovoltaic", "solar", "hydro", "nuclear"),
           group="electricity"),
    Family("electricity", "electricity", "grid electricity",
           ("电力", "电网", "用电", "购电", "供电", "市电", "electricity", "grid", "power")),
    Family("fuel", "diesel", "diesel", ("柴油", "diesel", "gas oil")),
    Family("fuel", "gasoline", "gasoline", ("汽油", "gasoline", "petrol")),
    Family("fuel", "kerosene", "kerosene", ("煤油", "kerosene", "jet fuel")),
    Family("fuel", "lpg", "liquefied petroleum gas", ("液化石油气", "lpg")),
    Family("fuel", "lng", "liquefied natural gas", ("液化天然气", "lng")),
    Family("fuel", "natural-gas", "natural gas", ("天然气", "natural gas")),
    Family("fuel", "fuel-oil", "fuel oil", ("燃料油", "重油", "fuel oil", "heavy oil")),
    Family("fuel", "crude-oil", "crude oil", ("原油", "crude")),
    Family("fuel", "coal-gas", "coal gas", ("煤气", "coke oven gas", "town gas")),
    Family("fuel", "coke", "coke", ("焦炭", "coke")),
    Family("fuel", "coal", "coal", ("煤", "coal", "anthracite", "lignite"), excludes=("煤矸石",)),
    Family("material", "aluminium", "aluminium", ("铝", "aluminium", "aluminum")),
    Family("material", "copper", "copper", ("铜", "copper")),
    Family("material", "steel", "steel and iron", ("钢", "铁", "steel", "iron"), excludes=("塑钢",)),
    Family("material", "cement", "cement", ("水泥", "熟料", "cement", "clinker")),
    Family("material", "concrete", "concrete", ("混凝土", "concrete")),
    Family("material", "lime", "lime", ("石灰", "lime"), excludes=("石灰石", "limestone")),
    Family("material", "glass", "glass", ("玻璃", "glass")),
    Family("material", "plastics", "plastics",
           ("聚乙烯", "聚丙烯", "聚氯乙烯", "聚苯乙烯", "聚氨酯", "塑料", "pvc", "pe", "hdpe", "ldpe",
            "lldpe", "pp", "ppr", "ps", "eps", "xps", "pu", "plastic", "polyethylene", "polypropylene",
            "polystyrene", "polyurethane", "polyvinyl chloride")),
    Family("material", "mineral-wool", "mineral wool", ("岩棉", "矿棉", "rock wool", "mineral wool")),
    Family("water", "tap-water", "tap water", ("自来水", "用水", "新鲜水", "tap water", "water"),
           excludes=("废水", "污水", "wastewater")),
)
#: A factor of these kinds that no family names is compared with its whole kind.
_KIND_WIDE = {kind: Family(kind, kind, kind, ()) for kind in ("electricity", "fuel", "freight")}
#: The freight family of each transport mode a leg may name.
_MODE_FAMILY = {family.id: family for family in FAMILIES if family.kind == "freight"}

#: Activity units a factor's value is compared in: (dimension, unit, label). A gas volume at normal
#: conditions (Nm³) is compared with one in m³: they differ by a few per cent, far inside the margin.
_DIMENSIONS = (("mass", "kg", "kg"), ("energy", "kWh", "kWh"), ("volume", "m**3", "m³"),
               ("volume", "Nm3", "m³"), ("freight", FREIGHT_UNIT, "t·km"), ("area", "m**2", "m²"))
_LABELS = {dimension: label for dimension, _, label in _DIMENSIONS}
_KINDS_BY_DIMENSION = {
    "freight": ("freight",), "energy": ("electricity",), "mass": ("fuel", "material", "water"),
    "volume": ("fuel", "material", "water"), "area": ("material",),
}


@dataclass(frozen=True)
class Magnitude:
    """A factor's value as kg CO2e per unit of its activity dimension."""

    dimension: str
    value: float

    @property
    def unit(self) -> str:
        return f"kgCO2e/{_LABELS[self.dimension]}"


def magnitude(factor: Node) -> Magnitude | None:
    """The factor's value per kg, kWh, m³, t·km or m² of activity; None for counts, several gases or
    a gas other than CO2 or CO2e."""
    if factor.gases is not None or factor.value is None or factor.gas not in ("CO2", CO2E):
        return None
    numerator = gas_mass_unit(factor.gas) if gas_of_unit(factor.unit) else "kg"
    for dimension, unit, _ in _DIMENSIONS:
        target = f"{numerator}/({unit})"
        try:
            if convertible(factor.unit, target):
                return Magnitude(dimension, factor.value * conversion_factor(factor.unit, target))
        except UnitError:
            return None
    return None


def family_of(factor: Node, *, modes: Iterable[str] = ()) -> Family | None:
    """The family a factor belongs to, from its kind, unit and name; None when pcfdoc cannot tell."""
    found = magnitude(factor)
    kinds = (factor.kind,) if factor.kind else _KINDS_BY_DIMENSION.get(found.dimension, ()) if found else ()
    text = " ".join(part for part in (factor.name, factor.name_en) if part)
    for family in FAMILIES:
        if family.kind in kinds and family.names(text):
            return family
    leg_modes = set(modes)
    if "freight" in kinds and len(leg_modes) == 1 and (mode := leg_modes.pop()) in _MODE_FAMILY:
        return _MODE_FAMILY[mode]
    if factor.kind:
        return _KIND_WIDE.get(factor.kind)
    # Per t·km can only be freight; a per-kWh or per-kg factor named nothing pcfdoc knows is left alone.
    return _KIND_WIDE["freight"] if kinds == ("freight",) else None


@dataclass(frozen=True)
class Reference:
    """A shipped factor's value in a family's comparison unit."""

    entry: Entry
    magnitude: Magnitude


@dataclass(frozen=True)
class Range:
    references: tuple[Reference, ...]

    @property
    def low(self) -> float:
        return min(r.magnitude.value for r in self.references) / RANGE_MARGIN

    @property
    def high(self) -> float:
        return max(r.magnitude.value for r in self.references) * RANGE_MARGIN

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high

    def nearest(self, value: float) -> Reference:
        """The reference closest on a log scale (a factor ten times too large is as far as one ten
        times too small)."""
        return min(self.references, key=lambda r: abs(math.log(max(value, 1e-300) / r.magnitude.value)))


def ranges(entries: Iterable[Entry]) -> Mapping[tuple[str, str], Range]:
    """Plausibility ranges by (family group, dimension), from the given library entries."""
    grouped: dict[tuple[str, str], list[Reference]] = {}
    for entry in entries:
        factor = entry.factor
        found = magnitude(factor)
        family = family_of(factor)
        if found is None or family is None or found.value <= 0:
            continue
        key = (family.range_group, found.dimension)
        grouped.setdefault(key, []).append(Reference(entry, found))
    return {key: Range(tuple(references)) for key, references in grouped.items()}


@cache
def shipped_ranges() -> Mapping[tuple[str, str], Range]:
    from ..spec.library import shipped

    return ranges(shipped())
