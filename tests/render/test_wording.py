"""What the examples' reports say, read back from the .docx: every result in the unit of the
functional unit, counts that never read '0 项', notes that explain only what their table holds,
and natural English for one functional unit."""

from __future__ import annotations

import pytest

from pcfdoc import pipeline
from pcfdoc.render.labels import fu_text_en, per_en

from conftest import EXAMPLES
from render.docx_reading import all_text, open_report, rows, table_after


def report(tmp_path, name: str, language: str | None = None):
    built = pipeline.build(EXAMPLES / f"{name}.toml", tmp_path / (language or "zh"), language=language)
    return open_report(built.target.read_bytes())


@pytest.fixture(scope="module")
def valve(tmp_path_factory):
    return report(tmp_path_factory.mktemp("valve"), "valve-actuator")


def test_every_result_is_in_the_unit_of_the_functional_unit(valve):
    text = all_text(valve)
    assert "原材料获取阶段 386.00 kgCO₂e/台，占 96.03%" in text  # the abstract's stage list
    for caption, column in (("阀门驱动装置碳足迹计算表", 6), ("阀门驱动装置的主要排放源", 3),
                            ("阀门驱动装置对结果影响最大的参数", 2), ("改进措施及预计效果", 4)):
        assert rows(table_after(valve, caption))[0][column].endswith("（kgCO₂e/台）"), caption


def test_a_count_of_none_says_all_of_the_other_kind(tmp_path):
    battery = all_text(report(tmp_path, "battery-cells"))
    assert "本次评价共使用 5 项活动数据，全部为次级数据；" in battery
    assert "锂离子动力电池电芯共有 5 项活动数据，全部为次级数据，按生命周期阶段列于下列各表。" in battery
    assert "初级数据 0 项" not in battery
    english = all_text(report(tmp_path, "battery-cells", "en"))
    assert "The assessment uses 5 activity data items, all secondary;" in english
    assert "0 primary" not in english


def test_both_kinds_are_counted_when_both_occur(valve):
    both = "本次评价共使用 14 项活动数据，其中企业实测或统计的初级数据 7 项、次级数据 7 项；"
    assert both in all_text(valve)


def test_the_cutoff_note_explains_only_what_its_table_holds(valve, analysis_report):
    # the valve's one small input is counted and has a mass: no dash, no estimate to explain
    assert "注：质量占比以单位产品质量为基准；占比为排放量占碳足迹的百分比。" in all_text(valve)
    # the analysis fixture excludes an input: its estimate is explained
    assert ("注：质量占比以单位产品质量为基准；剔除项的排放量为估算值，"
            "占比以碳足迹与剔除项估算排放量之和为基准。") in all_text(open_report(analysis_report))


def test_one_functional_unit_reads_as_english():
    assert fu_text_en("1", "unit", "valve actuator") == "one valve actuator"
    assert fu_text_en("1", "set", "pump") == "one set of pump"
    assert fu_text_en("10", "unit", "valve actuator") == "10 units of valve actuator"
    assert fu_text_en("1", "MWh", "battery cells") == "1 MWh of battery cells"
    assert (per_en("1", "unit"), per_en("1,000", "kg")) == ("per unit", "per 1,000 kg")
