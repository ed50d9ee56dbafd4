"""Hostile templates: a custom template reads data only, its work is bounded, and any error in it is
exit 2 naming the template with nothing written. Every template is built here, none is stored."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from jinja2 import TemplateError as JinjaError
from markupsafe import Markup

from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.render.captions import Captions
from pcfdoc.render.context import report_context
from pcfdoc.render.docx import TemplateError, render_report
from pcfdoc.render.figures import Figures, Placed
from pcfdoc.render.sandbox import DataSandbox, LimitExceeded, Limits

from conftest import EXAMPLES, FIXTURES


def template_of(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def rebuilt(path: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the .docx at ``path`` with some parts replaced or added."""
    source = zipfile.ZipFile(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, replace.get(name, source.read(name)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    path.write_bytes(buffer.getvalue())
    return path


def build_with(template: Path, tmp_path: Path):
    """`pcfdoc build` of a small spec with ``template``: (result, stderr lines without warnings)."""
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(FIXTURES / "minimal.toml"), "--template", str(template),
                                       "-o", str(out)])
    lines = [line for line in result.stderr.splitlines()
             if ": warning: " not in line and not line.endswith("report(s) not built")]
    return result, lines


ESCAPES = {
    "save": "{{ boundary.diagram.figures.template.save('PWNED') }}",
    "write_xml": "{{ products[0].chart_stages.figures.template.write_xml('PWNED') }}",
    "placed": "{{ boundary.diagram._place.__self__ }}",
    "class": "{{ cap.__class__.__mro__ }}",
    "helper-data": "{{ cap.counts }}",
    "str-method": "{{ company.name.upper() }}",
    "str-format": "{{ '{0.__class__}'.format(company.name) }}",
    "dict-method": "{{ company.items() }}",
    "globals": "{{ cycler.__init__.__globals__ }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "self": "{{ self.__dict__ }}",
    "include": "{% include 'word/document.xml' %}",
    "extends": "{% extends 'word/document.xml' %}",
    "import": "{% import 'word/document.xml' as x %}",
    "from-import": "{% from 'word/document.xml' import x %}",
}

WORK = {
    "range": "{% for x in range(10**9) %}{% endfor %}",
    "nested-loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "repeat": "{{ 'x' * 10**9 }}",
    "power": "{{ 7 ** 100000000 }}",
    "center": "{{ company.name|center(10**9) }}",
    "format": "{{ '%999999999d' % 1 }}",
    "format-filter": "{{ '%.999999999f'|format(1) }}",
    "join": "{{ range(100000)|join('x' * 100000) }}",
    "replace": "{{ ('x' * 1000)|replace('', 'y' * 100000) }}",
    "doubling": "{% set s = 'xxxxxxxxxxxxxxxx' %}" + "{% set s = s ~ s %}" * 40 + "{{ s|length }}",
    "macro-bomb": "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}"
                  "{{ m(60) }}",
    "recursion": "{% for x in [1, 2] recursive %}{{ loop([1, 2]) }}{% endfor %}",
    "captured-loop": "{% set x %}{% for i in range(100000) %}" + "y" * 10_000 + "{% endfor %}{% endset %}",
    "slice": "{{ [1]|slice(10**9)|list }}",
    "shared-list": "{% set b = 'x' * 1000000 %}{{ ([b] * 1000)|join }}",
    "list-repr": "{{ [range(100000)|list] * 10000 }}",
    "accumulate": "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% set ns.l = ns.l + [i] %}"
                  "{% endfor %}",
    "zero-division": "{{ 1 / 0 }}",
    "syntax": "{{ company.name ",
    "undefined": "{{ company.nmae }}",
}


@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_a_template_reaches_no_object_and_no_file(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    template = template_of(tmp_path / "hostile.docx", ESCAPES[case])
    result, lines = build_with(template, tmp_path)
    assert result.exit_code == 2
    assert len(lines) == 1 and lines[0].startswith(f"{template}: template error"), lines
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob("PWNED*"))


@pytest.mark.parametrize("case", sorted(WORK))
def test_a_template_that_works_without_end_is_stopped(case, tmp_path):
    template = template_of(tmp_path / "hostile.docx", WORK[case])
    result, lines = build_with(template, tmp_path)
    assert result.exit_code == 2
    assert len(lines) == 1 and lines[0].startswith(f"{template}: template error"), lines
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()


def test_the_messages_say_what_limit_was_hit(tmp_path):
    cases = {
        "range": "the template does more than 1,000,000 steps (loop iterations, calls, filters); a report "
                 "needs far fewer: look for loops over range() or loops inside loops",
        "repeat": "a repeated value of 1,000,000,000 characters or items is more than the 16,777,216 a "
                  "template may make",
        "captured-loop": "the template makes more than 256 MiB of text; a report needs far less: look for "
                         "text repeated in loops",
        "recursion": "it nests too deep (a macro, block or recursive loop that calls itself without end)",
        "include": "{% include %} is not allowed: a report template is one self-contained document",
        "str-method": "str has no 'upper' a template may read: a template reads data (keys, items, record "
                      "fields) and the helpers cap.table and cap.figure",
    }
    for case, message in cases.items():
        template = template_of(tmp_path / f"{case}.docx", {**WORK, **ESCAPES}[case])
        _, lines = build_with(template, tmp_path)
        assert message in lines[0], (case, lines)


def _package_with_document(tmp_path: Path, name: str, document_xml: bytes) -> Path:
    base = template_of(tmp_path / name, "{{ company.name }}")
    return rebuilt(base, {"word/document.xml": document_xml})


def test_a_damaged_or_oversized_package_is_refused_before_it_is_read(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    entities = _package_with_document(tmp_path, "entities.docx", laughs)
    malformed = _package_with_document(tmp_path, "malformed.docx", b"<w:document><w:body><w:p>")
    bomb = _package_with_document(tmp_path, "bomb.docx", b" " * (40 * 2**20))
    not_zip = tmp_path / "text.docx"
    not_zip.write_text("{{ company.name }}", "utf-8")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    expected = {
        entities: f"{entities}: word/document.xml declares a document type or entities (<!DOCTYPE>, "
                  "<!ENTITY>), which Word documents never hold; save the template again from Word",
        malformed: f"{malformed}: is not a Word document that pcfdoc can read (XMLSyntaxError: ",
        bomb: f"{bomb}: word/document.xml expands to 40 MB, more than the 32 MB a part of a report "
              "template may hold",
        not_zip: f"{not_zip}: is not a Word document (.docx): it is not a zip package; save the template "
                 "from Word as a .docx file",
        folder: f"{folder}: the template is a folder; give a .docx file as --template or report.template",
    }
    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    for template, message in expected.items():
        with pytest.raises(TemplateError) as info:
            render_report(calculated.valid, calculated.results, template)
        assert str(info.value).startswith(message), str(info.value)


def test_a_named_pipe_as_template_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    with pytest.raises(TemplateError, match="pipe.docx: the template is a named pipe \\(FIFO\\), not a file"):
        render_report(calculated.valid, calculated.results, fifo)


def test_a_spec_naming_a_folder_as_its_template_is_exit_2(tmp_path, write_spec):
    from conftest import fixture_data

    data = fixture_data("minimal.toml")
    data["report"]["template"] = "folder.docx"
    (tmp_path / "folder.docx").mkdir()
    spec = write_spec(data)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'folder.docx'}: the template is a folder" in result.stderr
    assert not (tmp_path / "out").exists()


def _plain(value, path="context") -> list[str]:
    """Paths in the render context to anything but plain data and the two render helpers."""
    if isinstance(value, (str, int, float, bool, type(None), Markup)):
        return []
    if isinstance(value, (Captions, Placed)):
        return []
    if isinstance(value, dict):
        return [bad for key, item in value.items() for bad in _plain(item, f"{path}.{key}")]
    if isinstance(value, (list, tuple)):
        return [bad for index, item in enumerate(value) for bad in _plain(item, f"{path}[{index}]")]
    if dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:
        return [bad for field in dataclasses.fields(value)
                for bad in _plain(getattr(value, field.name), f"{path}.{field.name}")]
    return [f"{path}: {type(value).__name__}"]


@pytest.mark.parametrize("spec", ["valve-actuator", "battery-cells", "mining-machinery"])
def test_the_render_context_holds_plain_data_and_two_helpers(spec):
    from docxtpl import DocxTemplate

    from pcfdoc.render.docx import default_template

    calculated = pipeline.calc(EXAMPLES / f"{spec}.toml")
    document = DocxTemplate(str(default_template("zh-CN")))
    document.init_docx()
    context = report_context(calculated.valid, calculated.results, Figures(document))
    assert _plain(context) == []
    placed = context["boundary"]["diagram"]
    assert isinstance(placed, Placed) and Placed.template_api == frozenset()
    assert not hasattr(placed, "__dict__")  # its one slot is private: nothing to read


def test_the_sandbox_reads_keys_items_and_record_fields_only():
    @dataclasses.dataclass(frozen=True)
    class Record:
        name: str

        def secret(self) -> str:
            return "reached"

    environment = DataSandbox()
    template = environment.from_string(
        "{{ d.items }}/{{ d['keys'] }}/{{ l[1] }}/{{ s[0] }}/{{ r.name }}/{{ d.items|length }}")
    assert template.render(d={"items": [1, 2], "keys": "k"}, l=[1, 2], s="abc", r=Record("n")) \
        == "[1, 2]/k/2/a/n/2"
    for source in ("{{ r.secret() }}", "{{ s.upper() }}", "{{ l.append(3) }}", "{{ d.update({}) }}",
                   "{{ r.__class__ }}", "{{ cap.labels }}"):
        with pytest.raises(JinjaError):
            DataSandbox().from_string(source).render(d={}, s="abc", l=[], r=Record("n"), cap=Captions())


def test_loops_with_output_are_counted_step_by_step():
    environment = DataSandbox(Limits(steps=10_000))
    template = environment.from_string("{% for a in range(99) %}{% for b in range(99) %}{{ b }}{% endfor %}"
                                       "{% endfor %}")
    with pytest.raises(LimitExceeded, match="more than 10,000 steps"):
        template.render()
    assert 10_000 < environment.budget.steps < 10_200


def test_the_limits_are_counted_across_the_whole_report():
    environment = DataSandbox(Limits(steps=1_000))
    template = environment.from_string("{% for x in items %}{{ x }}{% endfor %}")
    template.render(items=range(600))
    with pytest.raises(LimitExceeded, match="more than 1,000 steps"):
        template.render(items=range(600))  # a second part of the same report adds to the first


def test_the_examples_stay_well_inside_the_limits():
    """What the largest example uses, so that the limits are far above any real report."""
    calculated = pipeline.calc(EXAMPLES / "valve-actuator.toml")
    used = {}
    original = DataSandbox.__init__

    def recording(self, limits=None):
        original(self, limits)
        used["budget"] = self.budget

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DataSandbox, "__init__", recording)
        from pcfdoc.render.docx import default_template

        render_report(calculated.valid, calculated.results, default_template("zh-CN"))
    budget = used["budget"]
    assert 100 < budget.steps < Limits().steps / 100
    assert 10_000 < budget.rendered < Limits().rendered / 100
