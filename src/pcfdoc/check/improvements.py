"""Checks of improvement measures: their product, their targets and the scenario they name."""

from __future__ import annotations

from ..errors import SpecPath
from ..spec.scenarios import touches
from ..spec.schema import Node
from ..vocab.catalogue import STAGE_IDS
from .context import CheckContext, present


def check_improvements(ctx: CheckContext) -> None:
    products = {product.id: product for _, product in present(ctx.spec.products)}
    boundary = ctx.spec.boundary
    for index, measure in present(ctx.spec.improvements):
        path = ("improvements", index)
        if measure.product is not None and measure.product not in products:
            ctx.unknown(path + ("product",), "product", measure.product, products,
                        "use an id from [[products]]")
            continue
        scope = [products[measure.product]] if measure.product else list(products.values())
        line_ids = {item.id for p in scope for item in _all_lines(p)}
        for t, target in enumerate(measure.targets):
            if target in STAGE_IDS:
                if boundary is not None and target not in boundary.stages:
                    ctx.out.error(path + ("targets", t), f"stage {target} is outside the boundary")
            elif target not in line_ids:
                ctx.unknown(path + ("targets", t), "target", target, [*STAGE_IDS, *line_ids],
                            "targets are stage ids or line ids")


def _all_lines(product: Node) -> list[Node]:
    destinations = present(product.distribution.destinations) if product.distribution else []
    return [item for _, item in (*present(product.inventory), *present(product.transport), *destinations)]


def check_improvement_links(ctx: CheckContext) -> None:
    """Measures may name a scenario; it must exist and change a product the measure applies to."""
    scenarios = {scenario.id: scenario for _, scenario in present(ctx.spec.scenarios)}
    products = [product for _, product in present(ctx.spec.products)]
    excluded = {line.id for p in products for _, line in present(p.inventory) if line.excluded}
    for index, measure in present(ctx.spec.improvements):
        path: SpecPath = ("improvements", index)
        for t, target in enumerate(measure.targets):
            if target in excluded and target not in STAGE_IDS:
                ctx.out.error(path + ("targets", t), f"line {target!r} is cut off (excluded = true); "
                                                     "a measure cannot target it")
        if measure.scenario is None:
            continue
        scenario = scenarios.get(measure.scenario)
        if scenario is None:
            ctx.unknown(path + ("scenario",), "scenario", measure.scenario, scenarios,
                        "use an id from [[scenarios]]")
            continue
        scope = [p for p in products if measure.product in (None, p.id)]
        if not any(touches(scenario, p) for p in scope):
            ctx.out.error(path + ("scenario",), f"scenario {measure.scenario!r} changes no product this "
                                                "measure applies to")
