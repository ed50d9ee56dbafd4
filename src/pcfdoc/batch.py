"""Building many specs: find them, build each in its own process, collect outcomes.

A bad spec is an outcome like any other; it never stops the rest. Each worker
returns plain data (the lines it would print), so results cross processes
cheaply and print in the order the specs were given.
"""

from __future__ import annotations

import os
import tomllib
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PcfdocError, UsageError


@dataclass(frozen=True)
class Job:
    spec: Path
    out_dir: Path  # the report goes to out_dir / "<spec stem>.docx"
    template: Path | None = None
    strict: bool = False
    extra: tuple[str, ...] = ()  # xlsx, pact, pdf
    language: str | None = None  # overrides report.language
    draft: bool = False  # placeholders allowed, every page marked as a draft


@dataclass(frozen=True)
class Outcome:
    spec: Path
    status: str  # "built", "invalid" (a user error), "crashed" (a bug) or "died" (its process was killed)
    targets: tuple[Path, ...] = ()
    messages: tuple[str, ...] = ()  # warnings, or the problems, or the traceback
    products: tuple[tuple[str, float, str], ...] = field(default=())  # (name, total, its unit) per product


def _toml_data(path: Path) -> dict | None:
    """The TOML data of ``path``, or None if it is not a readable TOML file (a named pipe included)."""
    from .spec.load import MAX_SPEC_BYTES, Unreadable, read_input

    try:
        return tomllib.loads(read_input(path, MAX_SPEC_BYTES).decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


def is_library_file(path: Path) -> bool:
    """A factor library (only [[factors]]) sits among specs but is not one."""
    data = _toml_data(path)
    return data is not None and set(data) == {"factors"}  # a broken file is reported as a spec


def output_names(spec: Path) -> list[str]:
    """The file names (without suffix) a build of ``spec`` writes: one per model of a family.

    Read before anything is built, so that two specs of a batch never write the same file; a spec
    that cannot be read builds nothing and is reported by its build.
    """
    data = _toml_data(spec) or {}
    variants = data.get("variants")
    if isinstance(variants, list):
        ids = [v.get("id") for v in variants if isinstance(v, dict) and isinstance(v.get("id"), str)]
        if ids:
            return [f"{spec.stem}-{variant_id}" for variant_id in ids]
    return [spec.stem]


def jobs_for(paths: tuple[Path, ...], out_dir: Path, *, template: Path | None = None,
             strict: bool = False, extra: tuple[str, ...] = (), language: str | None = None,
             draft: bool = False) -> list[Job]:
    """One job per spec: files as given, folders searched for *.toml (their layout kept under out_dir)."""
    jobs: list[Job] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if not is_library_file(p))
            jobs += [Job(spec, out_dir / spec.parent.relative_to(path), template, strict, extra, language,
                         draft) for spec in found]
        else:
            jobs.append(Job(path, out_dir, template, strict, extra, language, draft))
    if not jobs:
        raise UsageError(f"no specs found in {', '.join(map(str, paths))}")
    if len(jobs) > 1:
        _refuse_shared_outputs(jobs)
    return jobs


def _refuse_shared_outputs(jobs: list[Job]) -> None:
    """Two specs (or two models) that would write one file are an error before anything is built.

    Names are compared as Windows and macOS compare them, ignoring case.
    """
    from .pipeline import SUFFIXES

    owners: dict[str, tuple[Path, Path]] = {}
    clashes = []
    for job in jobs:
        for name in output_names(job.spec):
            target = job.out_dir / f"{name}{SUFFIXES['docx']}"
            key = str(target).casefold()
            if key in owners and owners[key][0] != job.spec:
                clashes.append(f"{owners[key][0]} and {job.spec} would both be built to {target}; "
                               "rename a spec or a variant id, or build them into separate folders")
            owners.setdefault(key, (job.spec, target))
    if clashes:
        raise UsageError("\n".join(clashes))


def build_one(job: Job) -> Outcome:
    from . import pipeline
    from .formatting import in_unit, per_unit_label

    try:
        built = pipeline.build(job.spec, job.out_dir, template=job.template, strict=job.strict,
                               extra=job.extra, language=job.language, draft=job.draft)
    except PcfdocError as error:
        return Outcome(job.spec, "invalid", messages=tuple(error.lines()))
    except Exception:  # a bug: keep the traceback, go on with the other specs
        return Outcome(job.spec, "crashed", messages=(traceback.format_exc(),))
    products = tuple(
        (product.name, in_unit(product.total_kgco2e, product.result_unit),
         per_unit_label(product.result_unit, product.functional_unit_amount, product.functional_unit))
        for product in built.calculated.results.products
    )
    return Outcome(job.spec, "built", built.targets,
                   tuple(str(w) for w in built.calculated.valid.warnings), products)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(jobs: list[Job], workers: int, on_done: Callable[[Outcome], None]) -> list[Outcome]:
    """Build every job with ``workers`` processes (1: in this process); outcomes in job order."""
    outcomes: dict[int, Outcome] = {}
    for index, outcome in _outcomes(jobs, workers):
        outcomes[index] = outcome
        on_done(outcome)
    return [outcomes[i] for i in range(len(jobs))]


def _outcomes(jobs: list[Job], workers: int) -> Iterator[tuple[int, Outcome]]:
    if workers <= 1 or len(jobs) == 1:
        for index, job in enumerate(jobs):
            yield index, build_one(job)
        return
    # A worker that dies (the OOM killer, a signal) breaks the whole pool: every unfinished job
    # is then built again, each in a pool of its own, so only the one that kills its worker is lost.
    broken = yield from _in_pool(jobs, list(range(len(jobs))), workers)
    for index in broken:
        lost = yield from _in_pool(jobs, [index], 1)
        if lost:
            yield index, Outcome(jobs[index].spec, "died", messages=(
                f"{jobs[index].spec}: not built: the process building it died (killed by the system, "
                "perhaps for lack of memory); build it alone to see why",))


def _in_pool(jobs: list[Job], indexes: list[int], workers: int):
    """Build ``indexes`` in one process pool, yielding outcomes; return the indexes it could not
    finish because a worker died."""
    # Imported here: multiprocessing costs a one-spec build tens of milliseconds for nothing.
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    unfinished = []
    with ProcessPoolExecutor(max_workers=min(workers, len(indexes))) as pool:
        futures = {pool.submit(build_one, jobs[index]): index for index in indexes}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                unfinished.append(futures[future])
                continue
            yield futures[future], outcome
    return sorted(unfinished)
