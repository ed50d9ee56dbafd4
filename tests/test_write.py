import datetime as dt
import io
import os
import zipfile

import pytest

from pcfdoc.errors import OutputError
from pcfdoc.write import reproducible_zip, write_atomic


def test_write_atomic_creates_and_replaces(tmp_path):
    path = tmp_path / "out.txt"
    write_atomic(path, b"one", overwrite=False)
    assert path.read_bytes() == b"one"
    write_atomic(path, b"two", overwrite=True)
    assert path.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left behind


def test_write_atomic_keeps_an_existing_file_without_overwrite(tmp_path):
    path = tmp_path / "out.txt"
    path.write_bytes(b"keep")
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(path, b"new", overwrite=False)
    assert path.read_bytes() == b"keep"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    path.write_bytes(b"good")

    def fail(*_):
        raise OSError("disk full")

    monkeypatch.setattr("pcfdoc.write.os.replace", fail)
    with pytest.raises(OSError):
        write_atomic(path, b"bad", overwrite=True)
    assert path.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_reproducible_zip_stamps_every_entry_and_keeps_the_order():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("b.xml", "<b/>")
        archive.writestr("a.xml", "<a/>")
    stamped = zipfile.ZipFile(io.BytesIO(reproducible_zip(buffer.getvalue(), dt.date(2024, 6, 7))))
    assert [(i.filename, i.date_time) for i in stamped.infolist()] == [
        ("b.xml", (2024, 6, 7, 0, 0, 0)), ("a.xml", (2024, 6, 7, 0, 0, 0))]
    assert stamped.read("a.xml") == b"<a/>"


def test_write_together_writes_every_file(tmp_path):
    from pcfdoc.write import write_together

    (tmp_path / "a.docx").write_bytes(b"old a")
    write_together({tmp_path / "a.docx": b"new a", tmp_path / "sub" / "b.xlsx": b"new b"})
    assert (tmp_path / "a.docx").read_bytes() == b"new a"
    assert (tmp_path / "sub" / "b.xlsx").read_bytes() == b"new b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "sub"]


def test_a_move_that_fails_puts_back_every_file_moved_before_it(tmp_path, monkeypatch):
    from pcfdoc import write

    (tmp_path / "a.docx").write_bytes(b"old a")
    (tmp_path / "c.pdf").write_bytes(b"old c")
    original = os.replace

    def fail_on_c(source, target):
        if str(target).endswith("c.pdf"):
            raise OSError(5, "Input/output error", str(target))
        return original(source, target)

    monkeypatch.setattr(write.os, "replace", fail_on_c)
    outputs = {tmp_path / "a.docx": b"new a", tmp_path / "b.xlsx": b"new b", tmp_path / "c.pdf": b"new c"}
    expected = "c.pdf: cannot write \\(Input/output error\\); nothing was written"
    with pytest.raises(OutputError, match=expected):
        write.write_together(outputs)
    monkeypatch.setattr(write.os, "replace", original)
    assert (tmp_path / "a.docx").read_bytes() == b"old a"
    assert (tmp_path / "c.pdf").read_bytes() == b"old c"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "c.pdf"]  # b.xlsx was new: removed


def test_leftovers_are_removed_only_when_their_build_is_dead(tmp_path):
    import subprocess
    import sys

    from pcfdoc.write import remove_leftovers

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    dead = int(finished.stdout)
    target = tmp_path / "r.docx"
    names = [f".r.docx.{dead}.00ff.pcfdoc-staged", f".r.docx.{dead}.00ff.backup.pcfdoc-staged",
             f".r.docx.{os.getpid()}.00ff.pcfdoc-staged", f".r.docx.{os.getppid()}.00ff.pcfdoc-staged",
             f".x.docx.{dead}.00ff.pcfdoc-staged", "r.docx.tmp"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    remove_leftovers(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])
