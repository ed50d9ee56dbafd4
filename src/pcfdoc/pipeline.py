"""The thin orchestrator: load → validate → calculate → render → write.

Every stage raises a PcfdocError subclass on bad input; nothing is written
until everything has been computed.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .calc.footprint import calculate
from .calc.results import Calculated
from .check.results import result_findings
from .check.validate import validate, with_findings
from .spec.load import load
from .spec.valid import ValidSpec
from .write import write_together


def check(path: str | Path, *, strict: bool = False) -> ValidSpec:
    """Validate, and calculate too: some limits (cut-off estimates) are only known from results."""
    return calc(path, strict=strict).valid


def calc(path: str | Path, *, strict: bool = False, rev: str | None = None,
         language: str | None = None) -> Calculated:
    """Validate and calculate the spec at ``path`` (as committed in git revision ``rev``, if given).

    ``language`` overrides report.language (stage names in results follow it too).
    """
    if rev is None:
        source = load(path)
    else:
        from .spec.load import parse
        from .spec.revisions import text_at

        # Named path@rev: messages say which version, and the folder still resolves libraries.
        source = parse(text_at(Path(path), rev), f"{path}@{rev}")
    valid = validate(source, strict=strict)
    if language is not None and language != valid.spec.report.language:
        spec = copy.copy(valid.spec)
        spec.report = copy.copy(spec.report)
        spec.report.language = language
        valid = dataclasses.replace(valid, spec=spec)
    results = calculate(valid.spec, valid.factor_nodes)
    return Calculated(with_findings(valid, result_findings(valid.spec, results), strict=strict), results)


def template_for(valid: ValidSpec, override: Path | None) -> Path:
    """--template wins, then report.template (relative to the spec), then the shipped one."""
    from .render.docx import default_template

    if override is not None:
        return override
    if valid.spec.report.template:
        return Path(valid.source.file).parent / valid.spec.report.template
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
          extra: tuple[str, ...] = (), language: str | None = None) -> Built:
    """Compute and render the report (one per model of a family) and any ``extra`` outputs, then write.

    Everything is made in memory first, the PDF included, then written together: a failure at any
    point writes nothing and leaves earlier outputs as they were.
    """
    from .spec.revisions import history

    calculated = calc(path, strict=strict, language=language)
    revisions = history(Path(path))  # read once, for every model of a family
    outputs: dict[Path, bytes] = {}
    for stem, document in documents(calculated, path):
        for suffix, content in _outputs(document, stem, template, extra, revisions).items():
            outputs[out_dir / f"{stem}{suffix}"] = content
    _refuse_names_alike(outputs)
    write_together(outputs)  # every model and format, or none of them
    return Built(calculated, tuple(outputs))


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
             revisions: tuple = ()) -> dict[str, bytes]:
    """File suffix → bytes of the report and each extra output of one document."""
    from .render.docx import render_report

    document = render_report(calculated.valid, calculated.results, template_for(calculated.valid, template),
                             revisions)
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
