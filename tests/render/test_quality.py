"""Data quality and uncertainty in the render context: where each score came from, the primary data
share as the other outputs state it, and the uncertainty as the study analysed it."""

import json

import pytest
from click.testing import CliRunner

from pcfdoc import pipeline
from pcfdoc.cli import main
from pcfdoc.export.pact import pact_document
from pcfdoc.formatting import in_unit, result_decimals
from pcfdoc.render.analysis import product_analysis, report_analysis
from pcfdoc.render.labels import EN, ZH

from conftest import EXAMPLES, fixture_data
from helpers import with_pact
from render.test_analysis import analysis_of, calculated


@pytest.fixture(scope="module")
def valve():
    return calculated(EXAMPLES / "valve-actuator.toml")


def qualitative(data: dict) -> dict:
    data["uncertainty"] = {"method": "qualitative", "sensitivity": False, "discussion": "电网因子的年份。"}
    return data


# -- where the scores came from ------------------------------------------------------------------


def test_each_score_is_marked_by_who_gave_it(write_spec):
    data = fixture_data("minimal.toml")  # its [data_quality] states all but the temporal score
    data["data_quality"] = {"primary": {"reliability": 2}}  # now only reliability: the rest is pcfdoc's
    data["products"][0]["inventory"][0]["quality"] = {"technological": 2}
    spec, results = calculated(write_spec(data))
    view = analysis_of(spec, results.products[0])["quality"]
    # steel: recorded activity (completeness 2), database factor (geography 3); its year 2022 for a
    # 2023 period scores 1 (derived); power: metered (2), literature (3, 3)
    assert [row["scores"] for row in view["rows"]] == [["2*", "2‡", "1†", "3‡", "2"],
                                                       ["2*", "2‡", "1†", "3‡", "3‡"]]
    assert (view["has_given"], view["has_default"], view["has_pcfdoc"]) == (True, True, True)
    assert (view["derived_age"], view["derived_proxy"]) == (True, False)
    assert view["origins_text"] == ("数据逐项给出 1 个，由排放因子推定 2 个，按规定的默认评分取值 2 个，"
                                    "数据未给出、采用保守默认评分 5 个")
    assert view["pcfdoc_share"] == "100.00"  # both lines hold a conservative default


def test_a_proxy_scores_4_on_technology_and_is_marked_as_derived(valve):
    spec, results = valve
    view = analysis_of(spec, results.products[0])["quality"]
    aluminium = next(row for row in view["rows"] if row["name"] == "铝合金铸件")
    assert aluminium["scores"] == ["2*", "2*", "5†", "2*", "4†"]  # CPCD cites no year: 5; a proxy: 4
    assert (view["derived_age"], view["derived_proxy"], view["has_pcfdoc"]) == (True, True, False)
    assert view["origins_text"] == "数据逐项给出 6 个，由排放因子推定 18 个，按规定的默认评分取值 46 个"


def test_the_defaults_table_is_empty_when_the_data_give_every_score(write_spec):
    data = fixture_data("minimal.toml")
    del data["data_quality"]
    for line in data["products"][0]["inventory"]:
        line["quality"] = {"reliability": 1, "completeness": 1, "geographical": 2, "technological": 2}
    spec, results = calculated(write_spec(data))
    analysis = report_analysis(spec, results.products, ZH)
    assert analysis["defaults"] == []
    assert (analysis["stated_defaults"], analysis["conservative_defaults"]) == (False, False)


def test_lines_stating_no_origin_take_the_unstated_rows(write_spec):
    data = fixture_data("minimal.toml")
    del data["data_quality"]
    for line in data["products"][0]["inventory"]:
        del line["activity_origin"]
        line["data_type"] = "secondary"
    for factor in data["factors"]:
        del factor["origin"]
    spec, results = calculated(write_spec(data))
    assert report_analysis(spec, results.products, EN)["defaults"] == [
        {"type": "Activity data: Secondary, origin not stated", "scores": ["4", "4", "—", "—", "—"]},
        {"type": "Emission factor: origin not stated", "scores": ["—", "—", "—", "4", "4"]},
    ]


# -- the primary data share ----------------------------------------------------------------------


def test_the_report_prints_the_primary_share_calc_and_pact_state(write_spec):
    data = with_pact(fixture_data("minimal.toml"))
    data["factors"][0]["origin"] = "site"  # recorded steel × a site factor: primary; 20 of 45
    data["products"][0]["mass_per_unit"] = {"amount": 12, "unit": "kg"}  # PACT asks for it
    path = write_spec(data)
    spec, results = calculated(path)
    view = analysis_of(spec, results.products[0])["quality"]
    assert (view["primary_share"], view["primary_activity_share"]) == ("44.44", "100.00")
    stated = json.loads(CliRunner().invoke(main, ["calc", "--json", str(path)]).stdout)
    assert stated["products"][0]["data_quality"]["primary_share"] == pytest.approx(20 / 45)
    (record,) = pact_document(pipeline.calc(path))["data"]
    assert record["pcf"]["primaryDataShare"] == "44.44"


def test_the_mining_example_claims_no_primary_data_and_no_excellence():
    spec, results = calculated(EXAMPLES / "mining-machinery.toml")
    view = analysis_of(spec, results.products[0])["quality"]
    assert (view["primary_share"], view["dqr"], view["level"]) == ("0.00", "4.20", "较差")
    # its amounts are the company's records: nearly all the footprint rests on primary activity data
    assert view["primary_activity_share"] == "100.00"


# -- the uncertainty as the study analysed it ----------------------------------------------------


def test_the_simulation_names_the_lines_sharing_a_factor(valve):
    spec, results = valve
    factor_names = {"cn-freight-road-cpcd-average": "公路货运"}
    view = analysis_of(spec, results.products[0])["uncertainty"]
    assert view["shared_text"] == ("电机运输、灰铁铸件运输、铝合金铸件运输、棒料运输、乳化液运输等 7 项"
                                   "共用同一排放因子")
    product = results.products[0]
    decimals = result_decimals(in_unit(product.total_kgco2e, product.result_unit))
    named = product_analysis(spec, product, ZH, lambda chart: None, "kgCO₂e/台", decimals, factor_names)
    assert named["uncertainty"]["shared_text"].endswith("共用“公路货运”这一排放因子")


def test_the_basic_uncertainties_stated_are_those_drawn_from(valve, write_spec):
    spec, results = valve  # material inputs, and transport by t·km in the inventory and in legs
    analysis = report_analysis(spec, results.products, ZH)
    assert analysis["basic_text"] == "物料和能源输入为 1.05，运输（以周转量计的排放源）为 2"
    assert analysis["given_gsd"] is False
    data = fixture_data("minimal.toml")  # no transport: its basic uncertainty is not stated
    data["products"][0]["inventory"][1]["gsd"] = 1.3
    spec, results = calculated(write_spec(data))
    analysis = report_analysis(spec, results.products, EN)
    assert analysis["basic_text"] == "1.05 for material and energy inputs"
    assert analysis["given_gsd"] is True


def test_a_qualitative_study_has_no_simulation_but_words(valve, write_spec):
    spec, results = valve
    assert analysis_of(spec, results.products[0])["qualitative"] is None  # the example simulates
    data = qualitative(fixture_data("minimal.toml"))
    spec, results = calculated(write_spec(data))
    view = analysis_of(spec, results.products[0])
    assert (view["uncertainty"], view["sensitivity"]) == (None, None)
    assert view["qualitative"] == {
        # minimal: both lines score 2, 2, 1, 1, 1 (stated defaults, factor years 2022/2023)
        "indicators_text": "可靠性 2.00、完整性 2.00、时间代表性 1.00、地理代表性 1.00、技术代表性 1.00",
        "weakest": "可靠性、完整性",
        "proxies": "", "proxy_share": "0.00", "defaulted": "", "defaulted_share": "0.00",
    }
    analysis = report_analysis(spec, results.products, ZH)
    assert (analysis["monte_carlo"], analysis["qualitative"], analysis["sensitivity"]) == (False, True, False)
    assert analysis["discussion"] == "电网因子的年份。"


def test_the_qualitative_words_name_proxies_and_their_share(write_spec):
    path = write_spec((EXAMPLES / "valve-actuator.toml").read_text("utf-8")
                      .replace("[uncertainty]\n", '[uncertainty]\nmethod = "qualitative"\n'))
    spec, results = calculated(path)
    view = analysis_of(spec, results.products[0])["qualitative"]
    assert view["proxies"] == "铝合金铸件、棒料、乳化液、锂基脂润滑油"
    assert view["proxy_share"] == "3.05"  # 4.41 + 4.17 + 0.18 + 3.51 = 12.27 of 401.95 kg
    assert view["weakest"] == "时间代表性"  # CPCD states no year: 5 for nearly all of the footprint
    assert view["defaulted"] == ""  # the example states its defaults in [data_quality]
