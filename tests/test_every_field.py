"""Every key of the spec format is exercised; every text the reference calls printed reaches the report
(in Chinese, and its English twin in English), and every text it calls not printed never does."""

from __future__ import annotations

import shutil

import pytest
import tomli_w
from marshmallow import fields

from pcfdoc import pipeline
from pcfdoc.render.docx import default_template, render_report
from pcfdoc.spec.fields import NOT_PRINTED, Text, is_translatable
from pcfdoc.spec.schema import Spec

from conftest import FIXTURES, fixture_data
from render.docx_reading import all_text, open_report

#: Keys that exclude one another in one table: the fixture holds the first, a test elsewhere the other.
ALTERNATIVES = {("report", "precision", "significant"),
                # an older spec's place for the carbon contents (products[].carbon_content now)
                ("pact", "products", "fossil_carbon_content"),
                ("pact", "products", "biogenic_carbon_content")}
#: Texts that must stay as they are to be valid: a checked code, paths to files.
KEEP = {"credit_code", "paths", "template", "file", "file_en", "signature", "seal"}


def schema_paths(schema, prefix=()) -> set[tuple[str, ...]]:
    paths = set()
    for name, field in schema.fields.items():
        if field.metadata.get("twin_of"):
            continue  # English twins: covered by test_every_english_text_reaches_the_english_report
        path = prefix + (name,)
        paths.add(path)
        inner = field.inner if isinstance(field, fields.List) else field
        if isinstance(inner, fields.Nested):
            paths |= schema_paths(inner.schema, path)
    return paths


def data_paths(data, prefix=()) -> set[tuple[str, ...]]:
    paths = set()
    if isinstance(data, dict):
        for key, value in data.items():
            paths.add(prefix + (key,))
            paths |= data_paths(value, prefix + (key,))
    elif isinstance(data, list):
        for item in data:
            paths |= data_paths(item, prefix)
    return paths


def test_the_fixture_uses_every_key_of_the_spec_format():
    missing = schema_paths(Spec()) - data_paths(fixture_data("every-field.toml")) - ALTERNATIVES
    assert not missing, sorted(missing)


def text_fields(schema, prefix=()):
    """(path, field) of every plain text field (ids, choices and units are not texts)."""
    for name, field in schema.fields.items():
        inner = field.inner if isinstance(field, fields.List) else field
        if isinstance(inner, fields.Nested):
            yield from text_fields(inner.schema, prefix + (name,))
        elif type(inner) is Text and not field.metadata.get("twin_of"):
            yield prefix + (name,), field


def test_every_text_field_says_where_the_report_prints_it():
    unsaid = [".".join(path) for path, field in text_fields(Spec())
              if path[0] != "pact" and not field.metadata.get("printed")]
    assert not unsaid


class Marker:
    """Replaces each text of a spec with a unique marker full of characters that break templates, and
    sorts the markers by what the schema says of their field: printed, or not."""

    def __init__(self) -> None:
        self.count = 0
        self.printed: list[str] = []
        self.hidden: list[str] = []

    def next(self) -> str:
        self.count += 1
        return f"〔{self.count}&<\"{{{{x}}}}{{% y %}}\">〕"

    def mark(self, data, schema, english: bool = False):
        marked = {}
        for key, value in data.items():
            field = schema.fields[key]
            inner = field.inner if isinstance(field, fields.List) else field
            if isinstance(inner, fields.Nested):
                marked[key] = ([self.mark(item, inner.schema, english) for item in value]
                               if isinstance(value, list) else self.mark(value, inner.schema, english))
            elif type(inner) is Text and not field.metadata.get("twin_of") and key not in KEEP:
                printed = field.metadata.get("printed") not in (None, NOT_PRINTED)
                translated = english and is_translatable(field)
                marked[key] = self._texts(value, printed and not translated)
                if translated:  # the English twin is what an English report prints instead
                    marked[f"{key}_en"] = self._texts(value, True)
            elif not field.metadata.get("twin_of"):
                marked[key] = value
        return marked

    def _texts(self, value, printed: bool):
        if isinstance(value, list):
            return [self._texts(item, printed) for item in value]
        marker = self.next()
        (self.printed if printed else self.hidden).append(marker)
        return marker


def report_text(path, language: str | None = None) -> str:
    calculated = pipeline.calc(path, language=language)
    # The spec's own text reaches its report; a model's ([[variants]]) reaches the model's report.
    documents = [calculated] + [document for _, document in pipeline.documents(calculated, path)]
    template = default_template(calculated.valid.spec.report.language)
    return "\n".join(all_text(open_report(render_report(document.valid, document.results, template)))
                     for document in documents)


@pytest.fixture
def marked_spec(write_spec, tmp_path):
    shutil.copytree(FIXTURES / "factors", tmp_path / "factors")  # the spec's own library
    shutil.copytree(FIXTURES / "images", tmp_path / "images", dirs_exist_ok=True)  # and its pictures

    def write(english: bool = False):
        marker = Marker()
        data = marker.mark(fixture_data("every-field.toml"), Spec(), english)
        data.pop("pact")  # facts for the PACT exchange only
        return write_spec(tomli_w.dumps(data)), marker

    return write


def test_every_printed_text_reaches_the_report_literally_and_no_other(marked_spec):
    path, marker = marked_spec()
    text = report_text(path)
    assert len(marker.printed) > 60
    assert [m for m in marker.printed if m not in text] == []
    # Remarks for the author (a factor's note) never reach the client; nor do the English twins.
    assert marker.hidden
    assert [m for m in marker.hidden if m in text] == []


def test_every_english_text_reaches_the_english_report_instead_of_the_chinese(marked_spec):
    path, marker = marked_spec(english=True)
    text = report_text(path, "en")
    assert len(marker.printed) > 60
    assert [m for m in marker.printed if m not in text] == []
    assert [m for m in marker.hidden if m in text] == []


def test_the_spec_template_field_is_resolved_relative_to_the_spec(tmp_path):
    built = pipeline.build(FIXTURES / "every-field.toml", tmp_path)
    assert built.target.exists()
    assert pipeline.template_for(built.calculated.valid, None) == (
        FIXTURES / "../../templates/zh-CN/report.docx")
