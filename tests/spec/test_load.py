import pytest

from pcfdoc import pipeline
from pcfdoc.errors import SpecReadError, SpecSyntaxError
from pcfdoc.spec import load as load_module
from pcfdoc.spec.load import load, parse

from conftest import FIXTURES


def test_parse_returns_data_and_key_lines():
    source = parse(b'[report]\nnumber = "A"\n', "f.toml")
    assert source.data == {"report": {"number": "A"}}
    assert source.line_of(("report", "number")) == 2


@pytest.fixture
def scans(monkeypatch) -> list[str]:
    """The texts positions.key_lines is asked to scan."""
    seen: list[str] = []
    real = load_module.key_lines
    monkeypatch.setattr(load_module, "key_lines", lambda text: seen.append(text) or real(text))
    return seen


def test_key_lines_are_scanned_once_and_only_when_a_line_is_asked_for(scans):
    source = parse(b'[report]\nnumber = "A"\n', "f.toml")
    assert scans == []
    assert source.line_of(("report",)) == 1
    assert source.line_of(("report", "number")) == 2
    assert len(scans) == 1


def test_a_spec_without_problems_is_never_scanned_for_lines(scans):
    calculated = pipeline.calc(FIXTURES / "minimal.toml")
    assert calculated.valid.warnings == []
    assert scans == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a = \n", "f.toml:1:5: TOML syntax error: invalid value"),
        (b"a = 1\na = 2\n",
         "f.toml:2:6: TOML syntax error: cannot overwrite a value; a key or table is defined twice"),
        (b'a = "open\n', "f.toml:1:10: TOML syntax error: illegal character"),
        (b"[a]\nb = 1\n[a]\n", "f.toml:3:3: TOML syntax error: cannot declare [a] twice"),
    ],
)
def test_syntax_errors_name_line_and_column(raw, expected):
    with pytest.raises(SpecSyntaxError) as info:
        parse(raw, "f.toml")
    assert str(info.value).startswith(expected)


def test_binary_file_is_refused():
    with pytest.raises(SpecReadError, match="f.toml: is a binary file"):
        parse(b"\x00\x01\x02", "f.toml")


def test_non_utf8_file_names_the_line():
    expected = r"f.toml:2: not UTF-8 text \(byte 0xbf\); save the spec as UTF-8"
    with pytest.raises(SpecReadError, match=expected):
        parse('a = 1\nb = "宽"\n'.encode("gbk"), "f.toml")


def test_byte_order_mark_is_accepted():
    assert parse("\ufeffa = 1\n".encode("utf-8"), "f.toml").data == {"a": 1}


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SpecReadError, match="no such file"):
        load(tmp_path / "nope.toml")
    with pytest.raises(SpecReadError, match="is a folder"):
        load(tmp_path)
