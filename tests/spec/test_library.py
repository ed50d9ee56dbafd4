"""The shipped factor library, a consultant's own library files, and how specs refer to them."""

from __future__ import annotations

import datetime as dt

import pytest

from pcfdoc import pipeline
from pcfdoc.spec.library import SHIPPED, shipped, shipped_by_id
from pcfdoc.vocab.catalogue import FACTOR_KINDS, FACTOR_SCOPES

from conftest import FIXTURES, fixture_data
from helpers import problems, warnings


def test_the_shipped_library_has_at_least_60_sourced_factors_with_unique_ids():
    entries = shipped()
    assert len(entries) >= 60
    ids = [entry.factor.id for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        factor = entry.factor
        assert entry.origin == SHIPPED
        assert factor.source and factor.status in ("verified", "third-party", "unverified")
        assert factor.name and factor.name_en
        assert factor.value is not None
        assert factor.kind in FACTOR_KINDS and factor.scope in FACTOR_SCOPES, factor.id


@pytest.mark.parametrize(
    ("factor_id", "value", "status"),
    [
        ("cn-grid-2022-national", 0.5366, "verified"),
        ("cn-grid-2023-national-excl-market-nonfossil", 0.6096, "verified"),
        ("cn-grid-2021-fossil", 0.8426, "verified"),
        ("cn-grid-2022-north", 0.6776, "verified"),
        ("cn-grid-2021-northeast", 0.6012, "third-party"),
        ("cn-grid-2022-hebei", 0.7252, "verified"),  # one of the ten 2022 provinces confirmed
        ("cn-grid-2022-beijing", 0.5580, "third-party"),
        ("cn-grid-2012-north", 0.8843, "unverified"),
        ("cn-freight-road-heavy-diesel-30t", 0.078, "third-party"),
        ("cn-freight-road-cpcd-average", 0.074, "unverified"),
        # Issue 18: footprint factors, 2023 provinces, the 2021 factor without market non-fossil power,
        # and GB/T 51366 Table E.0.1 rows that two independent transcriptions confirm.
        ("cn-elec-footprint-2023-national", 0.6205, "verified"),
        ("cn-elec-footprint-2024-national", 0.5777, "verified"),
        ("cn-elec-footprint-2024-td-with-losses", 0.0327, "third-party"),
        ("cn-elec-footprint-2024-td-without-losses", 0.0046, "third-party"),
        ("cn-grid-2023-hebei", 0.6516, "third-party"),
        ("cn-grid-2023-guangdong", 0.4419, "third-party"),
        ("cn-grid-2021-national-excl-market-nonfossil", 0.5942, "unverified"),
        ("cn-freight-road-light-diesel-2t", 0.286, "third-party"),
        ("cn-freight-rail-gbt51366", 0.010, "third-party"),
    ],
)
def test_values_keep_the_status_tags_of_the_reference(factor_id, value, status):
    factor = shipped_by_id()[factor_id].factor
    assert (factor.value, factor.status) == (value, status)


def test_grid_records_cite_the_announcements_by_their_titles_and_numbers():
    by_id = shipped_by_id()
    grid_2022 = [e.factor for e in shipped() if e.factor.id.startswith("cn-grid-2022-")]
    assert len(grid_2022) == 40
    for factor in grid_2022:  # the 2022 document is an announcement (公告), not a notice (通知)
        assert "《关于发布2022年电力二氧化碳排放因子的公告》" in factor.source and "通知" not in factor.source
    grid_2023 = [e.factor for e in shipped() if e.factor.id.startswith("cn-grid-2023-")]
    assert len(grid_2023) == 40  # national three, seven regions, 30 provinces (Tibet is not published)
    assert all(f.source == "生态环境部、国家统计局《关于发布2023年电力二氧化碳排放因子的公告》"
                          "（公告2025年第47号）" for f in grid_2023)
    assert "第三方转录" in by_id["cn-grid-2023-national"].factor.note  # the number is not confirmed
    assert by_id["cn-elec-footprint-2023-national"].factor.source == (
        "生态环境部、国家统计局、国家能源局《关于发布2023年电力碳足迹因子数据的公告》（公告2025年第3号，2025-01-17）")


def test_grid_factors_are_combustion_co2_and_footprint_factors_life_cycle_co2e():
    for entry in shipped():
        factor = entry.factor
        if factor.id.startswith("cn-grid-"):
            assert (factor.kind, factor.scope, factor.gas, factor.unit) == (
                "electricity", "combustion", "CO2", "kgCO2/kWh")
            assert factor.published is not None or factor.year == 2012
        if factor.id.startswith("cn-elec-footprint-"):
            assert (factor.kind, factor.scope, factor.gas, factor.unit) == (
                "electricity", "life-cycle", "CO2e", "kgCO2e/kWh")
            assert factor.published in (dt.date(2025, 1, 17), dt.date(2025, 9, 28))


def test_fuel_factors_count_combustion_co2_only_and_say_so():
    fuels = [e.factor for e in shipped() if e.factor.kind == "fuel"]
    assert len(fuels) == 11
    assert all(f.scope == "combustion" and f.gas == "CO2" for f in fuels)


def test_the_2012_regional_factors_stay_unverified_and_state_their_six_regions():
    regional_2012 = [e.factor for e in shipped() if e.factor.id.startswith("cn-grid-2012-")]
    assert len(regional_2012) == 6 and {f.status for f in regional_2012} == {"unverified"}
    assert all("按六个区域电网划分（无西南区域" in f.note for f in regional_2012)


@pytest.mark.parametrize(
    ("factor_id", "value", "unit"),
    [("cn-fuel-diesel", 3.145, "tCO2/t"), ("cn-fuel-gasoline", 3.043, "tCO2/t"),
     ("cn-fuel-natural-gas", 21.62, "tCO2/(10⁴Nm³)")],
)
def test_fuel_factors_are_derived_from_ncv_carbon_content_and_oxidation(factor_id, value, unit):
    factor = shipped_by_id()[factor_id].factor
    assert factor.unit == unit
    assert factor.value == pytest.approx(value, abs=0.0005 if value < 10 else 0.005)
    derivation = factor.derivation
    assert factor.value == pytest.approx(
        derivation.ncv / 1000 * derivation.carbon_content * derivation.oxidation * 44 / 12, rel=1e-12)


def test_a_line_may_name_a_library_factor(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][1]["factor"] = "cn-grid-2022-national"
    del data["factors"][1]
    (product,) = pipeline.calc(write_spec(data)).results.products
    assert {line.id: line.kgco2e for line in product.lines}["electricity"] == pytest.approx(50 * 0.5366)


def test_unknown_ids_suggest_the_closest_library_id(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][1]["factor"] = "cn-grid-2022-nationel"
    assert any("unknown factor 'cn-grid-2022-nationel'; did you mean 'cn-grid-2022-national'?" in p
               for p in problems(write_spec(data)))


def test_a_spec_factor_with_a_library_id_needs_override(write_spec):
    data = fixture_data("minimal.toml")
    data["factors"][1]["id"] = "cn-grid-2022-national"
    data["products"][0]["inventory"][1]["factor"] = "cn-grid-2022-national"
    path = write_spec(data)
    (error,) = [p for p in problems(path) if ": warning: " not in p]
    line = path.read_text("utf-8").splitlines().index('id = "cn-grid-2022-national"') + 1
    assert error == (f"{path}:{line}: factors[1].id: factor id 'cn-grid-2022-national' is also in the "
                     "pcfdoc library; rename it, or set override = true to replace that factor")
    data["factors"][1]["override"] = True
    (product,) = pipeline.calc(write_spec(data)).results.products
    assert {line.id: line.kgco2e for line in product.lines}["electricity"] == 25.0  # the spec's 0.5


def test_override_of_nothing_is_an_error(write_spec):
    data = fixture_data("minimal.toml")
    data["factors"][1]["override"] = True
    assert any("factors[1].id: override = true, but no library factor 'grid' exists to replace" in p
               for p in problems(write_spec(data)))


def test_own_library_files_override_and_add_factors():
    built = pipeline.calc(FIXTURES / "every-field.toml")
    table = built.valid.factors
    assert table["cn-grid-2022-hebei"].factor.value == 0.6
    assert table["cn-grid-2022-hebei"].origin.endswith("factors/own-library.toml")
    lines = {line.id: line for line in built.results.products[0].lines}
    assert lines["office-power"].kgco2e == pytest.approx(1.2)


def test_a_factor_may_list_several_gases():
    results = pipeline.calc(FIXTURES / "every-field.toml").results
    boiler = {line.id: line for line in results.products[0].lines}["boiler"]
    # 0.5 GJ = 0.0005 TJ; AR5: CH4 28, N2O 265
    assert [(a.gas, a.kg) for a in boiler.gases] == [
        ("CO2", pytest.approx(37.05)), ("CH4", pytest.approx(0.0015)), ("N2O", pytest.approx(0.0003))]
    assert boiler.kgco2e == pytest.approx(0.0005 * (74100 + 3 * 28 + 0.6 * 265))
    assert (boiler.factor_value, boiler.factor_unit) == (pytest.approx(74343.0), "kgCO2e/TJ")
    assert boiler.gas == "mixed"


def test_errors_in_a_library_file_are_located_in_that_file(tmp_path, write_spec):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.toml").write_text('[[factors]]\nid = "x"\nname = "X"\nvalue = "1"\nunit = "kgCO2e/kg"\n'
                                    'source = "s"\nstatus = "verified"\n', "utf-8")
    (library / "b.toml").write_text(
        '[[factors]]\nid = "y"\nname = "Y"\nvalue = 1\nunit = "kgCO2e/kg"\nsource = "s"\n'
        'status = "verified"\n\n[[factors]]\nid = "y"\nname = "Y2"\nvalue = 2\nunit = "kgCO2e/kg"\n'
        'source = "s"\nstatus = "sure"\n', "utf-8")
    data = fixture_data("minimal.toml")
    data["library"] = {"paths": ["lib"]}
    found = problems(write_spec(data))
    assert f"{library / 'a.toml'}:4: factors[0].value: expected a number, got the string '1'; write it " \
           "without quotes" in found
    assert any(p.startswith(f"{library / 'b.toml'}:15: factors[1].status: 'sure' is not allowed")
               for p in found)


def test_the_same_id_in_two_library_files_is_a_conflict(tmp_path, write_spec):
    record = 'id = "z"\nname = "Z"\nvalue = 1\nunit = "kgCO2e/kg"\nsource = "s"\nstatus = "verified"\n'
    (tmp_path / "one.toml").write_text("[[factors]]\n" + record, "utf-8")
    (tmp_path / "two.toml").write_text("[[factors]]\n" + record, "utf-8")
    data = fixture_data("minimal.toml")
    data["library"] = {"paths": ["one.toml", "two.toml"]}
    assert f"{tmp_path / 'two.toml'}:2: factors[0].id: factor id 'z' is defined twice (first at " \
           f"{tmp_path / 'one.toml'}:2 (factors[0].id)); ids must be unique" in problems(write_spec(data))


def test_a_gas_without_a_gwp_in_the_chosen_set_is_an_error(write_spec):
    data = fixture_data("minimal.toml")
    data["method"]["gwp"] = "AR4"
    data["factors"][1].update(unit="kg/kWh", gas="CH4-fossil")
    assert any("factor 'grid' is a mass of CH4-fossil, which has no AR4 GWP" in p
               for p in problems(write_spec(data)))


def test_unverified_library_factors_are_flagged_where_they_are_used(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][1]["factor"] = "cn-grid-2012-north"
    del data["factors"][1]
    found = warnings(write_spec(data))
    assert any("products[0].inventory[1].factor: warning: factor 'cn-grid-2012-north' is marked unverified "
               "in the pcfdoc library" in w for w in found)
    assert any("factor 'cn-grid-2012-north' is from 2012, 11 years before the data period" in w
               for w in found)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": None, "gases": {"CO2": 1.0}}, "with gases, write the unit as a plain mass per activity"),
        ({"gases": {"CO2": 1.0}}, "give one of value, gases or derivation, not value and gases"),
        ({"value": None, "unit": "kg/kWh", "gases": {"CO2e": 1.0}}, "'CO2e' is not a single gas"),
        ({"value": None, "unit": "tCO2/kWh",
          "derivation": {"ncv": 43.3, "ncv_unit": "GJ/t", "carbon_content": 20.2, "oxidation": 0.98}},
         "NCV in GJ/t × carbon content in tC/TJ gives CO2 per mass, which tCO2/kWh is not; write the unit "
         "as tCO2/<the NCV's activity unit>"),
    ],
)
def test_factor_forms_are_checked(write_spec, changes, message):
    data = fixture_data("minimal.toml")
    factor = data["factors"][1]
    for key, value in changes.items():
        if value is None:
            del factor[key]
        else:
            factor[key] = value
    assert any(message in p for p in problems(write_spec(data))), problems(write_spec(data))
