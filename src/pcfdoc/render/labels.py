"""Display labels per report language (sentences live in the templates).

Besides labels, each vocabulary carries the few rules that differ by language:
how a date is written, how a list is joined, how a name reads inside a sentence
and how a remark is put in brackets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import MappingProxyType

from ..formatting import date_zh, pretty_unit
from ..vocab.units import ENGLISH_COUNT_WORDS

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def date_en(value: dt.date) -> str:
    """'7 June 2024'."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def join_en(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def quantity_en(number: str, unit: str, value: float) -> str:
    """'16,340 units', '1 unit', '225,500 kWh': a counting word takes its plural."""
    shown = pretty_unit(unit, "en")
    return f"{number} {shown}s" if shown in ENGLISH_COUNT_WORDS and value != 1 else f"{number} {shown}"


#: Counting words that read as the thing itself: 'one valve actuator', not '1 unit of valve actuator'.
_ONE_OF = frozenset(("unit", "item", "piece"))


def fu_text_en(amount: str, unit: str, name: str) -> str:
    """'one valve actuator', '10 units of valve actuator', '1 MWh of battery cells'."""
    if amount == "1" and unit in _ONE_OF:
        return f"one {name}"
    if amount == "1" and unit in ENGLISH_COUNT_WORDS:
        return f"one {unit} of {name}"
    return f"{quantity_en(amount, unit, 2.0 if amount != '1' else 1.0)} of {name}"


def per_en(amount: str, unit: str) -> str:
    """'per unit', 'per MWh', 'per 1,000 kg'."""
    return f"per {unit}" if amount == "1" else f"per {amount} {unit}"


def in_text_en(name: str) -> str:
    """A label as it reads inside an English sentence: 'Raw material acquisition' → 'raw material
    acquisition'; acronyms and names that start with two capitals stay as they are."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


ZH = MappingProxyType({
    "language": "zh-CN",
    "date": date_zh,
    "join": "、".join,  # names in running text
    "clause_join": "，".join,  # whole clauses
    "in_text": lambda name: name,
    "paren": "{}（{}）",  # a name with a remark: 电机（活动数据）
    "brackets": ("（", "）"),
    "period": "{start}至{end}",
    "name_value": "{name}：{value}",
    "fu_text": lambda amount, unit, name: f"{amount} {unit}{name}",
    "boundary_summary": "{type}：{stages}",
    "standard_cite": "{id}《{title}》",  # a standard named in a sentence
    "standard_ref": "{id}《{title}》",  # a standard in a list of references
    "document_ref": "{}",  # as written: 'GB/T 2589-2020《综合能耗计算通则》' carries its own 《》
    "value_sep": "；",
    "revision": "{number}（{commit}）",
    "unit": lambda unit: pretty_unit(unit, "zh-CN"),
    "quantity": lambda number, unit, value: f"{number} {pretty_unit(unit, 'zh-CN')}",
    "draft": "草稿",
    "assessor_label": {False: "评价机构", True: "编制单位"},
    "seal": {False: "评价机构（盖章）", True: "编制单位（盖章）"},
    "output_value_unit": "万元",
    "cited_from": "数值转引自{}",
    "derivation_label": "计算方法：{}",
    "not_applicable": "—",
    "not_quantified": "未量化",
    "reduction_basis": {"scenario": "情景“{}”", "percent": "预计降低 {}%"},
    "stage_target": "{}阶段",
    "data_type": {"primary": "初级数据", "secondary": "次级数据"},
    "duty": {"prepared": "编制", "reviewed": "审核", "approved": "批准"},
    "mode": {"road": "公路", "rail": "铁路", "water": "水路", "air": "航空", "pipeline": "管道"},
    "gwp_report": {
        "AR4": "IPCC 第四次评估报告（AR4，2007 年）",
        "AR5": "IPCC 第五次评估报告（AR5，2013 年）",
        "AR6": "IPCC 第六次评估报告（AR6，2021 年）",
    },
    "co2e_gas": "以 CO₂e 计的排放",
    "derivation": "低位发热量 {ncv} {ncv_unit} × 单位热值含碳量 {carbon} tC/TJ × 碳氧化率 {oxidation}% "
                  "× 44/12 = {value} {unit}",
    "included": "纳入",
    "excluded": "不纳入",
    "whole_stage": "本阶段全部过程",
    "from_year": "按年份推算",
    "list_sep": "、",
    "annual_basis": "全年总量",
    "supplier": "供应商：{}",
    "per": lambda amount, unit: f"每 {amount} {unit}",
    "boundary_label": "系统边界（{type}）",
    "title": "{products}产品碳足迹评价报告",
    "title_suffix_overlap": "产品",
    "stage_suffix": "阶段",
    # data quality, uncertainty, sensitivity, scenarios, cut-off
    "quality_level": {"excellent": "优秀", "very-good": "很好", "good": "良好", "fair": "一般",
                      "poor": "较差"},
    "indicator": {"reliability": "可靠性", "completeness": "完整性", "temporal": "时间代表性",
                  "geographical": "地理代表性", "technological": "技术代表性"},
    "score_mark": {"given": "", "derived": "†", "default": "*", "pcfdoc": "‡"},
    "parameter_kind": {"line": "活动数据", "factor": "排放因子", "both": "活动数据或排放因子"},
    "parameter_kind_chart": {"line": "活动数据", "factor": "排放因子", "both": "活动数据或排放因子"},
    "cutoff_treatment": {True: "剔除", False: "计入"},
    "baseline": "基准情景",
    "deterministic": "确定值",
    "percentile": "{p}% 分位数",
    "interval_bins": "2.5%～97.5% 分位数：{low}～{high}",  # histogram bins inside the interval
    "tail_bins": "此区间以外",
    "frequency": "频数",
    "footprint_axis": "碳足迹（{unit}）",
    "lowered": "参数减少 {step}%",
    "raised": "参数增加 {step}%",
    "level_band": "{level}（DQR ≤ {upper}）",
    "level_last": "{level}（DQR > {lower}）",
    "basic_uncertainty": "{kind}为 {value}",
    "temporal_age": "不足 {limit} 年为 {score} 分",
    "temporal_oldest": "{limit} 年及以上为 {score} 分",
    # Basic uncertainty by what a line is: any t·km line (a leg, a destination or an inventory line
    # in t·km) is transport.
    "line_types": {"inventory": "物料和能源输入", "transport": "运输（以周转量计的排放源）"},
    # where each pedigree score came from (calc.quality), and what the uncertainty chapter says of them
    "stated_default": "{type}（规定值）",
    "activity_default": "活动数据：{origin}",
    "factor_default": "排放因子：{origin}",
    "origin_unstated_type": "{type}（来源未注明）",
    "origin_unstated": "来源未注明",
    "score_origin_count": {"given": "数据逐项给出 {count} 个", "derived": "由排放因子推定 {count} 个",
                           "default": "按规定的默认评分取值 {count} 个",
                           "pcfdoc": "数据未给出、采用保守默认评分 {count} 个"},
    "indicator_score": "{indicator} {score}",
    "and_more": "{names}等 {count} 项",
    "shared_factor": "{lines}共用{factor}",
    "factor_named": "“{}”这一排放因子",
    "one_factor": "同一排放因子",
    # the process flow and the life-cycle process map; alternative text of signatures and the seal
    "flow_headings": ("投入的物料和能源", "工序", "产生的废物和排放"),
    "map_headings": ("计入的活动数据（每功能单位）", "生命周期阶段", "排放量（{unit}）"),
    "map_total": "合计",
    "map_empty": "无排放源",
    "map_more": "其余 {count} 项",
    "signature_of": "{name}的签名",
    "seal_of": "{name}的印章",
    # disclosures (render/disclosures.py)
    "boundary_with": "{type}，并包括{stage}",
    "partial_cfp": "{}（部分产品碳足迹）",
    "carbon": {"fossil": "化石碳 {} kg", "biogenic": "生物碳 {} kg"},
    "factor_origin": "取值类型：{}",
    "proxy_for": "近似替代，以相近物料或过程的因子代替{}",
})

EN = MappingProxyType({
    "language": "en",
    "date": date_en,
    "join": join_en,
    "clause_join": join_en,
    "in_text": in_text_en,
    "paren": "{} ({})",
    "brackets": (" (", ")"),
    "period": "{start} to {end}",
    "name_value": "{name}: {value}",
    "fu_text": fu_text_en,
    "boundary_summary": "{Type}: {stages}",
    "standard_cite": "{id}",
    "standard_ref": "{id}, {title}",
    "document_ref": "{}",
    "value_sep": "; ",
    "revision": "{number} ({commit})",
    "unit": lambda unit: pretty_unit(unit, "en"),
    "quantity": quantity_en,
    "draft": "DRAFT",
    "assessor_label": {False: "Assessment body", True: "Prepared by"},
    "seal": {False: "Seal of the assessment body", True: "Company seal"},
    "output_value_unit": "10,000 CNY",
    "cited_from": "value quoted from {}",
    "derivation_label": "Derived as {}",
    "not_applicable": "—",
    "not_quantified": "Not quantified",
    "reduction_basis": {"scenario": "Scenario “{}”", "percent": "Expected cut of {}%"},
    "stage_target": "{} stage",
    "data_type": {"primary": "Primary", "secondary": "Secondary"},
    "duty": {"prepared": "Preparation", "reviewed": "Review", "approved": "Approval"},
    "mode": {"road": "Road", "rail": "Rail", "water": "Water", "air": "Air", "pipeline": "Pipeline"},
    "gwp_report": {
        "AR4": "the IPCC Fourth Assessment Report (AR4, 2007)",
        "AR5": "the IPCC Fifth Assessment Report (AR5, 2013)",
        "AR6": "the IPCC Sixth Assessment Report (AR6, 2021)",
    },
    "co2e_gas": "Emissions given as CO₂e",
    "derivation": "NCV {ncv} {ncv_unit} × carbon content {carbon} tC/TJ × oxidation rate {oxidation}% "
                  "× 44/12 = {value} {unit}",
    "included": "Included",
    "excluded": "Excluded",
    "whole_stage": "All processes of this stage",
    "from_year": "From the year",
    "list_sep": ", ",
    "annual_basis": "Annual total",
    "supplier": "supplier: {}",
    "per": per_en,
    "boundary_label": "System boundary ({type})",
    "title": "Product Carbon Footprint Report: {products}",
    "title_suffix_overlap": "",
    "stage_suffix": " stage",
    "quality_level": {"excellent": "excellent", "very-good": "very good", "good": "good", "fair": "fair",
                      "poor": "poor"},
    "indicator": {"reliability": "Reliability", "completeness": "Completeness",
                  "temporal": "Temporal representativeness",
                  "geographical": "Geographical representativeness",
                  "technological": "Technological representativeness"},
    "score_mark": {"given": "", "derived": "†", "default": "*", "pcfdoc": "‡"},
    "parameter_kind": {"line": "Activity data", "factor": "Emission factor",
                       "both": "Activity data or emission factor"},
    "parameter_kind_chart": {"line": "activity data", "factor": "factor", "both": "activity data or factor"},
    "cutoff_treatment": {True: "Excluded", False: "Included"},
    "baseline": "Baseline",
    "deterministic": "Deterministic value",
    "percentile": "{p}th percentile",
    "interval_bins": "2.5th–97.5th percentile: {low}–{high}",
    "tail_bins": "Outside this range",
    "frequency": "Frequency",
    "footprint_axis": "Carbon footprint ({unit})",
    "lowered": "Parameter −{step}%",
    "raised": "Parameter +{step}%",
    "level_band": "{level} (DQR ≤ {upper})",
    "level_last": "{level} (DQR > {lower})",
    "basic_uncertainty": "{value} for {kind}",
    "temporal_age": "{score} if under {limit} years",
    "temporal_oldest": "{score} if {limit} years or more",
    "line_types": {"inventory": "material and energy inputs",
                   "transport": "transport (sources counted in t·km)"},
    "stated_default": "{type} data (stated defaults)",
    "activity_default": "Activity data: {origin}",
    "factor_default": "Emission factor: {origin}",
    "origin_unstated_type": "{type}, origin not stated",
    "origin_unstated": "origin not stated",
    "score_origin_count": {"given": "{count} given in the data", "derived": "{count} derived from the factor",
                           "default": "{count} from the stated defaults",
                           "pcfdoc": "{count} conservative defaults where the data give none"},
    "indicator_score": "{indicator} {score}",
    "and_more": "{names} and {rest} more",
    "shared_factor": "{lines} share {factor}",
    "factor_named": "the factor for {}",
    "one_factor": "one emission factor",
    "flow_headings": ("Materials and energy in", "Process step", "Waste and emissions out"),
    "map_headings": ("Activity data counted (per functional unit)", "Life-cycle stage", "Emissions ({unit})"),
    "map_total": "Total",
    "map_empty": "No emission source",
    "map_more": "{count} more",
    "signature_of": "Signature of {name}",
    "seal_of": "Seal of {name}",
    "boundary_with": "{type}, including {stage}",
    "partial_cfp": "{} (a partial CFP)",
    "carbon": {"fossil": "{} kg of fossil carbon", "biogenic": "{} kg of biogenic carbon"},
    "factor_origin": "Type of value: {}",
    "proxy_for": "proxy, the factor of a similar material or process standing in for {}",
})

VOCABULARY = {"zh-CN": ZH, "en": EN}
