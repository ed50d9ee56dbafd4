"""Every ISO 14067 disclosure reaches the report (issue 16): the valve-actuator example meets every
applicable checklist item, and each one's text is read back from its built report, in Chinese and in
English; the checklist names where in the report each met item is printed."""
# ruff: noqa: E501  (the report's Chinese sentences, asserted whole, read better unbroken)

from __future__ import annotations

import re

import pytest
import tomli_w

from pcfdoc import pipeline
from pcfdoc.check.checklist import SECTIONS, checklist
from pcfdoc.render.docx import default_template, render_report

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.docx_reading import all_text, open_report, row_starting, rows, table_after

VALVE = EXAMPLES / "valve-actuator.toml"


def built(path, language: str | None = None):
    calculated = pipeline.calc(path, language=language)
    language = calculated.valid.spec.report.language
    return calculated, open_report(render_report(calculated.valid, calculated.results,
                                                 default_template(language)))


@pytest.fixture(scope="module")
def valve_zh():
    return built(VALVE)


@pytest.fixture(scope="module")
def valve_en():
    return built(VALVE, "en")


def paragraphs(document) -> list[str]:
    return [paragraph.text.strip() for paragraph in document.paragraphs]


def paragraph_after(document, heading: str) -> list[str]:
    """The paragraphs from a heading up to the next heading of any level."""
    found, out = False, []
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            if found:
                break
            found = paragraph.text.strip() == heading
        elif found and paragraph.text.strip():
            out.append(paragraph.text.strip())
    assert found, heading
    return out


def test_the_valve_actuator_meets_every_applicable_item_and_says_where(valve_zh):
    calculated, _ = valve_zh
    items = checklist(calculated.valid.spec, calculated.results)
    assert [item.number for item in items if item.status == "not-applicable"] == [15]  # no use, no end of life
    assert all(item.status == "met" and item.report for item in items if item.number != 15)
    where = {item.number: item.report for item in items}
    assert where[3] == where[21] == "3.2 功能单位与基准流"
    assert where[5] == "3.3 系统边界；4 数据收集"
    assert where[14] == "3.7 数据来源与数据质量要求"
    assert where[22] == "3.6 影响类别与特征化方法"
    assert where[24] == "5 碳足迹计算（不确定性分析、敏感性分析）"
    assert where[26] == "3.8 鉴定性评审与核查"
    assert where[27] == "修订记录"


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_every_section_the_checklist_names_is_a_heading_of_the_report(language, valve_zh, valve_en):
    """The checklist's section names are the report's own: each is a heading of the built report (the
    numbers of chapter 3 included, which Word's heading numbering prints)."""
    calculated, document = valve_zh if language == "zh-CN" else valve_en
    numbered = _numbered_headings(document)
    names = {key: name[language] for key, name in SECTIONS.items() if key != "cover"}
    missing = [name for name in names.values() if name not in numbered]
    assert missing == []
    items = checklist(calculated.valid.spec, calculated.results)
    assert items[25].report == {"zh-CN": "3.8 鉴定性评审与核查", "en": "3.8 Critical review and verification"}[language]


def _numbered_headings(document) -> set[str]:
    """Each heading as printed: '3.2 功能单位与基准流' (levels 1 and 2 numbered as Word numbers them),
    and its bare title for unnumbered headings and chapter 5's sections."""
    counters = [0, 0]
    out = set()
    for paragraph in document.paragraphs:
        style, title = paragraph.style.name, paragraph.text.strip()
        if style == "Heading 1":
            out.add(title)  # the information page, summary and appendices are not numbered
            if not re.match(r"^(附录|Appendix) ", title) and title not in ("基本信息", "Report information",
                                                                        "摘要", "Summary"):
                counters = [counters[0] + 1, 0]
                out.add(f"{counters[0]} {title}")
        elif style == "Heading 2":
            out.add(title)
            if title not in ("签署", "Sign-off", "修订记录", "Revision history"):
                counters[1] += 1
                out.add(f"{counters[0]}.{counters[1]} {title}")
    return out


def test_the_chinese_valve_report_states_each_disclosure(valve_zh):
    _, document = valve_zh
    text = all_text(document)
    # 3: functional unit and reference flow; 21: carbon content
    assert paragraph_after(document, "功能单位与基准流") == [
        "阀门驱动装置的功能单位为“1 台阀门驱动装置”，碳足迹结果以 kgCO₂e/台 表示。每个功能单位对应的产品质量为 50 kg。"
        "基准流为 1 台完整的阀门驱动装置（含电机，不含包装），其质量按物料清单估算。",
        "一个功能单位的阀门驱动装置含化石碳 1.2 kg。该数值未经测定，按物料清单估算：灰铁铸件含碳约 3.3%（约 0.67 kg），"
        "润滑脂约 0.53 kg；产品不含生物碳。",
    ]
    # 4: the comparison disclaimer
    assert ("本报告的结果只适用于所述的功能单位、系统边界和数据时间范围，不用于与其他产品作比较，也不构成比较性声明。"
            "不同研究的功能单位、系统边界、数据来源和计算方法各不相同，其结果不能直接比较。") in paragraphs(document)
    # 5: the boundary named for what it holds, a partial CFP, each stage left out with its reason
    boundary = paragraph_after(document, "系统边界")
    assert boundary[0].startswith("本次评价的系统边界为“从摇篮到大门，并包括成品运输”，即从原材料获取开始，到产品离开工厂为止，"
                                  "并计入产品运至客户的运输。")
    assert "按 ISO 14067 的定义，本报告的结果为部分产品碳足迹。" in boundary[0]
    assert "系统边界为“从摇篮到大门，并包括成品运输”（部分产品碳足迹），包括原材料获取" in text  # the summary
    assert "未纳入评价的生命周期阶段及其原因：" in boundary
    assert ("（1）产品使用阶段：驱动装置使用时的耗电取决于所配阀门的规格、启闭频次和运行年限，由用户的工况决定，"
            "企业无法取得这些数据；本次评价按企业对企业（B2B）产品进行，不计入使用阶段。") in boundary
    assert ("（2）生命末期处置阶段：产品在用户处报废，处置方式和地点无从得知；本次评价按企业对企业（B2B）产品进行，"
            "不计入。") in boundary
    # 23: packaging
    assert "阀门驱动装置的包装未计入碳足迹：企业的物料记录中没有包装材料及其用量。" in boundary
    # 10: no product rules apply
    assert "该产品没有适用的产品类别规则（PCR）或行业指南，本次评价未采用此类规则。" in paragraphs(document)
    # 22: offsets
    assert paragraph_after(document, "影响类别与特征化方法")[-1] == (
        "碳足迹结果不包含碳抵消：企业取得或持有的碳信用等抵消量均未从排放中扣除。")
    # 14: electricity modelling: the factor used, and what it covers
    electricity = [p for p in paragraph_after(document, "数据来源与数据质量要求") if p.startswith("外购电力")]
    assert electricity == [
        "外购电力的排放按华北区域电网平均二氧化碳排放因子（2012年）计算。该因子只计发电所用燃料燃烧排放的二氧化碳，"
        "不含燃料开采、加工和运输等上游排放，也不含甲烷和氧化亚氮，其来源也未说明是否计入输配电损耗。因子的年份比"
        "数据时间范围早 10 年，是报告编制时已公布的最新区域电网平均排放因子；电力排放因子变化对结果的影响见第 5 章的"
        "敏感性分析。"]
    # 26: no critical review, no verification
    assert paragraph_after(document, "鉴定性评审与核查") == [
        "本研究未进行鉴定性评审，也未经第三方核查。报告经评价机构内部技术复核后签发。"]
    # 25: value choices with their reasons
    limits = paragraph_after(document, "假设与局限性")
    assert limits[limits.index("本次评价所作的价值选择及其理由如下：") + 1].startswith(
        "（1）生产用电采用工厂所在华北区域电网的平均排放因子（2012 年），以反映工厂实际供电的电网")
    # 11: a proxy factor names what it stands in for
    sources = table_after(document, "排放因子来源")
    assert row_starting(sources, "2")[1:] == [
        "铝合金铸件（近似物料）",
        "中国产品全生命周期温室气体排放系数库（CPCD）\n取值类型：近似替代，以相近物料或过程的因子代替铝合金铸件"]
    # 27: the report's own versions
    assert row_starting(table_headed(document, "版本", "日期", "修订人", "修订说明"), "A/0") == ["A/0", "2023年7月14日", "王某", "首次发布"]
    # nothing of the author's working notes about the report the example is modelled on
    assert "原报告" not in text


def table_headed(document, *head: str):
    """The table whose first row is ``head`` (the revision history has no caption)."""
    return next(table for table in document.tables if rows(table)[0] == list(head))


def test_the_english_valve_report_states_each_disclosure(valve_en):
    _, document = valve_en
    fu = paragraph_after(document, "Functional unit and reference flow")
    assert fu[0].endswith("The reference flow is one complete valve actuator, motor included and packaging "
                          "excluded; its mass is estimated from the bill of materials.")
    assert fu[1].startswith("One functional unit of the valve actuator contains 1.2 kg of fossil carbon. The value "
                            "was not measured")
    boundary = paragraph_after(document, "System boundary")
    assert boundary[0].startswith("The system boundary is cradle-to-gate, including product delivery: from the "
                                  "acquisition of raw materials")
    assert "the result is a partial carbon footprint as defined in ISO 14067." in boundary[0]
    assert "Life cycle stages left out of the assessment, and why:" in boundary
    assert any(p.startswith("(2) End of life: The product is scrapped at the user's site") for p in boundary)
    assert ("The packaging of the valve actuator is not included in the carbon footprint: the company's material "
            "records list no packaging materials or amounts.") in boundary
    assert paragraph_after(document, "Impact category and characterisation method")[-1].startswith(
        "The carbon footprint contains no offsets:")
    assert any(p.startswith("Emissions from purchased electricity are calculated with this emission factor: North "
                            "China regional grid average CO2 emission factor 2012. This factor counts only")
               for p in paragraph_after(document, "Data sources and data quality requirements"))
    assert paragraph_after(document, "Critical review and verification") == [
        "The study has been neither critically reviewed nor verified by a third party. The report was issued after "
        "the assessment body's internal technical review."]
    assert ("No product category rules (PCR) or sector guidance apply to this product, so none were used in this "
            "assessment.") in paragraphs(document)
    assert "The value choices made in this assessment, and the reasons for them:" in paragraph_after(
        document, "Assumptions and limitations")
    sources = table_after(document, "Emission factor sources")
    assert row_starting(sources, "2")[2].endswith(
        "Type of value: proxy, the factor of a similar material or process standing in for aluminium alloy castings")


def test_a_verified_cradle_to_grave_study_with_packaging_and_product_rules(write_spec):
    """The other forms of each disclosure: a verification, counted packaging with its emission, product
    rules, offsets held, use and end-of-life scenarios, a stage inside the boundary without lines."""
    calculated, document = built(FIXTURES / "every-field.toml")
    text = all_text(document)
    review = paragraph_after(document, "鉴定性评审与核查")
    assert review == ["本报告由某认证机构依据ISO 14064-3:2019进行了核查，核查于2024年2月28日完成。有限保证等级。"]
    assert "本次评价的系统边界为“从摇篮到坟墓”，" in text and "部分产品碳足迹" not in text
    assert "本次评价还遵循以下产品类别规则或行业指南：测试产品类别规则。" in text
    assert "碳足迹结果不包含碳抵消：企业取得或持有的碳信用等抵消量均未从排放中扣除。企业持有的碳信用未计入。" in text
    boundary = paragraph_after(document, "系统边界")
    assert "使用阶段情景：使用 10 年，每年用电 1 kWh。" in boundary
    assert "生命末期处置情景：报废后全部填埋。" in boundary
    assert "产品甲的包装计入碳足迹，包括包装纸箱，排放量合计 0.50 kgCO₂e/台。纸箱包装。" in boundary
    # the use stage is inside the boundary without lines: its reason is printed under it in chapter 4
    assert "本阶段在系统边界内，但没有需要计入的排放源：不适用（测试）。" in text
    assert "一个功能单位的产品甲含化石碳 0.5 kg、生物碳 0.1 kg。按材料含碳量估算。" in text


def test_a_comparative_study_and_no_value_choices(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["comparative"] = True
    data["notes"]["value_choices"] = []
    _, document = built(write_spec(tomli_w.dumps(data)))
    text = paragraphs(document)
    assert ("本报告的结果拟用于与其他产品比较。这种比较只在功能单位、系统边界、产品类别规则和数据质量要求都一致的研究之间"
            "成立。") in text
    assert "本次评价没有作出需要说明的价值选择。" in text
    del data["report"]["comparative"], data["notes"]["value_choices"], data["method"]["product_rules"]
    _, document = built(write_spec(tomli_w.dumps(data)))
    text = paragraphs(document)
    # unsaid: the general validity sentence, and no value-choice or product-rule sentence at all
    assert "本报告的结果只适用于所述的功能单位、系统边界和数据时间范围，不宜直接用于不同研究之间的产品比较。" in text
    assert not any("价值选择" in p or "产品类别规则" in p for p in text)
