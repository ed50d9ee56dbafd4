"""Line numbers for the keys of a TOML document.

``tomllib`` returns plain dicts without positions, so error messages could not
say where a bad value sits. This scanner walks text that ``tomllib`` has already
accepted and records the line of every key, table header, array element and
inline-table entry, keyed by the same path that validation errors use:
``("products", 0, "inventory", 3, "amount")``.
"""

from __future__ import annotations

import json

from ..errors import SpecPath

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[SpecPath, int] = {}
        self.array_table_counts: dict[SpecPath, int] = {}

    # -- low-level movement -------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.pos < len(self.text):
                if self.text[self.pos] == "\n":
                    self.line += 1
                self.pos += 1

    def skip_blank(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                while self.pos < len(self.text) and self.text[self.pos] != "\n":
                    self.pos += 1
            else:
                return

    def record(self, path: SpecPath, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- tokens --------------------------------------------------------------
    def string(self) -> str:
        """Read a basic or literal string (single- or multi-line) and return its raw body."""
        quote = self.peek()
        triple = self.text.startswith(quote * 3, self.pos)
        delimiter = quote * 3 if triple else quote
        self.advance(len(delimiter))
        start = self.pos
        while self.pos < len(self.text):
            if quote == '"' and self.peek() == "\\":
                self.advance(2)
                continue
            if self.text.startswith(delimiter, self.pos):
                # A multi-line string may end with up to two extra quotes before the delimiter.
                while triple and self.text.startswith(delimiter, self.pos + 1):
                    self.advance()
                body = self.text[start : self.pos]
                self.advance(len(delimiter))
                return body
            self.advance()
        return self.text[start:]

    def key(self) -> tuple[str, ...]:
        parts = []
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in ('"', "'"):
                raw = self.string()
                parts.append(_unescape(raw) if self.text[self.pos - 1] == '"' else raw)
            else:
                start = self.pos
                while self.peek() and self.peek() in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    # -- structure -----------------------------------------------------------
    def resolve(self, keys: tuple[str, ...]) -> SpecPath:
        """Insert the current index after every array of tables on the way down."""
        path: SpecPath = ()
        for key in keys:
            path += (key,)
            if path in self.array_table_counts:
                path += (self.array_table_counts[path] - 1,)
        return path

    def header(self) -> SpecPath:
        line = self.line
        is_array = self.peek(1) == "["
        self.advance(2 if is_array else 1)
        keys = self.key()
        self.advance(2 if is_array else 1)
        if is_array:
            array_path = self.resolve(keys[:-1]) + (keys[-1],)
            index = self.array_table_counts.get(array_path, 0)
            self.array_table_counts[array_path] = index + 1
            self.record(array_path, line)
            table = array_path + (index,)
        else:
            table = self.resolve(keys)
        for depth in range(1, len(table) + 1):
            self.record(table[:depth], line)
        return table

    def key_value(self, table: SpecPath) -> None:
        line = self.line
        keys = self.key()
        for depth in range(1, len(keys) + 1):
            self.record(table + keys[:depth], line)
        self.skip_blank(newlines=False)
        self.advance()  # '='
        self.skip_blank(newlines=False)
        self.value(table + keys)

    def value(self, path: SpecPath) -> None:
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "{":
            self.advance()
            while True:
                self.skip_blank(newlines=True)
                if self.peek() in ("}", ""):
                    self.advance()
                    return
                if self.peek() == ",":
                    self.advance()
                    continue
                self.key_value(path)
        elif char == "[":
            self.advance()
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.peek() in ("]", ""):
                    self.advance()
                    return
                if self.peek() == ",":
                    self.advance()
                    index += 1
                    continue
                self.record(path + (index,), self.line)
                self.value(path + (index,))
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.pos += 1

    def document(self) -> dict[SpecPath, int]:
        table: SpecPath = ()
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if not self.peek():
                break
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)
        return self.lines


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    try:  # TOML's basic-string escapes are JSON's plus \UXXXXXXXX, rare in keys
        return json.loads(f'"{raw}"')
    except ValueError:
        return raw


def key_lines(text: str) -> dict[SpecPath, int]:
    """Map every key path in ``text`` (valid TOML) to the 1-based line it starts on."""
    return _Scanner(text).document()


def line_of(lines: dict[SpecPath, int], path: SpecPath) -> int | None:
    """The line of ``path``, or of its nearest ancestor that appears in the file."""
    for depth in range(len(path), 0, -1):
        line = lines.get(tuple(path[:depth]))
        if line is not None:
            return line
    return None
