import datetime as dt
import io
import re
import tomllib
import zipfile

import pytest
from click.testing import CliRunner

from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.spec.starter import starter_text, write_starter
from pcfdoc.spec.texts import PLACEHOLDER

PLACEHOLDER_WARNING = re.compile(r"^.*s\.toml:(\d+): ([\w.\[\]]+): warning: placeholder (【[^】]*】) is not "
                                 r"filled in; fill it in, or build a draft with --draft$")


@pytest.fixture
def starter(tmp_path):
    path = tmp_path / "s.toml"
    write_starter(path, company="某公司", product="某产品", issue_date=dt.date(2026, 5, 1))
    return path


def test_starter_computes_to_the_hand_figure(starter):
    calculated = pipeline.calc(starter)
    (product,) = calculated.results.products
    # parts 10 + electricity 120000 kWh / 10000 台 × 0.5777 (2024 footprint factor) + diesel 0.2 kg × 3.145
    # + transport 0.005 t × 200 km × 0.078
    assert product.total_kgco2e == pytest.approx(10 + 12 * 0.5777 + 0.2 * 3.145 + 1.0 * 0.078)


def test_check_lists_every_placeholder_of_the_starter_with_its_line(starter):
    text = starter.read_text("utf-8")
    warnings = [str(w) for w in pipeline.check(starter).warnings]
    # nothing but placeholders to complain about, each at the line it stands on
    assert all(PLACEHOLDER_WARNING.match(w) for w in warnings), warnings
    lines = text.splitlines()
    for warning in warnings:
        line, _, placeholder = PLACEHOLDER_WARNING.match(warning).groups()
        assert placeholder in lines[int(line) - 1]
    assert len(warnings) == len(PLACEHOLDER.findall(re.sub(r"#.*", "", text)))
    assert any("products[0].inventory[1].source: warning: placeholder 【数据来源，例如电费结算单】" in w
               for w in warnings)


def test_a_final_report_refuses_the_starter_naming_every_placeholder(starter, tmp_path):
    result = CliRunner().invoke(main, ["build", str(starter), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines()
              if ": placeholder " in line and "warning" not in line]
    expected = len(PLACEHOLDER.findall(re.sub(r"#.*", "", starter.read_text("utf-8"))))
    assert len(errors) == expected > 20
    assert (f"{starter}:16: report.number: placeholder 【报告编号】 is not filled in; fill it in, or build "
            "a draft with --draft") in errors
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("language", "mark"), [("zh-CN", "草稿"), ("en", "DRAFT")])
def test_a_draft_is_marked_on_every_page_and_highlights_its_placeholders(starter, tmp_path, language, mark):
    built = pipeline.build(starter, tmp_path / "out", draft=True, language=language)
    data = built.target.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        headers = [package.read(name).decode("utf-8") for name in package.namelist()
                   if re.fullmatch(r"word/header\d+\.xml", name)]
        document = package.read("word/document.xml").decode("utf-8")
    # the cover's header and the header of every other page
    assert len(headers) == 2 and all(f">{mark}" in header for header in headers)
    highlighted = re.findall(r'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">([^<]*)</w:t>',
                             document + "".join(headers))
    assert highlighted and all(PLACEHOLDER.fullmatch(text) for text in highlighted)
    assert "【报告编号】" in highlighted and "【法定代表人姓名】" in highlighted


def test_a_final_report_has_no_draft_mark(tmp_path):
    from conftest import FIXTURES

    built = pipeline.build(FIXTURES / "minimal.toml", tmp_path)
    with zipfile.ZipFile(built.target) as package:
        xml = "".join(package.read(name).decode("utf-8") for name in package.namelist() if "header" in name)
    assert "草稿" not in xml and "highlight" not in xml


def test_starter_quotes_any_name_safely():
    text = starter_text("x.toml", 'a"b\\c', "line\nbreak", dt.date(2026, 1, 31))
    data = tomllib.loads(text)
    assert data["company"]["name"] == 'a"b\\c'
    assert data["products"][0]["name"] == "line\nbreak"
    assert data["report"]["issue_date"] == dt.date(2026, 1, 31)
    assert (data["data_period"]["start"], data["data_period"]["end"]) == (
        dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_new_creates_the_folders_of_the_spec(tmp_path):
    path = tmp_path / "specs" / "2026" / "acme.toml"
    write_starter(path, company="某公司", product="某产品", issue_date=dt.date(2026, 5, 1))
    assert tomllib.loads(path.read_text("utf-8"))["company"]["name"] == "某公司"
