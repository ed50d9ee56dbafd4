"""Where data come from: the origin of a line's activity data and of its emission factor.

The two are rated apart. PACT's primary data share counts an emission as primary only when
both its activity data and its emission factor are primary (see pcfdoc.calc.primary); the
pedigree scores of the activity data (reliability, completeness) and of the factor
(temporal, geographical, technological) take their defaults from these origins when a spec
states none (see pcfdoc.calc.quality).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    id: str
    names: dict[str, str]
    meaning: str  # one line, for the spec reference and messages
    primary: bool

    def name(self, language: str) -> str:
        return self.names[language]


def _table(*origins: Origin) -> dict[str, Origin]:
    return {origin.id: origin for origin in origins}


ACTIVITY_ORIGINS: dict[str, Origin] = _table(
    Origin("measured", {"zh-CN": "现场实测", "en": "measured"},
           "measured at the site for this study (weighing, sampling, a test run)", True),
    Origin("metered", {"zh-CN": "计量表读数", "en": "metered"},
           "read from a utility meter or sub-meter over the data period", True),
    Origin("billed", {"zh-CN": "票据记录", "en": "billed"},
           "from invoices, purchase, delivery or fuel-issue records", True),
    Origin("recorded", {"zh-CN": "企业统计", "en": "recorded"},
           "from the company's production statistics, bill of materials or ERP records", True),
    Origin("calculated", {"zh-CN": "由企业数据计算", "en": "calculated"},
           "calculated from the company's own records (a plant total per unit of output, "
           "recorded masses × recorded distances)", True),
    Origin("supplier", {"zh-CN": "供应商提供", "en": "supplier"},
           "stated by the supplier for its own delivery or process", True),
    Origin("estimated", {"zh-CN": "估算", "en": "estimated"},
           "an estimate or assumption (average distances, expert judgement)", False),
    Origin("literature", {"zh-CN": "文献或数据库", "en": "literature"},
           "taken from a database, a publication or another study", False),
    Origin("scenario", {"zh-CN": "情景假设", "en": "scenario"},
           "a modelled scenario (use profile, end-of-life route)", False),
)

FACTOR_ORIGINS: dict[str, Origin] = _table(
    Origin("site", {"zh-CN": "企业实测", "en": "site-specific"},
           "from measurements at the company's own site (process emissions, a fuel's measured "
           "carbon content)", True),
    Origin("supplier", {"zh-CN": "供应商特定", "en": "supplier-specific"},
           "the supplier's own footprint of what it delivers (its PCF or EPD); counts as primary "
           "data by the share of primary data the supplier states (primary_share_pct)", True),
    Origin("database", {"zh-CN": "数据库", "en": "database"},
           "a dataset of an LCA or emission-factor database (CLCD, CPCD, ecoinvent, GaBi)", False),
    Origin("literature", {"zh-CN": "公开文献", "en": "literature"},
           "a publication: an official factor announcement, a standard, a guideline, a paper or "
           "another study's report", False),
    Origin("proxy", {"zh-CN": "近似替代", "en": "proxy"},
           "the factor of another material or process standing in for this one (proxy_for names "
           "what it stands in for)", False),
)


def meanings(origins: dict[str, Origin]) -> str:
    """'measured (measured at the site …), metered (…)' for messages and docs."""
    return "; ".join(f"{origin.id}: {origin.meaning}" for origin in origins.values())
