"""The render context: names and figures formatted once, sentences left to the template."""

import pytest

from pcfdoc import pipeline
from pcfdoc.render.context import report_context, report_title, true_minus
from pcfdoc.vocab.catalogue import STAGE_IDS

from conftest import EXAMPLES, FIXTURES, fixture_data


def context_of(path):
    calculated = pipeline.calc(path)
    return report_context(calculated.valid, calculated.results, lambda figure: figure)


def test_title_does_not_repeat_the_word_product():
    spec = pipeline.check(EXAMPLES / "mining-machinery.toml").spec
    assert report_title(spec) == "矿山机械产品碳足迹评价报告"
    spec = pipeline.check(EXAMPLES / "valve-actuator.toml").spec
    assert report_title(spec) == "阀门驱动装置产品碳足迹评价报告"


def test_result_unit_follows_the_functional_unit():
    products = {p["id"]: p for p in context_of(FIXTURES / "two-products.toml")["products"]}
    assert products["a"]["per_label"] == "kgCO₂e/台"
    assert products["b"]["per_label"] == "kgCO₂e/t"
    battery = context_of(EXAMPLES / "battery-cells.toml")["products"][0]
    assert (battery["per_label"], battery["total"]) == ("tCO₂e/MWh", "51.62")
    mining = context_of(EXAMPLES / "mining-machinery.toml")["products"][0]
    basis = (mining["per_label"], mining["total"], mining["inventory_basis"], mining["inventory_scale"])
    assert basis == ("tCO₂e/t", "1.017", "1 kg", "1,000")


@pytest.mark.parametrize(
    ("boundary", "stages_text", "excluded_text"),
    [
        ({"type": "gate-to-gate", "stages": ["production"]}, "产品生产",
         "原材料获取、原材料运输、产品分销、产品使用、生命末期处置"),
        ({"type": "cradle-to-grave",
          "stages": ["raw_material", "production", "use", "end_of_life"]},
         "原材料获取、产品生产、产品使用、生命末期处置", "原材料运输、产品分销"),
    ],
)
def test_boundary_texts_are_derived_from_the_stages(write_spec, boundary, stages_text, excluded_text):
    data = fixture_data("minimal.toml")
    data["boundary"] = boundary
    if boundary["type"] == "gate-to-gate":
        data["products"][0]["inventory"] = data["products"][0]["inventory"][1:]
        data["factors"] = data["factors"][1:]
    context = context_of(write_spec(data))["boundary"]
    assert (context["stages_text"], context["excluded_text"]) == (stages_text, excluded_text)
    assert context["type"] == boundary["type"]
    assert context["diagram"].included == tuple(s for s in STAGE_IDS if s in boundary["stages"])


def test_hotspots_and_shares_agree_with_the_calculation_table():
    product = context_of(EXAMPLES / "valve-actuator.toml")["products"][0]
    calc_shares = {line["name"]: line["share"] for stage in product["stages"] for line in stage["lines"]}
    assert [(h["name"], h["share"]) for h in product["hotspots"]] == [
        ("电机", "82.68"), ("灰铁铸件", "10.30"), ("生产用电", "3.04"), ("铝合金铸件", "1.10"),
        ("棒料", "1.04")]
    for hotspot in product["hotspots"]:
        assert calc_shares[hotspot["name"]] == hotspot["share"]
    assert product["top"]["name"] == "电机"
    assert product["top_stage"] == {"name": "原材料获取", "share": "96.03"}


def test_expected_reductions_are_stated_when_the_spec_gives_them(write_spec):
    data = fixture_data("minimal.toml")
    data["improvements"] = [{"title": "绿电", "description": "采购绿色电力。", "targets": ["electricity"],
                             "expected_reduction_pct": 40}]
    improvements = context_of(write_spec(data))["improvements"]
    assert improvements["measures"] == [{"no": 1, "title": "绿电", "description": "采购绿色电力。"}]
    (table,) = improvements["tables"]
    assert (table["product"], table["per_label"], table["result_unit"]) == ("部件", "kgCO₂e/台", "kgCO₂e")
    assert table["rows"] == [{
        "no": 1, "title": "绿电", "targets": "电力", "share": "55.56",
        "reduction": "10.00", "reduction_share": "22.22", "basis": "预计降低 40%",
    }]
    assert table["largest"]["title"] == "绿电"


def test_empty_optional_facts_are_left_out_and_every_duty_has_a_row():
    context = context_of(FIXTURES / "two-products.toml")
    assert context["company"]["credit_code"] == ""  # the template leaves the row out
    assert context["company"]["contact"] == {"name": "联系人", "phone": None, "email": None}
    rows = context["signoff"]["rows"]
    assert [(row["duty"], row["name"]) for row in rows] == [("编制", "编制人"), ("审核", ""), ("批准", "")]
    # nothing is placed (this test's image() returns what it is given): room to sign by hand
    assert [row["signature"] for row in rows] == [None, "", ""]  # the second and third: nobody named
    assert (context["signoff"]["seal_label"], context["signoff"]["seal"]) == ("评价机构（盖章）", None)


def test_improvement_shares_are_those_printed_in_the_tables():
    context = context_of(EXAMPLES / "valve-actuator.toml")
    product = context["products"][0]
    table_share = {line["name"]: line["share"] for stage in product["stages"] for line in stage["lines"]}
    table_share.update({stage["name"] + "阶段": stage["share"] for stage in product["stages"]})
    (table,) = context["improvements"]["tables"]
    assert [(row["targets"], row["share"]) for row in table["rows"]] == [
        ("原材料获取阶段、电机、灰铁铸件", "96.03"), ("灰铁铸件、铝合金铸件", "11.40"), ("生产用电", "3.04")]
    assert table_share["生产用电"] == "3.04"
    assert [row["basis"] for row in table["rows"]] == ["未量化", "情景“铸件减重 10%”", "情景“生产节电 15%”"]
    assert [(row["reduction"], row["reduction_share"]) for row in table["rows"]] == [
        ("", ""), ("4.66", "1.16"), ("1.83", "0.46")]
    assert table["largest"]["title"] == "推进产品生态设计"


def test_a_measure_whose_scenario_raises_the_emission_says_so(write_spec):
    import dataclasses

    data = fixture_data("minimal.toml")
    data["scenarios"] = [{"id": "more", "name": "增加用电", "changes": [{"line": "electricity",
                                                                      "amount_change_pct": 20}]}]
    data["improvements"] = [{"title": "改造", "description": "设备改造。", "targets": ["electricity"],
                             "scenario": "more"}]
    calculated = pipeline.calc(write_spec(data))
    results = calculated.results
    (item,) = results.improvements
    assert (item.scenario, item.expected_reduction_kgco2e) == ("more", pytest.approx(-5.0))
    (table,) = report_context(calculated.valid, results, lambda figure: None)["improvements"]["tables"]
    (row,) = table["rows"]
    # A negative reduction is an increase, in the product's decimals like every result, written
    # with the true minus sign as every negative figure of a report.
    assert (row["basis"], row["reduction"], row["reduction_share"]) == ("情景“增加用电”", "−5.00", "−11.11")
    assert table["largest"] is None  # the text names only a measure that saves something
    # a scenario that cuts reads as a reduction
    cut = dataclasses.replace(item, expected_reduction_kgco2e=5.0, expected_reduction_share=5 / 45,
                              expected_reduction_of_targets=0.2)
    results = dataclasses.replace(results, improvements=(cut,))
    (table,) = report_context(calculated.valid, results, lambda figure: None)["improvements"]["tables"]
    assert (table["rows"][0]["reduction"], table["rows"][0]["reduction_share"]) == ("5.00", "11.11")
    assert table["largest"]["title"] == "改造"


def test_the_running_title_keeps_to_two_lines_of_the_page_header():
    from pcfdoc.render.context import running_title

    assert running_title("阀门驱动装置产品碳足迹评价报告") == "阀门驱动装置产品碳足迹评价报告"
    long = "某某" * 40 + "产品碳足迹评价报告"
    assert running_title(long) == "某" * 57 + "…"  # 58 ems with the ellipsis: two lines of its cell
    english = "Product Carbon Footprint Report: " + "very long product name " * 6
    assert running_title(english).endswith("…") and len(running_title(english)) == 105
    report = context_of(EXAMPLES / "valve-actuator.toml")["report"]
    assert report["running_title"] == report["title"]


def test_references_print_as_written_so_title_marks_are_never_doubled(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["other_references"] = ["《GB/T 2589-2020 综合能耗计算通则》",
                                          "GB/T 26119-2010《绿色制造》"]
    report = context_of(write_spec(data))["report"]
    assert report["other_references_text"] == (
        "《GB/T 2589-2020 综合能耗计算通则》、GB/T 26119-2010《绿色制造》")


def test_equipment_of_unknown_quantity_is_listed_with_an_empty_cell(write_spec):
    data = fixture_data("minimal.toml")
    data["company"]["equipment"] = [{"name": "空压机", "quantity": 2}, {"name": "行车"}]
    equipment = context_of(write_spec(data))["company"]["equipment"]
    assert [(e["name"], e["quantity"]) for e in equipment] == [("空压机", 2), ("行车", "")]


def test_model_and_supplier_from_the_data_collection_form_reach_the_activity_table(write_spec):
    data = fixture_data("minimal.toml")
    steel = data["products"][0]["inventory"][0]
    steel.update(model="Q235B", supplier="某钢铁公司", supplier_location="河北省唐山市", source="BOM")
    data["products"][0]["inventory"][1].update(supplier_location="国网天津")
    stages = context_of(write_spec(data))["products"][0]["stages"]
    rows = [(row["name"], row["source"]) for stage in stages for row in stage["inventory"]]
    assert rows == [("钢材（Q235B）", "BOM；供应商：某钢铁公司（河北省唐山市）"),
                    ("电力", "meter；供应商：国网天津")]


def test_a_measure_on_one_stage_prints_the_share_the_stage_table_prints():
    """Mining's raw material stage is 1.335 % of the footprint: the stage table, rounded to add up to
    100, prints 1.33, and so must the improvement table (it printed 1.34)."""
    context = context_of(EXAMPLES / "mining-machinery.toml")
    (product,) = context["products"]
    stage = next(stage for stage in product["stages"] if stage["id"] == "raw_material")
    assert stage["share"] == "1.33"
    (table,) = context["improvements"]["tables"]
    by_title = {row["title"]: row for row in table["rows"]}
    assert by_title["提高原辅材料利用率"]["share"] == by_title["推行产品生态设计"]["share"] == "1.33"
    # several targets: their exact sum, formatted once
    results = pipeline.calc(EXAMPLES / "mining-machinery.toml").results
    several = next(item for item in results.improvements if len(item.targets) > 1)
    row = table["rows"][[r["no"] for r in table["rows"]].index(several.index + 1)]
    assert row["share"] == f"{several.target_share * 100:.2f}"


def test_every_negative_figure_has_the_true_minus_sign():
    context = context_of(EXAMPLES / "valve-actuator.toml")
    rows = {row["name"]: row for row in context["products"][0]["scenarios"]["rows"]}
    assert (rows["铸件减重 10%"]["change"], rows["铸件减重 10%"]["change_pct"]) == ("−4.66", "−1.16")
    assert true_minus({"a": ["-1,234.50", "-0.5%", "-x", "a-1", "基准 -5"]}) == {
        "a": ["−1,234.50", "−0.5%", "-x", "a-1", "基准 -5"]}  # figures only, never a name
