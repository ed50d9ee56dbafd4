"""The 27-item reporting checklist: each item met, not met or not applicable, and why.

The items are those merged from ISO 14067, GB/T 24067, PAS 2050 Annex B, the GHG Protocol
Product Standard and PACT v3 (shared reference, standards.md §1.5). Each item is judged from
the spec and the results: what states it (a spec key, or a result pcfdoc computes) or what is
missing and how to write it. ``check`` warns for every applicable item left unsaid, except where
another warning already names the same cause (missing sources, pcfdoc's default scores, a
stage without lines); ``pcfdoc check --checklist`` prints them all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..calc.results import ProductResult, Results
from ..errors import SpecPath
from ..spec.schema import Node
from ..vocab.units import is_mass
from .context import Finding

Status = Literal["met", "not-met", "not-applicable"]


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    status: Status
    reason: str  # what states it, why it does not apply, or what is missing and how to write it
    path: SpecPath = ()  # where in the spec it is (or belongs)
    warned: bool = False  # another check already warns for the same cause
    report: str | None = None  # where the report states a met item, as the report names its sections


TITLES = {
    1: "Company, contact, report date and version",
    2: "Product name and description",
    3: "Functional unit and reference flow",
    4: "Goal, intended use and comparison disclaimer",
    5: "System boundary, life-cycle stages and process map",
    6: "Excluded processes, cut-off criteria and materiality",
    7: "Time period of the data",
    8: "Greenhouse gases included",
    9: "GWP source and time horizon",
    10: "Standards, product category rules and sector rules",
    11: "Data sources, primary and secondary data, databases",
    12: "Data quality assessment",
    13: "Allocation method and justification",
    14: "Electricity modelling and grid factor",
    15: "Use profile and end-of-life scenarios",
    16: "Total CFP per functional unit",
    17: "Results by life-cycle stage",
    18: "Fossil and biogenic emissions separately",
    19: "Land-use change emissions separately",
    20: "Aircraft transport emissions separately",
    21: "Fossil and biogenic carbon content of the product",
    22: "Offsets excluded",
    23: "Packaging included or not, and why",
    24: "Uncertainty and sensitivity",
    25: "Limitations, value choices and interpretation",
    26: "Critical review or verification",
    27: "Previous versions and methodological changes",
}


def _met(number: int, reason: str, path: SpecPath = ()) -> Item:
    return Item(number, TITLES[number], "met", reason, path)


def _missing(number: int, reason: str, path: SpecPath = (), warned: bool = False) -> Item:
    return Item(number, TITLES[number], "not-met", reason, path, warned)


def _not_applicable(number: int, reason: str) -> Item:
    return Item(number, TITLES[number], "not-applicable", reason)


def checklist(spec: Node, results: Results) -> tuple[Item, ...]:
    """The 27 items, in order, for a validated spec and its results."""
    pairs = list(zip(spec.products, results.products, strict=True))
    judges = (_company, _products, _units, _goal, _boundary, _cutoff, _period, _gases, _gwp, _rules,
              _sources, _quality, _allocation, _electricity, _use, _total, _stages, _fossil, _dluc,
              _aircraft, _carbon, _offsets, _packaging, _uncertainty, _limitations, _review, _versions)
    items = tuple(judge(spec, pairs) for judge in judges)
    return tuple(dataclasses.replace(item, report=report_place(item, spec)) if item.status == "met" else item
                 for item in items)


#: The report's parts as its headings name them (templates/*/report.docx; tests/check/test_checklist.py
#: finds each in a built report). Chapter 3 always has these sections in this order, so their numbers
#: hold; chapter 5's sections depend on the products and analyses, so they are named without numbers.
SECTIONS: dict[str, dict[str, str]] = {
    "cover": {"zh-CN": "封面", "en": "Cover"},
    "info": {"zh-CN": "基本信息", "en": "Report information"},
    "revisions": {"zh-CN": "修订记录", "en": "Revision history"},
    "abstract": {"zh-CN": "摘要", "en": "Summary"},
    "1": {"zh-CN": "1 产品碳足迹介绍", "en": "1 Product carbon footprint"},
    "2.2": {"zh-CN": "2.2 产品介绍", "en": "2.2 Products"},
    "3.1": {"zh-CN": "3.1 评价目的与预期用途", "en": "3.1 Goal and intended application"},
    "3.2": {"zh-CN": "3.2 功能单位与基准流", "en": "3.2 Functional unit and reference flow"},
    "3.3": {"zh-CN": "3.3 系统边界", "en": "3.3 System boundary"},
    "3.4": {"zh-CN": "3.4 分配原则", "en": "3.4 Allocation"},
    "3.5": {"zh-CN": "3.5 取舍准则", "en": "3.5 Cut-off criteria"},
    "3.6": {"zh-CN": "3.6 影响类别与特征化方法", "en": "3.6 Impact category and characterisation method"},
    "3.7": {"zh-CN": "3.7 数据来源与数据质量要求", "en": "3.7 Data sources and data quality requirements"},
    "3.8": {"zh-CN": "3.8 鉴定性评审与核查", "en": "3.8 Critical review and verification"},
    "4": {"zh-CN": "4 数据收集", "en": "4 Data collection"},
    "5": {"zh-CN": "5 碳足迹计算", "en": "5 Carbon footprint calculation"},
    "5.quality": {"zh-CN": "数据质量评价", "en": "Data quality assessment"},
    "5.uncertainty": {"zh-CN": "不确定性分析", "en": "Uncertainty analysis"},
    "5.sensitivity": {"zh-CN": "敏感性分析", "en": "Sensitivity analysis"},
    "6.1": {"zh-CN": "6.1 评价结论", "en": "6.1 Conclusions"},
    "6.2": {"zh-CN": "6.2 假设与局限性", "en": "6.2 Assumptions and limitations"},
    "A": {"zh-CN": "附录 A 排放因子来源", "en": "Appendix A Emission factor sources"},
    "B": {"zh-CN": "附录 B 数据库与参考资料", "en": "Appendix B Databases and references"},
}

#: Where the report states each item when it is met: sections, or chapter 5 with its sections in brackets.
PLACES: dict[int, tuple[str | tuple[str, ...], ...]] = {
    1: ("cover", "info"), 2: ("info", "2.2"), 3: ("3.2",), 4: ("3.1",), 5: ("3.3", "4"),
    6: ("3.3", "3.5"), 7: ("info", "abstract"), 8: ("3.6", "5"), 9: ("3.6",), 10: ("1", "B"),
    11: ("3.7", "4", "A"), 12: (("5", "5.quality"),), 13: ("3.4",), 14: ("3.7",), 15: ("3.3",),
    16: ("info", "abstract", "6.1"), 17: ("abstract", "5"), 18: ("5",), 19: ("5",), 20: ("5",), 21: ("3.2",),
    22: ("3.6",), 23: ("3.3",), 24: (("5", "5.uncertainty", "5.sensitivity"),), 25: ("6.2",), 26: ("3.8",),
    27: ("revisions",),
}


def report_place(item: Item, spec: Node) -> str | None:
    """'3.2 功能单位与基准流；附录 A 排放因子来源' in the report's language: where a met item is printed.
    None where it is met outside the report (carbon contents given only for the PACT export)."""
    if item.number == 21 and any(product.carbon_content is None for product in spec.products):
        return None
    language = spec.report.language
    separator, brackets = ("；", "（{}）") if language == "zh-CN" else ("; ", " ({})")
    places = []
    for place in PLACES[item.number]:
        if isinstance(place, str):
            places.append(SECTIONS[place][language])
            continue
        chapter, *sections = place
        if item.number == 24 and not spec.uncertainty.sensitivity:
            sections = [section for section in sections if section != "5.sensitivity"]
        inner = ("、" if language == "zh-CN" else ", ").join(SECTIONS[s][language] for s in sections)
        places.append(SECTIONS[chapter][language] + brackets.format(inner))
    return separator.join(places)


def checklist_findings(spec: Node, results: Results) -> list[Finding]:
    """A warning for every applicable item the spec leaves unsaid (and no other warning names)."""
    return [Finding("warning", item.path, f"checklist item {item.number} ({item.title.lower()}) is not met: "
                                          f"{item.reason}")
            for item in checklist(spec, results) if item.status == "not-met" and not item.warned]


Pairs = list[tuple[Node, ProductResult]]


def _each(pairs: Pairs) -> Iterator[tuple[int, Node, ProductResult]]:
    for index, (product, result) in enumerate(pairs):
        yield index, product, result


def _company(spec: Node, pairs: Pairs) -> Item:
    return _met(1, f"company {spec.company.name}, contact {spec.company.contact.name}, report "
                   f"{spec.report.number} issued {spec.report.issue_date}")


def _products(spec: Node, pairs: Pairs) -> Item:
    for index, product, _ in _each(pairs):
        if not product.description:
            return _missing(2, f"describe {product.name} (products[{index}].description): what it is, "
                               "what it is made of, final or intermediate product", ("products", index))
    return _met(2, "products[].name and products[].description")


def _units(spec: Node, pairs: Pairs) -> Item:
    said = []
    for index, product, _ in _each(pairs):
        if is_mass(product.functional_unit.unit):
            said.append(f"{product.id}: the functional unit is a mass")
        elif product.mass_per_unit is not None:
            said.append(f"{product.id}: products[{index}].mass_per_unit")
        elif product.reference_flow:
            said.append(f"{product.id}: products[{index}].reference_flow")
        else:
            return _missing(3, f"state the reference flow of {product.name}: its mass per functional unit "
                               f"(products[{index}].mass_per_unit = {{ amount = …, unit = \"kg\" }}) or what "
                               f"it is, or why it is not known (products[{index}].reference_flow = \"…\")",
                            ("products", index))
    return _met(3, "; ".join(said))


def _goal(spec: Node, pairs: Pairs) -> Item:
    report, missing = spec.report, []
    if not report.audience:
        missing.append("name the intended audience (report.audience = [\"…\"])")
    if report.comparative is None:
        missing.append("say whether the results are meant for comparison with other products "
                       "(report.comparative = false, and the report says they must not be compared)")
    elif report.comparative:
        if not spec.method.product_rules:
            missing.append("a comparison needs the product category rules it follows (method.product_rules)")
        if report.review is None or report.review.type != "critical-review":
            missing.append("a comparison disclosed to the public needs a critical review "
                           "(report.review = { type = \"critical-review\", … })")
    if missing:
        return _missing(4, "; ".join(missing), ("report",))
    return _met(4, "report.purpose, report.audience, report.comparative")


def _boundary(spec: Node, pairs: Pairs) -> Item:
    reasons = spec.boundary.stage_reasons
    explained = {reason.stage for reason in reasons}
    disclosures = pairs[0][1].disclosures
    unexplained = [stage for stage in disclosures.omitted_stages if stage not in explained]
    label = f"{disclosures.boundary}{' (a partial CFP)' if disclosures.partial else ''}"
    if unexplained:
        example = unexplained[0]
        return _missing(5, f"the boundary is {label}; say why {', '.join(unexplained)} "
                           f"{'is' if len(unexplained) == 1 else 'are'} left out: [[boundary.stage_reasons]] "
                           f"stage = \"{example}\", reason = \"…\"", ("boundary",))
    empty = [stage for _, _, result in _each(pairs) for stage in result.disclosures.empty_stages
             if not any(r.stage == stage and r.product in (None, result.id) for r in reasons)]
    if empty:
        return _missing(5, f"stage {', '.join(dict.fromkeys(empty))} is inside the boundary without lines "
                           "and without a reason", ("boundary",), warned=True)
    return _met(5, f"boundary {label}: boundary.type, boundary.stages, boundary.stage_reasons; the boundary "
                   "diagram is drawn from them")


def _cutoff(spec: Node, pairs: Pairs) -> Item:
    for index, exclusion in enumerate(spec.boundary.exclusions):
        if not exclusion.reason:
            return _missing(6, f"say why {exclusion.item} is left out (boundary.exclusions[{index}].reason)",
                            ("boundary", "exclusions", index))
    shares = ", ".join(f"{result.id} {result.cutoff.excluded_emission_share:.2%}" for _, result in pairs
                       if result.cutoff is not None)
    return _met(6, f"cut-off {spec.cutoff.mass_threshold_pct:g} % per input, "
                   f"{spec.cutoff.total_threshold_pct:g} % in all; estimated share cut off: {shares}; "
                   "boundary.exclusions with reasons")


def _period(spec: Node, pairs: Pairs) -> Item:
    return _met(7, f"data_period {spec.data_period.start} to {spec.data_period.end}")


def _gases(spec: Node, pairs: Pairs) -> Item:
    gases = dict.fromkeys(gas.gas for _, result in pairs for gas in result.gases)
    return _met(8, f"computed from the factors: {', '.join(gases) or 'none'}")


def _gwp(spec: Node, pairs: Pairs) -> Item:
    return _met(9, f"method.gwp = {spec.method.gwp} (GWP100)")


def _rules(spec: Node, pairs: Pairs) -> Item:
    if spec.method.product_rules is None:
        return _missing(10, "say which product category rules or sector guidance were followed "
                            "(method.product_rules = [\"…\"]), or [] if none applies", ("method",))
    rules = ", ".join(spec.method.product_rules) or "none"
    return _met(10, f"report.standards; method.product_rules: {rules}")


def _sources(spec: Node, pairs: Pairs) -> Item:
    unsaid = []
    for index, product, _ in _each(pairs):
        lines = [line.id for line in (*product.inventory, *product.transport) if line.activity_origin is None]
        if product.distribution is not None and product.distribution.activity_origin is None:
            lines.append("distribution")
        if lines:
            unsaid.append((("products", index),
                           f"{len(lines)} line(s) of {product.name} ({_some(lines)}) give data_type but not "
                           "how their activity data were obtained (activity_origin = \"metered\", "
                           "\"billed\", \"recorded\", \"estimated\" …)"))
    factors = [(index, factor.id) for index, factor in enumerate(spec.factors) if factor.origin is None]
    if factors:
        unsaid.append((("factors", factors[0][0]),
                       f"{len(factors)} factor(s) ({_some([factor_id for _, factor_id in factors])}) do not "
                       "say where their values come from (origin = \"database\", \"literature\", \"proxy\", "
                       "\"supplier\" or \"site\")"))
    if unsaid:
        return _missing(11, "; ".join(text for _, text in unsaid) + "; until they do, they count as "
                        "secondary data and take cautious default scores", unsaid[0][0])
    for index, product, _ in _each(pairs):
        written = [*product.inventory, *product.transport]
        if any(line.source is None for line in written) or \
                (product.distribution is not None and product.distribution.source is None):
            return _missing(11, f"a line of {product.name} has no source", ("products", index), warned=True)
    if any(factor.source is None for factor in spec.factors):
        return _missing(11, "a factor of the spec has no source", ("factors",), warned=True)
    shares = ", ".join(f"{result.id} {result.data_quality.primary_share:.2%}" for _, result in pairs)
    return _met(11, f"every line's source and activity_origin, every factor's source and origin; "
                    f"primary data share (PACT): {shares}")


def _some(ids: list[str], shown: int = 3) -> str:
    return ", ".join(ids[:shown]) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def _quality(spec: Node, pairs: Pairs) -> Item:
    for index, _, result in _each(pairs):
        if result.data_quality.pcfdoc_default_lines:
            return _missing(12, f"lines of {result.name} take pcfdoc's default scores", ("products", index),
                            warned=True)
    ratings = ", ".join(f"{result.id} DQR {result.data_quality.dqr:.2f} ({result.data_quality.level})"
                        for _, result in pairs if result.data_quality.dqr is not None)
    return _met(12, f"{ratings or 'nothing emitted'}: pedigree scores given, derived from the factors, or "
                    "stated in [data_quality]")


def _allocation(spec: Node, pairs: Pairs) -> Item:
    if not spec.allocation.rationale:
        return _missing(13, f"justify the allocation method ({spec.allocation.method}) in "
                            "allocation.rationale, also when nothing needs allocating", ("allocation",))
    return _met(13, f"allocation.method = {spec.allocation.method}, allocation.rationale")


def _electricity(spec: Node, pairs: Pairs) -> Item:
    factors = dict.fromkeys(factor for _, result in pairs
                            for factor in result.disclosures.electricity_factors)
    if not any(result.disclosures.electricity_lines for _, result in pairs):
        return _not_applicable(14, "no line buys electricity")
    if not spec.method.electricity:
        return _missing(14, f"say how electricity is modelled (method.electricity): the factor "
                            f"({', '.join(factors) or 'declared'}), whether it covers upstream supply and "
                            "transmission losses, and why it fits", ("method",))
    return _met(14, f"method.electricity; factors {', '.join(factors)}")


def _use(spec: Node, pairs: Pairs) -> Item:
    stages = spec.boundary.stages
    if "use" not in stages and "end_of_life" not in stages:
        return _not_applicable(15, "use and end of life are outside the boundary")
    missing = [key for key, stage in (("use_profile", "use"), ("end_of_life", "end_of_life"))
               if stage in stages and not getattr(spec.method, key)]
    if missing:
        return _missing(15, f"describe the {' and the '.join(m.replace('_', ' ') for m in missing)} "
                            f"({', '.join('method.' + m for m in missing)})", ("method",))
    return _met(15, "method.use_profile, method.end_of_life")


def _total(spec: Node, pairs: Pairs) -> Item:
    totals = ", ".join(f"{result.id} {result.total_kgco2e:.6g} kgCO2e per {result.functional_unit_amount:g} "
                       f"{result.functional_unit}" for _, result in pairs)
    return _met(16, f"computed: {totals}")


def _stages(spec: Node, pairs: Pairs) -> Item:
    return _met(17, "computed, shares add up to 100 %")


def _fossil(spec: Node, pairs: Pairs) -> Item:
    return _met(18, "computed from each line's category (fossil, biogenic)")


def _dluc(spec: Node, pairs: Pairs) -> Item:
    return _met(19, "computed from the lines of category dluc (none is zero)")


def _aircraft(spec: Node, pairs: Pairs) -> Item:
    return _met(20, "computed from air transport and lines of category aircraft (none is zero)")


def _carbon(spec: Node, pairs: Pairs) -> Item:
    pact = {facts.product for facts in spec.pact.products} if spec.pact is not None else set()
    for index, product, _ in _each(pairs):
        if product.carbon_content is None and product.id not in pact:
            return _missing(21, f"state the carbon contained in one functional unit of {product.name} "
                                f"(products[{index}].carbon_content = {{ fossil = …, biogenic = … }}, kg C), "
                                "or say why it is not known (note = \"…\")", ("products", index))
    return _met(21, "products[].carbon_content (or pact.products[])")


def _offsets(spec: Node, pairs: Pairs) -> Item:
    held = "; method.offsets names those the company holds" if spec.method.offsets else ""
    return _met(22, f"pcfdoc counts no offsets: none can enter the footprint{held}")


def _packaging(spec: Node, pairs: Pairs) -> Item:
    for index, product, _ in _each(pairs):
        if product.packaging is None:
            return _missing(23, f"say whether the packaging of {product.name} is counted "
                                f"(products[{index}].packaging = {{ included = true, lines = [\"…\"] }}, or "
                                "{ included = false, note = \"why\" })", ("products", index))
    return _met(23, "products[].packaging")


def _uncertainty(spec: Node, pairs: Pairs) -> Item:
    settings = spec.uncertainty
    sensitivity = (f"; sensitivity ±{settings.sensitivity_pct:g} %" if settings.sensitivity
                   else "; no sensitivity analysis")
    if settings.method == "monte-carlo":
        return _met(24, f"Monte Carlo, {settings.iterations} iterations{sensitivity}")
    if not settings.discussion:
        return _missing(24, "a qualitative uncertainty analysis needs its discussion "
                            "(uncertainty.discussion): the main sources of uncertainty and their likely "
                            "effect", ("uncertainty",))
    return _met(24, f"uncertainty.discussion (qualitative){sensitivity}")


def _limitations(spec: Node, pairs: Pairs) -> Item:
    missing = []
    if not spec.notes.limitations:
        missing.append("the study's limitations (notes.limitations = [\"…\"])")
    if spec.notes.value_choices is None:
        missing.append("the value choices made and why (notes.value_choices = [\"…\"], or [] if none)")
    if missing:
        return _missing(25, f"state {' and '.join(missing)}", ("notes",))
    return _met(25, "notes.limitations, notes.value_choices; the interpretation is written from the results")


def _review(spec: Node, pairs: Pairs) -> Item:
    review = spec.report.review
    if review is None:
        return _missing(26, "say whether the study was critically reviewed or verified: report.review = "
                            "{ type = \"none\" }, or { type = \"verification\", by = \"…\", "
                            "standard = \"…\", date = … }", ("report",))
    if review.type == "none":
        return _met(26, "report.review: no critical review or verification took place")
    return _met(26, f"report.review: {review.type} by {review.by} to {review.standard}, {review.date}")


def _versions(spec: Node, pairs: Pairs) -> Item:
    revisions = spec.report.revisions
    if revisions:
        return _met(27, f"report.revisions: {len(revisions)} version(s), the latest {revisions[-1].version}")
    if spec.report.revisions_from_git:
        return _met(27, "report.revisions_from_git: the spec's git history")
    return _not_applicable(27, "the spec names no earlier version of the report")
