"""Properties that hold for every valid spec, checked on generated ones (hypothesis)."""

from __future__ import annotations

import copy
import math
import string

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pcfdoc import pipeline
from pcfdoc.formatting import percentages
from pcfdoc.render.docx import default_template, render_report
from pcfdoc.vocab.gwp import gwp_sets

from conftest import fixture_data
from render.docx_reading import all_text, header_text, key_value, open_report

# (activity unit, factor unit, kg of gas per activity unit per unit of factor value, gas)
UNIT_PAIRS = [
    ("kg", "kgCO2e/kg", 1.0, "CO2e"),
    ("t", "kgCO2e/kg", 1000.0, "CO2e"),
    ("kg", "tCO2e/t", 1.0, "CO2e"),
    ("kWh", "kgCO2/kWh", 1.0, "CO2"),
    ("MWh", "kgCO2e/kWh", 1000.0, "CO2e"),
    ("GJ", "kgCO2e/MJ", 1000.0, "CO2e"),
    ("t*km", "kgCO2e/(t*km)", 1.0, "CO2e"),
    ("t·km", "gCO2e/(kg*km)", 1.0, "CO2e"),
    ("台", "kgCO2e/台", 1.0, "CO2e"),
    ("Nm3", "gCH4/Nm3", 0.001, "CH4"),
    ("10⁴Nm³", "kgCO2/Nm3", 10000.0, "CO2"),
    ("kWh", "kgN2O/MWh", 0.001, "N2O"),
]
STAGES = ["raw_material", "raw_material_transport", "production", "distribution"]

# 0, or no smaller than a spec allows (1e-12) even after scaling by k below.
amounts = st.just(0.0) | st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False)
factor_values = st.just(0.0) | st.floats(min_value=1e-6, max_value=1e3, allow_nan=False, allow_infinity=False)
# Any text XML can hold: letters of every script, symbols, emoji, template syntax, RTL marks.
xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1, max_size=40,
).filter(lambda text: text.strip())
hostile_text = st.one_of(
    xml_text,
    st.sampled_from(['A&B <C> "D"', "{{ x }}", "{% if y %}", "😀🏭", "「中」\u200fעברית", "$x^2$",
                     "x" * 300]),
)


@st.composite
def lines(draw, index: int):
    unit, factor_unit, _, _ = pair = draw(st.sampled_from(UNIT_PAIRS))
    line = {
        "id": f"line-{index}", "stage": draw(st.sampled_from(STAGES)), "name": f"排放源 {index}",
        "amount": draw(amounts), "unit": unit, "factor": f"factor-{index}", "data_type": "primary",
        "source": "generated",
    }
    factor = {"id": f"factor-{index}", "name": f"因子 {index}", "value": draw(factor_values),
              "unit": factor_unit, "source": "generated", "year": 2023}
    return line, factor, pair


@st.composite
def specs(draw):
    """A valid spec: the minimal fixture with generated products, lines and factors."""
    data = fixture_data("minimal.toml")
    data["boundary"]["stages"] = list(STAGES)
    data["method"]["gwp"] = draw(st.sampled_from(sorted(gwp_sets())))
    products, factors, pairs = [], [], {}
    count = 0
    for p in range(draw(st.integers(1, 3))):
        inventory = []
        for _ in range(draw(st.integers(1, 8))):
            line, factor, pair = draw(lines(count))
            inventory.append(line)
            factors.append(factor)
            pairs[(f"p{p}", line["id"])] = pair
            count += 1
        products.append({"id": f"p{p}", "name": f"产品 {p}", "functional_unit": {"amount": 1, "unit": "台"},
                         "inventory": inventory})
    data["products"], data["factors"] = products, factors
    return data, pairs


FIXTURE_OK = [HealthCheck.function_scoped_fixture]  # write_spec writes a fresh file per example
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=FIXTURE_OK)


@PROPERTY
@given(generated=specs())
def test_totals_shares_and_line_emissions(write_spec, generated):
    data, pairs = generated
    results = pipeline.calc(write_spec(data)).results
    gwp = gwp_sets()[data["method"]["gwp"]]
    factor_values_by_id = {f["id"]: f["value"] for f in data["factors"]}
    for product, spec_product in zip(results.products, data["products"], strict=True):
        by_id = {line["id"]: line for line in spec_product["inventory"]}
        for line in product.lines:
            _, _, multiplier, gas = pairs[(product.id, line.id)]
            expected = by_id[line.id]["amount"] * factor_values_by_id[by_id[line.id]["factor"]] * multiplier
            assert line.gas == gas
            assert line.kgco2e == pytest.approx(expected * gwp.factor(gas), rel=1e-9, abs=1e-12)
        assert math.fsum(stage.kgco2e for stage in product.stages) == pytest.approx(
            product.total_kgco2e, rel=1e-9, abs=1e-12)
        if product.total_kgco2e > 0:
            assert math.fsum(stage.share for stage in product.stages) == pytest.approx(1.0, rel=1e-9)
            assert sum(percentages([s.share for s in product.stages], 2)) == 100
            assert sum(percentages([line.share for line in product.lines], 1)) == 100


@PROPERTY
@given(generated=specs(), k=st.floats(min_value=1e-3, max_value=1e3))
def test_scaling_every_amount_scales_every_total(write_spec, generated, k):
    data, _ = generated
    scaled = copy.deepcopy(data)
    for product in scaled["products"]:
        for line in product["inventory"]:
            line["amount"] *= k
    assume(all(line["amount"] <= 1e15 for p in scaled["products"] for line in p["inventory"]))
    before = pipeline.calc(write_spec(data)).results
    after = pipeline.calc(write_spec(scaled)).results
    for one, other in zip(before.products, after.products, strict=True):
        assert other.total_kgco2e == pytest.approx(k * one.total_kgco2e, rel=1e-9, abs=1e-9)


def test_unit_pairs_in_this_file_are_what_pcfdoc_computes():
    """The independent conversion table above agrees with pint on one line each."""
    for unit, factor_unit, multiplier, gas in UNIT_PAIRS:
        from pcfdoc.vocab.units import emission_of

        assert emission_of(unit, factor_unit, "CO2e") == (gas, pytest.approx(multiplier, rel=1e-12))


RENDER = settings(max_examples=8, deadline=None, suppress_health_check=FIXTURE_OK)


@RENDER
@given(generated=specs(), company=hostile_text, product=hostile_text, number=hostile_text,
       line_name=hostile_text)
def test_any_text_reaches_the_report_literally(write_spec, generated, company, product, number, line_name):
    data, _ = generated
    data["company"]["name"] = company
    data["report"]["number"] = number
    data["products"][0]["name"] = product
    data["products"][0]["inventory"][0]["name"] = line_name
    path = write_spec(tomli_w.dumps(data))
    calculated = pipeline.calc(path)
    document = open_report(render_report(calculated.valid, calculated.results, default_template("zh-CN")))
    text = all_text(document)
    for value in (company, product, line_name):
        assert value in text
    assert number in header_text(document.sections[0])
    assert key_value(document.tables[0])["报告编号"] == number


def test_identifier_alphabet_is_plain():
    assert set("line-1") <= set(string.ascii_letters + string.digits + "-")
