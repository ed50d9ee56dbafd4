"""The shipped templates are what tools/make_template.py makes, and what it makes lays out well:
table headings that never break a unit, a page header whose running title stays in its cell."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from report_template import build, en, zh  # noqa: E402
from report_template.builder import headings_fitted, text_width_cm  # noqa: E402


@pytest.mark.parametrize("language", [zh, en], ids=["zh-CN", "en"])
def test_the_committed_templates_are_the_generated_ones(language, tmp_path, capsys):
    made = build(language, tmp_path)
    assert made.read_bytes() == (ROOT / "templates" / language.LANGUAGE / "report.docx").read_bytes(), (
        "templates are stale: run python3 tools/make_template.py")


def test_a_heading_too_wide_for_its_column_puts_its_unit_on_a_line_of_its_own():
    heading = ["排放源", "排放量（{{ product.result_unit }}）", "占比（%）"]
    widths, texts = headings_fitted([3.0, 2.5, 1.5], heading, 10.5)
    assert texts == ["排放源", "排放量\n（{{ product.result_unit }}）", "占比\n（%）"]
    assert widths == [3.0, 2.5, 1.5]  # each unit fits its column on its own line


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
