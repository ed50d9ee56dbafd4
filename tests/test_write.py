import pytest

from pcfdoc.errors import OutputError
from pcfdoc.write import write_atomic


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
