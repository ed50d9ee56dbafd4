"""Fixed vocabularies of a spec: life-cycle stages, boundary types, standards, report languages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    id: str
    names: dict[str, str]

    def name(self, language: str) -> str:
        return self.names[language]


STAGES: tuple[Stage, ...] = (
    Stage("raw_material", {"zh-CN": "原材料获取", "en": "Raw material acquisition"}),
    Stage("raw_material_transport", {"zh-CN": "原材料运输", "en": "Raw material transport"}),
    Stage("production", {"zh-CN": "产品生产", "en": "Production"}),
    Stage("distribution", {"zh-CN": "产品分销", "en": "Distribution"}),
    Stage("use", {"zh-CN": "产品使用", "en": "Use"}),
    Stage("end_of_life", {"zh-CN": "生命末期处置", "en": "End of life"}),
)
STAGE_IDS: tuple[str, ...] = tuple(stage.id for stage in STAGES)
STAGE_BY_ID = {stage.id: stage for stage in STAGES}

#: Report languages; each has a template (templates/<language>/report.docx) and a vocabulary.
LANGUAGES = ("zh-CN", "en")


@dataclass(frozen=True)
class BoundaryType:
    id: str
    names: dict[str, str]
    required: frozenset[str]
    forbidden: frozenset[str]


BOUNDARY_TYPES: dict[str, BoundaryType] = {
    b.id: b
    for b in (
        # Cradle-to-gate may also count transport to the customer (a variation seen in
        # real reports), but never the use or end of life of the product.
        BoundaryType(
            "cradle-to-gate",
            {"zh-CN": "从摇篮到大门", "en": "cradle-to-gate"},
            frozenset({"raw_material", "production"}),
            frozenset({"use", "end_of_life"}),
        ),
        BoundaryType(
            "cradle-to-grave",
            {"zh-CN": "从摇篮到坟墓", "en": "cradle-to-grave"},
            frozenset({"raw_material", "production", "use", "end_of_life"}),
            frozenset(),
        ),
        BoundaryType(
            "gate-to-gate",
            {"zh-CN": "从大门到大门", "en": "gate-to-gate"},
            frozenset({"production"}),
            frozenset({"raw_material", "raw_material_transport", "distribution", "use", "end_of_life"}),
        ),
    )
}


@dataclass(frozen=True)
class Standard:
    id: str
    title_zh: str
    issuer_zh: str
    year: int
    superseded_by: str | None = None
    title_en: str = ""
    issuer_en: str = ""

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_zh

    def issuer(self, language: str) -> str:
        return self.issuer_en if language == "en" else self.issuer_zh


_ISO = ("国际标准化组织（ISO）", "the International Organization for Standardization (ISO)")

STANDARDS: dict[str, Standard] = {
    s.id: s
    for s in (
        Standard("ISO 14067:2018", "温室气体 产品碳足迹 量化要求和指南", _ISO[0], 2018,
                 title_en="Greenhouse gases — Carbon footprint of products — Requirements and guidelines for "
                          "quantification", issuer_en=_ISO[1]),
        Standard("GB/T 24067-2024", "温室气体 产品碳足迹 量化要求和指南",
                 "国家市场监督管理总局、国家标准化管理委员会", 2024,
                 title_en="Greenhouse gases — Carbon footprint of products — Requirements and guidelines for "
                          "quantification",
                 issuer_en="the State Administration for Market Regulation and the Standardization "
                           "Administration of China"),
        Standard("PAS 2050:2011", "商品和服务在生命周期内的温室气体排放评价规范",
                 "英国标准协会（BSI）", 2011,
                 title_en="Specification for the assessment of the life cycle greenhouse gas emissions of "
                          "goods and services", issuer_en="the British Standards Institution (BSI)"),
        Standard("GHG Protocol Product Standard", "温室气体核算体系：产品生命周期核算与报告标准",
                 "世界资源研究所（WRI）和世界可持续发展工商理事会（WBCSD）", 2011,
                 title_en="Greenhouse Gas Protocol Product Life Cycle Accounting and Reporting Standard",
                 issuer_en="the World Resources Institute (WRI) and the World Business Council for "
                           "Sustainable Development (WBCSD)"),
        Standard("ISO 14040:2006", "环境管理 生命周期评价 原则与框架", _ISO[0], 2006,
                 title_en="Environmental management — Life cycle assessment — Principles and framework",
                 issuer_en=_ISO[1]),
        Standard("ISO 14044:2006", "环境管理 生命周期评价 要求与指南", _ISO[0], 2006,
                 title_en="Environmental management — Life cycle assessment — Requirements and guidelines",
                 issuer_en=_ISO[1]),
        Standard("ISO/TS 14067:2013", "温室气体 产品碳足迹 量化和信息交流的要求与指南", _ISO[0], 2013,
                 superseded_by="ISO 14067:2018",
                 title_en="Greenhouse gases — Carbon footprint of products — Requirements and guidelines for "
                          "quantification and communication", issuer_en=_ISO[1]),
    )
}

ALLOCATION_METHODS = {
    "none": "no allocation: the product is the only output sharing these totals",
    "physical": "by physical output (annual output amounts, all in one unit)",
    "mass": "by mass of the annual outputs",
    "economic": "by economic value of the annual outputs",
}

DATA_TYPES = ("primary", "secondary")
#: ISO 14067 reports these separately: fossil, biogenic, direct land-use change, aircraft.
GHG_CATEGORIES = ("fossil", "biogenic", "dluc", "aircraft")
#: The activity unit of every transport line: mass moved times distance.
FREIGHT_UNIT = "t*km"
TRANSPORT_MODES = ("road", "rail", "water", "air", "pipeline")
DUTIES = ("prepared", "reviewed", "approved")
#: The report's numbered chapters by the id a spec uses to add a figure to one, with their numbers.
CHAPTERS = {"introduction": 1, "company": 2, "scope": 3, "data": 4, "calculation": 5, "interpretation": 6,
            "improvement": 7, "closing": 8}
RESULT_UNITS = ("gCO2e", "kgCO2e", "tCO2e")

_TRANSPORT_LABELS = {
    "zh-CN": ("{name}运输", "产品运输至{name}"),
    "en": ("Transport of {name}", "Distribution to {name}"),
}


def transport_label(language: str, name: str, *, distribution: bool = False) -> str:
    """Name of a computed transport line: '灰铁铸件运输', '轴承 32209 运输', '产品运输至山东',
    'Transport of grey iron castings'."""
    # A material reads as a common noun inside the label; a destination is a place name and stays.
    if language == "en" and not distribution and name[1:2].islower():
        name = name[:1].lower() + name[1:]
    before, _, after = _TRANSPORT_LABELS[language][distribution].partition("{name}")
    if language == "zh-CN":
        before += " " if _needs_space(before, name) else ""
        after = (" " if _needs_space(name, after) else "") + after
    return f"{before}{name}{after}"


def _needs_space(left: str, right: str) -> bool:
    """Chinese text keeps a space where it meets a Latin letter or digit, as the reports print it."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return False
    a, b = left[-1], right[0]
    latin = [c.isascii() and c.isalnum() for c in (a, b)]
    chinese = [not c.isascii() and c.isalpha() for c in (a, b)]
    return latin[0] != latin[1] and any(chinese) and any(latin)


@dataclass(frozen=True)
class FactorTerm:
    """A kind or scope of emission factor, with its names and what it means."""

    id: str
    names: dict[str, str]
    meaning: str

    def name(self, language: str) -> str:
        return self.names[language]


#: What a factor is for. The plausibility checks compare a factor with the library's factors of its kind.
FACTOR_KINDS: dict[str, FactorTerm] = {
    k.id: k
    for k in (
        FactorTerm("electricity", {"zh-CN": "电力", "en": "electricity"},
                   "per kWh of electricity: grid averages, generation types, transmission and distribution"),
        FactorTerm("fuel", {"zh-CN": "燃料", "en": "fuel"}, "per amount of a fuel burnt"),
        FactorTerm("material", {"zh-CN": "材料", "en": "material"}, "per amount of a material bought"),
        FactorTerm("water", {"zh-CN": "水", "en": "water"}, "per amount of water supplied"),
        FactorTerm("freight", {"zh-CN": "货运", "en": "freight"}, "per tonne-kilometre of freight transport"),
    )
}

#: What a factor counts. A product footprint needs life-cycle (footprint) factors; a combustion
#: factor counts only the CO2 of burning, which is what organisations' emissions accounting asks for.
FACTOR_SCOPES: dict[str, FactorTerm] = {
    s.id: s
    for s in (
        FactorTerm("cradle-to-gate", {"zh-CN": "从摇篮到大门", "en": "cradle-to-gate"},
                   "from raw-material extraction to the producer's gate, all greenhouse gases as CO2e"),
        FactorTerm("life-cycle", {"zh-CN": "全生命周期（碳足迹因子）", "en": "life cycle (carbon footprint)"},
                   "the life cycle of the energy or service supplied, all greenhouse gases as CO2e"),
        FactorTerm("combustion", {"zh-CN": "仅燃烧排放的二氧化碳", "en": "combustion CO2 only"},
                   "CO2 from burning the fuel only (for grid factors, at the power plants): no upstream "
                   "supply chain, no CH4 or N2O"),
        FactorTerm("transport", {"zh-CN": "运输过程", "en": "transport service"},
                   "per tonne-kilometre of the transport service as the source publishes it; the sources "
                   "read do not say whether the fuel supply chain is included"),
    )
}
