"""Editing a spec's TOML text in place: comments, order and formatting kept.

tomlkit edits the parsed document; its rendering of untouched parts is not always
byte-exact (it drops the space before '}' after a date, for one). So the edited document
is never written as tomlkit renders it: only the lines an edit changed are taken from
tomlkit's rendering and spliced into the original text. With no edit, the text is
returned unchanged, byte for byte.

Paths address the document as the spec loaded: ("products", 0, "inventory", 3, "amount").
Edits are applied in an order that keeps those indices valid: values first (a key renamed
in place among them), then new entries at the ends of arrays, then removals from the back.
A table value (a dict) is written as an inline table, ``{ value = 50, unit = "kgCO2e/台" }``.
A removed table of an array of tables stays in the file as comment lines, so that what the
client deleted can be seen and restored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cached_property
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table

from ..errors import SpecPath

_MARKER = "@@pcfdoc-removed-{}@@"


def toml_value(value: Any) -> str:
    """A value as TOML writes it: strings quoted and escaped, numbers and dates bare, a dict inline."""
    if isinstance(value, Mapping):
        return _inline_text(value, spaced=True)
    return tomlkit.item(value).as_string()


class Editor:
    def __init__(self, text: str):
        self.text = text
        self._sets: list[tuple[SpecPath, Any]] = []
        self._renames: list[tuple[SpecPath, str, Any]] = []
        self._appends: list[tuple[SpecPath, dict[str, Any]]] = []
        self._removals: list[tuple[SpecPath, str]] = []

    @cached_property
    def doc(self):
        """The parsed document, made only when there is something to edit (1,000 lines take seconds)."""
        return tomlkit.parse(self.text)

    # -- what to change ------------------------------------------------------------------
    def set(self, path: SpecPath, value: Any) -> None:
        """Set (or, with None, remove) the key at ``path``; a missing table on the way is created inline."""
        self._sets.append((path, value))

    def rename(self, path: SpecPath, key: str, value: Any) -> None:
        """Replace the key at ``path`` by ``key = value`` in the same place (data_type by activity_origin,
        factor by declared), so that the entry reads in the order it was written."""
        self._renames.append((path, key, value))

    def append(self, array: SpecPath, entry: dict[str, Any]) -> None:
        self._appends.append((array, entry))

    def remove(self, entry: SpecPath, note: str) -> None:
        """Remove an array entry; a table of an array of tables is kept as comments under ``note``."""
        self._removals.append((entry, note))

    @property
    def changed(self) -> bool:
        return bool(self._sets or self._renames or self._appends or self._removals)

    # -- applying ------------------------------------------------------------------------
    def result(self) -> str:
        if not self.changed:
            return self.text
        baseline = self.doc.as_string()
        inline_edits: dict[int, tuple[Any, Any, InlineTable, dict[str, Any]]] = {}
        for path, value in self._sets:
            parent = self._node(path[:-1], create=value is not None)
            if parent is None:
                continue
            if isinstance(parent, InlineTable):
                owner, slot = self._node(path[:-2]), path[-2]
                edits = inline_edits.setdefault(id(parent), (owner, slot, parent, {}))[3]
                edits[path[-1]] = value
            elif value is None:
                if path[-1] in parent:
                    del parent[path[-1]]
            else:
                parent[path[-1]] = _value(value)
        for owner, slot, table, edits in inline_edits.values():
            owner[slot] = _inline(table, edits)
        for path, key, value in self._renames:
            parent = self._node(path[:-1])
            # tomlkit has no public way to replace a key where it stands; its container's
            # _replace does it for tables and inline tables alike (tests/spec/test_form_edit.py).
            (parent if parent is self.doc else parent.value)._replace(path[-1], key, _value(value))
        for array, entry in self._appends:
            self._append(array, entry)
        removed: dict[str, str] = {}
        for number, (path, note) in enumerate(sorted(self._removals, key=lambda r: r[0], reverse=True)):
            container = self._node(path[:-1])
            entry = container[path[-1]]
            if isinstance(container, AoT):
                header = ".".join(str(part) for part in path[:-1] if isinstance(part, str))
                body = entry.as_string()
                kept = body.rstrip("\n")
                lines = [
                    f"# {note}",
                    *(f"# {line}".rstrip() for line in [f"[[{header}]]", *kept.split("\n")]),
                ]
                removed[_MARKER.format(number)] = "\n".join(lines) + "\n" + "\n" * (len(body) - len(kept) - 1)
                placeholder = tomlkit.table()
                placeholder.add(tomlkit.comment(_MARKER.format(number)))
                container[path[-1]] = placeholder
            else:
                del container[path[-1]]
        edited = self.doc.as_string()
        for marker, comment in removed.items():
            edited = re.sub(
                rf"^\[\[[^\n]*\]\]\n# {re.escape(marker)}\n",
                lambda _, c=comment: c,
                edited,
                count=1,
                flags=re.M,
            )
        if edited.endswith("\n\n") and not self.text.endswith("\n\n"):
            edited = edited.rstrip("\n") + "\n"  # a table appended at the end leaves no blank line after it
        return splice(self.text, baseline, edited)

    def _node(self, path: SpecPath, create: bool = False):
        node: Any = self.doc
        for depth, part in enumerate(path):
            if isinstance(part, str) and part not in node:
                if not create:
                    return None
                node[part] = tomlkit.inline_table() if depth else tomlkit.table()
            node = node[part]
        return node

    def _append(self, array: SpecPath, entry: dict[str, Any]) -> None:
        container = self._node(array[:-1], create=True)
        key = array[-1]
        if key not in container:
            container[key] = (
                tomlkit.aot() if isinstance(container, Table) or container is self.doc else tomlkit.array()
            )
        target = container[key]
        if isinstance(target, AoT):
            if len(target) and not target[-1].as_string().endswith("\n\n"):
                target[-1].add(tomlkit.nl())
            table = tomlkit.table()
            for name, value in entry.items():
                table.add(name, _value(value))
            table.add(tomlkit.nl())  # a blank line before what follows, as between the spec's own tables
            target.append(table)
        elif isinstance(target, Array):
            item = tomlkit.parse(f"x = {_inline_text(entry, spaced=True)}")["x"]
            if "\n" in target.as_string():
                indent = re.search(r"\n([ \t]*)\S", target.as_string())
                target.add_line(item, indent=indent.group(1) if indent else "  ")
            else:
                target.append(item)


def _value(value: Any) -> Any:
    """A value to put in the document: a dict as an inline table written the way specs write them."""
    if isinstance(value, Mapping):
        return tomlkit.parse(f"x = {_inline_text(value, spaced=True)}\n")["x"]
    return value


def _inline_text(
    entries: Mapping[str, Any], *, spaced: bool, rendered: Mapping[str, str] | None = None
) -> str:
    rendered = rendered or {}
    body = ", ".join(
        f"{_key(key)} = {rendered.get(key) or toml_value(value)}" for key, value in entries.items()
    )
    return f"{{ {body} }}" if spaced else f"{{{body}}}"


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def _inline(table: InlineTable, edits: Mapping[str, Any]):
    """The inline table with ``edits`` applied, written in its own style (values kept as written)."""
    values: dict[str, Any] = {}
    rendered: dict[str, str] = {}
    for key, item in table.value.body:
        if key is None:
            continue
        values[key.key] = item
        rendered[key.key] = item.as_string().strip()
    for key, value in edits.items():
        if value is None:
            values.pop(key, None)
            rendered.pop(key, None)
        else:
            values[key] = value
            rendered[key] = toml_value(value)
    spaced = table.as_string().startswith("{ ") or not values
    return tomlkit.parse(f"x = {_inline_text(values, spaced=spaced, rendered=rendered)}")["x"]


def splice(original: str, baseline: str, edited: str) -> str:
    """``original`` with the line changes that turn ``baseline`` into ``edited``.

    ``baseline`` is tomlkit's rendering of the unedited document; where it differs from the
    original (tomlkit's own slips), the original's lines are kept unless an edit touched them.
    """
    ours, base, theirs = (text.splitlines(keepends=True) for text in (original, baseline, edited))
    if ours == base:
        return edited
    to_original = _line_map(ours, base)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, base, theirs, autojunk=False)
    for tag, b1, b2, e1, e2 in matcher.get_opcodes():
        if tag == "equal":
            out += [ours[to_original[b]] if b in to_original else base[b] for b in range(b1, b2)]
        else:
            out += theirs[e1:e2]
    return "".join(out)


def _line_map(ours: list[str], base: list[str]) -> dict[int, int]:
    """Baseline line → original line, pairing lines of equal runs and of same-length replacements."""
    mapping: dict[int, int] = {}
    if len(ours) == len(base):
        return {index: index for index in range(len(base))}
    for tag, o1, o2, b1, b2 in difflib.SequenceMatcher(None, ours, base, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and o2 - o1 == b2 - b1):
            mapping.update({b1 + k: o1 + k for k in range(b2 - b1)})
    return mapping
