"""The thin orchestrator: load → validate → calculate (→ render → write, later).

Every stage raises a PcfdocError subclass on bad input; nothing is written
until everything has been computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .calc import calculate
from .load import load
from .results import Results
from .validate import ValidSpec, validate


@dataclass(frozen=True)
class Calculated:
    valid: ValidSpec
    results: Results


def check(path: str | Path, *, strict: bool = False) -> ValidSpec:
    return validate(load(path), strict=strict)


def calc(path: str | Path, *, strict: bool = False) -> Calculated:
    valid = check(path, strict=strict)
    return Calculated(valid, calculate(valid.spec))
