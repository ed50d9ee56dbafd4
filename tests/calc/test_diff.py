"""pcfdoc diff: per product, stage and line, between two files or against a git revision."""

import json
import os
import shutil
import subprocess

import pytest
import tomli_w
from click.testing import CliRunner

from pcfdoc.calc.diff import compare
from pcfdoc.cli import main
from pcfdoc.spec.revisions import history

from conftest import fixture_data
from helpers import calculated


def by_id(items):
    return {item.id: item for item in items}


def test_changed_added_and_removed_lines():
    old = fixture_data("two-products.toml")
    new = fixture_data("two-products.toml")
    inventory = new["products"][0]["inventory"]
    inventory[0]["amount"] = 12  # steel 15 → 12 kg
    del inventory[3]  # gas-leak removed
    inventory.append({"id": "paint", "stage": "production", "name": "油漆", "amount": 1, "unit": "kg",
                      "factor": "steel", "data_type": "secondary", "source": "BOM"})
    before, after = calculated(old), calculated(new)
    diff = compare(before, after)
    a = diff.products[0]
    lines = by_id(a.lines)
    old_lines = by_id(before.products[0].lines)
    assert lines["steel"].status == "changed"
    assert lines["steel"].change_kgco2e == pytest.approx(-6.0)
    assert lines["steel"].change_share == pytest.approx(-0.2)
    assert lines["steel-transport"].change_share == pytest.approx(-0.2)  # carries less steel
    assert lines["gas-leak"].status == "removed"
    assert lines["gas-leak"].change_kgco2e == pytest.approx(-old_lines["gas-leak"].kgco2e)
    assert lines["paint"].status == "added"
    assert lines["paint"].change_share is None
    assert lines["paint"].new_kgco2e == pytest.approx(2.0)
    assert a.product.change_kgco2e == pytest.approx(
        after.products[0].total_kgco2e - before.products[0].total_kgco2e)
    assert by_id(a.stages)["distribution"].status == "same"
    assert diff.products[1].product.status == "same"
    assert diff.changed


def test_a_product_on_one_side_only():
    old = fixture_data("two-products.toml")
    new = fixture_data("two-products.toml")
    del new["products"][1]
    new["company"]["annual_output"][1] = {"name": "产品乙", "amount": 30, "unit": "t"}
    diff = compare(calculated(old), calculated(new))
    removed = by_id(p.product for p in diff.products)["b"]
    assert removed.status == "removed"
    assert removed.new_kgco2e is None


def test_cli_json_for_two_files(tmp_path, write_spec):
    data = fixture_data("minimal.toml")
    old = write_spec(data, "old.toml")
    data["products"][0]["inventory"][1]["amount"] = 100
    new = write_spec(data, "new.toml")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    product = out["products"][0]
    assert (product["old_kgco2e"], product["new_kgco2e"], product["change_kgco2e"]) == (45.0, 70.0, 25.0)
    assert product["unit"] == "kgCO2e/台"
    electricity = by_id_dict(product["lines"])["electricity"]
    assert electricity["change_share"] == 1.0
    assert electricity["status"] == "changed"
    text = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert "45" in text.stdout and "70" in text.stdout and "+25" in text.stdout


def by_id_dict(items):
    return {item["id"]: item for item in items}


def test_cli_needs_two_files_or_a_revision(write_spec):
    path = write_spec(fixture_data("minimal.toml"))
    result = CliRunner().invoke(main, ["diff", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "give OLD.toml NEW.toml, or one SPEC with --rev GIT_REV"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for key, value in {"GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "t@example.com",
                       "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "t@example.com",
                       "GIT_AUTHOR_DATE": "2024-02-01T10:00:00", "GIT_COMMITTER_DATE": "2024-02-01T10:00:00",
                       "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}.items():
        monkeypatch.setenv(key, value)

    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    return tmp_path, git


def test_diff_against_a_git_revision_and_the_history(repo, write_spec):
    folder, git = repo
    data = fixture_data("minimal.toml")
    path = folder / "spec.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    git("add", "spec.toml")
    git("commit", "-qm", "First inventory")
    data["products"][0]["inventory"][0]["amount"] = 20
    path.write_text(tomli_w.dumps(data), "utf-8")
    git("commit", "-qam", "Steel from the 2023 BOM")
    result = CliRunner().invoke(main, ["diff", str(path), "--rev", "HEAD~1", "--json"])
    assert result.exit_code == 0, result.stderr
    product = json.loads(result.stdout)["products"][0]
    assert (product["old_kgco2e"], product["new_kgco2e"]) == (45.0, 65.0)
    assert json.loads(result.stdout)["old"] == f"{path}@HEAD~1"
    revisions = history(path)
    assert [r.subject for r in revisions] == ["Steel from the 2023 BOM", "First inventory"]
    assert revisions[0].author == "Tester"
    assert str(revisions[0].date) == "2024-02-01"


def test_an_unknown_revision_is_a_user_error(repo):
    folder, git = repo
    path = folder / "spec.toml"
    path.write_text("x = 1\n", "utf-8")
    git("add", "spec.toml")
    git("commit", "-qm", "one")
    result = CliRunner().invoke(main, ["diff", str(path), "--rev", "nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: cannot read it at revision 'nope' (")


def test_no_history_outside_git(tmp_path):
    path = tmp_path / "spec.toml"
    path.write_text("x = 1\n", "utf-8")
    assert history(path) == ()


def test_cli_prints_figures_with_the_report_precision(write_spec):
    """3,507,475.23 kg is not rounded to six significant digits (3,507,480)."""
    data = fixture_data("minimal.toml")
    old = write_spec(data, "old.toml")
    data["products"][0]["inventory"][0]["amount"] = 1_753_725.115  # steel, 2 kg CO2e/kg
    new = write_spec(data, "new.toml")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.stderr
    total = next(row for row in result.stdout.splitlines() if "total" in row)
    assert total.split("│")[3:6] == [" 45.00 ", " 3,507,475.23 ", " +3,507,430.23 "]
    steel = next(row for row in result.stdout.splitlines() if "钢材" in row and "line" in row)
    assert "3,507,450.23" in steel
