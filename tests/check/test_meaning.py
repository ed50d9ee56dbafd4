"""One test per meaning check: the spec parses, but says something impossible."""

import datetime as dt

import pytest

from pcfdoc.check.company import credit_code_problem

from conftest import fixture_data
from helpers import one_error, problems, warnings


def minimal():
    return fixture_data("minimal.toml")


def two_products():
    return fixture_data("two-products.toml")


def line(data, index=0, product=0):
    return data["products"][product]["inventory"][index]


def test_fixtures_are_valid(write_spec):
    assert warnings(write_spec(minimal())) == []
    assert len(warnings(write_spec(two_products()))) == 2  # product b has no transport lines


def test_activity_unit_must_reduce_with_the_factor_to_a_gas_mass(write_spec):
    data = minimal()
    line(data, 1)["unit"] = "kg"
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[1].unit: kg × kgCO2/kWh is not a mass of CO2: factor 'grid' "
        "(kgCO2/kWh) is per kWh (energy); give the amount in that unit or use a factor per kg")


def test_counting_units_must_match_between_line_and_declared_value(write_spec):
    data = two_products()
    line(data, 1)["unit"] = "套"
    error = one_error(write_spec(data))
    assert "products[0].inventory[1].unit: 套 × kgCO2e/台 is not a mass of CO2e" in error


def test_unknown_factor_suggests_the_closest_id(write_spec):
    data = minimal()
    line(data, 0)["factor"] = "steal"
    assert one_error(write_spec(data)).endswith(
        "products[0].inventory[0].factor: unknown factor 'steal'; did you mean 'steel'? "
        "If not, define it under [[factors]] or pick an id from `pcfdoc factors`")


def test_duplicate_ids(write_spec):
    data = minimal()
    line(data, 1)["id"] = "steel"
    data["factors"][1]["id"] = "steel"
    found = problems(write_spec(data))
    assert any("products[0].inventory[1].id: line id 'steel' is used twice "
               "(first at products[0].inventory[0].id)" in p for p in found)
    assert any("factors[1].id: factor id 'steel' is defined twice (first at factors[0].id)" in p
               for p in found)


def test_line_id_may_not_be_a_stage_id(write_spec):
    data = minimal()
    line(data, 0)["id"] = "production"
    assert "'production' is a stage id" in one_error(write_spec(data))


def test_line_in_a_stage_outside_the_boundary(write_spec):
    data = minimal()
    line(data, 0)["stage"] = "use"
    assert ("products[0].inventory[0].stage: stage use is outside the boundary "
            "(raw_material, production); add it to boundary.stages or remove the line"
            in one_error(write_spec(data)))


@pytest.mark.parametrize(
    ("boundary_type", "stages", "message"),
    [
        ("cradle-to-gate", ["raw_material", "production", "use"],
         "a cradle-to-gate boundary cannot include use"),
        ("cradle-to-grave", ["raw_material", "production"],
         "a cradle-to-grave boundary must include use, end_of_life"),
        ("gate-to-gate", ["raw_material", "production"],
         "a gate-to-gate boundary cannot include raw_material"),
        ("cradle-to-gate", ["raw_material", "production", "production"], "stage listed twice: production"),
    ],
)
def test_boundary_type_agrees_with_its_stages(write_spec, boundary_type, stages, message):
    data = minimal()
    data["boundary"] = {"type": boundary_type, "stages": stages}
    found = [p for p in problems(write_spec(data)) if message in p]
    assert found and found[0].split(": ")[1] == "boundary.stages"


def test_processes_included_for_a_stage_outside_the_boundary(write_spec):
    data = minimal()
    data["boundary"]["processes"] = [{"stage": "use", "included": ["x"]}]
    assert "boundary.processes[0].included: stage use is outside the boundary" in one_error(write_spec(data))


def test_distribution_shares_sum_to_100(write_spec):
    data = two_products()
    data["products"][0]["distribution"]["destinations"][1]["share_pct"] = 30
    assert ("products[0].distribution.destinations: destination shares add up to 90 %, not 100 %"
            in one_error(write_spec(data)))


def test_fractions_instead_of_percentages_get_a_hint(write_spec):
    data = two_products()
    destinations = data["products"][0]["distribution"]["destinations"]
    destinations[0]["share_pct"], destinations[1]["share_pct"] = 0.6, 0.4
    assert "add up to 1 %, not 100 % (write percentages, not fractions)" in one_error(write_spec(data))


def test_distribution_destination_needs_a_factor(write_spec):
    data = two_products()
    del data["products"][0]["distribution"]["factor"]
    found = problems(write_spec(data))
    assert sum("no factor: set factor here or distribution.factor" in p for p in found) == 2


def test_distribution_needs_a_known_mass(write_spec):
    data = two_products()
    del data["products"][0]["mass_per_unit"]
    found = problems(write_spec(data))
    assert any("products[0].distribution: the mass shipped is unknown" in p for p in found)


def test_data_period_must_end_before_the_issue_date(write_spec):
    data = minimal()
    data["data_period"]["end"] = dt.date(2024, 6, 30)
    assert ("data_period.end: the data period ends 2024-06-30, after the report's issue date "
            "2024-03-01; fix either date" in one_error(write_spec(data)))


def test_data_period_must_not_end_before_it_starts(write_spec):
    data = minimal()
    data["data_period"]["start"] = dt.date(2024, 1, 1)
    data["data_period"]["end"] = dt.date(2023, 1, 1)
    assert "ends (2023-01-01) before it starts (2024-01-01)" in one_error(write_spec(data))


def test_signatures_are_on_or_before_the_issue_date_and_in_order(write_spec):
    data = minimal()
    data["report"]["people"][1]["date"] = dt.date(2024, 2, 1)  # reviewed before prepared
    data["report"]["people"][2]["date"] = dt.date(2024, 3, 5)  # approved after issue
    found = problems(write_spec(data))
    assert any("report.people[1].date: reviewed on 2024-02-01, before it was prepared on 2024-02-20"
               in p for p in found)
    assert any("report.people[2].date: 批准人 signs on 2024-03-05, after the issue date 2024-03-01"
               in p for p in found)


def test_someone_must_prepare_the_report(write_spec):
    data = minimal()
    data["report"]["people"] = [{"duty": "approved", "name": "批准人"}]
    assert 'report.people: name at least one person with duty = "prepared"' in one_error(write_spec(data))


def test_credit_code_check_character():
    assert credit_code_problem("91120110732826609N") is None
    assert credit_code_problem("91340600850828605U") is None
    assert "should be 'N'" in credit_code_problem("91120110732826609M")
    assert "not an 18-character" in credit_code_problem("9112011073282660")


def test_credit_code_is_checked_in_the_spec(write_spec):
    data = minimal()
    data["company"]["credit_code"] = "91120110732826609M"
    assert "company.credit_code: check character" in one_error(write_spec(data))


def test_functional_unit_and_inventory_basis_must_convert(write_spec):
    data = minimal()
    data["products"][0]["inventory_per"] = {"amount": 1, "unit": "kg"}
    assert ("products[0].inventory_per: kg does not convert to the functional unit (1 台); "
            "give the product's mass_per_unit to relate mass to it" in one_error(write_spec(data)))


def test_mass_per_unit_is_refused_when_the_functional_unit_is_a_mass(write_spec):
    data = two_products()
    data["products"][1]["mass_per_unit"] = {"amount": 1, "unit": "kg"}
    assert "the functional unit is already a mass; remove mass_per_unit" in one_error(write_spec(data))


def test_annual_totals_need_the_products_output(write_spec):
    data = minimal()
    line(data, 1)["annual_total"] = True
    assert ("products[0]: has lines with annual_total = true but company.annual_output has no row "
            "with product = 'widget'" in one_error(write_spec(data)))


def test_annual_output_must_convert_to_the_functional_unit(write_spec):
    data = two_products()
    data["company"]["annual_output"][0]["unit"] = "套"
    assert ("company.annual_output[0].unit: 套 does not convert to the functional unit (1 台)"
            in one_error(write_spec(data)))


def test_economic_allocation_needs_values(write_spec):
    data = two_products()
    data["allocation"]["method"] = "economic"
    assert ("company.annual_output[0]: economic allocation needs value = <output value> on every row"
            in problems(write_spec(data))[0])


def test_physical_allocation_needs_one_kind_of_unit(write_spec):
    data = two_products()
    data["allocation"]["method"] = "physical"
    assert "physical allocation needs outputs in one kind of unit; t does not convert to 台" in \
        problems(write_spec(data))[0]


def test_annual_output_rows_reference_real_products_once(write_spec):
    data = two_products()
    data["company"]["annual_output"][2] = {"product": "c", "amount": 5, "unit": "t"}
    data["company"]["annual_output"].append({"product": "a", "amount": 5, "unit": "台"})
    found = problems(write_spec(data))
    assert any("company.annual_output[2].product: unknown product 'c'" in p for p in found)
    assert any("company.annual_output[3].product: product 'a' already has an output row" in p
               for p in found)


def test_transport_leg_must_carry_a_line_with_a_mass(write_spec):
    data = two_products()
    leg = data["products"][0]["transport"][0]
    leg["carries"] = "motor"
    assert ("line 'motor' is measured in 台, not a mass; give mass = {amount, unit} for this leg"
            in one_error(write_spec(data)))
    leg["carries"] = "steal"
    assert "unknown inventory line 'steal'; did you mean 'steel'?" in one_error(write_spec(data))


def test_transport_factor_must_be_per_tonne_kilometre(write_spec):
    data = two_products()
    data["products"][0]["transport"][0]["factor"] = "steel"
    assert ("t*km × kgCO2e/kg is not a mass of CO2e: factor 'steel' (kgCO2e/kg) is per kg (mass)"
            in one_error(write_spec(data)))


def test_improvement_targets_must_resolve(write_spec):
    data = minimal()
    data["improvements"] = [
        {"title": "a", "description": "b", "targets": ["stel", "use"]},
        {"title": "c", "description": "d", "targets": ["steel"], "product": "gadget"},
    ]
    found = problems(write_spec(data))
    assert any("improvements[0].targets[0]: unknown target 'stel'; did you mean 'steel'?" in p
               for p in found)
    assert any("improvements[0].targets[1]: stage use is outside the boundary" in p for p in found)
    assert any("improvements[1].product: unknown product 'gadget'" in p for p in found)


def test_warning_factor_much_older_than_the_data_period(write_spec):
    data = minimal()
    data["factors"][0]["year"] = 2017
    assert any("factors[0].year: warning: factor 'steel' is from 2017, 6 years before the data period"
               in w for w in warnings(write_spec(data)))
    data["factors"][0]["year"] = 2018
    assert warnings(write_spec(data)) == []


def test_warning_missing_sources(write_spec):
    data = minimal()
    del line(data, 0)["source"]
    del data["factors"][1]["source"]
    found = warnings(write_spec(data))
    assert any("products[0].inventory[0]: warning: line 'steel' has no source" in w for w in found)
    assert any("factors[1]: warning: factor 'grid' has no source" in w for w in found)


def test_warning_unused_factor_and_empty_stage(write_spec):
    data = minimal()
    data["factors"].append({"id": "spare", "name": "x", "value": 1.0, "unit": "kgCO2e/kg",
                            "source": "s"})
    data["boundary"]["stages"].append("raw_material_transport")
    reasons = data["boundary"]["stage_reasons"]
    data["boundary"]["stage_reasons"] = [r for r in reasons if r["stage"] != "raw_material_transport"]
    found = warnings(write_spec(data))
    assert any("factors[2]: warning: factor 'spare' is not used by any line; remove it" in w for w in found)
    assert any(w.endswith("products[0]: warning: stage raw_material_transport is inside the boundary but has "
                          "no lines; add its lines or say why it has none: [[boundary.stage_reasons]] "
                          "stage = \"raw_material_transport\", reason = \"…\"") for w in found)


def test_a_stated_reason_clears_the_empty_stage_warning(write_spec):
    data = minimal()
    data["boundary"]["stages"].append("raw_material_transport")  # minimal() gives it a reason
    assert warnings(write_spec(data)) == []
    data = two_products()  # product b has no transport and no distribution lines
    data["boundary"]["stage_reasons"] += [
        {"stage": "raw_material_transport", "product": "b", "reason": "乙由供应商送货，运费含在价中。"},
        {"stage": "distribution", "product": "b", "reason": "乙由客户自提。"}]
    assert warnings(write_spec(data)) == []


def test_a_reason_for_a_stage_with_lines_is_questioned(write_spec):
    data = two_products()
    data["boundary"]["stage_reasons"].append({"stage": "production", "product": "a", "reason": "无"})
    found = warnings(write_spec(data))
    assert any(w.endswith("boundary.stage_reasons[2]: warning: stage production has lines in product a; a "
                          "reason is for a stage without lines (or outside the boundary): remove it")
               for w in found)


def test_warning_superseded_standard(write_spec):
    data = minimal()
    data["report"]["standards"] = ["ISO/TS 14067:2013"]
    assert any("report.standards[0]: warning: ISO/TS 14067:2013 is superseded by ISO 14067:2018" in w
               for w in warnings(write_spec(data)))


def test_warning_no_allocation_although_the_plant_has_several_outputs(write_spec):
    data = two_products()
    data["allocation"]["method"] = "none"
    assert any("allocation.method: warning: method is none" in w for w in warnings(write_spec(data)))


def test_packaging_lines_are_lines_or_legs_of_their_product(write_spec):
    from helpers import with_carton

    data = with_carton(two_products())
    first, second = data["products"]
    first["packaging"] = {"included": True, "lines": ["carton", "carton"]}
    second["packaging"] = {"included": False, "lines": ["steel"]}
    text = "\n".join(problems(write_spec(data)))
    assert "products[0].packaging.lines: carton given more than once; list each once" in text
    assert ("products[1].packaging.lines: packaging that is not counted has no lines; remove lines or set "
            "included = true") in text

    # once the tables pass the schema, each name must be a line or leg of that product
    first["packaging"] = {"included": True, "lines": ["cartn", "carton-transport", "x"]}
    second["packaging"] = {"included": True, "lines": ["carton"]}  # a line of product a
    found = problems(write_spec(data))
    assert [line.split(": ", 1)[1] for line in found if ".packaging." in line] == [
        "products[0].packaging.lines[0]: unknown inventory line or transport leg 'cartn'; did you mean "
        "'carton'? If not, name a line or leg of product 'a'",
        "products[0].packaging.lines[2]: unknown inventory line or transport leg 'x'; name a line or leg "
        "of product 'a'",
        "products[1].packaging.lines[0]: unknown inventory line or transport leg 'carton'; name a line or "
        "leg of product 'b'",
    ]
