"""A spec's versions in git: an old revision's text, and the commits that touched it.

git is asked, never required: outside a repository (or without git) there is
no history, and a revision that cannot be read is a user error. A report's
revision history is the author's statement (report.revisions); the commits are
listed instead only when the spec asks for them (report.revisions_from_git).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import SpecReadError

#: Field and record separators that commit subjects cannot contain.
_FIELD, _RECORD = "\x1f", "\x1e"


@dataclass(frozen=True)
class Revision:
    commit: str  # abbreviated hash
    date: dt.date
    author: str
    subject: str


def _git(path: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    if shutil.which("git") is None:
        return None
    return subprocess.run(["git", "-C", str(path.parent.resolve()), *args], capture_output=True, check=False)


def text_at(path: Path, rev: str) -> bytes:
    """The bytes of ``path`` as committed in ``rev``."""
    name = path.name
    done = _git(path, "show", f"{rev}:./{name}")
    if done is None:
        raise SpecReadError(f"{path}: git is not installed, so revision {rev} cannot be read")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SpecReadError(f"{path}: cannot read it at revision {rev!r} "
                            f"({reason[-1] if reason else 'git failed'}); check the revision and "
                            "that the file is committed")
    return done.stdout


def history(path: Path, until: dt.date | None = None) -> tuple[Revision, ...]:
    """Commits that changed ``path``, newest first (those dated on or before ``until``, if given);
    empty outside git."""
    done = _git(path, "log", "--follow", f"--format=%h{_FIELD}%ad{_FIELD}%an{_FIELD}%s{_RECORD}",
                "--date=short", "--", path.name)
    if done is None or done.returncode != 0:
        return ()
    revisions = []
    for record in done.stdout.decode("utf-8", "replace").split(_RECORD):
        fields = record.strip("\n").split(_FIELD)
        if len(fields) == 4:
            commit, date, author, subject = fields
            revision = Revision(commit, dt.date.fromisoformat(date), author, subject)
            if until is None or revision.date <= until:
                revisions.append(revision)
    return tuple(revisions)
