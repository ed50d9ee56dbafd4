"""The render context: names and figures formatted once, sentences left to the template."""

import pytest

from pcfdoc import pipeline
from pcfdoc.render.context import report_context, report_title
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
    assert (battery["per_label"], battery["total"]) == ("tCO₂e/MWh", "47.44")
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
    (measure,) = context_of(write_spec(data))["improvements"]
    assert measure["several"] is False
    assert measure["uses"] == [{
        "product": "部件", "targets": [{"name": "电力", "stage": False, "share": "55.56"}],
        "emission": "25.00 kgCO₂e/台", "share": "55.56", "scenario": None, "increase": False,
        "reduction_pct": "40",
        "reduction": "10.00 kgCO₂e/台", "reduction_share": "22.22",
    }]


def test_company_and_people_placeholders():
    context = context_of(FIXTURES / "two-products.toml")
    assert context["company"]["credit_code"] == "—"
    assert context["company"]["contact"] == {"name": "联系人", "phone": None, "email": None}
    assert context["report"]["prepared"] == "编制人"
    assert context["report"]["approved"] == "—"


def test_improvement_targets_cite_the_shares_printed_in_the_tables():
    context = context_of(EXAMPLES / "valve-actuator.toml")
    product = context["products"][0]
    table_share = {line["name"]: line["share"] for stage in product["stages"] for line in stage["lines"]}
    for measure in context["improvements"]:
        for target in measure["uses"][0]["targets"]:
            if not target["stage"]:
                assert target["share"] == table_share[target["name"]]


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
    (measure,) = report_context(calculated.valid, results, lambda figure: None)["improvements"]
    use = measure["uses"][0]
    assert (use["scenario"], use["increase"]) == ("增加用电", True)
    assert (use["reduction_pct"], use["reduction"]) == ("20.00", "5.000 kgCO₂e/台")
    assert use["reduction_share"] == "11.11"
    # a scenario that cuts reads as a reduction
    cut = dataclasses.replace(item, expected_reduction_kgco2e=5.0, expected_reduction_share=5 / 45,
                              expected_reduction_of_targets=0.2)
    results = dataclasses.replace(results, improvements=(cut,))
    use = report_context(calculated.valid, results, lambda figure: None)["improvements"][0]["uses"][0]
    assert (use["increase"], use["reduction_pct"], use["reduction"]) == (False, "20.00", "5.000 kgCO₂e/台")


def test_the_running_title_keeps_to_two_lines_of_the_page_header():
    from pcfdoc.render.context import running_title

    assert running_title("阀门驱动装置产品碳足迹评价报告") == "阀门驱动装置产品碳足迹评价报告"
    long = "某某" * 40 + "产品碳足迹评价报告"
    assert running_title(long) == "某" * 57 + "…"  # 58 ems with the ellipsis: two lines of its cell
    english = "Product Carbon Footprint Report: " + "very long product name " * 6
    assert running_title(english).endswith("…") and len(running_title(english)) == 105
    report = context_of(EXAMPLES / "valve-actuator.toml")["report"]
    assert report["running_title"] == report["title"]


def test_references_already_in_title_marks_are_not_wrapped_twice(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["other_references"] = ["《GB/T 2589-2020 综合能耗计算通则》", "GB/T 26119-2010 绿色制造"]
    report = context_of(write_spec(data))["report"]
    assert report["other_references_text"] == (
        "《GB/T 2589-2020 综合能耗计算通则》、《GB/T 26119-2010 绿色制造》")


def test_equipment_of_unknown_quantity_is_listed_without_a_number(write_spec):
    data = fixture_data("minimal.toml")
    data["company"]["equipment"] = [{"name": "空压机", "quantity": 2}, {"name": "行车"}]
    equipment = context_of(write_spec(data))["company"]["equipment"]
    assert [(e["name"], e["quantity"]) for e in equipment] == [("空压机", 2), ("行车", "—")]


def test_model_and_supplier_from_the_data_collection_form_reach_the_activity_table(write_spec):
    data = fixture_data("minimal.toml")
    steel = data["products"][0]["inventory"][0]
    steel.update(model="Q235B", supplier="某钢铁公司", supplier_location="河北省唐山市", source="BOM")
    data["products"][0]["inventory"][1].update(supplier_location="国网天津")
    stages = context_of(write_spec(data))["products"][0]["stages"]
    rows = [(row["name"], row["source"]) for stage in stages for row in stage["inventory"]]
    assert rows == [("钢材（Q235B）", "BOM；供应商：某钢铁公司（河北省唐山市）"),
                    ("电力", "meter；供应商：国网天津")]
