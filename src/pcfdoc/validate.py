"""Stage 2 of the pipeline: schema, then meaning checks; every problem at once.

Schema errors (types, required and unknown keys, single-table rules) come
first; the meaning checks need a complete spec, so they run once the schema
passes. Each problem is located by its path and, where the key can be found,
its line in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, ValidationError, missing
from marshmallow.fields import Field, List, Nested

from .checks import check
from .errors import Problem, SpecInvalidError, SpecPath, shorten
from .fields import TOLERANT, describe, suggest
from .load import SpecSource
from .schema import Node, Spec

_MISSING = "Missing data for required field."


@dataclass(frozen=True)
class ValidSpec:
    """A spec that passed validation, with the warnings a reviewer would raise."""

    source: SpecSource
    spec: Node
    warnings: list[Problem]


def validate(source: SpecSource, *, strict: bool = False) -> ValidSpec:
    """Validate ``source``; raise SpecInvalidError listing every problem found.

    With ``strict``, warnings count as errors.
    """
    schema_errors: list[Problem] = []
    try:
        spec = Spec().load(source.data)
        pending: frozenset[str] = frozenset()
    except ValidationError as exc:
        schema_errors = schema_problems(source, exc.messages)
        spec = load_tolerant(source.data)
        pending = frozenset(_ids_in(source.data))
    problems = schema_errors + [
        _locate(source, finding.path, finding.message, finding.severity)
        for finding in check(spec, pending)
    ]
    warnings = [p for p in problems if p.severity == "warning"]
    if strict and warnings:
        problems = [_as_error(p) for p in problems]
    if any(p.severity == "error" for p in problems):
        raise SpecInvalidError(_sorted(problems))
    return ValidSpec(source, spec, _sorted(warnings))


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
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


def _locate(source: SpecSource, path: SpecPath, message: str, severity: str = "error") -> Problem:
    return Problem(source.file, path, message, source.line_of(path), severity)  # type: ignore[arg-type]


def schema_problems(source: SpecSource, messages: Any) -> list[Problem]:
    problems = []
    for path, message in _flatten(messages, ()):
        problems.append(_locate(source, path, _explain(source, path, message)))
    return problems


def _flatten(messages: Any, path: SpecPath) -> Iterator[tuple[SpecPath, str]]:
    if isinstance(messages, dict):
        for key, value in messages.items():
            yield from _flatten(value, path if key == "_schema" else path + (key,))
    elif isinstance(messages, list):
        for message in messages:
            yield from _flatten(message, path)
    else:
        yield path, str(messages)


def _explain(source: SpecSource, path: SpecPath, message: str) -> str:
    """Turn marshmallow's generic wording into what happened and what to do."""
    if message == "unknown key":
        allowed = list(_schema_at(path[:-1]).fields) if _schema_at(path[:-1]) else []
        return f"unknown key {shorten(str(path[-1]))!r}; {suggest(str(path[-1]), allowed)}"
    if message == _MISSING:
        field = _field_at(path)
        meaning = f" ({field.metadata['doc']})" if field is not None and field.metadata.get("doc") else ""
        return f"required key {shorten(str(path[-1]))!r} is missing{meaning}; add it"
    if message == "expected a table":
        return (f"expected a table, got {describe(_raw_value(source.data, path))}; write it as "
                "{ key = value, ... } or under a [section] header")
    return message


def _raw_value(data: Any, path: SpecPath) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _schema_at(path: SpecPath) -> Schema | None:
    """The schema describing the table at ``path`` (list indices skipped)."""
    schema: Schema = Spec()
    for key in path:
        if isinstance(key, int):
            continue
        field = schema.fields.get(key)
        inner = _nested_schema(field)
        if inner is None:
            return None
        schema = inner
    return schema


def _field_at(path: SpecPath) -> Field | None:
    parent = _schema_at(path[:-1])
    return parent.fields.get(path[-1]) if parent is not None else None


def _nested_schema(field: Field | None) -> Schema | None:
    if isinstance(field, List):
        field = field.inner
    if isinstance(field, Nested):
        return field.schema
    return None
