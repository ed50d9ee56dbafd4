"""What validation hands on: a spec that passed, its resolved factor table and its warnings.

The type lives apart from the checks that make it, so the calculation's results
can refer to it without the checks and the calculation importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..errors import Problem
from .images import Picture
from .library import Entry
from .load import SpecSource
from .schema import Node


@dataclass(frozen=True)
class ValidSpec:
    """A spec that passed validation, its resolved factors, the pictures it names and the warnings a
    reviewer would raise."""

    source: SpecSource
    spec: Node
    factors: Mapping[str, Entry]  # every factor a line may name, by id
    warnings: list[Problem]
    # every picture the spec names, by the file name as written
    pictures: Mapping[str, Picture] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def factor_nodes(self) -> dict[str, Node]:
        return {factor_id: entry.factor for factor_id, entry in self.factors.items()}
