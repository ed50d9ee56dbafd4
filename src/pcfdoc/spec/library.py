"""Factor libraries: the one shipped with pcfdoc, a consultant's own files, and the spec's factors.

A spec's line names a factor by id. The id is looked up in, from strongest to
weakest: the spec's own [[factors]], the library files listed under
[library] paths, and the shipped library (data/factors/*.toml). Replacing a
library factor must be said with ``override = true``; an id defined twice at
one level, or overriding nothing, is an error.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from marshmallow import ValidationError

from ..errors import PcfdocError, Problem, SpecPath, SpecReadError, dotted
from ..vocab.catalogue import FACTOR_KINDS, FACTOR_SCOPES
from .load import SpecSource, load
from .schema import LibraryFile, Node
from .schema_errors import schema_problems

SHIPPED = "pcfdoc"


@dataclass(frozen=True)
class Entry:
    """A factor and where it was defined."""

    factor: Node
    origin: str  # SHIPPED, a library file path, or the spec file
    path: SpecPath  # where in that file
    source: SpecSource | None = field(default=None, repr=False, compare=False)  # None: shipped

    @property
    def line(self) -> int | None:
        """The line of the factor's id, looked up only when asked: locating keys scans the whole file."""
        return None if self.source is None else self.source.line_of(self.path + ("id",))


@cache
def shipped() -> tuple[Entry, ...]:
    """The shipped library; its data are part of pcfdoc, so an error here is a bug."""
    entries = []
    folder = resources.files("pcfdoc").joinpath("data/factors")
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".toml"):
            continue
        data = tomllib.loads(resource.read_text("utf-8"))
        library = LibraryFile().load(data)  # raises: shipped data must be valid
        entries += [Entry(factor, SHIPPED, ("factors", i)) for i, factor in enumerate(library.factors)]
    return tuple(entries)


@cache
def shipped_by_id() -> Mapping[str, Entry]:
    return MappingProxyType({entry.factor.id: entry for entry in shipped()})


def library_files(base: Path, paths: Iterable[str]) -> list[Path]:
    """The .toml files named by [library] paths, relative to ``base`` (folders expand to their *.toml,
    sorted)."""
    files = []
    for name in paths:
        path = base / name
        files += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return files


def load_user_library(path: Path, named_at: tuple[SpecSource, SpecPath] | None = None
                      ) -> tuple[list[Entry], list[Problem]]:
    """Records of one library file, or the problems that keep it from loading.

    ``named_at`` is where a spec names the file (its library.paths entry): a file that cannot be
    read at all (missing, a folder or a pipe, not UTF-8) is reported there, with its line.
    """
    try:
        source: SpecSource = load(path)
    except SpecReadError as error:
        message = str(error).removeprefix(f"{path}: ").removeprefix(f"{path}:")
        if named_at is not None:
            spec, where = named_at
            return [], [Problem(spec.file, where, f"library file {path}: {message.strip()}",
                                spec.line_of(where))]
        return [], [Problem(str(path), (), message.strip())]
    except PcfdocError as error:
        return [], [Problem(str(path), (), line.split(": ", 1)[-1]) for line in error.lines()]
    try:
        library = LibraryFile().load(source.data)
    except ValidationError as exc:
        return [], schema_problems(source, exc.messages, LibraryFile())
    return [Entry(factor, source.file, ("factors", i), source)
            for i, factor in enumerate(library.factors)], []


@dataclass(frozen=True)
class Resolved:
    table: Mapping[str, Entry]
    problems: list[Problem]


def resolve(spec: Node, source: SpecSource) -> Resolved:
    """Merge shipped, user and spec factors; report conflicts where they are written."""
    problems: list[Problem] = []
    table: dict[str, Entry] = dict(shipped_by_id())
    user: dict[str, Entry] = {}
    paths = spec.library.paths if spec.library is not None else []
    for index, name in enumerate(paths or ()):
        if name is None:  # failed the schema; already reported
            continue
        for path in library_files(source.folder, [name]):
            entries, file_problems = load_user_library(path, (source, ("library", "paths", index)))
            problems += file_problems
            for entry in entries:
                problem = _conflict(entry, user, table)
                if problem:
                    problems.append(problem)
                else:
                    user[entry.factor.id] = entry
    table.update(user)
    own: dict[str, Entry] = {}
    for index, factor in enumerate(spec.factors or []):
        if factor is None:  # failed the schema; already reported
            continue
        path = ("factors", index)
        entry = Entry(factor, source.file, path, source)
        problem = _conflict(entry, own, table)
        if problem:
            problems.append(problem)
        else:
            own[factor.id] = entry
    table.update(own)
    return Resolved(table, problems)


def _conflict(entry: Entry, same_level: dict[str, Entry], below: dict[str, Entry]) -> Problem | None:
    factor_id = entry.factor.id
    where = entry.path + ("id",)
    if factor_id in same_level:
        first = same_level[factor_id]
        return Problem(entry.origin, where, f"factor id {factor_id!r} is defined twice (first at "
                                            f"{_place(first, entry.origin)}); ids must be unique", entry.line)
    if factor_id in below and not entry.factor.override:
        return Problem(entry.origin, where,
                       f"factor id {factor_id!r} is also in {_place(below[factor_id], entry.origin)}; "
                       "rename it, or set override = true to replace that factor", entry.line)
    if entry.factor.override and factor_id not in below:
        return Problem(entry.origin, where, f"override = true, but no library factor {factor_id!r} "
                                            "exists to replace; remove override", entry.line)
    return None


def _place(entry: Entry, seen_from: str) -> str:
    """Where ``entry`` is defined, as seen from a problem in the file ``seen_from``."""
    if entry.origin == SHIPPED:
        return "the pcfdoc library"
    inside = dotted(entry.path + ("id",))
    if entry.origin == seen_from:
        return inside
    return f"{entry.origin}:{entry.line} ({inside})" if entry.line else f"{entry.origin} ({inside})"


def matches(entry: Entry, words: list[str]) -> bool:
    """Every word of a search names the factor or its value.

    A word matches when it occurs in the factor's id, names, region, year, status, unit, kind,
    scope (in English or Chinese) or source, or when it is a number equal to the factor's value
    at the number's precision: ``0.5366`` finds 0.5366, ``3.145`` a derived 3.14528.
    """
    factor = entry.factor
    terms = [FACTOR_KINDS.get(factor.kind), FACTOR_SCOPES.get(factor.scope)]
    haystack = " ".join(str(part) for part in (
        factor.id, factor.name, factor.name_en, factor.region, factor.year, factor.status, factor.unit,
        factor.kind, factor.scope, factor.source,
        *(name for term in terms if term is not None for name in term.names.values()),
    ) if part is not None).lower()
    return all(word.lower() in haystack or _equals_value(word, factor) for word in words)


_MAX_DECIMALS = 15  # a float holds no more; longer numbers match nothing


def _equals_value(word: str, factor: Node) -> bool:
    try:
        wanted = Decimal(word)
    except InvalidOperation:
        return False
    exponent = wanted.as_tuple().exponent
    if not wanted.is_finite() or not isinstance(exponent, int) or exponent < -_MAX_DECIMALS:
        return False
    quantum = Decimal(1).scaleb(min(exponent, 0))
    values = list(factor.gases.values()) if factor.gases else [factor.value]
    return any(value is not None and Decimal(repr(float(value))).quantize(quantum, ROUND_HALF_UP) == wanted
               for value in values)
