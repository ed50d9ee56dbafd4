"""Checks that need results: cut-off estimates and stated default scores, exact messages."""

from conftest import fixture_data
from helpers import one_error, warnings, with_small_parts


def test_excluded_estimates_must_stay_below_the_total_share_of_emissions(write_spec):
    data = with_small_parts(excluded=("gasket", "label"))
    data["cutoff"] = {"mass_threshold_pct": 1, "total_threshold_pct": 1}
    for line in data["products"][0]["inventory"][-2:]:
        line["factor"] = "heavy"
    data["factors"].append({"id": "heavy", "name": "高排放材料", "value": 100.0, "unit": "kgCO2e/kg",
                            "source": "测试"})
    error = one_error(write_spec(data))
    assert "products[0]: the lines cut off are estimated at " in error
    assert "of the product's emissions, above the 1 % allowed (cutoff.total_threshold_pct)" in error


def test_pcfdocs_own_default_scores_are_named_in_a_warning(write_spec):
    data = fixture_data("minimal.toml")
    assert warnings(write_spec(data)) == []  # the fixture states its primary defaults
    del data["data_quality"]
    data["products"][0]["inventory"][0]["quality"] = {"reliability": 1, "completeness": 1,
                                                      "geographical": 1, "technological": 1}
    (warning,) = warnings(write_spec(data))
    assert warning.endswith(
        "products[0]: warning: 1 primary-data line(s) (electricity) lack pedigree scores (reliability, "
        "completeness, geographical, technological) and take pcfdoc's cautious defaults for their origins; "
        "score them (quality = { ... }) or state the defaults under [data_quality.primary]")
