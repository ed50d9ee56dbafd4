"""The Word report, read back as a reviewer would read it."""

import datetime as dt
import re

import pytest

from pcfdoc.render.docx import TemplateError, default_template, render_report, reproducible

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.conftest import render
from render.docx_reading import (
    all_text,
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
    assert headings(document, 3) == ["原材料获取", "原材料运输", "产品生产", "产品分销", "全年总量的折算"]


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
    assert info["系统边界"] == "从摇篮到大门：原材料获取、原材料运输、产品生产、产品分销"
    assert info["编制"] == "编制人甲、编制人乙"
    assert info["批准"] == "—"


def test_conclusion_states_the_total_in_the_functional_unit(valve_report):
    text = all_text(open_report(valve_report))
    assert "阀门驱动装置的碳足迹为 401.95 kgCO₂e/台。排放主要来自原材料获取阶段，占 96.03%" in text
    assert "经核算，阀门驱动装置的碳足迹为 401.95 kgCO₂e/台。" in text


def test_calculation_table_shows_activity_times_factor_equals_emission(valve_report):
    table = table_after(open_report(valve_report), "阀门驱动装置碳足迹计算表")
    assert rows(table)[0] == ["序号", "排放源", "活动数据", "单位", "排放因子", "因子单位",
                              "排放量（kgCO₂e）", "占比（%）"]
    assert row_starting(table, "", "原材料获取")[6:] == ["386.00", "96.03"]
    assert row_starting(table, "13", "生产用电") == [
        "13", "生产用电", "13.8005", "kWh", "0.8843", "kgCO₂/kWh", "12.20", "3.04"]
    # 0.186 % shows as 0.18: plain rounding would make the column add up to 100.01 (largest remainder)
    row = row_starting(table, "8", "灰铁铸件运输")
    assert row[2:] == ["10.1", "t·km", "0.074", "kgCO₂e/(t·km)", "0.75", "0.18"]
    assert row_starting(table, "12", "锂基脂润滑油运输")[6] == "<0.01"
    assert row_starting(table, "", "合计")[6:] == ["401.95", "100.00"]
    shares = [float(row[7]) for row in rows(table)[1:] if row[0] not in ("",)]
    assert sum(shares) == pytest.approx(100.0, abs=1e-9)


def test_stage_table_shares_add_up_to_exactly_100(valve_report):
    table = table_after(open_report(valve_report), "阀门驱动装置各生命周期阶段的碳排放")
    body = rows(table)[1:-1]
    assert [row[0] for row in body] == ["原材料获取", "原材料运输", "产品生产", "产品分销"]
    assert [row[2] for row in body] == ["96.03", "0.30", "3.04", "0.63"]
    assert rows(table)[-1] == ["合计", "401.95", "100.00"]


def test_allocation_basis_is_printed(valve_report):
    document = open_report(valve_report)
    table = table_after(document, "阀门驱动装置全年总量的折算")
    assert rows(table)[1] == ["生产用电", "225,500 kWh", "100.00", "16,340 台", "13.8005 kWh"]
    assert "除以阀门驱动装置的产量（16,340 台）" in all_text(document)


def test_factor_tables_list_the_factors_used_with_source_year_and_status(valve_report):
    document = open_report(valve_report)
    table = table_after(document, "排放因子")
    assert len(rows(table)) == 1 + 8  # six of the spec's own and two from the library
    assert rows(table)[0] == ["序号", "名称", "数值", "单位", "年份", "适用地区", "状态"]
    assert row_starting(table, "1") == ["1", "灰铁铸件", "2.05", "tCO₂e/t", "—", "中国", "项目提供"]
    assert row_starting(table, "7") == [
        "7", "道路货运（平均）", "0.074", "kgCO₂e/(t·km)", "—", "中国", "未核实"]
    assert row_starting(table, "8") == [
        "8", "华北区域电网平均二氧化碳排放因子（2012年）", "0.8843", "kgCO₂/kWh", "2012", "华北区域电网",
        "未核实"]
    sources = table_after(document, "排放因子来源")
    name, source, year, status = row_starting(sources, "8")[1:5]
    assert name.endswith("（pcfdoc 因子库：cn-grid-2012-north）")
    assert source.startswith("国家发展改革委应对气候变化司") and (year, status) == ("2012", "未核实")
    text = all_text(document)
    assert ("注意：以下排放因子标记为“未核实”，其数值未能与原始来源核对，引用本报告结论时应予以注意："
            "道路货运（平均）、华北区域电网平均二氧化碳排放因子（2012年）。") in text


def test_derived_and_several_gas_factors_are_explained():
    document = open_report(render(FIXTURES / "every-field.toml"))
    factors = table_after(document, "排放因子")
    boiler = [row for row in rows(factors) if row[1] == "锅炉柴油燃烧（分气体）"][0]
    assert boiler[2:4] == ["CO₂ 74,100；CH₄ 3；N₂O 0.6", "kg/TJ"]
    sources = table_after(document, "排放因子来源")
    coal = [row for row in rows(sources) if row[1].startswith("烟煤燃烧")][0]
    assert coal[1] == "烟煤燃烧\nBituminous coal combustion"
    assert coal[5].startswith(
        "低位发热量 23.204 GJ/t × 单位热值含碳量 26.18 tC/TJ × 碳氧化率 93% × 44/12 = 2.072 tCO₂/t")
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
    assert row_starting(table, "产品生产")[1:3] == ["纳入", "生产用电及其他耗能工质"]


def test_improvements_link_to_stages_and_lines_with_shares(valve_report):
    text = all_text(open_report(valve_report))
    assert ("针对原材料获取阶段（占 96.03%）、电机（占 82.68%）、灰铁铸件（占 10.30%），所针对的排放为 "
            "386.00 kgCO₂e/台，占产品碳足迹的 96.03%。") in text
    assert "针对生产用电（占 3.04%），所针对的排放为 12.20 kgCO₂e/台，占产品碳足迹的 3.04%。" in text


def test_captions_are_numbered_per_chapter(valve_report):
    captions = [p.text for p in open_report(valve_report).paragraphs if p.style.name == "Caption"]
    chapter5 = [c for c in captions if c.startswith("表 5-")]
    assert chapter5[:3] == ["表 5-1 阀门驱动装置碳足迹计算表", "表 5-2 阀门驱动装置各生命周期阶段的碳排放",
                            "表 5-3 阀门驱动装置的主要排放源"]
    assert "图 5-1 阀门驱动装置各生命周期阶段的碳排放占比" in captions
    assert captions[0] == "表 2-1 主要生产设备"
    assert "SEQ 表5 \\* ARABIC" in part_xml(valve_report, "word/document.xml")


def test_word_conventions(valve_report):
    document = open_report(valve_report)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert '<w:updateFields w:val="true"/>' in part_xml(valve_report, "word/settings.xml")
    styles = part_xml(valve_report, "word/styles.xml")
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles
    assert "TJSY-CFP-2023-001" in section.header.paragraphs[0].text
    assert "PAGE" in part_xml(valve_report, "word/footer1.xml") or "PAGE" in part_xml(
        valve_report, "word/footer2.xml")
    document_xml = part_xml(valve_report, "word/document.xml")
    assert document_xml.count("<w:tblHeader/>") >= 10
    assert 'TOC \\o "1-3"' in document_xml
    assert document_xml.count("<pic:pic") == 3  # boundary, stage shares, contributors


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


def test_reproducible_stamps_every_entry():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xml", "<a/>")
    stamped = zipfile.ZipFile(io.BytesIO(reproducible(buffer.getvalue(), dt.date(2024, 6, 7))))
    assert stamped.infolist()[0].date_time == (2024, 6, 7, 0, 0, 0)


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
    assert rows(declared)[1] == ["产品甲", "电机", "50", "kgCO₂e/台", "供应商声明"]
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
    assert "R&D <1> {{ n }}" in document.sections[0].header.paragraphs[0].text


def test_template_problems_are_reported_as_user_errors(tmp_path):
    from docx import Document

    from pcfdoc import pipeline

    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    missing = tmp_path / "missing.docx"
    with pytest.raises(TemplateError, match="missing.docx: template not found"):
        render_report(calculated.valid, calculated.results, missing)
    not_docx = tmp_path / "text.docx"
    not_docx.write_text("not a zip")
    with pytest.raises(TemplateError, match="text.docx: not a Word .docx file"):
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
    from pcfdoc.catalogue import LANGUAGES

    for language in LANGUAGES:
        assert default_template(language).is_file()
