"""GWP100 sets shipped with pcfdoc (data in ``data/gwp.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

#: The pseudo-gas of values already expressed as CO2 equivalents.
CO2E = "CO2e"


@dataclass(frozen=True)
class Gas:
    id: str
    name_zh: str
    formula: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_zh


@dataclass(frozen=True)
class GwpSet:
    id: str
    title: str
    values: Mapping[str, float]
    statuses: Mapping[str, str]  # "verified" unless the data file says otherwise

    def factor(self, gas: str) -> float:
        """kg CO2e per kg of ``gas``; CO2e itself is 1."""
        return 1.0 if gas == CO2E else self.values[gas]

    def has(self, gas: str) -> bool:
        return gas == CO2E or gas in self.values

    def status(self, gas: str) -> str:
        return self.statuses.get(gas, "verified")


@cache
def _data() -> dict:
    text = resources.files("pcfdoc").joinpath("data/gwp.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def gases() -> Mapping[str, Gas]:
    """The single gases pcfdoc knows, by id (CO2e excluded)."""
    return MappingProxyType(
        {gas_id: Gas(gas_id, **info) for gas_id, info in _data()["gases"].items()}
    )


@cache
def gwp_sets() -> Mapping[str, GwpSet]:
    sets = {}
    for set_id, table in _data()["sets"].items():
        values = {k: float(v) for k, v in table.items() if k not in ("title", "status")}
        statuses = MappingProxyType(dict(table.get("status", {})))
        sets[set_id] = GwpSet(set_id, table["title"], MappingProxyType(values), statuses)
    return MappingProxyType(sets)


def gas_ids() -> tuple[str, ...]:
    """Every value a spec may give as ``gas``."""
    return (CO2E, *gases())


def single_gases() -> tuple[str, ...]:
    """The gases a factor may list separately (everything but CO2e)."""
    return tuple(gases())
