"""Stage 1 of the pipeline: read a spec file into data plus the line of every key."""

from __future__ import annotations

import codecs
import re
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


@dataclass(frozen=True)
class SpecSource:
    """A parsed spec: where it came from, its data, and its text, in which keys are located."""

    file: str
    data: dict
    text: str = field(default="", repr=False)
    #: The folder paths in the spec are relative to (library files, pictures, a template), when
    #: ``file`` names something other than the file itself ('spec.toml (as imported from …)').
    folder: str | None = field(default=None, repr=False)

    @property
    def base(self) -> Path:
        """Where the spec's relative paths start: its folder."""
        return Path(self.folder) if self.folder is not None else Path(self.file).parent

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


def load(path: str | Path) -> SpecSource:
    """Read and parse ``path``; raise SpecReadError or SpecSyntaxError on failure."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SpecReadError(f"{file}: no such file; check the path") from None
    except IsADirectoryError:
        raise SpecReadError(f"{file}: is a folder; give the path of a .toml spec") from None
    except OSError as exc:
        raise SpecReadError(f"{file}: cannot read ({exc.strerror})") from None
    return parse(raw, file)


def parse(raw: bytes, file: str, folder: str | None = None) -> SpecSource:
    """``raw`` as a spec named ``file`` in messages; ``folder`` is where its relative paths start
    when that is not the folder of ``file``."""
    text = decode(raw, file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, file) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise SpecSyntaxError(
            file, _deep_line(text), None,
            f"arrays or tables nested more than {MAX_NESTING} levels deep; a spec never needs that, "
            "remove the extra brackets",
        ) from None
    return SpecSource(file, data, text, folder)


MAX_NESTING = 100


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
