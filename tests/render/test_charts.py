"""Native Word charts and the boundary diagram: the numbers they hold, their colours, their fonts
and their XML, on their own and in a built report."""

import io
import zipfile

import openpyxl
import pytest
from lxml import etree

from pcfdoc import pipeline
from pcfdoc.formatting import in_unit
from pcfdoc.render import charts
from pcfdoc.render.analysis import SENSITIVITY_COUNT
from pcfdoc.render.chart_workbook import WORKBOOK_TYPE
from pcfdoc.render.chartxml import Fonts, nice_scale
from pcfdoc.render.diagram import boundary_diagram
from pcfdoc.render.docx import default_template
from pcfdoc.render.figures import CHART_TYPE, document_fonts
from pcfdoc.render.products import HOTSPOT_COUNT
from pcfdoc.vocab.catalogue import STAGES

from conftest import EXAMPLES
from render.docx_reading import NS, chart_parts, open_report, report_charts, rows, series_of, table_after
from render.ooxml_order import PREFIXES, order_problems

FONTS = Fonts("Times New Roman", "宋体")
STAGE_HEX = {stage: colour.lstrip("#") for stage, colour in charts.STAGE_COLOURS.items()}


def part(chart, fonts=FONTS):
    xml = chart.part(fonts)
    assert order_problems(etree.fromstring(xml)) == []
    return xml


# -- each chart on its own ---------------------------------------------------------------------


def test_stage_doughnut_holds_values_legend_labels_and_stage_colours():
    legend = ["原材料获取  3.00 kgCO₂e/台  75.00%", "产品生产  1.00 kgCO₂e/台  25.00%"]
    xml = part(charts.stage_chart(["raw_material", "production"], [3.0, 1.0], legend))
    (ring,) = series_of(xml)
    assert ring["values"] == [3.0, 1.0]
    assert ring["categories"] == legend  # the legend lists the categories
    assert ring["colours"] == {0: STAGE_HEX["raw_material"], 1: STAGE_HEX["production"]}
    root = etree.fromstring(xml)
    assert root.find(".//c:doughnutChart", NS) is not None and root.find(".//c:legend", NS) is not None


def test_every_piece_of_chart_text_names_the_documents_latin_and_east_asian_fonts():
    xml = part(charts.contributor_chart(["灰铁铸件", "生产用电"], [3.0, 1.0],
                                        ["3.00（75.00%）", "1.00（25.00%）"], ["raw_material", "production"],
                                        "kgCO₂e/台"))
    root = etree.fromstring(xml)
    runs = root.findall(".//a:defRPr", NS) + root.findall(".//a:rPr", NS)
    assert runs
    for run in runs:
        assert run.find("a:latin", NS).get("typeface") == "Times New Roman"
        assert run.find("a:ea", NS).get("typeface") == "宋体"


def test_contributors_largest_on_top_coloured_by_stage_and_labelled():
    names, values = ["电机", "灰铁铸件", "生产用电"], [332.32, 41.41, 12.2]
    labels = ["332.32（82.68%）", "41.41（10.30%）", "12.20（3.04%）"]
    xml = part(charts.contributor_chart(names, values, labels, ["raw_material", "raw_material", "production"],
                                        "kgCO₂e/台"))
    (bars,) = series_of(xml)
    assert (bars["categories"], bars["values"]) == (names, values)
    assert bars["labels"] == {i: [label] for i, label in enumerate(labels)}
    assert bars["colours"] == {0: STAGE_HEX["raw_material"], 1: STAGE_HEX["raw_material"],
                               2: STAGE_HEX["production"]}
    root = etree.fromstring(xml)
    # the first category at the top: the category axis runs from its maximum down
    assert root.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    assert root.find(".//c:barDir", NS).get("val") == "bar"


HISTOGRAM = dict(
    edges=[360.0, 380.0, 400.0, 420.0, 440.0, 460.0], counts=[120, 4700, 4800, 300, 80],
    interval=(379.3, 426.4), series_names=("2.5%～97.5% 分位数：379.32～426.42", "此区间以外"),
    notes=[(401.99, "50% 分位数 401.99"), (401.95, "确定值 401.95")], xlabel="碳足迹（kgCO₂e/台）",
    ylabel="频数")


def test_histogram_counts_split_into_the_interval_and_its_tails():
    xml = part(charts.histogram_chart(**HISTOGRAM))
    inside, tails, median, total = series_of(xml)
    assert (inside["name"], tails["name"]) == HISTOGRAM["series_names"]
    # every bin in exactly one series, with its count; bins whose centre lies in the interval inside
    assert [a if a is not None else b for a, b in zip(inside["values"], tails["values"], strict=True)] == [
        120, 4700, 4800, 300, 80]
    assert inside["values"] == [None, 4700, 4800, None, None]
    assert (inside["colour"], tails["colour"]) == (charts.INTERVAL_COLOUR[1:], charts.TAIL_COLOUR[1:])
    assert inside["labels"] == tails["labels"] == {}
    # round values label the bins that hold them
    assert inside["categories"] == ["360", "380", "400", "420", "440"]
    root = etree.fromstring(xml)
    assert root.find(".//c:gapWidth", NS).get("val") == "0"
    # the median and the calculated total each hang a line down through their bin (the same one
    # here), labelled at the top: the lower value's label left of its line, the higher's right
    assert median["marker"] and total["marker"]
    assert median["values"] == total["values"] == [None, None, 4800 * 1.16, None, None]
    assert (median["labels"], median["label_position"]) == ({2: ["50% 分位数 401.99"]}, "r")
    assert (total["labels"], total["label_position"]) == ({2: ["确定值 401.95"]}, "l")
    assert (median["colour"], total["colour"]) == ("404040", "C0392B")
    error_bar = root.find(".//c:lineChart/c:ser/c:errBars", NS)
    assert [error_bar.find(f"c:{name}", NS).get("val") for name in ("errDir", "errBarType", "errValType",
                                                                     "val")] == ["y", "minus", "percentage",
                                                                                 "100"]
    # the lines share the bars' axes and name themselves by their labels, not in the legend
    assert [axis.get("val") for axis in root.findall(".//c:lineChart/c:axId", NS)] == ["1001", "1002"]
    assert [entry.get("val") for entry in root.findall(".//c:legend/c:legendEntry/c:idx", NS)] == ["2", "3"]


def test_histogram_marker_labels_far_apart_stand_above_their_lines():
    arguments = {**HISTOGRAM, "notes": [(370.0, "中位数"), (455.0, "确定值")]}
    _, _, median, total = series_of(part(charts.histogram_chart(**arguments)))
    assert (median["labels"], median["label_position"]) == ({0: ["中位数"]}, "t")
    assert (total["labels"], total["label_position"]) == ({4: ["确定值"]}, "t")


def test_tornado_bars_start_at_the_baseline_with_the_first_parameter_on_top():
    names, lows, highs = ["电机（活动数据）", "灰铁铸件（排放因子）"], [368.72, 397.81], [435.18, 406.09]
    xml = part(charts.tornado_chart(names, lows, highs, 401.95, ["368.72", "397.81"], ["435.18", "406.09"],
                                    ("参数减少 10%", "参数增加 10%"), "碳足迹（kgCO₂e/台）"))
    low, high = series_of(xml)
    assert (low["name"], high["name"]) == ("参数减少 10%", "参数增加 10%")
    assert (low["categories"], low["values"], high["values"]) == (names, lows, highs)
    assert low["labels"] == {0: ["368.72"], 1: ["397.81"]}
    assert high["labels"] == {0: ["435.18"], 1: ["406.09"]}
    root = etree.fromstring(xml)
    assert float(root.find(".//c:catAx/c:crossesAt", NS).get("val")) == 401.95
    assert root.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    low_bound = float(root.find(".//c:valAx/c:scaling/c:min", NS).get("val"))
    high_bound = float(root.find(".//c:valAx/c:scaling/c:max", NS).get("val"))
    assert low_bound < min(lows) and high_bound > max(highs)
    # round bounds, ticks every 20: labels without decimals
    assert (low_bound, high_bound) == (340.0, 460.0)
    assert root.find(".//c:valAx/c:majorUnit", NS).get("val") == "20.0"
    assert root.find(".//c:valAx/c:numFmt", NS).get("formatCode") == "#,##0"


def test_small_figures_tick_with_the_decimals_of_their_step():
    tornado = charts.tornado_chart(["生产用电"], [0.927], [1.107], 1.017, ["0.927"], ["1.107"], ("低", "高"),
                                   "t")
    root = etree.fromstring(part(tornado))
    assert root.find(".//c:valAx/c:numFmt", NS).get("formatCode") == "#,##0.00"  # 0.85, 0.90, 0.95
    edges = [0.9 + 0.01 * i for i in range(21)]
    histogram = charts.histogram_chart(edges, [1] * 20, (0.9, 1.1), ("a", "b"), [], "t", "n")
    inside, _ = series_of(part(histogram))  # no notes, no marker lines
    assert [label for label in inside["categories"] if label] == ["0.90", "0.95", "1.00", "1.05", "1.10"]


def test_degenerate_charts_still_draw():
    # nothing emitted: a ring of zeros; a removal: lowering it raises the total; one histogram bin
    (empty,) = series_of(part(charts.stage_chart(["production"], [0.0], ["产品生产  0.00  0.00%"])))
    assert empty["values"] == [0.0]
    ring = series_of(part(charts.stage_chart(["production", "end_of_life"], [5.0, -1.0], ["a", "b"])))[0]
    assert ring["values"] == [5.0, 0.0]  # a ring has no room for a negative share
    removal = charts.tornado_chart(["木材碳储存"], [-9.0], [-11.0], -10.0, ["-9.00"], ["-11.00"],
                                   ("参数减少 10%", "参数增加 10%"), "碳足迹")
    low, high = series_of(part(removal))
    assert (low["values"], high["values"]) == ([-9.0], [-11.0])
    inside, _, total = series_of(part(charts.histogram_chart([-0.5, 0.5], [100], (0.0, 0.0), ("区间", "以外"),
                                                             [(0.0, "确定值 0.00")], "碳足迹", "频数")))
    assert inside["values"] == [100] and total["labels"] == {0: ["确定值 0.00"]}


def test_charts_are_byte_for_byte_reproducible():
    assert charts.histogram_chart(**HISTOGRAM).part(FONTS) == charts.histogram_chart(**HISTOGRAM).part(FONTS)
    changed = {**HISTOGRAM, "counts": [1, 1, 1, 1, 1]}
    assert charts.histogram_chart(**changed).part(FONTS) != charts.histogram_chart(**HISTOGRAM).part(FONTS)


def test_label_text_is_escaped():
    xml = part(charts.stage_chart(["production"], [1.0], ["<生产> & \"A\""]))
    assert series_of(xml)[0]["categories"] == ["<生产> & \"A\""]


@pytest.mark.parametrize(("low", "high", "expected"), [
    (334.0, 469.9, (300.0, 500.0, 50.0)), (0.0, 1.0, (0.0, 1.0, 0.2)), (0.9, 1.1, (0.9, 1.1, 0.05)),
    (5.0, 5.0, (2.0, 8.0, 1.0)),
])
def test_axis_bounds_fall_on_round_numbers(low, high, expected):
    assert nice_scale(low, high) == expected


# -- the boundary diagram ----------------------------------------------------------------------


def diagram_root(diagram, fonts=FONTS):
    xml = diagram.xml(fonts)
    root = etree.fromstring(f'<w:body xmlns:w="{PREFIXES["w"]}">{xml}</w:body>')
    assert order_problems(root) == []
    return root


def test_boundary_diagram_shades_the_stages_inside_and_dashes_those_outside():
    names = {stage.id: stage.name("zh-CN") for stage in STAGES}
    inside = ["raw_material", "raw_material_transport", "production"]
    root = diagram_root(boundary_diagram(inside, names, "不纳入", "系统边界（从摇篮到大门）"))
    w = f"{{{PREFIXES['w']}}}"
    label_row, bracket_row, stage_row, _ = root.findall(f"{w}tbl/{w}tr")
    # the label and the bracket span the three stages inside and the two arrows between them
    label_cell = label_row.findall(f"{w}tc")[0]
    assert label_cell.find(f"{w}tcPr/{w}gridSpan").get(f"{w}val") == "5"
    assert "".join(label_cell.itertext()) == "系统边界（从摇篮到大门）"
    assert bracket_row.find(f"{w}tc/{w}tcPr/{w}tcBorders/{w}top").get(f"{w}val") == "dashed"
    boxes = stage_row.findall(f"{w}tc")[::2]  # the cells between are arrows
    assert ["".join(box.itertext()) for box in boxes] == [
        "原材料获取", "原材料运输", "产品生产", "产品分销不纳入", "产品使用不纳入", "生命末期处置不纳入"]
    for box, stage in zip(boxes, STAGES, strict=True):
        fill = box.find(f"{w}tcPr/{w}shd").get(f"{w}fill")
        border = box.find(f"{w}tcPr/{w}tcBorders/{w}top").get(f"{w}val")
        if stage.id in inside:
            assert (fill, border) == (STAGE_HEX[stage.id], "single")
        else:
            assert (fill, border) == ("FFFFFF", "dashed")
    fonts = {(f.get(f"{w}ascii"), f.get(f"{w}eastAsia")) for f in root.iter(f"{w}rFonts")}
    assert fonts == {("Times New Roman", "宋体")}


def test_boundary_diagram_without_stages_inside_has_no_bracket():
    names = {stage.id: stage.name("en") for stage in STAGES}
    root = diagram_root(boundary_diagram([], names, "Excluded", "System boundary"), Fonts())
    w = f"{{{PREFIXES['w']}}}"
    assert len(root.findall(f"{w}tbl/{w}tr")) == 2
    assert "System boundary" not in "".join(root.itertext())
    assert root.find(f".//{w}rFonts") is None  # theme fonts: the paragraph keeps its style's


def test_fonts_come_from_the_templates_table_style():
    from docx import Document

    assert document_fonts(Document(str(default_template("zh-CN")))) == Fonts("Times New Roman", "宋体")
    assert document_fonts(Document(str(default_template("en")))) == Fonts("Arial", "宋体")
    # python-docx's own default document leaves its fonts to the theme
    assert document_fonts(Document()) == Fonts("+mn-lt", "+mn-ea")


# -- in a built report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def valve():
    return pipeline.calc(EXAMPLES / "valve-actuator.toml").results.products[0]


def test_report_charts_hold_the_calculated_results(valve_report, valve):
    unit = valve.result_unit
    (kind1, (ring,)), (kind2, (bars,)), (kind3, histogram), (kind4, tornado) = report_charts(valve_report)
    assert (kind1, kind2, kind3, kind4) == ("doughnutChart", "barChart", "barChart", "barChart")
    # stages: values in the result unit, a legend label naming each stage, its colour
    assert ring["values"] == [in_unit(stage.kgco2e, unit) for stage in valve.stages]
    assert [label.split("  ")[0] for label in ring["categories"]] == [stage.name for stage in valve.stages]
    assert ring["colours"] == {i: STAGE_HEX[stage.id] for i, stage in enumerate(valve.stages)}
    # largest contributors, largest first, as the hotspot table lists them
    hotspots = [line for line in valve.contributors[:HOTSPOT_COUNT] if line.kgco2e > 0]
    assert bars["values"] == [in_unit(line.kgco2e, unit) for line in hotspots]
    assert bars["colours"] == {i: STAGE_HEX[line.stage] for i, line in enumerate(hotspots)}
    table = rows(table_after(open_report(valve_report), "阀门驱动装置的主要排放源"))[1:]
    assert bars["labels"] == {i: [f"{row[3]}（{row[4]}%）"] for i, row in enumerate(table)}
    # Monte Carlo histogram: every bin's count, in order
    spread = valve.uncertainty
    inside, tails, median, total = histogram
    # marker lines at the median and at the calculated total, labelled with their values
    assert median["labels"] == {median["values"].index(max(v for v in median["values"] if v)): [
        f"50% 分位数 {in_unit(spread.total.p50, unit):.2f}"]}
    assert list(total["labels"].values()) == [[f"确定值 {in_unit(valve.total_kgco2e, unit):.2f}"]]
    assert len(inside["values"]) == len(spread.histogram_counts)
    merged = [a if a is not None else b for a, b in zip(inside["values"], tails["values"], strict=True)]
    assert merged == list(spread.histogram_counts)
    edges = spread.histogram_edges
    low, high = in_unit(spread.total.p2_5, unit), in_unit(spread.total.p97_5, unit)
    for index, value in enumerate(inside["values"]):
        centre = in_unit((edges[index] + edges[index + 1]) / 2, unit)
        assert (value is not None) == (low <= centre <= high)
    # tornado: the sensitivity rows, lowered and raised
    chosen = [row for row in valve.sensitivity if row.swing != 0][:SENSITIVITY_COUNT]
    low, high = tornado
    assert low["values"] == [in_unit(row.low_kgco2e, unit) for row in chosen]
    assert high["values"] == [in_unit(row.high_kgco2e, unit) for row in chosen]
    table = rows(table_after(open_report(valve_report), "阀门驱动装置对结果影响最大的参数"))[1:]
    assert [(low["labels"][i][0], high["labels"][i][0]) for i in range(len(chosen))] == [
        (row[2], row[3]) for row in table]
    # every parameter named whole, its kind on a line of its own (no name cut short with '…')
    kinds = {"活动数据": "活动数据", "排放因子": "排放因子", "活动数据或排放因子": "活动数据或排放因子"}
    assert low["categories"] == [f"{row[0]}\n（{kinds[row[1]]}）" for row in table]


def test_every_chart_part_is_related_typed_and_numbered_in_document_order(valve_report):
    package = zipfile.ZipFile(io.BytesIO(valve_report))
    assert chart_parts(valve_report) == [f"word/charts/chart{n}.xml" for n in (1, 2, 3, 4)]
    types = etree.fromstring(package.read("[Content_Types].xml"))
    overrides = {item.get("PartName"): item.get("ContentType") for item in types}
    for name in chart_parts(valve_report):
        assert overrides[f"/{name}"] == CHART_TYPE
        assert order_problems(etree.fromstring(package.read(name))) == []
    # python-docx opens the report and finds each chart as a part of the document
    document = open_report(valve_report)
    related = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/chart")]
    assert sorted(str(p.partname) for p in related) == [f"/word/charts/chart{n}.xml" for n in (1, 2, 3, 4)]
    assert {p.content_type for p in related} == {CHART_TYPE}
    # each chart embeds the workbook that Word's Edit Data opens, holding what the chart caches
    assert overrides.get("/word/embeddings/Microsoft_Excel_Worksheet1.xlsx", WORKBOOK_TYPE) == WORKBOOK_TYPE
    for number, name in enumerate(chart_parts(valve_report), 1):
        (relation,) = etree.fromstring(package.read(name.replace("charts/", "charts/_rels/") + ".rels"))
        assert relation.get("Target") == f"../embeddings/Microsoft_Excel_Worksheet{number}.xlsx"
        assert relation.get("Type").endswith("/package")
        reference = etree.fromstring(package.read(name)).find("c:externalData", NS)
        assert reference.get(f"{{{PREFIXES['r']}}}id") == relation.get("Id")
        embedded = package.read("word/" + relation.get("Target").removeprefix("../"))
        sheet = openpyxl.load_workbook(io.BytesIO(embedded))["Sheet1"]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
        series = series_of(package.read(name))
        assert [row[0] or "" for row in table[1:]] == series[0]["categories"]
        for column, one in enumerate(series, 1):
            assert (table[0][column] or "") == one["name"]
            assert [row[column] for row in table[1:]] == one["values"]
    # drawings (four charts, the example's two pictures) carry unique ids, and are in schema order
    body = document.element.body
    ids = [element.get("id") for element in body.iter(f"{{{PREFIXES['wp']}}}docPr")]
    assert len(ids) == 6 and len(set(ids)) == 6
    for inline in body.iter(f"{{{PREFIXES['wp']}}}inline"):
        assert order_problems(inline) == []


def test_english_report_charts_use_the_english_templates_fonts(tmp_path):
    built = pipeline.build(EXAMPLES / "valve-actuator.toml", tmp_path, language="en")
    data = built.target.read_bytes()
    package = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(package.read(chart_parts(data)[0]))
    latin = {element.get("typeface") for element in root.iter(f"{{{NS['a']}}}latin")}
    assert latin == {"Arial"}
    (_, (ring,)), *_ = report_charts(data)
    assert ring["categories"][0].startswith("Raw material acquisition  386.00 kgCO₂e/unit")  # 台 in English


def test_chart_labels_wrap_instead_of_being_cut():
    assert charts.wrap_label("磷酸铁锂正极材料（每 MWh 电芯用量的上游排放）") == [
        "磷酸铁锂正极材料（每 MWh 电", "芯用量的上游排放）"]
    assert charts.wrap_label("Transport of grey iron castings to the plant") == [
        "Transport of grey iron", "castings to the plant"]
    # an English name of a few words takes two lines, whole
    assert charts.wrap_label("Lithium iron phosphate cathode material", lines=2) == [
        "Lithium iron phosphate", "cathode material"]
    assert charts.wrap_label("Aluminium alloy castings (proxy material)", lines=2) == [
        "Aluminium alloy castings", "(proxy material)"]
    assert charts.wrap_label("电机") == ["电机"]
    # closing punctuation stays with what it closes; a word too long for a line is split
    assert charts.wrap_label("一二三四五六七八九十一二三，十一") == ["一二三四五六七八九十一二三，", "十一"]
    assert charts.wrap_label("x" * 30) == ["x" * 25, "x" * 5]
    # past three lines the rest is cut, and says so
    assert charts.wrap_label("长" * 50) == ["长" * 14, "长" * 14, "长" * 13 + "…"]


def test_a_tall_bar_chart_is_capped_without_hiding_its_labels():
    """Ten parameters with two-line labels made a 130 mm tornado, which left half a page blank before
    it: labels go to 8 pt and the chart shrinks towards MAX_HEIGHT_MM, never below what its labels
    need (a renderer hides labels that would overlap)."""
    names = [f"参数{i}\n（活动数据）" for i in range(10)]
    chart = charts.tornado_chart(names, [9.0] * 10, [11.0] * 10, 10.0, ["9"] * 10, ["11"] * 10,
                                 ("−", "+"), "x")
    assert chart.height_mm < 30 + 10 * (4.4 * 2 + 1.2)  # shorter than at 9 pt
    assert chart.height_mm >= 30 + 10 * (4.4 / 9 * 8 * 2 + 1.2) - 1e-9  # room for 8 pt labels
    def label_size(plot: str) -> str:
        axis = plot[plot.index("<c:catAx>"):plot.index("</c:catAx>")]
        return axis[axis.index("<c:txPr>"):].split('sz="')[1].split('"')[0]

    assert label_size(chart.plot_area) == "800"
    few = charts.tornado_chart(names[:3], [9.0] * 3, [11.0] * 3, 10.0, ["9"] * 3, ["11"] * 3, ("−", "+"), "x")
    assert few.height_mm <= charts.MAX_HEIGHT_MM and label_size(few.plot_area) == "900"
