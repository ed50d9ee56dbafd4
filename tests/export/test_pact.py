"""The PACT v3 export: valid against the official schema, true to the calculation, reproducible."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tomllib
import uuid
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from pcfdoc import pipeline
from pcfdoc.errors import SpecInvalidError
from pcfdoc.export.pact import PACT_SPEC_VERSION, pact_document, pact_json
from pcfdoc.formatting import decimals_for, round_half_up

from conftest import EXAMPLES, FIXTURES, fixture_data
from helpers import COMPANY_ID, problems, with_carton, with_pact

PACT = Path(__file__).resolve().parents[1] / "pact"
EXAMPLE_SPECS = sorted(EXAMPLES.glob("*.toml"))

#: What each example's products[].packaging says.
EXAMPLE_PACKAGING = {"battery-cells": False, "mining-machinery": False, "valve-actuator": False}


@cache
def openapi() -> dict:
    return yaml.safe_load((PACT / "openapi-v3.yaml").read_text("utf-8"))


@cache
def validator() -> Draft202012Validator:
    """The document shape, {"data": [ProductFootprint, ...]}, with the schema's components inlined."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["data"],
        "additionalProperties": False,
        "properties": {"data": {"type": "array", "minItems": 1,
                                "items": {"$ref": "#/components/schemas/ProductFootprint"}}},
        "components": openapi()["components"],
    }
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator().iter_errors(document)]


def figure(kgco2e: float) -> Decimal:
    """A figure as the report prints it (4 significant digits, at least 2 decimals)."""
    return round_half_up(kgco2e, decimals_for(kgco2e))


def factor_sources(calculated, result) -> list[dict[str, str]]:
    """The sources of the factors the product's counted lines use, in order of first use."""
    expected = []
    for line in result.lines:
        if line.factor_id is not None:
            factor = calculated.valid.factors[line.factor_id].factor
            source = {"name": factor.source, "version": str(factor.year) if factor.year else "not stated"}
            if source not in expected:
                expected.append(source)
    return expected


# -- the schema copy ------------------------------------------------------------------

def test_the_schema_copy_is_the_published_file_and_version():
    digests = {name: hashlib.sha256((PACT / name).read_bytes()).hexdigest()
               for name in ("openapi-v3.yaml", "LICENSE.md")}
    assert digests == {
        "openapi-v3.yaml": "e5e48ab32d3d87fd634c8a4df27d81256991819196a4cdb1ef0d655bd8fb9d43",
        "LICENSE.md": "64cf0531b078c289f54e6bf03ebb50dc1adaf8a02bc1e79f407d8e9e3c923a04",
    }
    assert openapi()["info"]["version"] == PACT_SPEC_VERSION


def test_the_validator_rejects_what_pact_forbids():
    document = pact_document(pipeline.calc(EXAMPLES / "valve-actuator.toml"))
    assert schema_errors(document) == []
    broken = json.loads(json.dumps(document))
    record = broken["data"][0]
    record["pcf"]["pcfExcludingBiogenicUptake"] = float(record["pcf"]["pcfExcludingBiogenicUptake"])
    record["pcf"]["declaredUnitOfMeasurement"] = "台"
    record["companyIds"] = ["not a urn"]
    del record["pcf"]["fossilCarbonContent"]
    record["id"] = "not-a-uuid"
    errors = "\n".join(schema_errors(broken))
    for expected in ("pcfExcludingBiogenicUptake", "declaredUnitOfMeasurement", "companyIds/0",
                     "'fossilCarbonContent' is a required property", "is not a 'uuid'"):
        assert expected in errors


# -- every example ---------------------------------------------------------------------

@pytest.mark.parametrize("spec", EXAMPLE_SPECS, ids=lambda path: path.stem)
def test_every_example_gives_a_valid_document_true_to_its_results(spec):
    calculated = pipeline.calc(spec)  # as shipped, with its own [pact] table
    document = pact_document(calculated)
    assert schema_errors(document) == []
    records = document["data"]
    assert len(records) == len(calculated.results.products) >= 1
    for record, product, result in zip(records, calculated.valid.spec.products, calculated.results.products,
                                       strict=True):
        pcf = record["pcf"]
        assert Decimal(pcf["pcfExcludingBiogenicUptake"]) == figure(result.total_kgco2e)
        assert Decimal(pcf["pcfIncludingBiogenicUptake"]) == figure(result.total_kgco2e)  # uptake 0
        split = result.ghg_breakdown[0]
        assert split.id == "total"
        assert Decimal(pcf["fossilGhgEmissions"]) == figure(split.fossil + split.aircraft)
        assert Decimal(pcf["landUseChangeGhgEmissions"]) == figure(split.dluc)
        assert Decimal(pcf["primaryDataShare"]) == round_half_up(result.data_quality.primary_share * 100, 2)
        assert Decimal(pcf["exemptedEmissionsPercent"]) == round_half_up(
            result.cutoff.excluded_emission_share * 100, 2)
        for key in ("technological", "geographical", "temporal"):
            assert Decimal(pcf["dqi"][f"{key}DQR"]) == round_half_up(result.data_quality.pact_dqr[key], 2)
        assert pcf["ipccCharacterizationFactors"] == [calculated.valid.spec.method.gwp]
        assert pcf["geographyCountrySubdivision"] == calculated.valid.spec.pact.geography
        assert pcf["geographyCountrySubdivision"].startswith("CN-")
        # The three SHALL/SHOULD fields of issue 15, true to the spec and the results.
        assert pcf["packagingEmissionsIncluded"] is EXAMPLE_PACKAGING[spec.stem]
        assert "packagingGhgEmissions" not in pcf  # no example names its packaging lines
        assert pcf["ccsTechnologicalCO2CaptureIncluded"] is False
        assert pcf["secondaryEmissionFactorSources"] == factor_sources(calculated, result)
        assert pcf["secondaryEmissionFactorSources"]  # every example uses factors
        spec_data = calculated.valid.spec
        assert record["companyName"] == spec_data.company.name
        (company_id,) = record["companyIds"]
        assert company_id.startswith("urn:pact:company:customcode:buyer-assigned:example-")
        assert record["productIds"][0].startswith("urn:pact:product:customcode:vendor-assigned:example-")
        assert record["productNameCompany"] == product.name
        assert record["specVersion"] == PACT_SPEC_VERSION
        assert record["status"] == "Active"
        assert uuid.UUID(record["id"]).version == 5
        assert record["created"] == f"{spec_data.report.issue_date.isoformat()}T00:00:00Z"
        assert pcf["referencePeriodStart"] == f"{spec_data.data_period.start.isoformat()}T00:00:00Z"
        end = dt.datetime.fromisoformat(pcf["referencePeriodEnd"]).date()
        assert end == spec_data.data_period.end + dt.timedelta(days=1)  # PACT's end is exclusive


def test_valve_actuator_totals_as_the_report_prints_them():
    (record,) = pact_document(pipeline.calc(EXAMPLES / "valve-actuator.toml"))["data"]
    pcf = record["pcf"]
    assert (pcf["declaredUnitOfMeasurement"], pcf["declaredUnitAmount"]) == ("piece", "1")
    assert pcf["pcfExcludingBiogenicUptake"] == "401.95"  # the README's figure, kg CO2e per 台
    assert pcf["productMassPerDeclaredUnit"] == "50"  # products[0].mass_per_unit
    assert (pcf["fossilCarbonContent"], pcf["biogenicCO2Uptake"]) == ("1.2", "0")
    # The spec's own factors and the library's road freight name CPCD without a year, so their version
    # is said to be unknown; the 2012 North China grid factor of the library gives its year: eight
    # factors, two sources.
    assert pcf["secondaryEmissionFactorSources"] == [
        {"name": "中国产品全生命周期温室气体排放系数库（CPCD）", "version": "not stated"},
        {"name": "国家发展改革委应对气候变化司、国家应对气候变化战略研究和国际合作中心，2011年和2012年"
                 "中国区域电网平均二氧化碳排放因子", "version": "2012"}]
    assert pcf["crossSectoralStandards"] == ["ISO14067", "PAS2050"]
    assert pcf["ipccCharacterizationFactors"] == ["AR6"]


def test_declared_units_follow_the_functional_unit():
    battery = pact_document(pipeline.calc(EXAMPLES / "battery-cells.toml"))["data"][0]["pcf"]
    # 1 MWh of cells: results per MWh are per 1000 kWh; PACT states no mass for energy units.
    assert (battery["declaredUnitOfMeasurement"], battery["declaredUnitAmount"]) == ("kilowatt hour", "1000")
    assert battery["productMassPerDeclaredUnit"] == "0"
    mining = pact_document(pipeline.calc(EXAMPLES / "mining-machinery.toml"))["data"][0]["pcf"]
    assert (mining["declaredUnitOfMeasurement"], mining["declaredUnitAmount"]) == ("kilogram", "1000")
    assert mining["productMassPerDeclaredUnit"] == "1000"
    # ISO/TS 14067:2013 is not ISO 14067: passed on as written (PACT's list is open).
    assert mining["crossSectoralStandards"] == ["ISO/TS 14067:2013", "PAS2050"]


# -- bytes ---------------------------------------------------------------------------------

def test_the_same_spec_gives_the_same_bytes(write_spec):
    path = write_spec(with_pact(fixture_data("two-products.toml")))
    first, second = pact_json(pipeline.calc(path)), pact_json(pipeline.calc(path))
    assert first == second
    assert first.endswith(b"}\n") and not first.endswith(b"\n\n")
    document = json.loads(first.decode("utf-8"))
    assert first.decode("utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert list(document["data"][0])[:4] == ["id", "specVersion", "created", "status"]
    assert "产品甲" in first.decode("utf-8")  # names stay readable, not \u escapes


def test_ids_change_with_the_footprint_and_only_then(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    before = pact_document(pipeline.calc(write_spec(data, "a.toml")))["data"]
    data["products"][0]["inventory"][0]["amount"] = 16  # steel of product a
    after = pact_document(pipeline.calc(write_spec(data, "b.toml")))["data"]
    assert before[0]["id"] != after[0]["id"]  # PACT 3: a changed PCF is a new record
    assert before[1]["id"] == after[1]["id"]
    assert len({record["id"] for record in before}) == 2


# -- two products ----------------------------------------------------------------------

def test_two_products_give_two_records(write_spec):
    calculated = pipeline.calc(write_spec(with_pact(fixture_data("two-products.toml"))))
    document = pact_document(calculated)
    assert schema_errors(document) == []
    a, b = document["data"]
    assert a["productIds"] == ["urn:pact:product:customcode:vendor-assigned:a"]
    assert b["productIds"] == ["urn:pact:product:customcode:vendor-assigned:b"]
    # Totals worked out by hand in the fixture's header: 93.42 kg per 台, 2700 kg per t.
    assert a["pcf"]["pcfExcludingBiogenicUptake"] == "93.42"
    assert (a["pcf"]["declaredUnitOfMeasurement"], a["pcf"]["productMassPerDeclaredUnit"]) == ("piece", "20")
    assert Decimal(b["pcf"]["pcfExcludingBiogenicUptake"]) == 2700
    assert (b["pcf"]["declaredUnitOfMeasurement"], b["pcf"]["declaredUnitAmount"]) == ("kilogram", "1000")
    assert b["pcf"]["productMassPerDeclaredUnit"] == "1000"
    assert a["pcf"]["allocationRulesDescription"].startswith("mass: by mass")


# -- facts from the [pact] table -----------------------------------------------------------

def test_the_pact_table_reaches_the_record():
    calculated = pipeline.calc(FIXTURES / "every-field.toml")
    document = pact_document(calculated)
    assert schema_errors(document) == []
    (record,) = document["data"]
    pcf = record["pcf"]
    assert record["companyIds"] == ["urn:pact:company:customcode:buyer-assigned:4321"]
    assert record["productIds"] == ["urn:pact:product:customcode:vendor-assigned:A-100"]
    assert record["productClassifications"] == ["urn:pact:productclassification:un-cpc:43240"]
    assert pcf["geographyCountrySubdivision"] == "CN-TJ" and "geographyCountry" not in pcf
    assert (pcf["fossilCarbonContent"], pcf["biogenicCarbonContent"]) == ("0.5", "0.1")
    assert pcf["biogenicCO2Uptake"] == "-0.37"
    total = calculated.results.products[0].total_kgco2e
    assert Decimal(pcf["pcfIncludingBiogenicUptake"]) == figure(total - 0.37)
    assert record["productDescription"] == "产品甲的说明。 (model: A-100)"
    assert "EF-001" in record["comment"]
    assert Decimal(pcf["exemptedEmissionsPercent"]) > 0
    assert "铭牌" in pcf["exemptedEmissionsDescription"]  # the line cut off
    # products[0].packaging names the carton: 0.5 kg CO2e, reported apart
    assert (pcf["packagingEmissionsIncluded"], pcf["packagingGhgEmissions"]) == (True, "0.5000")
    # ccs_included = true: said, and the captured amount (which pcfdoc does not compute) left out
    assert pcf["ccsTechnologicalCO2CaptureIncluded"] is True
    assert not {"ccsTechnologicalCO2Capture", "technologicalCO2Removals"} & set(pcf)
    assert "the amount captured is not quantified" in record["comment"]
    keys = list(pcf)  # in the schema's order
    assert keys.index("aircraftGhgEmissions") + 3 == keys.index("ccsTechnologicalCO2CaptureIncluded")


def test_iso_14067_categories_map_to_pact_fields(write_spec):
    data = fixture_data("every-field.toml")
    lines = {line["id"]: line for line in data["products"][0]["inventory"]}
    lines["waste"]["category"] = "biogenic"  # CH4 0.56 and CO2 0.2 kg CO2e
    lines["coal"]["category"] = "dluc"
    lines["office-power"]["category"] = "aircraft"
    path = write_spec(data)
    shutil.copytree(FIXTURES / "factors", path.parent / "factors")  # the spec's own library
    calculated = pipeline.calc(path)
    result = calculated.results.products[0]
    split = result.ghg_breakdown[0]
    pcf = pact_document(calculated)["data"][0]["pcf"]
    by_line = {line.id: line for line in result.lines}
    ch4 = sum(gas.kgco2e for gas in by_line["waste"].gases if gas.gas != "CO2")
    assert Decimal(pcf["biogenicNonCO2Emissions"]) == figure(ch4)
    assert Decimal(pcf["landUseChangeGhgEmissions"]) == figure(by_line["coal"].kgco2e) == figure(split.dluc)
    assert Decimal(pcf["aircraftGhgEmissions"]) == figure(by_line["office-power"].kgco2e)
    assert Decimal(pcf["fossilGhgEmissions"]) == figure(split.fossil + split.aircraft)
    assert Decimal(pcf["pcfExcludingBiogenicUptake"]) == figure(result.total_kgco2e)
    comment = pact_document(calculated)["data"][0]["comment"]
    assert "biogenic CO2" in comment and "include the aircraftGhgEmissions" in comment

    lines["steel"]["category"] = "biogenic"  # a CO2e factor: its gases are not known apart
    calculated = pipeline.calc(write_spec(data))
    record = pact_document(calculated)["data"][0]
    assert "biogenicNonCO2Emissions" not in record["pcf"]
    assert "not known apart" in record["comment"]


# -- what is missing is named ----------------------------------------------------------------

def test_a_missing_required_fact_names_the_spec_key(write_spec):
    data = tomllib.loads((EXAMPLES / "valve-actuator.toml").read_text("utf-8"))
    del data["pact"], data["products"][0]["mass_per_unit"]
    path = write_spec(data, "valve-actuator.toml")
    calculated = pipeline.calc(path)  # checks and builds its report: only PACT needs these
    with pytest.raises(SpecInvalidError) as info:
        pact_document(calculated)
    found = {problem.path: problem for problem in info.value.problems}
    assert set(found) == {("pact",), ("products", 0, "mass_per_unit")}
    mass = found[("products", 0, "mass_per_unit")]
    header = path.read_text("utf-8").splitlines().index("[[products]]") + 1
    assert mass.line == header  # the [[products]] header: mass_per_unit is not written yet
    assert str(mass).startswith(f"{path}:{header}: products[0].mass_per_unit: ")
    assert "company_ids" in found[("pact",)].message
    assert all(problem.severity == "error" for problem in info.value.problems)


def test_every_product_needs_its_pact_entry(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    del data["pact"]["products"][1]
    path = write_spec(data)
    with pytest.raises(SpecInvalidError) as info:
        pact_document(pipeline.calc(path))
    (problem,) = info.value.problems
    assert problem.path == ("pact", "products")
    assert problem.message == (
        "no entry for product 'b' (products[1]); add { product = \"b\", ids = [\"urn:…\"], "
        "biogenic_co2_uptake = … }")


# -- packaging, CO2 capture, factor sources ---------------------------------------------------

def test_packaging_lines_are_reported_apart(write_spec):
    data = with_carton(with_pact(fixture_data("two-products.toml")))
    data["products"][0]["packaging"] = {"included": True, "lines": ["carton", "carton-transport"]}
    calculated = pipeline.calc(write_spec(data))
    a, b = pact_document(calculated)["data"]
    assert schema_errors({"data": [a, b]}) == []
    # 0.4 kg × 1.5 = 0.6; 0.0004 t × 50 km × 0.1 = 0.002: 0.602 kg CO2e, part of 93.42 + 0.602
    assert (a["pcf"]["packagingEmissionsIncluded"], a["pcf"]["packagingGhgEmissions"]) == (True, "0.6020")
    assert a["pcf"]["pcfExcludingBiogenicUptake"] == "94.02"
    assert (b["pcf"]["packagingEmissionsIncluded"], "packagingGhgEmissions" in b["pcf"]) == (False, False)
    assert "Packaging" not in a["comment"]


def test_packaging_included_without_lines_says_so_in_the_comment(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["products"][0]["packaging"] = {"included": True, "note": "纸箱的排放计入原材料。"}
    (a, _) = pact_document(pipeline.calc(write_spec(data)))["data"]
    assert a["pcf"]["packagingEmissionsIncluded"] is True and "packagingGhgEmissions" not in a["pcf"]
    assert a["comment"].endswith("Packaging is included in the PCF; its emissions are not reported apart.")
    assert a["pcf"]["ccsTechnologicalCO2CaptureIncluded"] is False  # the default


def test_packaging_must_be_stated_for_pact(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    del data["products"][1]["packaging"]
    path = write_spec(data)
    with pytest.raises(SpecInvalidError) as info:
        pact_document(pipeline.calc(path))  # the spec itself checks: only PACT asks
    (problem,) = info.value.problems
    lines = path.read_text("utf-8").splitlines()
    second = [n for n, line in enumerate(lines, 1) if line == "[[products]]"][1]
    assert str(problem) == (
        f"{path}:{second}: products[1]: PACT asks whether the footprint of 'b' includes packaging; add "
        'packaging = { included = false, note = "…" } (shipped unpacked, or packaging left out), or '
        'included = true with lines = ["…"] (the lines that are packaging, reported apart) or a note')


def test_only_factors_give_secondary_sources(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    steel, grid, _, _ = data["factors"]  # the CH4 leak and the truck: 测试来源, no year
    steel["year"] = 2022
    grid.update(source="电网因子公告", year=2023)
    calculated = pipeline.calc(write_spec(data))
    a, b = pact_document(calculated)["data"]
    # a, in the order of its lines by stage: steel, its transport (truck), the grid, the CH4 leak
    # (测试来源 again) and the distribution (truck); its motor is supplier-declared: primary data
    assert a["pcf"]["secondaryEmissionFactorSources"] == [
        {"name": "测试来源", "version": "2022"}, {"name": "测试来源", "version": "not stated"},
        {"name": "电网因子公告", "version": "2023"}]
    assert b["pcf"]["secondaryEmissionFactorSources"] == [
        {"name": "测试来源", "version": "2022"}, {"name": "电网因子公告", "version": "2023"}]
    assert schema_errors({"data": [a, b]}) == []

    # every line declared by its supplier: no secondary data, and PACT wants the property left out
    for product in data["products"]:
        for line in product["inventory"]:
            line.pop("factor", None)
            line["declared"] = {"value": 1.0, "unit": f"kgCO2e/{line['unit']}", "source": "供应商"}
        product.pop("transport", None), product.pop("distribution", None)
    data["factors"] = []
    a, b = pact_document(pipeline.calc(write_spec(data)))["data"]
    assert "secondaryEmissionFactorSources" not in a["pcf"] | b["pcf"]


def test_a_factor_without_a_source_cannot_be_named(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    del data["factors"][0]["source"]  # steel, used by both products: reported once
    path = write_spec(data)
    with pytest.raises(SpecInvalidError) as info:
        pact_document(pipeline.calc(path))
    (problem,) = info.value.problems
    assert problem.path == ("factors", 0, "source")
    assert problem.message == (
        "factor 'steel' has no source, and PACT names the source of every emission factor used "
        "(secondaryEmissionFactorSources); add source = \"…\", the document and its issuer")


def test_a_functional_unit_pact_has_no_unit_for_is_named(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    product = data["products"][1]
    product["functional_unit"] = {"amount": 1, "unit": "Nm3"}
    product["inventory_per"] = {"amount": 1, "unit": "Nm3"}
    data["company"]["annual_output"][1].update(unit="Nm3", mass={"amount": 30, "unit": "t"})
    with pytest.raises(SpecInvalidError) as info:
        pact_document(pipeline.calc(write_spec(data)))
    (problem,) = info.value.problems
    assert problem.path == ("products", 1, "functional_unit", "unit")
    assert "PACT v3 has no declared unit for 'Nm3'" in problem.message


def test_the_pact_table_is_checked_with_the_spec(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["company_ids"] = ["GB-12345", COMPANY_ID]
    data["pact"]["geography"] = "China"
    data["pact"]["products"][0]["biogenic_co2_uptake"] = 2.0
    found = problems(write_spec(data))
    text = "\n".join(found)
    assert "pact.company_ids[0]: 'GB-12345' is not a URN" in text
    assert "pact.geography: 'China' is not an ISO 3166 code" in text
    assert "pact.products[0].biogenic_co2_uptake: must be at most 0, got 2" in text


def test_a_carbon_content_said_twice_must_agree(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["products"][1]["fossil_carbon_content"] = 2.5  # the product says 1.5
    (problem,) = [found for found in problems(write_spec(data)) if "warning" not in found]
    assert problem.endswith(
        "pact.products[1].fossil_carbon_content: 2.5 kg C here but 1.5 kg C in "
        "products[1].carbon_content.fossil, which the report prints; remove this key (the export takes "
        "products[1].carbon_content.fossil)")


def test_the_carbon_content_is_said_once_where_the_report_prints_it(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["products"][0]["fossil_carbon_content"] = 1.5  # as the product says
    del data["products"][1]["carbon_content"]["fossil"]
    data["pact"]["products"][1]["fossil_carbon_content"] = 0.7  # an older spec's place for it
    calculated = pipeline.calc(write_spec(data))
    warnings = {(w.path, w.message) for w in calculated.valid.warnings if w.path[0] == "pact"}
    assert warnings == {
        (("pact", "products", 0, "fossil_carbon_content"),
         "also stated in products[0].carbon_content.fossil; remove it here (the export takes "
         "products[0].carbon_content.fossil)"),
        (("pact", "products", 1, "fossil_carbon_content"),
         "move it to products[1].carbon_content.fossil, where the report states it too (the export takes "
         "it from there)"),
    }
    first, second = (record["pcf"]["fossilCarbonContent"] for record in pact_document(calculated)["data"])
    assert (first, second) == ("1.5", "0.7")


def test_a_product_without_a_fossil_carbon_content_stops_the_export(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["products"][1]["carbon_content"] = {"note": "未测定。"}
    with pytest.raises(SpecInvalidError) as info:
        pact_document(pipeline.calc(write_spec(data)))
    (problem,) = info.value.problems
    assert problem.path == ("products", 1, "carbon_content")
    assert problem.message == (
        "PACT needs the fossil carbon content of 'b'; add carbon_content = { fossil = …, note = \"how it was "
        "found\" } (kg C per functional unit; 0 when the product holds none)")


def test_an_identifier_is_listed_once(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["company_ids"] = [COMPANY_ID, COMPANY_ID]
    (problem,) = problems(write_spec(data))
    assert f"pact.company_ids: {COMPANY_ID} given more than once" in problem


def test_a_spec_without_a_pact_table_still_checks_and_builds():
    assert pipeline.check(FIXTURES / "minimal.toml").spec.pact is None
