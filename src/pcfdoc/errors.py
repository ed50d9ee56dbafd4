"""Errors pcfdoc expects, and the located problems they carry.

Every expected failure derives from :class:`PcfdocError`; the CLI prints those
in plain lines and exits with status 2. Anything else is a bug and keeps its
traceback (exit status 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

SpecPath = tuple[str | int, ...]


def shorten(text: str, limit: int = 60) -> str:
    """A user's text as quoted in a message: long keys and values are cut, not echoed whole."""
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


def dotted(path: SpecPath) -> str:
    """('products', 0, 'inventory', 3, 'amount') → 'products[0].inventory[3].amount'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        part = shorten(part)
        if _BARE_KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f'["{part}"]'
    return text


@dataclass(frozen=True)
class Problem:
    """One error or warning about one place in a spec file."""

    file: str
    path: SpecPath
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        label = "warning: " if self.severity == "warning" else ""
        location = f" {dotted(self.path)}:" if self.path else ""
        return f"{where}:{location} {label}{self.message}"


class PcfdocError(Exception):
    """Base of every error a user can cause and fix."""

    exit_code = 2

    def lines(self) -> list[str]:
        return [str(self)]


class SpecReadError(PcfdocError):
    """The spec file cannot be read as UTF-8 text."""


class SpecSyntaxError(PcfdocError):
    """The spec is not valid TOML."""

    def __init__(self, file: str, line: int | None, column: int | None, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message
        where = file if line is None else f"{file}:{line}:{column}" if column else f"{file}:{line}"
        super().__init__(f"{where}: TOML syntax error: {message}")


class SpecInvalidError(PcfdocError):
    """The spec parsed but breaks the schema or a meaning check; holds every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class OutputError(PcfdocError):
    """An output file cannot be written as asked (exists, or the folder is missing)."""


class UsageError(PcfdocError):
    """The command was called with arguments that do not fit together."""


class FormError(PcfdocError):
    """A data-collection workbook that cannot be imported: every problem names its sheet and cell."""

    def __init__(self, workbook: str, problems: list[str]):
        self.workbook, self.problems = workbook, problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.workbook}: {problem}" for problem in self.problems]
