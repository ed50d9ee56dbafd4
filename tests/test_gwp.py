import pytest

from pcfdoc import gwp


@pytest.mark.parametrize(
    ("set_id", "gas", "value"),
    [
        ("AR4", "CH4", 25), ("AR4", "N2O", 298), ("AR4", "SF6", 22800),
        ("AR5", "CH4", 28), ("AR5", "N2O", 265), ("AR5", "HFC-134a", 1300),
        ("AR6", "CH4", 27.9), ("AR6", "N2O", 273), ("AR6", "SF6", 25200), ("AR6", "NF3", 17400),
    ],
)
def test_gwp100_values_from_the_reference_table(set_id, gas, value):
    assert gwp.gwp_sets()[set_id].factor(gas) == value


def test_co2_and_co2e_weigh_one_in_every_set():
    for gwp_set in gwp.gwp_sets().values():
        assert gwp_set.factor("CO2") == 1
        assert gwp_set.factor(gwp.CO2E) == 1


def test_every_set_covers_every_gas():
    for gwp_set in gwp.gwp_sets().values():
        assert set(gwp_set.values) == set(gwp.gases())


def test_gas_ids_start_with_co2e():
    assert gwp.gas_ids()[0] == "CO2e"
    assert "HFC-134a" in gwp.gas_ids()
