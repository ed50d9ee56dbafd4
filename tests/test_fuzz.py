"""Mutated examples never crash: check → calc → build end in exit 0 or 2, and a failure writes nothing.

hypothesis takes one of the example specs and mutates it a few times: deletes a key or an entry,
puts a value of another type in its place, an extreme number, an odd string or an odd date.
The normal suite runs a few cases; ``pytest tests/test_fuzz.py --fuzz-budget 3000`` runs many.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import tomllib

import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pcfdoc.cli import main

from conftest import EXAMPLES, example_pictures


def _example(path) -> dict:
    data = tomllib.loads(path.read_text("utf-8"))
    # The fewest Monte Carlo iterations allowed: a case then takes a fraction of the time.
    data.setdefault("uncertainty", {})["iterations"] = 1000
    return data


SPECS = {path.stem: _example(path) for path in sorted(EXAMPLES.glob("*.toml"))}

NUMBERS = st.sampled_from([
    0, -1, 1, -0.0, 1e-320, 5e-324, 1e-13, 1e-12, 1e15, 1.0000001e15, 1e300, -1e300, 1.7976931348623157e308,
    2**63, -(2**63), 10**400, 0.5, 100, 100.0000001, 1e6, float("nan"), float("inf"), float("-inf"),
]) | st.integers(min_value=-(10**20), max_value=10**20) | st.floats(allow_nan=False, allow_infinity=False)
STRINGS = st.sampled_from([
    "", " ", "\n", "灰铁铸件 [/DN50]", "[bold red]x[/]", "{{ model }}", "{_{ model }_}", "{% raw %}", "%s%d",
    "../../etc/passwd", "a/b", "C:\\x", "x\ny", "\u202eevil", "x" * 600, "名" * 30_000, "=HYPERLINK(\"x\")",
    "\t", "kg", "kgCO2e/kg", "台", "t*km", "1/0", "kg**1000", "10**400 kg", "AR6", "production", "steel",
    "cradle-to-grave", "primary", "<w:p>", "&amp;", "\\u0000", "NaN",
]) | st.text(max_size=40)
DATES = st.sampled_from([
    dt.date(1, 1, 1), dt.date(1979, 12, 31), dt.date(1980, 1, 1), dt.date(2099, 12, 31), dt.date(2108, 1, 1),
    dt.date(9999, 12, 31), dt.date(2024, 2, 29), dt.datetime(2024, 1, 1, 12, 0), dt.time(12, 0),
]) | st.dates()
VALUES = st.one_of(NUMBERS, STRINGS, DATES, st.booleans(), st.just([]), st.just({}),
                   st.lists(NUMBERS | STRINGS, max_size=3), st.dictionaries(STRINGS, NUMBERS, max_size=2))


def _paths(data, prefix=()):
    """Every key and list entry of the spec data, as paths."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _parent(data, path):
    for step in path[:-1]:
        data = data[step]
    return data


FINITE_NUMBERS = st.sampled_from([0, 1, 0.5, 1e-12, 1e-9, 1e-6, 1e6, 1e12, 1e15, 99.999, 100, 1000]) \
    | st.floats(min_value=0, max_value=1e15, allow_nan=False, allow_infinity=False)


@st.composite
def mutated_specs(draw):
    """An example with one to three changes; most keep the value's kind, so that many mutants are still
    valid specs and go on to calc and build."""
    name = draw(st.sampled_from(sorted(SPECS)))
    data = copy.deepcopy(SPECS[name])
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        paths = list(_paths(data))
        leaves = [p for p in paths if not isinstance(_parent(data, p)[p[-1]], (dict, list))]
        if draw(st.integers(min_value=1, max_value=5)) > 1 and leaves:  # mostly a number, text or date
            paths = leaves
        if not paths:
            break
        path = paths[draw(st.integers(min_value=0, max_value=len(paths) - 1))]
        parent, key = _parent(data, path), path[-1]
        current = parent[key]
        number = isinstance(current, (int, float)) and not isinstance(current, bool)
        operation = draw(st.sampled_from(["same-kind"] * 6 + ["delete", "replace", "retype", "scale"]))
        if operation == "delete":
            del parent[key]
        elif operation == "scale" and number:
            factor = draw(st.sampled_from([0, -1, 1e-300, 1e-13, 1e-6, 1e6, 1e13, 1e300, 10**30]))
            parent[key] = current * factor
        elif operation == "retype":
            parent[key] = {str: 1, int: "1", float: "1.5", list: {}, dict: [], bool: "true"}.get(
                type(current), str(current))
        elif operation == "same-kind" and number:
            parent[key] = draw(FINITE_NUMBERS | NUMBERS) if draw(st.booleans()) else draw(FINITE_NUMBERS)
        elif operation == "same-kind" and isinstance(current, str):
            parent[key] = draw(STRINGS)
        elif operation == "same-kind" and isinstance(current, dt.date):
            parent[key] = draw(DATES)
        elif operation == "same-kind" and isinstance(current, list) and current:
            del current[draw(st.integers(min_value=0, max_value=len(current) - 1))]
        else:
            parent[key] = draw(VALUES)
    return name, data


def _strict_json(text: str):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _assert_finite(value):
    if isinstance(value, float):
        assert math.isfinite(value)
    elif isinstance(value, dict):
        for item in value.values():
            _assert_finite(item)
    elif isinstance(value, list):
        for item in value:
            _assert_finite(item)


def run_case(name: str, data: dict, folder) -> None:
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):  # not expressible in TOML (a time in an array, say)
        return
    spec = folder / f"{name}.toml"
    spec.write_text(text, "utf-8")
    example_pictures(folder)  # an example's pictures beside it, so a mutation is what fails, not a path
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(spec)])
    assert checked.exit_code in (0, 2), checked.output + checked.stderr
    assert "Traceback" not in checked.stderr, checked.stderr
    calculated = runner.invoke(main, ["calc", str(spec), "--json"])
    assert calculated.exit_code == (0 if checked.exit_code == 0 else 2), calculated.stderr
    assert "Traceback" not in calculated.stderr, calculated.stderr
    if calculated.exit_code == 0:
        _assert_finite(_strict_json(calculated.stdout))
    out = folder / "out"
    extra = ["--xlsx", "--pact"] if "pact" in data else ["--xlsx"]
    built = runner.invoke(main, ["build", str(spec), "-o", str(out), *extra])
    event(f"check exit {checked.exit_code}, build exit {built.exit_code}")
    assert built.exit_code in (0, 2), built.stderr
    assert "Traceback" not in built.stderr, built.stderr
    if built.exit_code == 2:
        assert not out.exists() or not any(out.iterdir()), list(out.iterdir())
    else:
        assert checked.exit_code == 0
        assert (out / f"{name}.docx").exists() or any(out.glob(f"{name}-*.docx"))


def test_mutated_examples_never_crash(request, tmp_path_factory):
    budget = request.config.getoption("--fuzz-budget")

    @settings(max_examples=budget, deadline=None, database=None, derandomize=budget <= 10,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutated_specs())
    def case(mutation):
        name, data = mutation
        run_case(name, data, tmp_path_factory.mktemp("fuzz"))

    case()
