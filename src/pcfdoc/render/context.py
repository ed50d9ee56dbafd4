"""The render context: every name and figure the template places, already formatted.

This is a view of the validated spec and its results. It formats (units,
decimals, dates, joined lists) and selects (which tables appear); it never
computes a quantity. Sentences stay in the template; words, dates and list
separators come from the report language's labels (labels.py). It reads
nothing itself: the spec's revision history arrives from the build stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from ..calc.results import Results
from ..formatting import (
    factor_unit,
    figure,
    in_unit,
    per_unit_label,
    percent,
    percentages,
    plain,
    pretty_unit,
)
from ..spec.library import SHIPPED
from ..spec.revisions import Revision
from ..spec.schema import Node
from ..spec.valid import ValidSpec
from ..vocab.catalogue import BOUNDARY_TYPES, STAGE_BY_ID, STAGE_IDS, STANDARDS
from ..vocab.gwp import gases, gwp_sets
from .analysis import product_analysis, report_analysis
from .captions import Captions
from .diagram import boundary_diagram
from .illustrations import chapter_images, people_pictures, process_flow
from .labels import VOCABULARY
from .pictures import figures
from .products import Image, latin_brackets, product_view

#: GHGs the report always lists in its GWP table (others when a line uses them).
CORE_GASES = ("CO2", "CH4", "N2O")


def report_context(valid: ValidSpec, results: Results, image: Image,
                   history: Sequence[Revision] = ()) -> dict[str, Any]:
    spec = valid.spec
    words = VOCABULARY[spec.report.language]
    factor_names = _factor_names(valid, words)
    pictures = valid.pictures
    products = []
    for spec_product, result in zip(spec.products, results.products, strict=True):
        view = product_view(spec_product, result, words, image)
        products.append({**view, **product_analysis(spec, result, words, image, view["per_label"],
                                                    factor_names),
                         "images": figures(spec_product.images, pictures, image)})
    join, date = words["join"], words["date"]
    report = _report(spec, words, products)
    signatures, report["seal"] = people_pictures(spec, pictures, image, words)
    for person, signed in zip(report["people"], signatures, strict=True):
        person["signature"] = signed
    return {
        "report": report,
        "revisions": _revisions(history, words),
        "company": _company(spec, words, pictures, image),
        "period": {"text": words["period"].format(start=date(spec.data_period.start),
                                                  end=date(spec.data_period.end))},
        "boundary": {**_boundary(spec, words, image),
                     "images": figures(spec.boundary.images, pictures, image)},
        "images": chapter_images(spec, pictures, image),
        "allocation": _allocation(spec, results, words),
        "cutoff": {
            "mass_threshold": plain(spec.cutoff.mass_threshold_pct),
            "total_threshold": plain(spec.cutoff.total_threshold_pct),
            "rules": spec.cutoff.rules,
        },
        "gwp": _gwp(spec, results, words),
        "method": {
            "databases": spec.method.databases,
            "databases_text": join(spec.method.databases),
            "software": spec.method.software,
            "data_collection": spec.method.data_collection,
        },
        "factors": _factors(valid, results, words),
        "declared": _declared(spec, results, words),
        "products": products,
        "products_text": join(p["name"] for p in products),
        "data": {
            "line_count": sum(p["line_count"] for p in products),
            "primary_count": sum(p["primary_count"] for p in products),
            "secondary_count": sum(p["secondary_count"] for p in products),
        },
        "fu_text": join(p["fu_text"] for p in products),
        "conclusion": "\n".join(words["name_value"].format(name=p["name"],
                                                           value=f"{p['total']} {p['per_label']}")
                                for p in products),
        "improvements": _improvements(spec, results, products),
        "analysis": report_analysis(spec, results.products, words),
        "notes": {
            "assumptions": spec.notes.assumptions,
            "limitations": spec.notes.limitations,
            "data_quality": spec.notes.data_quality,
        },
        "cap": Captions(spec.report.language),
    }


#: Characters a Word document cannot hold (a commit subject may carry them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _revisions(revisions: tuple[Revision, ...], words: Mapping) -> list[dict[str, str]]:
    """The revision-history table: numbered from the first commit, listed newest first."""
    count = len(revisions)
    return [
        {"version": words["revision"].format(number=count - index, commit=revision.commit),
         "date": words["date"](revision.date),
         "author": _CONTROL.sub("", revision.author),
         "description": _CONTROL.sub("", revision.subject)}
        for index, revision in enumerate(revisions)
    ]


#: The running title in the page header: two lines of its cell, in ems of the header's size.
RUNNING_TITLE_EMS = 58


def running_title(title: str) -> str:
    """The title as the page header prints it: whole, or cut with '…' where it would take more
    than two lines of the header (a wide character counts one em, others about half)."""
    budget = RUNNING_TITLE_EMS
    for index, char in enumerate(title):
        budget -= 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55
        if budget < 0:
            return title[:max(index - 1, 1)].rstrip() + "…"
    return title


def report_title(spec: Node) -> str:
    words = VOCABULARY[spec.report.language]
    names = words["join"](product.name for product in spec.products)
    # "矿山机械产品" + "产品碳足迹评价报告" would say 产品 twice.
    names = names.removesuffix(words["title_suffix_overlap"])
    return spec.report.title or words["title"].format(products=names)


def _report(spec: Node, words: Mapping, products: list[dict]) -> dict[str, Any]:
    report = spec.report
    language, date, none = words["language"], words["date"], words["none"]
    standards = [STANDARDS[s] for s in report.standards]
    people = [
        {
            "duty": words["duty"][person.duty],
            "name": person.name,
            "role": person.role or none,
            "organization": person.organization or report.assessor,
            "certificate": person.certificate or none,
            "date": date(person.date) if person.date else none,
        }
        for person in report.people
    ]

    def signed(duty: str) -> str:
        names = [
            words["paren"].format(p.name, date(p.date)) if p.date else p.name
            for p in report.people if p.duty == duty
        ]
        return words["list_sep"].join(names) or none

    def cite(standard, form: str) -> str:
        return words[form].format(id=standard.id, title=standard.title(language))

    return {
        "number": report.number,
        "title": report_title(spec),
        "running_title": running_title(report_title(spec)),
        "issue_date": date(report.issue_date),
        "assessor": report.assessor,
        "client": report.commissioned_by or spec.company.name,
        "commissioned": report.commissioned_by is not None,
        "standards": [
            {"id": s.id, "title": s.title(language), "issuer": s.issuer(language), "year": s.year,
             "superseded_by": s.superseded_by}
            for s in standards
        ],
        "standards_text": words["join"](cite(s, "standard_cite") for s in standards),
        "standards_lines": "\n".join(cite(s, "standard_ref") for s in standards),
        "other_references": report.other_references,
        "other_references_text": words["join"](_document_ref(words, reference)
                                               for reference in report.other_references),
        "references": [cite(s, "standard_ref") for s in standards] + list(report.other_references),
        "purpose": report.purpose.strip(),
        "audience": report.audience,
        "people": people,
        "prepared": signed("prepared"),
        "reviewed": signed("reviewed"),
        "approved": signed("approved"),
    }


def _document_ref(words: Mapping, reference: str) -> str:
    """A document title in the report's quotation marks, unless its author already wrote them:
    '《GB/T 2589-2020 综合能耗计算通则》' must not print as 《《…》》."""
    if "《" in reference:
        return reference
    return words["document_ref"].format(reference)


def _paragraphs(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


def _company(spec: Node, words: Mapping, pictures: Mapping, image: Image) -> dict[str, Any]:
    company = spec.company
    products = {product.id: product.name for product in spec.products}
    none = words["none"]
    return {
        "name": company.name,
        "credit_code": company.credit_code or none,
        "address": company.address,
        "legal_representative": company.legal_representative,
        "registered_capital": company.registered_capital or none,
        "contact": {"name": company.contact.name, "phone": company.contact.phone,
                    "email": company.contact.email},
        "introduction": _paragraphs(company.introduction),
        "site": _paragraphs(company.site),
        "site_images": figures(company.site_images, pictures, image),
        "process_steps": [{"name": s.name, "description": s.description,
                           "images": figures(s.images, pictures, image)} for s in company.process_steps],
        "process_images": any(s.images for s in company.process_steps),
        "flow": process_flow(company.process_steps, words, image),
        "equipment": [
            {"no": i, "name": e.name, "model": e.model or none, "code": e.code or none,
             "quantity": none if e.quantity is None else e.quantity,
             "manufacturer": e.manufacturer or none, "note": e.note or none}
            for i, e in enumerate(company.equipment, 1)
        ],
        "output_value_unit": company.output_value_unit,
        "annual_output": [
            {"no": i, "name": products.get(row.product, row.name), "amount": plain(row.amount),
             "unit": pretty_unit(row.unit), "value": plain(row.value) if row.value is not None else none,
             "note": row.note or none}
            for i, row in enumerate(company.annual_output, 1)
        ],
    }


def _boundary(spec: Node, words: Mapping, image: Image) -> dict[str, Any]:
    boundary = spec.boundary
    kind = BOUNDARY_TYPES[boundary.type]
    language = spec.report.language
    inside = [stage for stage in STAGE_IDS if stage in boundary.stages]
    outside = [stage for stage in STAGE_IDS if stage not in boundary.stages]
    names = {stage: STAGE_BY_ID[stage].name(language) for stage in STAGE_IDS}
    processes: dict[str, dict[str, list[str]]] = {}
    for entry in boundary.processes:
        processes.setdefault(entry.stage, {"in": [], "out": []})
        processes[entry.stage]["in"] += entry.included
        processes[entry.stage]["out"] += entry.excluded
    sep, none, join, in_text = words["list_sep"], words["none"], words["join"], words["in_text"]
    type_name = kind.names[language]
    diagram = boundary_diagram(inside, names, words["excluded"],
                               words["boundary_label"].format(type=type_name))
    stages_text = join(in_text(names[s]) for s in inside)
    return {
        "type": boundary.type,
        "type_name": type_name,
        "stages_text": stages_text,
        "stage_count": len(inside),
        "excluded_text": join(in_text(names[s]) for s in outside),
        "has_distribution": "distribution" in inside,
        "summary": words["boundary_summary"].format(
            type=type_name, Type=type_name[:1].upper() + type_name[1:], stages=stages_text),
        "rows": [
            {
                "name": names[stage],
                "included": words["included"] if stage in inside else words["excluded"],
                "processes_in": sep.join(processes.get(stage, {}).get("in", [])) or none,
                "processes_out": sep.join(processes.get(stage, {}).get("out", [])) or none,
            }
            for stage in STAGE_IDS
        ],
        "exclusions": [{"item": e.item, "reason": e.reason} for e in boundary.exclusions],
        "diagram": image(diagram),
    }


def _allocation(spec: Node, results: Results, words: Mapping) -> dict[str, Any]:
    rows = spec.company.annual_output
    names = {product.id: product.name for product in spec.products}
    shares = percentages([a.share for a in results.allocation], 2)
    return {
        "method": spec.allocation.method,
        "rationale": spec.allocation.rationale,
        "rows": [
            {
                "name": names.get(rows[a.row].product, rows[a.row].name),
                "amount": plain(rows[a.row].amount),
                "unit": pretty_unit(rows[a.row].unit),
                "basis": f"{plain(a.basis)} {pretty_unit(a.basis_unit)}",
                "share": str(share),
            }
            for a, share in zip(results.allocation, shares, strict=True)
        ],
    }


def _gwp(spec: Node, results: Results, words: Mapping) -> dict[str, Any]:
    gwp = gwp_sets()[results.gwp_set]
    used = {gas.gas for product in results.products for gas in product.gases}
    shown = [gas for gas in gases() if gas in CORE_GASES or gas in used]
    return {
        "id": gwp.id,
        "report_name": words["gwp_report"][gwp.id],
        "rows": [
            {"name": gases()[gas].name(words["language"]), "formula": gases()[gas].formula,
             "value": plain(gwp.factor(gas))}
            for gas in shown
        ],
    }


def _factor_names(valid: ValidSpec, words: Mapping) -> dict[str, str]:
    """Factors an English report names by their English name (the library's all have one)."""
    if words["language"] != "en":
        return {}
    return {factor_id: entry.factor.name_en for factor_id, entry in valid.factors.items()
            if entry.factor.name_en}


def _factors(valid: ValidSpec, results: Results, words: Mapping) -> dict[str, Any]:
    """Every factor the lines use, in order of first use, with where it came from."""
    used = list(dict.fromkeys(line.factor_id for product in results.products for line in product.lines
                              if line.factor_id is not None))
    none = words["none"]
    names = _factor_names(valid, words)
    rows = []
    for number, factor_id in enumerate(used, 1):
        entry = valid.factors[factor_id]
        factor = entry.factor
        if factor.gases is not None:
            value = words["value_sep"].join(f"{pretty_unit(gas)} {plain(amount)}"
                                            for gas, amount in factor.gases.items())
        else:
            value = plain(factor.value)
        # An English report names a factor by its English name where it has one, and keeps the other.
        name = names.get(factor_id, factor.name)
        rows.append({
            "no": number, "id": factor.id, "name": name, "name_en": factor.name_en,
            "name_original": factor.name if name != factor.name else None, "value": value,
            "unit": latin_brackets(factor_unit(factor.unit, factor.gas), words),
            "year": factor.year or none, "region": factor.region or none,
            "source": factor.source or none, "note": factor.note or none,
            "status": words["status"][factor.status or "project"],
            "unverified": factor.status == "unverified",
            "derivation": _derivation(factor, words),
            "library": words["library_origin"] if entry.origin == SHIPPED else None,
        })
    unverified = [row["name"] for row in rows if row["unverified"]]
    return {"rows": rows, "unverified": unverified, "unverified_text": words["join"](unverified)}


def _derivation(factor: Node, words: Mapping) -> str | None:
    """'低位发热量 43.33 GJ/t × 单位热值含碳量 20.2 tC/TJ × 碳氧化率 98% × 44/12 = 3.145 tCO₂/t'."""
    derivation = factor.derivation
    if derivation is None:
        return None
    return words["derivation"].format(
        ncv=plain(derivation.ncv), ncv_unit=pretty_unit(derivation.ncv_unit),
        carbon=plain(derivation.carbon_content), oxidation=plain(derivation.oxidation * 100),
        value=figure(factor.value), unit=pretty_unit(factor.unit))


def _declared(spec: Node, results: Results, words: Mapping) -> list[dict[str, Any]]:
    sources = {
        (product.id, line.id): line.declared.source
        for product in spec.products for line in product.inventory if line.declared is not None
    }
    return [
        {"product": product.name, "name": line.name, "value": plain(line.factor_value),
         "unit": pretty_unit(line.factor_unit), "source": sources[(product.id, line.id)] or words["none"]}
        for product in results.products for line in product.lines
        if (product.id, line.id) in sources
    ]


def _improvements(spec: Node, results: Results, views: list[dict]) -> list[dict]:
    """Each measure with, per product it applies to, its targets and expected effect."""
    by_product = {product.id: product for product in results.products}
    printed_share = {view["id"]: view["share_of"] for view in views}
    scenario_names = {scenario.id: scenario.name for scenario in spec.scenarios}
    measures = []
    for index, measure in enumerate(spec.improvements):
        uses = []
        for item in (r for r in results.improvements if r.index == index):
            product = by_product[item.product_id]
            unit = product.result_unit
            per = pretty_unit(per_unit_label(unit, product.functional_unit_amount, product.functional_unit))
            reduction = item.expected_reduction_kgco2e
            # A scenario may raise the emission it was meant to cut: then the text says so.
            increase = reduction is not None and reduction < 0
            if reduction is None:
                reduction_pct = None
            elif measure.expected_reduction_pct is not None:
                reduction_pct = plain(measure.expected_reduction_pct)
            else:
                reduction_pct = percent(abs(item.expected_reduction_of_targets or 0.0))
            uses.append({
                "product": product.name,
                "targets": [{"name": t.name, "stage": t.kind == "stage",
                             "share": printed_share[product.id][t.id]} for t in item.targets],
                "emission": f"{figure(in_unit(item.target_kgco2e, unit))} {per}",
                "share": percent(item.target_share),
                "scenario": scenario_names.get(item.scenario) if item.scenario is not None else None,
                "increase": increase,
                "reduction_pct": reduction_pct,
                "reduction": (f"{figure(in_unit(abs(reduction), unit))} {per}"
                              if reduction is not None else None),
                "reduction_share": (percent(abs(item.expected_reduction_share))
                                    if reduction is not None else None),
            })
        measures.append({
            "title": measure.title,
            "description": measure.description.strip(),
            "uses": uses,
            "several": len(uses) > 1,
        })
    return measures
