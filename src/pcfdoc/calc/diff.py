"""What changed between two versions of a spec, in results: products, stages, lines.

Pure: two Results in, a SpecDiff out. Lines are matched by id within a product,
products by id; anything on one side only is added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .results import ProductResult, Results


@dataclass(frozen=True)
class Change:
    """One product, stage or line: its value before and after (None where it does not exist)."""

    id: str
    name: str
    old_kgco2e: float | None
    new_kgco2e: float | None

    @property
    def status(self) -> str:
        if self.old_kgco2e is None:
            return "added"
        if self.new_kgco2e is None:
            return "removed"
        return "same" if self.old_kgco2e == self.new_kgco2e else "changed"

    @property
    def change_kgco2e(self) -> float:
        return (self.new_kgco2e or 0.0) - (self.old_kgco2e or 0.0)

    @property
    def change_share(self) -> float | None:
        """Change as a fraction of the old value; None when there was nothing before."""
        return self.change_kgco2e / self.old_kgco2e if self.old_kgco2e else None


@dataclass(frozen=True)
class ProductDiff:
    product: Change
    unit: str  # per-functional-unit label of the new version (or the old, if removed)
    stages: tuple[Change, ...]
    lines: tuple[Change, ...]  # every line of either version, new order first
    # What the report prints results in: kg/t CO2e per functional unit (amount and unit).
    result_unit: str = "kgCO2e"
    functional_unit_amount: float = 1.0
    functional_unit: str = ""


@dataclass(frozen=True)
class SpecDiff:
    products: tuple[ProductDiff, ...]

    @property
    def changed(self) -> bool:
        return any(change.status != "same" for product in self.products
                   for change in (product.product, *product.stages, *product.lines))


def compare(old: Results, new: Results) -> SpecDiff:
    old_products = {product.id: product for product in old.products}
    new_products = {product.id: product for product in new.products}
    ids = list(dict.fromkeys([*new_products, *old_products]))
    return SpecDiff(tuple(_product(old_products.get(i), new_products.get(i)) for i in ids))


def _product(old: ProductResult | None, new: ProductResult | None) -> ProductDiff:
    either = new or old
    return ProductDiff(
        product=Change(either.id, either.name, old and old.total_kgco2e, new and new.total_kgco2e),
        unit=f"kgCO2e/{_fu(either)}",
        stages=_pairs(old.stages if old else (), new.stages if new else ()),
        lines=_pairs(old.lines if old else (), new.lines if new else ()),
        result_unit=either.result_unit,
        functional_unit_amount=either.functional_unit_amount,
        functional_unit=either.functional_unit,
    )


def _fu(product: ProductResult) -> str:
    amount = product.functional_unit_amount
    shown = f"{amount:g} " if amount != 1 else ""
    return f"{shown}{product.functional_unit}"


def _pairs(old_items, new_items) -> tuple[Change, ...]:
    before = {item.id: item for item in old_items}
    after = {item.id: item for item in new_items}
    ids = list(dict.fromkeys([*after, *before]))
    return tuple(
        Change(i, (after.get(i) or before[i]).name,
               before[i].kgco2e if i in before else None, after[i].kgco2e if i in after else None)
        for i in ids
    )
