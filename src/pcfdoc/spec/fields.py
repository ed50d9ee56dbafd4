"""Strict marshmallow fields for values that come from TOML.

TOML already types its values, so pcfdoc never coerces: "12" is not a number,
1 is not ``true`` and "2024-06-07" in quotes is not a date. Every message says
what was found and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from marshmallow import ValidationError, fields

from ..vocab.units import UnitError, parse_unit

#: Above this magnitude a number is a typo, not an inventory amount.
MAX_MAGNITUDE = 1e15

# XML 1.0 cannot hold these, so they could never reach a .docx intact.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

SHORT_TEXT = 500
LONG_TEXT = 20_000


def describe(value: Any) -> str:
    """Name a TOML value's type the way a spec author thinks of it."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"the time {value.isoformat()}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


#: ``printed`` of a text the report never shows (a path, a remark for the author).
NOT_PRINTED = "not printed"


def doc(text: str, unit: str | None = None, *, printed: str | None = None, **extra: Any) -> dict[str, Any]:
    """Field metadata: the one-line meaning (and unit) shown in the spec reference.

    ``printed`` says where the report shows a text field (or NOT_PRINTED); the reference
    lists it, so an author knows which texts reach the client. A printed text may be
    given in English too, under the same key with ``_en`` appended (see english_twin).
    """
    return {"doc": text, "unit": unit, "printed": printed, **extra}


def is_translatable(field: fields.Field) -> bool:
    """A text the report prints in its own words: a plain Text, or an array of them (not a code that
    reads the same in every language, which says english=False)."""
    printed = field.metadata.get("printed")
    text = field.inner if isinstance(field, fields.List) else field
    return type(text) is Text and printed not in (None, NOT_PRINTED) and field.metadata.get("english", True)


def english_twin(field: fields.Field, name: str) -> fields.Field:
    """``name_en``: the English text of a printed text field, of the same kind, always optional."""
    metadata = {"doc": f"English text of {name}", "unit": None, "printed": None, "twin_of": name}
    if isinstance(field, fields.List):
        inner = field.inner
        return List(Text(max_length=inner.max_length), load_default=None, metadata=metadata)
    return Text(max_length=field.max_length, load_default=None, metadata=metadata)


class Number(fields.Field):
    """A finite number written as a TOML integer or float."""

    def __init__(self, *, minimum: float | None = None, positive: bool = False,
                 maximum: float | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.minimum, self.positive, self.maximum = minimum, positive, maximum

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = "; write it without quotes" if isinstance(value, str) else ""
            raise ValidationError(f"expected a number, got {describe(value)}{hint}")
        if not math.isfinite(value):
            raise ValidationError(f"must be a finite number, got {value}; nan and inf are not amounts")
        if abs(value) > MAX_MAGNITUDE:
            raise ValidationError(
                f"{value:g} is implausibly large (limit {MAX_MAGNITUDE:g}); check the unit and the digits"
            )
        if self.positive and value <= 0:
            raise ValidationError(f"must be greater than 0, got {value:g}")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(f"must be at least {self.minimum:g}, got {value:g}")
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(f"must be at most {self.maximum:g}, got {value:g}")
        return value if isinstance(value, float) else float(value)  # a float keeps how it was written


class Integer(fields.Field):
    """A whole number written as a TOML integer."""

    def __init__(self, *, minimum: int | None = None, maximum: int | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.minimum, self.maximum = minimum, maximum

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"expected a whole number, got {describe(value)}")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(f"must be at least {self.minimum}, got {value}")
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(f"must be at most {self.maximum}, got {value}")
        return value


class Boolean(fields.Field):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"expected true or false, got {describe(value)}")
        return value


class Text(fields.Field):
    """A string that XML (and so Word) can hold, within a sane length."""

    def __init__(self, *, max_length: int = SHORT_TEXT, allow_empty: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.max_length, self.allow_empty = max_length, allow_empty

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"expected a string in quotes, got {describe(value)}")
        bad = _XML_ILLEGAL.search(value)
        if bad:
            raise ValidationError(
                f"contains the control character U+{ord(bad.group()):04X} at position "
                f"{bad.start() + 1}, which a Word document cannot hold; remove it"
            )
        if len(value) > self.max_length:
            raise ValidationError(
                f"is {len(value):,} characters long, more than the {self.max_length:,} allowed; shorten it"
            )
        if not self.allow_empty and not value.strip():
            raise ValidationError("must not be empty; write the text or remove the key")
        return value


class Identifier(Text):
    """An id other parts of the spec refer to: letters, digits, '_', '-', '.'."""

    PATTERN = re.compile(r"^\w[\w.-]*$")

    def __init__(self, **kwargs: Any):
        super().__init__(max_length=100, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not self.PATTERN.match(text):
            raise ValidationError(
                f"{text!r} is not a valid id; use letters, digits, '_', '-' or '.', "
                "starting with a letter or digit"
            )
        return text


class Choice(Text):
    """One value out of a fixed list; suggests the nearest on a typo."""

    def __init__(self, choices: Iterable[str], **kwargs: Any):
        super().__init__(**kwargs)
        self.choices = tuple(choices)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text not in self.choices:
            raise ValidationError(f"{text!r} is not allowed; {suggest(text, self.choices)}")
        return text


class Date(fields.Field):
    """A TOML local date, written without quotes: 2024-06-07."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            raise ValidationError("give a date without a time of day, e.g. 2024-06-07")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            raise ValidationError(f"write the date without quotes, e.g. 2024-06-07 (got {value!r})")
        raise ValidationError(f"expected a date such as 2024-06-07, got {describe(value)}")


class Unit(Text):
    """A unit string pcfdoc's unit registry can read (kept as written for display)."""

    def __init__(self, **kwargs: Any):
        super().__init__(max_length=100, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            parse_unit(text)
        except UnitError as exc:
            raise ValidationError(str(exc)) from None
        return text


#: Set while validation re-reads a spec that failed the schema, to check what it can.
TOLERANT: ContextVar[bool] = ContextVar("pcfdoc_tolerant", default=False)


class Amounts(fields.Field):
    """A table of keys and non-negative numbers: { grey-iron = 18.5, motor = 1 }."""

    example = "{ steel = 12.5 }"
    what = "line ids and amounts"

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, float]:
        if not isinstance(value, dict):
            raise ValidationError(f"expected a table of {self.what} such as {self.example}, "
                                  f"got {describe(value)}")
        amounts, errors = {}, {}
        number = Number(minimum=0)
        for key, amount in value.items():
            problem = self.key_problem(key)
            if problem:
                errors[key] = [problem]
                continue
            try:
                amounts[key] = number.deserialize(amount)
            except ValidationError as exc:
                errors[key] = exc.messages
        if errors:
            raise ValidationError(errors)
        return amounts

    def key_problem(self, key: str) -> str | None:
        return None


class GasAmounts(Amounts):
    """A table of single gases and amounts: { CO2 = 74100, CH4 = 3, N2O = 0.6 }."""

    example = "{ CO2 = 74100, CH4 = 3 }"
    what = "gases"

    def __init__(self, gases: Iterable[str], **kwargs: Any):
        super().__init__(**kwargs)
        self.gases = tuple(gases)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, float]:
        if value == {}:
            raise ValidationError("name at least one gas, e.g. { CO2 = 74100 }")
        return super()._deserialize(value, attr, data, **kwargs)

    def key_problem(self, key: str) -> str | None:
        return None if key in self.gases else f"{key!r} is not a single gas; {suggest(key, self.gases)}"


class List(fields.List):
    """An array; when TOLERANT, a table element that fails becomes None, not the whole array."""

    def __init__(self, inner: fields.Field, *, min_length: int = 0, **kwargs: Any):
        super().__init__(inner, **kwargs)
        self.min_length = min_length

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list:
        if not isinstance(value, list):
            raise ValidationError(f"expected an array [...], got {describe(value)}")
        if len(value) < self.min_length:
            entries = "entry" if self.min_length == 1 else "entries"
            raise ValidationError(f"needs at least {self.min_length} {entries}")
        # Only tables become None: a half-read array of plain values would mislead the checks.
        if not TOLERANT.get() or not isinstance(self.inner, fields.Nested):
            return super()._deserialize(value, attr, data, **kwargs)
        items = []
        for item in value:
            try:
                items.append(self.inner.deserialize(item, **kwargs))
            except ValidationError:
                items.append(None)
        return items


def suggest(word: str, choices: Iterable[str]) -> str:
    """'did you mean X?' when a close choice exists, else the list of choices."""
    choices = list(choices)
    close = difflib.get_close_matches(word[:200], choices, n=1, cutoff=0.6)
    allowed = ", ".join(repr(c) for c in choices)
    if close:
        return f"did you mean {close[0]!r}? Allowed: {allowed}"
    return f"allowed: {allowed}"
