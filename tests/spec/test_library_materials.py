"""Materials, water and freight from GB/T 51366-2019 (Tables D.0.1 and E.0.1), as two independent
third-party transcriptions give them; each record checked for value, unit, source, year and scope."""

import pytest

from pcfdoc.spec.library import shipped, shipped_by_id

# (id, name in the table, kg CO2e per unit, unit) — Table D.0.1, building materials.
MATERIALS = [
    ("cn-material-pig-iron-steelmaking", "炼钢生铁", 1700, "kgCO2e/t"),
    ("cn-material-pig-iron-foundry", "铸造生铁", 2280, "kgCO2e/t"),
    ("cn-material-ferroalloy", "炼钢用铁合金（市场平均）", 9530, "kgCO2e/t"),
    ("cn-material-steel-bof", "转炉碳钢", 1990, "kgCO2e/t"),
    ("cn-material-steel-eaf", "电炉碳钢", 3030, "kgCO2e/t"),
    ("cn-material-steel-average", "普通碳钢（市场平均）", 2050, "kgCO2e/t"),
    ("cn-material-steel-small-section", "热轧碳钢小型型钢", 2310, "kgCO2e/t"),
    ("cn-material-steel-plate", "热轧碳钢中厚板", 2400, "kgCO2e/t"),
    ("cn-material-steel-h-beam", "热轧碳钢H钢", 2350, "kgCO2e/t"),
    ("cn-material-steel-wide-strip", "热轧碳钢宽带钢", 2310, "kgCO2e/t"),
    ("cn-material-steel-rebar", "热轧碳钢钢筋", 2340, "kgCO2e/t"),
    ("cn-material-steel-wire-rod", "热轧碳钢高线材", 2375, "kgCO2e/t"),
    ("cn-material-steel-bar", "热轧碳钢棒材", 2340, "kgCO2e/t"),
    ("cn-material-steel-pipe-spiral", "螺旋埋弧焊管", 2520, "kgCO2e/t"),
    ("cn-material-steel-pipe-lsaw", "大口径埋弧焊直缝钢管", 2430, "kgCO2e/t"),
    ("cn-material-steel-pipe-welded", "焊接直缝钢管", 2530, "kgCO2e/t"),
    ("cn-material-steel-pipe-seamless", "热轧碳钢无缝钢管", 3150, "kgCO2e/t"),
    ("cn-material-steel-pipe-cold-drawn", "冷轧冷拔碳钢无缝钢管", 3680, "kgCO2e/t"),
    ("cn-material-steel-coil-hot-dip-galvanised", "碳钢热镀锌板卷", 3110, "kgCO2e/t"),
    ("cn-material-steel-coil-electro-galvanised", "碳钢电镀锌板卷", 3020, "kgCO2e/t"),
    ("cn-material-steel-coil-tinplate", "碳钢电镀锡板卷", 2870, "kgCO2e/t"),
    ("cn-material-steel-coil-pickled", "酸洗板卷", 1730, "kgCO2e/t"),
    ("cn-material-steel-coil-cold-rolled", "冷轧碳钢板卷", 2530, "kgCO2e/t"),
    ("cn-material-steel-coil-cold-hard", "冷硬碳钢板卷", 2410, "kgCO2e/t"),
    ("cn-material-aluminium-primary", "电解铝（全国平均电网电力）", 20300, "kgCO2e/t"),
    ("cn-material-aluminium-sheet", "铝板带", 28500, "kgCO2e/t"),
    ("cn-material-flat-glass", "平板玻璃", 1130, "kgCO2e/t"),
    ("cn-material-cement", "普通硅酸盐水泥（市场平均）", 735, "kgCO2e/t"),
    ("cn-material-quicklime", "石灰（市场平均）", 1190, "kgCO2e/t"),
    ("cn-material-slaked-lime", "消石灰（熟石灰、氢氧化钙）", 747, "kgCO2e/t"),
    ("cn-material-concrete-c30", "C30混凝土", 295, "kgCO2e/m3"),
    ("cn-material-concrete-c50", "C50混凝土", 385, "kgCO2e/m3"),
    ("cn-material-pvc", "聚氯乙烯", 7300, "kgCO2e/t"),
    ("cn-material-hdpe", "高密度聚乙烯（HDPE）", 2620, "kgCO2e/t"),
    ("cn-material-ldpe", "低密度聚乙烯（LDPE）", 2810, "kgCO2e/t"),
    ("cn-material-lldpe", "线性低密度聚乙烯（LLDPE）", 1990, "kgCO2e/t"),
    ("cn-material-ps", "普通聚苯乙烯（PS）", 4620, "kgCO2e/t"),
    ("cn-material-eps-board", "聚苯乙烯泡沫板", 5020, "kgCO2e/t"),
    ("cn-material-pu-board", "硬泡聚氨酯板", 5220, "kgCO2e/t"),
    ("cn-material-ppr-pipe", "无规共聚聚丙烯管（PPR）", 3.72, "kgCO2e/kg"),
    ("cn-material-pe-pipe", "聚乙烯管", 3.60, "kgCO2e/kg"),
    ("cn-material-pvc-u-pipe", "硬聚氯乙烯管", 7.93, "kgCO2e/kg"),
    ("cn-material-rock-wool-board", "岩棉板", 1980, "kgCO2e/t"),
    ("cn-water-tap", "自来水", 0.168, "kgCO2e/t"),
]
# Table E.0.1, transport, kg CO2e per t·km — rows new with issue 18.
FREIGHT = [
    ("cn-freight-road-light-gasoline-2t", "轻型汽油货车运输（载重2t）", 0.334),
    ("cn-freight-road-medium-gasoline-8t", "中型汽油货车运输（载重8t）", 0.115),
    ("cn-freight-road-heavy-gasoline-10t", "重型汽油货车运输（载重10t）", 0.104),
    ("cn-freight-road-heavy-gasoline-18t", "重型汽油货车运输（载重18t）", 0.104),
    ("cn-freight-rail-electric", "电力机车运输", 0.010),
    ("cn-freight-rail-diesel", "内燃机车运输", 0.011),
    ("cn-freight-water-tanker-2000t", "液货船运输（载重2000t）", 0.019),
    ("cn-freight-water-dry-bulk-2500t", "干散货船运输（载重2500t）", 0.015),
    ("cn-freight-water-container-200teu", "集装箱船运输（载重200TEU）", 0.012),
]
# Table E.0.1 rows shipped before issue 18, now confirmed by the same transcriptions.
FREIGHT_CONFIRMED = {
    "cn-freight-road-light-diesel-2t": 0.286, "cn-freight-road-medium-diesel-8t": 0.179,
    "cn-freight-road-heavy-diesel-10t": 0.162, "cn-freight-road-heavy-diesel-18t": 0.129,
    "cn-freight-road-heavy-diesel-30t": 0.078, "cn-freight-road-heavy-diesel-46t": 0.057,
    "cn-freight-rail-gbt51366": 0.010,
}


def test_issue_18_adds_at_least_25_material_water_and_transport_factors():
    assert len(MATERIALS) + len(FREIGHT) >= 25
    shipped_ids = {e.factor.id for e in shipped() if e.factor.kind in ("material", "water")
                   or e.factor.id in {f[0] for f in FREIGHT}}
    assert shipped_ids >= {row[0] for row in MATERIALS + FREIGHT}


@pytest.mark.parametrize(("factor_id", "name", "value", "unit"), MATERIALS)
def test_material_and_water_factors(factor_id, name, value, unit):
    factor = shipped_by_id()[factor_id].factor
    assert (factor.name, factor.value, factor.unit, factor.gas) == (name, value, unit, "CO2e")
    assert factor.source == "GB/T 51366-2019《建筑碳排放计算标准》附录D 表D.0.1"
    assert (factor.year, factor.scope, factor.region, factor.status) == (
        2019, "cradle-to-gate", "中国", "third-party")
    assert factor.kind == ("water" if factor_id == "cn-water-tap" else "material")
    assert "两份独立的第三方转录" in factor.note


@pytest.mark.parametrize(("factor_id", "name", "value"), FREIGHT)
def test_new_freight_factors(factor_id, name, value):
    factor = shipped_by_id()[factor_id].factor
    assert (factor.name, factor.value, factor.unit) == (name, value, "kgCO2e/(t*km)")
    assert factor.source == "GB/T 51366-2019《建筑碳排放计算标准》附录E 表E.0.1"
    assert (factor.year, factor.kind, factor.scope, factor.status) == (
        2019, "freight", "transport", "third-party")


@pytest.mark.parametrize(("factor_id", "value"), FREIGHT_CONFIRMED.items())
def test_confirmed_freight_rows_are_no_longer_unverified(factor_id, value):
    factor = shipped_by_id()[factor_id].factor
    assert (factor.value, factor.status, factor.year) == (value, "third-party", 2019)
    assert "附录E 表E.0.1" in factor.source and "凭记忆" not in factor.source
