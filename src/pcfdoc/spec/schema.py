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
from marshmallow.schema import SchemaMeta

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
    STAGES,
    STANDARDS,
    TRANSPORT_MODES,
)
from ..vocab.gwp import CO2E, gas_ids, gwp_sets, single_gases
from ..vocab.origins import ACTIVITY_ORIGINS, FACTOR_ORIGINS
from ..vocab.units import UnitError, combustion_factor, gas_of_unit, is_mass
from .fields import (
    LONG_TEXT,
    NOT_PRINTED,
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
    english_twin,
    is_translatable,
)
from .images import MAX_FILE_MB, MAX_MEGAPIXELS

#: Two and a half times round the earth: no transport leg is longer.
MAX_DISTANCE_KM = 100_000


class Node(SimpleNamespace):
    """A validated table of the spec."""


class TableMeta(SchemaMeta):
    """Gives every printed text field its English twin: ``name`` → ``name_en``, ``audience`` →
    ``audience_en``. An English report prints the twin where it is given."""

    def __new__(mcs, name, bases, attrs):
        klass = super().__new__(mcs, name, bases, attrs)
        declared = klass._declared_fields
        for key, field in list(declared.items()):
            if is_translatable(field) and f"{key}_en" not in declared:
                declared[f"{key}_en"] = english_twin(field, key)
        return klass


class Table(Schema, metaclass=TableMeta):
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


def factor_origin_fields(default: str | None = None,
                         printed: str = "appendix A") -> tuple[Choice, Text, Number]:
    """origin, proxy_for and primary_share_pct: where an emission factor's value comes from;
    ``printed`` says where the report names what a proxy stands in for."""
    primary = ", ".join(key for key, origin in FACTOR_ORIGINS.items() if origin.primary)
    secondary = ", ".join(key for key, origin in FACTOR_ORIGINS.items() if not origin.primary)
    return (
        Choice(tuple(FACTOR_ORIGINS), load_default=default, metadata=doc(
            f"where the value comes from: {primary} (primary data) or {secondary} (secondary)")),
        Text(load_default=None, metadata=doc(
            "with origin = \"proxy\": the material or process the value stands in for, e.g. 铝合金铸件",
            printed=printed)),
        Number(load_default=None, minimum=0, maximum=100, metadata=doc(
            "with origin = \"supplier\": the share of primary data in the supplier's footprint (its "
            "PACT primaryDataShare); without it the value counts as secondary data", "%")),
    )


def _origin_agrees(data: dict) -> None:
    origin = data.get("origin")
    if origin == "proxy" and data.get("proxy_for") is None:
        raise ValidationError("a proxy names what it stands in for: add proxy_for = \"<material or "
                              "process>\"", "proxy_for")
    if data.get("proxy_for") is not None and origin != "proxy":
        raise ValidationError("proxy_for is only for origin = \"proxy\"; set origin = \"proxy\" or remove "
                              "proxy_for", "proxy_for")
    if data.get("primary_share_pct") is not None and origin != "supplier":
        raise ValidationError("primary_share_pct is the supplier's own share of primary data: only for "
                              "origin = \"supplier\"", "primary_share_pct")


class Declared(Table):
    value = Number(required=True, minimum=0,
                   metadata=doc("emission per unit of the line's activity", "see unit"))
    unit = Unit(required=True, metadata=doc("emission unit per activity unit, e.g. kgCO2e/台"))
    source = Text(load_default=None, metadata=doc("who declared it (supplier, EPD number, report)",
                                                  printed="table of declared emissions (chapter 4)"))
    origin, proxy_for, primary_share_pct = factor_origin_fields(
        default="supplier", printed="table of declared emissions (chapter 4)")
    year = Integer(load_default=None, minimum=1900, maximum=2100, metadata=doc(
        "reference year of the value; without it the temporal score is 5 (age unknown)"))

    @validates_schema
    def _origin(self, data: dict, **_: Any) -> None:
        _origin_agrees(data)


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


def activity_fields(data_type_doc: str) -> tuple[Choice, Choice]:
    """activity_origin and data_type: how a source's activity data were obtained."""
    primary = ", ".join(key for key, origin in ACTIVITY_ORIGINS.items() if origin.primary)
    secondary = ", ".join(key for key, origin in ACTIVITY_ORIGINS.items() if not origin.primary)
    return (
        Choice(tuple(ACTIVITY_ORIGINS), load_default=None, metadata=doc(
            f"how the activity data were obtained: {primary} (primary data) or {secondary} (secondary)")),
        Choice(DATA_TYPES, load_default=None, metadata=doc(
            f"{data_type_doc}; default: from activity_origin")),
    )


def _activity_agrees(data: dict) -> None:
    """data_type and activity_origin say the same thing; one of them is given."""
    origin, data_type = data.get("activity_origin"), data.get("data_type")
    if origin is None and data_type is None:
        raise ValidationError("say how the activity data were obtained: activity_origin = \"metered\", "
                              "\"recorded\", \"estimated\" … (or data_type = \"primary\" | \"secondary\")",
                              "activity_origin")
    if origin is not None and data_type is not None:
        implied = "primary" if ACTIVITY_ORIGINS[origin].primary else "secondary"
        if implied != data_type:
            raise ValidationError(f"data_type is {data_type} but activity_origin {origin!r} is {implied} "
                                  "data; remove data_type (activity_origin says it) or fix one", "data_type")


# -- disclosures: what a report states or says why it cannot ------------------------

REVIEW_TYPES = ("none", "critical-review", "verification")
REVIEW = "chapter 3, critical review and verification"


class Review(Table):
    type = Choice(REVIEW_TYPES, required=True, metadata=doc(
        "none, critical-review (ISO 14071, by an independent reviewer or panel) or verification "
        "(by a third-party body)"))
    by = Text(load_default=None, metadata=doc("who reviewed or verified: the body, panel or person",
                                              printed=REVIEW))
    standard = Text(load_default=None, metadata=doc(
        "to which standard, e.g. ISO/TS 14071:2014 or ISO 14064-3:2019", printed=REVIEW))
    date = Date(load_default=None, metadata=doc("when it was completed"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("scope, level or opinion",
                                                                      printed=REVIEW))

    @validates_schema
    def _who_what_when(self, data: dict, **_: Any) -> None:
        if data.get("type") in (None, "none"):
            return
        missing = [key for key in ("by", "standard", "date") if data.get(key) is None]
        if missing:
            raise ValidationError(f"a {data['type']} names who did it, to which standard and when: add "
                                  f"{', '.join(missing)}", missing[0])


class Packaging(Table):
    included = Boolean(required=True, metadata=doc("true when the packaging's emissions are counted"))
    lines = List(Identifier(), load_default=[], metadata=doc(
        "ids of the inventory lines and transport legs that are packaging, when included: their "
        "emissions are reported apart (in the PACT export as packagingGhgEmissions)"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "what the packaging is, or why none is counted (e.g. shipped unpacked)",
        printed="chapter 3, system boundary"))

    @validates_schema
    def _lines_or_reason(self, data: dict, **_: Any) -> None:
        _unique(data, "lines")
        if data.get("included") is False and data.get("lines"):
            raise ValidationError("packaging that is not counted has no lines; remove lines or set "
                                  "included = true", "lines")
        if data.get("included") is not None and not data.get("lines") and data.get("note") is None:
            what = "where its emissions are counted" if data["included"] else "why it is not counted"
            raise ValidationError(f"name the packaging lines (lines = [...]) or say {what} in note", "note")


class CarbonContent(Table):
    fossil = Number(load_default=None, minimum=0, metadata=doc(
        "fossil carbon contained in one functional unit of the product", "kgC"))
    biogenic = Number(load_default=None, minimum=0, metadata=doc(
        "biogenic carbon contained in one functional unit of the product", "kgC"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "how the contents were found, or why they are not known",
        printed="chapter 3, functional unit and reference flow"))

    @validates_schema
    def _something(self, data: dict, **_: Any) -> None:
        if all(data.get(key) is None for key in ("fossil", "biogenic", "note")):
            raise ValidationError("give fossil or biogenic (kg C per functional unit), or say in note why "
                                  "they are not known", "fossil")


class StageReason(Table):
    stage = Choice(STAGE_IDS, required=True, metadata=doc("life-cycle stage id"))
    product = Identifier(load_default=None, metadata=doc(
        "id of the product a stage without lines belongs to; default: every product"))
    reason = Text(required=True, max_length=LONG_TEXT, metadata=doc(
        "why the stage is outside the boundary, or inside it without lines",
        printed="chapter 3, system boundary (a stage outside it); chapter 4, under the stage (a stage "
                "without lines)"))


# -- pictures -------------------------------------------------------------------

_PICTURE_FILE = (f"PNG or JPEG file, relative to the spec file (at most {MAX_FILE_MB} MB and "
                 f"{MAX_MEGAPIXELS} million pixels)")


class Image(Table):
    """A picture the spec attaches, printed as a numbered figure."""

    file = Text(required=True, metadata=doc(_PICTURE_FILE, printed=NOT_PRINTED))
    file_en = Text(load_default=None, metadata=doc(
        "the picture an English report prints instead of file (its labels in English), in the same "
        "form; default: file", printed=NOT_PRINTED))
    caption = Text(required=True, metadata=doc("figure caption; the number ('图 2-1') is added",
                                               printed="figure caption"))
    source = Text(load_default=None, metadata=doc("where the picture comes from",
                                                   printed="under the figure"))
    width_pct = Number(load_default=100.0, minimum=10, maximum=100, metadata=doc(
        "printed width as a share of the text width; the height follows, and a tall picture is "
        "scaled down to fit the page", "%"))


class ChapterImage(Image):
    chapter = Choice(CHAPTERS, required=True, metadata=doc("chapter the figure is added to, at its end"))


def image_list(text: str) -> List:
    return tables(Image, text)


# -- report -------------------------------------------------------------------

SIGN_OFF = "sign-off block (information page), appendix C"


class Person(Table):
    duty = Choice(DUTIES, required=True, metadata=doc("prepared, reviewed or approved"))
    name = Text(required=True, metadata=doc("full name", printed=SIGN_OFF))
    role = Text(load_default=None, metadata=doc("role in the assessment, e.g. 评价组组长", printed=SIGN_OFF))
    organization = Text(load_default=None, metadata=doc("organisation, if not the assessor body",
                                                        printed="appendix C"))
    certificate = Text(load_default=None, metadata=doc("certificate or registration number",
                                                       printed=SIGN_OFF))
    date = Date(load_default=None, metadata=doc("date signed (on or before the issue date)"))
    signature = Text(load_default=None, metadata=doc(
        "signature picture for the sign-off block (PNG or JPEG, relative to the spec file; a transparent "
        "or white background prints best); without one the space stays blank for a handwritten signature",
        printed=NOT_PRINTED))


class Revision(Table):
    version = Text(required=True, metadata=doc("version of the report, e.g. A/0 or 1.1; unique",
                                               printed="revision history (information page)"))
    date = Date(required=True, metadata=doc("date of this version (on or before the issue date)"))
    author = Text(load_default=None, metadata=doc("who made this version",
                                                  printed="revision history (information page)"))
    description = Text(required=True, metadata=doc("what this version changed, e.g. 首次发布",
                                                   printed="revision history (information page)"))


class Precision(Table):
    decimals = Integer(load_default=None, minimum=0, maximum=6, metadata=doc(
        "decimal places of every result, e.g. 4 for 1,345.6139"))
    significant = Integer(load_default=None, minimum=1, maximum=10, metadata=doc(
        "significant digits of each product's total; its other results take the same decimals"))

    @validates_schema
    def _one_rule(self, data: dict, **_: Any) -> None:
        if data.get("decimals") is not None and data.get("significant") is not None:
            raise ValidationError("give either decimals or significant, not both", "significant")


class Report(Table):
    number = Text(required=True, metadata=doc("report number",
                                              printed="cover, page header, information table"))
    title = Text(load_default=None, metadata=doc("title; default '<product names>产品碳足迹评价报告'",
                                                 printed="cover, page header"))
    language = Choice(LANGUAGES, load_default="zh-CN", metadata=doc("report language"))
    issue_date = Date(required=True, metadata=doc("date of issue, e.g. 2024-06-07"))
    self_declared = Boolean(load_default=False, metadata=doc(
        "true when the company assesses its own product (no client, no outside assessor)"))
    assessor = Text(load_default=None, metadata=doc(
        "assessment body that prepares the report; required unless self_declared (then default: the "
        "company)", printed="cover, information table, abstract, sign-off block"))
    commissioned_by = Text(load_default=None, metadata=doc(
        "party that commissioned the study, if not the company itself",
        printed="cover, information table, abstract"))
    standards = List(Choice(STANDARDS), required=True, min_length=1,
                     metadata=doc("standards the study follows"))
    other_references = List(Text(), load_default=[], metadata=doc(
        "further documents relied on (guides, factor sets)", printed="chapter 1, appendix B"))
    purpose = Text(required=True, max_length=LONG_TEXT, metadata=doc("why the study is done",
                                                                     printed="chapter 3.1"))
    audience = List(Text(), load_default=[], metadata=doc("intended audience, one entry per group",
                                                          printed="chapter 3.1"))
    people = tables(Person, "assessment team: who prepared, reviewed and approved", required=True,
                    min_length=1)
    revisions = tables(Revision, "the report's versions, as the author states them, listed as written")
    revisions_from_git = Boolean(load_default=False, metadata=doc(
        "true to list, instead of revisions, the git commits that changed this spec up to the issue "
        "date (their messages are printed as written)"))
    precision = optional_table(Precision, "precision of results; default: 4 significant digits of each "
                                          "product's total, at least 2 decimals")
    template = Text(load_default=None, metadata=doc(
        "custom .docx report template, relative to the spec file; default: the shipped one",
        printed=NOT_PRINTED))
    seal = Text(load_default=None, metadata=doc(
        "the assessor's seal for the sign-off block (PNG with a transparent background, relative to the "
        "spec file); without one the space stays blank for a stamped seal", printed=NOT_PRINTED))
    comparative = Boolean(load_default=None, metadata=doc(
        "true when the results are meant for comparison with other products (needs product rules and "
        "a critical review); false when they are not, which the report says"))
    review = Nested(Review, load_default=None, metadata=doc(
        "critical review or verification of the study, or type = \"none\""))

    @validates_schema
    def _who_assesses(self, data: dict, **_: Any) -> None:
        if data.get("self_declared"):
            if data.get("commissioned_by") is not None:
                raise ValidationError("a self-declared study has no client; remove commissioned_by or set "
                                      "self_declared = false", "commissioned_by")
        elif data.get("assessor") is None:
            raise ValidationError("give assessor = \"…\" (the assessment body), or self_declared = true "
                                  "when the company assesses its own product", "assessor")
        if data.get("revisions") and data.get("revisions_from_git"):
            raise ValidationError("give either revisions or revisions_from_git = true, not both",
                                  "revisions_from_git")


# -- company --------------------------------------------------------------------

INFO = "information table"


class Contact(Table):
    name = Text(required=True, metadata=doc("contact person", printed=INFO))
    phone = Text(load_default=None, metadata=doc("phone number", printed=INFO, english=False))
    email = Text(load_default=None, metadata=doc("e-mail address", printed=INFO, english=False))


class ProcessStep(Table):
    name = Text(required=True, metadata=doc("name of the process step, e.g. 涂布", printed="chapter 2"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("one or two sentences",
                                                                              printed="chapter 2"))
    inputs = List(Text(), load_default=[], metadata=doc(
        "materials and energy fed into the step, e.g. 正极浆料, 电力", printed="process flow diagram"))
    outputs = List(Text(), load_default=[], metadata=doc(
        "what the step passes on or yields, e.g. 正极极片",
        printed="process flow diagram (arrow to the next step)"))
    wastes = List(Text(), load_default=[], metadata=doc(
        "waste streams and emissions leaving the step, e.g. 废边角料, 有机废气",
        printed="process flow diagram"))
    images = image_list("photos of the step, printed under the process flow")


EQUIPMENT = "equipment table (chapter 2)"


class Equipment(Table):
    name = Text(required=True, metadata=doc("equipment name", printed=EQUIPMENT))
    model = Text(load_default=None, metadata=doc("model designation", printed=EQUIPMENT))
    code = Text(load_default=None, metadata=doc("plant asset number", printed=EQUIPMENT))
    quantity = Integer(load_default=None, minimum=1, maximum=100_000, metadata=doc(
        "number of units; leave it out when unknown", "台/套"))
    manufacturer = Text(load_default=None, metadata=doc("manufacturer", printed=EQUIPMENT))
    note = Text(load_default=None, metadata=doc("remark for the reader", printed=EQUIPMENT))


OUTPUT = "output table (chapter 2), allocation table (chapter 3)"


class AnnualOutput(Table):
    product = Identifier(load_default=None, metadata=doc("id of an assessed product"))
    name = Text(load_default=None, metadata=doc("name of a product that is not assessed", printed=OUTPUT))
    amount = Number(required=True, positive=True, metadata=doc("output during the data period", "see unit"))
    unit = Unit(required=True, metadata=doc("unit of the output, e.g. 台, t, MWh"))
    value = Number(load_default=None, minimum=0,
                   metadata=doc("output value (economic allocation)", "company.output_value_unit"))
    mass = Nested(Quantity, load_default=None,
                  metadata=doc("total mass of the output, when the amount is not a mass"))
    note = Text(load_default=None, metadata=doc("remark for the reader", printed="output table (chapter 2)"))

    @validates_schema
    def _product_or_name(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "product", "name", "the product this output belongs to")


class Company(Table):
    name = Text(required=True, metadata=doc("registered company name",
                                            printed="cover, information table and throughout"))
    credit_code = Text(load_default=None, metadata=doc("unified social credit code (18 characters)",
                                                       printed=INFO, english=False))
    address = Text(required=True, metadata=doc("registered or site address", printed=INFO))
    legal_representative = Text(required=True, metadata=doc("legal representative", printed=INFO))
    registered_capital = Text(load_default=None, metadata=doc("registered capital as written", printed=INFO))
    contact = table(Contact, "authorised contact", required=True)
    introduction = Text(required=True, max_length=LONG_TEXT, metadata=doc("company introduction",
                                                                          printed="chapter 2"))
    site = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("production site description",
                                                                      printed="chapter 2"))
    site_images = image_list("site photos and layout plans, printed after the site description")
    process_steps = tables(ProcessStep, "production process steps in order")
    equipment = tables(Equipment, "main production equipment")
    output_value_unit = Text(load_default=None, metadata=doc(
        "unit of annual_output.value; default 万元 (10,000 CNY)", printed="output table (chapter 2)"))
    annual_output = tables(AnnualOutput, "annual output per product during the data period")


# -- products and inventory --------------------------------------------------------

class InventoryLine(Table):
    id = Identifier(required=True, metadata=doc("line id, unique within the product"))
    stage = Choice(STAGE_IDS, required=True, metadata=doc("life-cycle stage id"))
    name = Text(required=True, metadata=doc("material, energy carrier or process",
                                            printed="activity data and calculation tables"))
    model = Text(load_default=None, metadata=doc("model, grade or specification, e.g. Q235B or 32209",
                                                 printed="activity data table, after the name"))
    supplier = Text(load_default=None, metadata=doc("supplier of a material or part",
                                                    printed="activity data table, beside the source"))
    supplier_location = Text(load_default=None, metadata=doc(
        "where the supplier ships from, e.g. 河北省唐山市",
        printed="activity data table, after the supplier"))
    amount = Number(required=True, minimum=0, metadata=doc("activity amount per inventory_per", "see unit"))
    unit = Unit(required=True, metadata=doc("activity unit, e.g. kg, kWh, Nm3, 台"))
    factor = Identifier(load_default=None, metadata=doc("id of the emission factor applied"))
    declared = Nested(Declared, load_default=None,
                      metadata=doc("supplier-declared emission per unit, instead of a factor"))
    activity_origin, data_type = activity_fields("primary or secondary activity data")
    source = Text(load_default=None, metadata=doc("where the amount comes from, as the client may read it",
                                                  printed="activity data table (chapter 4)"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "remark for the reader", printed="note under the stage's activity data (chapter 4)"))
    annual_total = Boolean(load_default=False, metadata=doc(
        "true when amount is the plant total for the data period, to be allocated and "
        "divided by the product's annual output"))
    excluded = Boolean(load_default=False, metadata=doc(
        "true to cut the line off: listed and estimated, not counted (see [cutoff])"))
    factor_rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "why this factor is used for the line although check questions it (a grid region other than "
        "the site's, e.g. under a direct supply contract; a grid CO2 emission factor in a product "
        "footprint); clears those warnings", printed=NOT_PRINTED))
    quality, gsd, category = emission_source_fields()

    @validates_schema
    def _factor_or_declared(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "factor", "declared", "how the emission is found")

    @validates_schema
    def _activity(self, data: dict, **_: Any) -> None:
        _activity_agrees(data)


TRANSPORT = "transport data table (chapter 4)"
DESTINATIONS = "destinations table (chapter 4)"


class TransportLeg(Table):
    id = Identifier(required=True, metadata=doc("leg id, unique within the product"))
    name = Text(load_default=None, metadata=doc(
        "label; default '<carried line>运输', spaced after a letter or digit: '轴承 32209 运输'",
        printed="transport data and calculation tables"))
    stage = Choice(STAGE_IDS, load_default="raw_material_transport", metadata=doc("life-cycle stage id"))
    carries = Identifier(load_default=None, metadata=doc("id of the inventory line whose mass is carried"))
    mass = Nested(Quantity, load_default=None, metadata=doc("mass carried per inventory_per, if no line"))
    distance_km = Number(required=True, positive=True, maximum=MAX_DISTANCE_KM,
                         metadata=doc("one-way distance", "km"))
    mode = Choice(TRANSPORT_MODES, load_default="road", metadata=doc("road, rail, water, air or pipeline"))
    vehicle = Text(load_default=None, metadata=doc("vehicle, e.g. 18 t 柴油货车", printed=TRANSPORT))
    factor = Identifier(required=True, metadata=doc("id of a factor per t·km"))
    activity_origin, data_type = activity_fields("primary or secondary data on mass and distance")
    source = Text(load_default=None, metadata=doc("where distance and mass come from", printed=TRANSPORT))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "remark for the reader", printed="note under the stage's activity data (chapter 4)"))
    quality, gsd, category = emission_source_fields()

    @validates_schema
    def _carries_or_mass(self, data: dict, **_: Any) -> None:
        _exactly_one(data, "carries", "mass", "what is carried")
        if data.get("mass") is not None and data.get("name") is None:
            raise ValidationError("a leg that carries a mass needs a name, e.g. name = \"电机运输\"", "name")

    @validates_schema
    def _activity(self, data: dict, **_: Any) -> None:
        _activity_agrees(data)


class Destination(Table):
    id = Identifier(required=True, metadata=doc("destination id, unique within the product"))
    name = Text(required=True, metadata=doc("destination, e.g. 山东",
                                            printed="destinations and calculation tables"))
    share_pct = Number(required=True, positive=True, maximum=100, metadata=doc("share of sales", "%"))
    distance_km = Number(required=True, positive=True, maximum=MAX_DISTANCE_KM,
                         metadata=doc("distance from the plant", "km"))
    factor = Identifier(load_default=None, metadata=doc("factor id, if not distribution.factor"))
    mode = Choice(TRANSPORT_MODES, load_default=None, metadata=doc("mode, if not distribution.mode"))
    vehicle = Text(load_default=None, metadata=doc("vehicle, if not distribution.vehicle",
                                                   printed=DESTINATIONS))


class Distribution(Table):
    mass = Nested(Quantity, load_default=None,
                  metadata=doc("mass shipped per functional unit; default: the product's mass"))
    factor = Identifier(load_default=None, metadata=doc("factor per t·km for every destination"))
    mode = Choice(TRANSPORT_MODES, load_default="road", metadata=doc("transport mode"))
    vehicle = Text(load_default=None, metadata=doc("vehicle", printed=DESTINATIONS))
    activity_origin, data_type = activity_fields("primary or secondary data on shares and distances")
    source = Text(load_default=None, metadata=doc("where shares and distances come from",
                                                  printed="chapter 4, above the destinations table"))
    destinations = tables(Destination, "where the product goes, by share of sales", required=True,
                          min_length=1)
    quality, gsd, category = emission_source_fields()

    @validates_schema
    def _activity(self, data: dict, **_: Any) -> None:
        _activity_agrees(data)


class Product(Table):
    id = Identifier(required=True, metadata=doc("product id"))
    name = Text(required=True, metadata=doc("product name", printed="title, cover and throughout"))
    model = Text(load_default=None, metadata=doc("model or specification",
                                                 printed="information table, chapter 2"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("product description",
                                                                              printed="chapter 2"))
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
    reference_flow = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "the reference flow of one functional unit, or why none is stated; not needed when the "
        "functional unit is a mass or mass_per_unit is given",
        printed="chapter 3, functional unit and reference flow"))
    packaging = Nested(Packaging, load_default=None, metadata=doc("whether packaging is counted, and why"))
    carbon_content = Nested(CarbonContent, load_default=None, metadata=doc(
        "carbon contained in one functional unit, or why it is not known"))


# -- scope and method ---------------------------------------------------------------

class DataPeriod(Table):
    start = Date(required=True, metadata=doc("first day of the activity data"))
    end = Date(required=True, metadata=doc("last day of the activity data"))


PROCESSES = "processes table (chapter 3)"
EXCLUSIONS = "list of exclusions (chapter 3)"


class BoundaryProcesses(Table):
    stage = Choice(STAGE_IDS, required=True, metadata=doc("life-cycle stage id"))
    included = List(Text(), load_default=[], metadata=doc("processes included in the stage",
                                                          printed=PROCESSES))
    excluded = List(Text(), load_default=[], metadata=doc("processes left out of the stage",
                                                          printed=PROCESSES))


class BoundaryExclusion(Table):
    item = Text(required=True, metadata=doc("what is left out, e.g. capital goods", printed=EXCLUSIONS))
    reason = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("why", printed=EXCLUSIONS))


class StageNames(Table):
    """A display name per life-cycle stage; the id stays what the spec refers to."""


for _stage in STAGES:
    StageNames._declared_fields[_stage.id] = Text(load_default=None, metadata=doc(
        f"name printed for {_stage.id} (default {_stage.name('zh-CN')} / {_stage.name('en')})",
        printed="every table, chart and text naming the stage"))
    StageNames._declared_fields[f"{_stage.id}_en"] = english_twin(StageNames._declared_fields[_stage.id],
                                                                   _stage.id)


class Boundary(Table):
    type = Choice(BOUNDARY_TYPES, required=True,
                  metadata=doc("cradle-to-gate, cradle-to-grave or gate-to-gate"))
    stages = List(Choice(STAGE_IDS), required=True, min_length=1,
                  metadata=doc("life-cycle stages inside the boundary"))
    processes = tables(BoundaryProcesses, "included / excluded processes per stage")
    exclusions = tables(BoundaryExclusion, "items outside the boundary, with reasons")
    stage_names = optional_table(StageNames, "names the report prints for stages, by stage id, e.g. "
                                             "{ distribution = \"成品运输\" }")
    stage_reasons = tables(StageReason, "why a stage is outside the boundary, or inside it without lines")
    images = image_list("further boundary figures (a drawn life-cycle diagram), printed after the "
                        "derived one")


class Allocation(Table):
    method = Choice(ALLOCATION_METHODS, load_default="none",
                    metadata=doc("none, physical, mass or economic"))
    rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc("why this method",
                                                                           printed="chapter 3"))


class Cutoff(Table):
    mass_threshold_pct = Number(load_default=1.0, minimum=0, maximum=100, metadata=doc(
        "an input below this share of product mass may be left out", "%"))
    total_threshold_pct = Number(load_default=5.0, minimum=0, maximum=100, metadata=doc(
        "all left-out inputs together stay below this share", "%"))
    rules = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("further cut-off rules",
                                                                           printed="chapter 3"))


class Method(Table):
    gwp = Choice(tuple(gwp_sets()), required=True, metadata=doc("IPCC GWP100 set: AR4, AR5 or AR6"))
    databases = List(Text(), load_default=[], metadata=doc("background databases used",
                                                           printed="abstract, chapter 3, appendix B"))
    software = Text(load_default=None, metadata=doc("LCA software used, if any", printed="chapter 3"))
    data_collection = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "how data were collected", printed="chapter 4"))
    electricity = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "how electricity is modelled: the factor, whether it covers upstream supply and transmission "
        "losses, and why it fits", printed="chapter 3, data sources"))
    product_rules = List(Text(), load_default=None, metadata=doc(
        "product category rules (PCR) or sector guidance followed; [] to state that none applies",
        printed="chapter 1, appendix B"))
    offsets = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "offsets or certificates the company holds; none is ever counted in the footprint",
        printed="chapter 3, impact category and method"))
    use_profile = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "use-stage profile: service life, pattern of use, energy per use",
        printed="chapter 3, system boundary"))
    end_of_life = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "end-of-life scenario: treatment routes and their shares", printed="chapter 3, system boundary"))


FACTOR_STATUSES = ("verified", "third-party", "unverified")


class Derivation(Table):
    ncv = Number(required=True, positive=True, metadata=doc("net calorific value", "see ncv_unit"))
    ncv_unit = Unit(required=True, metadata=doc("unit of the NCV, e.g. GJ/t or GJ/(10⁴Nm³)"))
    carbon_content = Number(required=True, positive=True, metadata=doc("carbon per unit of heat", "tC/TJ"))
    oxidation = Number(required=True, positive=True, maximum=1,
                       metadata=doc("carbon oxidation rate", "fraction"))


class Factor(Table):
    id = Identifier(required=True, metadata=doc("factor id that lines refer to"))
    name = Text(required=True, metadata=doc("what the factor describes",
                                            printed="emission factor table, appendix A"))
    value = Number(load_default=None, minimum=0, metadata=doc("emission per unit of activity", "see unit"))
    unit = Unit(required=True, metadata=doc("e.g. kgCO2e/kWh, tCO2e/t, kgCO2e/(t*km), kgCH4/GJ, kg/TJ"))
    gas = Choice(gas_ids(), load_default=None, metadata=doc(
        "gas the value is a mass of; default from the unit, else CO2e"))
    gases = GasAmounts(single_gases(), load_default=None, metadata=doc(
        "several gases instead of value, each per unit: { CO2 = 74100, CH4 = 3, N2O = 0.6 }"))
    derivation = Nested(Derivation, load_default=None, metadata=doc(
        "instead of value: NCV × carbon content × oxidation × 44/12 (a CO2 factor)"))
    source = Text(load_default=None, metadata=doc("publication and issuer, as a reader would cite them",
                                                  printed="appendix A"))
    cited_from = Text(load_default=None, metadata=doc(
        "where the value was read, when not in the source itself (a report or database that quotes it)",
        printed="appendix A, as 数值转引自 …"))
    year = Integer(load_default=None, minimum=1900, maximum=2100, metadata=doc("reference year"))
    region = Text(load_default=None, metadata=doc("region the factor represents",
                                                  printed="emission factor table, appendix A"))
    status = Choice(FACTOR_STATUSES, load_default=None, metadata=doc(
        "verified, third-party (transcribed by others) or unverified"))
    category = Choice(GHG_CATEGORIES, load_default="fossil", metadata=doc(
        "ISO 14067 category of what it emits: fossil, biogenic, dluc or aircraft"))
    note = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "remark for the author (`pcfdoc factors` shows it)", printed=NOT_PRINTED))
    kind = Choice(tuple(FACTOR_KINDS), load_default=None, metadata=doc(
        "electricity, fuel, material, water or freight; check compares the value with the library's "
        "factors of that kind"))
    scope = Choice(tuple(FACTOR_SCOPES), load_default=None, metadata=doc(
        "what it counts: cradle-to-gate, life-cycle (a carbon-footprint factor), combustion (CO2 of "
        "burning only) or transport"))
    published = Date(load_default=None, metadata=doc(
        "date the source made the value public; check suggests only factors published by the issue "
        "date and questions one published after it"))
    value_rationale = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "why this value is used although it lies far from the library's factors of its kind; "
        "clears that warning", printed=NOT_PRINTED))
    override = Boolean(load_default=False, metadata=doc(
        "true to replace a library factor with the same id"))
    origin, proxy_for, primary_share_pct = factor_origin_fields()

    @validates_schema
    def _origin(self, data: dict, **_: Any) -> None:
        _origin_agrees(data)

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

    source = Text(required=True, metadata=doc("publication and issuer, as a reader would cite them",
                                              printed="appendix A"))
    status = Choice(FACTOR_STATUSES, required=True, metadata=doc(
        "verified, third-party (transcribed by others) or unverified"))


class LibraryFile(Table):
    origin = Choice(tuple(key for key in FACTOR_ORIGINS if key != "proxy"), load_default=None, metadata=doc(
        "where the values of the file's factors come from, for each factor that does not say"))
    factors = tables(LibraryFactor, "factor records", required=True, min_length=1)

    @post_load
    def to_node(self, data: dict[str, Any], **_: Any) -> Node:
        for factor in data["factors"]:
            if factor.origin is None:
                factor.origin = data["origin"]
        return Node(**data)


class Library(Table):
    paths = List(Text(), load_default=[], metadata=doc(
        "factor library files or folders of *.toml files, relative to the spec", printed=NOT_PRINTED))


class Improvement(Table):
    title = Text(required=True, metadata=doc("measure, in a few words", printed="chapter 7 heading"))
    description = Text(required=True, max_length=LONG_TEXT, metadata=doc("what will be done",
                                                                          printed="chapter 7"))
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
    distance_km = Number(load_default=None, positive=True, maximum=MAX_DISTANCE_KM, metadata=doc(
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
    name = Text(required=True, metadata=doc("short name, e.g. 使用绿色电力",
                                            printed="scenario analysis (chapter 5), chapter 7"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "what the scenario assumes", printed="scenario analysis (chapter 5)"))
    product = Identifier(load_default=None, metadata=doc("product id; default: every product it changes"))
    changes = tables(Change, "what differs from the baseline", required=True, min_length=1)


class Variant(Table):
    id = Identifier(required=True, metadata=doc("model id; the report is built as <spec name>-<id>.docx"))
    product = Identifier(load_default=None, metadata=doc("id of the base product; default: the only one"))
    name = Text(load_default=None, metadata=doc("product name of this model; default: the base's",
                                                printed="as products.name"))
    model = Text(load_default=None, metadata=doc("model designation, e.g. SMC-10",
                                                 printed="as products.model"))
    description = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "product description", printed="as products.description"))
    report_number = Text(load_default=None, metadata=doc(
        "report number of this model; default: the base number, a hyphen and the id",
        printed="as report.number"))
    mass_per_unit = Nested(Quantity, load_default=None, metadata=doc("mass of one unit of this model"))
    amounts = Amounts(load_default=dict, metadata=doc(
        "new amounts by line id, in each line's unit: { grey-iron = 18.5, motor = 1 }"))


class DataQualityDefaults(Table):
    primary = optional_table(Pedigree, "scores of primary-data lines that give none")
    secondary = optional_table(Pedigree, "scores of secondary-data lines that give none")


UNCERTAINTY_METHODS = ("monte-carlo", "qualitative")


class UncertaintySettings(Table):
    method = Choice(UNCERTAINTY_METHODS, load_default="monte-carlo", metadata=doc(
        "monte-carlo (a simulation from the pedigree scores) or qualitative (a discussion only)"))
    sensitivity = Boolean(load_default=True, metadata=doc(
        "whether the one-at-a-time sensitivity analysis is done"))
    discussion = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "the main sources of uncertainty and their likely effect, in words (with either method)",
        printed="chapter 5"))
    iterations = Integer(load_default=10_000, minimum=1_000, maximum=1_000_000, metadata=doc(
        "Monte Carlo iterations"))
    seed = Integer(load_default=1, minimum=0, maximum=2**63 - 1, metadata=doc(
        "random seed: the same seed gives the same results"))
    sensitivity_pct = Number(load_default=10.0, positive=True, maximum=100, metadata=doc(
        "step of the one-at-a-time sensitivity analysis", "%"))


class Notes(Table):
    assumptions = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("assumptions made",
                                                                                 printed="chapter 6"))
    limitations = List(Text(max_length=LONG_TEXT), load_default=[], metadata=doc("limitations",
                                                                                 printed="chapter 6"))
    data_quality = Text(load_default=None, max_length=LONG_TEXT, metadata=doc(
        "data quality statement", printed="chapter 5"))
    value_choices = List(Text(max_length=LONG_TEXT), load_default=None, metadata=doc(
        "value choices made and why (a factor year, an allocation basis …); [] to state that none was made",
        printed="chapter 6, assumptions and limitations"))


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
    fossil_carbon_content = Number(load_default=None, minimum=0, metadata=doc(
        "fossil carbon in one functional unit; default, and better: products[].carbon_content.fossil, "
        "which the report states too", "kgC"))
    biogenic_carbon_content = Number(load_default=None, minimum=0, metadata=doc(
        "biogenic carbon in one functional unit; default, and better: products[].carbon_content.biogenic",
        "kgC"))
    biogenic_co2_uptake = Number(required=True, maximum=0, metadata=doc(
        "CO2 taken up by the biomass in one functional unit, as a negative number; 0 when the "
        "product holds no biomass", "kgCO2e"))
    ccs_included = Boolean(load_default=False, metadata=doc(
        "true when CO2 is captured and stored geologically (CCS) within the boundary; pcfdoc's "
        "calculation subtracts no captured CO2, so the amount is not reported"))

    @validates_schema
    def _once(self, data: dict, **_: Any) -> None:
        _unique(data, "ids")
        _unique(data, "classifications")


class Pact(Table):
    """What `pcfdoc build --pact` needs besides the calculation: identifiers, biogenic uptake."""

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
    uncertainty = optional_table(UncertaintySettings, "the uncertainty and sensitivity analyses done")
    notes = optional_table(Notes, "assumptions, limitations, data quality")
    images = tables(ChapterImage, "further figures, each added at the end of its chapter")
    pact = Nested(Pact, load_default=None, metadata=doc(
        "identifiers and biogenic uptake for a PACT v3 data exchange (pcfdoc build --pact)"))
