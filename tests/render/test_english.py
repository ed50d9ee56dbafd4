"""The English report (report.language = "en"): same structure and numbers, English words."""

import datetime as dt
import io
import re
import zipfile

import pytest

from pcfdoc.render.docx import _template_text, default_template
from pcfdoc.render.labels import EN, date_en, in_text_en, join_en

from conftest import FIXTURES, fixture_data
from render.conftest import ANALYSIS, render
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

#: Chinese characters, CJK punctuation and full-width forms: what an English report's own text never holds.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def english(data: dict) -> dict:
    data["report"]["language"] = "en"
    return data


def translated(data: dict) -> dict:
    """minimal.toml in English, with the English version of each text it prints (key_en)."""
    report, company = data["report"], data["company"]
    report |= {"assessor_en": "Test Assessors", "purpose_en": "A test spec.", "audience_en": ["Test readers"]}
    for person, name in zip(report["people"], ("Wang", "Li", "Zhang"), strict=True):
        person["name_en"] = name
    company |= {"name_en": "Test Co.", "address_en": "1 Test Road", "legal_representative_en": "Liu",
                "introduction_en": "A test company."}
    company["contact"]["name_en"] = "Chen"
    product = data["products"][0]
    product |= {"name_en": "Widget", "description_en": "A widget for tests.",
                "reference_flow_en": "The reference flow is one widget."}
    product["packaging"]["note_en"] = "the test widget ships unpacked."
    product["carbon_content"]["note_en"] = "The widget's carbon content was not measured."
    for reason in data["boundary"]["stage_reasons"]:
        reason["reason_en"] = f"Test: no {reason['stage'].replace('_', ' ')} stage."
    data["method"]["electricity_en"] = "Test: the grid average factor."
    for line, name in zip(product["inventory"], ("Steel", "Electricity"), strict=True):
        line["name_en"] = name
    for factor, name in zip(data["factors"], ("Steel production", "Grid"), strict=True):
        factor |= {"name_en": name, "source_en": "Test source"}
    data["notes"]["limitations_en"] = ["A test spec; its values are whole numbers."]
    data["allocation"]["rationale_en"] = "Test: one product, nothing to allocate."
    return english(data)


@pytest.fixture(scope="module")
def minimal_en(tmp_path_factory) -> bytes:
    """minimal.toml in English: steel 20 + electricity 25 = 45.00 kgCO₂e/unit."""
    import tomli_w

    path = tmp_path_factory.mktemp("en") / "minimal-en.toml"
    path.write_text(tomli_w.dumps(translated(fixture_data("minimal.toml"))), "utf-8")
    return render(path)


@pytest.fixture(scope="module")
def minimal_zh(tmp_path_factory) -> bytes:
    """The Chinese report of the same spec, also outside git (no revision history in either)."""
    path = tmp_path_factory.mktemp("zh") / "minimal.toml"
    path.write_bytes((FIXTURES / "minimal.toml").read_bytes())
    return render(path)


def paragraphs(document) -> list[str]:
    """Every paragraph of body, table cells, headers and footers."""
    return [text for text in all_text(document).split("\n") if text.strip()]


def test_english_report_has_the_chinese_structure_in_english(minimal_en, minimal_zh):
    document = open_report(minimal_en)
    assert headings(document, 1) == [
        "Report information", "Summary", "Product carbon footprint", "Company profile", "Goal and scope",
        "Data collection", "Carbon footprint calculation", "Interpretation", "Improvement plan",
        "Closing remarks", "Appendix A Emission factor sources", "Appendix B Databases and references",
        "Appendix C Assessment team",
    ]
    chinese = open_report(minimal_zh)
    assert len(headings(document, 1)) == len(headings(chinese, 1))
    assert len(headings(document, 2)) == len(headings(chinese, 2))
    assert headings(document, 3) == ["Raw material acquisition", "Production"]
    level2 = headings(document, 2)
    for expected in ("Goal and intended application", "Functional unit and reference flow",
                     "System boundary", "Allocation", "Cut-off criteria",
                     "Data sources and data quality requirements", "Activity data of the widget",
                     "Emission factors", "Results for the widget", "Data quality assessment",
                     "Uncertainty analysis", "Sensitivity analysis", "Conclusions",
                     "Assumptions and limitations"):
        assert expected in level2
    # the same tables, charts and caption fields in the same places
    assert len(document.tables) == len(chinese.tables)
    columns = [len(table.columns) for table in document.tables]
    assert columns == [len(table.columns) for table in chinese.tables]
    assert part_xml(minimal_en, "word/document.xml").count("<c:chart ") == part_xml(
        minimal_zh, "word/document.xml").count("<c:chart ") == 4


def test_english_information_table_and_total(minimal_en):
    document = open_report(minimal_en)
    info = key_value(document.tables[0])
    assert info["Functional unit"] == "one widget"  # 台 is a unit in English, and one unit is one widget
    assert info["Result"] == "Widget: 45.00 kgCO₂e/unit"
    assert info["Data period"] == "1 January 2023 to 31 December 2023"
    assert info["Date of issue"] == "1 March 2024"
    assert info["System boundary"] == ("Cradle-to-gate (a partial CFP): raw material acquisition and "
                                       "production")
    assert info["Standards applied"] == ("ISO 14067:2018, Greenhouse gases — Carbon footprint of products — "
                                         "Requirements and guidelines for quantification")
    assert info["Assessment body"] == "Test Assessors"
    assert rows(document.tables[1])[1] == ["Preparation", "Wang", "", "", "", "20 February 2024"]
    text = all_text(document)
    assert "The carbon footprint of the widget is 45.00 kgCO₂e/unit." in text
    assert ("The functional unit is one widget. The system boundary is cradle-to-gate (a partial "
            "CFP); it covers 2 life cycle stages: raw material acquisition and production; the assessment "
            "does not cover raw material transport, distribution, use and end of life.") in text
    assert ("Within the cradle-to-gate system boundary, the carbon footprint of the widget manufactured "
            "by Test Co. is 45.00 kgCO₂e/unit. Most of the emissions arise in the production stage (55.56%). "
            "The largest emission sources are, in descending order: electricity (55.56%) and steel "
            "(44.44%).") in text


def test_english_tables_carry_the_same_numbers(minimal_en):
    document = open_report(minimal_en)
    stages = table_after(document, "Carbon emissions of the widget by life cycle stage")
    assert rows(stages) == [["Life cycle stage", "Emissions (kgCO₂e/unit)", "Share (%)"],
                            ["Raw material acquisition", "20.00", "44.44"], ["Production", "25.00", "55.56"],
                            ["Total", "45.00", "100.00"]]
    calc = table_after(document, "Carbon footprint calculation for the widget")
    assert rows(calc)[0] == ["No.", "Emission source", "Activity data", "Unit", "Emission\nfactor",
                             "Factor unit", "Emissions\n(kgCO₂e/unit)", "Share\n(%)"]
    assert row_starting(calc, "2", "Electricity") == [
        "2", "Electricity", "50", "kWh", "0.5", "kgCO₂/kWh", "25.00", "55.56"]
    assert row_starting(calc, "", "Total")[6:] == ["45.00", "100.00"]
    inventory = table_after(document, "Activity data of the widget: raw material acquisition")
    assert rows(inventory)[1] == ["1", "Steel", "10", "kg", "per unit", "Primary", "BOM"]
    processes = table_after(document, "Processes included in and excluded from each life cycle stage")
    assert row_starting(processes, "Use")[1] == "Excluded"
    assert row_starting(processes, "Production")[1] == "Included"
    gwp = table_after(document, "Global warming potentials (GWP100)")
    assert rows(gwp)[1:] == [["Carbon dioxide", "CO₂", "1"], ["Methane", "CH₄", "27.9"],
                             ["Nitrous oxide", "N₂O", "273"]]
    factors = table_after(document, "Emission factors")
    # the value as written (2.0), no region given: left blank
    assert row_starting(factors, "1") == ["1", "Steel production", "2.0", "kgCO₂e/kg", "2022", ""]
    team = table_after(document, "Assessment team")
    assert row_starting(team, "Preparation") == ["Preparation", "Wang", "", "Test Assessors", ""]


def test_english_captions_are_numbered_per_chapter(minimal_en):
    document = open_report(minimal_en)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figure 3-1 System boundary" in captions
    assert "Table 3-1 Processes included in and excluded from each life cycle stage" in captions
    assert [c for c in captions if c.startswith("Table 5-")][:2] == [
        "Table 5-1 Carbon footprint calculation for the widget",
        "Table 5-2 Carbon emissions of the widget by life cycle stage"]
    assert "Figure 5-1 Shares of the life cycle stages in the carbon footprint of the widget" in captions
    assert "Table A-1 Emission factor sources" in captions
    xml = part_xml(minimal_en, "word/document.xml")
    assert "SEQ Table5 \\* ARABIC" in xml and "SEQ Figure3 \\* ARABIC" in xml


def test_no_chinese_is_left_when_every_text_has_its_english_version(minimal_en):
    document = open_report(minimal_en)
    for paragraph in paragraphs(document):
        assert not CJK.search(paragraph), paragraph
    with zipfile.ZipFile(io.BytesIO(minimal_en)) as package:
        footers = "".join(package.read(name).decode("utf-8")
                          for name in package.namelist() if "footer" in name)
    assert "Page " in footers and " of " in footers


def test_an_english_spec_gives_a_report_without_chinese(write_spec):
    data = english(fixture_data("minimal.toml"))
    data["report"] |= {"assessor": "Test Assessors Ltd", "purpose": "A test of the English report.",
                       "people": [{"duty": "prepared", "name": "A. Smith", "date": dt.date(2024, 2, 20)}]}
    data["company"] |= {"name": "Test Co.", "address": "1 Test Road", "legal_representative": "B. Jones",
                        "contact": {"name": "C. Brown", "phone": "000"}, "introduction": "A test company."}
    product = data["products"][0]
    product |= {"name": "widget", "functional_unit": {"amount": 1, "unit": "piece"},
                "description": "A test part.", "reference_flow": "one widget",
                "packaging": {"included": False, "note": "shipped unpacked"},
                "carbon_content": {"note": "not measured"}}
    data["report"]["audience"] = ["test readers"]
    data["boundary"]["stage_reasons"] = [{**reason, "reason": "a test"}
                                         for reason in data["boundary"]["stage_reasons"]]
    data["allocation"]["rationale"] = "One product: nothing to allocate."
    data["method"]["electricity"] = "grid average"
    data["notes"]["limitations"] = ["a test spec"]
    product["inventory"][0]["name"] = "steel"
    product["inventory"][1]["name"] = "electricity"
    for factor, name in zip(data["factors"], ("steel production", "grid"), strict=True):
        factor |= {"name": name, "source": "test source"}
    document = open_report(render(write_spec(data)))
    for paragraph in paragraphs(document):
        assert not CJK.search(paragraph), paragraph
    assert key_value(document.tables[0])["Result"] == "widget: 45.00 kgCO₂e/piece"
    assert "Product Carbon Footprint Report: widget" in header_text(document.sections[0])


def test_english_template_holds_no_chinese_and_keeps_east_asian_fonts():
    template = default_template("en")
    assert not CJK.search(_template_text(template.read_bytes()))
    with zipfile.ZipFile(template) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    # Latin fonts for English text, East Asian fonts for any Chinese a user writes
    assert 'w:ascii="Times New Roman"' in styles and 'w:ascii="Arial"' in styles
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles


def test_both_templates_share_one_structure():
    """The same paragraph and row tags, captions and tables in the same order: only the words (and the
    tags inside sentences) differ."""
    def skeleton(language: str):
        with zipfile.ZipFile(default_template(language)) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        text = re.sub(r"<[^>]+>", "", xml)
        return (re.findall(r"\{%(?:p|tr) [^%]*%\}", text), re.findall(r"cap\.\w+\('?\w+'?\)", text),
                [len(re.findall(r"<w:gridCol ", table)) for table in xml.split("<w:tbl>")[1:]])

    assert skeleton("en") == skeleton("zh-CN")


def test_english_analysis_sections(tmp_path):
    path = tmp_path / "analysis-en.toml"
    text = ANALYSIS.read_text("utf-8").replace("[report]\n", '[report]\nlanguage = "en"\n', 1)
    path.write_text(text, "utf-8")
    document = open_report(render(path))
    level2 = headings(document, 2)
    start = level2.index("Data quality assessment")
    assert level2[start:start + 4] == ["Data quality assessment", "Uncertainty analysis",
                                       "Sensitivity analysis", "Scenario analysis"]
    cutoff = table_after(document, "Inputs of the 部件 under the cut-off criteria")
    assert rows(cutoff)[1:] == [["螺钉", "Raw material acquisition", "0.60", "0.60", "0.77", "Included"],
                                ["胶粘剂", "Raw material acquisition", "0.20", "0.50", "0.64", "Excluded"]]
    ghg = table_after(document, "Greenhouse gas emissions of the 部件 by category")
    assert rows(ghg)[0] == ["Life cycle stage", "Fossil", "Biogenic", "Direct land-use change", "Aircraft",
                            "Total"]
    assert rows(ghg)[-1] == ["Total", "76.60", "0.50", "0.00", "0.40", "77.50"]
    quality = table_after(document, "Data quality scores of the 部件")
    # the stated reliability (*), pcfdoc's conservative defaults (‡), the time from the factor's year (†)
    assert rows(quality)[2] == ["2", "铝材", "1*", "2‡", "3†", "4‡", "4‡", "2.8", "Primary"]
    sensitivity = table_after(document, "Parameters with the greatest influence on the result for the 部件")
    assert rows(sensitivity)[0] == ["Parameter", "Type", "Result at −20%\n(kgCO₂e/unit)",
                                    "Result at +20%\n(kgCO₂e/unit)", "Swing (%)"]
    assert rows(sensitivity)[1] == ["钢材", "Activity data", "69.30", "85.70", "21.16"]
    assert row_starting(sensitivity, "电力")[1] == "Activity data or emission factor"
    scenarios = table_after(document, "Carbon footprint of the 部件 by scenario")
    assert rows(scenarios)[1] == ["Baseline", "77.50", "—", "—"]
    text = all_text(document)
    assert "the data quality rating (DQR) of the 部件 is 2.02, rated good." in text
    assert ("The basic uncertainty follows what a source is: 1.05 for material and energy inputs and 2 for "
            "transport (sources counted in t·km).") in text
    assert ("1 if under 3 years, 2 if under 6 years, 3 if under 10 years, 4 if under 15 years and 5 if "
            "15 years or more") in text
    assert ("The excluded inputs (胶粘剂) account for 0.20% of the product mass and have estimated "
            "emissions of 0.50 kgCO₂e/unit") in text
    assert ("Of the measures quantified, “采购绿色电力” promises the largest saving: about 14.40 "
            "kgCO₂e/unit, or 18.58% of the product carbon footprint.") in text
    improvement = table_after(document, "Improvement measures and their expected effect")
    assert row_starting(improvement, "1")[2:] == [
        "电力", "19.35", "14.40", "18.58", "Scenario “使用绿色电力”"]


def test_english_vocabulary():
    assert date_en(dt.date(2024, 6, 7)) == "7 June 2024"
    assert [join_en(items) for items in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "", "a", "a and b", "a, b and c"]
    assert in_text_en("Raw material acquisition") == "raw material acquisition"
    assert in_text_en("GWP100") == "GWP100"

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)

    for text in strings(dict(EN)):
        assert not CJK.search(text), text
