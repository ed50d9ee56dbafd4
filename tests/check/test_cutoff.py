"""Checks of cut-off lines before the calculation: one test per rule, exact messages."""

from helpers import one_error, problems, with_small_parts


def test_an_excluded_line_must_be_below_the_mass_threshold(write_spec):
    data = with_small_parts(excluded=("gasket",))
    data["products"][0]["inventory"][-2]["amount"] = 0.3  # 1.5 % of 20 kg
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[4].excluded: 密封垫 is 1.5 % of the product mass, not below the 1 % "
        "cut-off threshold; count it (remove excluded = true)")


def test_excluded_lines_together_must_stay_below_the_total(write_spec):
    data = with_small_parts(excluded=("gasket", "label"))
    data["cutoff"] = {"mass_threshold_pct": 1, "total_threshold_pct": 0.6}
    assert one_error(write_spec(data)).endswith(
        "products[0]: the lines cut off (gasket, label) are 0.75 % of the product mass together, above "
        "the 0.6 % allowed; count some of them")


def test_a_cut_off_line_cannot_be_carried(write_spec):
    data = with_small_parts(excluded=())
    data["products"][0]["inventory"][0]["excluded"] = True  # steel, but it is carried and 75 %
    found = problems(write_spec(data))
    assert any(p.endswith("products[0].transport[0].carries: line 'steel' is cut off (excluded = true) but "
                          "this leg carries it; cut off both or count both") for p in found)
    assert any("products[0].inventory[0].excluded: 钢材 is 75 % of the product mass" in p for p in found)
