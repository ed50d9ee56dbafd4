"""Quantities derived from a spec: scales, masses, allocation shares, emission units.

Validation and calculation both need these. Validation calls them to find out
whether they can be derived (and turns :class:`Unresolvable` into an error at
the right path); calculation calls them on a spec that validation accepted, so
the logic exists once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SpecPath
from ..spec.schema import Node
from ..vocab.units import conversion_factor, convertible, emission_of, expected_activity, is_mass


class Unresolvable(Exception):
    """A value cannot be derived from the spec; says where and what to add."""

    def __init__(self, path: SpecPath, message: str):
        super().__init__(message)
        self.path, self.message = path, message


def product_path(index: int) -> SpecPath:
    return ("products", index)


def functional_units(product: Node, amount: float, unit: str, path: SpecPath) -> float:
    """How many functional units ``amount unit`` of this product makes."""
    fu, mass_per_unit = product.functional_unit, product.mass_per_unit
    if convertible(unit, fu.unit):
        return amount * conversion_factor(unit, fu.unit) / fu.amount
    if mass_per_unit is not None and is_mass(unit):
        counted = amount * conversion_factor(unit, mass_per_unit.unit) / mass_per_unit.amount
        return counted / fu.amount
    relate = (
        "" if mass_per_unit is not None or not is_mass(unit)
        else "; give the product's mass_per_unit to relate mass to it"
    )
    raise Unresolvable(
        path,
        f"{unit} does not convert to the functional unit ({fu.amount:g} {fu.unit}){relate}",
    )


def inventory_scale(product: Node, path: SpecPath) -> float:
    """Inventory bases per functional unit (1000 for data per kg, results per t)."""
    basis = product.inventory_per
    if basis is None:
        return 1.0
    return 1.0 / functional_units(product, basis.amount, basis.unit, path + ("inventory_per",))


def product_mass_kg(product: Node) -> float | None:
    """Mass of one functional unit in kg, when the spec states it."""
    fu, mass_per_unit = product.functional_unit, product.mass_per_unit
    if is_mass(fu.unit):
        return fu.amount * conversion_factor(fu.unit, "kg")
    if mass_per_unit is not None:
        return fu.amount * mass_per_unit.amount * conversion_factor(mass_per_unit.unit, "kg")
    return None


def mass_share(amount: float, unit: str, product_mass: float | None) -> float | None:
    """``amount unit`` as a fraction of the product's mass; None when either is not a mass."""
    if not product_mass or not is_mass(unit):
        return None
    return amount * conversion_factor(unit, "kg") / product_mass


@dataclass(frozen=True)
class AnnualBasis:
    """What an annual plant total is divided by for one product."""

    method: str
    share: float  # of the plant total allocated to this product
    output_amount: float  # the product's output during the data period, as written
    output_unit: str
    output_functional_units: float


def annual_basis(spec: Node, product: Node, index: int) -> AnnualBasis:
    rows = spec.company.annual_output
    own = [i for i, row in enumerate(rows) if row.product == product.id]
    if not own:
        raise Unresolvable(
            product_path(index),
            f"has lines with annual_total = true but company.annual_output has no row with "
            f"product = {product.id!r}; add the product's output for the data period",
        )
    row_index = own[0]
    row = rows[row_index]
    row_path: SpecPath = ("company", "annual_output", row_index)
    output_fu = functional_units(product, row.amount, row.unit, row_path + ("unit",))
    method = spec.allocation.method
    share = 1.0 if method == "none" else _share(spec, row_index)
    return AnnualBasis(method, share, row.amount, row.unit, output_fu)


@dataclass(frozen=True)
class AllocationShare:
    """One row of company.annual_output with what it is allocated by."""

    row: int
    product_id: str | None
    basis: float  # output amount, mass in kg, or value, depending on the method
    basis_unit: str  # the unit of basis: a unit string, "kg", or company.output_value_unit
    share: float


def allocation_shares(spec: Node) -> tuple[AllocationShare, ...]:
    """Shares of every output row under the spec's allocation method ('none': no rows)."""
    rows = spec.company.annual_output
    method = spec.allocation.method
    if method == "none" or not rows:
        return ()
    bases = [_basis(spec, method, i) for i in range(len(rows))]
    total = sum(bases)
    if total <= 0:
        raise Unresolvable(
            ("allocation", "method"),
            f"{method} allocation has nothing to share by: every annual output basis is 0",
        )
    unit = {"economic": spec.company.output_value_unit, "mass": "kg", "physical": rows[0].unit}[method]
    return tuple(
        AllocationShare(i, row.product, basis, unit, basis / total)
        for i, (row, basis) in enumerate(zip(rows, bases, strict=True))
    )


def _share(spec: Node, row_index: int) -> float:
    return allocation_shares(spec)[row_index].share


def _basis(spec: Node, method: str, index: int) -> float:
    rows = spec.company.annual_output
    row = rows[index]
    path: SpecPath = ("company", "annual_output", index)
    if method == "economic":
        if row.value is None:
            raise Unresolvable(path, "economic allocation needs value = <output value> on every row")
        return row.value
    if method == "physical":
        reference = rows[0].unit
        if not convertible(row.unit, reference):
            raise Unresolvable(
                path + ("unit",),
                f"physical allocation needs outputs in one kind of unit; {row.unit} does not "
                f"convert to {reference}; use mass or economic allocation",
            )
        return row.amount * conversion_factor(row.unit, reference)
    # mass
    if row.mass is not None:
        return row.mass.amount * conversion_factor(row.mass.unit, "kg")
    if is_mass(row.unit):
        return row.amount * conversion_factor(row.unit, "kg")
    product = next((p for p in spec.products if p.id == row.product), None)
    mass = product_mass_kg(product) if product is not None else None
    if mass is None:
        raise Unresolvable(path, "mass allocation needs the output's mass: add mass = {amount, unit}")
    return functional_units(product, row.amount, row.unit, path + ("unit",)) * mass


def factor_values(factor: Node) -> list[tuple[str, float]]:
    """(gas, value per unit) pairs of a factor: one for most, several when it lists gases separately."""
    if factor.gases is not None:
        return list(factor.gases.items())
    return [(factor.gas, factor.value)]


def factor_gases(factor: Node) -> list[str]:
    """The gases a factor is a mass of."""
    return [gas for gas, _ in factor_values(factor)]


@dataclass(frozen=True)
class EmissionUnit:
    """What one unit of activity emits through a factor: kg of ``gas``."""

    gas: str
    kg_per_activity_unit: float


def emission_unit(activity_unit: str, factor_unit: str, factor_gas: str, path: SpecPath,
                  factor_label: str) -> EmissionUnit:
    result = emission_of(activity_unit, factor_unit, factor_gas)
    if result is None:
        raise Unresolvable(
            path,
            f"{activity_unit} × {factor_unit} is not a mass of {factor_gas}: {factor_label} is "
            f"per {expected_activity(factor_unit, factor_gas)}; give the amount in that unit "
            f"or use a factor per {activity_unit}",
        )
    return EmissionUnit(*result)


def amount_per_functional_unit(line: Node, scale: float, basis: AnnualBasis | None) -> float:
    """A line's activity per functional unit: scaled, or an allocated annual total."""
    if line.annual_total:
        assert basis is not None, "validation guarantees an annual basis for annual totals"
        return line.amount * basis.share / basis.output_functional_units
    return line.amount * scale
