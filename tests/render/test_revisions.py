"""The revision-history table: the spec's commits, newest first, when the spec lives in git."""

import datetime as dt
import os
import shutil
import subprocess

import pytest

from pcfdoc.spec import revisions
from pcfdoc.spec.revisions import Revision

from conftest import FIXTURES, fixture_data
from render.conftest import render
from render.docx_reading import all_text, headings, open_report, rows

REVISIONS = (
    Revision("b2c3d4e", dt.date(2024, 3, 1), "作者乙", "更新电网因子"),
    Revision("a1b2c3d", dt.date(2024, 2, 20), "Author A", "First\x07 draft"),
)


def revision_table(document):
    """The table right after the information table, when it is the revision history."""
    table = document.tables[1]
    return rows(table)


def test_history_table_in_the_chinese_report(monkeypatch):
    monkeypatch.setattr(revisions, "history", lambda path: REVISIONS)
    document = open_report(render(FIXTURES / "minimal.toml"))
    assert "修订记录" in headings(document, 2)
    assert revision_table(document) == [
        ["版本", "日期", "作者", "说明"],
        ["2（b2c3d4e）", "2024年3月1日", "作者乙", "更新电网因子"],
        ["1（a1b2c3d）", "2024年2月20日", "Author A", "First draft"],  # control characters dropped
    ]


def test_history_table_in_the_english_report(monkeypatch, write_spec):
    monkeypatch.setattr(revisions, "history", lambda path: REVISIONS)
    data = fixture_data("minimal.toml")
    data["report"]["language"] = "en"
    document = open_report(render(write_spec(data)))
    assert "Revision history" in headings(document, 2)
    assert revision_table(document) == [
        ["Revision", "Date", "Author", "Description"],
        ["2 (b2c3d4e)", "1 March 2024", "作者乙", "更新电网因子"],
        ["1 (a1b2c3d)", "20 February 2024", "Author A", "First draft"],
    ]


def test_no_history_table_without_revisions(monkeypatch):
    monkeypatch.setattr(revisions, "history", lambda path: ())
    document = open_report(render(FIXTURES / "minimal.toml"))
    assert "修订记录" not in all_text(document)
    assert rows(document.tables[1])[0][0] != "版本"


def test_no_history_outside_git(write_spec):
    document = open_report(render(write_spec(fixture_data("minimal.toml"))))
    assert "修订记录" not in all_text(document)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_history_comes_from_the_spec_commits(tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_bytes((FIXTURES / "minimal.toml").read_bytes())
    env = {**os.environ, "GIT_AUTHOR_NAME": "Li Wei", "GIT_AUTHOR_EMAIL": "li@example.com",
           "GIT_COMMITTER_NAME": "Li Wei", "GIT_COMMITTER_EMAIL": "li@example.com",
           "GIT_AUTHOR_DATE": "2024-02-20T10:00:00+08:00", "GIT_COMMITTER_DATE": "2024-02-20T10:00:00+08:00",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", "spec.toml")
    git("commit", "-q", "-m", "First version of the spec")
    first = render(spec)
    table = revision_table(open_report(first))
    assert table[0] == ["版本", "日期", "作者", "说明"]
    assert [row[1:] for row in table[1:]] == [["2024年2月20日", "Li Wei", "First version of the spec"]]
    assert table[1][0].startswith("1（")
    assert render(spec) == first  # the same commit state gives the same bytes
