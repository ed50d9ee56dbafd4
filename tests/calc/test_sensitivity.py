"""One-at-a-time sensitivity, checked against a real recalculation of the changed spec."""

import copy

import pytest

from conftest import fixture_data
from helpers import calculated


def rows_of(data):
    (product,) = calculated(data).products[:1]
    return product, {(row.kind, row.id): row for row in product.sensitivity}


def total_of(data, product=0):
    return calculated(data).products[product].total_kgco2e


def scaled(data, kind, row_id, by):
    """A copy of ``data`` with one line's amount (or distance) or one factor's value scaled."""
    changed = copy.deepcopy(data)
    product = changed["products"][0]
    if kind == "factor":
        next(f for f in changed["factors"] if f["id"] == row_id)["value"] *= by
        return changed
    destinations = product["distribution"]["destinations"] if "distribution" in product else []
    items = [*product.get("inventory", []), *product.get("transport", []), *destinations]
    item = next(item for item in items if item["id"] == row_id)
    item["amount" if "amount" in item else "distance_km"] *= by
    return changed


def test_each_line_and_factor_moves_the_total_as_recalculation_does():
    data = fixture_data("two-products.toml")
    product, rows = rows_of(data)
    assert len(rows) >= 5
    for (kind, row_id), row in rows.items():
        for by, expected in ((0.9, row.low_kgco2e), (1.1, row.high_kgco2e)):
            assert total_of(scaled(data, kind, row_id, by)) == pytest.approx(expected), (kind, row_id, by)
            if row.factor_id is not None:  # the row stands for its single-use factor too
                assert total_of(scaled(data, "factor", row.factor_id, by)) == pytest.approx(expected)


def test_a_carried_line_drives_its_transport_too():
    product, rows = rows_of(fixture_data("two-products.toml"))
    lines = {line.id: line for line in product.lines}
    steel = rows[("line", "steel")]
    assert steel.high_kgco2e - product.total_kgco2e == pytest.approx(
        0.1 * (lines["steel"].kgco2e + lines["steel-transport"].kgco2e))


def test_rows_are_sorted_by_swing_and_single_use_factors_are_merged():
    product, rows = rows_of(fixture_data("minimal.toml"))
    assert [(row.kind, row.id, row.factor_id) for row in product.sensitivity] == [
        ("line", "electricity", "grid"), ("line", "steel", "steel")]
    assert product.sensitivity[0].low_kgco2e == pytest.approx(45 - 2.5)
    assert product.sensitivity[0].high_kgco2e == pytest.approx(45 + 2.5)


def test_a_shared_factor_gets_its_own_row():
    data = fixture_data("minimal.toml")
    inventory = data["products"][0]["inventory"]
    inventory.append({**inventory[0], "id": "steel-2", "name": "钢材 2", "amount": 5})
    product, rows = rows_of(data)
    assert rows[("factor", "steel")].high_kgco2e == pytest.approx(product.total_kgco2e + 0.1 * 30)
    assert rows[("line", "steel")].factor_id is None


def test_the_step_comes_from_the_spec():
    data = fixture_data("minimal.toml")
    data["uncertainty"] = {"sensitivity_pct": 20}
    product, rows = rows_of(data)
    assert rows[("line", "steel")].low_kgco2e == pytest.approx(45 - 4)
