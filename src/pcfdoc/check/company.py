"""Checks of the company: its credit code, annual output rows and the allocation they feed."""

from __future__ import annotations

from .context import CheckContext, present

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_problem(code: str) -> str | None:
    """What is wrong with a unified social credit code (GB 32100-2015), or None."""
    if len(code) != 18 or any(char not in _USCC_CHARS for char in code):
        return (f"{code!r} is not an 18-character unified social credit code "
                "(digits and capital letters except I, O, S, V, Z)")
    weighted = zip(code[:17], _USCC_WEIGHTS, strict=True)
    total = sum(_USCC_CHARS.index(char) * weight for char, weight in weighted)
    expected = _USCC_CHARS[(31 - total % 31) % 31]
    if code[-1] != expected:
        return f"check character of {code!r} should be {expected!r}; a character is mistyped"
    return None


def check_company(ctx: CheckContext) -> None:
    company = ctx.spec.company
    if company is None:
        return
    if company.credit_code is not None:
        problem = credit_code_problem(company.credit_code)
        if problem:
            ctx.out.error(("company", "credit_code"), problem)
    product_ids = [product.id for _, product in present(ctx.spec.products)]
    rows = present(company.annual_output)
    seen: dict[str, int] = {}
    for index, row in rows:
        if row.product is None:
            continue
        path = ("company", "annual_output", index, "product")
        if row.product not in product_ids:
            ctx.unknown(path, "product", row.product, product_ids,
                        "use name = ... for products that are not assessed")
        elif row.product in seen:
            ctx.out.error(path, f"product {row.product!r} already has an output row "
                                f"(company.annual_output[{seen[row.product]}])")
        else:
            seen[row.product] = index
    products = present(ctx.spec.products)
    uses_totals = any(line.annual_total for _, p in products for _, line in present(p.inventory))
    allocation = ctx.spec.allocation
    if uses_totals and allocation is not None and allocation.method == "none" and len(rows) > 1:
        ctx.out.warn(("allocation", "method"),
                     "method is none, so each product carries the whole plant total of its annual "
                     "lines although the plant makes several outputs; choose physical, mass or economic")
