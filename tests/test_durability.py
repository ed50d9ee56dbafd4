"""Nothing lost and nothing different: atomic output, concurrent builds, reproducible bytes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

from click.testing import CliRunner
from docx import Document

from pcfdoc.cli import main

from conftest import EXAMPLES, FIXTURES, fixture_data


def build_in_subprocess(spec, out, env_extra=None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "pcfdoc", "build", str(spec), "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)


def test_the_same_spec_builds_byte_identical_reports_in_separate_processes(tmp_path):
    first = build_in_subprocess(EXAMPLES / "valve-actuator.toml", tmp_path / "a",
                                {"TZ": "Asia/Shanghai", "PYTHONHASHSEED": "1", "SOURCE_DATE_EPOCH": "0"})
    second = build_in_subprocess(EXAMPLES / "valve-actuator.toml", tmp_path / "b",
                                 {"TZ": "UTC", "PYTHONHASHSEED": "2"})
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    one = (tmp_path / "a" / "valve-actuator.docx").read_bytes()
    two = (tmp_path / "b" / "valve-actuator.docx").read_bytes()
    assert one == two
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(one)).infolist()}
    assert stamps == {(2023, 7, 14, 0, 0, 0)}  # the spec's issue date


def test_concurrent_builds_of_one_spec_never_leave_a_corrupt_file(tmp_path):
    out = tmp_path / "out"
    spec = FIXTURES / "minimal.toml"
    reference = None
    for _ in range(2):
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda _: build_in_subprocess(spec, out), range(4)))
        assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
        data = (out / "minimal.docx").read_bytes()
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        Document(io.BytesIO(data))
        reference = reference or data
        assert data == reference
    assert sorted(p.name for p in out.iterdir()) == ["minimal.docx"]  # no temporary files left


def test_a_template_failure_keeps_the_previous_report(tmp_path, write_spec):
    out = tmp_path / "out"
    data = fixture_data("minimal.toml")
    spec = write_spec(data, "acme.toml")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    good = (out / "acme.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    document = Document()
    document.add_paragraph("{{ company.nmae }}")
    document.save(broken)
    result = runner.invoke(main, ["build", str(spec), "-o", str(out), "--template", str(broken)])
    assert result.exit_code == 2
    assert "template error in {{ company.nmae }}" in result.stderr
    assert (out / "acme.docx").read_bytes() == good


def test_templates_run_sandboxed(tmp_path):
    runner = CliRunner()
    template = tmp_path / "evil.docx"
    document = Document()
    document.add_paragraph("{{ cap.__class__.__init__.__globals__ }}")
    document.save(template)
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(tmp_path / "out"),
                                  "--template", str(template)])
    assert result.exit_code == 2
    assert "evil.docx: template error" in result.stderr and "a template may read" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_made_is_a_user_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(blocker)])
    assert result.exit_code == 2 and "is a file" in result.stderr  # click checks -o itself
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(blocker / "sub")])
    assert result.exit_code == 2
    assert f"{blocker / 'sub'}: cannot create the output folder (Not a directory)" in result.stderr
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "a file where the folder should be"


# -- all or nothing: every output of one spec is written together ------------------------------------

def _snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _family_spec(write_spec):
    data = fixture_data("minimal.toml")
    data["variants"] = [{"id": "light", "amounts": {"steel": 5}}, {"id": "heavy", "amounts": {"steel": 20}}]
    return write_spec(data, "family.toml")


def test_a_folder_in_the_way_of_the_workbook_leaves_the_report_as_it_was(tmp_path, write_spec):
    out = tmp_path / "out"
    spec = write_spec(fixture_data("minimal.toml"), "acme.toml")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    before = _snapshot(out)
    (out / "acme.xlsx").mkdir()
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["amount"] = 99  # the new report would differ
    write_spec(data, "acme.toml")
    result = runner.invoke(main, ["build", str(spec), "-o", str(out), "--xlsx"])
    assert result.exit_code == 2
    assert f"{out / 'acme.xlsx'}: cannot write (a folder of that name is in the way); nothing was written, " \
           "check the output folder" in result.stderr
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["acme.docx", "acme.xlsx"]  # nothing staged is left


def test_a_model_that_cannot_be_written_keeps_every_model_as_it_was(tmp_path, write_spec):
    out = tmp_path / "out"
    spec = _family_spec(write_spec)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    before = _snapshot(out)
    assert sorted(before) == ["family-heavy.docx", "family-light.docx"]
    (out / "family-heavy.docx").unlink()
    (out / "family-heavy.docx").mkdir()  # the second model cannot be written
    before.pop("family-heavy.docx")
    data = fixture_data("minimal.toml")
    data["report"]["number"] = "T-002"
    data["variants"] = [{"id": "light", "amounts": {"steel": 5}}, {"id": "heavy", "amounts": {"steel": 20}}]
    write_spec(data, "family.toml")
    result = runner.invoke(main, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 2
    assert _snapshot(out) == before  # the first model's report is the old one


def test_a_full_disk_while_staging_writes_nothing(tmp_path, write_spec, monkeypatch):
    import errno

    from pcfdoc import write

    out = tmp_path / "out"
    spec = write_spec(fixture_data("minimal.toml"), "acme.toml")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(spec), "-o", str(out), "--xlsx"]).exit_code == 0
    before = _snapshot(out)
    original, staged = write._stage, []

    def full_after_the_report(path, data):
        if path.suffix == ".xlsx":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        staged.append(path)
        return original(path, data)

    monkeypatch.setattr(write, "_stage", full_after_the_report)
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["amount"] = 99
    write_spec(data, "acme.toml")
    result = runner.invoke(main, ["build", str(spec), "-o", str(out), "--xlsx"])
    assert result.exit_code == 2
    message = f"{out / 'acme.xlsx'}: cannot write (No space left on device); nothing was written"
    assert message in result.stderr
    assert staged == [out / "acme.docx"]  # the report was staged first, then removed
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["acme.docx", "acme.xlsx"]


def test_a_first_build_that_fails_leaves_no_folder_behind(tmp_path, write_spec, monkeypatch):
    import errno

    from pcfdoc import write

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(write, "_stage", full)
    spec = write_spec(fixture_data("minimal.toml"), "acme.toml")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out" / "deep")])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_the_next_build_removes_what_a_killed_build_staged(tmp_path, write_spec):
    out = tmp_path / "out"
    out.mkdir()
    spec = write_spec(fixture_data("minimal.toml"), "acme.toml")
    # A build killed while staging: the process stages the report, then dies before moving it.
    killed = subprocess.run(
        [sys.executable, "-c",
         "import os, sys; from pathlib import Path; from pcfdoc import write; "
         "write._stage(Path(sys.argv[1]), b'half'); os._exit(9)", str(out / "acme.docx")],
        capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    leftovers = [p.name for p in out.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].startswith(".acme.docx.")
    assert leftovers[0].endswith(".pcfdoc-staged")
    running = out / f".acme.docx.{os.getpid()}.0a1b2c3d.pcfdoc-staged"  # a build still at work
    running.write_bytes(b"in progress")
    other = out / ".other.docx.1.0a1b2c3d.pcfdoc-staged"  # another spec's: not this build's business
    other.write_bytes(b"")
    assert CliRunner().invoke(main, ["build", str(spec), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["acme.docx", running.name, other.name])
