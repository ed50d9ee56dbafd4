import datetime as dt
import io
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
