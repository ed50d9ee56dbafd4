"""Product families: one spec, several models, one report per model.

A variant names the base product and what differs: name, model, mass, line
amounts, report number. It yields a whole spec for that model, so checks,
calculation and rendering see an ordinary spec.
"""

from __future__ import annotations

import copy

from ..vocab.catalogue import STAGE_IDS
from .scenarios import lines_of, touches
from .schema import Node


def base_index(spec: Node, variant: Node) -> int | None:
    """Index of the variant's base product (the only product when it names none)."""
    products = spec.products or []
    if variant.product is None:
        return 0 if len(products) == 1 else None
    return next((i for i, p in enumerate(products) if p is not None and p.id == variant.product), None)


def report_number(spec: Node, variant: Node) -> str:
    return variant.report_number or f"{spec.report.number}-{variant.id}"


def model_spec(spec: Node, variant: Node) -> Node:
    """The spec of one model: only its product, with the variant's values; the original is kept."""
    index = base_index(spec, variant)
    model = copy.deepcopy(spec)
    product = model.products[index]
    others = {p.id: p.name for p in model.products if p is not product}
    model.products = [product]
    model.variants = []
    model.report.number = report_number(spec, variant)
    for key in ("name", "model", "description", "mass_per_unit"):
        if getattr(variant, key) is not None:
            setattr(product, key, copy.deepcopy(getattr(variant, key)))
    for line in product.inventory:
        if line.id in variant.amounts:
            line.amount = variant.amounts[line.id]
    # Outputs of the other products still share plant totals: they stay, by name.
    for row in model.company.annual_output:
        if row.product in others:
            row.name, row.product = others[row.product], None
    model.scenarios = [s for s in model.scenarios if touches(s, product)]
    kept = {s.id for s in model.scenarios}
    names = {item.id for _, item in lines_of(product)} | set(STAGE_IDS)
    measures = []
    for measure in model.improvements:
        targets = [t for t in measure.targets if t in names]
        if measure.product in (None, product.id) and targets:
            measure.targets = targets
            measure.scenario = measure.scenario if measure.scenario in kept else None
            measures.append(measure)
    model.improvements = measures
    return model
