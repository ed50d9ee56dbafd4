"""The spec format: one declarative marshmallow schema, one short doc per field.

Loading returns a tree of :class:`Node` objects (attribute access, every
optional key present with its default) so later stages never guess whether a
key exists. Checks that need only one table live here; checks that need the
whole spec (references, unit compatibility) live in :mod:`pcfdoc.check`.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from marshmallow import Schema, ValidationError, post_load, validates_schema
from marshmallow.fields import Nested

from ..vocab.catalogue import (
    ALLOCATION_METHODS,
    BOUNDARY_TYPES,
    CHAPTERS,
    DATA_TYPES,
    DUTIES,
    FACTOR_KINDS,
    FACTOR_SCOPES,
    GHG_CATEGORIES,
    LANGUAGES,
    RESULT_UNITS,
    STAGE_IDS,
    STANDARDS,
    TRANSPORT_MODES,
)
from ..vocab.gwp import CO2E, gas_ids, gwp_sets, single_gases
from ..vocab.units import UnitError, combustion_factor, gas_of_unit, is_mass
from .fields import (
    LONG_TEXT,
    Amounts,
    Boolean,
    Choice,
    Date,
    GasAmounts,
    Identifier,
    Integer,
    List,
    Number,
    Text,
    Unit,
    doc,
)
from .images import MAX_FILE_MB, MAX_MEGAPIXELS


class Node(SimpleNamespace):
    """A validated table of the spec."""


class Table(Schema):
    """Base of every table: unknown keys are errors, loading yields a Node."""

    error_messages = {"unknown": "unknown key", "type": "expected a table"}

    @post_load
    def to_node(self, data: dict[str, Any], **_: Any) -> Node:
        return Node(**data)


def table(schema: type[Table], text: str, **kwargs: Any) -> Nested:
    return Nested(schema, metadata=doc(text), **kwargs)


def tables(schema: type[Table], text: str, *, required: bool = False, min_length: int = 0) -> List:
    """An array of tables; optional ones default to an empty list."""
    presence: dict[str, Any] = {"required": True} if required else {"load_default": list}
    return List(Nested(schema), min_length=min_length, metadata=doc(text), **presence)


def optional_table(schema: type[Table], text: str) -> Nested:
    """A table that may be left out; its defaults then apply."""
    return Nested(schema, load_default=lambda: schema().load({}), metadata=doc(text))


def _exactly_one(data: dict, first: str, second: str, what: str) -> None:
    given = [key for key in (first, second) if data.get(key) is not None]
    if len(given) == 2:
        raise ValidationError(f"give either {first} or {second}, not both", second)
    if not given:
        raise ValidationError(f"give {what}: either {first} = ... or {second} = ...", first)


# -- shared small tables ------------------------------------------------------

class Quantity(Table):
    amount = Number(required=True, positive=True, metadata=doc("the number", "see unit"))
    unit = Unit(required=True, metadata=doc("its unit, e.g. kg, t, kWh, 台, MWh"))


class Declared(Table):
    value = Number(required=True, minimum=0,
                   metadata=doc("emission per unit of the line's activity", "see unit"))
    unit = Unit(required=True, metadata=doc("emission unit per activity unit, e.g. kgCO2e/台"))
    source = Text(load_default=None, metadata=doc("who declared it (supplier, EPD number, report)"))


class Pedigree(Table):
    """Pedigree scores of a line (Weidema & Wesnæs); a score left out takes the stated default."""

    reliability = Integer(load_default=None, minimum=1, maximum=5, metadata=doc(
        "1 verified measurement … 5 non-qualified estimate"))
    completeness = Integer(load_default=None, minimum=1, maximum=5, metadata=doc(
        "1 all relevant sites over an adequate period … 5 unknown"))
    temporal = Integer(load_default=None, minimum=1, maximum=5, metadata=doc(
        "1 under 3 years old … 5 unknown or over 15; default: from the factor's year"))
    geographical = Integer(load_default=None, minimum=1, maximum=5, metadata=doc(
        "1 the area under study … 5 unknown or distinctly different"))
    technological = Integer(load_default=None, minimum=1, maximum=5, metadata=doc(
        "1 same enterprise, process and material … 5 different technology or lab scale"))


def emission_source_fields() -> tuple[Nested, Number, Choice]:
    """quality, gsd and category: fresh fields for every kind of emission source."""
    return (
        Nested(Pedigree, load_default=None, metadata=doc(
            "pedigree scores, 1 best … 5 worst; scores left out take the [data_quality] defaults")),
        Number(load_default=None, minimum=1, maximum=100, metadata=doc(
            "geometric standard deviation of the emission (ecoinvent's 95 % factor is its square); "
            "default: from the pedigree scores")),
        Choice(GHG_CATEGORIES, load_default=None, metadata=doc(
            "fossil, biogenic, dluc (direct land-use change) or aircraft; default: the factor's, "
            "aircraft for air transport")),
    )


# -- pictures -------------------------------------------------------------------

_PICTURE_FILE = (f"PNG or JPEG file, relative to the spec file (at most {MAX_FILE_MB} MB and "
                 f"{MAX_MEGAPIXELS} million pixels)")


class Image(Table):
    """A picture the spec attaches, printed as a numbered figure."""

    file = Text(required=True, metadata=doc(_PICTURE_FILE))
    caption = Text(required=True, metadata=doc("figure caption; the number ('图 2-1') is added"))
    source = Text(load_default=None, metadata=doc("where the picture comes from, printed under it"))
    width_pct = Number(load_default=100.0, minimum=10, maximum=100, metadata=doc(
        "printed width as a share of the text width; the height follows, and a tall picture is "
        "scaled down to fit the page", "%"))


class ChapterImage(Image):
    chapter = Choice(CHAPTERS, required=True, metadata=doc("chapter the figure is added to, at its end"))


def image_list(text: str) -> List:
    return tables(Image, text)


# -- report -------------------------------------------------------------------

class Person(Table):
    duty = Choice(DUTIES, required=True, metadata=doc("prepared, reviewed or approved"))
    name = Text(required=True, metadata=doc("full name"))
    role = Text(load_default=None, metadata=doc("role in the assessment, e.g. 评价组组长"))
    organization = Text(load_default=None, metadata=doc("organisation, if not the assessor body"))
    certificate = Text(load_default=None, metadata=doc("certificate or registration number"))
    date = Date(load_default=None, metadata=doc("date signed (on or before the issue date)"))
    signature = Text(load_default=None, metadata=doc(
        "signature picture for the sign-off block (PNG or JPEG, relative to the spec file; a transparent "
        "or white background prints best); without one the space stays blank for a handwritten signature"))


class Report(Table):
    number = Text(required=True, metadata=doc("report number printed on every page header"))
    title = Text(load_default=None, metadata=doc("title; default '<product names>产品碳足迹评价报告'"))
    language = Choice(LANGUAGES, load_default="zh-CN", metadata=doc("report language"))
    issue_date = Date(required=True, metadata=doc("date of issue, e.g. 2024-06-07"))
    assessor = Text(required=True, metadata=doc("assessment body that prepares the report"))
    commissioned_by = Text(load_default=None, metadata=doc(
        "party that commissioned the study, if not the company itself"))
    standards = List(Choice(STANDARDS), required=True, min_length=1,
                     metadata=doc("standards the study follows"))
    other_references = List(Text(), load_default=[],
                            metadata=doc("further documents relied on (guides, factor sets)"))
    purpose = Text(required=True, max_length=LONG_TEXT, metadata=doc("why the study is done"))
    audience = List(Text(), load_default=[], metadata=doc("intended audience, one entry per group"))
    people = tables(Person, "assessment team: who prepared, reviewed and approved", required=True,
                    min_length=1)
    template = Text(load_default=None, metadata=doc(
        "custom .docx report template, relative to the spec file; default: the shipped one"))
    seal = Text(load_default=None, metadata=doc(
        "the assessor's seal for the sign-off block (PNG with a transparent background, relative to the "
        "spec file); without one the space stays blank for a stamped seal"))


# -- company --------------------------------------------------------------------

class Contact(Table):
    name = Text(required=True, metadata=doc("contact person"))
    phone = Text(load_default=None, metadata=doc("phone number"))
    email = Text(load_default=None, metadata=doc("e-mail address"))


class ProcessStep(Table):
    name = Text(required=True, metadata=doc("name of the process step, e.g. 涂布"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("one or two sentences"))
    inputs = List(Text(), load_default=[], metadata=doc(
        "materials and energy fed into the step, e.g. 正极浆料, 电力 (drawn in the process flow diagram)"))
    outputs = List(Text(), load_default=[], metadata=doc(
        "what the step passes on or yields, e.g. 正极极片 (drawn on the arrow to the next step)"))
    wastes = List(Text(), load_default=[], metadata=doc(
        "waste streams and emissions leaving the step, e.g. 废边角料, 有机废气"))
    images = image_list("photos of the step, printed under the process flow")


class Equipment(Table):
    name = Text(required=True, metadata=doc("equipment name"))
    model = Text(load_default=None, metadata=doc("model designation"))
    code = Text(load_default=None, metadata=doc("plant asset number"))
    quantity = Integer(load_default=None, minimum=1, metadata=doc(
        "number of units; leave it out when unknown", "台/套"))
    manufacturer = Text(load_default=None, metadata=doc("manufacturer"))
    note = Text(load_default=None, metadata=doc("remark"))


class AnnualOutput(Table):
    product = Identifier(load_default=None, metadata=doc("id of an assessed product"))
    name = Text(load_default=None, metadata=doc("name of a product that is not assessed"))
    amount = Number(required=True, positive=True, metadata=doc("output during the data period", "see unit"))
    unit = Unit(required=True, metadata=doc("unit of the output, e.g. 台, t, MWh"))
    value = Number(load_default=None, minimum=0,
                   metadata=doc("output value (economic allocation)", "company.output_value_unit"))
    mass = Nested(Quantity, load_default=None,
                  metadata=doc("total mass of the output, when the amount is not a mass"))
    note = Text(load_default=None, metadata=doc("remark"))

    @validates_schema
    def _product_or_name(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "product", "name", "the product this output belongs to")


class Company(Table):
    name = Text(required=True, metadata=doc("registered company name, printed everywhere"))
    credit_code = Text(load_default=None, metadata=doc("unified social credit code (18 characters)"))
    address = Text(required=True, metadata=doc("registered or site address"))
    legal_representative = Text(required=True, metadata=doc("legal representative"))
    registered_capital = Text(load_default=None, metadata=doc("registered capital as written"))
    contact = table(Contact, "authorised contact", required=True)
    introduction = Text(required=True, max_length=LONG_TEXT, metadata=doc("company introduction"))
    site = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("production site description"))
    site_images = image_list("site photos and layout plans, printed after the site description")
    process_steps = tables(ProcessStep, "production process steps in order")
    equipment = tables(Equipment, "main production equipment")
    output_value_unit = Text(load_default="万元", metadata=doc("unit of annual_output.value"))
    annual_output = tables(AnnualOutput, "annual output per product during the data period")


# -- products and inventory --------------------------------------------------------

class InventoryLine(Table):
    id = Identifier(required=True, metadata=doc("line id, unique within the product"))
    stage = Choice(STAGE_IDS, required=True, metadata=doc("life-cycle stage id"))
    name = Text(required=True, metadata=doc("material, energy carrier or process"))
    model = Text(load_default=None, metadata=doc("model, grade or specification, e.g. Q235B or 32209"))
    supplier = Text(load_default=None, metadata=doc("supplier of a material or part"))
    supplier_location = Text(load_default=None, metadata=doc(
        "where the supplier ships from, e.g. 河北省唐山市"))
    amount = Number(required=True, minimum=0, metadata=doc("activity amount per inventory_per", "see unit"))
    unit = Unit(required=True, metadata=doc("activity unit, e.g. kg, kWh, Nm3, 台"))
    factor = Identifier(load_default=None, metadata=doc("id of the emission factor applied"))
    declared = Nested(Declared, load_default=None,
                      metadata=doc("supplier-declared emission per unit, instead of a factor"))
    data_type = Choice(DATA_TYPES, required=True, metadata=doc("primary (measured) or secondary"))
    source = Text(load_default=None, metadata=doc("where the amount comes from"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("remark"))
    annual_total = Boolean(load_default=False, metadata=doc(
        "true when amount is the plant total for the data period, to be allocated and "
        "divided by the product's annual output"))
    excluded = Boolean(load_default=False, metadata=doc(
        "true to cut the line off: listed and estimated, not counted (see [cutoff])"))
    factor_rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "why this factor is used for the line although check questions it (a grid region other than "
        "the site's, e.g. under a direct supply contract; a grid CO2 emission factor in a product "
        "footprint); clears those warnings"))
    quality, gsd, category = emission_source_fields()

    @validates_schema
    def _factor_or_declared(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "factor", "declared", "how the emission is found")


class TransportLeg(Table):
    id = Identifier(required=True, metadata=doc("leg id, unique within the product"))
    name = Text(load_default=None, metadata=doc(
        "label; default '<carried line>运输', spaced after a letter or digit: '轴承 32209 运输'"))
    stage = Choice(STAGE_IDS, load_default="raw_material_transport", metadata=doc("life-cycle stage id"))
    carries = Identifier(load_default=None, metadata=doc("id of the inventory line whose mass is carried"))
    mass = Nested(Quantity, load_default=None, metadata=doc("mass carried per inventory_per, if no line"))
    distance_km = Number(required=True, positive=True, metadata=doc("one-way distance", "km"))
    mode = Choice(TRANSPORT_MODES, load_default="road", metadata=doc("road, rail, water, air or pipeline"))
    vehicle = Text(load_default=None, metadata=doc("vehicle, e.g. 18 t 柴油货车"))
    factor = Identifier(required=True, metadata=doc("id of a factor per t·km"))
    data_type = Choice(DATA_TYPES, required=True, metadata=doc("primary or secondary"))
    source = Text(load_default=None, metadata=doc("where distance and mass come from"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("remark"))
    quality, gsd, category = emission_source_fields()

    @validates_schema
    def _carries_or_mass(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "carries", "mass", "what is carried")
        if data.get("mass") is not None and data.get("name") is None:
            raise ValidationError("a leg that carries a mass needs a name, e.g. name = \"电机运输\"", "name")


class Destination(Table):
    id = Identifier(required=True, metadata=doc("destination id, unique within the product"))
    name = Text(required=True, metadata=doc("destination, e.g. 山东"))
    share_pct = Number(required=True, positive=True, maximum=100, metadata=doc("share of sales", "%"))
    distance_km = Number(required=True, positive=True, metadata=doc("distance from the plant", "km"))
    factor = Identifier(load_default=None, metadata=doc("factor id, if not distribution.factor"))
    mode = Choice(TRANSPORT_MODES, load_default=None, metadata=doc("mode, if not distribution.mode"))
    vehicle = Text(load_default=None, metadata=doc("vehicle, if not distribution.vehicle"))


class Distribution(Table):
    mass = Nested(Quantity, load_default=None,
                  metadata=doc("mass shipped per functional unit; default: the product's mass"))
    factor = Identifier(load_default=None, metadata=doc("factor per t·km for every destination"))
    mode = Choice(TRANSPORT_MODES, load_default="road", metadata=doc("transport mode"))
    vehicle = Text(load_default=None, metadata=doc("vehicle"))
    data_type = Choice(DATA_TYPES, required=True, metadata=doc("primary or secondary"))
    source = Text(load_default=None, metadata=doc("where shares and distances come from"))
    destinations = tables(Destination, "where the product goes, by share of sales", required=True,
                          min_length=1)
    quality, gsd, category = emission_source_fields()


class Product(Table):
    id = Identifier(required=True, metadata=doc("product id"))
    name = Text(required=True, metadata=doc("product name, printed everywhere"))
    model = Text(load_default=None, metadata=doc("model or specification"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("product description"))
    images = image_list("pictures of the product (photo, drawing), printed with its description")
    functional_unit = table(Quantity, "functional (or declared) unit, e.g. 1 台, 1 t, 1 MWh",
                            required=True)
    mass_per_unit = Nested(Quantity, load_default=None,
                           metadata=doc("mass of one functional-unit unit, e.g. kg per 台"))
    inventory_per = Nested(Quantity, load_default=None, metadata=doc(
        "amount of product the inventory amounts refer to; default: the functional unit"))
    result_unit = Choice(RESULT_UNITS, load_default="kgCO2e",
                         metadata=doc("unit results are printed in, per functional unit"))
    inventory = tables(InventoryLine, "inventory lines: materials, energy, waste, use")
    transport = tables(TransportLeg, "transport legs, computed as t·km × factor")
    distribution = Nested(Distribution, load_default=None,
                          metadata=doc("product distribution split over destinations"))


# -- scope and method ---------------------------------------------------------------

class DataPeriod(Table):
    start = Date(required=True, metadata=doc("first day of the activity data"))
    end = Date(required=True, metadata=doc("last day of the activity data"))


class BoundaryProcesses(Table):
    stage = Choice(STAGE_IDS, required=True, metadata=doc("life-cycle stage id"))
    included = List(Text(), load_default=[], metadata=doc("processes included in the stage"))
    excluded = List(Text(), load_default=[], metadata=doc("processes left out of the stage"))


class BoundaryExclusion(Table):
    item = Text(required=True, metadata=doc("what is left out, e.g. capital goods"))
    reason = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("why"))


class Boundary(Table):
    type = Choice(BOUNDARY_TYPES, required=True,
                  metadata=doc("cradle-to-gate, cradle-to-grave or gate-to-gate"))
    stages = List(Choice(STAGE_IDS), required=True, min_length=1,
                  metadata=doc("life-cycle stages inside the boundary"))
    processes = tables(BoundaryProcesses, "included / excluded processes per stage")
    exclusions = tables(BoundaryExclusion, "items outside the boundary, with reasons")
    images = image_list("further boundary figures (a drawn life-cycle diagram), printed after the "
                        "derived one")


class Allocation(Table):
    method = Choice(ALLOCATION_METHODS, load_default="none",
                    metadata=doc("none, physical, mass or economic"))
    rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("why this method"))


class Cutoff(Table):
    mass_threshold_pct = Number(load_default=1.0, minimum=0, maximum=100, metadata=doc(
        "an input below this share of product mass may be left out", "%"))
    total_threshold_pct = Number(load_default=5.0, minimum=0, maximum=100, metadata=doc(
        "all left-out inputs together stay below this share", "%"))
    rules = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("further cut-off rules"))


class Method(Table):
    gwp = Choice(tuple(gwp_sets()), required=True, metadata=doc("IPCC GWP100 set: AR4, AR5 or AR6"))
    databases = List(Text(), load_default=[], metadata=doc("background databases used"))
    software = Text(load_default=None, metadata=doc("LCA software used, if any"))
    data_collection = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("how data were collected"))


FACTOR_STATUSES = ("verified", "third-party", "unverified")


class Derivation(Table):
    ncv = Number(required=True, positive=True, metadata=doc("net calorific value", "see ncv_unit"))
    ncv_unit = Unit(required=True, metadata=doc("unit of the NCV, e.g. GJ/t or GJ/(10⁴Nm³)"))
    carbon_content = Number(required=True, positive=True, metadata=doc("carbon per unit of heat", "tC/TJ"))
    oxidation = Number(required=True, positive=True, maximum=1,
                       metadata=doc("carbon oxidation rate", "fraction"))


class Factor(Table):
    id = Identifier(required=True, metadata=doc("factor id that lines refer to"))
    name = Text(required=True, metadata=doc("what the factor describes"))
    name_en = Text(load_default=None, metadata=doc("English name"))
    value = Number(load_default=None, minimum=0, metadata=doc("emission per unit of activity", "see unit"))
    unit = Unit(required=True, metadata=doc("e.g. kgCO2e/kWh, tCO2e/t, kgCO2e/(t*km), kgCH4/GJ, kg/TJ"))
    gas = Choice(gas_ids(), load_default=None, metadata=doc(
        "gas the value is a mass of; default from the unit, else CO2e"))
    gases = GasAmounts(single_gases(), load_default=None, metadata=doc(
        "several gases instead of value, each per unit: { CO2 = 74100, CH4 = 3, N2O = 0.6 }"))
    derivation = Nested(Derivation, load_default=None, metadata=doc(
        "instead of value: NCV × carbon content × oxidation × 44/12 (a CO2 factor)"))
    source = Text(load_default=None, metadata=doc("document and issuer"))
    year = Integer(load_default=None, minimum=1900, maximum=2100, metadata=doc("reference year"))
    region = Text(load_default=None, metadata=doc("region the factor represents"))
    status = Choice(FACTOR_STATUSES, load_default=None, metadata=doc(
        "verified, third-party (transcribed by others) or unverified"))
    category = Choice(GHG_CATEGORIES, load_default="fossil", metadata=doc(
        "ISO 14067 category of what it emits: fossil, biogenic, dluc or aircraft"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("remark"))
    kind = Choice(tuple(FACTOR_KINDS), load_default=None, metadata=doc(
        "electricity, fuel, material, water or freight; check compares the value with the library's "
        "factors of that kind"))
    scope = Choice(tuple(FACTOR_SCOPES), load_default=None, metadata=doc(
        "what it counts: cradle-to-gate, life-cycle (a carbon-footprint factor), combustion (CO2 of "
        "burning only) or transport"))
    published = Date(load_default=None, metadata=doc(
        "date the source made the value public; check suggests only factors published by the issue date"))
    value_rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "why this value is used although it lies far from the library's factors of its kind; "
        "clears that warning"))
    override = Boolean(load_default=False, metadata=doc(
        "true to replace a library factor with the same id"))

    @validates_schema
    def _one_value(self, data: dict, **_: Any) -> None:
        given = [key for key in ("value", "gases", "derivation") if data.get(key) is not None]
        if len(given) != 1:
            what = "give one of value, gases or derivation"
            raise ValidationError(f"{what}, not {' and '.join(given)}" if given else what,
                                  given[-1] if given else "value")
        unit = data.get("unit")
        if unit is None:
            return
        unit_gas = gas_of_unit(unit)
        numerator = unit.partition("/")[0].strip()
        if data.get("gases") is not None and (unit_gas or data.get("gas") or not _is_mass_unit(numerator)):
            raise ValidationError("with gases, write the unit as a plain mass per activity (kg/TJ) "
                                  "and leave out gas", "unit")
        if unit_gas and data.get("gas") and data["gas"] != unit_gas:
            raise ValidationError(
                f"gas is {data['gas']} but the unit {unit} is a mass of {unit_gas}; make them agree or "
                "drop gas",
                "gas",
            )

    @post_load
    def to_node(self, data: dict[str, Any], **_: Any) -> Node:
        derivation = data["derivation"]
        if derivation is not None:  # the value is NCV × carbon content × oxidation × 44/12
            try:
                data["value"] = combustion_factor(
                    derivation.ncv, derivation.ncv_unit, derivation.carbon_content, derivation.oxidation,
                    data["unit"])
            except UnitError as exc:
                raise ValidationError(str(exc), "unit") from None
        # The unit names the gas when it can; otherwise the gas key, else CO2e.
        if data["gases"] is None:
            data["gas"] = gas_of_unit(data["unit"]) or data["gas"] or CO2E
        return Node(**data)


def _is_mass_unit(text: str) -> bool:
    try:
        return is_mass(text)
    except UnitError:
        return False


class LibraryFactor(Factor):
    """A record of a factor library: the shipped one, or a consultant's own files."""

    source = Text(required=True, metadata=doc("document and issuer"))
    status = Choice(FACTOR_STATUSES, required=True, metadata=doc(
        "verified, third-party (transcribed by others) or unverified"))


class LibraryFile(Table):
    factors = tables(LibraryFactor, "factor records", required=True, min_length=1)


class Library(Table):
    paths = List(Text(), load_default=[], metadata=doc(
        "factor library files or folders of *.toml files, relative to the spec"))


class Improvement(Table):
    title = Text(required=True, metadata=doc("measure, in a few words"))
    description = Text(required=True, max_length=LONG_TEXT, metadata=doc("what will be done"))
    targets = List(Identifier(), required=True, min_length=1,
                   metadata=doc("stage ids or inventory line ids the measure acts on"))
    product = Identifier(load_default=None, metadata=doc("product id; default: every product"))
    expected_reduction_pct = Number(load_default=None, positive=True, maximum=100,
                                    metadata=doc("expected cut in the targets' emissions", "%"))
    scenario = Identifier(load_default=None, metadata=doc(
        "id of a scenario that models the measure; its result gives the expected cut"))

    @validates_schema
    def _one_estimate(self, data: dict, **_: Any) -> None:
        if data.get("expected_reduction_pct") is not None and data.get("scenario") is not None:
            raise ValidationError("give either expected_reduction_pct or scenario, not both", "scenario")


class Change(Table):
    line = Identifier(required=True, metadata=doc("id of the inventory line, leg or destination changed"))
    amount = Number(load_default=None, minimum=0, metadata=doc(
        "new amount of an inventory line, in its unit", "see the line"))
    amount_change_pct = Number(load_default=None, minimum=-100, maximum=1000, metadata=doc(
        "change of an inventory line's amount, e.g. -15 for a lighter part", "%"))
    factor = Identifier(load_default=None, metadata=doc("id of the factor used instead"))
    distance_km = Number(load_default=None, positive=True, metadata=doc(
        "new distance of a transport leg or destination", "km"))

    @validates_schema
    def _something(self, data: dict, **_: Any) -> None:
        if data.get("amount") is not None and data.get("amount_change_pct") is not None:
            raise ValidationError("give either amount or amount_change_pct, not both", "amount_change_pct")
        if all(data.get(key) is None for key in ("amount", "amount_change_pct", "factor", "distance_km")):
            raise ValidationError("say what changes: amount, amount_change_pct, factor or distance_km",
                                  "line")


class Scenario(Table):
    id = Identifier(required=True, metadata=doc("scenario id"))
    name = Text(required=True, metadata=doc("short name, e.g. 使用绿色电力"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("what the scenario assumes"))
    product = Identifier(load_default=None, metadata=doc("product id; default: every product it changes"))
    changes = tables(Change, "what differs from the baseline", required=True, min_length=1)


class Variant(Table):
    id = Identifier(required=True, metadata=doc("model id; the report is built as <spec name>-<id>.docx"))
    product = Identifier(load_default=None, metadata=doc("id of the base product; default: the only one"))
    name = Text(load_default=None, metadata=doc("product name of this model; default: the base's"))
    model = Text(load_default=None, metadata=doc("model designation, e.g. SMC-10"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("product description"))
    report_number = Text(load_default=None, metadata=doc(
        "report number of this model; default: the base number, a hyphen and the id"))
    mass_per_unit = Nested(Quantity, load_default=None, metadata=doc("mass of one unit of this model"))
    amounts = Amounts(load_default=dict, metadata=doc(
        "new amounts by line id, in each line's unit: { grey-iron = 18.5, motor = 1 }"))


class DataQualityDefaults(Table):
    primary = optional_table(Pedigree, "scores of primary-data lines that give none")
    secondary = optional_table(Pedigree, "scores of secondary-data lines that give none")


class UncertaintySettings(Table):
    iterations = Integer(load_default=10_000, minimum=1_000, maximum=1_000_000, metadata=doc(
        "Monte Carlo iterations"))
    seed = Integer(load_default=1, minimum=0, maximum=2**63 - 1, metadata=doc(
        "random seed: the same seed gives the same results"))
    sensitivity_pct = Number(load_default=10.0, positive=True, maximum=100, metadata=doc(
        "step of the one-at-a-time sensitivity analysis", "%"))


class Notes(Table):
    assumptions = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("assumptions made"))
    limitations = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("limitations"))
    data_quality = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("data quality statement"))


# -- PACT data exchange ---------------------------------------------------------------

_URN = re.compile(r"^[uU][rR][nN]:\S+$")


def _urn(value: str) -> None:
    if not _URN.match(value):
        raise ValidationError(f"{value!r} is not a URN; write it as urn:<namespace>:<id>, e.g. "
                              "urn:pact:company:customcode:buyer-assigned:4321")


def _pattern(regex: str, what: str) -> Any:
    compiled = re.compile(regex)

    def check(value: str) -> None:
        if not compiled.match(value):
            raise ValidationError(f"{value!r} is not {what}")

    return check


def _unique(data: dict, key: str) -> None:
    values = data.get(key) or []
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        raise ValidationError(f"{', '.join(repeated)} given more than once; list each once", key)


class PactProduct(Table):
    """Facts about one product that only a PACT data exchange needs and pcfdoc cannot compute."""

    product = Identifier(required=True, metadata=doc("id of the product these facts belong to"))
    ids = List(Text(validate=_urn), required=True, min_length=1, metadata=doc(
        "product identifiers as URNs (part number, GTIN …), e.g. "
        "urn:pact:product:customcode:vendor-assigned:A-100"))
    classifications = List(Text(validate=_urn), load_default=[], metadata=doc(
        "product classifications as URNs, e.g. urn:pact:productclassification:un-cpc:4321"))
    fossil_carbon_content = Number(required=True, minimum=0, metadata=doc(
        "fossil carbon contained in one functional unit of the product", "kgC"))
    biogenic_carbon_content = Number(load_default=None, minimum=0, metadata=doc(
        "biogenic carbon contained in one functional unit of the product", "kgC"))
    biogenic_co2_uptake = Number(required=True, maximum=0, metadata=doc(
        "CO2 taken up by the biomass in one functional unit, as a negative number; 0 when the "
        "product holds no biomass", "kgCO2e"))

    @validates_schema
    def _once(self, data: dict, **_: Any) -> None:
        _unique(data, "ids")
        _unique(data, "classifications")


class Pact(Table):
    """What `pcfdoc build --pact` needs besides the calculation: identifiers and carbon contents."""

    company_ids = List(Text(validate=_urn), required=True, min_length=1, metadata=doc(
        "identifiers of the company as URNs, e.g. urn:pact:company:customcode:buyer-assigned:4321"))
    geography = Text(load_default=None, validate=_pattern(
        r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$", "an ISO 3166 code such as CN (a country) or CN-TJ (a subdivision)"),
        metadata=doc("where the footprint applies: a country, ISO 3166-1 alpha-2 (e.g. CN), or a "
                     "subdivision, ISO 3166-2 (e.g. CN-TJ)"))
    products = tables(PactProduct, "PACT facts per product, one entry for every product", required=True,
                      min_length=1)

    @validates_schema
    def _once(self, data: dict, **_: Any) -> None:
        _unique(data, "company_ids")


class Spec(Table):
    report = table(Report, "report identity, standards and team", required=True)
    company = table(Company, "the client company", required=True)
    products = tables(Product, "products assessed, each with its own inventory", required=True,
                      min_length=1)
    data_period = table(DataPeriod, "period the activity data cover", required=True)
    boundary = table(Boundary, "system boundary", required=True)
    allocation = optional_table(Allocation, "how plant totals are shared between products")
    cutoff = optional_table(Cutoff, "cut-off criteria")
    method = table(Method, "impact method and data sources", required=True)
    library = optional_table(Library, "factor libraries of your own, besides the shipped one")
    factors = tables(Factor, "emission factors of this spec (library factors need no entry)")
    improvements = tables(Improvement, "improvement plan")
    scenarios = tables(Scenario, "alternatives compared with the baseline")
    variants = tables(Variant, "models of a product family: one report per model")
    data_quality = optional_table(DataQualityDefaults, "default pedigree scores")
    uncertainty = optional_table(UncertaintySettings, "Monte Carlo and sensitivity settings")
    notes = optional_table(Notes, "assumptions, limitations, data quality")
    images = tables(ChapterImage, "further figures, each added at the end of its chapter")
    pact = Nested(Pact, load_default=None, metadata=doc(
        "identifiers and carbon contents for a PACT v3 data exchange (pcfdoc build --pact)"))
