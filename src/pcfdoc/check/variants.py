"""Checks of product families: each model names its base product and only that product's lines."""

from __future__ import annotations

from ..errors import SpecPath
from ..vocab.units import is_mass
from .context import CheckContext, present, unique


def check_variants(ctx: CheckContext) -> None:
    """Each model names a base product (or there is only one) and only that product's lines."""
    products = [product for _, product in present(ctx.spec.products)]
    variants = present(ctx.spec.variants)
    unique(ctx.out, [("variants", i, "id") for i, _ in variants], [v.id for _, v in variants], "variant id")
    for index, variant in variants:
        path: SpecPath = ("variants", index)
        if variant.product is None and len(products) > 1:
            ctx.out.error(path, 'the spec has several products; name the base with product = "..."')
            continue
        base = products[0] if variant.product is None else next(
            (p for p in products if p.id == variant.product), None)
        if base is None:
            ctx.unknown(path + ("product",), "product", variant.product, [p.id for p in products],
                        "use an id from [[products]]")
            continue
        lines = [line.id for _, line in present(base.inventory)]
        for line_id in variant.amounts:
            if line_id not in lines:
                ctx.unknown(path + ("amounts", line_id), "inventory line", line_id, lines,
                            f"name an inventory line of {base.id!r}")
        mass = variant.mass_per_unit
        if mass is not None and not is_mass(mass.unit):
            ctx.out.error(path + ("mass_per_unit", "unit"), f"{mass.unit} is not a mass; write kg or t")
