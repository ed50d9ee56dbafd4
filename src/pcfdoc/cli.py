"""Command line: ``pcfdoc new | schema | check | calc | build | diff | form | import | factors | gwp``.

Expected errors (PcfdocError) print one line per problem and exit 2; anything
else is a bug and keeps its traceback (exit 1). Heavy libraries are imported
inside the commands so that ``pcfdoc --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .errors import PcfdocError, UsageError
from .vocab.catalogue import LANGUAGES

EXIT_INVALID = 2


def _report(error: PcfdocError) -> None:
    for line in error.lines():
        click.echo(line, err=True)


def expected_errors(command: Callable) -> Callable:
    """Print PcfdocError without a traceback and exit with its status."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PcfdocError as error:
            _report(error)
            sys.exit(error.exit_code)

    return wrapper


def _print_warnings(warnings) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


class _ReaderGone:
    """stdout or stderr that outlives its reader: after ``pcfdoc check x | head -1`` stops reading,
    the rest goes nowhere and the command still ends with its own exit status."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._silence()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._silence()

    def _silence(self) -> None:
        try:  # what the stream still buffers goes to the null device too
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError, AttributeError):
            pass
        self._stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class _Commands(click.Group):
    def main(self, *args, **kwargs):
        streams = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _ReaderGone(sys.stdout), _ReaderGone(sys.stderr)
        try:
            return super().main(*args, **kwargs)
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            sys.stdout, sys.stderr = streams


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pcfdoc")
def main() -> None:
    """pcfdoc: product carbon footprint reports from one TOML spec."""


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--company", default="【委托单位名称】", help="Company name to fill in.")
@click.option("--product", default="【产品名称】", help="Product name to fill in.")
@click.option("--issue-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Issue date (default today); the data period is the year before.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@expected_errors
def new(path: Path, company: str, product: str, issue_date: dt.datetime | None, force: bool) -> None:
    """Write a commented starter spec to PATH."""
    from .spec.starter import write_starter

    date = issue_date.date() if issue_date else dt.date.today()
    _check_starter(path, company, product, date)
    schema = write_starter(path, company=company, product=product, issue_date=date, force=force)
    click.echo(f"wrote {path} (and {schema} for editors); fill in every 【placeholder】, then run: "
               f"pcfdoc check {path}")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file instead of printing it.")
@expected_errors
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a spec, for editors (Taplo / VS Code Even Better TOML)."""
    from .spec.json_schema import schema_text
    from .write import write_atomic

    if output is None:
        click.echo(schema_text(), nl=False)
        return
    if not output.parent.is_dir() and str(output.parent):
        output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, schema_text().encode("utf-8"), overwrite=True)
    click.echo(f"wrote {output}")


#: Where in the starter spec each option of `pcfdoc new` lands.
_STARTER_OPTIONS = {("company", "name"): "--company", ("products", 0, "name"): "--product",
                    ("report", "issue_date"): "--issue-date", ("data_period",): "--issue-date"}


def _check_starter(path: Path, company: str, product: str, date: dt.date) -> None:
    """The starter spec must pass `pcfdoc check`: a bad option is an error before anything is written."""
    from .check.validate import validate
    from .errors import SpecInvalidError
    from .spec.fields import EARLIEST_DATE, LATEST_DATE
    from .spec.load import parse
    from .spec.starter import starter_text

    earliest = EARLIEST_DATE.replace(year=EARLIEST_DATE.year + 1)  # the data period is the year before
    if not earliest <= date <= LATEST_DATE:
        raise UsageError(f"--issue-date: {date.isoformat()} is outside {earliest.isoformat()} … "
                         f"{LATEST_DATE.isoformat()}; give the report's real date of issue")
    try:
        validate(parse(starter_text(path.name, company, product, date).encode("utf-8"), str(path)))
    except SpecInvalidError as error:
        messages = []
        for problem in error.problems:
            option = next((name for prefix, name in _STARTER_OPTIONS.items()
                           if problem.path[:len(prefix)] == prefix), None)
            if option is not None and problem.severity == "error":
                messages.append(f"{option}: {problem.message}")
        if messages:
            raise UsageError("\n".join(dict.fromkeys(messages))) from None
        raise


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Check for a report in this language (en: a warning for each text without its English "
                   "version).")
@click.option("--checklist", "with_checklist", is_flag=True,
              help="Also print the 27-item reporting checklist: met, not met or not applicable, and why.")
def check(specs: tuple[Path, ...], strict: bool, language: str | None, with_checklist: bool) -> None:
    """Validate one or more specs; report every problem found, placeholders included."""
    from . import pipeline

    failed = 0
    for spec in specs:
        try:
            calculated = pipeline.calc(spec, strict=strict, language=language)
        except PcfdocError as error:
            _report(error)
            failed += 1
            continue
        valid = calculated.valid
        _print_warnings(valid.warnings)
        if with_checklist:
            _print_checklist(spec, calculated)
        products = valid.spec.products
        count = sum(
            len(p.inventory) + len(p.transport) + (len(p.distribution.destinations) if p.distribution else 0)
            for p in products
        )
        click.echo(f"{spec}: ok ({len(products)} product(s), {count} line(s), "
                   f"{len(valid.warnings)} warning(s))")
    if failed:
        click.echo(f"{failed} of {len(specs)} spec(s) invalid", err=True)
        sys.exit(EXIT_INVALID)


#: How each checklist status reads in the terminal.
CHECKLIST_STATUS = {"met": "met", "not-met": "NOT MET", "not-applicable": "n/a"}


def _print_checklist(spec: Path, calculated) -> None:
    """The 27 items as a table: number, item, status, and what states it or what is missing."""
    from rich.table import Table

    from .check.checklist import checklist
    from .export.terminal import console

    items = checklist(calculated.valid.spec, calculated.results)
    table = Table(title=f"{spec}: reporting checklist", show_lines=False)
    table.add_column("#", justify="right")
    for header in ("item", "status", "where, or what to do", "in the report"):
        table.add_column(header)
    for item in items:
        table.add_row(str(item.number), item.title, CHECKLIST_STATUS[item.status], item.reason,
                      item.report or "")
    met = sum(item.status == "met" for item in items)
    missing = sum(item.status == "not-met" for item in items)
    console().print(table)
    click.echo(f"{spec}: {met} met, {missing} not met, {len(items) - met - missing} not applicable")


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON (every line).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--lines", "line_limit", type=click.IntRange(min=0), default=40, show_default=True,
              help="Lines listed per product, the largest emitters; the rest are summed. 0 lists all.")
@expected_errors
def calc(spec: Path, as_json: bool, strict: bool, line_limit: int) -> None:
    """Compute the footprint of SPEC and print it per product and stage."""
    from . import pipeline

    calculated = pipeline.calc(spec, strict=strict)
    _print_warnings(calculated.valid.warnings)
    if as_json:
        from .export.json_view import dumps, results_json

        click.echo(dumps(results_json(calculated.results, str(spec))))
        return
    from .export.terminal import console, product_tables

    terminal = console()
    for product in calculated.results.products:
        for table in product_tables(product, calculated.results.gwp_set, line_limit or None):
            terminal.print(table)


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="Folder for the reports.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A .docx template to use instead of the spec's or the shipped one.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Specs built at once (default: the number of cores).")
@click.option("--xlsx", is_flag=True, help="Also write a calculation workbook with live formulas.")
@click.option("--pact", is_flag=True, help="Also write <name>.pact.json (PACT v3 product footprints).")
@click.option("--pdf", is_flag=True, help="Also write a PDF of the report (needs LibreOffice).")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Report language, instead of the spec's report.language.")
@click.option("--draft", is_flag=True,
              help="Write a draft: placeholders are allowed and highlighted, every page says 草稿 / DRAFT.")
@expected_errors
def build(specs: tuple[Path, ...], out_dir: Path, template: Path | None, strict: bool,
          jobs: int | None, xlsx: bool, pact: bool, pdf: bool, language: str | None, draft: bool) -> None:
    """Build the Word report of each SPEC into OUTPUT/<spec name>.docx.

    A SPEC may be a folder: every spec below it is built (factor library files,
    which hold only [[factors]], are skipped), keeping its sub-folders under OUTPUT.
    A final report refuses a spec that still holds a 【placeholder】; --draft writes it.
    """
    from . import batch

    extra = tuple(kind for kind, wanted in (("xlsx", xlsx), ("pact", pact), ("pdf", pdf)) if wanted)
    queue = batch.jobs_for(specs, out_dir, template=template, strict=strict, extra=extra, language=language,
                           draft=draft)
    workers = jobs or batch.default_workers()
    if len(queue) == 1:
        outcomes = batch.run(queue, 1, _print_outcome)
    else:
        outcomes = _run_with_progress(queue, workers)
        _print_summary(outcomes)
    crashed = sum(o.status in ("crashed", "died") for o in outcomes)
    failed = sum(o.status != "built" for o in outcomes)
    if failed:
        click.echo(f"{failed} of {len(outcomes)} report(s) not built", err=True)
        sys.exit(1 if crashed else EXIT_INVALID)


def _print_outcome(outcome) -> None:
    for message in outcome.messages:
        click.echo(message.rstrip("\n"), err=True)
    if outcome.status == "built":
        click.echo(f"{outcome.spec}: wrote {', '.join(map(str, outcome.targets))}")
    elif outcome.status == "crashed":
        click.echo(f"{outcome.spec}: internal error (a bug in pcfdoc; the traceback is above)", err=True)


def _run_with_progress(queue, workers: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import batch
    from .export.terminal import console

    columns = (TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as progress:
        task = progress.add_task("build", total=len(queue))

        def done(outcome) -> None:
            progress.advance(task)

        outcomes = batch.run(queue, workers, done)
    for outcome in outcomes:  # in the order given, not the order finished
        _print_outcome(outcome)
    return outcomes


def _print_summary(outcomes) -> None:
    from rich.table import Table

    from .export.terminal import console
    from .formatting import plain

    table = Table(title=f"{len(outcomes)} spec(s)", title_justify="left")
    for header, justify in (("spec", "left"), ("result", "left"), ("product", "left"),
                            ("footprint", "right"), ("warnings", "right")):
        table.add_column(header, justify=justify)
    for outcome in outcomes:
        if outcome.status != "built":
            table.add_row(str(outcome.spec), outcome.status, "", "", "", style="red")
            continue
        for index, (name, total, unit) in enumerate(outcome.products):
            first = index == 0
            table.add_row(str(outcome.spec) if first else "", "built" if first else "", name,
                          f"{plain(total)} {unit}", str(len(outcome.messages)) if first else "")
    console().print(table)


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--rev", default=None, metavar="GIT_REV",
              help="Compare SPEC as committed in GIT_REV with SPEC as it is now.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@expected_errors
def diff(specs: tuple[Path, ...], rev: str | None, as_json: bool) -> None:
    """What changed between OLD.toml and NEW.toml (or SPEC --rev GIT_REV), per product, stage and line."""
    from . import pipeline
    from .calc.diff import compare
    from .export.json_view import diff_json

    if rev is not None and len(specs) == 1:
        from .spec.revisions import check_revision

        check_revision(rev)
        (spec,) = specs
        old, new = pipeline.calc(spec, rev=rev), pipeline.calc(spec)
        labels = (f"{spec}@{rev}", str(spec))
    elif rev is None and len(specs) == 2:
        old, new = pipeline.calc(specs[0]), pipeline.calc(specs[1])
        labels = (str(specs[0]), str(specs[1]))
    else:
        raise UsageError("give OLD.toml NEW.toml, or one SPEC with --rev GIT_REV")
    changes = compare(old.results, new.results)
    if as_json:
        from .export.json_view import dumps

        click.echo(dumps(diff_json(changes, *labels)))
        return
    from .export.terminal import console, diff_tables

    terminal = console()
    for table in diff_tables(changes, *labels):
        terminal.print(table)


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Workbook to write (default: build/<spec name>-form.xlsx).")
@expected_errors
def form(spec: Path, output: Path | None) -> None:
    """Write the data-collection workbook for the client to fill in, pre-filled from SPEC."""
    from . import pipeline

    target = pipeline.form(spec, output or Path("build") / f"{spec.stem}-form.xlsx")
    click.echo(f"wrote {target}; send it to the client, then run: pcfdoc import {target} {spec}")


@main.command(name="import")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; never write the spec.")
@click.option("--reconcile", is_flag=True,
              help="The spec changed since the form was made: apply only the cells the client changed.")
@expected_errors
def import_(workbook: Path, spec: Path, dry_run: bool, reconcile: bool) -> None:
    """Read a filled WORKBOOK into SPEC, keeping its comments; written only if the result is valid."""
    from . import pipeline
    from .calc.diff import compare
    from .export.terminal import console, diff_tables

    imported = pipeline.import_form(workbook, spec, reconcile=reconcile, dry_run=dry_run)
    plan = imported.plan
    if not plan.changes:
        click.echo(f"{workbook}: no changes; {spec} is as it was")
        return
    _print_warnings(imported.after.valid.warnings)
    for change in plan.changes:
        click.echo(f"{change.ref}: {change.text}")
    terminal = console()
    for table in diff_tables(compare(imported.before.results, imported.after.results), str(spec),
                             f"{spec} + {workbook.name}"):
        terminal.print(table)
    if imported.written:
        click.echo(f"wrote {spec} ({len(plan.changes)} change(s)); check the differences with git diff")
    elif dry_run:
        click.echo(f"dry run: {spec} not written")


@main.command()
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@click.option("--library", "libraries", multiple=True, type=click.Path(path_type=Path),
              help="Also list a library file or folder of your own (repeatable).")
@expected_errors
def factors(query: tuple[str, ...], as_json: bool, libraries: tuple[Path, ...]) -> None:
    """List or search the emission-factor library by words, kind, scope or value, e.g.
    `pcfdoc factors 2022 华北`, `pcfdoc factors material 钢`, `pcfdoc factors 0.5366`."""
    from .errors import SpecInvalidError
    from .export.json_view import factor_record
    from .export.terminal import factor_table
    from .spec.library import library_files, load_user_library, matches, shipped

    entries = list(shipped())
    for path in library_files(Path("."), [str(p) for p in libraries]):
        own, problems = load_user_library(path)
        if problems:
            raise SpecInvalidError(problems)
        entries += own
    found = [entry for entry in entries if matches(entry, list(query))]
    if as_json:
        import json

        click.echo(json.dumps([factor_record(e) for e in found], ensure_ascii=False, indent=2))
        return
    from .export.terminal import console

    console().print(factor_table(found))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the sets as JSON.")
def gwp(as_json: bool) -> None:
    """Print the IPCC GWP100 sets pcfdoc knows (AR4, AR5, AR6)."""
    from .export.json_view import gwp_json
    from .export.terminal import gwp_table

    if as_json:
        import json

        click.echo(json.dumps(gwp_json(), indent=2))
        return
    from .export.terminal import console

    console().print(gwp_table())
