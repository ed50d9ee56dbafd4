"""Checks of scores the data cannot support, and of the disclosure keys' references.

A proxy factor cannot score 1 on technological representativeness, and a factor without a year
cannot score 1 on time: a line that gives either score is an error. (Origins left unsaid are
checklist item 11: pcfdoc.check.checklist.)
"""

from __future__ import annotations

from ..errors import SpecPath
from ..spec.schema import Node
from .context import CheckContext, present


def check_origins(ctx: CheckContext) -> None:
    for index, product in present(ctx.spec.products):
        path: SpecPath = ("products", index)
        for key in ("inventory", "transport"):
            for i, source in present(getattr(product, key)):
                _scores(ctx, path + (key, i), source, _factor_of(ctx, source))
        distribution = product.distribution
        if distribution is not None:
            factor_ids = {destination.factor or distribution.factor
                          for _, destination in present(distribution.destinations)}
            for factor_id in sorted(filter(None, factor_ids)):
                _scores(ctx, path + ("distribution",), distribution, ctx.factors.get(factor_id))
    _stage_reasons(ctx)


def _factor_of(ctx: CheckContext, source: Node) -> Node | None:
    if getattr(source, "declared", None) is not None:
        return source.declared
    return ctx.factors.get(source.factor) if source.factor is not None else None


def _scores(ctx: CheckContext, path: SpecPath, source: Node, factor: Node | None) -> None:
    """Scores of 1 that a proxy, or a factor of unknown age, cannot have."""
    given = source.quality
    if given is None or factor is None:
        return
    label = "the declared value" if factor is getattr(source, "declared", None) else f"factor {factor.id!r}"
    if given.technological == 1 and factor.origin == "proxy":
        ctx.out.error(path + ("quality", "technological"),
                      f"{label} is a proxy for {factor.proxy_for}: it cannot score 1 on technological "
                      "representativeness; give 4 (related material or process) or better evidence")
    if given.temporal == 1 and factor.year is None:
        ctx.out.error(path + ("quality", "temporal"),
                      f"{label} has no year: it cannot score 1 on time; give the factor's year (year = …) "
                      "or score 5 (age unknown)")


def _stage_reasons(ctx: CheckContext) -> None:
    boundary = ctx.spec.boundary
    if boundary is None:
        return
    seen: set[tuple[str, str | None]] = set()
    products = {product.id for _, product in present(ctx.spec.products)}
    for i, reason in present(boundary.stage_reasons):
        if (reason.stage, reason.product) in seen:
            ctx.out.error(("boundary", "stage_reasons", i, "stage"),
                          f"stage {reason.stage} has a reason already; give one reason per stage")
        seen.add((reason.stage, reason.product))
        if reason.product is not None and reason.product not in products:
            ctx.unknown(("boundary", "stage_reasons", i, "product"), "product", reason.product, products,
                        "name a product of this spec")
