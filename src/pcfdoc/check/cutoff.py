"""Checks of cut-off lines before the calculation: each below the mass threshold, together
below the total, none carried by a transport leg. Limits on estimated emissions need results:
they are in :mod:`pcfdoc.check.results`.
"""

from __future__ import annotations

from ..calc.derive import AnnualBasis, amount_per_functional_unit, mass_share, product_mass_kg
from ..errors import SpecPath
from ..spec.schema import Node
from .context import CheckContext, present


def check_cutoff(ctx: CheckContext, index: int, product: Node, scale: float | None,
                 basis: AnnualBasis | None) -> None:
    """Lines marked excluded: each below the mass threshold, together below the total, not carried."""
    cutoff = ctx.spec.cutoff
    excluded = [(i, line) for i, line in present(product.inventory) if line.excluded]
    if cutoff is None or not excluded:
        return
    path: SpecPath = ("products", index)
    product_mass = product_mass_kg(product)
    total_pct = 0.0
    for i, line in excluded:
        if scale is None or (line.annual_total and basis is None):
            continue
        share = mass_share(amount_per_functional_unit(line, scale, basis), line.unit, product_mass)
        if share is None:
            continue  # not a mass: judged on its estimated emission once calculated
        mass_pct = 100.0 * share
        total_pct += mass_pct
        if mass_pct >= cutoff.mass_threshold_pct:
            ctx.out.error(path + ("inventory", i, "excluded"),
                          f"{line.name} is {mass_pct:.3g} % of the product mass, not below the "
                          f"{cutoff.mass_threshold_pct:g} % cut-off threshold; count it (remove "
                          "excluded = true)")
    if total_pct > cutoff.total_threshold_pct:
        names = ", ".join(line.id for _, line in excluded)
        ctx.out.error(path, f"the lines cut off ({names}) are {total_pct:.3g} % of the product mass "
                            f"together, above the {cutoff.total_threshold_pct:g} % allowed; count some "
                            "of them")
    excluded_ids = {line.id for _, line in excluded}
    for i, leg in present(product.transport):
        if leg.carries in excluded_ids:
            ctx.out.error(path + ("transport", i, "carries"),
                          f"line {leg.carries!r} is cut off (excluded = true) but this leg carries it; "
                          "cut off both or count both")
