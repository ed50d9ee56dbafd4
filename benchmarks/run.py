"""Benchmarks of issue 8: measure pcfdoc on this machine and compare with the targets.

    python benchmarks/run.py                       # everything (about 15 minutes now, 9 of them the batch)
    python benchmarks/run.py --quick               # sizes up to 2,000 lines, a batch of 40: about 2 minutes
    python benchmarks/run.py --only help,example,mc --json /tmp/bench.json
    python benchmarks/run.py --sizes 1000,10000 --runs 5 --batch 200
    python benchmarks/run.py --only xlsx --sizes 1000,10000      # the calculation workbook (--xlsx)

Every command figure is the whole-process wall time of the ``pcfdoc`` console script run
as a subprocess (``time.perf_counter`` around ``subprocess.run``), the median of N runs;
the Monte Carlo is timed in-process. Each figure stands beside a baseline measured in the
same run, so a slow machine shows as a slow baseline:

* ``pcfdoc --help``      beside ``python -c pass`` (interpreter start-up, the floor);
* a build                beside ``pcfdoc calc --json`` of the same spec (load, validate,
                           calculate: everything but the report);
* the batch with -j 2    beside the same batch with -j 1;
* the Monte Carlo        beside numpy drawing the same lognormal sample (the floor of the method);
* ``build --xlsx``       beside ``build`` of the same spec, and the workbook alone in-process
                           (``workbook_bytes`` of an already calculated spec).

Specs are made by benchmarks/generate.py in a scratch folder (``--workdir``, kept with
``--keep``). Nothing here is part of the test suite; there are no timed assertions.
The exit status is 0 whatever the figures (1 only if a command failed), so a slow run
never breaks a pipeline; read the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)

EXAMPLE = ROOT / "specs" / "examples" / "valve-actuator.toml"
GROUPS = ("help", "example", "sizes", "batch", "mc", "xlsx")
MC_LINES, MC_ITERATIONS = 1000, 10_000
#: Issue 16: the Monte Carlo of the whole 10,000-line spec (12,136 calculated lines with legs and
#: destinations), before lines sharing a factor drew it together. CPU seconds, median of 5 in-process
#: calls on the issue 16 machine (wall time there was inflated by other sessions' load).
MC_LARGE, MC_LARGE_BEFORE_CPU_S = 10_000, 3.39
DEFAULT_SIZES = (100, 1000, 2000, 5000, 10000)
QUICK_SIZES = (100, 1000, 2000)
LARGE = 5000  # sizes from here on use --large-runs


class Load:
    """CPU used by other processes while we measure, in cores (0 … number of cores).

    System-wide busy time from /proc/stat minus the CPU time of this process and its
    children: what the rest of the machine (tests run by others, say) took meanwhile.
    """

    TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __init__(self) -> None:
        self.start = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float] | None:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return None
        busy = (sum(fields[:8]) - fields[3] - fields[4]) / Load.TICK  # all but idle and iowait
        own = sum(getattr(resource.getrusage(who), key)
                  for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                  for key in ("ru_utime", "ru_stime"))
        return time.perf_counter(), busy, own

    def cores(self) -> float | None:
        end = self._sample()
        if self.start is None or end is None or end[0] <= self.start[0]:
            return None
        wall = end[0] - self.start[0]
        return max(0.0, ((end[1] - self.start[1]) - (end[2] - self.start[2])) / wall)


def wait_idle(limit_s: float, threshold: float = 0.25) -> float | None:
    """Wait (up to ``limit_s``) until other processes use under ``threshold`` cores; return the last load."""
    deadline = time.perf_counter() + limit_s
    while True:
        load = Load()
        time.sleep(1.0)
        cores = load.cores()
        if cores is None or cores < threshold or time.perf_counter() >= deadline:
            return cores


@dataclass
class Timing:
    """The wall times of one measurement (seconds) and their median."""

    runs: list[float]
    ok: bool = True
    error: str = ""
    other_load: list[float] = field(default_factory=list)  # cores used elsewhere, per run
    cpu: list[float] = field(default_factory=list)  # user + system CPU seconds of the run's processes

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs and self.ok else None


@dataclass
class Row:
    id: str
    label: str
    measured: float | None
    unit: str = "s"
    target: str = ""  # e.g. "≤ 0.3 s"; "" when issue 8 sets none
    passed: bool | None = None  # None: no target or not measured
    baseline: float | None = None
    baseline_label: str = ""
    runs: list[float] = field(default_factory=list)
    note: str = ""
    other_load: float | None = None  # mean cores used by other processes during the runs
    cpu: float | None = None  # median CPU seconds (user + system) of the measured processes


# -- measuring ------------------------------------------------------------------------

def pcfdoc_command() -> list[str]:
    """The console script of the running interpreter's environment (as a user runs it)."""
    script = Path(sys.executable).with_name("pcfdoc")
    if script.exists():
        return [str(script)]
    found = shutil.which("pcfdoc")
    return [found] if found else [sys.executable, "-m", "pcfdoc"]


#: Seconds to wait for a quiet machine before each timed run (set from --wait-idle).
WAIT_IDLE = 0.0


def time_command(argv: Sequence[str], runs: int, warmup: int = 0, timeout: float = 900.0,
                 cwd: Path = ROOT, env: dict[str, str] | None = None) -> Timing:
    """Median-able wall times of ``argv`` run ``runs`` times after ``warmup`` untimed runs;
    ``env`` is added to the environment."""
    times: list[float] = []
    loads: list[float] = []
    cpu: list[float] = []
    for index in range(warmup + runs):
        if WAIT_IDLE and index >= warmup:
            wait_idle(WAIT_IDLE)
        load = Load()
        before = _children_cpu()
        start = time.perf_counter()
        try:
            done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=timeout, env={**os.environ, **(env or {})})
        except subprocess.TimeoutExpired:
            return Timing(times, False, f"timed out after {timeout:.0f} s")
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            return Timing(times, False, f"exit {done.returncode}: " + " | ".join(tail))
        if index >= warmup:
            times.append(elapsed)
            cpu.append(_children_cpu() - before)
            cores = load.cores()
            if cores is not None:
                loads.append(cores)
    return Timing(times, other_load=loads, cpu=cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_call(function: Callable[[], object], runs: int, warmup: int = 1) -> Timing:
    """In-process, timeit-style: ``warmup`` untimed calls, then ``runs`` timed ones."""
    for _ in range(warmup):
        function()
    times, loads, cpu = [], [], []
    for _ in range(runs):
        if WAIT_IDLE:
            wait_idle(WAIT_IDLE)
        load = Load()
        before = time.process_time()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - before)
        cores = load.cores()
        if cores is not None:
            loads.append(cores)
    return Timing(times, other_load=loads, cpu=cpu)


def progress(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def verdict(value: float | None, limit: float, higher_is_better: bool = False) -> bool | None:
    if value is None:
        return None
    return value >= limit if higher_is_better else value <= limit


# -- the benchmarks -------------------------------------------------------------------

class Bench:
    def __init__(self, args: argparse.Namespace, workdir: Path):
        self.args, self.workdir = args, workdir
        self.pcfdoc = pcfdoc_command()
        self.rows: list[Row] = []
        self.growth: list[dict] = []
        self.failed = False
        self.specs: dict[int, Path] = {}

    def add(self, row: Row, timing: Timing | None = None) -> Row:
        if timing is not None and timing.other_load:
            row.other_load = statistics.mean(timing.other_load)
        if timing is not None and timing.cpu and timing.ok:
            row.cpu = statistics.median(timing.cpu)
        if timing is not None and not timing.ok:
            row.note = (row.note + "; " if row.note else "") + f"FAILED: {timing.error}"
            self.failed = True
        self.rows.append(row)
        shown = "—" if row.measured is None else f"{row.measured:.3f} {row.unit}"
        progress(f"{row.label}: {shown}")
        return row

    def out(self, name: str) -> Path:
        return self.workdir / "out" / name

    # pcfdoc --help beside interpreter start-up
    def help(self) -> None:
        runs = self.args.help_runs
        floor = time_command([sys.executable, "-c", "pass"], runs, warmup=1)
        timing = time_command([*self.pcfdoc, "--help"], runs, warmup=1)
        self.add(Row("help", "pcfdoc --help", timing.median, target="≤ 0.3 s",
                     passed=verdict(timing.median, 0.3), baseline=floor.median,
                     baseline_label="python -c pass", runs=timing.runs), timing)

    def _build_row(self, row_id: str, label: str, spec: Path, runs: int, warmup: int,
                   limit: float | None) -> tuple[Timing, Timing]:
        calc = time_command([*self.pcfdoc, "calc", "--json", str(spec)], runs, warmup)
        build = time_command([*self.pcfdoc, "build", str(spec), "-o", str(self.out(row_id))], runs, warmup)
        self.add(Row(f"{row_id}-calc", f"calc --json {label}", calc.median, runs=calc.runs), calc)
        self.add(Row(row_id, f"build {label}", build.median,
                     target="" if limit is None else f"≤ {limit:g} s",
                     passed=None if limit is None else verdict(build.median, limit),
                     baseline=calc.median, baseline_label="calc --json, same spec", runs=build.runs), build)
        return calc, build

    def example(self) -> None:
        self._build_row("example", f"example ({EXAMPLE.name})", EXAMPLE, self.args.runs, 1, 1.5)
        # Every build above after the first finds the compiled template in the cache; this is the
        # first build after installing or changing a template, when Jinja compiles it.
        cold = time_command([*self.pcfdoc, "build", str(EXAMPLE), "-o", str(self.out("example-cold"))],
                            self.args.runs, 1, env={"PCFDOC_CACHE_DIR": ""})
        self.add(Row("example-cold", f"build example ({EXAMPLE.name}), no template cache", cold.median,
                     runs=cold.runs, note="what a first build costs"), cold)

    def sizes(self) -> None:
        limits = {1000: 3.0, 10000: 15.0}
        measured: dict[int, tuple[float | None, float | None]] = {}
        for lines in self.args.sizes:
            spec = self.specs[lines]
            runs = self.args.large_runs if lines >= LARGE else self.args.runs
            warmup = 0 if lines >= LARGE else self.args.size_warmup
            calc, build = self._build_row(f"lines-{lines}", f"{lines:,} lines", spec, runs, warmup,
                                          limits.get(lines))
            measured[lines] = (calc.median, build.median)
        previous = None
        base = measured.get(1000)
        for lines in sorted(measured):
            calc_s, build_s = measured[lines]
            entry = {"lines": lines, "calc_s": calc_s, "build_s": build_s,
                     "build_ms_per_line": None if build_s is None else 1000 * build_s / lines,
                     "build_vs_1k": None, "marginal_build_ms_per_line": None,
                     "marginal_calc_ms_per_line": None}
            if base and base[1] and build_s:
                entry["build_vs_1k"] = build_s / base[1]
            if previous is not None:
                p_lines, (p_calc, p_build) = previous
                if build_s and p_build:
                    entry["marginal_build_ms_per_line"] = 1000 * (build_s - p_build) / (lines - p_lines)
                if calc_s and p_calc:
                    entry["marginal_calc_ms_per_line"] = 1000 * (calc_s - p_calc) / (lines - p_lines)
            self.growth.append(entry)
            previous = (lines, (calc_s, build_s))
        if 1000 in measured and 10000 in measured:
            ratio = None
            if measured[1000][1] and measured[10000][1]:
                ratio = measured[10000][1] / measured[1000][1]
            calc_ratio = None
            if measured[1000][0] and measured[10000][0]:
                calc_ratio = measured[10000][0] / measured[1000][0]
            self.add(Row("growth", "build 10k / build 1k (time ratio)", ratio, unit="×", target="≤ 11",
                         passed=verdict(ratio, 11.0), baseline=calc_ratio,
                         baseline_label="calc 10k / calc 1k", note="10 would be exactly linear"))

    def batch(self) -> None:
        count = self.args.batch
        folder = self.workdir / f"batch-{count}"
        progress(f"batch: {count} specs in {folder}")
        if not folder.exists():
            generate.write_batch(count, folder, self.args.seed)
        timings = {}
        for jobs in (1, 2):
            argv = [*self.pcfdoc, "build", str(folder), "-o", str(self.out(f"batch-j{jobs}")),
                    "-j", str(jobs)]
            timings[jobs] = time_command(argv, self.args.batch_runs)
            self.add(Row(f"batch-j{jobs}", f"build {count} specs -j {jobs}", timings[jobs].median,
                         runs=timings[jobs].runs,
                         note="" if timings[jobs].median is None else
                         f"{1000 * timings[jobs].median / count:.0f} ms per spec"), timings[jobs])
        t1, t2 = timings[1].median, timings[2].median
        speedup = t1 / t2 if t1 and t2 else None
        self.add(Row("batch-speedup", f"batch speed-up -j 2 vs -j 1 ({count} specs)", speedup, unit="×",
                     target="≥ 1.7", passed=verdict(speedup, 1.7, higher_is_better=True), baseline=t1,
                     baseline_label="-j 1 seconds", note=f"{os.cpu_count()} CPU(s) visible"))

    def mc(self) -> None:
        import numpy as np

        from pcfdoc import pipeline
        from pcfdoc.calc.uncertainty import monte_carlo

        spec = self.specs.get(MC_LINES)
        if spec is None:
            spec = generate.write_lines_spec(MC_LINES, self.workdir, self.args.seed).path
        product = pipeline.calc(spec).results.products[0]
        lines = product.lines[:MC_LINES]
        if len(lines) < MC_LINES:
            raise SystemExit(f"{spec} has {len(lines)} calculated lines, fewer than {MC_LINES}")
        stage_ids = [stage.id for stage in product.stages]
        timing = time_call(lambda: monte_carlo(lines, stage_ids, MC_ITERATIONS, 1), self.args.mc_runs)
        medians = np.array([line.kgco2e for line in lines])
        sigmas = np.log(np.array([line.quality.gsd for line in lines]))

        def floor() -> float:
            rng = np.random.default_rng(1)
            draws = rng.standard_normal((MC_LINES, MC_ITERATIONS))
            draws *= sigmas[:, None]
            np.exp(draws, out=draws)
            draws *= medians[:, None]
            return float(draws.sum(axis=0).mean())

        raw = time_call(floor, self.args.mc_runs)
        self.add(Row("mc", f"monte_carlo {MC_LINES:,} lines × {MC_ITERATIONS:,} iterations", timing.median,
                     target="≤ 1 s", passed=verdict(timing.median, 1.0), baseline=raw.median,
                     baseline_label="numpy lognormal draws + sum", runs=timing.runs, note="in-process"),
                 timing)
        self.mc_large()

    def mc_large(self) -> None:
        """Issue 16: every line of the 10,000-line spec, shared factors drawn once per iteration."""
        from pcfdoc import pipeline
        from pcfdoc.calc.uncertainty import monte_carlo

        spec = self.specs.get(MC_LARGE)
        if spec is None:
            spec = generate.write_lines_spec(MC_LARGE, self.workdir, self.args.seed).path
        product = pipeline.calc(spec).results.products[0]
        stage_ids = [stage.id for stage in product.stages]
        timing = time_call(lambda: monte_carlo(product.lines, stage_ids, MC_ITERATIONS, 1), self.args.mc_runs)
        cpu = statistics.median(timing.cpu) if timing.cpu else None
        limit = 1.5 * MC_LARGE_BEFORE_CPU_S
        label = (f"monte_carlo {len(product.lines):,} lines ({MC_LARGE:,}-line spec) × {MC_ITERATIONS:,}, "
                 "CPU s")
        self.add(Row("mc-large", label, cpu, target=f"≤ {limit:.2f} (1.5 × before)",
                     passed=verdict(cpu, limit), baseline=MC_LARGE_BEFORE_CPU_S,
                     baseline_label="CPU s before issue 16", runs=timing.cpu,
                     note=f"wall median {timing.median:.2f} s" if timing.median else ""), timing)


    # build --xlsx beside build, and the workbook alone (no start-up, no report)
    def xlsx(self) -> None:
        from pcfdoc import pipeline
        from pcfdoc.export.xlsx import workbook_bytes

        for lines in self.args.sizes:
            spec = self.specs[lines]
            runs = self.args.large_runs if lines >= LARGE else self.args.runs
            warmup = 0 if lines >= LARGE else self.args.size_warmup
            out = str(self.out(f"xlsx-{lines}"))
            plain = time_command([*self.pcfdoc, "build", str(spec), "-o", out], runs, warmup)
            with_xlsx = time_command([*self.pcfdoc, "build", str(spec), "--xlsx", "-o", out], runs, warmup)
            self.add(Row(f"xlsx-{lines}-build", f"build {lines:,} lines", plain.median, runs=plain.runs),
                     plain)
            extra = (with_xlsx.median - plain.median
                     if with_xlsx.median is not None and plain.median is not None else None)
            self.add(Row(f"xlsx-{lines}", f"build --xlsx {lines:,} lines", with_xlsx.median,
                         baseline=plain.median, baseline_label="build, same spec", runs=with_xlsx.runs,
                         note="" if extra is None else f"workbook adds {extra:.2f} s"), with_xlsx)
            calculated = pipeline.calc(spec)
            alone = time_call(lambda calculated=calculated: workbook_bytes(calculated), runs)
            self.add(Row(f"xlsx-{lines}-alone", f"workbook_bytes {lines:,} lines", alone.median,
                         runs=alone.runs, note="in-process, after the calculation"), alone)


# -- report ---------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        from importlib.metadata import version

        pcfdoc_version = version("pcfdoc")
    except Exception:  # not installed: report it, measure anyway
        pcfdoc_version = "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    return {"cpu": cpu, "cores_usable": usable, "cpu_count": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "pcfdoc": pcfdoc_version,
            "commit": commit + ("+dirty src" if dirty else ""),
            "date": dt.datetime.now().isoformat(timespec="seconds")}


def fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def table(rows: list[Row]) -> str:
    header = ("benchmark", "target", "measured", "result", "baseline", "baseline is", "runs", "cpu", "busy",
              "note")
    body = []
    for row in rows:
        result = {True: "PASS", False: "FAIL", None: "—" if not row.target else "n/a"}[row.passed]
        runs = "" if not row.runs else ", ".join(f"{t:.2f}" for t in row.runs)
        body.append((row.label, row.target or "—", fmt(row.measured, row.unit), result,
                     fmt(row.baseline, "s" if row.id != "growth" else "×"), row.baseline_label or "",
                     runs, "" if row.cpu is None else fmt(row.cpu),
                     "" if row.other_load is None else f"{row.other_load:.2f}", row.note))
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
             for line in [header, tuple("-" * w for w in widths), *body]]
    return "\n".join(lines)


def growth_table(growth: list[dict]) -> str:
    if not growth:
        return ""
    lines = ["lines    calc --json   build      build ms/line   build vs 1k   marginal ms/line (calc, build)"]
    for g in growth:
        marginal = "—"
        if g["marginal_build_ms_per_line"] is not None:
            calc_m = g["marginal_calc_ms_per_line"]
            marginal = f"{'—' if calc_m is None else f'{calc_m:.2f}'}, {g['marginal_build_ms_per_line']:.2f}"
        per_line = "—" if g["build_ms_per_line"] is None else f"{g['build_ms_per_line']:.2f}"
        vs = "—" if g["build_vs_1k"] is None else f"{g['build_vs_1k']:.2f}× (lines {g['lines'] / 1000:g}×)"
        lines.append(f"{g['lines']:<8} {fmt(g['calc_s']):<13} {fmt(g['build_s']):<10} {per_line:<15} "
                     f"{vs:<13} {marginal}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups to run, of {', '.join(GROUPS)} (default: all)")
    parser.add_argument("--sizes", default=None,
                        help=f"inventory sizes to build (default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (median; default 3)")
    parser.add_argument("--large-runs", type=int, default=1,
                        help=f"timed runs at ≥ {LARGE} lines (default 1)")
    parser.add_argument("--size-warmup", type=int, default=0,
                        help="untimed runs before each size below the large ones (default 0)")
    parser.add_argument("--help-runs", type=int, default=7, help="timed runs of --help (default 7)")
    parser.add_argument("--batch", type=int, default=200, help="specs in the batch (default 200)")
    parser.add_argument("--batch-runs", type=int, default=1,
                        help="timed runs of each batch build (default 1)")
    parser.add_argument("--mc-runs", type=int, default=5, help="timed Monte Carlo calls (default 5)")
    parser.add_argument("--quick", action="store_true",
                        help=f"sizes {','.join(map(str, QUICK_SIZES))}, a batch of 40, 1 run each")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="before each timed run, wait up to SECONDS for other processes to use "
                             "under 0.25 cores (default 0: do not wait)")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="generator seed")
    parser.add_argument("--workdir", type=Path,
                        help="scratch folder for specs and reports (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.help_runs, args.mc_runs = 1, 5, 3
        args.batch = min(args.batch, 40)
        args.sizes = args.sizes or ",".join(map(str, QUICK_SIZES))
    args.sizes = [int(s) for s in (args.sizes or ",".join(map(str, DEFAULT_SIZES))).split(",") if s]
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; choose from {', '.join(GROUPS)}")

    global WAIT_IDLE
    WAIT_IDLE = args.wait_idle
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pcfdoc-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    # The compiled-template cache starts empty in every run (the warm-up run fills it).
    os.environ["PCFDOC_CACHE_DIR"] = str(workdir / "cache")
    # Python writes .pyc files unless told not to; some sandboxes tell it not to, which makes every
    # run recompile pcfdoc's own modules (an editable install has no .pyc from pip). Measure what
    # a user's machine does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    bench = Bench(args, workdir)
    info = machine()
    progress(f"pcfdoc {info['pcfdoc']} ({info['commit']}), {info['cores_usable']} usable core(s), "
             f"{info['cpu']}; command {' '.join(bench.pcfdoc)}; scratch {workdir}")
    started = time.perf_counter()
    try:
        if "sizes" in groups or "mc" in groups or "xlsx" in groups:
            wanted = sorted(set(args.sizes if {"sizes", "xlsx"} & set(groups) else [])
                            | ({MC_LINES, MC_LARGE} if "mc" in groups else set()))
            for lines in wanted:
                bench.specs[lines] = generate.write_lines_spec(lines, workdir / "specs", args.seed).path
            progress(f"generated {', '.join(map(str, wanted))}-line specs")
        for group in GROUPS:
            if group in groups:
                getattr(bench, group)()
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - started

    print()
    print(f"pcfdoc benchmarks (issue 8) — {info['date']}, pcfdoc {info['pcfdoc']} at {info['commit']}")
    print(f"machine: {info['cpu']}, {info['cores_usable']} usable core(s), Python {info['python']}, "
          f"{info['platform']}")
    print(f"medians of {args.runs} run(s) ({args.large_runs} at ≥ {LARGE:,} lines, "
          f"{args.help_runs} for --help, {args.batch_runs} per batch, {args.mc_runs} Monte Carlo calls); "
          f"whole run {total:.0f} s")
    print()
    print(table(bench.rows))
    print("cpu: median user + system CPU time of the measured processes (all workers of a batch "
          "together);\nbusy: mean CPU cores used by other processes during the timed runs (0 = a quiet "
          "machine).\nFigures with busy ≥ 0.3 on a 2-core machine are inflated; cpu is less affected, "
          "compare it with the target then.")
    if bench.growth:
        print()
        print("growth with inventory size (marginal = extra time per extra line since the previous size):")
        print(growth_table(bench.growth))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "machine": info,
            "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
            "total_s": total,
            "results": [asdict(row) for row in bench.rows],
            "growth": bench.growth,
        }, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\nwrote {args.json}")
    return 1 if bench.failed else 0


if __name__ == "__main__":
    sys.exit(main())
