"""Where data come from: scores the data cannot support, and the keys that say it (exact messages)."""

from conftest import fixture_data
from helpers import one_error, warnings


def minimal():
    return fixture_data("minimal.toml")


def test_a_proxy_cannot_score_1_on_technology(write_spec):
    data = minimal()
    data["factors"][0] |= {"origin": "proxy", "proxy_for": "冷轧钢板"}
    data["products"][0]["inventory"][0]["quality"] = {"technological": 1}
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[0].quality.technological: factor 'steel' is a proxy for 冷轧钢板: it cannot "
        "score 1 on technological representativeness; give 4 (related material or process) or better "
        "evidence")
    data["products"][0]["inventory"][0]["quality"] = {"technological": 3}
    assert warnings(write_spec(data)) == []  # a close proxy may score better than 4 when the author says so


def test_a_factor_without_a_year_cannot_score_1_on_time(write_spec):
    data = minimal()
    data["factors"][0].pop("year")
    data["products"][0]["inventory"][0]["quality"] = {"temporal": 1}
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[0].quality.temporal: factor 'steel' has no year: it cannot score 1 on time; "
        "give the factor's year (year = …) or score 5 (age unknown)")


def test_a_declared_value_without_a_year_cannot_score_1_on_time(write_spec):
    data = fixture_data("two-products.toml")
    data["products"][0]["inventory"][1]["quality"] = {"temporal": 1}
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[1].quality.temporal: the declared value has no year: it cannot score 1 on "
        "time; "
        "give the factor's year (year = …) or score 5 (age unknown)")
    data["products"][0]["inventory"][1]["declared"]["year"] = 2023
    assert len(warnings(write_spec(data))) == 2  # only the fixture's two empty stages


def test_packaging_names_lines_of_the_product(write_spec):
    data = minimal()
    data["products"][0]["packaging"] = {"included": True, "lines": ["carton"]}
    assert one_error(write_spec(data)).endswith(
        "products[0].packaging.lines[0]: unknown inventory line or transport leg 'carton'; name a line or "
        "leg of product 'widget'")


def test_one_reason_per_stage_and_product(write_spec):
    data = minimal()
    data["boundary"]["stage_reasons"].append({"stage": "use", "reason": "重复"})
    assert one_error(write_spec(data)).endswith(
        "boundary.stage_reasons[4].stage: stage use has a reason already; give one reason per stage")
    data = minimal()
    data["boundary"]["stage_reasons"][0]["product"] = "gadget"
    assert one_error(write_spec(data)).endswith(
        "boundary.stage_reasons[0].product: unknown product 'gadget'; did you mean 'widget'? If not, name a "
        "product of this spec")
