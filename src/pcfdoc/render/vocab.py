"""Display labels per report language (sentences live in the templates)."""

from __future__ import annotations

from types import MappingProxyType

ZH = MappingProxyType({
    "data_type": {"primary": "初级数据", "secondary": "次级数据"},
    "duty": {"prepared": "编制", "reviewed": "审核", "approved": "批准"},
    "mode": {"road": "公路", "rail": "铁路", "water": "水路", "air": "航空", "pipeline": "管道"},
    "gwp_report": {
        "AR4": "IPCC 第四次评估报告（AR4，2007 年）",
        "AR5": "IPCC 第五次评估报告（AR5，2013 年）",
        "AR6": "IPCC 第六次评估报告（AR6，2021 年）",
    },
    "co2e_gas": "以 CO₂e 计的排放",
    "status": {"verified": "已核实", "third-party": "第三方转录", "unverified": "未核实",
               "project": "项目提供"},
    "library_origin": "pcfdoc 因子库",
    "derivation": "低位发热量 {ncv} {ncv_unit} × 单位热值含碳量 {carbon} tC/TJ × 碳氧化率 {oxidation}% "
                  "× 44/12 = {value} {unit}",
    "included": "纳入",
    "excluded": "不纳入",
    "none": "—",
    "list_sep": "、",
    "annual_basis": "全年总量",
    "per": "每 {amount} {unit}",
    "boundary_label": "系统边界（{type}）",
    "title": "{products}产品碳足迹评价报告",
    "title_suffix_overlap": "产品",
    "stage_suffix": "阶段",
    # data quality, uncertainty, sensitivity, scenarios, cut-off
    "quality_level": {"excellent": "优秀", "very-good": "很好", "good": "良好", "fair": "一般",
                      "poor": "较差"},
    "indicator": {"reliability": "可靠性", "completeness": "完整性", "temporal": "时间相关性",
                  "geographical": "地理相关性", "technological": "技术相关性"},
    "score_mark": {"given": "", "derived": "†", "default": "*"},
    "parameter_kind": {"line": "活动数据", "factor": "排放因子", "both": "活动数据或排放因子"},
    "cutoff_treatment": {True: "剔除", False: "计入"},
    "baseline": "基准情景",
    "deterministic": "确定值",
    "percentile": "{p}% 分位数",
    "frequency": "频数",
    "footprint_axis": "碳足迹（{unit}）",
    "lowered": "参数减少 {step}%",
    "raised": "参数增加 {step}%",
    "level_band": "{level}（DQR ≤ {upper}）",
    "level_last": "{level}（DQR > {lower}）",
    "temporal_age": "不足 {limit} 年为 {score} 分",
    "temporal_oldest": "{limit} 年及以上为 {score} 分",
    "line_types": {"inventory": "物料和能源输入", "transport": "运输", "distribution": "产品分销运输"},
})

VOCABULARY = {"zh-CN": ZH}
