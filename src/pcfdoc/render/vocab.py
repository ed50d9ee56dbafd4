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
})

VOCABULARY = {"zh-CN": ZH}
