"""pcfdoc build over folders: every spec built in parallel, bad ones reported, the rest built."""

import pytest
import tomli_w
from click.testing import CliRunner

from pcfdoc import batch
from pcfdoc.cli import main
from pcfdoc.errors import UsageError

from conftest import FIXTURES, fixture_data


@pytest.fixture
def tree(tmp_path, write_spec):
    """specs/a.toml, specs/plant-2/b.toml, a bad spec and a factor library file."""
    root = tmp_path / "specs"
    (root / "plant-2").mkdir(parents=True)
    (root / "factors").mkdir()
    minimal = fixture_data("minimal.toml")
    (root / "a.toml").write_text(tomli_w.dumps(minimal), "utf-8")
    other = fixture_data("minimal.toml")
    other["products"][0]["inventory"][0]["amount"] = 20
    (root / "plant-2" / "b.toml").write_text(tomli_w.dumps(other), "utf-8")
    bad = fixture_data("minimal.toml")
    bad["products"][0]["inventory"][0]["factor"] = "nope"
    (root / "plant-2" / "bad.toml").write_text(tomli_w.dumps(bad), "utf-8")
    library = {"factors": [{"id": "x", "name": "x", "value": 1.0, "unit": "kgCO2e/kg", "source": "s",
                            "status": "verified"}]}
    (root / "factors" / "own.toml").write_text(tomli_w.dumps(library), "utf-8")
    return root


def test_a_folder_builds_every_spec_keeping_its_layout(tree, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tree), "-o", str(out), "-j", "2"])
    assert result.exit_code == 2  # one spec is invalid
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.docx")) == ["a.docx", "plant-2/b.docx"]
    assert "plant-2/bad.toml:" in result.stderr and "unknown factor 'nope'" in result.stderr
    assert "1 of 3 report(s) not built" in result.stderr
    assert "own.toml" not in result.output  # a factor library is not a spec
    # the summary table lists each spec with its result and footprint, in the order found
    lines = result.stdout.splitlines()
    assert f"{tree / 'a.toml'}: wrote {out / 'a.docx'}" in lines
    assert "45 kgCO2e/台" in result.stdout and "65 kgCO2e/台" in result.stdout
    assert "invalid" in result.stdout


def test_parallel_and_serial_builds_write_the_same_bytes(tree, tmp_path):
    (tree / "plant-2" / "bad.toml").unlink()
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert CliRunner().invoke(main, ["build", str(tree), "-o", str(serial), "-j", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["build", str(tree), "-o", str(parallel), "-j", "3"]).exit_code == 0
    for report in serial.rglob("*.docx"):
        assert report.read_bytes() == (parallel / report.relative_to(serial)).read_bytes()


def test_two_specs_with_one_target_are_refused_before_building(tmp_path, write_spec):
    first = tmp_path / "x" / "spec.toml"
    first.parent.mkdir()
    first.write_text((FIXTURES / "minimal.toml").read_text("utf-8"), "utf-8")
    second = write_spec(fixture_data("minimal.toml"))
    with pytest.raises(UsageError, match="would both be built to"):
        batch.jobs_for((first, second), tmp_path / "out")
    result = CliRunner().invoke(main, ["build", str(first), str(second), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_an_empty_folder_is_a_user_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"no specs found in {tmp_path}"


def test_a_bug_in_one_spec_keeps_its_traceback_and_exits_1(tree, tmp_path, monkeypatch):
    from pcfdoc import pipeline

    real = pipeline.build

    def broken(spec, *args, **kwargs):
        if spec.name == "a.toml":
            raise ZeroDivisionError("boom")
        return real(spec, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build", broken)
    (tree / "plant-2" / "bad.toml").unlink()
    result = CliRunner().invoke(main, ["build", str(tree), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "ZeroDivisionError: boom" in result.stderr
    assert "a.toml: internal error (a bug in pcfdoc" in result.stderr
    assert (tmp_path / "out" / "plant-2" / "b.docx").exists()
