"""Schema errors as located problems, in words a spec author can act on.

marshmallow reports nested dicts of generic messages; this turns each into a
Problem with its path, the line where the key stands, and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from marshmallow import Schema
from marshmallow.fields import Field, List, Nested

from ..errors import Problem, SpecPath, shorten
from .fields import describe, suggest
from .load import SpecSource

_MISSING = "Missing data for required field."


def locate(source: SpecSource, path: SpecPath, message: str, severity: str = "error") -> Problem:
    return Problem(source.file, path, message, source.line_of(path), severity)  # type: ignore[arg-type]


def schema_problems(source: SpecSource, messages: Any, root: Schema) -> list[Problem]:
    """marshmallow's messages for ``source`` as located problems (``root``: the schema it failed)."""
    problems = []
    for path, message in _flatten(messages, ()):
        problems.append(locate(source, path, _explain(source, path, message, root)))
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


def _explain(source: SpecSource, path: SpecPath, message: str, root: Schema) -> str:
    """Turn marshmallow's generic wording into what happened and what to do."""
    if message == "unknown key":
        parent = _schema_at(root, path[:-1])
        key = str(path[-1])
        # English twins (name_en …) are not listed: every printed text has one.
        allowed = [name for name, field in (parent.fields.items() if parent else ())
                   if key.endswith("_en") or not field.metadata.get("twin_of")]
        if key.endswith("_en") and key.removesuffix("_en") in allowed:
            printed = key.removesuffix("_en")
            return (f"unknown key {shorten(key)!r}; {printed!r} is not printed in the report, so it has no "
                    "English version")
        return f"unknown key {shorten(key)!r}; {suggest(key, allowed)}"
    if message == _MISSING:
        field = _field_at(root, path)
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


def _schema_at(root: Schema, path: SpecPath) -> Schema | None:
    """The schema describing the table at ``path`` (list indices skipped)."""
    schema: Schema = root
    for key in path:
        if isinstance(key, int):
            continue
        field = schema.fields.get(key)
        inner = _nested_schema(field)
        if inner is None:
            return None
        schema = inner
    return schema


def _field_at(root: Schema, path: SpecPath) -> Field | None:
    parent = _schema_at(root, path[:-1])
    return parent.fields.get(path[-1]) if parent is not None else None


def _nested_schema(field: Field | None) -> Schema | None:
    if isinstance(field, List):
        field = field.inner
    if isinstance(field, Nested):
        return field.schema
    return None
