"""What the report discloses besides its figures: the ISO 14067 statements, formatted.

The boundary named for what it contains, the stages left out (or left empty) and why, the
reference flow, the product's carbon content, its packaging, how electricity is modelled, the
product rules, offsets, value choices, the comparison disclaimer and the critical review. Each
comes from the spec (the author's own words) or from calc.disclosures; a disclosure the spec does
not give is left out here, so the template prints its derived sentence or nothing, never a dash.
The sentences themselves live in the templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..calc.results import ProductResult, Results
from ..formatting import column_number, exact, in_unit
from ..spec.schema import Node
from ..spec.texts import stage_names
from ..spec.valid import ValidSpec
from ..vocab.catalogue import BOUNDARY_TYPES
from ..vocab.origins import FACTOR_ORIGINS


def boundary_names(spec: Node, results: Results, words: Mapping) -> dict[str, Any]:
    """'从摇篮到大门，并包括成品运输' and, where the boundary stops before the end of life, the
    same with '（部分产品碳足迹）': a boundary that adds distribution is never plain cradle-to-gate."""
    boundary = spec.boundary
    name = BOUNDARY_TYPES[boundary.type].names[spec.report.language]
    disclosed = results.products[0].disclosures
    if disclosed.boundary == "cradle-to-gate+distribution":
        name = words["boundary_with"].format(type=name,
                                             stage=words["in_text"](stage_names(spec)["distribution"]))
    return {"name": name, "partial": disclosed.partial,
            "label": words["partial_cfp"].format(name) if disclosed.partial else name}


def stage_reasons(spec: Node, results: Results) -> dict[str, Any]:
    """The reasons the spec gives for stages outside the boundary (printed in chapter 3), and per
    product for stages inside it without lines (printed under the stage in chapter 4)."""
    names = stage_names(spec)
    products = {product.id: product.name for product in spec.products}
    omitted = set(results.products[0].disclosures.omitted_stages)
    outside = [{"name": names[reason.stage], "reason": reason.reason.strip(),
                "product": products.get(reason.product, "") if reason.product else ""}
               for reason in spec.boundary.stage_reasons if reason.stage in omitted]
    empty = {}
    for result in results.products:
        empty[result.id] = {reason.stage: reason.reason.strip() for reason in spec.boundary.stage_reasons
                            if reason.stage in result.disclosures.empty_stages
                            and reason.product in (None, result.id)}
    return {"outside": outside, "empty": empty}


def product_disclosures(spec_product: Node, result: ProductResult, view: Mapping[str, Any],
                        empty_reasons: Mapping[str, str], words: Mapping) -> dict[str, Any]:
    """Reference flow, carbon content and packaging of one product, and why its empty stages are."""
    return {
        "reference_flow": (spec_product.reference_flow or "").strip(),
        "carbon": _carbon(spec_product.carbon_content, words),
        "packaging": _packaging(spec_product.packaging, result, view, words),
        "stage_reasons": dict(empty_reasons),
    }


def _carbon(content: Node | None, words: Mapping) -> dict[str, str] | None:
    """'化石碳 1.2 kg、生物碳 0 kg' as given (kg C per functional unit), and the author's note."""
    if content is None:
        return None
    amounts = [words["carbon"][kind].format(exact(value)) for kind, value in
               (("fossil", content.fossil), ("biogenic", content.biogenic)) if value is not None]
    return {"amounts": words["join"](amounts), "note": (content.note or "").strip()}


def _packaging(packaging: Node | None, result: ProductResult, view: Mapping[str, Any],
               words: Mapping) -> dict[str, Any] | None:
    if packaging is None:
        return None
    names = {line.id: words["in_text"](line.name) for line in result.lines}
    emission = result.disclosures.packaging_kgco2e
    return {
        "included": bool(packaging.included),
        "lines": words["join"](names[line] for line in packaging.lines if line in names),
        "emission": ("" if emission is None
                     else column_number(in_unit(emission, result.result_unit), view["decimals"])),
        "note": (packaging.note or "").strip(),
    }


def method_disclosures(valid: ValidSpec, results: Results, words: Mapping) -> dict[str, Any]:
    """Electricity, product rules, offsets, use and end-of-life scenarios, value choices, the
    comparison and the review: each as the spec says it, or None where it says nothing."""
    spec = valid.spec
    method, report = spec.method, spec.report
    used = dict.fromkeys(factor for result in results.products
                         for factor in result.disclosures.electricity_factors)
    buys = any(result.disclosures.electricity_lines for result in results.products)
    review = report.review
    return {
        "electricity": {
            "buys": buys,
            # factor names as written: 'North China regional grid …' keeps its capital in a sentence
            "factors": words["join"](valid.factors[factor].factor.name for factor in used),
            "factor_count": len(used),
            "text": (method.electricity or "").strip(),
        },
        # None: unsaid (nothing printed); []: the spec states that none applies.
        "product_rules": method.product_rules,
        "product_rules_text": words["join"](method.product_rules or ()),
        "offsets": (method.offsets or "").strip(),
        "use_profile": (method.use_profile or "").strip() if "use" in spec.boundary.stages else "",
        "end_of_life": ((method.end_of_life or "").strip()
                        if "end_of_life" in spec.boundary.stages else ""),
        "value_choices": spec.notes.value_choices,
        "comparative": report.comparative,
        "review": None if review is None else {
            "type": review.type, "by": review.by or "", "standard": review.standard or "",
            "date": words["date"](review.date) if review.date else "",
            "note": (review.note or "").strip(),
        },
    }


def factor_origin(factor: Node, words: Mapping) -> str:
    """'取值类型：近似替代，以相近物料或过程的因子代替铝合金铸件', or '' when the spec does not say."""
    origin = getattr(factor, "origin", None)
    if origin is None:
        return ""
    if origin == "proxy" and factor.proxy_for:
        return words["factor_origin"].format(words["proxy_for"].format(factor.proxy_for))
    return words["factor_origin"].format(FACTOR_ORIGINS[origin].name(words["language"]))
