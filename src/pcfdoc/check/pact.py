"""Checks of the [pact] table: each entry names a product, once.

What a PACT export needs and a spec may still lack (the table itself, an entry for every
product, whether packaging is included) is asked for by ``pcfdoc build --pact`` alone: a spec
without them checks and builds its report as before.
"""

from __future__ import annotations

from ..errors import dotted
from .context import CheckContext, present


def check_pact(ctx: CheckContext) -> None:
    pact = ctx.spec.pact
    if pact is None:
        return
    products = {product.id: product for _, product in present(ctx.spec.products)}
    positions = {product.id: index for index, product in present(ctx.spec.products)}
    first_entry: dict[str, int] = {}
    for index, entry in present(pact.products):
        path = ("pact", "products", index)
        product = products.get(entry.product)
        if product is None:
            ctx.unknown(path + ("product",), "product", entry.product, products,
                        "use an id from [[products]]")
            continue
        if entry.product in first_entry:
            first = dotted(("pact", "products", first_entry[entry.product]))
            ctx.out.error(path + ("product",), f"product {entry.product!r} has two entries (first at "
                                               f"{first}); keep one")
            continue
        first_entry[entry.product] = index
        _carbon_said_once(ctx, path, entry, product, positions[entry.product])


def _carbon_said_once(ctx: CheckContext, path: tuple, entry, product, position: int) -> None:
    """A carbon content is stated once, in products[].carbon_content, for the report and the export;
    an older spec's [pact] entry that says it is warned (moved) or, saying another value, an error."""
    stated = product.carbon_content
    for kind in ("fossil", "biogenic"):
        given = getattr(entry, f"{kind}_carbon_content", None)
        said = getattr(stated, kind, None) if stated is not None else None
        if given is None:
            continue
        where = f"products[{position}].carbon_content.{kind}"
        if said is None:
            ctx.out.warn(path + (f"{kind}_carbon_content",), (
                f"move it to {where}, where the report states it too (the export takes it from there)"))
        elif given != said:
            ctx.out.error(path + (f"{kind}_carbon_content",), (
                f"{given} kg C here but {said} kg C in {where}, which the report prints; remove this "
                f"key (the export takes {where})"))
        else:
            ctx.out.warn(path + (f"{kind}_carbon_content",), (
                f"also stated in {where}; remove it here (the export takes {where})"))
