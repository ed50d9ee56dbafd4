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
