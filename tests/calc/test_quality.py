"""Pedigree scores, the spread they imply, and emission-weighted ratings."""

import math

import pytest

from pcfdoc.calc.quality import pedigree_gsd, temporal_score

from conftest import fixture_data
from helpers import calculated


def lines_of(data):
    (product,) = calculated(data).products
    return product, {line.id: line for line in product.lines}


def test_pedigree_gsd_matches_the_ecoinvent_variances():
    # reliability 2 (U 1.05) → σ² 0.0006; technological 3 (U 1.20) → 0.008; basic 1.05 → 0.0006
    scores = {"reliability": 2, "completeness": 1, "temporal": 1, "geographical": 1, "technological": 3}
    sigma2 = (math.log(1.05) / 2) ** 2 * 2 + (math.log(1.20) / 2) ** 2
    assert pedigree_gsd(1.05, scores) == pytest.approx(math.exp(math.sqrt(sigma2)))
    assert math.log(pedigree_gsd(1.05, scores)) ** 2 == pytest.approx(0.0006 + 0.0006 + 0.0083, abs=2e-4)
    assert pedigree_gsd(1.0, dict.fromkeys(scores, 1)) == 1.0


@pytest.mark.parametrize(("age", "score"), [(0, 1), (2, 1), (3, 2), (5, 2), (6, 3), (9, 3), (10, 4),
                                            (14, 4), (15, 5), (40, 5)])
def test_temporal_score_from_age(age, score):
    assert temporal_score(age) == score


def test_scores_are_given_derived_or_stated_defaults():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["quality"] = {"reliability": 1, "technological": 2}
    data["factors"][0]["year"] = 2016  # 7 years before the 2023 data period → temporal 3
    _, lines = lines_of(data)
    steel = lines["steel"].quality
    assert steel.scores == (1, 2, 3, 1, 2)
    assert steel.origins == ("given", "default", "derived", "default", "given")
    assert steel.dqr == pytest.approx(9 / 5)
    assert steel.basic_gsd2 == 1.05
    assert not steel.gsd_given


def test_a_given_gsd_wins_over_pedigree():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][1]["gsd"] = 1.3
    _, lines = lines_of(data)
    assert lines["electricity"].quality.gsd == 1.3
    assert lines["electricity"].quality.gsd_given


def test_spec_defaults_replace_pcfdocs():
    data = fixture_data("minimal.toml")
    data["data_quality"]["primary"] = {"reliability": 4, "completeness": 4, "temporal": 4,
                                       "geographical": 4, "technological": 4}
    data["factors"][0].pop("year")
    _, lines = lines_of(data)
    # time: a factor without a year is of unknown age (5), whatever the stated default
    assert lines["steel"].quality.scores == (4, 4, 5, 4, 4)
    assert lines["steel"].quality.origins == ("default", "default", "derived", "default", "default")


def test_product_rating_is_weighted_by_emission():
    data = fixture_data("minimal.toml")
    products = data["products"][0]["inventory"]
    products[0]["quality"] = {"reliability": 1, "completeness": 1, "temporal": 1, "geographical": 1,
                              "technological": 1}  # 20 kg CO2e, DQR 1
    products[1]["quality"] = {"reliability": 3, "completeness": 3, "temporal": 3, "geographical": 3,
                              "technological": 4}  # 25 kg CO2e, DQR 3.2
    product, _ = lines_of(data)
    quality = product.data_quality
    assert quality.dqr == pytest.approx((20 * 1 + 25 * 3.2) / 45)
    assert quality.level == "good"  # 2.22: PEF band (2, 3]
    assert quality.pact_dqr == pytest.approx(
        {"technological": (20 + 100) / 45, "geographical": (20 + 75) / 45, "temporal": (20 + 75) / 45})
    assert quality.primary_activity_share == 1.0  # recorded and metered
    assert quality.primary_share == 0.0  # a database and a literature factor: secondary (PACT)
    assert quality.defaulted_lines == ()


def test_lines_without_scores_are_named_as_defaulted():
    product, _ = lines_of(fixture_data("minimal.toml"))
    assert product.data_quality.defaulted_lines == ("steel", "electricity")
    assert product.data_quality.level == "excellent"  # defaults 2,2,1,1,1 → 1.4


def test_a_proxy_scores_4_on_technology_before_any_stated_default():
    data = fixture_data("minimal.toml")  # stated primary technological = 1
    data["factors"][0] |= {"origin": "proxy", "proxy_for": "钢材"}
    _, lines = lines_of(data)
    steel = lines["steel"].quality
    assert steel.score("technological") == 4
    assert steel.origins[4] == "derived"


def test_a_factor_without_a_year_scores_5_on_time_and_says_it_is_derived():
    data = fixture_data("minimal.toml")
    data["factors"][1].pop("year")
    _, lines = lines_of(data)
    assert lines["electricity"].quality.score("temporal") == 5
    assert lines["electricity"].quality.origins[2] == "derived"


@pytest.mark.parametrize(("activity", "factor", "expected"), [
    # (reliability, completeness) by activity origin, (geographical, technological) by factor origin
    ("measured", "site", (2, 2, 1, 2)),
    ("billed", "database", (2, 2, 3, 3)),
    ("calculated", "literature", (3, 2, 3, 3)),
    ("supplier", "supplier", (3, 3, 1, 2)),
    ("estimated", "database", (4, 3, 3, 3)),
    ("scenario", None, (4, 4, 4, 4)),
])
def test_pcfdocs_own_defaults_follow_the_origins(activity, factor, expected):
    data = fixture_data("minimal.toml")
    del data["data_quality"]
    data["products"][0]["inventory"][0]["activity_origin"] = activity
    if factor is None:
        data["factors"][0].pop("origin")
    else:
        data["factors"][0]["origin"] = factor
    _, lines = lines_of(data)
    steel = lines["steel"].quality
    assert tuple(steel.score(i) for i in ("reliability", "completeness", "geographical", "technological")) \
        == expected
    assert steel.origins == ("pcfdoc", "pcfdoc", "derived", "pcfdoc", "pcfdoc")


def test_unstated_origins_take_the_cautious_defaults_of_their_data_type():
    data = fixture_data("minimal.toml")
    del data["data_quality"]
    steel = data["products"][0]["inventory"][0]
    del steel["activity_origin"]
    steel["data_type"] = "secondary"
    data["factors"][0].pop("origin")
    product, lines = lines_of(data)
    assert lines["steel"].quality.scores == (4, 4, 1, 4, 4)  # the factor is of 2022, data of 2023
    assert product.data_quality.pcfdoc_default_lines == ("steel", "electricity")


def test_the_spread_splits_into_the_activity_and_the_factor():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"][0]["quality"] = {"reliability": 2, "completeness": 3, "temporal": 2,
                                                      "geographical": 4, "technological": 3}
    _, lines = lines_of(data)
    quality = lines["steel"].quality
    activity = math.sqrt((math.log(1.05) / 2) ** 2 + (math.log(1.05) / 2) ** 2 + (math.log(1.05) / 2) ** 2)
    factor = math.sqrt((math.log(1.03) / 2) ** 2 + (math.log(1.05) / 2) ** 2 + (math.log(1.20) / 2) ** 2)
    assert quality.activity_sigma == pytest.approx(activity)  # basic 1.05, reliability 2, completeness 3
    assert quality.factor_sigma == pytest.approx(factor)  # temporal 2, geographical 4, technological 3
    assert math.log(quality.gsd) == pytest.approx(math.hypot(activity, factor))
    assert quality.gsd == pytest.approx(pedigree_gsd(1.05, dict(zip(
        ("reliability", "completeness", "temporal", "geographical", "technological"), quality.scores,
        strict=True))))


def test_a_given_gsd_keeps_the_factors_part_and_gives_the_rest_to_the_activity():
    data = fixture_data("minimal.toml")
    line = data["products"][0]["inventory"][0]
    line["quality"] = {"temporal": 5, "geographical": 1, "technological": 1}  # factor σ = ln(1.5)/2
    line["gsd"] = 1.5
    _, lines = lines_of(data)
    quality = lines["steel"].quality
    assert quality.gsd == 1.5
    assert quality.factor_sigma == pytest.approx(math.log(1.5) / 2)
    assert math.hypot(quality.activity_sigma, quality.factor_sigma) == pytest.approx(math.log(1.5))
    line["gsd"] = 1.1  # less than the factor's part alone: all of it is the factor's
    _, lines = lines_of(data)
    assert lines["steel"].quality.factor_sigma == pytest.approx(math.log(1.1))
    assert lines["steel"].quality.activity_sigma == 0.0


def test_a_line_in_tkm_gets_the_basic_uncertainty_of_transport():
    data = fixture_data("minimal.toml")
    data["products"][0]["inventory"].append({
        "id": "freight", "stage": "raw_material", "name": "外购件运输", "amount": 2, "unit": "t*km",
        "factor": "truck", "activity_origin": "estimated", "source": "台账"})
    data["factors"].append({"id": "truck", "name": "货车", "value": 0.1, "unit": "kgCO2e/(t*km)",
                            "source": "测试", "origin": "literature", "year": 2023})
    _, lines = lines_of(data)
    assert (lines["freight"].quality.basic_kind, lines["freight"].quality.basic_gsd2) == ("transport", 2.0)
    assert (lines["steel"].quality.basic_kind, lines["steel"].quality.basic_gsd2) == ("inventory", 1.05)
