"""What every check shares: findings, the context of the spec under check, references."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

from ..calc.derive import Unresolvable, emission_unit, factor_gases
from ..errors import SpecPath, dotted
from ..spec.library import Entry
from ..spec.schema import Node
from ..vocab.gwp import gwp_sets

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    severity: Literal["error", "warning"]
    path: SpecPath
    message: str


class Findings(list):
    def error(self, path: SpecPath, message: str) -> None:
        self.append(Finding("error", path, message))

    def warn(self, path: SpecPath, message: str) -> None:
        self.append(Finding("warning", path, message))


def unknown_message(what: str, ref: str, known: Iterable[str], fix: str) -> str:
    """'unknown factor 'steal'; did you mean 'steel'? If not, define it under [[factors]]'."""
    match = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    if match:
        return f"unknown {what} {ref!r}; did you mean {match[0]!r}? If not, {fix}"
    return f"unknown {what} {ref!r}; {fix}"


def present(items: list | None) -> list[tuple[int, Node]]:
    """(index, item) of the items that loaded; indices stay those of the file."""
    return [(i, item) for i, item in enumerate(items or []) if item is not None]


class CheckContext:
    """The spec under check, with what failed the schema and a findings list."""

    def __init__(self, spec: Node, pending_ids: frozenset[str], factors: Mapping[str, Entry]):
        self.spec, self.pending_ids, self.out = spec, pending_ids, Findings()
        self.complete = not pending_ids
        self.entries = factors
        self.factors = {factor_id: entry.factor for factor_id, entry in factors.items()}
        self.used_factors: dict[str, SpecPath] = {}  # id → first place that uses it
        # what a report issued then could know of (factors published by that day)
        self.issue_date = spec.report.issue_date if spec.report is not None else None

    def resolve(self, derive: Callable[[], T]) -> T | None:
        try:
            return derive()
        except Unresolvable as exc:
            self.out.error(exc.path, exc.message)
            return None

    def unknown(self, path: SpecPath, what: str, ref: str, known: Iterable[str], fix: str) -> None:
        """Report a dangling reference, unless it names a table that failed the schema."""
        if ref not in self.pending_ids:
            self.out.error(path, unknown_message(what, ref, known, fix))

    def factor(self, path: SpecPath, factor_id: str) -> Node | None:
        factor = self.factors.get(factor_id)
        if factor is None:
            self.unknown(path, "factor", factor_id, self.factors,
                         "define it under [[factors]] or pick an id from `pcfdoc factors`")
            return None
        self.used_factors.setdefault(factor_id, path)
        gwp_set = self.spec.method.gwp if self.spec.method is not None else None
        for gas in factor_gases(factor):
            if gwp_set and not gwp_sets()[gwp_set].has(gas):
                self.out.error(path, f"factor {factor_id!r} is a mass of {gas}, which has no {gwp_set} GWP "
                                     "in pcfdoc's sets; choose another [method] gwp or give the gas as CH4")
        return factor

    def factor_fits(self, path: SpecPath, activity_unit: str, factor: Node) -> None:
        """Report when the factor's unit cannot turn ``activity_unit`` into an emission."""
        label = f"factor {factor.id!r} ({factor.unit})"
        for gas in factor_gases(factor):
            converted = self.resolve(
                lambda gas=gas: emission_unit(activity_unit, factor.unit, gas, path, label))
            if converted is None:
                return

    def allocation_ready(self) -> bool:
        """Whether every table that allocation shares depend on loaded."""
        spec = self.spec
        return (spec.company is not None and spec.allocation is not None
                and None not in spec.company.annual_output and None not in (spec.products or []))


def unique(out: Findings, paths: list[SpecPath], ids: list[str], what: str) -> None:
    seen: dict[str, SpecPath] = {}
    for path, item_id in zip(paths, ids, strict=True):
        if item_id in seen:
            out.error(path, f"{what} {item_id!r} is used twice (first at {dotted(seen[item_id])}); "
                            "ids must be unique")
        else:
            seen[item_id] = path


