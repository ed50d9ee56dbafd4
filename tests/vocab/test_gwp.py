import pytest

from pcfdoc.vocab import gwp


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


def test_every_set_covers_every_gas_but_fossil_methane_in_ar4():
    sets = gwp.gwp_sets()
    assert set(sets["AR5"].values) == set(sets["AR6"].values) == set(gwp.gases())
    assert set(gwp.gases()) - set(sets["AR4"].values) == {"CH4-fossil"}
    assert not sets["AR4"].has("CH4-fossil")


@pytest.mark.parametrize(("set_id", "fossil", "non_fossil"), [("AR5", 30, 28), ("AR6", 29.8, 27.0)])
def test_fossil_and_non_fossil_methane_are_third_party_values(set_id, fossil, non_fossil):
    gwp_set = gwp.gwp_sets()[set_id]
    assert (gwp_set.factor("CH4-fossil"), gwp_set.factor("CH4-non-fossil")) == (fossil, non_fossil)
    assert gwp_set.status("CH4-fossil") == "third-party"
    assert gwp_set.status("CH4") == "verified"


def test_gas_ids_start_with_co2e():
    assert gwp.gas_ids()[0] == "CO2e"
    assert "HFC-134a" in gwp.gas_ids()
