"""``pcfdoc new``: a commented starter spec that passes ``pcfdoc check``."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from string import Template

import tomli_w

from ..errors import OutputError
from ..write import write_atomic


def _toml_string(value: str) -> str:
    # tomli-w quotes and escapes exactly as TOML requires, whatever the name holds.
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def starter_text(file_name: str, company: str, product: str, issue_date: dt.date) -> str:
    """The starter spec, with the data period set to the calendar year before issue."""
    template = resources.files("pcfdoc").joinpath("data/starter.toml").read_text("utf-8")
    year = issue_date.year - 1
    return Template(template).substitute(
        file_name=file_name,
        company=_toml_string(company),
        product=_toml_string(product),
        issue_date=issue_date.isoformat(),
        period_start=dt.date(year, 1, 1).isoformat(),
        period_end=dt.date(year, 12, 31).isoformat(),
    )


#: Written beside a new spec, whose first line points editors to it.
SCHEMA_FILE = "pcfdoc.schema.json"


def write_starter(path: Path, *, company: str, product: str, issue_date: dt.date,
                  force: bool = False) -> Path:
    """Write the starter spec and, beside it, the JSON Schema its first line names; return the schema's path.

    The schema is generated, so an older copy is replaced by this version's.
    """
    from .json_schema import schema_text

    text = starter_text(path.name, company, product, issue_date)
    try:  # `pcfdoc new specs/acme.toml` in a fresh checkout
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the folder {path.parent} ({exc.strerror or exc}); "
                          "choose another path") from None
    write_atomic(path, text.encode("utf-8"), overwrite=force)
    schema = path.parent / SCHEMA_FILE
    write_atomic(schema, schema_text().encode("utf-8"), overwrite=True)
    return schema
