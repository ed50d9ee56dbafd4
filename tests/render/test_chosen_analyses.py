"""A report presents only the analyses the study did: each choice of [uncertainty] built and read back.

Monte Carlo with or without the sensitivity analysis, or uncertainty discussed in words with or
without it, in Chinese and in English. What was not done leaves no table, chart or sentence behind.
"""

import pytest
import tomli_w

from conftest import fixture_data
from render.conftest import render
from render.docx_reading import all_text, headings, open_report, rows, table_after
from render.test_english import translated

CHOICES = {
    "monte-carlo+sensitivity": ("monte-carlo", True),
    "monte-carlo": ("monte-carlo", False),
    "qualitative+sensitivity": ("qualitative", True),
    "qualitative": ("qualitative", False),
}

DISCUSSION = "电网因子的年份与数据时间范围一致，钢材因子取自数据库，未区分钢种。"
DISCUSSION_EN = ("The grid factor is of the data period's year; the steel factor is a database value for "
                 "steel in general.")

#: What each analysis puts in a report, by language: (the Monte Carlo's, the sensitivity analysis's).
SIMULATION = {"zh-CN": ["蒙特卡洛", "置信区间", "碳足迹的不确定性", "方差贡献", "几何标准差"],
              "en": ["Monte Carlo", "95% interval", "Uncertainty of the carbon footprint",
                     "Share of variance", "geometric standard deviation"]}
SENSITIVITY = {"zh-CN": ["敏感性", "单因素", "−10%", "+10%"],
               "en": ["ensitivity", "one parameter at a time", "−10%", "+10%"]}


def report_of(tmp_path, method: str, sensitivity: bool, language: str):
    data = fixture_data("minimal.toml")
    if language == "en":
        data = translated(data)
    data["uncertainty"] = {"method": method, "sensitivity": sensitivity, "discussion": DISCUSSION,
                           "discussion_en": DISCUSSION_EN}
    path = tmp_path / f"{method}-{sensitivity}-{language}.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    return open_report(render(path))


@pytest.mark.parametrize("language", ["zh-CN", "en"])
@pytest.mark.parametrize("choice", CHOICES, ids=list(CHOICES))
def test_a_report_holds_only_the_analyses_chosen(tmp_path, choice, language):
    method, sensitivity = CHOICES[choice]
    document = report_of(tmp_path, method, sensitivity, language)
    text = all_text(document)
    sections = headings(document, 2)
    zh = language == "zh-CN"
    assert ("不确定性分析" if zh else "Uncertainty analysis") in sections
    # the author's words on the uncertainty, with either method, in the report's language
    assert (DISCUSSION if zh else DISCUSSION_EN) in text
    assert (DISCUSSION_EN in text, DISCUSSION in text) == (not zh, zh)
    for words in SIMULATION[language]:
        assert (words in text) == (method == "monte-carlo"), words
    for words in SENSITIVITY[language]:
        assert (words in text) == sensitivity, words
    assert (("敏感性分析" if zh else "Sensitivity analysis") in sections) == sensitivity
    # the charts: a histogram for the simulation, a tornado for the sensitivity analysis
    figures = [p.text for p in document.paragraphs if p.style.name == "Caption" and p.text.startswith(
        "图" if zh else "Figure")]
    assert any(("蒙特卡洛模拟分布" if zh else "Monte Carlo distribution") in f for f in figures) == (
        method == "monte-carlo")
    assert any(("的敏感性分析" if zh else "Sensitivity analysis for") in f for f in figures) == sensitivity


def test_a_qualitative_report_states_what_the_scores_say(tmp_path):
    text = all_text(report_of(tmp_path, "qualitative", False, "zh-CN"))
    assert "本次评价未对结果作定量的不确定性模拟，下面以文字说明结果的不确定性。" in text
    assert ("部件的排放主要来自电力（55.56%）、钢材（44.44%），这些排放源的活动数据和排放"
            "因子对结果的不确定性影响最大。按排放量加权，五项谱系评分依次为可靠性 2.00、完整性 "
            "2.00、时间代表性 1.00、地理代表性 1.00、技术代表性 1.00（1 分最好，5 分最差），"
            "其中可靠性、完整性最弱。没有排放源采用近似替代的排放因子或保守默认评分。") in text


def test_an_english_qualitative_report_states_what_the_scores_say(tmp_path):
    text = all_text(report_of(tmp_path, "qualitative", True, "en"))
    assert "The uncertainty of the result was not simulated; it is discussed in words below." in text
    assert ("The emissions of the widget come mainly from electricity (55.56%) and steel (44.44%); the "
            "activity data and emission factors of these sources weigh most on the uncertainty of the "
            "result. Weighted by emissions, the five pedigree scores are reliability 2.00, completeness "
            "2.00, temporal representativeness 1.00, geographical representativeness 1.00 and technological "
            "representativeness 1.00 (1 best, 5 worst), weakest for reliability and completeness. No source "
            "uses a proxy emission factor or a conservative default score.") in text


def test_the_method_text_states_the_shared_factor_draws(tmp_path):
    text = all_text(report_of(tmp_path, "monte-carlo", True, "zh-CN"))
    assert ("每次模拟中，一个排放因子只取一个值，使用该因子的各排放源共用这一取值，误差同向"
            "变化；各排放源的活动数据则各自独立取值。") in text
    assert "基本不确定性按排放源的性质取值：物料和能源输入为 1.05。" in text  # no transport: no 2 stated
    assert "独立地抽取" not in text and "随机数种子" not in text and "种子" not in text


def test_the_data_quality_section_defines_the_primary_share_and_the_defaults(tmp_path):
    document = report_of(tmp_path, "qualitative", False, "zh-CN")
    text = all_text(document)
    assert "初级数据占比按 PACT 第 3 版的定义计算，即碳足迹中由初级数据计算的部分所占的比例" in text
    assert "部件的初级数据占比为 0.00%；活动数据为初级数据的排放源占碳足迹的 100.00%。" in text
    assert "各项评分中，由排放因子推定 2 个，按规定的默认评分取值 8 个。" in text
    assert rows(table_after(document, "未给出评分时采用的默认评分")) == [
        ["适用情形", "可靠性", "完整性", "时间\n代表性", "地理\n代表性", "技术\n代表性"],
        ["初级数据（规定值）", "2", "2", "按年份推算", "1", "1"],
    ]
