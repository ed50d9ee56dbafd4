from decimal import Decimal

import pytest

from pcfdoc import formatting


@pytest.mark.parametrize(
    "fractions",
    [
        [1 / 3, 1 / 3, 1 / 3],
        [0.9603173, 0.0030248, 0.0303616, 0.0062963],
        [0.5215, 0.0002, 0.4783],
        [0.125, 0.125, 0.75],
        [1e-9, 1 - 1e-9],
    ],
)
def test_percentages_add_up_to_exactly_100(fractions):
    for decimals in (0, 1, 2):
        shown = formatting.percentages(fractions, decimals)
        assert sum(shown) == Decimal(100)


def test_largest_remainder_gives_the_missing_tenth_to_the_largest_remainder():
    thirds = formatting.percentages([1 / 3, 1 / 3, 1 / 3], 1)
    assert thirds == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert formatting.percentages([0.9603173, 0.0030248, 0.0303616, 0.0062963], 2) == [
        Decimal("96.03"), Decimal("0.30"), Decimal("3.04"), Decimal("0.63")]


def test_percentages_of_nothing_are_zero():
    assert formatting.percentages([0.0, 0.0], 1) == [Decimal("0.0"), Decimal("0.0")]


@pytest.mark.parametrize(
    ("value", "text"),
    [(401.9477774, "401.95"), (47.44011, "47.44"), (1.0168159, "1.017"), (0.0194927, "0.01949"),
     (1234567.891, "1,234,567.89"), (0.0, "0.00")],
)
def test_figure_keeps_four_significant_digits(value, text):
    assert formatting.figure(value) == text


def test_rounding_is_half_up():
    assert formatting.number(0.125, 2) == "0.13"
    assert formatting.number(2.675, 2) == "2.68"


def test_column_decimals_follow_the_largest_figure():
    assert formatting.column_decimals([385.99, 1.2158, 12.2, 2.53]) == 2


def test_units_and_labels():
    assert formatting.in_unit(1016.8, "tCO2e") == pytest.approx(1.0168)
    assert formatting.per_unit_label("kgCO2e", 1.0, "台") == "kgCO2e/台"
    assert formatting.per_unit_label("tCO2e", 1000.0, "kg") == "tCO2e/(1000 kg)"
    assert formatting.pretty_unit("kgCO2e/(t*km)") == "kgCO₂e/(t·km)"
    assert formatting.pretty_unit("kgCH4/Nm3") == "kgCH₄/Nm3"
    assert formatting.pretty_unit("kgCO2/m3") == "kgCO₂/m³"


def test_factor_units_name_their_gas_when_the_unit_does_not():
    assert formatting.factor_unit("kg/kg", "CH4") == "kg/kg（CH₄）"
    assert formatting.factor_unit("kgCH4/kg", "CH4") == "kgCH₄/kg"
    assert formatting.factor_unit("kg/kWh", "CO2e") == "kg/kWh"


def test_small_values_in_a_column_are_not_shown_as_zero():
    assert formatting.column_number(0.0004, 2) == "<0.01"
    assert formatting.column_number(0.0, 2) == "0.00"
    assert formatting.column_number(0.006, 2) == "0.01"


def test_plain_percent_and_dates():
    import datetime as dt

    assert formatting.plain(225500.0) == "225,500"
    assert formatting.plain(13.800489596) == "13.8005"
    assert formatting.percent(0.9603173) == "96.03"
    assert formatting.date_zh(dt.date(2024, 6, 7)) == "2024年6月7日"


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.0000294, "0.0000294"), (2.24e-5, "0.0000224"), (1e-9, "0.000000001"), (1234567.0, "1,234,570"),
     (0.1 + 0.2, "0.3"), (16340.0, "16,340"), (0.0, "0")],
)
def test_plain_never_uses_an_exponent(value, text):
    assert formatting.plain(value) == text


# -- inputs as written, results in the chosen precision ----------------------------------------------

@pytest.mark.parametrize(("written", "shown"), [
    ("10561464.084", "10,561,464.084"),  # never rounded to six digits
    ("20.20", "20.20"),  # the trailing zero the author wrote
    ("1.0e-5", "0.000010"),  # no exponent in a report
    ("2.24e-5", "0.0000224"),
    ("1_000.5", "1,000.5"),
])
def test_an_input_prints_exactly_as_written(written, shown):
    from pcfdoc.spec.load import Written

    assert formatting.exact(Written(written)) == shown


def test_an_input_without_its_text_prints_its_shortest_exact_digits():
    assert [formatting.exact(value) for value in (225500, 225500.0, 0.1 + 0.2, 3.0e-7)] == [
        "225,500", "225,500", "0.30000000000000004", "0.0000003"]


def test_result_decimals_by_default_fixed_or_significant():
    assert [formatting.result_decimals(total) for total in (401.95, 47.44, 1.017, 0.0123)] == [2, 2, 3, 5]
    assert formatting.result_decimals(401.95, decimals=4) == 4
    assert [formatting.result_decimals(total, significant=5) for total in (1345.6139, 47.44, 0.012345)] == [
        1, 3, 6]
    assert formatting.result_decimals(123456.0, significant=3) == 0  # never negative: 123456


def test_a_share_too_small_to_show_reads_as_an_emission_does():
    assert formatting.share_texts([0.6, 0.39996, 0.00004]) == ["60.00", "40.00", "<0.01"]
    assert formatting.share_texts([1.0, 0.0]) == ["100.00", "0.00"]  # zero stays zero
    assert formatting.share_text(0.00004) == "<0.01" and formatting.share_text(0.0) == "0.00"
    assert formatting.column_number(0.004, 2) == "<0.01"


def test_units_read_in_english_in_an_english_report():
    units = ("kgCO2e/台", "万kWh", "t*km", "kgCO2e/套", "吨")
    assert [formatting.pretty_unit(unit, "en") for unit in units] == [
        "kgCO₂e/unit", "10⁴ kWh", "t·km", "kgCO₂e/set", "t"]
    assert formatting.pretty_unit("kgCO2e/台") == "kgCO₂e/台"  # Chinese is the default
