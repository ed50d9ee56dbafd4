"""The PACT v3 data exchange (``pcfdoc build --pact``): one ProductFootprint per product.

``{"data": [ProductFootprint, ...]}`` as the PACT Technical Specifications 3.0.3 define it
(components/schemas/ProductFootprint of the PACT OpenAPI document; a copy is kept under
tests/pact/ and the tests validate every example against it).

What goes in, and from where:

* figures (kg CO2e per declared unit) come from the calculation; the declared unit is the
  functional unit, re-expressed in one of PACT's units (1 t → 1000 kilogram, 1 MWh → 1000
  kilowatt hour, 1 台 → 1 piece), so the PCF is the product total as calculated;
* descriptions, standards, GWP set and periods come from the spec;
* what pcfdoc cannot know (company and product identifiers, carbon contents, biogenic uptake,
  geography, whether packaging or CO2 capture and storage is inside the footprint) comes from
  the spec's ``[pact]`` table; a required one that is missing is an error that names the spec
  key to add. Optional PACT fields pcfdoc cannot know are left out;
* the secondary emission factor sources are the sources of the factors the counted lines used
  (a supplier-declared value is the supplier's own, primary figure).

The same spec always gives the same bytes: no clock, no random ids (see ``_footprint_id``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..calc.results import ProductResult
from ..errors import Problem, SpecInvalidError
from ..formatting import decimals_for, round_half_up
from ..spec.schema import Node
from ..spec.schema_errors import locate
from ..vocab.catalogue import ALLOCATION_METHODS, STAGE_BY_ID
from ..vocab.gwp import CO2E
from ..vocab.units import conversion_factor, dimensionality, parse_unit

if TYPE_CHECKING:
    from ..calc.results import Calculated
    from ..spec.library import Entry
    from ..spec.load import SpecSource

#: The version of the PACT Technical Specifications the records follow (the schema's info.version).
PACT_SPEC_VERSION = "3.0.3"

#: Namespace of the record ids: uuid5 of a fixed name, so ids are the same on every machine.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:pcfdoc:pact:product-footprint")

#: report.standards → PACT crossSectoralStandards. PACT's list is open ("a host system MUST
#: accept values not defined"), so a standard it does not name is passed on as written
#: rather than mapped to something it is not (ISO/TS 14067:2013 is not ISO 14067:2018).
CROSS_SECTORAL = {
    "ISO 14067:2018": "ISO14067",
    "ISO 14040:2006": "ISO14040-44",
    "ISO 14044:2006": "ISO14040-44",
    "GHG Protocol Product Standard": "GHGP-Product",
    "PAS 2050:2011": "PAS2050",
}

#: PACT declared units that are not a mass: (reference unit in pcfdoc's registry, PACT name).
#: Mass is handled first (kilogram), counting units become "piece".
_DECLARED_UNITS = (
    ("L", "liter"),
    ("m3", "cubic meter"),
    ("m2", "square meter"),
    ("t*km", "ton kilometer"),
    ("h", "hour"),
)
#: PACT: "If the product mass is not relevant (i.e. PCF is for an energy (kWh, MJ), logistics
#: (ton.km) or service related product), this attribute SHALL be populated with 0."
_MASSLESS_UNITS = ("kilowatt hour", "megajoule", "ton kilometer", "hour", "megabit second")


def pact_json(calculated: Calculated) -> bytes:
    """The PACT document as UTF-8 JSON: indented by 2, keys in schema order, newline at the end."""
    text = json.dumps(pact_document(calculated), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def pact_document(calculated: Calculated) -> dict[str, Any]:
    """``{"data": [ProductFootprint, ...]}``, one record per product, in spec order.

    Raises SpecInvalidError, naming every spec key to add, when a fact PACT requires is missing.
    """
    spec, source = calculated.valid.spec, calculated.valid.source
    facts, problems = _pact_facts(spec, source)
    records = []
    for index, (product, result) in enumerate(zip(spec.products, calculated.results.products, strict=True)):
        sources, unsourced = _factor_sources(calculated.valid.factors, result)
        problems.extend(problem for problem in unsourced if problem not in problems)
        try:
            records.append(_footprint(spec, index, product, result, facts.get(product.id), sources))
        except _Missing as missing:
            problems.extend(locate(source, path, message) for path, message in missing.problems)
    if problems:
        raise SpecInvalidError(sorted(problems, key=lambda p: (p.line is None, p.line or 0)))
    return {"data": records}


class _Missing(Exception):
    """Facts of one product that PACT requires and the spec lacks: (path, message) pairs."""

    def __init__(self, problems: list[tuple[tuple, str]]):
        super().__init__(problems)
        self.problems = problems


_PACT_ENTRY = '{ product = "%s", ids = ["urn:…"], biogenic_co2_uptake = … }'


def _pact_facts(spec: Node, source: SpecSource) -> tuple[dict[str, tuple[int, Node]], list[Problem]]:
    """(index, [pact] entry) of each product, by product id, and the products without an entry.

    Validation has made sure that every entry names a product, once.
    """
    pact = spec.pact
    if pact is None:
        first = spec.products[0].id
        return {}, [locate(source, ("pact",), (
            "a PACT export needs identifiers and carbon contents that pcfdoc cannot compute; add "
            "a [pact] table with company_ids (URNs) and, for each product, a pact.products entry "
            + _PACT_ENTRY % first))]
    product_ids = [product.id for product in spec.products]
    facts = {entry.product: (index, entry) for index, entry in enumerate(pact.products)}
    problems = []
    for index, product_id in enumerate(product_ids):
        if product_id not in facts:
            problems.append(locate(source, ("pact", "products"), (
                f"no entry for product {product_id!r} (products[{index}]); add " + _PACT_ENTRY % product_id)))
    return facts, problems


# -- one record -------------------------------------------------------------------------

def _footprint(spec: Node, index: int, product: Node, result: ProductResult,
               entry: tuple[int, Node] | None, sources: list[dict[str, str]]) -> dict[str, Any]:
    missing: list[tuple[tuple, str]] = []  # every fact this record lacks, reported together
    unit_name, unit_amount, mass, packaging = None, 0.0, 0.0, (False, None)
    try:
        unit_name, unit_amount = _declared_unit(index, product)
        mass = _mass_per_declared_unit(index, product, result, unit_name)
    except _Missing as lacking:
        missing.extend(lacking.problems)
    try:
        packaging = _packaging(index, result)
    except _Missing as lacking:
        missing.extend(lacking.problems)
    contents = (0.0, None)
    if entry is not None:
        try:
            contents = _carbon_contents(index, product, entry[1])
        except _Missing as lacking:
            missing.extend(lacking.problems)
    if missing or entry is None or unit_name is None:
        raise _Missing(missing)
    facts = entry[1]
    pact = spec.pact
    record: dict[str, Any] = {
        "id": "",  # set below, from the rest of the record
        "specVersion": PACT_SPEC_VERSION,
        # PACT's `created` is "typically an automatically generated field"; the report's issue
        # date stands in for it, so that a rebuild gives the same bytes.
        "created": _instant(spec.report.issue_date),
        # A record written from the spec being built is, by construction, the current one.
        "status": "Active",
        "companyName": spec.company.name,
        "companyIds": list(pact.company_ids),
        "productDescription": _description(product),
        "productIds": list(facts.ids),
    }
    if facts.classifications:
        record["productClassifications"] = list(facts.classifications)
    record["productNameCompany"] = product.name
    record["comment"] = _comment(spec, product, result, facts, packaging)
    record["pcf"] = _carbon_footprint(spec, product, result, facts, (unit_name, unit_amount, mass),
                                      contents, packaging, sources)
    record["id"] = _footprint_id(spec.report.number, product.id, record)
    return record


def _carbon_footprint(spec: Node, product: Node, result: ProductResult, facts: Node,
                      declared: tuple[str, float, float], contents: tuple[float, float | None],
                      packaging: tuple[bool, float | None],
                      sources: list[dict[str, str]]) -> dict[str, Any]:
    unit_name, unit_amount, mass_kg = declared
    split = _split(result)
    total = result.total_kgco2e
    pcf: dict[str, Any] = {
        "declaredUnitOfMeasurement": unit_name,
        "declaredUnitAmount": _amount(unit_amount),
        "productMassPerDeclaredUnit": _amount(mass_kg),
        "referencePeriodStart": _instant(spec.data_period.start),
        # PACT's end is exclusive; data_period.end is the last day of the data.
        "referencePeriodEnd": _instant(spec.data_period.end + dt.timedelta(days=1)),
    }
    pact = spec.pact
    if pact.geography is not None:  # PACT allows one granularity: country or subdivision
        key = "geographyCountrySubdivision" if "-" in pact.geography else "geographyCountry"
        pcf[key] = pact.geography
    pcf["boundaryProcessesDescription"] = _boundary(spec)
    pcf["pcfExcludingBiogenicUptake"] = _emission(total)
    # biogenic_co2_uptake (≤ 0) is the spec's; pcfdoc's calculation counts no uptake.
    pcf["pcfIncludingBiogenicUptake"] = _emission(total + facts.biogenic_co2_uptake)
    fossil, biogenic = contents
    pcf["fossilCarbonContent"] = _amount(fossil)
    if biogenic is not None:
        pcf["biogenicCarbonContent"] = _amount(biogenic)
    # pcfdoc's ISO 14067 categories add up to the total. Aircraft emissions are burnt fuel, which
    # PACT counts as fossil (its sum for the PCF has no aircraft term) and also reports apart.
    pcf["fossilGhgEmissions"] = _emission(split.fossil + split.aircraft)
    pcf["landUseChangeGhgEmissions"] = _emission(split.dluc)
    pcf["biogenicCO2Uptake"] = _amount(facts.biogenic_co2_uptake)  # as the spec states it
    biogenic_non_co2 = _biogenic_non_co2(result)
    if biogenic_non_co2 is not None:
        pcf["biogenicNonCO2Emissions"] = _emission(biogenic_non_co2)
    pcf["aircraftGhgEmissions"] = _emission(split.aircraft)
    pcf["packagingEmissionsIncluded"], packaging_kgco2e = packaging
    if packaging_kgco2e is not None:
        pcf["packagingGhgEmissions"] = _emission(packaging_kgco2e)
    # pcfdoc's calculation has no term for captured CO2, so the amount is never reported.
    pcf["ccsTechnologicalCO2CaptureIncluded"] = facts.ccs_included
    pcf["ipccCharacterizationFactors"] = [spec.method.gwp]
    pcf["crossSectoralStandards"] = _unique(CROSS_SECTORAL.get(s, s) for s in spec.report.standards)
    cutoff = result.cutoff
    pcf["exemptedEmissionsPercent"] = _percent(cutoff.excluded_emission_share if cutoff else 0.0)
    if cutoff is not None and any(line.excluded for line in cutoff.lines):
        pcf["exemptedEmissionsDescription"] = _exempted(spec, result)
    pcf["allocationRulesDescription"] = _allocation(spec)
    if sources:  # PACT: undefined when no secondary data is used
        pcf["secondaryEmissionFactorSources"] = sources
    quality = result.data_quality
    if quality is not None:
        pcf["primaryDataShare"] = _percent(quality.primary_share)
        dqr = quality.pact_dqr
        if all(dqr.get(key) is not None for key in ("technological", "geographical", "temporal")):
            pcf["dqi"] = {
                "technologicalDQR": _rating(dqr["technological"]),
                "geographicalDQR": _rating(dqr["geographical"]),
                "temporalDQR": _rating(dqr["temporal"]),
            }
    return pcf


def _carbon_contents(index: int, product: Node, facts: Node) -> tuple[float, float | None]:
    """The product's fossil and biogenic carbon content (kg C per functional unit), as the report
    states them (products[].carbon_content); older specs may give them in the [pact] entry instead."""
    stated = product.carbon_content
    fossil = facts.fossil_carbon_content
    if fossil is None and stated is not None:
        fossil = stated.fossil
    biogenic = facts.biogenic_carbon_content
    if biogenic is None and stated is not None:
        biogenic = stated.biogenic
    if fossil is None:
        raise _Missing([(("products", index, "carbon_content"), (
            f"PACT needs the fossil carbon content of {product.id!r}; add carbon_content = {{ fossil = …, "
            'note = "how it was found" } (kg C per functional unit; 0 when the product holds none)'))])
    return fossil, biogenic


def _packaging(index: int, result: ProductResult) -> tuple[bool, float | None]:
    """Whether the footprint includes packaging, and the emissions of the lines the product names as
    its packaging (products[].packaging, the statement the report makes too).

    A packaging line that is cut off counts nothing, like any other cut-off line.
    """
    disclosures = result.disclosures
    if disclosures is None or disclosures.packaging_included is None:
        raise _Missing([(("products", index), (
            f"PACT asks whether the footprint of {result.id!r} includes packaging; add packaging = "
            '{ included = false, note = "…" } (shipped unpacked, or packaging left out), or included = '
            'true with lines = ["…"] (the lines that are packaging, reported apart) or a note'))])
    return disclosures.packaging_included, disclosures.packaging_kgco2e


def _factor_sources(factors: Mapping[str, Entry], result: ProductResult
                    ) -> tuple[list[dict[str, str]], list[Problem]]:
    """PACT's secondaryEmissionFactorSources: one {name, version} per source of the factors used.

    The name is the factor's source as the spec gives it, the version its reference year. A
    factor without a source cannot be named: that is an error at the factor.
    """
    sources: dict[tuple[str, str], dict[str, str]] = {}
    problems = []
    for line in result.lines:
        if line.factor_id is None:  # supplier-declared: primary data
            continue
        entry = factors[line.factor_id]
        factor = entry.factor
        if not factor.source:
            if entry.source is not None:
                problems.append(locate(entry.source, entry.path + ("source",), (
                    f"factor {line.factor_id!r} has no source, and PACT names the source of every "
                    "emission factor used (secondaryEmissionFactorSources); add source = \"…\", the "
                    "document and its issuer")))
            continue
        version = str(factor.year) if factor.year is not None else "not stated"
        sources.setdefault((factor.source, version), {"name": factor.source, "version": version})
    return list(sources.values()), problems


def _footprint_id(report_number: str, product_id: str, record: dict[str, Any]) -> str:
    """uuid5 of the report number, the product id and the record's content.

    PACT 3 gives every changed PCF a new id and treats a record as immutable; hashing the content
    does that (a rebuilt spec with other figures gets another id) while the same spec always
    gets the same id.
    """
    content = json.dumps({key: value for key, value in record.items() if key != "id"},
                         ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return str(uuid.uuid5(ID_NAMESPACE, f"{report_number}\n{product_id}\n{digest}"))


# -- declared unit and mass ----------------------------------------------------------------

def _declared_unit(index: int, product: Node) -> tuple[str, float]:
    """PACT's unit and amount for the functional unit: 1 t → ('kilogram', 1000)."""
    fu = product.functional_unit
    path = ("products", index, "functional_unit", "unit")
    dims = dict(dimensionality(fu.unit))
    if len(dims) == 1 and next(iter(dims)).startswith(("[count_", "[piece]")):
        # 台, 套, 件 … count whole products (or sets sold as one), which PACT calls a piece.
        return "piece", fu.amount
    if dims == dict(dimensionality("kg")):
        return "kilogram", fu.amount * conversion_factor(fu.unit, "kg")
    if dims == dict(dimensionality("kWh")):
        # Watt-hours (kWh, MWh, 万kWh, 度) stay electrical; other energy (GJ, tce) is heat.
        name = str(parse_unit(fu.unit))
        if "watt_hour" in name or "千瓦时" in name:
            return "kilowatt hour", fu.amount * conversion_factor(fu.unit, "kWh")
        return "megajoule", fu.amount * conversion_factor(fu.unit, "MJ")
    if dims == dict(dimensionality("L")):
        if "liter" in str(parse_unit(fu.unit)):
            return "liter", fu.amount * conversion_factor(fu.unit, "L")
        return "cubic meter", fu.amount * conversion_factor(fu.unit, "m3")
    for reference, name in _DECLARED_UNITS:
        if dims == dict(dimensionality(reference)):
            return name, fu.amount * conversion_factor(fu.unit, reference)
    raise _Missing([(path, (
        f"PACT v3 has no declared unit for {fu.unit!r}; its units are liter, kilogram, cubic meter, "
        "kilowatt hour, megajoule, ton kilometer, square meter, piece, hour and megabit second "
        "(Nm3 is not m3: state the functional unit in one of them)"))])


def _mass_per_declared_unit(index: int, product: Node, result: ProductResult, unit_name: str) -> float:
    if result.mass_kg is not None:
        return result.mass_kg
    if unit_name in _MASSLESS_UNITS:
        return 0.0
    raise _Missing([(("products", index, "mass_per_unit"), (
        f"a PACT record needs the product's mass per declared unit ({unit_name}); add "
        f"mass_per_unit = {{ amount = …, unit = \"kg\" }}, the mass of 1 {product.functional_unit.unit}"))])


# -- the ISO 14067 split ----------------------------------------------------------------------

def _split(result: ProductResult):
    total = next((split for split in result.ghg_breakdown if split.id == "total"), None)
    if total is None:  # only results built without the analysis lack it
        raise ValueError(f"product {result.id!r} has no GHG breakdown")
    return total


def _biogenic_non_co2(result: ProductResult) -> float | None:
    """CO2e of the non-CO2 gases of biogenic lines; None when a line's gases are not known apart.

    A factor given in CO2e does not say which gases it holds, so such a biogenic line leaves the
    field out (PACT: "blank if unknown") rather than guessing.
    """
    amount = 0.0
    for line in result.lines:
        if line.category != "biogenic" or line.kgco2e == 0:
            continue
        for gas in line.gases:
            if gas.gas == CO2E:
                return None
            if gas.gas != "CO2":
                amount += gas.kgco2e
    return amount


# -- text fields ------------------------------------------------------------------------------

def _description(product: Node) -> str:
    # productDescription is required; without a description the product's name is what the spec
    # says about it.
    text = (product.description or product.name).strip()
    return f"{text} (model: {product.model})" if product.model else text


def _stage_name(stage_id: str) -> str:
    return STAGE_BY_ID[stage_id].name("en")


def _boundary(spec: Node) -> str:
    boundary = spec.boundary
    parts = [f"{boundary.type}: " + ", ".join(_stage_name(stage) for stage in boundary.stages) + "."]
    for row in boundary.processes:
        details = []
        if row.included:
            details.append("; ".join(row.included))
        if row.excluded:
            details.append("excluded: " + "; ".join(row.excluded))
        if details:
            parts.append(f"{_stage_name(row.stage)}: {' / '.join(details)}.")
    if boundary.exclusions:
        items = [f"{e.item} ({e.reason})" if e.reason else e.item for e in boundary.exclusions]
        parts.append("Outside the boundary: " + "; ".join(items) + ".")
    return " ".join(parts)


def _allocation(spec: Node) -> str:
    allocation = spec.allocation
    text = f"{allocation.method}: {ALLOCATION_METHODS[allocation.method]}"
    return f"{text}. {allocation.rationale}" if allocation.rationale else f"{text}."


def _exempted(spec: Node, result: ProductResult) -> str:
    cutoff, rules = result.cutoff, spec.cutoff
    names = "; ".join(line.name for line in cutoff.lines if line.excluded)
    return (f"Cut off under the criteria of the study (an input below {rules.mass_threshold_pct:g} % of "
            f"the product mass, all such inputs together below {rules.total_threshold_pct:g} %): {names}. "
            f"Their estimated emissions, {_emission(cutoff.excluded_kgco2e)} kgCO2e per declared unit, "
            "are not counted in the PCF.")


def _comment(spec: Node, product: Node, result: ProductResult, facts: Node,
             packaging: tuple[bool, float | None]) -> str:
    report = spec.report
    fu = product.functional_unit
    lines = [f"Calculated with pcfdoc for report {report.number} ({report.assessor}, issued "
             f"{report.issue_date.isoformat()}); functional unit {fu.amount:g} {fu.unit}, "
             f"GWP100 {spec.method.gwp}."]
    split = _split(result)
    if split.aircraft:
        lines.append("fossilGhgEmissions include the aircraftGhgEmissions.")
    if split.biogenic:
        non_co2 = _biogenic_non_co2(result)
        if non_co2 is None:
            lines.append(f"The PCF includes {_emission(split.biogenic)} kgCO2e of biogenic emissions "
                         "whose CO2 and non-CO2 parts are not known apart.")
        elif split.biogenic - non_co2 > 0:
            lines.append(f"The PCF includes {_emission(split.biogenic - non_co2)} kgCO2e of biogenic "
                         "CO2 emissions, for which PACT has no field of its own.")
    if packaging == (True, None):
        lines.append("Packaging is included in the PCF; its emissions are not reported apart.")
    if facts.ccs_included:
        lines.append("CO2 is captured and stored (CCS) within the boundary; the amount captured is not "
                     "quantified in this record.")
    return " ".join(lines)


# -- values -----------------------------------------------------------------------------------

def _instant(day: dt.date) -> str:
    """Midnight UTC of a date, as PACT's date-time strings are written."""
    return f"{day.isoformat()}T00:00:00Z"


def _decimal_text(value: Decimal) -> str:
    text = f"{value:f}"
    return "0" if Decimal(text) == 0 else text  # never "-0", which PositiveOrZeroDecimal rejects


def _emission(kgco2e: float) -> str:
    """kg CO2e with the decimals the report prints it with (4 significant digits, at least 2)."""
    return _decimal_text(round_half_up(kgco2e, decimals_for(kgco2e)))


def _percent(fraction: float) -> str:
    return _decimal_text(round_half_up(fraction * 100.0, 2))


def _rating(value: float) -> str:
    return _decimal_text(round_half_up(value, 2))


def _amount(value: float) -> str:
    """An input amount as written: up to 6 significant digits, no exponent, no padding zeros."""
    text = _decimal_text(Decimal(f"{value:.6g}"))
    return text.rstrip("0").rstrip(".") if "." in text else text


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))
