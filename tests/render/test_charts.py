import warnings

from pcfdoc.catalogue import STAGES
from pcfdoc.render import charts

PNG = b"\x89PNG\r\n\x1a\n"


def test_chinese_labels_draw_without_missing_glyphs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        png = charts.stage_chart(["raw_material", "production"], [3.0, 1.0],
                                 ["原材料获取  3.00 kgCO₂e/台  75.00%", "产品生产  1.00 kgCO₂e/台  25.00%"])
        bars = charts.contributor_chart(["灰铁铸件", "生产用电"], [3.0, 1.0],
                                        ["3.00（75.00%）", "1.00（25.00%）"], ["raw_material", "production"],
                                        "kgCO₂e/台")
        names = {stage.id: stage.name("zh-CN") for stage in STAGES}
        boundary = charts.boundary_chart(["raw_material", "production"], names, "不纳入",
                                         "系统边界（从摇篮到大门）")
    for image in (png, bars, boundary):
        assert image.startswith(PNG) and len(image) > 5000


def test_charts_are_byte_for_byte_reproducible():
    args = (["production"], [1.0], ["产品生产"])
    assert charts.stage_chart(*args) == charts.stage_chart(*args)


def test_an_empty_product_still_draws():
    assert charts.stage_chart(["production"], [0.0], ["产品生产  0.00  0.00%"]).startswith(PNG)


HISTOGRAM = ([360.0, 380.0, 400.0, 420.0, 440.0], [120, 4800, 4700, 380],
             [("p2_5", 379.3, "2.5% 分位数 379.32"), ("p50", 401.99, "50% 分位数 401.99"),
              ("p97_5", 426.4, "97.5% 分位数 426.42"), ("deterministic", 401.95, "确定值 401.95")],
             "碳足迹（kgCO₂e/台）", "频数")
TORNADO = (["电机（活动数据）", "灰铁铸件（排放因子）"], [368.72, 397.81], [435.18, 406.09], 401.95,
           ["368.72", "397.81"], ["435.18", "406.09"], ("参数减少 10%", "参数增加 10%"),
           "碳足迹（kgCO₂e/台）")


def test_histogram_and_tornado_draw_chinese_and_are_reproducible():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        histogram = charts.histogram_chart(*HISTOGRAM)
        tornado = charts.tornado_chart(*TORNADO)
    for image in (histogram, tornado):
        assert image.startswith(PNG) and len(image) > 5000
    assert charts.histogram_chart(*HISTOGRAM) == histogram
    assert charts.tornado_chart(*TORNADO) == tornado
    assert charts.histogram_chart(HISTOGRAM[0], [1, 1, 1, 1], *HISTOGRAM[2:]) != histogram


def test_degenerate_analysis_charts_still_draw():
    # nothing emitted: every draw is 0, numpy puts them in one bin around 0
    assert charts.histogram_chart([-0.5, 0.0, 0.5], [0, 100], [("deterministic", 0.0, "确定值 0.00")],
                                  "碳足迹", "频数").startswith(PNG)
    # a removal: lowering it raises the total
    assert charts.tornado_chart(["木材碳储存"], [-9.0], [-11.0], -10.0, ["-9.00"], ["-11.00"],
                                ("参数减少 10%", "参数增加 10%"), "碳足迹").startswith(PNG)
