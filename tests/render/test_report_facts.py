"""What a spec can say about its report: stage names, a self-declared study, the precision of results,
the sign-off, inputs exactly as written. Each is read back from the .docx."""

import datetime as dt

import pytest

from conftest import fixture_data
from render.conftest import render
from render.docx_reading import all_text, headings, key_value, open_report, row_starting, rows, table_after


def own_study(data: dict) -> dict:
    """minimal.toml as a company's own study, with display names, four decimals and three signatories."""
    report = data["report"]
    del report["assessor"]
    report |= {"self_declared": True, "precision": {"decimals": 4}, "people": [
        {"duty": "prepared", "name": "王某", "role": "能源主管", "certificate": "EM-2021-0318",
         "date": dt.date(2024, 2, 20)},
        {"duty": "reviewed", "name": "李某", "role": "技术部经理", "date": dt.date(2024, 2, 26)},
        {"duty": "approved", "name": "张某", "role": "总经理", "date": dt.date(2024, 3, 1)},
    ]}
    data["boundary"]["stage_names"] = {"raw_material": "原料采购", "production": "零件制造"}
    return data


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    import tomli_w

    path = tmp_path_factory.mktemp("own") / "own.toml"
    path.write_text(tomli_w.dumps(own_study(fixture_data("minimal.toml"))), "utf-8")
    return open_report(render(path))


def test_stage_display_names_replace_the_standard_ones_everywhere(own):
    assert headings(own, 3) == ["原料采购", "零件制造"]
    stages = table_after(own, "部件各生命周期阶段的碳排放")
    assert [row[0] for row in rows(stages)[1:-1]] == ["原料采购", "零件制造"]
    assert key_value(own.tables[0])["系统边界"] == "从摇篮到大门（部分产品碳足迹）：原料采购、零件制造"
    text = all_text(own)
    assert "其中，原料采购阶段 20.0000 kgCO₂e" in text
    # the standard names stay only where chapter 1 explains life cycles in general
    assert "原材料获取阶段" not in text and "产品生产" not in text


def test_a_self_declared_study_names_no_client(own):
    cover = [p.text for p in own.paragraphs if p.style.name == "Cover Line"]
    assert cover == ["报告编号：T-001", "编制单位：测试公司", "报告日期：2024年3月1日"]
    info = key_value(own.tables[0])
    assert "委托单位" not in info
    assert (info["受评价企业"], info["编制单位"]) == ("测试公司", "测试公司")
    text = all_text(own)
    assert ("测试公司依据ISO 14067:2018《温室气体 产品碳足迹 量化要求和指南》，采用生命周期评价方法，"
            "对本公司生产的部件") in text
    assert "委托" not in text
    assert rows(own.tables[2]) == [["编制单位（盖章）", ""]]


def test_the_chosen_precision_holds_in_every_table_the_abstract_and_the_conclusion(own):
    info = key_value(own.tables[0])
    assert info["评价结论"] == "部件：45.0000 kgCO₂e/台"
    text = all_text(own)
    assert "经核算，部件的碳足迹为 45.0000 kgCO₂e/台。其中，原料采购阶段 20.0000 kgCO₂e" in text
    assert "部件的碳足迹为 45.0000 kgCO₂e/台。排放主要来自零件制造阶段" in text
    calc = table_after(own, "部件碳足迹计算表")
    assert row_starting(calc, "1")[6] == "20.0000" and row_starting(calc, "", "合计")[6] == "45.0000"
    uncertainty = table_after(own, "部件碳足迹的不确定性")
    assert row_starting(uncertainty, "合计")[1] == "45.0000"
    sensitivity = table_after(own, "部件对结果影响最大的参数")
    assert all(len(cell.split(".")[1]) == 4 for row in rows(sensitivity)[1:] for cell in row[2:4])


def test_significant_digits_follow_the_total(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["precision"] = {"significant": 3}
    document = open_report(render(write_spec(data)))
    assert key_value(document.tables[0])["评价结论"] == "部件：45.0 kgCO₂e/台"
    stages = table_after(document, "部件各生命周期阶段的碳排放")
    assert [row[1] for row in rows(stages)[1:]] == ["20.0", "25.0", "45.0"]


def test_three_people_sign_off_with_room_for_signatures_and_the_seal(own):
    signoff = rows(own.tables[1])
    assert signoff == [
        ["职责", "姓名", "角色", "证书编号", "签名", "日期"],
        ["编制", "王某", "能源主管", "EM-2021-0318", "", "2024年2月20日"],
        ["审核", "李某", "技术部经理", "", "", "2024年2月26日"],
        ["批准", "张某", "总经理", "", "", "2024年3月1日"],
    ]
    height = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}trHeight"
    heights = [row._tr.trPr.find(height) for row in own.tables[1].rows]
    assert heights[0] is None and all(height is not None for height in heights[1:])  # room to sign
    assert "签署" in headings(own, 2)


def test_inputs_print_exactly_as_written(write_spec):
    text = (write_spec(fixture_data("minimal.toml")).read_text("utf-8")
            .replace("amount = 50\n", "amount = 10561464.084\n")
            .replace("value = 0.5\n", "value = 0.58100\n")
            .replace("amount = 10\n", "amount = 1.20e-3\n"))
    document = open_report(render(write_spec(text)))
    calc = table_after(document, "部件碳足迹计算表")
    assert row_starting(calc, "2")[2:5] == ["10,561,464.084", "kWh", "0.58100"]
    assert row_starting(calc, "1")[2] == "0.00120"
    inventory = table_after(document, "部件：产品生产阶段的活动数据")
    assert row_starting(inventory, "1")[2] == "10,561,464.084"
    factors = table_after(document, "排放因子")
    assert row_starting(factors, "2")[2] == "0.58100"
