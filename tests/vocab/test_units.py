import pytest
from pint.errors import DimensionalityError

from pcfdoc.vocab import units


@pytest.mark.parametrize(
    ("written", "pint_syntax"),
    [
        ("t·km", "t*km"),
        ("kgCO2e/(t·km)", "kgCO2e/(t*km)"),
        ("kgCO₂e/kWh", "kgCO2e/kWh"),
        ("kgCO2eq/kWh", "kgCO2e/kWh"),
        ("kgCO2-eq/kWh", "kgCO2e/kWh"),
        ("10⁴Nm³", "myriad*Nm3"),
        ("万kWh", "myriad*kWh"),
        ("Nm³", "Nm3"),
        ("m³", "m**3"),
        ("m3", "m**3"),
        # Everything after the slash is the denominator, as reports print units.
        ("kg/t·km", "kg/(t*km)"),
        ("kgCO2/kW·h", "kgCO2/(kW*h)"),
        ("kgCO2e/万kWh", "kgCO2e/(myriad*kWh)"),
        ("tCO2/10⁴Nm³", "tCO2/(myriad*Nm3)"),
        ("kg/t/km", "kg/(t*km)"),
        ("kgCO2e/(t*km)*h", "kgCO2e/((t*km)*h)"),
        ("kgCO2e/(t*km)", "kgCO2e/(t*km)"),
    ],
)
def test_report_spellings_are_rewritten_for_pint(written, pint_syntax):
    assert units.normalise(written) == pint_syntax


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("t", "kg", 1000.0),
        ("吨", "kg", 1000.0),
        ("公斤", "kg", 1.0),
        ("MWh", "kWh", 1000.0),
        ("度", "kWh", 1.0),
        ("kW·h", "kWh", 1.0),
        ("GJ", "MJ", 1000.0),
        ("tce", "GJ", 29.3076),
        ("10⁴Nm³", "Nm3", 10000.0),
        ("万kWh", "MWh", 10.0),
        ("L", "m3", 0.001),
        ("t*km", "kg*km", 1000.0),
        ("tkm", "t*km", 1.0),
        ("tCO2e", "kgCO2e", 1000.0),
        ("kg CO2e", "kgCO2e", 1.0),
    ],
)
def test_conversions(source, target, factor):
    assert units.conversion_factor(source, target) == pytest.approx(factor, rel=1e-12)


def test_counting_units_do_not_convert_into_each_other():
    assert not units.convertible("台", "套")
    with pytest.raises(DimensionalityError):
        units.conversion_factor("台", "件")


def test_normal_cubic_metres_are_not_plain_cubic_metres():
    assert not units.convertible("Nm3", "m3")


@pytest.mark.parametrize("bad", ["kgg", "foo/bar", "", "  "])
def test_unknown_units_raise_a_readable_error(bad):
    with pytest.raises(units.UnitError) as info:
        units.parse_unit(bad)
    assert "unit" in str(info.value)


def test_unknown_unit_error_names_the_unit_and_says_how_to_write_units():
    with pytest.raises(units.UnitError) as info:
        units.parse_unit("kgg")
    assert str(info.value) == (
        "unknown unit kgg in 'kgg'; write units as kg, t, kWh, MWh, GJ, tce, m3, Nm3, L, t*km (or t·km), "
        "万kWh, 10⁴Nm³ or a counting unit (台, 套, 件, 个, 只, piece); factors as kgCO2e/kWh: everything "
        "after '/' is the denominator, so kgCO2e/t·km is per t·km")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("kg/t·km", "kg/(t*km)"), ("kgCO2/kW·h", "kgCO2/kWh"), ("kgCO2e/万kWh", "kgCO2e/(10⁴kWh)")],
)
def test_a_product_after_the_slash_is_all_denominator(written, meant):
    """A factor printed as in a report means per t·km or per kWh, not (kg/t)·km."""
    assert units.dimensionality(written) == units.dimensionality(meant)
    assert units.conversion_factor(written, meant) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("activity", "factor", "declared_gas", "expected"),
    [
        ("kWh", "kgCO2e/kWh", "CO2e", ("CO2e", 1.0)),
        ("MWh", "kgCO2e/kWh", "CO2e", ("CO2e", 1000.0)),
        ("kg", "tCO2e/t", "CO2e", ("CO2e", 1.0)),
        ("t*km", "kgCO2e/(t*km)", "CO2e", ("CO2e", 1.0)),
        ("kWh", "kgCO2/kWh", "CO2e", ("CO2", 1.0)),
        ("kWh", "gCH4/kWh", "CO2e", ("CH4", 0.001)),
        ("kWh", "kg/kWh", "N2O", ("N2O", 1.0)),
        ("10⁴Nm³", "kgCO2/Nm3", "CO2e", ("CO2", 10000.0)),
        ("台", "kgHFC134a/台", "CO2e", ("HFC-134a", 1.0)),
    ],
)
def test_emission_of_gives_the_gas_and_kg_per_activity_unit(activity, factor, declared_gas, expected):
    gas, multiplier = units.emission_of(activity, factor, declared_gas)
    assert (gas, multiplier) == (expected[0], pytest.approx(expected[1], rel=1e-12))


def test_emission_of_is_none_when_units_do_not_reduce_to_a_gas_mass():
    assert units.emission_of("kg", "kgCO2e/kWh", "CO2e") is None
    assert units.emission_of("台", "kgCO2e/套", "CO2e") is None


def test_gas_of_unit():
    assert units.gas_of_unit("kgCO2/kWh") == "CO2"
    assert units.gas_of_unit("tCO2e/t") == "CO2e"
    assert units.gas_of_unit("kg/kWh") is None


def test_expected_activity_names_the_factor_denominator():
    assert units.expected_activity("kgCO2e/kWh", "CO2e") == "kWh (energy)"
    assert units.expected_activity("kgCO2e/(t*km)", "CO2e") == "t*km (length·mass)"


def test_mass_predicate():
    assert units.is_mass("t") and units.is_mass("公斤")
    assert not units.is_mass("tCO2e") and not units.is_mass("台")
