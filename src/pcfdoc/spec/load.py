"""Stage 1 of the pipeline: read a spec file into data plus the line of every key."""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import SpecPath, SpecReadError, SpecSyntaxError
from .positions import key_lines, line_of

_TUPLE_KEY = re.compile(r"\((?:'[^']*',?\s*)+\)")
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")

# tomllib's wording is terse; these say what to do about the common cases.
_SYNTAX_HINTS = (
    ("Cannot overwrite a value", "a key or table is defined twice; keep one of them"),
    ("Cannot declare", "this table is defined twice; merge the two [table] sections"),
    ("Expected '=' after a key", "write key = value; quote keys that contain spaces or dots"),
    ("Invalid value", "strings need quotes, dates are written 2024-06-07, numbers without units"),
    ("Invalid date", "write a real calendar date as YYYY-MM-DD, e.g. 2024-06-07"),
    ("Unclosed", "a string, array or table is not closed"),
    ("Illegal character", "a string may lack its closing quote, or holds a control character"),
)


class Written(float):
    """A TOML float that remembers how it was written ('20.20', '1.0e-5'): a report prints an input
    exactly as given (formatting.exact), while every calculation sees a plain float."""

    __slots__ = ("written",)

    def __new__(cls, text: str) -> Written:
        value = super().__new__(cls, text)
        value.written = text
        return value

    def __reduce__(self):
        return Written, (self.written,)


@dataclass(frozen=True)
class SpecSource:
    """A parsed spec: where it came from, its data, and its text, in which keys are located."""

    file: str
    data: dict
    text: str = field(default="", repr=False)
    #: The spec's path when ``file`` is a label for messages ("acme.toml (as imported from
    #: acme-form.xlsx)"); the paths a spec names (library, template) are relative to its folder.
    path: str | None = None

    @property
    def folder(self) -> Path:
        """The folder the spec's relative paths start from."""
        return Path(self.path or self.file).parent

    @cached_property
    def lines(self) -> dict[SpecPath, int]:
        """The line of every key, scanned on first use: the pure-Python scan costs more than
        tomllib itself, and only a reported problem needs a line number."""
        try:
            return key_lines(self.text)
        except RecursionError:  # as deep as tomllib allows: report without line numbers
            return {}

    def line_of(self, path: SpecPath) -> int | None:
        return line_of(self.lines, path)


#: Largest spec or factor library file read: a 10,000-line spec is 3 MB.
MAX_SPEC_BYTES = 64 * 2**20


class Unreadable(Exception):
    """A file that cannot be read as an input; the message says why, without the file name."""

    def __init__(self, message: str, *, not_a_file: bool = False, missing: bool = False) -> None:
        super().__init__(message)
        self.not_a_file = not_a_file  # a folder, pipe or device where a file was expected
        self.missing = missing


_KINDS = ((stat.S_ISDIR, "is a folder"), (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
          (stat.S_ISCHR, "is a device, not a file"), (stat.S_ISBLK, "is a device, not a file"),
          (stat.S_ISSOCK, "is a socket, not a file"))


def read_input(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; Unreadable otherwise.

    A named pipe or a device (``/dev/zero``) would block or never end: the file is opened without
    blocking and refused unless it is a regular file, and never more than ``limit`` bytes are read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise Unreadable("no such file; check the path", missing=True) from None
    except IsADirectoryError:
        raise Unreadable("is a folder", not_a_file=True) from None
    except OSError as exc:
        raise Unreadable(f"cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(handle).st_mode
    for is_kind, what in _KINDS:
        if is_kind(mode):
            os.close(handle)
            raise Unreadable(what, not_a_file=True)
    with os.fdopen(handle, "rb") as file:
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise Unreadable(f"cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise Unreadable(f"is larger than {limit // 2**20} MB, more than an input of pcfdoc may be")
    return data


def load(path: str | Path) -> SpecSource:
    """Read and parse ``path``; raise SpecReadError or SpecSyntaxError on failure."""
    file = str(path)
    try:
        raw = read_input(path, MAX_SPEC_BYTES)
    except Unreadable as exc:
        hint = "; give the path of a .toml spec" if exc.not_a_file else ""
        raise SpecReadError(f"{file}: {exc}{hint}") from None
    return parse(raw, file)


def parse(raw: bytes, file: str, path: str | None = None) -> SpecSource:
    """``raw`` parsed; ``file`` names it in messages, ``path`` (default: ``file``) is where it lives."""
    text = decode(raw, file)
    try:
        data = tomllib.loads(text, parse_float=Written)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, file) from None
    except ValueError:  # an integer of more than 4300 digits (Python's conversion limit)
        raise SpecSyntaxError(file, _huge_integer_line(text), None,
                              "a number of more than 4,300 digits cannot be read; write it with at "
                              "most 15 digits") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise SpecSyntaxError(
            file, _deep_line(text), None,
            f"arrays or tables nested more than {MAX_NESTING} levels deep; a spec never needs that, "
            "remove the extra brackets",
        ) from None
    return SpecSource(file, data, text, path)


MAX_NESTING = 100


def _huge_integer_line(text: str) -> int | None:
    found = re.search(r"\d{4000,}", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _deep_line(text: str) -> int | None:
    """The line where brackets first nest deeper than MAX_NESTING (strings ignored roughly)."""
    depth, line, quote = 0, 1, ""
    for char in text:
        if char == "\n":
            line += 1
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth -= 1
    return None


def decode(raw: bytes, file: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SpecReadError(f"{file}: is UTF-16 text; save the spec as UTF-8 (without BOM)")
    if b"\x00" in raw:
        raise SpecReadError(f"{file}: is a binary file, not a TOML spec; give a .toml text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecReadError(
            f"{file}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save the spec as UTF-8 (GBK files must be converted)"
        ) from None
    # Editors on Windows often prepend a byte-order mark, which TOML forbids.
    return text.removeprefix("\ufeff")


def _syntax_error(exc: tomllib.TOMLDecodeError, file: str) -> SpecSyntaxError:
    message = str(exc)
    match = _POSITION.search(message)
    line = column = None
    if match:
        message = message[: match.start()]
        if match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
    # tomllib names tables as Python tuples: "Cannot declare ('company',) twice".
    message = _TUPLE_KEY.sub(lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m.group())) + "]", message)
    for prefix, hint in _SYNTAX_HINTS:
        if message.startswith(prefix):
            message = f"{message}; {hint}"
            break
    return SpecSyntaxError(file, line, column, message[:1].lower() + message[1:])
