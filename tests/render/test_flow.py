"""The diagrams pcfdoc draws from the data: the process flow and each product's life-cycle process map."""

from __future__ import annotations

from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from pcfdoc.render.chartxml import Fonts
from pcfdoc.render.flow import FlowStep, ProcessFlow

from conftest import fixture_data
from render.conftest import render
from render.docx_reading import open_report
from render.ooxml_order import PREFIXES, order_problems


def table_before(document, caption: str) -> Table:
    """The diagram (a table) just above the figure caption ``caption``."""
    last = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "tbl":
            last = Table(child, document)
        elif tag == "p" and Paragraph(child, document).text == caption:
            assert last is not None
            return last
    raise AssertionError(f"no caption {caption!r}")


def cells(table: Table) -> list[list[str]]:
    """The text of each row's distinct cells (a spanned cell once; the tab that centres an arrow
    left out)."""
    rows = []
    for row in table.rows:
        texts = []
        for cell in row.cells:
            if not texts or cell._tc is not texts[-1][0]:
                texts.append((cell._tc, cell.text.replace("\t", "")))
        rows.append([text for _, text in texts])
    return rows


def test_the_process_flow_draws_the_steps_in_order_with_inputs_outputs_and_wastes(valve_report):
    flow = cells(table_before(open_report(valve_report), "图 2-3 天津百利三通机械有限公司生产工艺流程"))
    assert flow[0] == ["投入的物料和能源", "", "工序", "", "产生的废物和排放"]
    steps = [row for row in flow[1:] if len(row) == 5 and row[2] and row[2] != "↓"]
    assert [row[2] for row in steps] == ["机加工", "清洗", "装配", "热处理与喷漆（外协）", "检验试车",
                                         "包装入库"]
    assert steps[0] == ["灰铁铸件\n铝合金铸件\n棒料\n乳化液\n电力", "→", "机加工", "→",
                        "废金属碎料（S1）\n废切削液（S2）\n废乳化液（S3）\n噪声（N）"]
    assert steps[3] == ["", "", "热处理与喷漆（外协）", "", ""]  # outsourced: nothing in or out here
    # what a step passes on is written on the arrow below it, the product after the last step
    assert ["", "", "↓ 加工件"] in flow
    assert flow[-1] == ["", "", "↓ 阀门驱动装置成品"]
    assert flow.index(["", "", "↓ 加工件"]) == flow.index(steps[0]) + 1


def test_a_flow_of_names_only_has_no_side_columns_and_its_xml_is_in_schema_order():
    flow = ProcessFlow((FlowStep("合浆"), FlowStep("涂布", passed_on="极片")), ("输入", "工序", "废物"))
    xml = flow.xml(Fonts("Times New Roman", "宋体"))
    table = etree.fromstring(f'<w:body xmlns:w="{PREFIXES["w"]}">{xml}</w:body>')
    assert order_problems(table) == []
    text = ["".join(row.itertext()) for row in table.iter(f"{{{PREFIXES['w']}}}tr")]
    assert text == ["合浆", "↓", "涂布", "↓ 极片"]  # no headings without inputs or wastes
    assert 'w:eastAsia="宋体"' in xml


def test_the_process_map_lists_each_stage_s_lines_and_emission_down_to_the_total(valve_report):
    rows = cells(table_before(open_report(valve_report), "图 4-1 阀门驱动装置生命周期过程图"))
    assert rows[0] == ["计入的活动数据（每功能单位）", "", "生命周期阶段", "", "排放量（kgCO₂e/台）"]
    stages = [row for row in rows[1:] if len(row) == 5 and row[2] not in ("", "↓")]
    assert [row[2] for row in stages] == ["原材料获取", "原材料运输", "产品生产", "成品运输", "合计"]
    assert stages[0][0].split("\n") == ["灰铁铸件 20.2 kg", "铝合金铸件 6.13 kg", "棒料 0.613 kg",
                                        "乳化液 0.0294 kg", "锂基脂润滑油 0.667 kg", "电机 1 台"]
    assert stages[0][4] == "386.00（96.03%）"
    assert stages[1][0].split("\n")[0] == "电机运输 5.8 t·km"
    assert stages[2][0] == "生产用电 13.8005 kWh"
    assert stages[-1][4] == "401.95"


def test_a_stage_with_many_lines_lists_its_largest_and_counts_the_rest(tmp_path, write_spec):
    data = fixture_data("minimal.toml")
    for number in range(1, 15):
        data["products"][0]["inventory"].append({
            "id": f"part-{number}", "stage": "raw_material", "name": f"零件{number}", "amount": number,
            "unit": "kg", "factor": "steel", "data_type": "primary"})
    document = open_report(render(write_spec(data)))
    rows = cells(table_before(document, "图 4-1 部件生命周期过程图"))
    listed = rows[1][0].split("\n")
    # 15 raw-material lines: the 11 largest in the spec's order (steel, 10 kg, is among them), then the rest
    assert listed == ["钢材 10 kg"] + [f"零件{n} {n} kg" for n in range(5, 15)] + ["其余 4 项"]
    assert rows[3][2] == "产品生产" and rows[3][0] == "电力 50 kWh"


def test_a_long_flow_of_names_only_runs_in_rows_of_four_back_and_forth():
    flow = ProcessFlow(tuple(FlowStep(f"工序{n}") for n in range(1, 11)), ("输入", "工序", "废物"))
    xml = flow.xml(Fonts())
    table = etree.fromstring(f'<w:body xmlns:w="{PREFIXES["w"]}">{xml}</w:body>')
    assert order_problems(table) == []
    rows = [["".join(cell.itertext()) for cell in row.iter(f"{{{PREFIXES['w']}}}tc")]
            for row in table.iter(f"{{{PREFIXES['w']}}}tr")]
    assert rows == [
        ["工序1", "→", "工序2", "→", "工序3", "→", "工序4"],
        ["", "", "", "", "", "", "↓"],
        ["工序8", "←", "工序7", "←", "工序6", "←", "工序5"],
        ["↓", "", "", "", "", "", ""],
        ["工序9", "→", "工序10", "", "", "", ""],
    ]
