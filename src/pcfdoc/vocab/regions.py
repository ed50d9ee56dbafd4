"""China's provinces and the grid regions that electricity factors are published for.

A grid factor only fits a site on its grid. This module finds the province of a
site (from its address, or from the administrative-division digits of the
unified social credit code) and the provinces a factor's region covers, under
the regional division in use for the factor's year.

Regional membership (status: unverified, stated as the factor documents are
commonly described; the member lists themselves were not retrieved):

* From 2021 (MEE/NBS electricity CO2 factors): seven regions; 西南 (Sichuan,
  Chongqing, Tibet) is separate from 华中.
* 2012 and earlier years (NDRC regional grid factors): six regions, no 西南;
  Sichuan and Chongqing belong to 华中 and Tibet to none.
* Inner Mongolia is split between 华北 (west) and 东北 (east) in both, so either
  region fits a site there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Province:
    code: str  # first two digits of the administrative division code (GB/T 2260)
    name: str  # short Chinese name, as grid factors name it: 河北
    name_en: str


PROVINCES: tuple[Province, ...] = tuple(
    Province(code, name, name_en) for code, name, name_en in (
        ("11", "北京", "Beijing"), ("12", "天津", "Tianjin"), ("13", "河北", "Hebei"),
        ("14", "山西", "Shanxi"), ("15", "内蒙古", "Inner Mongolia"), ("21", "辽宁", "Liaoning"),
        ("22", "吉林", "Jilin"), ("23", "黑龙江", "Heilongjiang"), ("31", "上海", "Shanghai"),
        ("32", "江苏", "Jiangsu"), ("33", "浙江", "Zhejiang"), ("34", "安徽", "Anhui"),
        ("35", "福建", "Fujian"), ("36", "江西", "Jiangxi"), ("37", "山东", "Shandong"),
        ("41", "河南", "Henan"), ("42", "湖北", "Hubei"), ("43", "湖南", "Hunan"),
        ("44", "广东", "Guangdong"), ("45", "广西", "Guangxi"), ("46", "海南", "Hainan"),
        ("50", "重庆", "Chongqing"), ("51", "四川", "Sichuan"), ("52", "贵州", "Guizhou"),
        ("53", "云南", "Yunnan"), ("54", "西藏", "Tibet"), ("61", "陕西", "Shaanxi"),
        ("62", "甘肃", "Gansu"), ("63", "青海", "Qinghai"), ("64", "宁夏", "Ningxia"),
        ("65", "新疆", "Xinjiang"),
    )
)
_BY_NAME = {province.name: province for province in PROVINCES}
_BY_CODE = {province.code: province for province in PROVINCES}

#: Grid regions from 2021 on (seven regions).
_SEVEN_REGIONS: dict[str, frozenset[str]] = {
    "华北": frozenset({"北京", "天津", "河北", "山西", "山东", "内蒙古"}),
    "东北": frozenset({"辽宁", "吉林", "黑龙江", "内蒙古"}),
    "华东": frozenset({"上海", "江苏", "浙江", "安徽", "福建"}),
    "华中": frozenset({"河南", "湖北", "湖南", "江西"}),
    "西北": frozenset({"陕西", "甘肃", "青海", "宁夏", "新疆"}),
    "南方": frozenset({"广东", "广西", "云南", "贵州", "海南"}),
    "西南": frozenset({"四川", "重庆", "西藏"}),
}
#: Grid regions of the NDRC factors (2012 and before): six regions, Sichuan and Chongqing in 华中.
_SIX_REGIONS: dict[str, frozenset[str]] = {
    **{name: members for name, members in _SEVEN_REGIONS.items() if name not in ("华中", "西南")},
    "华中": frozenset({"河南", "湖北", "湖南", "江西", "四川", "重庆"}),
}
#: The first factor year published under the seven-region division.
SEVEN_REGIONS_FROM = 2021
_NATIONAL = ("全国", "中国")


def regions_for_year(year: int | None) -> dict[str, frozenset[str]]:
    """The regional division of a factor year; without a year, a province fits either division."""
    if year is None:
        return {name: _SEVEN_REGIONS.get(name, frozenset()) | _SIX_REGIONS.get(name, frozenset())
                for name in _SEVEN_REGIONS}
    return _SEVEN_REGIONS if year >= SEVEN_REGIONS_FROM else _SIX_REGIONS


def province_in_text(text: str) -> Province | None:
    """The province an address names: in Chinese the first named ('上海市长宁区江苏路' → 上海), in
    English, which lists the street first, the last ('1 Hebei Road, Tianjin' → 天津); None if none."""
    chinese = [(at, p) for p in PROVINCES if (at := text.find(p.name)) >= 0]
    if chinese:
        return min(chinese, key=lambda item: item[0])[1]
    english = [(match.start(), p) for p in PROVINCES
               for match in re.finditer(rf"\b{re.escape(p.name_en)}\b", text, re.IGNORECASE)]
    return max(english, key=lambda item: item[0])[1] if english else None


def province_of_credit_code(code: str) -> Province | None:
    """The province of registration: characters 3–8 of a credit code are its division code."""
    return _BY_CODE.get(code[2:4]) if len(code) == 18 else None


@dataclass(frozen=True)
class Coverage:
    """What a factor's region covers: the whole country, or these provinces."""

    label: str  # as the factor names it: 华北区域电网, 河北
    provinces: frozenset[str]
    national: bool = False


@lru_cache(maxsize=1024)  # asked for every electricity factor a spec uses and the library's alike
def coverage(region: str | None, year: int | None) -> Coverage | None:
    """The provinces a factor's region covers in its year; None when the region is not one pcfdoc knows."""
    if not region:
        return None
    text = region.strip()
    if text in _NATIONAL:
        return Coverage(text, frozenset(_BY_NAME), national=True)
    for name, members in regions_for_year(year).items():
        if name in text:
            return Coverage(text, members)
    province = province_in_text(text)
    return Coverage(text, frozenset({province.name})) if province else None


def grid_regions_of(province: str, year: int | None) -> list[str]:
    """The grid regions a province belongs to in a factor year (two for Inner Mongolia, none for Tibet
    before 2021)."""
    return [name for name, members in regions_for_year(year).items() if province in members]
