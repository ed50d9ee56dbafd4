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
    status: str  # "built", "invalid" (a user error) or "crashed" (a bug)
    targets: tuple[Path, ...] = ()
    messages: tuple[str, ...] = ()  # warnings, or the problems, or the traceback
    products: tuple[tuple[str, float, str], ...] = field(default=())  # (name, total, its unit) per product


def is_library_file(path: Path) -> bool:
    """A factor library (only [[factors]]) sits among specs but is not one."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a broken file is reported as a spec, not skipped
    return set(data) == {"factors"}


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
    targets: dict[Path, Path] = {}
    for job in jobs:
        target = job.out_dir / f"{job.spec.stem}.docx"
        if target in targets:
            raise UsageError(f"{targets[target]} and {job.spec} would both be built to {target}; "
                             "rename one or build them into separate folders")
        targets[target] = job.spec
    if not jobs:
        raise UsageError(f"no specs found in {', '.join(map(str, paths))}")
    return jobs


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
    # Imported here: multiprocessing costs a one-spec build tens of milliseconds for nothing.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures = {pool.submit(build_one, job): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            yield futures[future], future.result()
