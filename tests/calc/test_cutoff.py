"""The cut-off table: small inputs listed, excluded lines estimated but not counted."""

import pytest

from helpers import calculated, with_small_parts


def product_of(data, index=0):
    return calculated(data).products[index]


def test_inputs_below_the_mass_threshold_are_listed_and_counted():
    product = product_of(with_small_parts(excluded=()))
    rows = {row.id: row for row in product.cutoff.lines}
    assert set(rows) == {"gasket", "label"}  # steel is 75 % of the mass; the motor is not a mass
    assert rows["gasket"].mass_share == pytest.approx(0.1 / 20)
    assert rows["gasket"].kgco2e == pytest.approx(0.2)
    assert not rows["gasket"].excluded
    assert product.cutoff.excluded_kgco2e == 0.0
    assert {"gasket", "label"} <= {line.id for line in product.lines}


def test_excluded_lines_are_estimated_but_not_counted():
    counted = product_of(with_small_parts(excluded=()))
    product = product_of(with_small_parts(excluded=("gasket",)))
    assert "gasket" not in {line.id for line in product.lines}
    assert product.total_kgco2e == pytest.approx(counted.total_kgco2e - 0.2)
    cutoff = product.cutoff
    assert cutoff.excluded_kgco2e == pytest.approx(0.2)
    assert cutoff.excluded_mass_share == pytest.approx(0.005)
    assert cutoff.excluded_emission_share == pytest.approx(0.2 / (product.total_kgco2e + 0.2))
    rows = {row.id: row for row in cutoff.lines}
    assert rows["gasket"].excluded and not rows["label"].excluded
    assert sum(stage.share for stage in product.stages) == pytest.approx(1.0)
