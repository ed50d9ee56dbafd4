"""Wall time of each phase of ``pcfdoc build``, in-process and without a profiler.

    python benchmarks/phases.py specs/examples/valve-actuator.toml
    python benchmarks/phases.py /tmp/bench/lines-1000.toml /tmp/bench/lines-10000.toml

cProfile roughly doubles Python-heavy code and so distorts the split between pure-Python
phases and C ones (lxml, zlib, numpy). This wraps a few functions of pcfdoc and docxtpl
with a timer for the duration of one build (nothing in src/ is changed; a function that
has been renamed is reported as missing and skipped) and prints seconds per phase, one
column per spec. Phases nest: indented ones are part of the phase above them. The first
spec's column includes one-off imports (docxtpl, pint, numpy) inside the
phases that first need them; ``--warm`` builds the first spec once, untimed, before.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

#: (label, module, attribute path, depth). Module attributes are patched where they are looked up;
#: "a|b" tries a, then b (names that changed between versions).
PHASES: tuple[tuple[str, str, str, int], ...] = (
    ("load (TOML + key lines)", "pcfdoc.pipeline", "load", 0),
    ("  positions.key_lines", "pcfdoc.spec.load", "key_lines", 1),
    ("validate", "pcfdoc.pipeline", "validate", 0),
    ("  schema (marshmallow)", "pcfdoc.check.validate", "Spec.load", 1),
    ("  meaning checks", "pcfdoc.check.validate", "check", 1),
    ("calculate", "pcfdoc.pipeline", "calculate", 0),
    ("  analyse (MC, sensitivity, …)", "pcfdoc.calc.footprint", "analyse", 1),
    ("    monte_carlo", "pcfdoc.calc.footprint", "monte_carlo", 2),
    ("  scenarios", "pcfdoc.calc.footprint", "_scenarios", 1),
    ("result checks", "pcfdoc.pipeline", "result_findings", 0),
    ("render_report", "pcfdoc.pipeline", "_outputs", 0),
    ("  report_context (incl. charts)", "pcfdoc.render.docx", "report_context", 1),
    ("  docxtpl build_xml (Jinja)", "docxtpl.template", "DocxTemplate.build_xml", 1),
    ("    spliced rows (long tables)", "pcfdoc.render.template", "ReportTemplate._rows", 2),
    ("  docxtpl fix_tables (reparse)", "pcfdoc.render.template", "ReportTemplate.fix_tables", 1),
    ("  docxtpl map_tree (lxml replace)", "docxtpl.template", "DocxTemplate.map_tree", 1),
    ("  python-docx save", "docxtpl.template", "DocxTemplate.save", 1),
    ("  reproducible (re-zip)", "pcfdoc.render.docx", "reproducible_zip|reproducible", 1),
    ("write", "pcfdoc.pipeline", "write_atomic", 0),
)


def _resolve(module_name: str, attributes: str):
    module = importlib.import_module(module_name)
    for attribute in attributes.split("|"):
        owner = module
        *parents, name = attribute.split(".")
        try:
            for parent in parents:
                owner = getattr(owner, parent)
            return owner, name, getattr(owner, name)
        except AttributeError:
            continue
    raise AttributeError(attributes)


def instrument() -> tuple[dict[str, float], list[str], list]:
    """Wrap every phase; return (seconds by label, labels missing, undo list)."""
    totals: dict[str, float] = defaultdict(float)
    missing, undo = [], []
    for label, module_name, attribute, _ in PHASES:
        try:
            owner, name, original = _resolve(module_name, attribute)
        except (ImportError, AttributeError):
            missing.append(label)
            continue

        def timed(*args, __original=original, __label=label, **kwargs):
            start = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                totals[__label] += time.perf_counter() - start

        setattr(owner, name, timed)
        undo.append((owner, name, original))
    return totals, missing, undo


def build_phases(spec: Path) -> tuple[float, dict[str, float], list[str]]:
    from pcfdoc import pipeline

    totals, missing, undo = instrument()
    try:
        with tempfile.TemporaryDirectory(prefix="pcfdoc-phases-") as out:
            start = time.perf_counter()
            pipeline.build(spec, Path(out))
            whole = time.perf_counter() - start
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    return whole, dict(totals), missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", type=Path, nargs="+")
    parser.add_argument("--warm", action="store_true", help="build the first spec once, untimed, first")
    args = parser.parse_args(argv)
    if args.warm:
        build_phases(args.specs[0])
    columns = []
    for spec in args.specs:
        print(f"building {spec} …", file=sys.stderr, flush=True)
        columns.append((spec, *build_phases(spec)))
    width = max(len(label) for label, *_ in PHASES)
    names = [spec.stem[:12] for spec, *_ in columns]
    print(f"{'phase (s)':<{width}}" + "".join(f"{name:>14}" for name in names))
    print(f"{'whole pipeline.build':<{width}}" + "".join(f"{whole:>14.3f}" for _, whole, _, _ in columns))
    for label, *_ in PHASES:
        print(f"{label:<{width}}" + "".join(
            f"{'missing' if label in missing else f'{totals.get(label, 0.0):.3f}':>14}"
            for _, _, totals, missing in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
