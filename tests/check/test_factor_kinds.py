"""Kinds and families of factors, and the plausibility ranges derived from the shipped library."""

import pytest

from pcfdoc.check.factor_kinds import RANGE_MARGIN, family_of, magnitude, shipped_ranges
from pcfdoc.spec.library import shipped, shipped_by_id
from pcfdoc.spec.schema import Factor


def test_every_shipped_factor_falls_in_a_named_family_of_its_kind():
    for entry in shipped():
        family = family_of(entry.factor)
        assert family is not None and family.kind == entry.factor.kind, entry.factor.id
        assert family.keywords, entry.factor.id  # named, not the kind-wide fallback
        assert magnitude(entry.factor) is not None, entry.factor.id


def test_ranges_are_the_library_values_widened_tenfold():
    assert RANGE_MARGIN == 10
    diesel = shipped_ranges()[("diesel", "mass")]
    assert diesel.low == pytest.approx(0.314512, rel=1e-5)
    assert diesel.high == pytest.approx(31.4512, rel=1e-5)
    steel = shipped_ranges()[("steel", "mass")]
    assert (steel.low, steel.high) == (pytest.approx(0.17), pytest.approx(95.3))  # pig iron … ferroalloys
    electricity = shipped_ranges()[("electricity", "energy")]  # grid averages and generation types
    assert electricity.low == pytest.approx(0.00336) and electricity.high == pytest.approx(8.843)
    assert shipped_ranges()[("road", "freight")].low == pytest.approx(0.0049)


def test_the_nearest_reference_is_nearest_on_a_log_scale():
    aluminium = shipped_ranges()[("aluminium", "mass")]
    assert aluminium.nearest(0.72).entry.factor.id == "cn-material-aluminium-primary"
    assert aluminium.nearest(1000).entry.factor.id == "cn-material-aluminium-sheet"


def factor(name, unit, **extra):
    return Factor().load({"id": "x", "name": name, "value": 1.0, "unit": unit, **extra})


@pytest.mark.parametrize(("name", "unit", "family"), [
    ("灰铁铸件", "tCO2e/t", "steel"),
    ("铝合金铸件", "tCO2e/t", "aluminium"),
    ("普通硅酸盐水泥", "kgCO2e/t", "cement"),  # 水泥 is not water
    ("生产用水", "kgCO2e/t", "tap-water"),
    ("一般煤油", "tCO2/t", "kerosene"),  # 煤油 is not coal
    ("8 t 重型柴油货车", "kgCO2e/(t*km)", "road"),  # per t·km a diesel truck is freight, not fuel
    ("电力机车运输", "kgCO2e/(t*km)", "rail"),
    ("外购电力", "kgCO2e/MWh", "electricity"),
    ("燃煤发电", "kgCO2e/kWh", "generation"),
    ("PE pipe", "kgCO2e/kg", "plastics"),
    ("外协运输", "kgCO2e/(t*km)", "freight"),  # per t·km with no mode named: freight as a whole
])
def test_spec_factors_are_classified_by_unit_and_name(name, unit, family):
    assert family_of(factor(name, unit)).id == family


@pytest.mark.parametrize(("name", "unit"), [
    ("石灰石", "kgCO2e/t"),  # limestone is not lime
    ("磷酸铁锂正极材料（每 MWh 电芯用量的上游排放）", "tCO2e/MWh"),  # per MWh of cells, not of power
    ("电机", "kgCO2e/台"),  # per piece: nothing to compare
    ("pipeline", "kgCO2e/kg"),  # "pe" only as a whole word
])
def test_what_cannot_be_told_is_left_alone(name, unit):
    assert family_of(factor(name, unit)) is None


def test_a_stated_kind_without_a_family_compares_with_the_whole_kind():
    assert family_of(factor("某种燃料", "kgCO2/kg", kind="fuel")).id == "fuel"
    assert family_of(factor("某种材料", "kgCO2e/kg", kind="material")) is None  # materials differ too much


def test_magnitudes_are_per_kg_kwh_m3_or_tkm():
    natural_gas = magnitude(shipped_by_id()["cn-fuel-natural-gas"].factor)
    assert (natural_gas.dimension, natural_gas.unit) == ("volume", "kgCO2e/m³")
    assert natural_gas.value == pytest.approx(2.16219, rel=1e-5)
    assert magnitude(factor("x", "kgCH4/kg")) is None  # another gas: not compared


def test_the_readme_states_the_library_size_and_ranges_as_the_code_derives_them():
    from conftest import ROOT

    text = (ROOT / "README.md").read_text("utf-8")
    assert f"`src/pcfdoc/data/factors/*.toml`, {len(shipped())} factors)" in text
    ranges = shipped_ranges()
    diesel, steel = ranges[("diesel", "mass")], ranges[("steel", "mass")]
    electricity = ranges[("electricity", "energy")]
    stated = (f"diesel {diesel.low:.2f}–{diesel.high:.1f} kgCO2/kg, steel and iron {steel.low:.2f}–"
              f"{steel.high:.1f} kgCO2e/kg, grid\n  electricity {electricity.low:.4f}–{electricity.high:.1f}")
    assert stated in text
