"""The shipped templates are what tools/make_template.py makes, and what it makes lays out well:
table headings that never break a unit, a page header whose running title stays in its cell."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from report_template import build, en, zh  # noqa: E402
from report_template.builder import Builder, headings_fitted, text_width_cm  # noqa: E402


@pytest.mark.parametrize("language", [zh, en], ids=["zh-CN", "en"])
def test_the_committed_templates_are_the_generated_ones(language, tmp_path, capsys):
    made = build(language, tmp_path)
    assert made.read_bytes() == (ROOT / "templates" / language.LANGUAGE / "report.docx").read_bytes(), (
        "templates are stale: run python3 tools/make_template.py")


def test_a_heading_too_wide_for_its_column_puts_its_unit_on_a_line_of_its_own():
    heading = ["排放源", "排放量（{{ product.result_unit }}）", "占比（%）"]
    widths, texts = headings_fitted([3.0, 2.5, 1.5], heading, 10.5)
    assert texts == ["排放源", "排放量\n（{{ product.result_unit }}）", "占比\n（%）"]
    # each unit fits its column on its own line (kgCO₂e's capitals take a little from the names)
    assert widths[1] == pytest.approx(text_width_cm("（kgCO₂e）", 10.5) + 0.42, abs=0.01)
    assert sum(widths) == pytest.approx(7.0) and widths[2] == pytest.approx(1.5, abs=0.05)


def test_a_column_narrower_than_its_unit_takes_room_from_the_others():
    heading = ["名称", "排放量（{{ product.per_label }}）"]  # per_label may print kgCO₂e/MWh
    widths, texts = headings_fitted([6.0, 1.5], heading, 10.5)
    unit_width = text_width_cm("（kgCO₂e/MWh）", 10.5)
    assert widths[1] >= unit_width + 0.3 and widths[1] > 1.5
    assert sum(widths) == pytest.approx(7.5)  # the table keeps its width
    assert texts[1] == "排放量\n（{{ product.per_label }}）"


def test_headings_that_fit_are_left_alone():
    assert headings_fitted([2.0, 5.0], ["序号", "名称"], 10.5) == ([2.0, 5.0], ["序号", "名称"])


def test_the_page_header_is_a_table_of_the_report_number_and_the_running_title():
    from docx import Document

    document = Document(str(ROOT / "templates" / "zh-CN" / "report.docx"))
    header = document.sections[0].header
    (table,) = header.tables
    texts = [cell.text for cell in table.rows[0].cells]
    # a draft says so before the number, in the same cell
    assert texts == ["{% if draft %}{{ draft }}\u3000{% endif %}{{ report.number }}",
                     "{{ report.running_title }}"]
    widths = [cell.width.cm for cell in table.rows[0].cells]
    assert sum(widths) == pytest.approx(15.0, abs=0.01)  # the text width: nothing reaches the margins
    assert table.rows[0].cells[1].paragraphs[0].alignment == 2  # the title ends at the right margin


def test_columns_are_as_wide_as_the_words_and_numbers_their_cells_print_whole():
    """'Secondary' broke as 'Seconda' over 'ry' in a column sized for 'Primary', '0.0000294' as
    '0.000029' over '4', a certificate number at its hyphen: cells are sampled too."""
    b = Builder(en.TEXTS, en.LOOK, en.LANGUAGE)
    size = en.LOOK.table_size
    b.table([1.0, 8.0, 1.0, 1.0, 1.0], [
        ("head", ["No.", "Item", "Type", "Mass", "Certificate"]),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.data_type }}", "c"),
                 ("{{ item.mass }}", "r"), ("{{ item.certificate }}", "l")]),
    ])
    widths = [column.width.cm for column in b.doc.tables[-1].columns]
    for column, sample in ((2, "Secondary"), (3, "0.0000294"), (4, "CCAA-CFP-2022-1147")):
        assert widths[column] >= text_width_cm(sample, size) + 0.3, sample
    assert sum(widths) == pytest.approx(12.0, abs=0.01)  # taken from the name column
    chinese = Builder(zh.TEXTS, zh.LOOK, zh.LANGUAGE).cell_samples["item.data_type"]
    assert chinese in ("初级数据", "次级数据")


def test_a_short_chinese_heading_is_one_word():
    widths, _ = headings_fitted([1.0, 6.0], ["活动数据", "名称"], 10.5)
    assert widths[0] >= text_width_cm("活动数据", 10.5)  # never '活动数' over '据'


def test_the_text_that_leads_into_a_table_keeps_with_it():
    """A short table at a chapter's end moves to the next page with its introduction (and the list
    of cases it introduces), not alone."""
    b = Builder(zh.TEXTS, zh.LOOK, zh.LANGUAGE)
    b.p("前文。")
    intro = b.p("涉及的情景如下：")
    b.tag("{%p for item in cases %}")
    item = b.p("{{ item }}")
    b.tag("{%p endfor %}")
    b.caption("table", 5, "情景")
    assert intro.paragraph_format.keep_with_next and item.paragraph_format.keep_with_next
    assert not b.doc.paragraphs[0].paragraph_format.keep_with_next  # only what leads into it


def test_a_compact_table_sets_its_text_smaller():
    b = Builder(zh.TEXTS, zh.LOOK, zh.LANGUAGE)
    b.table([2.0, 13.0], [("head", ["序号", "名称"]), ("row", [("{{ item.no }}", "c"), ("x", "l")])],
            compact=True)
    runs = [run for cell in b.doc.tables[-1]._cells for run in cell.paragraphs[0].runs]
    assert {run.font.size.pt for run in runs} == {zh.LOOK.table_size - 1.5}
