"""The examples' reports can go to a client as they are: nothing of the tool, inputs exactly as written,
and an English report with no Chinese in it (document, headers, footers and charts alike)."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest

from pcfdoc import pipeline
from pcfdoc.spec.library import shipped
from pcfdoc.spec.load import load
from pcfdoc.spec.texts import CJK

from conftest import EXAMPLES

STEMS = ("valve-actuator", "battery-cells", "mining-machinery")
#: The library's status words, in both languages.
STATUS_WORDS = ("已核实", "第三方转录", "未核实", "项目提供", "Verified", "Third-party", "Unverified",
                "Project-supplied")


def report_text(data: bytes) -> str:
    """The text of every part a reader can see: body, headers, footers, charts, document properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        seen = r"word/(document|header\d+|footer\d+|charts/chart\d+)\.xml|docProps/\w+\.xml"
        names = [name for name in package.namelist() if re.fullmatch(seen, name)]
        xml = "\n".join(package.read(name).decode("utf-8") for name in names)
    return re.sub(r"<[^>]+>", " ", xml)  # a space where a tag was: cells and runs stay apart


@pytest.fixture(scope="module", params=STEMS)
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    chinese = pipeline.build(EXAMPLES / f"{request.param}.toml", folder / "zh")
    english = pipeline.build(EXAMPLES / f"{request.param}.toml", folder / "en", language="en")
    return request.param, report_text(chinese.target.read_bytes()), report_text(english.target.read_bytes())


def test_no_tool_internals_reach_a_chinese_report(built):
    stem, chinese, _ = built
    assert "pcfdoc" not in chinese.lower()
    ids = [entry.factor.id for entry in shipped()]
    assert [factor_id for factor_id in ids if factor_id in chinese] == []
    assert [word for word in STATUS_WORDS if word in chinese] == []
    english_names = {entry.factor.name_en for entry in shipped() if entry.factor.name_en}
    english_names |= {factor["name_en"] for factor in load(EXAMPLES / f"{stem}.toml").data.get("factors", [])
                      if "name_en" in factor}
    assert [name for name in english_names if name in chinese] == []


def test_no_tool_internals_reach_an_english_report(built):
    _, _, english = built
    assert "pcfdoc" not in english.lower()
    assert [factor_id for factor_id in (entry.factor.id for entry in shipped()) if factor_id in english] == []
    assert [word for word in STATUS_WORDS if word in english] == []


def test_an_english_report_holds_no_chinese_character(built):
    stem, _, english = built
    found = sorted({char for char in english if CJK.match(char)})
    assert found == [], f"{stem}: {''.join(found)}"


def as_written(value) -> str:
    """A number of the spec as the report must print it: its written digits, grouped in thousands."""
    literal = getattr(value, "written", None) or str(value)
    return f"{Decimal(literal.replace('_', '')):,f}"


def activity_amounts(stem: str) -> list[str]:
    """Every activity amount of an example (inventory amounts, transport distances, shares and
    distances of destinations, annual outputs), as written in the spec."""
    data = load(EXAMPLES / f"{stem}.toml").data
    amounts = [row["amount"] for row in data["company"].get("annual_output", [])]
    for product in data["products"]:
        amounts += [line["amount"] for line in product.get("inventory", [])]
        amounts += [leg["distance_km"] for leg in product.get("transport", [])]
        for destination in product.get("distribution", {}).get("destinations", []):
            amounts += [destination["share_pct"], destination["distance_km"]]
    return [as_written(amount) for amount in amounts]


def test_every_activity_amount_appears_exactly_as_written(built):
    stem, chinese, english = built
    amounts = activity_amounts(stem)
    assert len(amounts) >= 5
    for text in (chinese, english):
        # whole, never part of a longer number: 225,500 is not 2,225,500 nor 225,500.4
        missing = [amount for amount in amounts
                   if not re.search(rf"(?<![\d.,]){re.escape(amount)}(?![\d]|[.,]\d)", text)]
        assert missing == []


def test_the_valve_amounts_that_used_to_be_rounded_are_whole():
    assert {"225,500", "0.0294", "16,340", "0.613"} <= set(activity_amounts("valve-actuator"))
    assert "11,250.02" in activity_amounts("mining-machinery")
