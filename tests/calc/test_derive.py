import pytest

from pcfdoc.calc.derive import Unresolvable, annual_basis, functional_units, inventory_scale, product_mass_kg
from pcfdoc.spec.schema import Spec

from conftest import fixture_data


@pytest.fixture
def spec():
    return Spec().load(fixture_data("two-products.toml"))


def test_functional_units_convert_directly_or_through_mass(spec):
    a, b = spec.products
    assert functional_units(a, 1000, "台", ()) == 1000
    assert functional_units(a, 1, "t", ()) == pytest.approx(50)  # 20 kg per 台
    assert functional_units(b, 30, "t", ()) == 30
    assert functional_units(b, 500, "kg", ()) == 0.5


def test_functional_units_refuse_unrelated_units(spec):
    with pytest.raises(Unresolvable, match=r"kWh does not convert to the functional unit \(1 台\)$"):
        functional_units(spec.products[0], 1, "kWh", ("here",))


def test_inventory_scale(spec):
    a, b = spec.products
    assert inventory_scale(a, ()) == 1.0
    assert inventory_scale(b, ()) == 1000.0


def test_product_mass(spec):
    a, b = spec.products
    assert product_mass_kg(a) == 20.0
    assert product_mass_kg(b) == 1000.0


@pytest.mark.parametrize(
    ("method", "share_a", "share_b"),
    [
        ("mass", 0.2, 0.3),        # 20 t, 30 t, 50 t
        ("none", 1.0, 1.0),
    ],
)
def test_annual_basis_shares(spec, method, share_a, share_b):
    spec.allocation.method = method
    basis_a = annual_basis(spec, spec.products[0], 0)
    basis_b = annual_basis(spec, spec.products[1], 1)
    assert (basis_a.share, basis_b.share) == (pytest.approx(share_a), pytest.approx(share_b))
    assert basis_a.output_functional_units == 1000
    assert basis_b.output_functional_units == 30


def test_economic_and_physical_allocation(spec):
    rows = spec.company.annual_output
    for row, value in zip(rows, (600.0, 300.0, 100.0), strict=True):
        row.value = value
    spec.allocation.method = "economic"
    assert annual_basis(spec, spec.products[0], 0).share == pytest.approx(0.6)
    for row in rows:
        row.unit, row.amount = "t", 10.0
    spec.products[0].functional_unit.unit = "t"
    spec.products[0].mass_per_unit = None
    spec.allocation.method = "physical"
    assert annual_basis(spec, spec.products[0], 0).share == pytest.approx(1 / 3)
