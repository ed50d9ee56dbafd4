"""Large specs stay correct: the benchmark generator's 10,000-line spec through check, calc and build.

Timing is measured in benchmarks/, never here; these tests only check what a large spec gives.
"""

from __future__ import annotations

import math
import re
import sys
import tomllib
import zipfile

import pytest

from pcfdoc import pipeline

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py)

LINES = 10_000


@pytest.fixture(scope="module")
def large_spec(tmp_path_factory):
    return generate.write_lines_spec(LINES, tmp_path_factory.mktemp("large")).path


@pytest.fixture(scope="module")
def large_calc(large_spec):
    return pipeline.calc(large_spec)


def test_the_generator_is_deterministic_and_seeded():
    assert generate.spec_text(300, 8) == generate.spec_text(300, 8)
    assert generate.spec_text(300, 8) != generate.spec_text(300, 9)


def test_a_large_spec_checks_without_findings(large_calc):
    assert large_calc.valid.warnings == []


def test_every_line_of_a_large_spec_is_calculated(large_spec, large_calc):
    data = tomllib.loads(large_spec.read_text("utf-8"))
    written = data["products"][0]["inventory"]
    assert len(written) == LINES
    product = large_calc.results.products[0]
    inventory = {line.id: line for line in product.lines if line.kind == "inventory"}
    included = [line for line in written if not line.get("excluded")]
    assert set(inventory) == {line["id"] for line in included}
    # Lines on the spec's own per-kg factors, recomputed here from the TOML alone.
    own = {factor["id"]: factor["value"] for factor in data["factors"] if factor["unit"] == "kgCO2e/kg"}
    checked = 0
    for line in included:
        if line["factor"] in own and line["unit"] == "kg" and "annual" not in line:
            assert inventory[line["id"]].kgco2e == pytest.approx(line["amount"] * own[line["factor"]],
                                                                 rel=1e-12)
            checked += 1
    assert checked > LINES / 4


def test_the_totals_of_a_large_spec_add_up(large_calc):
    product = large_calc.results.products[0]
    assert product.total_kgco2e == pytest.approx(math.fsum(line.kgco2e for line in product.lines), rel=1e-12)
    assert product.total_kgco2e == pytest.approx(math.fsum(stage.kgco2e for stage in product.stages),
                                                 rel=1e-12)
    assert math.fsum(line.share for line in product.lines) == pytest.approx(1.0, rel=1e-9)
    assert product.uncertainty.iterations == 10_000
    assert product.uncertainty.total.p2_5 < product.total_kgco2e < product.uncertainty.total.p97_5


def test_a_large_report_holds_every_line(large_spec, large_calc, tmp_path):
    built = pipeline.build(large_spec, tmp_path)
    with zipfile.ZipFile(built.targets[0]) as package:
        document = package.read("word/document.xml").decode("utf-8")
    product = large_calc.results.products[0]
    # Every line's name reaches the calculation table and the data-quality table (at least twice).
    for line in product.lines[:: LINES // 50]:
        assert document.count(f">{line.name}<") >= 2, line.name
    rows = document.count("<w:tr>") + document.count("<w:tr ")
    assert rows > 2 * LINES
    # The rows are well formed: every spliced row closes, and the document parses.
    assert rows == document.count("</w:tr>")
    from lxml import etree

    etree.fromstring(document.encode("utf-8"), etree.XMLParser(huge_tree=True))
    assert re.search(r"pcfdoc-rows-\d", document) is None
