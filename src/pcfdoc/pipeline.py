"""The thin orchestrator: load → validate → calculate → render → write.

Every stage raises a PcfdocError subclass on bad input; nothing is written
until everything has been computed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .calc.footprint import calculate
from .calc.results import Calculated
from .check.results import result_findings
from .check.texts import english_findings, placeholder_findings
from .check.validate import validate, with_findings
from .errors import OutputError
from .spec.load import load
from .spec.texts import localised
from .spec.valid import ValidSpec
from .write import write_atomic, write_together


def check(path: str | Path, *, strict: bool = False, language: str | None = None) -> ValidSpec:
    """Validate, and calculate too: some limits (cut-off estimates) are only known from results."""
    return calc(path, strict=strict, language=language).valid


def calc(path: str | Path, *, strict: bool = False, rev: str | None = None,
         language: str | None = None) -> Calculated:
    """Validate and calculate the spec at ``path`` (as committed in git revision ``rev``, if given).

    ``language`` overrides report.language. The spec is calculated as its report prints it: in
    English, every text with an English version reads that version (so do names in results), and
    each text still in Chinese is a warning.
    """
    if rev is None:
        source = load(path)
    else:
        from .spec.load import parse
        from .spec.revisions import text_at

        # Named path@rev: messages say which version, and the folder still resolves libraries.
        source = parse(text_at(Path(path), rev), f"{path}@{rev}")
    return calc_source(source, strict=strict, language=language)


def calc_source(source, *, strict: bool = False, language: str | None = None) -> Calculated:
    """Validate and calculate a spec already read (a file, a git revision, an imported text)."""
    valid = validate(source, strict=strict)
    language = language or valid.spec.report.language
    findings = english_findings(valid.spec, valid.factors) if language == "en" else []
    valid = localised(valid, language)
    results = calculate(valid.spec, valid.factor_nodes)
    findings += result_findings(valid.spec, results)
    return Calculated(with_findings(valid, findings, strict=strict), results)


def template_for(valid: ValidSpec, override: Path | None) -> Path:
    """--template wins, then report.template (relative to the spec), then the shipped one."""
    from .render.docx import default_template

    if override is not None:
        return override
    if valid.spec.report.template:
        return valid.source.folder / valid.spec.report.template
    return default_template(valid.spec.report.language)


#: File suffix of each output: the report, and what `build --xlsx/--pact/--pdf` adds.
SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx", "pact": ".pact.json", "pdf": ".pdf"}


@dataclass(frozen=True)
class Built:
    calculated: Calculated
    targets: tuple[Path, ...]  # the .docx first

    @property
    def target(self) -> Path:
        return self.targets[0]


def documents(calculated: Calculated, path: str | Path) -> list[tuple[str, Calculated]]:
    """(file stem, what to render): the spec itself, or one spec per model of a product family."""
    stem = Path(path).stem
    variants = calculated.valid.spec.variants
    if not variants:
        return [(stem, calculated)]
    return [(f"{stem}-{variant.id}", model_calculated(calculated.valid, index, variant))
            for index, variant in enumerate(variants)]


def model_calculated(valid: ValidSpec, index: int, variant) -> Calculated:
    """Check and calculate one model; its errors point at its [[variants]] entry."""
    from .check.meaning import check as check_meaning
    from .errors import Problem, SpecInvalidError, dotted
    from .spec.variants import model_spec

    model = model_spec(valid.spec, variant)
    findings = [f for f in check_meaning(model, frozenset(), valid.factors) if f.severity == "error"]
    results = None if findings else calculate(model, valid.factor_nodes)
    if results is not None:
        findings = [f for f in result_findings(model, results) if f.severity == "error"]
    if findings:
        line = valid.source.line_of(("variants", index))
        raise SpecInvalidError([
            Problem(valid.source.file, ("variants", index),
                    f"model {variant.id!r}: {dotted(f.path)}: {f.message}", line)
            for f in findings
        ])
    return Calculated(dataclasses.replace(valid, spec=model), results)


def build(path: str | Path, out_dir: Path, *, template: Path | None = None, strict: bool = False,
          extra: tuple[str, ...] = (), language: str | None = None, draft: bool = False) -> Built:
    """Compute and render the report (one per model of a family) and any ``extra`` outputs, then write.

    Everything is made in memory first, the PDF included, then written together: a failure at any
    point writes nothing and leaves earlier outputs as they were. A final report refuses
    placeholders; a ``draft`` is marked as one on every page, placeholders highlighted.
    """
    calculated = calc(path, strict=strict, language=language)
    if not draft:
        _refuse_placeholders(calculated.valid)
    revisions = revision_history(calculated.valid, path)  # read once, for every model of a family
    outputs: dict[Path, bytes] = {}
    for stem, document in documents(calculated, path):
        for suffix, content in _outputs(document, stem, template, extra, revisions, draft).items():
            outputs[out_dir / f"{stem}{suffix}"] = content
    _refuse_names_alike(outputs)
    write_together(outputs)  # every model and format, or none of them
    return Built(calculated, tuple(outputs))


def revision_history(valid: ValidSpec, path: str | Path) -> tuple:
    """The spec's git commits up to the issue date, when it asks for them instead of its own
    report.revisions; never by default (commit messages are the developer's, not the client's)."""
    from .spec.revisions import history

    report = valid.spec.report
    return history(Path(path), report.issue_date) if report.revisions_from_git else ()


def _refuse_placeholders(valid: ValidSpec) -> None:
    """A final report holds no placeholder: each one is an error at its line."""
    from .errors import SpecInvalidError
    from .spec.schema_errors import locate

    found = placeholder_findings(valid.source.data, "error")
    if found:
        raise SpecInvalidError([locate(valid.source, f.path, f.message, f.severity) for f in found])


def _refuse_names_alike(outputs: dict[Path, bytes]) -> None:
    """Two models whose files differ only in case (ids 'a' and 'A') would be one file on Windows and
    macOS: an error, wherever the build runs."""
    from .errors import OutputError

    seen: dict[str, Path] = {}
    for path in outputs:
        other = seen.setdefault(str(path).casefold(), path)
        if other != path:
            raise OutputError(f"{other} and {path} differ only in case, so Windows and macOS would write "
                              "one file; give the variants ids that differ in more than case")


def _outputs(calculated: Calculated, stem: str, template: Path | None, extra: tuple[str, ...],
             revisions: tuple = (), draft: bool = False) -> dict[str, bytes]:
    """File suffix → bytes of the report and each extra output of one document."""
    from .render.docx import render_report

    document = render_report(calculated.valid, calculated.results, template_for(calculated.valid, template),
                             revisions, draft=draft)
    outputs = {SUFFIXES["docx"]: document}
    if "xlsx" in extra:
        from .export.xlsx import workbook_bytes

        outputs[SUFFIXES["xlsx"]] = workbook_bytes(calculated)
    if "pact" in extra:
        from .export.pact import pact_json

        outputs[SUFFIXES["pact"]] = pact_json(calculated)
    if "pdf" in extra:
        from .export.pdf import docx_to_pdf

        outputs[SUFFIXES["pdf"]] = docx_to_pdf(document, f"{stem}.docx")
    return outputs


@dataclass(frozen=True)
class Imported:
    """What `pcfdoc import` did: the plan (changes in words), the results before and after, and
    whether the spec was written."""

    plan: object  # spec.form_import.Plan
    before: Calculated
    after: Calculated
    written: bool


def form(path: str | Path, output: Path) -> Path:
    """Write the data-collection workbook of the spec at ``path`` to ``output``."""
    from .export.form import form_bytes

    calculated = calc(path)
    content = form_bytes(calculated.valid)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, content, overwrite=True)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write the form ({exc.strerror or exc}); "
                          "check the folder") from None
    return output


def import_form(workbook: Path, path: str | Path, *, reconcile: bool = False,
                dry_run: bool = False) -> Imported:
    """Read a filled workbook into the spec at ``path``: edit, validate, calculate, then write only if valid.

    With ``dry_run`` nothing is written, whatever the outcome.
    """
    from .errors import FormError, SpecInvalidError
    from .spec.form_import import plan_import
    from .spec.load import parse

    before = calc(path)
    try:
        content = Path(workbook).read_bytes()
    except OSError as exc:
        raise FormError(str(workbook), [f"cannot read ({exc.strerror or exc}); check the path"]) from None
    names = {entry.factor.name: factor_id for factor_id, entry in before.valid.factors.items()}
    plan = plan_import(content, str(workbook), before.valid.source, names, reconcile=reconcile)
    source = parse(plan.text.encode("utf-8"), f"{path} (as imported from {workbook})", str(path))
    try:
        after = calc_source(source)
    except SpecInvalidError as error:
        problems = [_from_row(problem, plan, source.data) for problem in error.problems]
        raise SpecInvalidError(problems) from None
    written = False
    if not dry_run and plan.text != before.valid.source.text:
        write_atomic(Path(path), plan.text.encode("utf-8"), overwrite=True)
        written = True
    return Imported(plan, before, after, written)


def _from_row(problem, plan, data):
    """A problem of the imported spec, told with the workbook row its entry came from."""
    from .errors import Problem

    for (array, entry_id), cells in plan.rows.items():
        node = data
        for part in array:
            node = node[part] if isinstance(part, int) else node.get(part, [])
        index = next((i for i, item in enumerate(node)
                      if isinstance(item, dict) and item.get("id") == entry_id), None)
        if index is not None and problem.path[: len(array) + 1] == (*array, index):
            key = problem.path[len(array) + 1] if len(problem.path) > len(array) + 1 else ""
            where = cells.get(str(key), cells[""])
            return Problem(problem.file, problem.path, f"{problem.message} (from {where})", problem.line,
                           problem.severity)
    return problem
