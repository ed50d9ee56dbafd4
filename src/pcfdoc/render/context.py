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
    column_number,
    exact,
    factor_unit,
    figure,
    in_unit,
    percentages,
    plain,
    share_text,
)
from ..spec.revisions import Revision
from ..spec.schema import Node
from ..spec.texts import stage_names
from ..spec.valid import ValidSpec
from ..vocab.catalogue import BOUNDARY_TYPES, DUTIES, STAGE_IDS, STANDARDS
from ..vocab.gwp import gases, gwp_sets
from .analysis import product_analysis, report_analysis
from .captions import Captions
from .diagram import boundary_diagram
from .disclosures import (
    boundary_names,
    factor_origin,
    method_disclosures,
    product_disclosures,
    stage_reasons,
)
from .illustrations import chapter_images, people_pictures, process_flow
from .labels import VOCABULARY
from .pictures import figures
from .products import Image, latin_brackets, product_view

#: GHGs the report always lists in its GWP table (others when a line uses them).
CORE_GASES = ("CO2", "CH4", "N2O")


def report_context(valid: ValidSpec, results: Results, image: Image,
                   history: Sequence[Revision] = (), draft: bool = False) -> dict[str, Any]:
    """``history``: git commits, when the spec asks for them instead of its own revisions;
    ``draft``: the report is a draft (every page header says so)."""
    spec = valid.spec
    words = VOCABULARY[spec.report.language]
    pictures = valid.pictures
    products = []
    reasons = stage_reasons(spec, results)
    factor_names = {factor_id: entry.factor.name for factor_id, entry in valid.factors.items()}
    for spec_product, result in zip(spec.products, results.products, strict=True):
        view = product_view(spec_product, result, words, image, spec.report.precision)
        products.append({**view, **product_analysis(spec, result, words, image, view["per_label"],
                                                    view["decimals"], factor_names),
                         "images": figures(spec_product.images, pictures, image),
                         **product_disclosures(spec_product, result, view, reasons["empty"][result.id],
                                               words)})
    join, date = words["join"], words["date"]
    report = _report(spec, words, products)
    signatures, report["seal"] = people_pictures(spec, pictures, image, words)
    for person, signed in zip(report["people"], signatures, strict=True):
        person["signature"] = signed
    return true_minus({
        "report": report,
        "draft": words["draft"] if draft else "",
        "signoff": _sign_off(spec, words, signatures, report["seal"]),
        "revisions": _revisions(spec, history, words),
        "company": _company(spec, words, pictures, image),
        "period": {"text": words["period"].format(start=date(spec.data_period.start),
                                                  end=date(spec.data_period.end))},
        "boundary": {**_boundary(spec, words, image, boundary_names(spec, results, words)),
                     "images": figures(spec.boundary.images, pictures, image),
                     "outside_reasons": reasons["outside"]},
        "disclosures": method_disclosures(valid, results, words),
        "images": chapter_images(spec, pictures, image),
        "allocation": _allocation(spec, results, words),
        "cutoff": {
            "mass_threshold": exact(spec.cutoff.mass_threshold_pct),
            "total_threshold": exact(spec.cutoff.total_threshold_pct),
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
        "products_in_text": join(p["name_in_text"] for p in products),
        "data": {
            "line_count": sum(p["line_count"] for p in products),
            "primary_count": sum(p["primary_count"] for p in products),
            "secondary_count": sum(p["secondary_count"] for p in products),
        },
        "fu_text": join(p["fu_text"] for p in products),
        "conclusion": "\n".join(words["name_value"].format(name=p["name"],
                                                           value=f"{p['total']} {p['per_label']}")
                                for p in products),
        "improvements": _improvements(spec, results, products, words),
        "analysis": report_analysis(spec, results.products, words),
        "notes": {
            "assumptions": spec.notes.assumptions,
            "limitations": spec.notes.limitations,
            "data_quality": spec.notes.data_quality,
        },
        "cap": Captions(spec.report.language),
    })


#: A printed negative number: '-4.88', '-1,234', '-0.5%'.
_NEGATIVE = re.compile(r"-\d[\d,]*(?:\.\d+)?%?")


def true_minus(value: Any) -> Any:
    """The context with every negative number written with the true minus sign (U+2212), as the
    template's own text writes it ('−10%'): one sign for every negative figure a report prints.
    Only whole values that are numbers change; names and sentences stay as written."""
    if isinstance(value, str):
        return "\u2212" + value[1:] if _NEGATIVE.fullmatch(value) else value
    if isinstance(value, dict):
        return {key: true_minus(item) for key, item in value.items()}
    if isinstance(value, list):
        return [true_minus(item) for item in value]
    return value


#: Characters a Word document cannot hold (a commit subject may carry them).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _revisions(spec: Node, history: Sequence[Revision], words: Mapping) -> list[dict[str, str]]:
    """The revision history: the report's versions as the spec states them, in its order; or, when
    the spec asks for its git history, the commits numbered from the first, newest first."""
    if history:
        count = len(history)
        return [
            {"version": words["revision"].format(number=count - index, commit=revision.commit),
             "date": words["date"](revision.date),
             "author": _CONTROL.sub("", revision.author),
             "description": _CONTROL.sub("", revision.subject)}
            for index, revision in enumerate(history)
        ]
    return [{"version": revision.version, "date": words["date"](revision.date),
             "author": revision.author or "", "description": revision.description}
            for revision in spec.report.revisions]


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


def assessor(spec: Node) -> str:
    """Who prepares the report: the assessment body, or in a self-declared study the company."""
    return spec.report.assessor or spec.company.name


def _report(spec: Node, words: Mapping, products: list[dict]) -> dict[str, Any]:
    report = spec.report
    language, date = words["language"], words["date"]
    standards = [STANDARDS[s] for s in report.standards]
    people = [
        {
            "duty": words["duty"][person.duty],
            "name": person.name,
            "role": person.role or "",
            "organization": person.organization or assessor(spec),
            "certificate": person.certificate or "",
            "date": date(person.date) if person.date else "",
        }
        for person in report.people
    ]

    def cite(standard, form: str) -> str:
        return words[form].format(id=standard.id, title=standard.title(language))

    return {
        "number": report.number,
        "title": report_title(spec),
        "running_title": running_title(report_title(spec)),
        "issue_date": date(report.issue_date),
        "assessor": assessor(spec),
        "assessor_label": words["assessor_label"][report.self_declared],
        "self_declared": report.self_declared,
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
        "other_references_text": words["join"](words["document_ref"].format(reference)
                                               for reference in report.other_references),
        "references": ([cite(s, "standard_ref") for s in standards] + list(report.other_references)
                       + list(spec.method.product_rules or ())),
        "purpose": report.purpose.strip(),
        "audience": report.audience,
        "people": people,
    }


def _sign_off(spec: Node, words: Mapping, signatures: Sequence[Any], seal: Any) -> dict[str, Any]:
    """编制 / 审核 / 批准: one row per person, in that order, with their signature and the seal; a
    duty nobody is named for keeps an empty row, to be filled in by hand.

    ``signatures`` are the people's signature pictures in report.people order, and ``seal`` the
    assessor's seal; where none is given the template leaves the space blank for a pen and a stamp."""
    date = words["date"]
    signed = {id(person): picture for person, picture in zip(spec.report.people, signatures, strict=True)}
    rows = []
    for duty in DUTIES:
        people = [person for person in spec.report.people if person.duty == duty]
        rows += [{"duty": words["duty"][duty], "name": person.name, "role": person.role or "",
                  "certificate": person.certificate or "", "date": date(person.date) if person.date else "",
                  "signature": signed[id(person)]} for person in people] or [
            {"duty": words["duty"][duty], "name": "", "role": "", "certificate": "", "date": "",
             "signature": ""}]
    return {"rows": rows, "seal_label": words["seal"][spec.report.self_declared], "seal": seal}


def _paragraphs(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


def _company(spec: Node, words: Mapping, pictures: Mapping, image: Image) -> dict[str, Any]:
    """Company facts; an optional fact left out is empty, and the template leaves its row out."""
    company = spec.company
    products = {product.id: product.name for product in spec.products}
    unit = words["unit"]
    return {
        "name": company.name,
        "credit_code": company.credit_code or "",
        "address": company.address,
        "legal_representative": company.legal_representative,
        "registered_capital": company.registered_capital or "",
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
            {"no": i, "name": e.name, "model": e.model or "", "code": e.code or "",
             "quantity": "" if e.quantity is None else e.quantity, "manufacturer": e.manufacturer or "",
             "note": e.note or ""}
            for i, e in enumerate(company.equipment, 1)
        ],
        "output_value_unit": company.output_value_unit or words["output_value_unit"],
        "output_values": any(row.value is not None for row in company.annual_output),
        "annual_output": [
            {"no": i, "name": products.get(row.product, row.name), "amount": exact(row.amount),
             "unit": unit(row.unit), "value": exact(row.value) if row.value is not None else "",
             "note": row.note or ""}
            for i, row in enumerate(company.annual_output, 1)
        ],
    }


def _boundary(spec: Node, words: Mapping, image: Image, named: Mapping[str, Any]) -> dict[str, Any]:
    """``named``: the boundary's name and label (render.disclosures.boundary_names)."""
    boundary = spec.boundary
    kind = BOUNDARY_TYPES[boundary.type]
    language = spec.report.language
    inside = [stage for stage in STAGE_IDS if stage in boundary.stages]
    outside = [stage for stage in STAGE_IDS if stage not in boundary.stages]
    names = stage_names(spec)
    processes: dict[str, dict[str, list[str]]] = {}
    for entry in boundary.processes:
        processes.setdefault(entry.stage, {"in": [], "out": []})
        processes[entry.stage]["in"] += entry.included
        processes[entry.stage]["out"] += entry.excluded
    sep, join, in_text = words["list_sep"], words["join"], words["in_text"]
    type_name = kind.names[language]
    diagram = boundary_diagram(inside, names, words["excluded"],
                               words["boundary_label"].format(type=named["name"]))
    stages_text = join(in_text(names[s]) for s in inside)
    return {
        "type": boundary.type,
        "type_name": type_name,
        "stages_text": stages_text,
        "stage_count": len(inside),
        "excluded_text": join(in_text(names[s]) for s in outside),
        "has_distribution": "distribution" in inside,
        **named,
        "summary": words["boundary_summary"].format(
            type=named["label"], Type=named["label"][:1].upper() + named["label"][1:], stages=stages_text),
        "rows": [
            {
                "name": names[stage],
                "included": words["included"] if stage in inside else words["excluded"],
                "processes_in": sep.join(processes.get(stage, {}).get("in", [])),
                # a stage outside the boundary leaves out all it holds, unless the spec lists what
                "processes_out": sep.join(processes.get(stage, {}).get("out", []))
                or ("" if stage in inside else words["whole_stage"]),
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
    unit = words["unit"]
    return {
        "method": spec.allocation.method,
        "rationale": spec.allocation.rationale,
        "rows": [
            {
                "name": names.get(rows[a.row].product, rows[a.row].name),
                "amount": exact(rows[a.row].amount),
                "unit": unit(rows[a.row].unit),
                "basis": f"{plain(a.basis)} {unit(a.basis_unit)}",
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


def _factors(valid: ValidSpec, results: Results, words: Mapping) -> dict[str, Any]:
    """Every factor the lines use, in order of first use, cited as a reader expects: publication and
    issuer, year, region, and where a value was quoted second-hand. Nothing of the tool (ids,
    library, verification status) reaches the report; `pcfdoc check` is where those speak."""
    used = list(dict.fromkeys(line.factor_id for product in results.products for line in product.lines
                              if line.factor_id is not None))
    language = words["language"]
    rows = []
    for number, factor_id in enumerate(used, 1):
        factor = valid.factors[factor_id].factor
        if factor.gases is not None:
            value = words["value_sep"].join(f"{words['unit'](gas)} {exact(amount)}"
                                            for gas, amount in factor.gases.items())
        else:
            # A derived value is computed, so it is rounded; a stated one prints as written.
            value = figure(factor.value) if factor.derivation is not None else exact(factor.value)
        rows.append({
            "no": number, "name": factor.name, "value": value,
            "unit": latin_brackets(factor_unit(factor.unit, factor.gas, language), words),
            "year": str(factor.year) if factor.year is not None else "",
            "region": factor.region or "",
            "source": _citation(factor, words),
            "origin": factor_origin(factor, words),
            "derivation": _derivation(factor, words),
        })
    return {"rows": rows, "derived": any(row["derivation"] for row in rows)}


def _citation(factor: Node, words: Mapping) -> str:
    """'生态环境部、国家统计局《…》；数值转引自 …': the source, and where the value was read."""
    parts = [part for part in (factor.source,
                               words["cited_from"].format(factor.cited_from) if factor.cited_from else None)
             if part]
    return words["value_sep"].join(parts)


def _derivation(factor: Node, words: Mapping) -> str | None:
    """'低位发热量 43.33 GJ/t × 单位热值含碳量 20.2 tC/TJ × 碳氧化率 98% × 44/12 = 3.145 tCO₂/t'."""
    derivation = factor.derivation
    if derivation is None:
        return None
    unit = words["unit"]
    return words["derivation_label"].format(words["derivation"].format(
        ncv=exact(derivation.ncv), ncv_unit=unit(derivation.ncv_unit),
        carbon=exact(derivation.carbon_content),
        oxidation=plain(derivation.oxidation * 100), value=figure(factor.value), unit=unit(factor.unit)))


def _declared(spec: Node, results: Results, words: Mapping) -> list[dict[str, Any]]:
    declared = {
        (product.id, line.id): line.declared
        for product in spec.products for line in product.inventory if line.declared is not None
    }
    return [
        {"product": product.name, "name": line.name, "value": exact(declared[(product.id, line.id)].value),
         "unit": words["unit"](declared[(product.id, line.id)].unit),
         "source": declared[(product.id, line.id)].source or "",
         "origin": factor_origin(declared[(product.id, line.id)], words)}
        for product in results.products for line in product.lines
        if (product.id, line.id) in declared
    ]


def _targets(targets, words: Mapping) -> str:
    """'原材料获取阶段、电机', 'Raw material acquisition stage and electric motor'."""
    names = [words["stage_target"].format(t.name) if t.kind == "stage" else t.name for t in targets]
    text = words["join"](words["in_text"](name) for name in names)
    return text[:1].upper() + text[1:]


def _target_share(item, printed: Mapping[str, str]) -> str:
    """The share of what a measure acts on: a single stage or line as its own tables print it (the
    stage table's shares are rounded to add up to 100, so formatting the fraction again could read
    1.34 beside a printed 1.33); several targets as their exact sum, formatted once."""
    if len(item.targets) == 1:
        return printed[item.targets[0].id]
    return share_text(item.target_share)


def _improvements(spec: Node, results: Results, views: list[dict], words: Mapping) -> dict[str, Any]:
    """The improvement plan: each measure with its description, and per product a table of what
    each measure acts on and what it is expected to save, in the product's result precision."""
    by_product = {product.id: product for product in results.products}
    scenario_names = {scenario.id: scenario.name for scenario in spec.scenarios}
    measures = [{"no": index, "title": measure.title, "description": measure.description.strip()}
                for index, measure in enumerate(spec.improvements, 1)]
    tables = []
    for view in views:
        product = by_product[view["id"]]
        unit, decimals = product.result_unit, view["decimals"]
        rows, largest = [], None
        for item in (r for r in results.improvements if r.product_id == product.id):
            measure = spec.improvements[item.index]
            reduction = item.expected_reduction_kgco2e
            if reduction is None:
                basis = words["not_quantified"]
            elif measure.scenario is not None:
                basis = words["reduction_basis"]["scenario"].format(scenario_names[measure.scenario])
            else:
                basis = words["reduction_basis"]["percent"].format(exact(measure.expected_reduction_pct))
            row = {
                "no": item.index + 1, "title": measure.title,
                "targets": _targets(item.targets, words),
                "share": _target_share(item, view["share_of"]),
                "reduction": (column_number(in_unit(reduction, unit), decimals)
                              if reduction is not None else ""),
                "reduction_share": (share_text(item.expected_reduction_share)
                                    if reduction is not None else ""),
                "basis": basis,
            }
            rows.append(row)
            if reduction is not None and reduction > 0 and (largest is None or reduction > largest[0]):
                largest = (reduction, row)
        if rows:
            tables.append({"product": view["name"], "per_label": view["per_label"],
                           "result_unit": view["result_unit"], "rows": rows,
                           "largest": largest[1] if largest else None})
    return {"measures": measures, "tables": tables, "several": len(tables) > 1}
