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
