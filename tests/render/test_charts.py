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
