"""The commands as a user runs them: exit codes, messages, nothing written on errors."""

import json
import math
import os
import subprocess
import sys
import tomllib

import pytest
from click.testing import CliRunner

from pcfdoc.cli import main

from conftest import EXAMPLES, FIXTURES, fixture_data


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_the_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("new", "check", "calc"):
        assert command in result.output


def test_check_valid_specs_exits_0_and_prints_a_summary(runner):
    result = runner.invoke(main, ["check", str(FIXTURES / "minimal.toml")])
    assert result.exit_code == 0
    assert result.stdout.endswith("minimal.toml: ok (1 product(s), 2 line(s), 0 warning(s))\n")


def test_check_invalid_spec_exits_2_without_traceback(runner, write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["amount"] = float("nan")
    path = write_spec(data)
    result = runner.invoke(main, ["check", str(FIXTURES / "minimal.toml"), str(path)])
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr
    assert "products[0].inventory[0].amount: must be a finite number" in result.stderr
    assert "1 of 2 spec(s) invalid" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_check_strict_fails_on_warnings(runner, write_spec):
    data = fixture_data("minimal.toml")
    del data["factors"][0]["source"]
    path = write_spec(data)
    assert runner.invoke(main, ["check", str(path)]).exit_code == 0
    strict = runner.invoke(main, ["check", "--strict", str(path)])
    assert strict.exit_code == 2
    assert "factor 'steel' has no source" in strict.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"report = [\n", "TOML syntax error"),
        (b"\x00\x01", "is a binary file"),
        ("a = '宽'\n".encode("gbk"), "not UTF-8 text"),
    ],
)
def test_unreadable_specs_exit_2(runner, tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    result = runner.invoke(main, ["calc", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(str(path))
    assert message in result.stderr


def test_missing_spec_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["calc", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "nope.toml: no such file; check the path" in result.stderr


def test_calc_prints_lines_and_stage_totals(runner):
    result = runner.invoke(main, ["calc", str(FIXTURES / "minimal.toml")], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "钢材" in result.stdout and "电力" in result.stdout
    assert "10 kg" in result.stdout and "2 kgCO2e/kg" in result.stdout
    total_row = [row for row in result.stdout.splitlines() if "Total" in row][0]
    assert "45.00" in total_row and "100.00" in total_row


def test_calc_lists_only_the_largest_lines_when_asked(runner):
    spec = str(FIXTURES / "minimal.toml")
    limited = runner.invoke(main, ["calc", spec, "--lines", "1"], env={"COLUMNS": "160"})
    assert limited.exit_code == 0
    assert "电力" in limited.stdout and "钢材" not in limited.stdout  # power 25 of 45, steel 20
    assert "1 smaller line (--lines 0 lists all)" in limited.stdout
    everything = runner.invoke(main, ["calc", spec, "--lines", "0"], env={"COLUMNS": "160"})
    assert "钢材" in everything.stdout and "smaller line" not in everything.stdout


def test_calc_json_has_exactly_the_documented_shape(runner):
    result = runner.invoke(main, ["calc", "--json", str(FIXTURES / "two-products.toml")])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"spec", "products"}
    product = data["products"][0]
    assert set(product) == {"id", "name", "functional_unit", "total_kgco2e", "stages", "lines", "analyses",
                            "uncertainty", "data_quality", "sensitivity", "scenarios", "ghg_breakdown",
                            "cutoff", "disclosures"}
    assert product["analyses"] == {"uncertainty": "monte-carlo", "sensitivity": True}
    assert product["functional_unit"] == {"amount": 1.0, "unit": "台"}
    assert set(product["stages"][0]) == {"id", "name", "kgco2e", "share"}
    assert set(product["lines"][0]) == {"id", "stage", "name", "amount", "unit", "factor_id", "kgco2e",
                                        "category", "data_type", "activity_origin", "factor_origin",
                                        "primary_fraction", "quality"}
    assert product["lines"][0]["quality"] == {
        "scores": {"reliability": 2, "completeness": 2, "temporal": 5, "geographical": 1, "technological": 1},
        "origins": {"reliability": "default", "completeness": "default", "temporal": "derived",
                    "geographical": "default", "technological": "default"},
        "dqr": 2.2, "gsd": pytest.approx(product["lines"][0]["quality"]["gsd"]), "gsd_given": False,
        "activity_gsd": pytest.approx(math.exp(math.hypot(math.log(1.05) / 2, math.log(1.05) / 2,
                                                          math.log(1.02) / 2))),
        "factor_gsd": pytest.approx(math.exp(math.log(1.5) / 2)),
        "basic": {"kind": "inventory", "gsd2": 1.05}}
    uncertainty = product["uncertainty"]
    assert set(uncertainty) == {"mean", "p2_5", "p50", "p97_5", "iterations", "seed", "stages", "variance",
                                "shared_factors", "basic"}
    # the truck factor carries the steel leg and both destinations of product a
    assert uncertainty["shared_factors"] == [{"factor_id": "truck", "lines": ["steel-transport", "x", "y"]}]
    assert uncertainty["basic"] == [{"kind": "inventory", "gsd2": 1.05, "lines": 4},
                                    {"kind": "transport", "gsd2": 2.0, "lines": 3}]
    assert uncertainty["iterations"] == 10_000
    assert uncertainty["p2_5"] < uncertainty["p50"] < uncertainty["p97_5"]
    assert [s["id"] for s in uncertainty["stages"]] == [s["id"] for s in product["stages"]]
    assert set(uncertainty["stages"][0]) == {"id", "mean", "p2_5", "p50", "p97_5"}
    assert set(product["data_quality"]) == {"dqr", "level", "primary_share", "primary_share_definition",
                                            "primary_activity_share", "pact_dqr", "defaulted_lines",
                                            "pcfdoc_default_lines"}
    assert product["data_quality"]["primary_share_definition"]["id"] == "pact-3"
    assert set(product["disclosures"]) == {"boundary", "partial", "omitted_stages", "empty_stages",
                                           "packaging_included", "packaging_kgco2e", "electricity_lines",
                                           "electricity_factors"}
    assert product["disclosures"]["boundary"] == "cradle-to-gate+distribution"
    assert product["disclosures"]["electricity_lines"] == ["electricity"]
    assert set(product["data_quality"]["pact_dqr"]) == {"technological", "geographical", "temporal"}
    assert set(product["sensitivity"][0]) == {"id", "kind", "low_kgco2e", "high_kgco2e", "factor_id"}
    # 7 lines; the truck factor (three lines) and the steel factor (its line also drives transport)
    assert len(product["sensitivity"]) == 9
    breakdown = product["ghg_breakdown"]
    assert set(breakdown) == {"fossil", "biogenic", "dluc", "aircraft", "stages"}
    assert breakdown["fossil"] == pytest.approx(93.42)
    assert product["scenarios"] == []
    assert set(product["cutoff"]) == {"excluded_kgco2e", "excluded_mass_share", "excluded_emission_share",
                                      "lines"}
    assert product["total_kgco2e"] == pytest.approx(93.42)
    assert data["products"][1]["total_kgco2e"] == pytest.approx(2700.0)


def test_new_writes_a_starter_that_passes_check_and_lists_its_placeholders(runner, tmp_path):
    path = tmp_path / "acme.toml"
    result = runner.invoke(main, ["new", str(path), "--company", 'ACME & "Sons" <中国>',
                                  "--product", "阀门", "--issue-date", "2025-03-01"])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["company"]["name"] == 'ACME & "Sons" <中国>'
    assert data["products"][0]["name"] == "阀门"
    assert str(data["data_period"]["start"]) == "2024-01-01"
    check = runner.invoke(main, ["check", str(path)])
    assert check.exit_code == 0, check.stderr
    assert f"{path}:36: company.legal_representative: warning: placeholder 【法定代表人姓名】" in check.stderr
    # Placeholders are what --strict exists for: a spec still being filled in is not finished.
    assert runner.invoke(main, ["check", "--strict", str(path)]).exit_code == 2


def test_new_refuses_to_overwrite(runner, tmp_path):
    path = tmp_path / "spec.toml"
    path.write_text("keep me", "utf-8")
    result = runner.invoke(main, ["new", str(path)])
    assert result.exit_code == 2
    assert "already exists; choose another name or pass --force" in result.stderr
    assert path.read_text("utf-8") == "keep me"
    assert runner.invoke(main, ["new", "--force", str(path)]).exit_code == 0
    assert path.read_text("utf-8").startswith("#:schema ./pcfdoc.schema.json\n# pcfdoc spec")


def test_new_creates_a_missing_folder(runner, tmp_path):
    result = runner.invoke(main, ["new", str(tmp_path / "specs" / "acme.toml")])
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "specs" / "acme.toml").read_text("utf-8")
    assert text.startswith("#:schema ./pcfdoc.schema.json\n# pcfdoc spec")


def test_new_under_a_file_exits_2(runner, tmp_path):
    (tmp_path / "specs").write_text("a file, not a folder")
    result = runner.invoke(main, ["new", str(tmp_path / "specs" / "acme.toml")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{tmp_path / 'specs' / 'acme.toml'}: cannot create the folder {tmp_path / 'specs'} "
        "(File exists); choose another path")


def test_internal_errors_exit_1_with_a_traceback(tmp_path):
    code = (
        "import sys, pcfdoc.pipeline as p\n"
        "def broken(*a, **k): raise RuntimeError('boom')\n"
        "p.calc = broken\n"
        "from pcfdoc.cli import main\n"
        f"main(['calc', {str(FIXTURES / 'minimal.toml')!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr


def test_console_script_runs_an_example():
    result = subprocess.run([sys.executable, "-m", "pcfdoc", "calc", "--json",
                             str(EXAMPLES / "valve-actuator.toml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert round(json.loads(result.stdout)["products"][0]["total_kgco2e"], 2) == 401.95


def test_build_writes_one_report_per_spec(runner, tmp_path):
    out = tmp_path / "reports"
    result = runner.invoke(main, ["build", str(EXAMPLES / "battery-cells.toml"),
                                  str(FIXTURES / "minimal.toml"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["battery-cells.docx", "minimal.docx"]
    assert f"wrote {out / 'minimal.docx'}" in result.stdout


def test_build_reports_a_bad_spec_and_still_builds_the_others(runner, tmp_path, write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["factor"] = "nope"
    bad = write_spec(data, "bad.toml")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(bad), str(FIXTURES / "minimal.toml"), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.toml:" in result.stderr and "unknown factor 'nope'" in result.stderr
    assert "1 of 2 report(s) not built" in result.stderr
    assert [p.name for p in out.iterdir()] == ["minimal.docx"]


def test_a_failed_build_keeps_the_previous_report(runner, tmp_path, write_spec):
    out = tmp_path / "out"
    data = fixture_data("minimal.toml")
    spec = write_spec(data, "acme.toml")
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    good = (out / "acme.docx").read_bytes()
    data["products"][0]["inventory"][0]["amount"] = "ten"
    write_spec(data, "acme.toml")
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 2
    assert (out / "acme.docx").read_bytes() == good
    assert [p.name for p in out.iterdir()] == ["acme.docx"]


def test_build_uses_the_template_option_and_the_spec_field(runner, tmp_path, write_spec):
    from docx import Document

    custom = tmp_path / "mine.docx"
    document = Document()
    document.add_paragraph("CUSTOM {{ report.number }}")
    document.save(custom)
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(out),
                                  "--template", str(custom)])
    assert result.exit_code == 0, result.stderr
    assert Document(out / "minimal.docx").paragraphs[0].text == "CUSTOM T-001"
    data = fixture_data("minimal.toml")
    data["report"]["template"] = "mine.docx"  # relative to the spec file
    spec = write_spec(data, "withtemplate.toml")
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    assert Document(out / "withtemplate.docx").paragraphs[0].text == "CUSTOM T-001"
    missing = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(out),
                                   "--template", str(tmp_path / "none.docx")])
    assert missing.exit_code == 2 and "none.docx: template not found" in missing.stderr


def test_factors_lists_and_searches_the_library(runner):
    everything = json.loads(runner.invoke(main, ["factors", "--json"]).stdout)
    assert len(everything) >= 60
    assert {"id", "name", "value", "unit", "gas", "source", "year", "region", "status"} <= set(everything[0])
    found = json.loads(runner.invoke(main, ["factors", "2022", "华北", "--json"]).stdout)
    assert [record["id"] for record in found] == ["cn-grid-2022-north"]
    diesel = json.loads(runner.invoke(main, ["factors", "cn-fuel-diesel", "--json"]).stdout)[0]
    assert diesel["derivation"] == {"ncv": 43.33, "ncv_unit": "GJ/t", "carbon_content_tc_per_tj": 20.2,
                                    "oxidation": 0.98}
    table = runner.invoke(main, ["factors", "north", "2023"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "cn-grid-2023-north" in table.stdout and "0.6361" in table.stdout


def test_factors_finds_a_value_at_its_precision(runner):
    found = json.loads(runner.invoke(main, ["factors", "0.5366", "--json"]).stdout)
    assert [record["id"] for record in found] == ["cn-grid-2022-national"]
    derived = json.loads(runner.invoke(main, ["factors", "3.145", "--json"]).stdout)
    assert [record["id"] for record in derived] == ["cn-fuel-diesel"]  # 3.14512, derived
    assert json.loads(runner.invoke(main, ["factors", "0.53660000000000000001", "--json"]).stdout) == []


def test_factors_lists_the_electricity_footprint_factors_with_their_sources(runner):
    found = json.loads(runner.invoke(main, ["factors", "电力碳足迹", "--json"]).stdout)
    national = {r["id"]: r for r in found if r["id"].endswith("-national")}
    assert sorted(national) == ["cn-elec-footprint-2023-national", "cn-elec-footprint-2024-national"]
    first = national["cn-elec-footprint-2023-national"]
    assert (first["value"], first["source"]) == (
        0.6205, "生态环境部、国家统计局、国家能源局《关于发布2023年电力碳足迹因子数据的公告》"
                "（公告2025年第3号，2025-01-17）")
    assert national["cn-elec-footprint-2024-national"]["published"] == "2025-09-28"
    assert {r["scope"] for r in found} == {"life-cycle"}
    table = runner.invoke(main, ["factors", "电力碳足迹", "national"], env={"COLUMNS": "200"}).stdout
    assert "life-cycle" in table and "0.6205" in table and "0.5777" in table
    assert ("[2] 生态环境部、国家统计局、国家能源局《关于发布2024年电力碳足迹因子数据的公告》"
            "（2025-09-28）") in table


@pytest.mark.parametrize(("words", "kind", "scope"), [
    (["material"], {"material"}, {"cradle-to-gate"}),
    (["fuel"], {"fuel"}, {"combustion"}),
    (["燃料"], {"fuel"}, {"combustion"}),  # the kind's Chinese name
    (["freight", "51366"], {"freight"}, {"transport"}),
    (["electricity", "combustion", "2023", "华北"], {"electricity"}, {"combustion"}),
])
def test_factors_finds_by_kind_and_scope(runner, words, kind, scope):
    found = json.loads(runner.invoke(main, ["factors", *words, "--json"]).stdout)
    assert found and {r["kind"] for r in found} == kind and {r["scope"] for r in found} == scope


def test_the_factor_table_prints_names_and_sources_literally(runner, tmp_path):
    (tmp_path / "lib.toml").write_text(
        '[[factors]]\nid = "odd"\nname = "[/bad] [bold]名称"\nvalue = 1\nunit = "kgCO2e/kg"\n'
        'source = "[/oops] 来源"\nstatus = "verified"\n', "utf-8")
    result = runner.invoke(main, ["factors", "odd", "--library", str(tmp_path / "lib.toml")],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "[/bad] [bold]名称" in result.stdout and "[1] [/oops] 来源" in result.stdout


def test_factors_includes_a_library_of_your_own(runner):
    found = json.loads(runner.invoke(main, ["factors", "boiler", "--json", "--library",
                                            str(FIXTURES / "factors")]).stdout)
    gases = {"CO2": 74100.0, "CH4": 3.0, "N2O": 0.6}
    assert [(r["id"], r["gases"]) for r in found] == [("boiler-diesel-by-gas", gases)]


def test_gwp_prints_the_sets(runner):
    sets = json.loads(runner.invoke(main, ["gwp", "--json"]).stdout)
    assert sets["AR4"]["CH4"] == 25 and sets["AR5"]["N2O"] == 265 and sets["AR6"]["CH4"] == 27.9
    assert sets["AR6"]["SF6"] == 25200 and "CH4-fossil" not in sets["AR4"]
    table = runner.invoke(main, ["gwp"], env={"COLUMNS": "120"})
    assert "29.8 †" in table.stdout


def test_build_lang_overrides_the_spec_language(runner, tmp_path):
    from render.docx_reading import all_text, open_report

    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    text = all_text(open_report((out / "minimal.docx").read_bytes()))
    assert "Functional unit" in text and "Raw material acquisition" in text
    assert "功能单位" not in text
    assert runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "--lang", "fr"]).exit_code == 2


def test_check_prints_the_checklist_on_request(runner):
    result = runner.invoke(main, ["check", "--checklist", str(EXAMPLES / "mining-machinery.toml")],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert len(rows) >= 27  # long reasons wrap onto further rows
    numbered = [row.split("│")[1].strip() for row in rows if row.split("│")[1].strip()]
    assert numbered == [str(n) for n in range(1, 28)]
    first = next(row for row in rows if row.split("│")[1].strip() == "22")
    assert [cell.strip() for cell in first.split("│")[2:4]] == ["Offsets excluded", "met"]
    twenty_six = next(row for row in rows if row.split("│")[1].strip() == "26")
    assert [cell.strip() for cell in twenty_six.split("│")[2:4]] == ["Critical review or verification", "met"]
    # where the report says it
    assert [cell.strip() for cell in first.split("│")[5:6]] == ["3.6 影响类别与特征化方法"]
    assert "mining-machinery.toml: 26 met, 0 not met, 1 not applicable" in result.stdout
    plain = runner.invoke(main, ["check", str(EXAMPLES / "mining-machinery.toml")])
    assert "reporting checklist" not in plain.stdout
