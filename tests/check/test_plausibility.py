"""Plausibility warnings: another grid region than the site's, a grid CO2 emission factor in a product
footprint, and a factor value far outside the library's values of its kind."""

import datetime as dt

import pytest

from conftest import EXAMPLES, fixture_data
from helpers import warnings

PLAUSIBILITY = ("but the site is in", "is a grid CO2 emission factor", "is implausible for")


def plausibility_warnings(path):
    return [w for w in warnings(path) if any(phrase in w for phrase in PLAUSIBILITY)]


def battery():
    """The battery example on the factor its published report used: the Northeast grid's, for a
    plant in Tangshan (the example itself uses the North China grid's)."""
    import tomllib

    data = tomllib.loads((EXAMPLES / "battery-cells.toml").read_text("utf-8"))
    (electricity,) = [line for line in data["products"][0]["inventory"] if line["id"] == "electricity"]
    electricity["factor"] = "cn-grid-2021-northeast"
    return data


def minimal(**report):
    data = fixture_data("minimal.toml")
    data["report"].update(report)
    return data


def with_grid(data, factor_id, line=1):
    """The minimal spec's electricity line on a library factor (its own 'grid' factor removed)."""
    data["products"][0]["inventory"][line]["factor"] = factor_id
    data["factors"] = [f for f in data["factors"] if f["id"] != "grid"]
    return data


# -- grid region against the site ---------------------------------------------------------

def test_the_battery_plant_in_tangshan_on_the_northeast_factor_warns(write_spec):
    path = write_spec(battery())
    (warning,) = plausibility_warnings(path)
    assert warning.endswith(
        "products[0].inventory[4].factor: warning: factor 'cn-grid-2021-northeast' (0.6012 kgCO2/kWh) is "
        "for 东北区域电网 (2021), but the site is in 河北 (from company.address), which is on the "
        "华北区域电网 grid; use "
        "cn-grid-2021-hebei (河北, 0.7901 kgCO2/kWh) or cn-grid-2021-north (华北区域电网, 0.712 kgCO2/kWh), "
        "or state why in factor_rationale (e.g. a direct supply contract)")


def test_a_stated_reason_for_the_region_clears_the_warning(write_spec):
    data = battery()
    data["products"][0]["inventory"][4]["factor_rationale"] = "与辽宁某电厂签订直购电合同，电力经专线输送。"
    assert plausibility_warnings(write_spec(data)) == []


def test_the_credit_code_gives_the_province_when_the_address_names_none(write_spec):
    data = with_grid(minimal(), "cn-grid-2022-northeast")  # credit code 911201…: Tianjin
    (warning,) = plausibility_warnings(write_spec(data))
    assert ("but the site is in 天津 (from the division code 120110 of company.credit_code), which is on "
            "the 华北区域电网 grid; use cn-grid-2022-tianjin (天津, 0.7041 kgCO2/kWh) or "
            "cn-grid-2022-north") in warning


def test_the_address_wins_over_the_place_of_registration(write_spec):
    data = with_grid(minimal(), "cn-grid-2022-northeast")
    data["company"]["address"] = "辽宁省大连市甘井子区 1 号"  # registered in Tianjin, plant in Liaoning
    assert plausibility_warnings(write_spec(data)) == []


@pytest.mark.parametrize(("address", "factor_id", "warns"), [
    ("河北省唐山市", "cn-grid-2022-north", False),
    ("河北省唐山市", "cn-grid-2022-hebei", False),
    ("河北省唐山市", "cn-grid-2022-tianjin", True),  # a neighbouring province's own factor
    ("河北省唐山市", "cn-grid-2022-national", False),
    ("内蒙古自治区呼伦贝尔市", "cn-grid-2022-northeast", False),  # 蒙东 is on the Northeast grid
    ("四川省成都市", "cn-grid-2012-central", False),  # 2012: Sichuan belonged to Central China
    ("四川省成都市", "cn-grid-2022-central", True),  # from 2021 it is in the Southwest region
    ("四川省成都市", "cn-grid-2022-southwest", False),
])
def test_grid_membership_follows_the_regions_of_the_factor_year(write_spec, address, factor_id, warns):
    data = with_grid(minimal(), factor_id)
    data["company"]["address"] = address
    assert bool(plausibility_warnings(write_spec(data))) is warns


def test_no_province_known_means_no_region_warning(write_spec):
    data = with_grid(minimal(), "cn-grid-2022-northeast")
    del data["company"]["credit_code"]
    assert plausibility_warnings(write_spec(data)) == []


# -- grid CO2 emission factor in a product footprint ---------------------------------------

def test_a_grid_co2_factor_names_the_footprint_factor_published_by_the_issue_date(write_spec):
    data = minimal(issue_date=dt.date(2025, 6, 1))
    data["data_period"] = {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)}
    data["report"]["people"] = [{"duty": "prepared", "name": "编制人"}]
    # The 2024 factor came out on 2025-09-28: a report of 2025-06-01 could only use 2023's.
    (warning,) = plausibility_warnings(write_spec(data))
    assert warning.endswith(
        "products[0].inventory[1].factor: warning: factor 'grid' (0.5 kgCO2/kWh) is a grid CO2 emission "
        "factor: the CO2 of generation only, meant for organisations' emissions accounting; a product "
        "footprint should use the electricity carbon-footprint factor 'cn-elec-footprint-2023-national' "
        "(0.6205 kgCO2e/kWh, 2023), which also counts the fuel chain, the plants and the other gases; use "
        "it, or state why in factor_rationale")
    data["report"]["issue_date"] = dt.date(2026, 3, 1)
    (warning,) = plausibility_warnings(write_spec(data))
    assert "'cn-elec-footprint-2024-national' (0.5777 kgCO2e/kWh, 2024)" in warning


def test_before_any_footprint_factor_was_published_no_footprint_warning(write_spec):
    assert plausibility_warnings(write_spec(minimal())) == []  # issued 2024-03-01


def test_library_grid_factors_are_emission_factors_too(write_spec):
    data = with_grid(minimal(issue_date=dt.date(2026, 3, 1)), "cn-grid-2023-national")
    data["report"]["people"] = [{"duty": "prepared", "name": "编制人"}]
    (warning,) = plausibility_warnings(write_spec(data))
    assert "factor 'cn-grid-2023-national' (0.5306 kgCO2/kWh) is a grid CO2 emission factor" in warning
    assert "'cn-elec-footprint-2023-national' (0.6205 kgCO2e/kWh, 2023)" in warning  # data period 2023


@pytest.mark.parametrize("change", [
    {"factor_rationale": "客户要求按电网排放因子核算，以便与其组织层面的排放清单一致。"},
    {"factor": "cn-elec-footprint-2023-national"},
])
def test_a_footprint_factor_or_a_stated_reason_clears_it(write_spec, change):
    data = minimal(issue_date=dt.date(2026, 3, 1))
    data["report"]["people"] = [{"duty": "prepared", "name": "编制人"}]
    data["products"][0]["inventory"][1].update(change)
    if "factor" in change:
        data["factors"] = [f for f in data["factors"] if f["id"] != "grid"]
    assert plausibility_warnings(write_spec(data)) == []


def test_a_spec_factor_marked_life_cycle_is_a_footprint_factor(write_spec):
    data = minimal(issue_date=dt.date(2026, 3, 1))
    data["report"]["people"] = [{"duty": "prepared", "name": "编制人"}]
    data["factors"][1].update(unit="kgCO2e/kWh", scope="life-cycle")
    assert plausibility_warnings(write_spec(data)) == []


# -- magnitude against kind ------------------------------------------------------------------

def with_own_factor(name, value, unit, line_unit, **extra):
    data = minimal()
    data["products"][0]["inventory"][0].update(name=name, unit=line_unit)
    data["factors"][0].update(name=name, value=value, unit=unit, **extra)
    return data


def test_diesel_at_0_00001_warns_naming_the_nearest_library_factor(write_spec):
    path = write_spec(with_own_factor("柴油", 0.00001, "kgCO2e/kg", "kg"))
    (warning,) = plausibility_warnings(path)
    lines = path.read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "value = 1e-05" in text)
    assert warning == (
        f"{path}:{line}: factors[0].value: warning: factor 'steel' (0.00001 kgCO2e/kg) is implausible for "
        "diesel: the pcfdoc library holds 3.14512 kgCO2e/kg, so check expects 0.314512 to 31.4512 kgCO2e/kg "
        "(its range widened 10× each way); nearest: cn-fuel-diesel (3.14512 tCO2/t); check the value and "
        "its unit, or state why in value_rationale")


def test_natural_gas_per_m3_is_compared_with_the_library_per_nm3(write_spec):
    (warning,) = plausibility_warnings(write_spec(with_own_factor("天然气", 0.003234, "kgCO2e/m3", "m3")))
    assert "factor 'steel' (0.003234 kgCO2e/m3) is implausible for natural gas" in warning
    assert "expects 0.216219 to 21.6219 kgCO2e/m³" in warning


@pytest.mark.parametrize(("name", "value", "unit", "line_unit"), [
    ("柴油", 3.1, "kgCO2/kg", "kg"),
    ("钢材", 2.0, "kgCO2e/kg", "kg"),
    ("钢材", 0.5, "tCO2e/t", "kg"),  # scrap-based steel: low, but inside the tenfold margin
    ("天然气", 2.1, "kgCO2/Nm3", "Nm3"),
    ("磷酸铁锂正极材料（每 MWh 电芯用量）", 12.22, "tCO2e/MWh", "MWh"),  # per MWh of cells: no kind
    ("石灰石", 0.01, "kgCO2e/kg", "kg"),  # limestone is not lime
])
def test_plausible_or_unclassifiable_values_pass(write_spec, name, value, unit, line_unit):
    assert plausibility_warnings(write_spec(with_own_factor(name, value, unit, line_unit))) == []


def test_a_tonne_written_as_a_kilogram_warns(write_spec):
    (warning,) = plausibility_warnings(write_spec(with_own_factor("钢材", 2000, "kgCO2e/kg", "kg")))
    assert "factor 'steel' (2,000 kgCO2e/kg) is implausible for steel and iron" in warning


def test_a_stated_reason_for_the_value_clears_it(write_spec):
    data = with_own_factor("柴油", 0.00001, "kgCO2e/kg", "kg", value_rationale="按原报告反推。")
    assert plausibility_warnings(write_spec(data)) == []


def test_a_freight_factor_is_judged_by_the_mode_of_the_legs_that_use_it(write_spec):
    data = fixture_data("two-products.toml")
    truck = next(f for f in data["factors"] if f["id"] == "truck")
    truck.update(name="外协运输", value=0.9)  # 0.9 per t·km: air-freight territory
    product = data["products"][0]
    for mode in ("rail", "air"):
        for leg in product["transport"]:
            leg["mode"] = mode
        product["distribution"]["mode"] = mode
        found = plausibility_warnings(write_spec(data))
        if mode == "rail":
            (warning,) = found
            assert "factor 'truck' (0.9 kgCO2e/(t*km)) is implausible for rail freight" in warning
        else:
            assert found == []
    # Legs of several modes leave only the freight-wide range, which 0.9 fits.
    product["distribution"]["mode"] = "road"
    assert plausibility_warnings(write_spec(data)) == []


def test_a_factor_of_an_own_library_is_flagged_where_it_is_used(write_spec, tmp_path):
    (tmp_path / "lib.toml").write_text(
        '[[factors]]\nid = "own-diesel"\nname = "柴油"\nvalue = 3.1\nunit = "kgCO2/t"\nsource = "s"\n'
        'status = "verified"\n', "utf-8")
    data = with_own_factor("柴油", 3.1, "kgCO2e/kg", "kg")
    data["library"] = {"paths": ["lib.toml"]}
    data["products"][0]["inventory"][0]["factor"] = "own-diesel"
    del data["factors"][0]
    (warning,) = plausibility_warnings(write_spec(data))
    assert ": products[0].inventory[0].factor: warning: factor 'own-diesel' (3.1 kgCO2/t)" in warning


def test_library_factors_are_not_judged_against_themselves(write_spec):
    data = with_grid(minimal(), "cn-elec-footprint-2023-td-without-losses")  # 0.0036: smallest in the library
    assert plausibility_warnings(write_spec(data)) == []


# -- the examples ----------------------------------------------------------------------------

@pytest.mark.parametrize(("example", "expected"), [
    ("battery-cells.toml", []),  # on the North China grid's factor, where its plant is
    ("valve-actuator.toml", []),  # the aluminium factor states its reason in value_rationale
    ("mining-machinery.toml", []),  # the back-calculated steel and fuel factors state theirs
])
def test_every_example_checks_with_no_plausibility_warning_or_states_why(example, expected):
    found = plausibility_warnings(EXAMPLES / example)
    assert len(found) == len(expected) and all(text in w for text, w in zip(expected, found, strict=True))


def test_without_its_reasons_the_mining_example_warns_about_its_steels_and_fuels(write_spec):
    import tomllib

    data = tomllib.loads((EXAMPLES / "mining-machinery.toml").read_text("utf-8"))
    for factor in data["factors"]:
        factor.pop("value_rationale", None)
    found = plausibility_warnings(write_spec(data))
    assert [w.split("warning: ")[1].split(" is implausible")[0] for w in found] == [
        "factor 'plate-derived' (0.03276 kgCO2e/kg)", "factor 'profile-derived' (0.008557 kgCO2e/kg)",
        "factor 'natural-gas-derived' (0.003234 kgCO2e/m3)", "factor 'diesel-derived' (0.00001 kgCO2e/kg)",
        "factor 'gasoline-derived' (0.000001 kgCO2e/kg)"]
