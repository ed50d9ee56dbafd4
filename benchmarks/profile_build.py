"""Where the time goes: cProfile of one ``pcfdoc`` command, in-process.

    python benchmarks/profile_build.py specs/examples/valve-actuator.toml
    python benchmarks/profile_build.py /tmp/bench/lines-10000.toml --top 25 --save /tmp/b10k.prof
    python benchmarks/profile_build.py SPEC --command calc-json     # calc --json instead of build
    python benchmarks/profile_build.py SPEC --sort tottime

Runs the CLI's own entry point (``pcfdoc build SPEC -o TMPDIR`` by default) under cProfile,
so imports are included, as in a real run, and prints the wall time and the top entries
by cumulative time (or ``--sort tottime``). ``--save`` keeps the raw profile for
``python -m pstats`` or snakeviz. Profiling roughly doubles the time of Python-heavy
code; compare entries with each other, not with benchmarks/run.py's figures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "build": lambda spec, out: ["build", str(spec), "-o", str(out)],
    "calc-json": lambda spec, out: ["calc", "--json", str(spec)],
    "calc": lambda spec, out: ["calc", str(spec)],
    "check": lambda spec, out: ["check", str(spec)],
}


def profile(spec: Path, command: str = "build", top: int = 12, sort: str = "cumulative",
            save: Path | None = None) -> tuple[float, str]:
    """(wall seconds under the profiler, the pstats table of the ``top`` entries)."""
    with tempfile.TemporaryDirectory(prefix="pcfdoc-profile-") as out:
        argv = COMMANDS[command](spec, Path(out))
        profiler = cProfile.Profile()
        sink = io.StringIO()
        start = time.perf_counter()
        profiler.enable()
        try:
            stdout, sys.stdout = sys.stdout, sink  # calc prints the whole inventory
            from pcfdoc.cli import main

            main.main(argv, prog_name="pcfdoc", standalone_mode=False)
        finally:
            sys.stdout = stdout
            profiler.disable()
        elapsed = time.perf_counter() - start
    if save is not None:
        profiler.dump_stats(save)
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    return elapsed, report.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("--command", choices=sorted(COMMANDS), default="build")
    parser.add_argument("--top", type=int, default=12, help="entries shown (default 12)")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime, …)")
    parser.add_argument("--save", type=Path, help="write the raw profile here")
    args = parser.parse_args(argv)
    elapsed, table = profile(args.spec, args.command, args.top, args.sort, args.save)
    print(f"pcfdoc {args.command} {args.spec}: {elapsed:.2f} s under cProfile")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
