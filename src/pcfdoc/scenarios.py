"""Scenarios: a product with some amounts, distances or factors changed.

A scenario never edits the spec; it yields a changed copy of a product, which
the calculation then runs like the baseline. Checks and calculation share
:func:`find_line` and :data:`APPLICABLE`, so what passes validation applies.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from .schema import Node

#: Which change keys each kind of line takes.
APPLICABLE = {
    "inventory": ("amount", "amount_change_pct", "factor"),
    "transport": ("distance_km", "factor"),
    "destination": ("distance_km", "factor"),
}
CHANGE_KEYS = ("amount", "amount_change_pct", "factor", "distance_km")


def lines_of(product: Node) -> Iterator[tuple[str, Node]]:
    """(kind, item) of every line a change can name."""
    for line in product.inventory or ():
        if line is not None:
            yield "inventory", line
    for leg in product.transport or ():
        if leg is not None:
            yield "transport", leg
    if product.distribution is not None:
        for destination in product.distribution.destinations or ():
            if destination is not None:
                yield "destination", destination


def find_line(product: Node, line_id: str) -> tuple[str, Node] | None:
    return next(((kind, item) for kind, item in lines_of(product) if item.id == line_id), None)


def touches(scenario: Node, product: Node) -> bool:
    """Whether the scenario changes this product."""
    if scenario.product is not None:
        return scenario.product == product.id
    return any(find_line(product, change.line) is not None for change in scenario.changes)


def apply(scenario: Node, product: Node) -> Node:
    """A copy of ``product`` with the scenario's changes made; the original stays as it was."""
    changed = copy.deepcopy(product)
    for change in scenario.changes:
        found = find_line(changed, change.line)
        if found is None:  # a line of another product
            continue
        _, item = found
        if change.amount is not None:
            item.amount = change.amount
        if change.amount_change_pct is not None:
            item.amount = item.amount * (1.0 + change.amount_change_pct / 100.0)
        if change.distance_km is not None:
            item.distance_km = change.distance_km
        if change.factor is not None:
            item.factor = change.factor
            if hasattr(item, "declared"):
                item.declared = None
    return changed
