"""Checks of scenarios: unique ids, the lines they change and the changes each kind of line takes."""

from __future__ import annotations

from ..errors import SpecPath
from ..spec.scenarios import APPLICABLE, CHANGE_KEYS, find_line, lines_of
from ..spec.schema import Node
from ..vocab.catalogue import FREIGHT_UNIT
from .context import CheckContext, present, unique

KIND_WORDS = {"inventory": "inventory line", "transport": "transport leg", "destination": "destination"}


def check_scenarios(ctx: CheckContext) -> None:
    spec = ctx.spec
    products = [product for _, product in present(spec.products)]
    scenarios = present(spec.scenarios)
    unique(ctx.out, [("scenarios", i, "id") for i, _ in scenarios], [s.id for _, s in scenarios],
           "scenario id")
    for index, scenario in scenarios:
        path: SpecPath = ("scenarios", index)
        scope = products
        if scenario.product is not None:
            scope = [p for p in products if p.id == scenario.product]
            if not scope:
                ctx.unknown(path + ("product",), "product", scenario.product, [p.id for p in products],
                            "use an id from [[products]]")
                continue
        seen: set[str] = set()
        for c, change in present(scenario.changes):
            change_path = path + ("changes", c)
            if change.line in seen:
                ctx.out.error(change_path + ("line",), f"line {change.line!r} is changed twice in this "
                                                       "scenario; merge the changes")
            seen.add(change.line)
            found = [(p, hit) for p in scope if (hit := find_line(p, change.line)) is not None]
            if not found:
                known = [item.id for p in scope for _, item in lines_of(p)]
                ctx.unknown(change_path + ("line",), "line", change.line, known,
                            "name an inventory line, transport leg or destination")
            for product, (kind, item) in found:
                _check_change(ctx, change_path, change, kind, item, product)


def _check_change(ctx: CheckContext, path: SpecPath, change: Node, kind: str, item: Node,
                  product: Node) -> None:
    for key in CHANGE_KEYS:
        if getattr(change, key) is not None and key not in APPLICABLE[kind]:
            ctx.out.error(path + (key,), f"{key} does not apply to {change.line!r}, a {KIND_WORDS[kind]}; "
                                         f"it takes {', '.join(APPLICABLE[kind])}")
    if kind == "inventory" and item.excluded:
        ctx.out.error(path + ("line",), f"line {change.line!r} is cut off (excluded = true); a scenario "
                                        "cannot change it")
    if change.factor is not None:
        factor = ctx.factor(path + ("factor",), change.factor)
        if factor is not None:
            ctx.factor_fits(path + ("factor",), item.unit if kind == "inventory" else FREIGHT_UNIT, factor)
