"""The analysis part of the render context, on results built by hand where a case needs it."""

import dataclasses

import pytest

from pcfdoc import pipeline
from pcfdoc.calc.results import (
    Cutoff,
    CutoffLine,
    DataQuality,
    GhgSplit,
    LineQuality,
    ScenarioResult,
    Sensitivity,
    Spread,
    Uncertainty,
    VarianceShare,
)
from pcfdoc.formatting import in_unit, result_decimals
from pcfdoc.render.analysis import SENSITIVITY_COUNT, product_analysis, report_analysis
from pcfdoc.render.chartxml import Fonts
from pcfdoc.render.labels import ZH
from pcfdoc.render.quality import VARIANCE_COUNT

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.docx_reading import series_of


def calculated(path):
    result = pipeline.calc(path)
    return result.valid.spec, result.results


def images():
    """An image stub that keeps the charts it was given."""
    taken = []

    def image(figure):
        taken.append(figure)
        return ("image", len(taken) - 1)

    return image, taken


def analysis_of(spec, product, image=None):
    """The analysis view with the decimals the report gives the product (report.precision's default)."""
    total = in_unit(product.total_kgco2e, product.result_unit)
    return product_analysis(spec, product, ZH, image or images()[0], "kgCO₂e/台", result_decimals(total))


@pytest.fixture(scope="module")
def minimal():
    """部件: steel 20 kg CO2e (raw material) + electricity 25 kg CO2 (production) = 45."""
    return calculated(FIXTURES / "minimal.toml")


# -- cut-off ----------------------------------------------------------------------------------


def test_cutoff_rows_mark_unknown_masses_and_what_was_excluded(minimal):
    spec, results = minimal
    cut = Cutoff(
        lines=(CutoffLine("screws", "螺钉", "raw_material", 0.004, 0.5, 0.0109, False),
               CutoffLine("label", "标签", "raw_material", None, 0.00002, 0.0000004, True),
               CutoffLine("paint", "油漆", "production", 0.02, 1.2, 0.026, True)),
        excluded_mass_share=0.02, excluded_emission_share=0.02604, excluded_kgco2e=1.20002)
    view = analysis_of(spec, dataclasses.replace(results.products[0], cutoff=cut))["cutoff"]
    assert [list(row.values()) for row in view["rows"]] == [
        # emissions in the product's decimals (two, for a 45 kg total), as every other result
        ["螺钉", "原材料获取", "0.40", "0.50", "1.09", "计入"],
        ["标签", "原材料获取", "—", "<0.01", "<0.01", "剔除"],
        ["油漆", "产品生产", "2.00", "1.20", "2.60", "剔除"],
    ]
    assert view["excluded"] and view["excluded_names"] == "标签、油漆"
    assert view["mass_share"] == "2.00"
    assert (view["emission"], view["emission_share"]) == ("1.20 kgCO₂e/台", "2.60")
    assert view["within"] is True  # 2 % and 2.6 % against the default 5 % limit


def test_cutoff_over_the_total_limit_and_without_masses(minimal):
    spec, results = minimal
    cut = Cutoff(lines=(CutoffLine("glue", "胶粘剂", "production", None, 3.0, 0.0625, True),),
                 excluded_mass_share=0.0, excluded_emission_share=0.0625, excluded_kgco2e=3.0,
                 within_limit=False)
    view = analysis_of(spec, dataclasses.replace(results.products[0], cutoff=cut))["cutoff"]
    assert view["mass_share"] is None  # no excluded line has a known mass
    assert (view["emission_share"], view["within"]) == ("6.25", False)


def test_no_cutoff_rows_no_table(minimal):
    spec, results = minimal
    assert analysis_of(spec, results.products[0])["cutoff"]["rows"] == []


# -- ISO 14067 split --------------------------------------------------------------------------


def test_ghg_split_rows_by_stage_with_the_calculated_totals(minimal):
    spec, results = minimal
    product = dataclasses.replace(results.products[0], ghg_breakdown=(
        GhgSplit("total", 40.0, 4.5, 0.5, 0.0),
        GhgSplit("raw_material", 15.0, 4.5, 0.5, 0.0),
        GhgSplit("production", 25.0, 0.0, 0.0, 0.0),
    ))
    ghg = analysis_of(spec, product)["ghg"]
    assert ghg["rows"] == [
        {"name": "原材料获取", "amounts": ["15.00", "4.50", "0.50", "0.00"], "total": "20.00"},
        {"name": "产品生产", "amounts": ["25.00", "0.00", "0.00", "0.00"], "total": "25.00"},
    ]
    assert ghg["total"] == {"name": "", "amounts": ["40.00", "4.50", "0.50", "0.00"], "total": "45.00"}


def test_ghg_split_in_tonnes_for_a_product_reported_in_t():
    spec, results = calculated(EXAMPLES / "battery-cells.toml")
    product = results.products[0]
    ghg = analysis_of(spec, product)["ghg"]
    assert ghg["total"]["total"] == "51.62"  # tCO2e/MWh, as the result tables
    assert [row["name"] for row in ghg["rows"]] == [stage.name for stage in product.stages]


# -- data quality -----------------------------------------------------------------------------


def test_quality_rows_mark_default_and_derived_scores(minimal):
    spec, results = minimal
    product = results.products[0]
    steel, power = product.lines
    lines = (
        dataclasses.replace(steel, quality=LineQuality((1, 2, 3, 1, 2), ("given",) * 5, 1.8, 1.2, False,
                                                       1.05)),
        dataclasses.replace(power, quality=LineQuality(
            (2, 2, 1, 1, 1), ("default", "default", "derived", "default", "given"), 1.4, 1.1, False, 1.05)),
    )
    quality = DataQuality(dqr=1.5777, level="very-good", primary_share=1.0,
                          pact_dqr={"technological": 1.4444, "geographical": 1.0, "temporal": None},
                          defaulted_lines=("electricity",))
    view = analysis_of(spec, dataclasses.replace(product, lines=lines, data_quality=quality))["quality"]
    assert view["rows"] == [
        {"no": 1, "name": "钢材", "scores": ["1", "2", "3", "1", "2"], "dqr": "1.8",
         "data_type": "初级数据"},
        {"no": 2, "name": "电力", "scores": ["2*", "2*", "1†", "1*", "1"], "dqr": "1.4",
         "data_type": "初级数据"},
    ]
    assert (view["has_default"], view["has_derived"]) == (True, True)
    assert (view["dqr"], view["level"]) == ("1.58", "很好")
    assert view["pact"] == {"technological": "1.44", "geographical": "1.00", "temporal": "—"}


def test_a_product_without_emissions_has_no_rating(minimal):
    spec, results = minimal
    nothing = {"technological": None, "geographical": None, "temporal": None}
    quality = DataQuality(None, None, 0.0, nothing, ())
    view = analysis_of(spec, dataclasses.replace(results.products[0], data_quality=quality))["quality"]
    assert (view["dqr"], view["level"]) == (None, None)


def test_the_calculated_quality_reaches_the_view(minimal):
    spec, results = minimal
    view = analysis_of(spec, results.products[0])["quality"]
    assert len(view["rows"]) == 2 and view["level"] in ZH["quality_level"].values()


# -- uncertainty ------------------------------------------------------------------------------


def uncertainty_of(product, variance):
    return Uncertainty(
        iterations=20000, seed=42,
        total=Spread("total", 46.0, 30.0, 45.1, 70.0),
        stages=(Spread("raw_material", 20.5, 12.0, 20.1, 33.0), Spread("production", 25.5, 18.0, 25.0, 37.0)),
        histogram_edges=(20.0, 40.0, 60.0, 80.0), histogram_counts=(5000, 12000, 3000),
        variance=variance)


def test_uncertainty_table_in_the_result_unit_with_the_deterministic_values(minimal):
    spec, results = minimal
    variance = tuple(VarianceShare("steel" if i % 2 else "electricity", f"项{i}", share)
                     for i, share in enumerate((0.5, 0.2, 0.1, 0.08, 0.06, 0.04, 0.00001)))
    product = results.products[0]
    power = product.lines[1]
    power = dataclasses.replace(power, quality=dataclasses.replace(power.quality, gsd=1.1))
    product = dataclasses.replace(product, lines=(product.lines[0], power),
                                  uncertainty=uncertainty_of(product, variance))
    image, taken = images()
    view = analysis_of(spec, product, image)["uncertainty"]
    assert view["iterations"] == "20,000"
    assert "seed" not in view  # software talk: the report says the simulation is reproducible
    assert view["rows"] == [
        {"name": "原材料获取", "value": "20.00", "mean": "20.50", "p50": "20.10", "p2_5": "12.00",
         "p97_5": "33.00"},
        {"name": "产品生产", "value": "25.00", "mean": "25.50", "p50": "25.00", "p2_5": "18.00",
         "p97_5": "37.00"},
    ]
    assert view["total"] == {"name": None, "value": "45.00", "mean": "46.00", "p50": "45.10", "p2_5": "30.00",
                             "p97_5": "70.00"}
    assert len(view["variance"]) == VARIANCE_COUNT
    assert view["variance"][0] == {"rank": 1, "name": "项0", "stage": "产品生产", "gsd": "1.10",
                                   "share": "50.00"}
    assert view["histogram"] == ("image", 0)
    # the histogram's bins: their centres (30, 50, 70) lie within the interval, its ends included
    inside, tails, median, total = series_of(taken[0].part(Fonts()))
    assert (inside["values"], tails["values"]) == ([5000, 12000, 3000], [None, None, None])
    assert (inside["name"], tails["name"]) == ("2.5%～97.5% 分位数：30.00～70.00", "此区间以外")
    # a marker line each, both through the middle bin
    assert (median["labels"], total["labels"]) == ({1: ["50% 分位数 45.10"]}, {1: ["确定值 45.00"]})


def test_uncertainty_of_a_product_in_tonnes_is_converted():
    spec, results = calculated(EXAMPLES / "mining-machinery.toml")
    product = results.products[0]
    view = analysis_of(spec, product)["uncertainty"]
    assert view["total"]["value"] == "1.017"  # tCO2e/t, the same figure as the result tables
    assert float(view["total"]["p2_5"]) < 1.017 < float(view["total"]["p97_5"])


# -- sensitivity ------------------------------------------------------------------------------


def test_sensitivity_keeps_the_ten_largest_nonzero_swings(minimal):
    spec, results = minimal
    rows = [Sensitivity(f"p{i}", "line" if i % 2 else "factor", f"参数{i}", 45.0 - i * 0.1, 45.0 + i * 0.1,
                        swing_share=i * 0.2 / 45.0)
            for i in range(14, 0, -1)]
    rows.append(Sensitivity("zero", "line", "零排放", 45.0, 45.0))
    image, taken = images()
    view = analysis_of(spec, dataclasses.replace(results.products[0], sensitivity=tuple(rows)), image)
    sensitivity = view["sensitivity"]
    assert len(sensitivity["rows"]) == SENSITIVITY_COUNT
    assert sensitivity["rows"][0] == {"name": "参数14", "kind": "排放因子", "low": "43.60", "high": "46.40",
                                      "swing": "6.22"}  # 2.8 of 45
    assert sensitivity["rows"][1]["kind"] == "活动数据"
    assert "零排放" not in [row["name"] for row in sensitivity["rows"]]
    assert sensitivity["baseline"] == "45.00"
    low, high = series_of(taken[-1].part(Fonts()))
    assert low["values"] == [45.0 - i * 0.1 for i in range(14, 4, -1)]
    assert high["values"] == [45.0 + i * 0.1 for i in range(14, 4, -1)]
    assert low["categories"][:2] == ["参数14\n（排放因子）", "参数13\n（活动数据）"]
    assert [label for (label,) in high["labels"].values()] == [row["high"] for row in sensitivity["rows"]]


def test_sensitivity_without_swings_has_no_chart(minimal):
    spec, results = minimal
    view = analysis_of(spec, dataclasses.replace(results.products[0], sensitivity=()))["sensitivity"]
    assert view == {"rows": [], "chart": None}


# -- scenarios --------------------------------------------------------------------------------


def test_scenarios_side_by_side_with_the_baseline_first(write_spec):
    data = fixture_data("minimal.toml")
    data["scenarios"] = [{"id": "green", "name": "绿电", "description": "全部使用绿色电力。",
                          "changes": [{"line": "electricity", "amount": 0}]}]
    spec, results = calculated(write_spec(data))
    product = dataclasses.replace(results.products[0], scenarios=(
        ScenarioResult("green", "绿电", 22.5, -22.5, -0.5, ()),
        ScenarioResult("more", "扩产", 45.9, 0.9, 0.02, ()),
    ))
    view = analysis_of(spec, product)["scenarios"]
    assert view["rows"] == [
        {"name": "基准情景", "total": "45.00", "change": "—", "change_pct": "—"},
        {"name": "绿电", "total": "22.50", "change": "-22.50", "change_pct": "-50.00"},
        {"name": "扩产", "total": "45.90", "change": "+0.90", "change_pct": "+2.00"},
    ]
    assert view["descriptions"] == [{"name": "绿电", "description": "全部使用绿色电力。"},
                                    {"name": "扩产", "description": ""}]


def test_no_scenarios_no_rows(minimal):
    spec, results = minimal
    assert analysis_of(spec, results.products[0])["scenarios"] == {"rows": [], "descriptions": []}


# -- report-wide settings ---------------------------------------------------------------------


def test_default_scores_are_stated_from_the_spec_then_pcfdoc_by_origin(write_spec):
    data = fixture_data("minimal.toml")  # steel: recorded, database factor; power: metered, literature
    data["data_quality"] = {"primary": {"reliability": 1}, "secondary": {"technological": 4}}
    data["uncertainty"] = {"iterations": 20000, "seed": 123456789012, "sensitivity_pct": 5}
    spec, results = calculated(write_spec(data))
    analysis = report_analysis(spec, results.products, ZH)
    # the author's defaults as stated (both lines are primary: the secondary one is used by none,
    # and is still what the author said); then pcfdoc's for what they leave open, by origin: reliability
    # came from the stated 1, so the activity rows give completeness only
    assert analysis["defaults"] == [
        # a stated row's open time score says it is worked out from the year
        {"type": "初级数据（规定值）", "scores": ["1", "—", "按年份推算", "—", "—"]},
        {"type": "次级数据（规定值）", "scores": ["—", "—", "按年份推算", "—", "4"]},
        {"type": "活动数据：计量表读数", "scores": ["—", "2", "—", "—", "—"]},
        {"type": "活动数据：企业统计", "scores": ["—", "2", "—", "—", "—"]},
        {"type": "排放因子：数据库", "scores": ["—", "—", "—", "3", "3"]},
        {"type": "排放因子：公开文献", "scores": ["—", "—", "—", "3", "3"]},
    ]
    assert (analysis["stated_defaults"], analysis["conservative_defaults"]) == (True, True)
    assert (analysis["iterations"], analysis["step"]) == ("20,000", "5")
    assert analysis["indicators_text"] == "可靠性、完整性、时间代表性、地理代表性、技术代表性"
    assert analysis["levels_text"] == ("优秀（DQR ≤ 1.5）、很好（DQR ≤ 2）、良好（DQR ≤ 3）、"
                                       "一般（DQR ≤ 4）、较差（DQR > 4）")
    assert analysis["temporal_ages"] == ("不足 3 年为 1 分、不足 6 年为 2 分、不足 10 年为 3 分、"
                                         "不足 15 年为 4 分、15 年及以上为 5 分")
    assert analysis["has_scenarios"] is False


def test_report_knows_when_any_product_has_scenarios(analysis_spec):
    spec, results = calculated(analysis_spec)
    analysis = report_analysis(spec, results.products, ZH)
    assert analysis["has_scenarios"] is True
    assert (analysis["iterations"], analysis["step"]) == ("2,000", "20")


def test_excluded_lines_keep_their_source_and_note(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["mass_per_unit"] = {"amount": 20, "unit": "kg"}
    data["products"][0]["inventory"] += [
        {"id": "glue", "stage": "raw_material", "name": "胶", "amount": 0.01, "unit": "kg",
         "factor": "steel", "data_type": "secondary", "excluded": True, "note": "按配方估算。"},
        {"id": "tape", "stage": "raw_material", "name": "胶带", "amount": 0.01, "unit": "kg",
         "factor": "steel", "data_type": "secondary", "excluded": True},
    ]
    spec, results = calculated(write_spec(data))
    view = analysis_of(spec, results.products[0])["cutoff"]
    assert [row["name"] for row in view["rows"]] == ["胶", "胶带"]
    # the template ends the note with its own full stop; 胶带 has neither a source nor a note
    assert view["details"] == [{"name": "胶", "source": "", "note": "按配方估算"}]


def test_a_text_the_template_ends_keeps_one_full_stop():
    from pcfdoc.formatting import clause

    assert clause("按配方估算。") == "按配方估算"
    assert clause(" estimated from the recipe. ") == "estimated from the recipe"
    assert clause("Test Co., Ltd.") == "Test Co., Ltd"  # the template's own full stop follows
    assert clause(None) == ""
