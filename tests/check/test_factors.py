"""Factor year against the data period: a grid or footprint factor of one year where the library holds
the same series for a year nearer the data period, published by the report's issue date."""

import datetime as dt

import pytest

from pcfdoc.check.factors import series_of, year_distance
from pcfdoc.spec.library import shipped_by_id
from pcfdoc.spec.schema import Node

from conftest import fixture_data
from helpers import warnings


def spec_on(factor_id, issue_date, year=2023):
    data = fixture_data("minimal.toml")
    data["report"]["issue_date"] = issue_date
    data["report"]["people"] = [{"duty": "prepared", "name": "编制人"}]
    data["data_period"] = {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)}
    data["products"][0]["inventory"][1]["factor"] = factor_id
    data["products"][0]["inventory"][1]["factor_rationale"] = "测试：只看年份"
    data["factors"] = [f for f in data["factors"] if f["id"] != "grid"]
    return data


def year_warnings(path):
    return [w for w in warnings(path) if "nearer the data period" in w]


def test_a_regional_factor_of_an_older_year_names_the_nearer_one(write_spec):
    (warning,) = year_warnings(write_spec(spec_on("cn-grid-2021-north", dt.date(2026, 3, 1))))
    assert warning.endswith(
        "products[0].inventory[1].factor: warning: factor 'cn-grid-2021-north' is for 2021; the library "
        "holds 'cn-grid-2023-north' (0.6361 kgCO2/kWh) for 2023, nearer the data period 2023; use it or "
        "justify the older factor in notes")


def test_only_factors_published_by_the_issue_date_are_named(write_spec):
    # 2022 factors came out on 2024-12-20, 2023 ones in January 2026.
    assert year_warnings(write_spec(spec_on("cn-grid-2021-hebei", dt.date(2024, 6, 7)))) == []
    (warning,) = year_warnings(write_spec(spec_on("cn-grid-2021-hebei", dt.date(2025, 6, 1))))
    assert "holds 'cn-grid-2022-hebei' (0.7252 kgCO2/kWh) for 2022" in warning


def test_footprint_factors_are_a_series_too(write_spec):
    (warning,) = year_warnings(write_spec(spec_on("cn-elec-footprint-2023-national", dt.date(2026, 3, 1),
                                                  year=2024)))
    assert "holds 'cn-elec-footprint-2024-national' (0.5777 kgCO2e/kWh) for 2024" in warning
    assert year_warnings(write_spec(spec_on("cn-elec-footprint-2024-national", dt.date(2026, 3, 1),
                                            year=2025))) == []


def test_a_factor_published_after_the_issue_date_is_questioned(write_spec):
    later = [w for w in warnings(write_spec(spec_on("cn-grid-2023-north", dt.date(2025, 6, 1))))
             if "after the report's issue date" in w]
    assert [w.split(": ", 1)[1] for w in later] == [
        "products[0].inventory[1].factor: warning: factor 'cn-grid-2023-north' was published on 2026-01-15, "
        "after the report's issue date 2025-06-01; use a factor published by then"]
    assert not [w for w in warnings(write_spec(spec_on("cn-grid-2023-north", dt.date(2026, 1, 15))))
                if "after the report's issue date" in w]


def test_a_factor_of_a_year_after_the_issue_date_is_questioned(write_spec):
    data = spec_on("own-grid", dt.date(2023, 7, 14), year=2022)
    data["factors"].append({"id": "own-grid", "name": "电网", "value": 0.5, "unit": "kgCO2/kWh",
                            "source": "测试", "year": 2024})
    (later,) = [w for w in warnings(write_spec(data)) if "after the report's issue date" in w]
    assert later.endswith("factors[1].year: warning: factor 'own-grid' is for 2024, after the report's issue "
                          "date 2023-07-14; use a factor of a year the report could know")


def test_a_factor_of_the_data_year_is_not_questioned(write_spec):
    assert year_warnings(write_spec(spec_on("cn-grid-2023-north", dt.date(2026, 3, 1)))) == []


@pytest.mark.parametrize(("factor_id", "series"), [
    ("cn-grid-2021-north", "cn-grid-north"),
    ("cn-grid-2012-north", "cn-grid-north"),  # the NDRC 2012 factor is the same region's older value
    ("cn-grid-2022-national-excl-market-nonfossil", "cn-grid-national-excl-market-nonfossil"),
    ("cn-elec-footprint-2024-td-with-losses", "cn-elec-footprint-td-with-losses"),
    ("cn-freight-road-heavy-diesel-30t", None),  # no year in the id
])
def test_series_are_ids_without_the_year(factor_id, series):
    assert series_of(shipped_by_id()[factor_id].factor) == series


def test_year_distance_is_zero_inside_the_period():
    period = Node(start=dt.date(2022, 7, 1), end=dt.date(2023, 6, 30))
    assert [year_distance(y, period) for y in (2021, 2022, 2023, 2026)] == [1, 0, 0, 3]


def test_a_database_no_factor_comes_from_is_questioned(write_spec):
    data = fixture_data("minimal.toml")
    data["method"]["databases"] = ["中国生命周期基础数据库（CLCD）", "GaBi Databases", "测试因子库"]
    data["factors"][0]["source"] = "CLCD 2019 钢材数据集"
    data["factors"][1]["source"] = "测试因子库（2023 版）"
    found = [w for w in warnings(write_spec(data)) if "method.databases" in w]
    assert [w.split(": ", 1)[1] for w in found] == [
        "method.databases[1]: warning: no factor the lines use comes from 'GaBi Databases' (their sources do "
        "not name it); remove it, or name it in the source of the factors taken from it"]
