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
    assert "evil.docx: template error" in result.stderr and "unsafe" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_made_is_a_user_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(blocker)])
    assert result.exit_code == 2 and "is a file" in result.stderr  # click checks -o itself
    result = runner.invoke(main, ["build", str(FIXTURES / "minimal.toml"), "-o", str(blocker / "sub")])
    assert result.exit_code == 2
    assert f"{blocker / 'sub' / 'minimal.docx'}: cannot write the report" in result.stderr
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "a file where the folder should be"
