"""ReportTemplate: spliced row loops give docxtpl's own bytes; the compiled template is cached."""

from __future__ import annotations

import pytest
from docx import Document

from pcfdoc import pipeline
from pcfdoc.render import template as template_module
from pcfdoc.render.docx import TemplateError, render_report
from pcfdoc.render.template import ReportTemplate

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.conftest import ANALYSIS, render
from render.docx_reading import all_text, open_report, rows


@pytest.fixture
def spliced(monkeypatch) -> list[int]:
    """Row counts of every loop rendered by splicing, in order."""
    counts: list[int] = []
    original = ReportTemplate._rows

    def counting(self, index, items):
        items = list(items)
        counts.append(len(items))
        return original(self, index, items)

    monkeypatch.setattr(ReportTemplate, "_rows", counting)
    return counts


def _docxtpl_bytes(monkeypatch, path) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(ReportTemplate, "splice_rows", False)
        return render(path)


def _hostile_spec(write_spec):
    data = fixture_data("minimal.toml")
    line = data["products"][0]["inventory"][0]
    line["name"] = "钢材 & <b>\t第二列\n第二行 {_{ x }_} {_% y %_} O'Brien \"引号\""
    return write_spec(data)


@pytest.mark.parametrize("case", ["valve", "analysis", "hostile"])
def test_spliced_rows_give_the_same_bytes_as_docxtpl(case, monkeypatch, write_spec, spliced):
    path = {"valve": EXAMPLES / "valve-actuator.toml", "analysis": ANALYSIS}.get(case) \
        or _hostile_spec(write_spec)
    fast = render(path)
    assert sum(spliced) > 10  # the long tables did take the spliced path
    assert fast == _docxtpl_bytes(monkeypatch, path)


def test_a_value_with_a_tab_and_a_line_break_renders_as_docxtpl_renders_it_and_braces_literally(write_spec):
    """Tabs and line breaks become Word's; docxtpl's {_{ escapes are the template's, never the data's."""
    text = all_text(open_report(render(_hostile_spec(write_spec))))
    assert "钢材 & <b>\t第二列\n第二行 {_{ x }_} {_% y %_}" in text


def _table_template(path, *cells: str) -> None:
    document = Document()
    table = document.add_table(rows=4, cols=len(cells))
    for column, cell in enumerate(cells):
        table.cell(0, column).text = f"head {column}"
        table.cell(2, column).text = cell
    table.cell(1, 0).text = "{%tr for item in products %}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.save(path)


def _render_custom(path, spec=FIXTURES / "two-products.toml") -> bytes:
    calculated = pipeline.calc(spec)
    return render_report(calculated.valid, calculated.results, path)


def test_a_simple_loop_in_a_custom_template_is_spliced(tmp_path, spliced, monkeypatch):
    custom = tmp_path / "custom.docx"
    _table_template(custom, "{{ item.name }}", "{{ item.total }}")
    fast = _render_custom(custom)
    assert spliced == [2]
    names = [product["name"] for product in fixture_data("two-products.toml")["products"]]
    table = rows(open_report(fast).tables[0])
    assert [row[0] for row in table[1:]] == names
    assert all(row[1][0].isdigit() for row in table[1:])
    monkeypatch.setattr(ReportTemplate, "splice_rows", False)
    assert _render_custom(custom) == fast


def test_a_loop_using_more_than_its_item_stays_with_jinja(tmp_path, spliced):
    custom = tmp_path / "custom.docx"
    _table_template(custom, "{{ loop.index }}", "{{ item.total }}")
    table = open_report(_render_custom(custom)).tables[0]
    assert spliced == []
    assert [row[0] for row in rows(table)[1:]] == ["1", "2"]


def test_a_misspelt_name_in_a_spliced_row_is_a_template_error(tmp_path, spliced):
    custom = tmp_path / "custom.docx"
    _table_template(custom, "{{ item.nmae }}")
    expected = r"custom.docx: template error in \{\{ item.nmae \}\}: .*'nmae'; fix the tag in the template"
    with pytest.raises(TemplateError, match=expected):
        _render_custom(custom)


def test_the_compiled_template_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("PCFDOC_CACHE_DIR", str(tmp_path / "cache"))
    first = render(ANALYSIS)
    cached = list((tmp_path / "cache").glob("jinja-*.cache"))
    assert len(cached) == 1
    compiled = []
    compile_ = template_module.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return compile_(self, source, *args, **kwargs)

    monkeypatch.setattr(template_module.Environment, "compile", counting)
    patched = []
    monkeypatch.setattr(template_module.DocxTemplate, "patch_xml",
                        lambda self, xml: patched.append(xml) or xml)
    assert render(ANALYSIS) == first
    # Only the small header and footer parts compile; the body's code came from the cache.
    assert compiled and not any("<w:body" in source for source in compiled)
    assert patched == []  # every part's patched XML came from the cache too


def test_a_corrupt_or_impossible_cache_only_costs_time(tmp_path, monkeypatch):
    expected = render(ANALYSIS)
    folder = tmp_path / "cache"
    monkeypatch.setenv("PCFDOC_CACHE_DIR", str(folder))
    render(ANALYSIS)
    damaged = [*folder.glob("jinja-*.cache"), *folder.glob("patched-*.xml")]
    assert len(damaged) >= 2
    for entry in damaged:
        entry.write_bytes(entry.read_bytes()[:60] + b"garbage")
    assert render(ANALYSIS) == expected
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("PCFDOC_CACHE_DIR", str(not_a_folder))
    assert render(ANALYSIS) == expected
    monkeypatch.setenv("PCFDOC_CACHE_DIR", "")
    assert template_module.bytecode_cache() is None
    assert render(ANALYSIS) == expected


def test_a_table_tag_inside_a_line_of_text_is_a_template_error(tmp_path):
    custom = tmp_path / "custom.docx"
    document = Document()
    document.add_paragraph("见下图 {{ boundary.diagram }}")
    document.save(custom)
    expected = r"custom.docx: template error: .*write it as \{\{p boundary.diagram \}\}"
    with pytest.raises(TemplateError, match=expected):
        _render_custom(custom)
    document = Document()
    document.add_paragraph("{{p boundary.diagram }}")
    document.save(custom)
    assert "系统边界" in all_text(open_report(_render_custom(custom)))


def test_a_template_with_column_loops_keeps_docxtpl_s_own_path(tmp_path, spliced):
    custom = tmp_path / "custom.docx"
    document = Document()
    table = document.add_table(rows=4, cols=3)
    header = ("{%tc for product in products %}", "{{ product.name }}", "{%tc endfor %}")
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    table.cell(1, 0).text = "{%tr for item in products %}"
    table.cell(2, 0).text = "{{ item.total }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.save(custom)
    names = [product["name"] for product in fixture_data("two-products.toml")["products"]]
    table = rows(open_report(_render_custom(custom)).tables[0])
    assert table[0] == names  # one column per product, from docxtpl's fix_tables
    assert len(table) == 3 and spliced == []  # the row loop went through Jinja too
