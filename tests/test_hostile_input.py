"""Input as an attacker or a careless user gives it: terminal markup in names, template syntax in
text, pipes and devices for files, options for git revisions, batches that collide or lose a worker,
readers that go away. Each ends in a clear message and the documented exit status."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import tomli_w
from click.testing import CliRunner

from pcfdoc.cli import main

from conftest import EXAMPLES, FIXTURES, fixture_data
from render.docx_reading import all_text, open_report

# -- class 4: names are never read as terminal markup -------------------------------------------------


def test_names_with_brackets_print_as_written(write_spec):
    data = fixture_data("minimal.toml")
    data["products"][0]["name"] = "灰铁铸件 [/DN50]"
    data["products"][0]["inventory"][0]["name"] = "[bold red]钢材[/bold red] :smile:"
    spec = write_spec(data)
    result = CliRunner().invoke(main, ["calc", str(spec)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "灰铁铸件 [/DN50] (widget): inventory" in result.stdout
    assert "[bold red]钢材[/bold red] :smile:" in result.stdout


def test_the_batch_summary_prints_names_as_written(tmp_path):
    for name, product in (("a", "灰铁铸件 [/DN50]"), ("b", "[bold]阀门[/]")):
        data = fixture_data("minimal.toml")
        data["products"][0]["name"] = product
        (tmp_path / f"{name}.toml").write_text(tomli_w.dumps(data), "utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "灰铁铸件 [/DN50]" in result.stdout and "[bold]阀门[/]" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx", "b.docx"]


# -- class 5: user text is never template syntax -------------------------------------------------------


def test_template_escapes_in_names_and_commit_subjects_reach_the_report_literally(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    data = fixture_data("minimal.toml")
    data["products"][0]["model"] = "{_{ model }_} {_% if x %_}"
    data["company"]["name"] = "公司 }_} {_{"
    data["report"]["revisions_from_git"] = True  # the commit subject is printed only when asked for
    spec = tmp_path / "acme.toml"
    spec.write_text(tomli_w.dumps(data), "utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=编制人", "-c", "user.email=a@b.c"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "acme.toml"], check=True)
    dated = {**os.environ, "GIT_AUTHOR_DATE": f"{data['report']['issue_date']}T09:00:00",
             "GIT_COMMITTER_DATE": f"{data['report']['issue_date']}T09:00:00"}  # on the issue date
    subprocess.run([*git, "commit", "-q", "-m", "初稿 {_{ report.number }_}"], check=True, env=dated)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    text = all_text(open_report((tmp_path / "out" / "acme.docx").read_bytes()))
    assert "{_{ model }_} {_% if x %_}" in text
    assert "公司 }_} {_{" in text
    assert "初稿 {_{ report.number }_}" in text
    assert "{{ model }}" not in text and "初稿 {{" not in text


# -- class 7: only regular files are read, within a size limit ---------------------------------------


def test_a_named_pipe_or_a_device_as_spec_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "spec.toml"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["check", str(fifo), "/dev/zero"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{fifo}: is a named pipe (FIFO), not a file; give the path of a .toml spec",
        "/dev/zero: is a device, not a file; give the path of a .toml spec",
        "2 of 2 spec(s) invalid",
    ]


def test_a_spec_larger_than_the_limit_is_refused_unread(tmp_path):
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(65 * 2**20)  # sparse: no disk used
    result = CliRunner().invoke(main, ["check", str(huge)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == \
        f"{huge}: is larger than 64 MB, more than an input of pcfdoc may be"


def test_a_named_pipe_among_the_specs_of_a_folder_is_reported_and_the_rest_built(tmp_path):
    (tmp_path / "good.toml").write_text((FIXTURES / "minimal.toml").read_text("utf-8"), "utf-8")
    os.mkfifo(tmp_path / "x.toml")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'x.toml'}: is a named pipe (FIFO), not a file; give the path of a .toml spec" \
        in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.docx"]


def test_a_named_pipe_as_library_file_is_reported_at_its_path(write_spec, tmp_path):
    os.mkfifo(tmp_path / "factors.toml")
    data = fixture_data("minimal.toml")
    data["library"] = {"paths": ["factors.toml"]}
    spec = write_spec(data)
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exit_code == 2
    lines = spec.read_text("utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if '"factors.toml"' in text)
    assert result.stderr.splitlines()[0] == (
        f"{spec}:{line}: library.paths[0]: library file {tmp_path / 'factors.toml'}: is a named pipe (FIFO), "
        "not a file; give the path of a .toml spec")


# -- class 8: a revision is never an option ------------------------------------------------------------


@pytest.mark.parametrize("rev", ["--output=PWNED", "-p", "HEAD --output=x", "a\nb", ""])
def test_a_revision_that_git_would_read_as_an_option_is_refused(rev, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "spec.toml"
    spec.write_text((FIXTURES / "minimal.toml").read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["diff", str(spec), "--rev", rev])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"--rev: {rev!r} is not a git revision; give a commit, tag or branch")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.toml"]


def test_git_reads_a_revision_after_end_of_options(tmp_path, monkeypatch):
    from pcfdoc.errors import SpecReadError
    from pcfdoc.spec import revisions

    calls = []
    monkeypatch.setattr(revisions, "_git", lambda path, *args: calls.append(args))
    with pytest.raises(SpecReadError):  # the stub answers as if git were missing; its arguments matter here
        revisions.text_at(tmp_path / "spec.toml", "HEAD~1")
    assert calls == [("show", "--end-of-options", "HEAD~1:./spec.toml")]


# -- class 9: batches ---------------------------------------------------------------------------------


def test_two_specs_writing_one_report_are_refused_before_anything_is_built(tmp_path):
    family = fixture_data("minimal.toml")
    family["variants"] = [{"id": "a", "amounts": {"steel": 5}}]
    (tmp_path / "x.toml").write_text(tomli_w.dumps(family), "utf-8")
    (tmp_path / "X-A.toml").write_text((FIXTURES / "minimal.toml").read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    first, second = tmp_path / "X-A.toml", tmp_path / "x.toml"  # in the order found
    assert result.stderr.strip() == (
        f"{first} and {second} would both be built to {tmp_path / 'out' / 'x-a.docx'}; "
        "rename a spec or a variant id, or build them into separate folders")
    assert not (tmp_path / "out").exists()


def test_a_worker_that_dies_is_reported_and_the_others_are_built(tmp_path, monkeypatch):
    from pcfdoc import pipeline

    if sys.platform == "win32":
        pytest.skip("needs fork, so that the workers see the patched build")
    import concurrent.futures
    import functools
    import multiprocessing

    # Forked workers run the patched build below, whatever start method the platform prefers.
    forking = functools.partial(concurrent.futures.ProcessPoolExecutor,
                                mp_context=multiprocessing.get_context("fork"))
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", forking)
    real = pipeline.build

    def build(spec, *args, **kwargs):
        if spec.name == "dies.toml":
            os._exit(137)  # as the OOM killer's SIGKILL ends a worker
        return real(spec, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build", build)
    for name in ("a", "b", "dies", "d"):
        data = fixture_data("minimal.toml")
        (tmp_path / f"{name}.toml").write_text(tomli_w.dumps(data), "utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'dies.toml'}: not built: the process building it died (killed by the system, " \
           "perhaps for lack of memory); build it alone to see why" in result.stderr
    assert "1 of 4 report(s) not built" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx", "b.docx", "d.docx"]


# -- class 10: smaller ones ------------------------------------------------------------------------------


def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path):
    for command, status in ((["calc", str(EXAMPLES / "valve-actuator.toml"), "--json"], 0),
                            (["check", str(FIXTURES / "minimal.toml"), str(tmp_path / "missing.toml")], 2)):
        process = subprocess.Popen([sys.executable, "-m", "pcfdoc", *command], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        process.stdout.close()  # as `| head -1` does once it has its line
        stderr = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=120) == status, stderr
        assert "Traceback" not in stderr and "internal error" not in stderr and "Broken pipe" not in stderr


@pytest.mark.parametrize(("options", "message"), [
    (["--issue-date", "0001-06-01"],
     "--issue-date: 0001-06-01 is outside 1981-01-01 … 2099-12-31; give the report's real date of issue"),
    (["--company", "公司\x07名"],
     "--company: contains the control character U+0007 at position 3, which a Word document cannot hold; "
     "remove it"),
    (["--product", "产" * 600],
     "--product: is 600 characters long, more than the 500 allowed; shorten it"),
])
def test_new_refuses_options_that_would_make_a_spec_check_refuses(options, message, tmp_path):
    target = tmp_path / "spec.toml"
    result = CliRunner().invoke(main, ["new", str(target), *options])
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert not target.exists()


def test_json_output_never_holds_nan_or_infinity():
    from pcfdoc.export.json_view import dumps

    text = dumps({"total": float("nan"), "lines": [1.5, float("inf"), {"x": float("-inf")}]})
    assert "NaN" not in text and "Infinity" not in text
    assert text.split() == ["{", '"total":', "null,", '"lines":', "[", "1.5,", "null,", "{", '"x":', "null",
                            "}", "]", "}"]


def test_models_whose_files_differ_only_in_case_are_refused(write_spec, tmp_path):
    data = fixture_data("minimal.toml")
    data["variants"] = [{"id": "a", "amounts": {"steel": 5}}, {"id": "A", "amounts": {"steel": 6}}]
    spec = write_spec(data, "x.toml")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    out = tmp_path / "out"
    assert result.stderr.splitlines()[0] == (
        f"{out / 'x-a.docx'} and {out / 'x-A.docx'} differ only in case, so Windows and macOS would write "
        "one file; give the variants ids that differ in more than case")
    assert not out.exists()
