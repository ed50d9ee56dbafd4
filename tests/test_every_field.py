"""Every key of the spec format is exercised, and every piece of text a user writes reaches the report."""

from __future__ import annotations

import shutil

import tomli_w
from marshmallow import fields

from pcfdoc import pipeline
from pcfdoc.render.docx import default_template, render_report
from pcfdoc.spec.schema import Spec

from conftest import FIXTURES, fixture_data
from render.docx_reading import all_text, open_report

# Keys whose values are ids, references, choices, units or paths: checked, not printed as written.
NOT_PROSE = {
    "id", "stage", "factor", "carries", "product", "targets", "duty", "data_type", "mode", "type",
    "stages", "method", "gwp", "language", "standards", "unit", "gas", "template", "result_unit",
    "credit_code", "paths", "status", "ncv_unit", "category", "line", "scenario", "amounts",
    "company_ids", "ids", "classifications", "geography", "kind", "scope", "file", "signature", "seal",
    "chapter",
}
# Why a questioned factor is used: answers to `pcfdoc check`, not printed in the report yet.
NOT_PRINTED = {"factor_rationale", "value_rationale"}


def schema_paths(schema, prefix=()) -> set[tuple[str, ...]]:
    paths = set()
    for name, field in schema.fields.items():
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
    missing = schema_paths(Spec()) - data_paths(fixture_data("every-field.toml"))
    assert not missing, sorted(missing)


def mark_prose(data, key=None, counter=None):
    """Replace every prose string with a unique marker full of characters that break templates."""
    counter = counter if counter is not None else [0]
    if isinstance(data, dict):
        return {k: v if k in NOT_PROSE | NOT_PRINTED else mark_prose(v, k, counter) for k, v in data.items()}
    if isinstance(data, list):
        return [mark_prose(item, key, counter) for item in data]
    if isinstance(data, str):
        counter[0] += 1
        return f"〔{counter[0]}&<\"{{{{x}}}}{{% y %}}\">〕"
    return data


def test_every_prose_value_reaches_the_report_literally(write_spec, tmp_path):
    shutil.copytree(FIXTURES / "factors", tmp_path / "factors")  # the spec's own library
    shutil.copytree(FIXTURES / "images", tmp_path / "images", dirs_exist_ok=True)  # and its pictures
    marked = mark_prose(fixture_data("every-field.toml"))
    path = write_spec(tomli_w.dumps(marked))
    calculated = pipeline.calc(path)
    # The spec's own text reaches its report; a model's ([[variants]]) reaches the model's report.
    documents = [calculated] + [document for _, document in pipeline.documents(calculated, path)]
    template = default_template("zh-CN")
    text = "\n".join(all_text(open_report(render_report(document.valid, document.results, template)))
                     for document in documents)
    count = sum(1 for _ in _strings(marked))
    assert count > 60
    missing = [marker for marker in _strings(marked) if marker not in text]
    assert not missing


def _strings(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_PROSE | NOT_PRINTED:
                yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, str):
        yield data


def test_the_spec_template_field_is_resolved_relative_to_the_spec(tmp_path):
    built = pipeline.build(FIXTURES / "every-field.toml", tmp_path)
    assert built.target.exists()
    assert pipeline.template_for(built.calculated.valid, None) == (
        FIXTURES / "../../templates/zh-CN/report.docx")
