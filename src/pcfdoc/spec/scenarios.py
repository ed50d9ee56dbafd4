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
    changes = scenario.changes or ()
    if None in changes:  # a change the schema refused: it may have been meant for this product
        return True
    return any(find_line(product, change.line) is not None for change in changes)


def apply(scenario: Node, product: Node) -> Node:
    """A copy of ``product`` with the scenario's changes made; the original stays as it was.

    Only what changes is copied: the product, its line lists and the changed lines. Every
    other line is the original's node, shared, so the calculation can take its row from the
    baseline instead of recomputing it (line ids are unique within a product).
    """
    changes: dict[str, list[Node]] = {}
    for change in scenario.changes:
        changes.setdefault(change.line, []).append(change)

    def edited(item: Node | None) -> Node | None:
        if item is None or item.id not in changes:
            return item
        item = copy.copy(item)
        for change in changes[item.id]:
            _make(change, item)
        return item

    changed = copy.copy(product)
    changed.inventory = [edited(line) for line in product.inventory]
    changed.transport = [edited(leg) for leg in product.transport]
    distribution = product.distribution
    if distribution is not None and any(d is not None and d.id in changes for d in distribution.destinations):
        changed.distribution = copy.copy(distribution)
        changed.distribution.destinations = [edited(d) for d in distribution.destinations]
    return changed


def _make(change: Node, item: Node) -> None:
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
