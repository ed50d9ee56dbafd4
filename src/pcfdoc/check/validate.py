"""Stage 2 of the pipeline: schema, then meaning checks; every problem at once.

Schema errors (types, required and unknown keys, single-table rules) come
first; the meaning checks need a complete spec, so they run once the schema
passes. Each problem is located by its path and, where the key can be found,
its line in the file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from marshmallow import ValidationError, missing

from ..errors import Problem, SpecInvalidError
from ..spec.fields import TOLERANT
from ..spec.images import read_pictures
from ..spec.library import resolve
from ..spec.load import SpecSource
from ..spec.schema import Node, Spec
from ..spec.schema_errors import locate, schema_problems
from ..spec.valid import ValidSpec
from .meaning import check
from .texts import placeholder_findings


def validate(source: SpecSource, *, strict: bool = False) -> ValidSpec:
    """Validate ``source``; raise SpecInvalidError listing every problem found.

    With ``strict``, warnings count as errors.
    """
    schema_errors: list[Problem] = []
    try:
        spec = Spec().load(source.data)
        pending: frozenset[str] = frozenset()
    except ValidationError as exc:
        schema_errors = schema_problems(source, exc.messages, Spec())
        spec = load_tolerant(source.data)
        pending = frozenset(_ids_in(source.data))
    try:
        resolved = resolve(spec, source)
        findings = check(spec, pending, resolved.table)
        pictures, picture_problems = read_pictures(spec, source)
    except Exception:  # noqa: BLE001 (see below)
        if not schema_errors:
            raise
        # The meaning checks are made for a complete spec; on one that failed the schema they
        # only add what else they can find. If a hole left by the schema trips them, the schema
        # errors, which say what to fix, are reported alone.
        raise SpecInvalidError(_sorted(schema_errors)) from None
    problems = schema_errors + resolved.problems + picture_problems + [
        locate(source, finding.path, finding.message, finding.severity)
        for finding in [*findings, *placeholder_findings(source.data, "warning")]
    ]
    return ValidSpec(source, spec, resolved.table, _judge(problems, strict), pictures)


def with_findings(valid: ValidSpec, findings: list, *, strict: bool = False) -> ValidSpec:
    """``valid`` with the findings of checks that need results; raise if any is an error."""
    located = [locate(valid.source, f.path, f.message, f.severity) for f in findings]
    return dataclasses.replace(valid, warnings=_judge(valid.warnings + located, strict))


def _judge(problems: list[Problem], strict: bool) -> list[Problem]:
    """The warnings, sorted; raise SpecInvalidError when there is an error (or, if strict, a warning)."""
    warnings = [p for p in problems if p.severity == "warning"]
    if strict and warnings:
        problems = [_as_error(p) for p in problems]
    if any(p.severity == "error" for p in problems):
        raise SpecInvalidError(_sorted(problems))
    return _sorted(warnings)


def load_tolerant(data: dict) -> Node:
    """Load what can be loaded: a table or array element that fails becomes None."""
    token = TOLERANT.set(True)
    try:
        parts = {}
        for name, field in Spec().fields.items():
            if name not in data:
                default = field.load_default
                parts[name] = None if default is missing else default() if callable(default) else default
                continue
            try:
                parts[name] = field.deserialize(data[name])
            except ValidationError:
                parts[name] = None
        return Node(**parts)
    finally:
        TOLERANT.reset(token)


def _ids_in(data: Any) -> Iterator[str]:
    """Every id written anywhere in the raw spec."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"]
        for value in data.values():
            yield from _ids_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from _ids_in(item)


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.file, problem.path, problem.message, problem.line, "error")


def _sorted(problems: list[Problem]) -> list[Problem]:
    # Library files first, then the spec, each by line (sort is stable for equal keys).
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


