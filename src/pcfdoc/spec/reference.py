"""The spec reference (every key, its type, unit, meaning and where the report prints it), generated
from the schema.

``python -m pcfdoc.spec.reference README.md`` rewrites the README section between
the reference markers; a test keeps the committed README in step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from marshmallow import Schema, fields, missing

from . import fields as spec_fields
from .schema import Quantity, Spec

START = "<!-- spec-reference:start -->"
END = "<!-- spec-reference:end -->"

# Small tables used in many places are described once, not under every key.
_SHARED = {Quantity: "quantity"}


def _type_name(field: fields.Field) -> str:
    if isinstance(field, fields.List):
        inner = field.inner
        if isinstance(inner, fields.Nested):
            return "array of tables"
        return f"array; each {_type_name(inner)}"
    if isinstance(field, fields.Nested):
        shared = _SHARED.get(type(field.schema))
        return f"{shared} `{{amount, unit}}`" if shared else "table"
    if isinstance(field, spec_fields.Choice):
        choices = ", ".join(f"`{c}`" for c in field.choices)
        return f"one of {choices}"
    for kind, name in ((spec_fields.Unit, "unit"), (spec_fields.Identifier, "id"),
                       (spec_fields.Text, "string"), (spec_fields.Number, "number"),
                       (spec_fields.Integer, "integer"), (spec_fields.Boolean, "boolean"),
                       (spec_fields.Date, "date")):
        if isinstance(field, kind):
            return name
    return type(field).__name__


def _presence(field: fields.Field) -> str:
    if field.required:
        return "required"
    default = field.load_default
    if default is missing or default is None or callable(default) or default == []:
        return "optional"
    if isinstance(default, bool):
        return f"default `{str(default).lower()}`"
    if isinstance(default, float):
        return f"default `{default:g}`"
    return f"default `{default}`"


def _printed(name: str, field: fields.Field, path: str) -> str:
    """Where the report prints a text field ('not printed' for remarks to the author); empty for
    values that are not texts (numbers, ids, choices, units, tables)."""
    if path.split(".")[0] == "pact":
        return "PACT only" if _is_text(field) else ""
    printed = field.metadata.get("printed")
    if printed is None:
        return ""
    if spec_fields.is_translatable(field):
        return f"{printed}; English: `{name}_en`"
    return printed


def _is_text(field: fields.Field) -> bool:
    inner = field.inner if isinstance(field, fields.List) else field
    return type(inner) is spec_fields.Text


def _table(title: str, schema: Schema, path: str = "") -> list[str]:
    rows = [f"#### `{title}`", "", "| key | type | presence | unit | meaning | in the report |",
            "|---|---|---|---|---|---|"]
    for name, field in schema.fields.items():
        if field.metadata.get("twin_of"):
            continue  # the English twin of a printed text: one sentence above every table says so
        unit = field.metadata.get("unit") or ""
        rows.append(f"| `{name}` | {_type_name(field)} | {_presence(field)} | {unit} | "
                    f"{field.metadata.get('doc', '')} | {_printed(name, field, path)} |")
    return rows + [""]


def _sections(schema: Schema, path: str, array: bool) -> list[str]:
    title = f"[[{path}]]" if array else f"[{path}]" if path else "top level"
    lines = _table(title, schema, path)
    for name, field in schema.fields.items():
        child = f"{path}.{name}" if path else name
        if isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
            lines += _sections(field.inner.schema, child, array=True)
        elif isinstance(field, fields.Nested) and type(field.schema) not in _SHARED:
            lines += _sections(field.schema, child, array=False)
    return lines


def reference_markdown() -> str:
    lines = _sections(Spec(), "", array=False)
    lines += _table("quantity {amount, unit}", Quantity())
    return "\n".join(lines).rstrip() + "\n"


def update(readme: Path) -> bool:
    """Rewrite the reference section of ``readme``; True when it changed."""
    text = readme.read_text("utf-8")
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{readme}: reference markers {START} … {END} not found")
    new = f"{head}{START}\n{reference_markdown()}{END}{tail}"
    if new != text:
        readme.write_text(new, "utf-8")
    return new != text


if __name__ == "__main__":
    changed = update(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
    print("updated" if changed else "up to date")
