"""The Word report, read back as a reviewer would read it."""

import datetime as dt
import re

import pytest

from pcfdoc.render.docx import TemplateError, default_template, render_report

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.conftest import render
from render.docx_reading import (
    all_text,
    header_text,
    headings,
    key_value,
    open_report,
    part_xml,
    row_starting,
    rows,
    table_after,
)


def test_no_template_tag_is_left(valve_report, two_products_report):
    for data in (valve_report, two_products_report):
        text = all_text(open_report(data))
        assert "{{" not in text and "{%" not in text and "}}" not in text and "%}" not in text
        for name in ("word/document.xml", "word/header1.xml"):
            assert not re.search(r"\{[{%]|[}%]\}", part_xml(data, name))


def test_chapters_in_the_standard_structure(valve_report):
    document = open_report(valve_report)
    assert headings(document, 1) == [
        "基本信息", "摘要", "产品碳足迹介绍", "企业概况", "目标与范围定义", "数据收集", "碳足迹计算",
        "结果解释", "改进建议", "结语", "附录 A 排放因子来源", "附录 B 数据库与参考资料", "附录 C 评价人员",
    ]
    level2 = headings(document, 2)
    for expected in ("企业简介", "主要生产设备", "系统边界", "分配原则", "取舍准则", "阀门驱动装置的活动数据",
                     "排放因子", "阀门驱动装置的计算结果", "数据质量评价", "不确定性分析", "评价结论",
                     "加强绿色供应商管理"):
        assert expected in level2
    # the spec names the distribution stage 成品运输 for display; its id stays distribution
    assert headings(document, 3) == ["原材料获取", "原材料运输", "产品生产", "成品运输", "全年总量的折算"]


def test_information_table_carries_names_and_the_total(valve_report):
    document = open_report(valve_report)
    info = key_value(document.tables[0])
    assert info["委托单位"] == "天津百利三通机械有限公司"
    assert "受评价企业" not in info  # the company commissioned the study itself
    assert info["统一社会信用代码"] == "91120110732826609N"
    assert info["报告编号"] == "TJSY-CFP-2023-001"
    assert info["功能单位"] == "1 台阀门驱动装置"
    assert info["数据时间范围"] == "2022年1月1日至2022年12月31日"
    assert info["评价结论"] == "阀门驱动装置：401.95 kgCO₂e/台"
    assert info["系统边界"] == ("从摇篮到大门，并包括成品运输（部分产品碳足迹）："
                               "原材料获取、原材料运输、产品生产、成品运输")
    assert info["法定代表人"] == "刘某" and info["联系人及联系方式"] == "陈某，电话 022-2639 1275"
    assert "注册资本" not in info  # not given: the row is left out, never a dash
    assert "—" not in "".join(info.values())
    signoff = rows(document.tables[1])
    assert signoff[0] == ["职责", "姓名", "角色", "证书编号", "签名", "日期"]
    assert signoff[1:] == [
        ["编制", "王某", "评价组组长", "GHG-V-2021-0318", "", "2023年7月10日"],
        ["编制", "李某", "评价员", "GHG-V-2022-0457", "", "2023年7月10日"],
        ["审核", "张某", "技术复核", "GHG-V-2019-0126", "", "2023年7月12日"],
        ["批准", "赵某", "技术负责人", "", "", "2023年7月14日"],
    ]
    assert rows(document.tables[2]) == [["评价机构（盖章）", ""]]  # room for the seal
    assert rows(document.tables[3]) == [["版本", "日期", "修订人", "修订说明"],
                                        ["A/0", "2023年7月14日", "王某", "首次发布"]]


def test_conclusion_states_the_total_in_the_functional_unit(valve_report):
    text = all_text(open_report(valve_report))
    assert "阀门驱动装置的碳足迹为 401.95 kgCO₂e/台。排放主要来自原材料获取阶段，占 96.03%" in text
    assert "经核算，阀门驱动装置的碳足迹为 401.95 kgCO₂e/台。" in text


def test_calculation_table_shows_activity_times_factor_equals_emission(valve_report):
    table = table_after(open_report(valve_report), "阀门驱动装置碳足迹计算表")
    # a unit never breaks: it has a line of its own under its heading
    assert rows(table)[0] == ["序号", "排放源", "活动数据", "单位", "排放因子", "因子单位",
                              "排放量\n（kgCO₂e/台）", "占比\n（%）"]
    assert row_starting(table, "", "原材料获取")[6:] == ["386.00", "96.03"]
    assert row_starting(table, "13", "生产用电") == [
        "13", "生产用电", "13.8005", "kWh", "0.8843", "kgCO₂/kWh", "12.20", "3.04"]
    # 0.186 % shows as 0.18: plain rounding would make the column add up to 100.01 (largest remainder)
    row = row_starting(table, "8", "灰铁铸件运输")
    assert row[2:] == ["10.1", "t·km", "0.074", "kgCO₂e/(t·km)", "0.75", "0.18"]
    # a share too small to show reads as the emission does, never '0.00' beside '<0.01'
    assert row_starting(table, "12", "锂基脂润滑油运输")[6:] == ["<0.01", "<0.01"]
    assert row_starting(table, "", "合计")[6:] == ["401.95", "100.00"]
    shares = [0.0 if row[7].startswith("<") else float(row[7]) for row in rows(table)[1:] if row[0]]
    assert sum(shares) == pytest.approx(100.0, abs=1e-9)


def test_stage_table_shares_add_up_to_exactly_100(valve_report):
    table = table_after(open_report(valve_report), "阀门驱动装置各生命周期阶段的碳排放")
    body = rows(table)[1:-1]
    assert [row[0] for row in body] == ["原材料获取", "原材料运输", "产品生产", "成品运输"]
    assert [row[2] for row in body] == ["96.03", "0.30", "3.04", "0.63"]
    assert rows(table)[-1] == ["合计", "401.95", "100.00"]


def test_allocation_basis_is_printed(valve_report):
    document = open_report(valve_report)
    table = table_after(document, "阀门驱动装置全年总量的折算")
    assert rows(table)[1] == ["生产用电", "225,500 kWh", "100.00", "16,340 台", "13.8005 kWh"]
    assert "除以阀门驱动装置的产量（16,340 台）" in all_text(document)


def test_factor_tables_cite_sources_as_a_reader_expects(valve_report):
    document = open_report(valve_report)
    table = table_after(document, "排放因子")
    assert len(rows(table)) == 1 + 8
    assert rows(table)[0] == ["序号", "名称", "数值", "单位", "年份", "适用地区"]
    assert row_starting(table, "1") == ["1", "灰铁铸件", "2.05", "tCO₂e/t", "", "中国"]  # no year: left blank
    assert row_starting(table, "8") == [
        "8", "华北区域电网平均二氧化碳排放因子（2012年）", "0.8843", "kgCO₂/kWh", "2012", "华北区域电网"]
    sources = table_after(document, "排放因子来源")
    assert rows(sources)[0] == ["序号", "名称", "来源"]
    assert row_starting(sources, "8")[2].startswith("国家发展改革委应对气候变化司")
    # The library's ids, its status words and the tool's name stay out of the report.
    text = all_text(document)
    for internal in ("pcfdoc", "cn-grid-2012-north", "未核实", "第三方转录", "项目提供", "已核实"):
        assert internal not in text


def test_a_value_taken_second_hand_says_where_it_was_read():
    sources = table_after(open_report(render(FIXTURES / "every-field.toml")), "排放因子来源")
    assert row_starting(sources, "1")[1:] == ["钢材",
                                              "测试来源；数值转引自测试转引文献\n取值类型：供应商特定"]


def test_derived_and_several_gas_factors_are_explained():
    document = open_report(render(FIXTURES / "every-field.toml"))
    factors = table_after(document, "排放因子")
    boiler = [row for row in rows(factors) if row[1] == "锅炉柴油燃烧（分气体）"][0]
    assert boiler[2:4] == ["CO₂ 74,100；CH₄ 3；N₂O 0.6", "kg/TJ"]
    sources = table_after(document, "排放因子来源")
    coal = [row for row in rows(sources) if row[1].startswith("烟煤燃烧")][0]
    assert coal[1] == "烟煤燃烧"  # a Chinese report does not print the English name
    assert coal[2] == ("测试来源：缺省值推算\n取值类型：公开文献\n计算方法：低位发热量 23.204 GJ/t × "
                       "单位热值含碳量 26.18 tC/TJ × 碳氧化率 93% × 44/12 = 2.072 tCO₂/t")
    calc = table_after(document, "产品甲碳足迹计算表")
    boiler_line = [row for row in rows(calc) if row[1] == "锅炉柴油"][0]
    assert boiler_line[2:6] == ["0.5", "GJ", "74,343", "kgCO₂e/TJ"]


def test_gwp_values_used_are_printed(valve_report):
    table = table_after(open_report(valve_report), "全球变暖潜势（GWP100）")
    assert rows(table)[1:] == [["二氧化碳", "CO₂", "1"], ["甲烷", "CH₄", "27.9"], ["氧化亚氮", "N₂O", "273"]]


def test_boundary_text_follows_the_boundary(valve_report):
    document = open_report(valve_report)
    text = all_text(document)
    assert "即从原材料获取开始，到产品离开工厂为止，并计入产品运至客户的运输" in text
    assert "产品使用、生命末期处置不在本次评价范围内" in text
    table = table_after(document, "各生命周期阶段包含和未包含的过程")
    assert row_starting(table, "产品使用")[1] == "不纳入"
    assert row_starting(table, "产品生产")[1:4] == [
        "纳入", "生产用电", "外协热处理和喷漆、生产废物（废金属碎料、废切削液、废乳化液）和清洗废水的处理"]
    assert row_starting(table, "产品使用")[1:4] == ["不纳入", "", "本阶段全部过程"]  # it says why below


def test_improvements_are_summed_up_in_one_table_not_one_sentence_frame_each(valve_report):
    document = open_report(valve_report)
    table = table_after(document, "改进措施及预计效果")
    assert rows(table) == [
        ["序号", "改进措施", "作用对象", "占比\n（%）", "预计减排量\n（kgCO₂e/台）", "减排占比\n（%）",
         "测算依据"],
        ["1", "加强绿色供应商管理", "原材料获取阶段、电机、灰铁铸件", "96.03", "", "", "未量化"],
        ["2", "推进产品生态设计", "灰铁铸件、铝合金铸件", "11.40", "4.66", "1.16", "情景“铸件减重 10%”"],
        ["3", "加强生产节能管理", "生产用电", "3.04", "1.83", "0.46", "情景“生产节电 15%”"],
    ]
    text = all_text(document)
    assert ("在已量化的措施中，“推进产品生态设计”的减排潜力最大，预计可减少 4.66 kgCO₂e/台，"
            "相当于产品碳足迹的 1.16%。") in text
    assert "所针对的排放为" not in text


def test_captions_are_numbered_per_chapter(valve_report):
    captions = [p.text for p in open_report(valve_report).paragraphs if p.style.name == "Caption"]
    chapter5 = [c for c in captions if c.startswith("表 5-")]
    assert chapter5[:3] == ["表 5-1 阀门驱动装置碳足迹计算表", "表 5-2 阀门驱动装置各生命周期阶段的碳排放",
                            "表 5-3 阀门驱动装置的主要排放源"]
    assert "图 5-1 阀门驱动装置各生命周期阶段的碳排放占比" in captions
    # chapter 2: the plant's layout, the product, the derived process flow, then the first table
    assert captions[:4] == ["图 2-1 厂区平面布置示意", "图 2-2 阀门驱动装置外形示意",
                            "图 2-3 天津百利三通机械有限公司生产工艺流程", "表 2-1 主要生产设备"]
    assert "SEQ 表5 \\* ARABIC" in part_xml(valve_report, "word/document.xml")


def test_word_conventions(valve_report):
    document = open_report(valve_report)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert '<w:updateFields w:val="true"/>' in part_xml(valve_report, "word/settings.xml")
    styles = part_xml(valve_report, "word/styles.xml")
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles
    assert header_text(section) == "TJSY-CFP-2023-001 阀门驱动装置产品碳足迹评价报告"
    assert "PAGE" in part_xml(valve_report, "word/footer1.xml") or "PAGE" in part_xml(
        valve_report, "word/footer2.xml")
    document_xml = part_xml(valve_report, "word/document.xml")
    assert document_xml.count("<w:tblHeader/>") >= 10
    assert 'TOC \\o "1-3"' in document_xml
    # pictures only where the spec gives them (the product and the plant); stage shares,
    # contributors, Monte Carlo histogram and tornado are native charts, the boundary a table
    assert document_xml.count("<pic:pic") == 2
    assert document_xml.count("<c:chart ") == 4
    # the boundary named for what it holds: distribution (成品运输) is past the factory gate
    assert document_xml.count("系统边界（从摇篮到大门，并包括成品运输）") == 1


def test_numbers_are_right_aligned_in_tables(valve_report):
    table = table_after(open_report(valve_report), "阀门驱动装置碳足迹计算表")
    line = table.rows[2]
    assert line.cells[6].paragraphs[0].style.name == "Table Number"
    assert line.cells[1].paragraphs[0].style.name == "Table Text"


def test_core_properties_come_from_the_spec(valve_report):
    properties = open_report(valve_report).core_properties
    assert properties.title == "阀门驱动装置产品碳足迹评价报告"
    assert properties.author == "天津双云科技发展有限公司"
    assert properties.keywords == "TJSY-CFP-2023-001"
    assert properties.created == dt.datetime(2023, 7, 14, tzinfo=dt.UTC)


def test_same_spec_gives_the_same_bytes(valve_report):
    assert render(EXAMPLES / "valve-actuator.toml") == valve_report


def test_several_products_each_get_their_tables(two_products_report):
    document = open_report(two_products_report)
    expected = {"产品甲的活动数据", "产品乙的活动数据", "产品甲的计算结果", "产品乙的计算结果"}
    assert expected <= set(headings(document, 2))
    assert key_value(document.tables[0])["评价结论"] == "产品甲：93.42 kgCO₂e/台\n产品乙：2,700.00 kgCO₂e/t"
    stages_b = table_after(document, "产品乙各生命周期阶段的碳排放")
    assert rows(stages_b)[-1] == ["合计", "2,700.00", "100.00"]


def test_mass_allocation_table_and_annual_totals(two_products_report):
    document = open_report(two_products_report)
    allocation = table_after(document, "分配依据")
    assert rows(allocation)[1:] == [
        ["产品甲", "1,000", "台", "20,000 kg", "20.00"],
        ["产品乙", "30", "t", "30,000 kg", "30.00"],
        ["边角料", "50", "t", "50,000 kg", "50.00"],
    ]
    annual_b = table_after(document, "产品乙全年总量的折算")
    assert rows(annual_b)[1] == ["电力", "100,000 kWh", "30.00", "30 t", "1,000 kWh"]


def test_declared_values_distribution_and_gases(two_products_report):
    document = open_report(two_products_report)
    declared = table_after(document, "声明的单位排放量")
    assert rows(declared)[1] == ["产品甲", "电机", "50", "kgCO₂e/台", "供应商声明；取值类型：供应商特定"]
    destinations = table_after(document, "产品甲的销售去向")
    assert rows(destinations)[1:] == [["1", "产品运输至甲地", "60", "100", "公路", "1.2"],
                                      ["2", "产品运输至乙地", "40", "250", "公路", "2"]]
    gases_table = table_after(document, "产品甲按温室气体统计的排放")
    assert row_starting(gases_table, "甲烷（CH₄）") == ["甲烷（CH₄）", "0.1", "28", "2.80"]
    assert "改进建议" in headings(document, 1)
    assert "本次评价未提出具体的改进措施。" in all_text(document)


def test_hostile_text_reaches_the_report_literally(write_spec):
    data = fixture_data("minimal.toml")
    hostile = 'A&B <C> "D" \'E\' {{ x }} {% if y %} 😀 「中」\u200f' + "超长" * 40
    data["company"]["name"] = hostile
    data["report"]["number"] = "R&D <1> {{ n }}"
    data["products"][0]["name"] = "<部件 & {% raw %}>"
    calculated_path = write_spec(data)
    document = open_report(render(calculated_path))
    text = all_text(document)
    assert hostile in text
    assert "<部件 & {% raw %}>" in text
    assert "R&D <1> {{ n }}" in header_text(document.sections[0])


def test_template_problems_are_reported_as_user_errors(tmp_path):
    from docx import Document

    from pcfdoc import pipeline

    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    missing = tmp_path / "missing.docx"
    with pytest.raises(TemplateError, match="missing.docx: template not found"):
        render_report(calculated.valid, calculated.results, missing)
    not_docx = tmp_path / "text.docx"
    not_docx.write_text("not a zip")
    with pytest.raises(TemplateError, match="text.docx: is not a Word document \\(.docx\\): it is not a zip "
                                            "package; save the template from Word as a .docx file"):
        render_report(calculated.valid, calculated.results, not_docx)
    custom = tmp_path / "custom.docx"
    document = Document()
    document.add_paragraph("{{ company.nmae }}")
    document.save(custom)
    expected = r"custom.docx: template error in \{\{ company.nmae \}\}: .*'nmae'; fix the tag in the template"
    with pytest.raises(TemplateError, match=expected):
        render_report(calculated.valid, calculated.results, custom)


def test_a_custom_template_is_used(tmp_path):
    from docx import Document

    from pcfdoc import pipeline

    custom = tmp_path / "custom.docx"
    document = Document()
    document.add_paragraph("{{ company.name }}：{{ products[0].total }} {{ products[0].per_label }}")
    document.save(custom)
    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    text = all_text(open_report(render_report(calculated.valid, calculated.results, custom)))
    assert text.strip() == "测试公司：45.00 kgCO₂e/台"


def test_shipped_template_exists_for_every_language():
    from pcfdoc.vocab.catalogue import LANGUAGES

    for language in LANGUAGES:
        assert default_template(language).is_file()


# -- analysis sections: cut-off, ISO 14067 split, data quality, uncertainty, sensitivity, scenarios --


def test_chapter_5_analysis_headings_in_order(two_products_report, analysis_report):
    level2 = headings(open_report(two_products_report), 2)
    start = level2.index("数据质量评价")
    assert level2[start:start + 3] == ["数据质量评价", "不确定性分析", "敏感性分析"]
    assert "情景分析" not in level2  # no scenario in the fixture
    level2 = headings(open_report(analysis_report), 2)
    start = level2.index("数据质量评价")
    assert level2[start:start + 4] == ["数据质量评价", "不确定性分析", "敏感性分析", "情景分析"]


def test_cutoff_exemptions_table_and_summary(analysis_report):
    document = open_report(analysis_report)
    table = table_after(document, "部件的取舍情况")
    assert rows(table) == [
        ["名称", "所属阶段", "质量占比\n（%）", "排放量\n（kgCO₂e/台）", "占比\n（%）", "处理"],
        ["螺钉", "原材料获取", "0.60", "0.60", "0.77", "计入"],  # the product's decimals, as every result
        ["胶粘剂", "原材料获取", "0.20", "0.50", "0.64", "剔除"],
    ]
    assert ("剔除的输入（胶粘剂）合计占产品质量的 0.20%，估算排放量为 0.50 kgCO₂e/台，"
            "约占全部排放（含剔除项）的 0.64%，"
            "未超过取舍准则规定的 5% 总量限值；这部分排放未计入本报告的碳足迹结果。") in all_text(document)
    # an excluded line is in no other table: its source and note are stated under this one
    assert "剔除项胶粘剂：数据来源为估算；用量很少，按配方估算。" in all_text(document)


def test_no_exemptions_table_without_cutoff_rows(two_products_report):
    assert "取舍情况" not in all_text(open_report(two_products_report))


def test_default_pedigree_scores_are_stated(analysis_report):
    document = open_report(analysis_report)
    table = table_after(document, "未给出评分时采用的默认评分")
    # [data_quality] gives primary reliability 1 and secondary technological 4, as stated; pcfdoc's
    # conservative defaults give the rest, for activity data and factors of unstated origins (every
    # factor states its year: time is derived from it, never a default)
    assert rows(table) == [["适用情形", "可靠性", "完整性", "时间\n代表性", "地理\n代表性", "技术\n代表性"],
                           ["初级数据（规定值）", "1", "—", "按年份推算", "—", "—"],
                           ["次级数据（规定值）", "—", "—", "按年份推算", "—", "4"],
                           ["活动数据：初级数据（来源未注明）", "—", "2", "—", "—", "—"],
                           ["活动数据：次级数据（来源未注明）", "4", "4", "—", "—", "—"],
                           ["排放因子：来源未注明", "—", "—", "—", "4", "4"]]
    text = all_text(document)
    assert "每项 1～5 分，1 分最好，5 分最差" in text
    assert ("不足 3 年为 1 分、不足 6 年为 2 分、不足 10 年为 3 分、不足 15 年为 4 分、"
            "15 年及以上为 5 分") in text


def test_ghg_split_by_stage_with_the_total_row_last_in_bold(analysis_report):
    table = table_after(open_report(analysis_report), "部件的温室气体排放分类")
    assert rows(table) == [
        ["生命周期阶段", "化石", "生物源", "直接土地利用变化", "航空运输", "合计"],
        ["原材料获取", "60.60", "0.50", "0.00", "0.00", "61.10"],  # the wooden pallet is biogenic
        ["原材料运输", "1.00", "0.00", "0.00", "0.40", "1.40"],  # aluminium flies
        ["产品生产", "15.00", "0.00", "0.00", "0.00", "15.00"],
        ["合计", "76.60", "0.50", "0.00", "0.40", "77.50"],
    ]
    assert all(run.bold for cell in table.rows[-1].cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for cell in table.rows[1].cells for run in cell.paragraphs[0].runs)


def test_data_quality_table_marks_defaults_and_derived_scores(analysis_report):
    document = open_report(analysis_report)
    table = table_after(document, "部件的数据质量评分")
    assert rows(table) == [
        ["序号", "排放源", "可靠性", "完整性", "时间\n代表性", "地理\n代表性", "技术\n代表性", "DQR",
         "活动数据\n类型"],
        ["1", "钢材", "1", "2", "1", "1", "2", "1.4", "初级数据"],  # all given
        # a factor of 2015: 8 years; the stated primary reliability (*), pcfdoc's defaults for an
        # unstated activity origin and factor origin (‡)
        ["2", "铝材", "1*", "2‡", "3†", "4‡", "4‡", "2.8", "初级数据"],
        ["3", "螺钉", "4‡", "4‡", "1†", "4‡", "4*", "3.4", "次级数据"],
        ["4", "木托盘", "4‡", "4‡", "1†", "4‡", "4*", "3.4", "次级数据"],
        ["5", "钢材运输", "4‡", "4‡", "1†", "4‡", "4*", "3.4", "次级数据"],
        ["6", "铝材运输", "4‡", "4‡", "1†", "4‡", "4*", "3.4", "次级数据"],
        ["7", "电力", "1*", "2‡", "1†", "4‡", "4‡", "2.4", "初级数据"],
    ]
    text = all_text(document)
    assert ("注：未加标记的评分由数据逐项给出。带“†”的评分由排放因子推定：时间代表性按因子的参考年份推算，"
            "没有参考年份的记 5 分。带“*”的评分采用第 3 章所列、本次评价规定的默认评分。带“‡”的评分在数据中"
            "未给出，采用第 3 章所列的保守默认评分。") in text
    # no factor says where it comes from: none counts as primary data (PACT), and pcfdoc's cautious
    # defaults rate them 4 on geography and technology; lines with one of those: 20 + 0.6 + 0.5 + 1 + 0.4
    # + 15 = 37.5 of 77.5 kg
    assert ("按排放量加权，部件的数据质量评分（DQR）为 2.02，等级为“良好”。各项评分中，数据逐项给出 5 个，"
            "由排放因子推定 6 个，按规定的默认评分取值 6 个，数据未给出、采用保守默认评分 18 个；"
            "有评分采用保守默认值的排放源合计占碳足迹的 48.39%。部件的初级数据占比为 0.00%；"
            "活动数据为初级数据的排放源占碳足迹的 96.77%。按 PACT 第 3 版的数据质量评级（1～5，1 为最好），"
            "技术代表性评分为 2.97，地理代表性评分为 2.45，时间代表性评分为 1.52。") in text
    assert "数据质量说明。" in text  # notes.data_quality is kept


def test_uncertainty_method_table_histogram_and_variance(analysis_report, analysis_spec):
    from pcfdoc import pipeline

    spread = pipeline.calc(analysis_spec).results.products[0].uncertainty
    document = open_report(analysis_report)
    text = all_text(document)
    assert "如此重复 2,000 次" in text
    assert "随机数种子" not in text and "模拟结果可以复现" in text  # no software talk
    assert "σ² = Σᵢ (ln Uᵢ / 2)²，GSD = exp(σ)" in text
    # the basic uncertainties the lines drew from; any t·km line counts as transport
    assert "基本不确定性按排放源的性质取值：物料和能源输入为 1.05，运输（以周转量计的排放源）为 2。" in text
    # the electricity states its GSD; steel and screws share the steel factor's draw
    assert "数据中直接给出 GSD 的排放源，以给出的数值为其排放量的 GSD" in text
    assert "模拟中，钢材、螺钉共用“钢材生产”这一排放因子，每次取值相同。" in text
    table = table_after(document, "部件碳足迹的不确定性")
    assert rows(table)[0] == ["项目", "确定值", "平均值", "中位数", "2.5% 分位数", "97.5% 分位数"]
    assert [row[:2] for row in rows(table)[1:]] == [["原材料获取", "61.10"], ["原材料运输", "1.40"],
                                                  ["产品生产", "15.00"], ["合计", "77.50"]]
    # Monte Carlo figures as the calculation gives them, in the table and the sentence
    total = rows(table)[-1]
    assert total[2:] == [f"{v:.2f}" for v in (spread.total.mean, spread.total.p50, spread.total.p2_5,
                                              spread.total.p97_5)]
    production = rows(table)[3]
    stage = spread.stages[2]
    assert production[2:] == [f"{v:.2f}" for v in (stage.mean, stage.p50, stage.p2_5, stage.p97_5)]
    assert f"碳足迹的 95% 置信区间为 {spread.total.p2_5:.2f}～{spread.total.p97_5:.2f}" in text
    variance = table_after(document, "部件不确定性的主要来源")
    assert rows(variance)[0] == ["排名", "排放源", "所属阶段", "GSD", "方差贡献（%）"]
    assert [row[1:4] for row in rows(variance)[1:]] == [
        ["铝材", "原材料获取", "1.24"],
        ["电力", "产品生产", "1.20"],  # its GSD is stated
        ["钢材", "原材料获取", "1.04"], ["钢材运输", "原材料运输", "1.51"], ["螺钉", "原材料获取", "1.26"]]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "图 5-3 部件碳足迹的蒙特卡洛模拟分布" in captions


def test_sensitivity_tornado_and_table(analysis_report):
    document = open_report(analysis_report)
    text = all_text(document)
    assert "降低和提高 20%" in text
    assert "部件的基准结果为 77.50 kgCO₂e/台" in text
    table = table_after(document, "部件对结果影响最大的参数")
    assert rows(table) == [
        ["参数", "类型", "−20% 时结果\n（kgCO₂e/台）", "+20% 时结果\n（kgCO₂e/台）", "变化幅度\n（%）"],
        ["钢材", "活动数据", "69.30", "85.70", "21.16"],  # its road transport moves with it
        ["钢材生产", "排放因子", "69.38", "85.62", "20.95"],  # steel and screws
        ["铝材", "活动数据", "73.42", "81.58", "10.53"],
        ["铝材生产", "排放因子", "73.50", "81.50", "10.32"],
        ["电力", "活动数据或排放因子", "74.50", "80.50", "7.74"],
        ["钢材运输", "活动数据或排放因子", "77.30", "77.70", "0.52"],
        ["螺钉", "活动数据", "77.38", "77.62", "0.31"],
        ["木托盘", "活动数据或排放因子", "77.40", "77.60", "0.26"],
        ["铝材运输", "活动数据或排放因子", "77.42", "77.58", "0.21"],
    ]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "图 5-4 部件的敏感性分析" in captions


def test_scenarios_table_and_descriptions(analysis_report):
    document = open_report(analysis_report)
    table = table_after(document, "部件各情景的碳足迹")
    assert rows(table) == [
        ["情景", "碳足迹\n（kgCO₂e/台）", "与基准相比\n（kgCO₂e/台）", "与基准相比\n（%）"],
        ["基准情景", "77.50", "—", "—"],
        ["使用绿色电力", "63.10", "−14.40", "−18.58"],  # the true minus sign, U+2212
        ["钢材减重", "73.40", "−4.10", "−5.29"],
    ]
    text = all_text(document)
    assert "（1）使用绿色电力：生产用电全部采购绿色电力。" in text
    assert "（2）钢材减重：钢材用量减少 10%。" in text


def test_improvement_reduction_computed_from_a_scenario(analysis_report):
    document = open_report(analysis_report)
    table = table_after(document, "改进措施及预计效果")
    assert row_starting(table, "1")[2:] == ["电力", "19.35", "14.40", "18.58", "情景“使用绿色电力”"]
    assert "预计可减少 14.40 kgCO₂e/台，相当于产品碳足迹的 18.58%。" in all_text(document)


def test_analysis_tables_fit_the_text_width(analysis_report):
    """Every table's columns add up to at most the 15 cm between A4's 3 cm margins."""
    from docx.shared import Cm

    document = open_report(analysis_report)
    for table in document.tables:
        widths = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
                  for col in table._tbl.tblGrid.iterchildren()]
        assert sum(widths) <= Cm(15.05).twips, widths
