"""Checks of the spec's texts: placeholders still to fill in, English versions, revisions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..errors import SpecPath, dotted, shorten
from ..spec.library import SHIPPED, Entry
from ..spec.schema import Node
from ..spec.texts import placeholders, twin_mismatches, untranslated
from .context import CheckContext, Finding, present

DRAFT_HINT = "fill it in, or build a draft with --draft"


def placeholder_findings(data: dict, severity: str) -> list[Finding]:
    """Each placeholder of the raw spec: a warning for `check`, an error for a final build."""
    return [Finding(severity, path, f"placeholder {shorten(text)} is not filled in; {DRAFT_HINT}")
            for path, text in placeholders(data)]


def check_texts(ctx: CheckContext) -> None:
    """English lists pair with the lists they translate; revisions are the report's own versions."""
    for path, twin, original in twin_mismatches(ctx.spec):
        ctx.out.error(path, f"has {twin} entries but {dotted(path)[:-3]} has {original}; give one English "
                            "entry for each")
    report = ctx.spec.report
    if report is None:
        return
    seen: dict[str, int] = {}
    for index, revision in present(report.revisions):
        path = ("report", "revisions", index)
        if revision.date > report.issue_date:
            ctx.out.error(path + ("date",), f"version {revision.version} is dated {revision.date}, after the "
                                            f"issue date {report.issue_date}; fix either date")
        if revision.version in seen:
            ctx.out.error(path + ("version",), f"version {revision.version!r} is listed twice (also "
                                               f"report.revisions[{seen[revision.version]}]); give each "
                                               "version once")
        seen.setdefault(revision.version, index)
    company = ctx.spec.company
    if company is not None and not report.self_declared:
        if report.assessor == company.name:
            ctx.out.warn(("report", "assessor"), "the company assesses its own product; set self_declared = "
                                                 "true (the report then names no client)")
        if report.commissioned_by == company.name:
            ctx.out.warn(("report", "commissioned_by"), "is the company itself; leave it out")


def english_findings(spec: Node, factors: Mapping[str, Entry]) -> list[Finding]:
    """A warning for each printed text an English report would print in Chinese."""
    found = [Finding("warning", path, _missing(path, text)) for path, text in untranslated(spec)]
    own = {factor.id for _, factor in present(spec.factors)}  # covered above, where they are written
    for factor_id, used_at in _first_uses(spec):
        entry = factors.get(factor_id)
        if entry is None or factor_id in own:
            continue
        for path, text in untranslated(entry.factor):
            key = path[-1]
            where = "the pcfdoc library" if entry.origin == SHIPPED else entry.origin
            found.append(Finding("warning", used_at, f"factor {factor_id!r} from {where} has no English "
                                                     f"{key} for {shorten(text)!r}; the English report "
                                                     f"prints it in Chinese (give it {key}_en there)"))
    return found


def _missing(path: SpecPath, text: str) -> str:
    key = next(part for part in reversed(path) if isinstance(part, str))
    return (f"no English text for {shorten(text)!r}; add {key}_en = \"…\" (the English report prints the "
            "Chinese)")


def _first_uses(spec: Node) -> Iterator[tuple[str, SpecPath]]:
    """(factor id, where it is first used) in spec order."""
    seen: set[str] = set()
    for p, product in present(spec.products):
        places = [(("products", p, "inventory", i, "factor"), line.factor)
                  for i, line in present(product.inventory)]
        places += [(("products", p, "transport", i, "factor"), leg.factor)
                   for i, leg in present(product.transport)]
        if product.distribution is not None:
            places.append((("products", p, "distribution", "factor"), product.distribution.factor))
            places += [(("products", p, "distribution", "destinations", i, "factor"), d.factor)
                       for i, d in present(product.distribution.destinations)]
        for path, factor_id in places:
            if factor_id is not None and factor_id not in seen:
                seen.add(factor_id)
                yield factor_id, path
