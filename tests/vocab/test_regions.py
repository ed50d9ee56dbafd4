"""Provinces, credit-code division digits and the grid regions of each factor year."""

import pytest

from pcfdoc.vocab.regions import (
    PROVINCES,
    coverage,
    grid_regions_of,
    province_in_text,
    province_of_credit_code,
    regions_for_year,
)


def test_thirty_one_provinces_with_unique_codes():
    assert len(PROVINCES) == 31
    assert len({p.code for p in PROVINCES}) == 31 and len({p.name for p in PROVINCES}) == 31


@pytest.mark.parametrize(("address", "province"), [
    ("河北省唐山市路北区韩城镇前新庄村南侧 12 号", "河北"),
    ("天津市北辰区天津陆路港物流装备产业园西堤头分园泰康路19号", "天津"),
    ("上海市长宁区江苏路 1 号", "上海"),  # the first province named wins over a street name
    ("内蒙古自治区包头市稀土高新区", "内蒙古"),
    ("1 Hebei Road, Beichen District, Tianjin", "天津"),  # English lists the province last
    ("测试地址", None),
])
def test_the_province_of_an_address(address, province):
    found = province_in_text(address)
    assert (found.name if found else None) == province


def test_the_credit_code_names_the_province_of_registration():
    assert province_of_credit_code("91120110732826609N").name == "天津"
    assert province_of_credit_code("91340600850828605U").name == "安徽"
    assert province_of_credit_code("91990000000000000X") is None  # no such division
    assert province_of_credit_code("9112") is None


def test_from_2021_seven_regions_with_the_southwest_separate():
    regions = regions_for_year(2021)
    assert sorted(regions) == sorted(["华北", "东北", "华东", "华中", "西北", "南方", "西南"])
    assert regions["西南"] == {"四川", "重庆", "西藏"}
    assert regions["华中"] == {"河南", "湖北", "湖南", "江西"}
    every = set().union(*regions.values())
    assert every == {p.name for p in PROVINCES}  # each province is on some grid


def test_in_2012_six_regions_and_sichuan_in_central_china():
    regions = regions_for_year(2012)
    assert "西南" not in regions and len(regions) == 6
    assert {"四川", "重庆"} <= regions["华中"]
    assert grid_regions_of("西藏", 2012) == []


def test_inner_mongolia_belongs_to_north_and_northeast():
    assert grid_regions_of("内蒙古", 2022) == ["华北", "东北"]
    assert grid_regions_of("河北", 2022) == ["华北"]


@pytest.mark.parametrize(("region", "year", "inside", "outside"), [
    ("华北区域电网", 2021, "河北", "辽宁"),
    ("东北区域电网", 2021, "辽宁", "河北"),
    ("华中区域电网", 2012, "四川", "广东"),
    ("华中区域电网", 2022, "湖北", "四川"),
    ("河北", 2022, "河北", "天津"),
])
def test_what_a_factor_region_covers(region, year, inside, outside):
    covered = coverage(region, year)
    assert inside in covered.provinces and outside not in covered.provinces and not covered.national


def test_national_unknown_and_missing_regions():
    assert coverage("全国", 2022).national and coverage("中国", None).national
    assert coverage("西南区域电网", 2012) is None  # no such region in 2012
    assert coverage("欧洲", 2022) is None and coverage(None, 2022) is None
    # Without a year a province fits either division: Sichuan is central (2012) or southwest (2021+).
    assert "四川" in coverage("华中区域电网", None).provinces
