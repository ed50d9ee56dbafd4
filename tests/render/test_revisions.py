"""The revision history: the report's versions as the spec states them; git history only when asked."""

import os
import shutil
import subprocess

import pytest

from pcfdoc import pipeline

from conftest import EXAMPLES, FIXTURES, example_pictures, fixture_data
from helpers import problems
from render.conftest import render
from render.docx_reading import all_text, headings, open_report, rows

REVISIONS = [
    {"version": "A/0", "date": "2024-02-20", "author": "王某", "description": "征求意见稿"},
    {"version": "A/1", "date": "2024-03-01", "description": "正式发布"},
]


def with_revisions(data: dict) -> dict:
    import datetime as dt

    data["report"]["revisions"] = [{**r, "date": dt.date.fromisoformat(r["date"])} for r in REVISIONS]
    return data


def history_rows(document):
    """The revision table: the one after the sign-off tables on the information pages."""
    return rows(document.tables[3])


def test_the_spec_states_the_versions_in_the_chinese_report(write_spec):
    document = open_report(render(write_spec(with_revisions(fixture_data("minimal.toml")))))
    assert "修订记录" in headings(document, 2)
    assert history_rows(document) == [
        ["版本", "日期", "修订人", "修订说明"],
        ["A/0", "2024年2月20日", "王某", "征求意见稿"],
        ["A/1", "2024年3月1日", "", "正式发布"],  # no author given: the cell stays empty
    ]


def test_the_versions_in_the_english_report(write_spec):
    data = with_revisions(fixture_data("minimal.toml"))
    data["report"]["language"] = "en"
    data["report"]["revisions"][1]["description_en"] = "First issue"
    document = open_report(render(write_spec(data)))
    assert "Revision history" in headings(document, 2)
    assert history_rows(document)[0] == ["Version", "Date", "Revised by", "Description"]
    assert history_rows(document)[2] == ["A/1", "1 March 2024", "", "First issue"]


def test_no_history_table_without_revisions(write_spec):
    document = open_report(render(write_spec(fixture_data("minimal.toml"))))
    assert "修订记录" not in all_text(document)


def test_a_version_dated_after_the_issue_date_or_given_twice_is_an_error(write_spec):
    import datetime as dt

    data = with_revisions(fixture_data("minimal.toml"))
    data["report"]["revisions"].append({"version": "A/0", "date": dt.date(2024, 3, 5), "description": "更正"})
    found = problems(write_spec(data))
    assert any(p.endswith("report.revisions[2].date: version A/0 is dated 2024-03-05, after the issue "
                          "date 2024-03-01; fix either date") for p in found), found
    assert any(p.endswith("report.revisions[2].version: version 'A/0' is listed twice (also "
                          "report.revisions[0]); give each version once") for p in found), found


def test_revisions_and_git_history_exclude_each_other(write_spec):
    data = with_revisions(fixture_data("minimal.toml"))
    data["report"]["revisions_from_git"] = True
    (problem,) = problems(write_spec(data))
    assert problem.endswith("report.revisions_from_git: give either revisions or revisions_from_git = true, "
                            "not both")


# -- git --------------------------------------------------------------------------------------------

COMMIT_MESSAGE = "golden files compare Monte Carlo figures to 10 digits"


def git_repository(folder, *files, dates=("2024-02-20T10:00:00+08:00",)):
    """A git repository in ``folder`` holding copies of ``files``, committed once per date with the
    developer's kind of message, so a test can tell whether a commit reached the report."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Dev Eloper", "GIT_AUTHOR_EMAIL": "dev@example.com",
           "GIT_COMMITTER_NAME": "Dev Eloper", "GIT_COMMITTER_EMAIL": "dev@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args, **extra):
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                       env={**env, **extra})

    git("init", "-q")
    copies = []
    for file in files:
        copies.append(folder / file.name)
        shutil.copyfile(file, copies[-1])
    example_pictures(folder)  # an example's pictures are found beside it
    for number, date in enumerate(dates, 1):
        for copy in copies:
            with copy.open("a", encoding="utf-8") as handle:
                handle.write(f"\n# edit {number}\n")
        git("add", "-A")
        git("commit", "-q", "-m", f"{COMMIT_MESSAGE} ({number})", GIT_AUTHOR_DATE=date,
            GIT_COMMITTER_DATE=date)
    return copies


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
@pytest.mark.parametrize("stem", ["valve-actuator", "battery-cells", "mining-machinery"])
def test_commits_never_reach_the_report_of_an_example(tmp_path, stem):
    (spec,) = git_repository(tmp_path, EXAMPLES / f"{stem}.toml", dates=(
        "2020-01-01T10:00:00+08:00", "2030-01-01T10:00:00+08:00"))
    built = pipeline.build(spec, tmp_path / "out")
    document = open_report(built.target.read_bytes())
    text = all_text(document)
    assert "Monte Carlo" not in text and "Dev Eloper" not in text and "2030" not in text
    assert history_rows(document)[1][3] == "首次发布"  # the spec's own version instead


@needs_git
def test_git_history_is_listed_only_when_the_spec_asks_for_it(tmp_path):
    (spec,) = git_repository(tmp_path, FIXTURES / "minimal.toml", dates=(
        "2024-02-20T10:00:00+08:00", "2024-05-01T10:00:00+08:00"))
    text = spec.read_text("utf-8").replace("[report]\n", "[report]\nrevisions_from_git = true\n", 1)
    spec.write_text(text, "utf-8")  # uncommitted: the history is the committed one
    first = render(spec)
    table = history_rows(open_report(first))
    assert table[0] == ["版本", "日期", "修订人", "修订说明"]
    # the commit after the issue date (2024-03-01) is not a version of this report
    assert [row[1:] for row in table[1:]] == [["2024年2月20日", "Dev Eloper", f"{COMMIT_MESSAGE} (1)"]]
    assert table[1][0].startswith("1（")
    assert render(spec) == first  # the same commit state gives the same bytes
