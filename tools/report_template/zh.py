"""Chinese texts of the report template (templates/zh-CN/report.docx)."""
# ruff: noqa: E501  (template prose: Chinese sentences read better unbroken)

from __future__ import annotations

from .builder import Look

LANGUAGE = "zh-CN"
LOOK = Look()
UNIT = "{{ product.per_label }}"  # every result is per functional unit


def data_types(counts: str, primary: str = "初级数据") -> str:
    """'其中初级数据 7 项、次级数据 7 项', or '全部为次级数据' when one kind has none (never '初级数据 0 项');
    ``counts`` is what holds primary_count and secondary_count."""
    first, second = f"{counts}.primary_count", f"{counts}.secondary_count"
    return (f"{{% if {first} == 0 and {second} %}}全部为次级数据{{% elif {second} == 0 and {first} %}}"
            f"全部为{primary}{{% else %}}其中{primary} {{{{ {first} }}}} 项、次级数据 {{{{ {second} }}}} 项"
            "{% endif %}")



TEXTS = {
    # -- document -----------------------------------------------------------------------------------
    "template_title": "产品碳足迹评价报告模板",
    "footer": ("第 ", " 页 共 ", " 页"),
    "item": "（{n}）",
    "figure.source": "资料来源：{{ item.source }}",
    "total": "合计",
    "table.remark": "注：序号 {{ item.no }}，{{ item.note }}",
    "draft_gap": "　",
    # -- cover, information, revisions, abstract, contents --------------------------------------------
    "cover.number": "报告编号：{{ report.number }}",
    "cover.client": "委托单位：{{ report.client }}",
    "cover.assessor": "{{ report.assessor_label }}：{{ report.assessor }}",
    "cover.date": "报告日期：{{ report.issue_date }}",
    "info": "基本信息",
    "info.widths": (4.2, 10.8),
    "info.keys": {
        "client": "委托单位", "company": "受评价企业", "credit_code": "统一社会信用代码", "address": "地址",
        "legal_representative": "法定代表人", "registered_capital": "注册资本", "contact": "联系人及联系方式",
        "product": "产品名称及型号", "functional_unit": "功能单位", "number": "报告编号",
        "period": "数据时间范围", "standards": "评价依据", "boundary": "系统边界", "gwp": "特征化因子",
        "conclusion": "评价结论", "issue_date": "报告日期",
    },
    "info.contact": "{{ company.contact.name }}{% if company.contact.phone %}，电话 "
                    "{{ company.contact.phone }}{% endif %}{% if company.contact.email %}，邮箱 "
                    "{{ company.contact.email }}{% endif %}",
    "info.gwp": "IPCC {{ gwp.id }} 全球变暖潜势（GWP100）",
    "signoff": "签署",
    "signoff.widths": [1.3, 1.7, 2.4, 3.8, 2.5, 3.3],
    "signoff.head": ["职责", "姓名", "角色", "证书编号", "签名", "日期"],
    "signoff.seal_widths": [4.2, 10.8],
    "revisions": "修订记录",
    "revisions.widths": (2.0, 3.4, 2.4, 7.2),
    "revisions.head": ["版本", "日期", "修订人", "修订说明"],
    "abstract": "摘要",
    "abstract.commissioned":
        "受{{ report.client }}委托，{{ report.assessor }}依据{{ report.standards_text }}，采用生命周期评价方法，"
        "对{% if report.commissioned %}{{ company.name }}{% else %}该公司{% endif %}生产的{{ products_text }}"
        "开展了产品碳足迹量化评价{% if improvements.measures %}，并提出了改进建议{% endif %}。",
    "abstract.self_declared":
        "{{ company.name }}依据{{ report.standards_text }}，采用生命周期评价方法，对本公司生产的{{ products_text }}"
        "开展了产品碳足迹量化评价{% if improvements.measures %}，并提出了改进建议{% endif %}。",
    "abstract.paragraphs": (
        "本次评价的功能单位为{{ fu_text }}。系统边界为“{{ boundary.name }}”{% if boundary.partial %}（部分产品碳足迹）{% endif %}，包括{{ boundary.stages_text }}"
        "共 {{ boundary.stage_count }} 个阶段{% if boundary.excluded_text %}，{{ boundary.excluded_text }}"
        "不在评价范围内{% endif %}。活动数据的时间范围为{{ period.text }}。",
        "本次评价共使用 {{ data.line_count }} 项活动数据，" + data_types("data", "企业实测或统计的初级数据")
        + "{% if method.databases_text %}；排放因子取自{{ method.databases_text }}"
        "等来源{% endif %}；各种温室气体按 IPCC {{ gwp.id }} 的 100 年全球变暖潜势折算为二氧化碳当量。",
    ),
    "abstract.product":
        "经核算，{{ product.name }}的碳足迹为 {{ product.total }} {{ product.per_label }}。其中，"
        "{% for stage in product.stages %}{{ stage.name }}阶段 {{ stage.value }} {{ product.per_label }}，"
        "占 {{ stage.share }}%{{ '；' if not loop.last else '。' }}{% endfor %}"
        "{% if product.top %}排放贡献最大的单项为{{ product.top.name }}，占 {{ product.top.share }}%。{% endif %}",
    "contents": "目录",
    "contents.placeholder": "目录将在 Word 打开文档时生成；如未生成，请右键单击此处并选择“更新域”。",
    # -- chapter 1 ----------------------------------------------------------------------------------
    "intro": "产品碳足迹介绍",
    "intro.paragraphs": (
        "产品碳足迹（carbon footprint of a product，CFP）是指一个产品在其生命周期内温室气体排放量与清除量之和，"
        "以二氧化碳当量（CO₂e）表示。它量化的是生命周期评价中“气候变化”这一类环境影响，所涉及的生命周期阶段"
        "通常包括原材料获取、生产、分销、使用和生命末期处置。",
        "温室气体包括二氧化碳（CO₂）、甲烷（CH₄）、氧化亚氮（N₂O）、氢氟碳化物（HFCs）、全氟化碳（PFCs）、"
        "六氟化硫（SF₆）和三氟化氮（NF₃）等。各种气体对气候的影响用全球变暖潜势（GWP）衡量：单位质量的某种气体"
        "在一定时间范围内造成的辐射强迫，相当于多少单位质量的二氧化碳。本报告采用{{ gwp.report_name }}给出的"
        " 100 年 GWP 值。",
        "产品碳足迹的核算以生命周期评价方法为基础。常用的核算标准有 ISO 14067、GB/T 24067、PAS 2050 和温室气体"
        "核算体系产品标准等，它们的目的都是使产品碳足迹的量化和报告方法一致、透明、可比较。本次评价依据以下标准：",
    ),
    "intro.standard": "{{ item.id }}《{{ item.title }}》，由{{ item.issuer }}于 {{ item.year }} 年发布"
                      "{% if item.superseded_by %}，现已被 {{ item.superseded_by }} 取代{% endif %}。",
    "intro.other_references": "此外，评价还参考了{{ report.other_references_text }}。",
    "intro.product_rules":
        "{% if disclosures.product_rules %}本次评价还遵循以下产品类别规则或行业指南：{{ disclosures.product_rules_text }}。"
        "{% else %}该产品没有适用的产品类别规则（PCR）或行业指南，本次评价未采用此类规则。{% endif %}",
    # -- chapter 2 ----------------------------------------------------------------------------------
    "company": "企业概况",
    "company.introduction": "企业简介",
    "company.products": "产品介绍",
    "company.product": "{{ product.name }}{% if product.model %}（型号：{{ product.model }}）{% endif %}"
                       "{% if product.description %}：{{ product.description }}{% else %}。{% endif %}",
    "company.process": "生产工艺",
    "company.process_intro": "{{ company.name }}的主要生产工序如下：",
    "company.process_step": "{{ item.name }}{% if item.description %}：{{ item.description }}{% endif %}",
    "company.flow.caption": "{{ company.name }}生产工艺流程",
    "company.equipment": "主要生产设备",
    "company.equipment.widths": [1.2, 3.2, 2.8, 2.2, 1.2, 4.4],
    "company.equipment.head": ["序号", "设备名称", "型号", "设备编号", "数量", "生产厂家"],
    "company.output": "产品产量",
    "company.output_intro": "数据时间范围内，{{ company.name }}的产品产量如下表所示。",
    "company.output.caption": "数据时间范围内的产品产量",
    "company.output.widths": [1.2, 6.0, 3.0, 1.8, 3.0],
    "company.output.head": ["序号", "产品", "产量", "单位", "产值\n（{{ company.output_value_unit }}）"],
    # -- chapter 3 ----------------------------------------------------------------------------------
    "scope": "目标与范围定义",
    "scope.purpose": "评价目的与预期用途",
    "scope.audience": "本报告的预期使用者包括：",
    "scope.validity": "本报告的结果只适用于所述的功能单位、系统边界和数据时间范围，不宜直接用于不同研究之间的产品比较。",
    "scope.not_comparative":
        "本报告的结果只适用于所述的功能单位、系统边界和数据时间范围，不用于与其他产品作比较，也不构成比较性声明。"
        "不同研究的功能单位、系统边界、数据来源和计算方法各不相同，其结果不能直接比较。",
    "scope.comparative":
        "本报告的结果拟用于与其他产品比较。这种比较只在功能单位、系统边界、产品类别规则和数据质量要求都一致的研究之间成立。",
    "scope.fu": "功能单位与基准流",
    "scope.fu_text":
        "{{ product.name }}的功能单位为“{{ product.fu_text }}”，碳足迹结果以 {{ product.per_label }} 表示。"
        "{% if product.mass %}每个功能单位对应的产品质量为 {{ product.mass }}。{% endif %}"
        "{% if product.inventory_basis %}清单数据按每 {{ product.inventory_basis }}产品收集，计算时乘以 "
        "{{ product.inventory_scale }} 换算到一个功能单位。{% endif %}{{ product.reference_flow }}",
    "scope.carbon":
        "{% if product.carbon.amounts %}一个功能单位的{{ product.name }}含{{ product.carbon.amounts }}。{% else %}"
        "{{ product.name }}的含碳量未确定。{% endif %}{{ product.carbon.note }}",
    "scope.boundary": "系统边界",
    "scope.boundary_text":
        "本次评价的系统边界为“{{ boundary.name }}”，"
        "{% if boundary.type == 'cradle-to-gate' %}即从原材料获取开始，到产品离开工厂为止"
        "{% if boundary.has_distribution %}，并计入产品运至客户的运输{% endif %}"
        "{% elif boundary.type == 'cradle-to-grave' %}即覆盖从原材料获取到产品使用和生命末期处置的全过程"
        "{% else %}即只包括企业厂区内的生产过程{% endif %}。系统边界内包括"
        "{{ boundary.stages_text }}共 {{ boundary.stage_count }} 个阶段{% if boundary.excluded_text %}；"
        "{{ boundary.excluded_text }}不在本次评价范围内{% endif %}。{% if boundary.partial %}系统边界没有覆盖产品生命周期的全部阶段，"
        "按 ISO 14067 的定义，本报告的结果为部分产品碳足迹。{% endif %}各阶段包含和未包含的过程见下表。",
    "scope.processes.caption": "各生命周期阶段包含和未包含的过程",
    "scope.processes.widths": [3.0, 1.8, 5.4, 4.8],
    "scope.processes.head": ["生命周期阶段", "是否纳入", "包含的过程", "未包含的过程"],
    "scope.exclusions": "以下内容不在系统边界之内：",
    "scope.exclusion": "{{ item.item }}{% if item.reason %}：{{ item.reason }}{% endif %}",
    "scope.outside": "未纳入评价的生命周期阶段及其原因：",
    "scope.outside_reason": "{{ item.name }}阶段{% if item.product %}（{{ item.product }}）{% endif %}：{{ item.reason }}",
    "scope.use_profile": "使用阶段情景：{{ disclosures.use_profile }}",
    "scope.end_of_life": "生命末期处置情景：{{ disclosures.end_of_life }}",
    "scope.packaging":
        "{% if product.packaging.included %}{{ product.name }}的包装计入碳足迹{% if product.packaging.lines %}，包括"
        "{{ product.packaging.lines }}{% if product.packaging.emission %}，排放量合计 {{ product.packaging.emission }} "
        "{{ product.per_label }}{% endif %}{% endif %}。{{ product.packaging.note }}{% else %}{{ product.name }}的包装"
        "未计入碳足迹{% if product.packaging.note %}：{{ product.packaging.note }}{% else %}。{% endif %}{% endif %}",
    "scope.allocation": "分配原则",
    "scope.allocation_text":
        "{% if allocation.method == 'none' %}本次评价不在多种产出之间分配排放"
        "{% if allocation.rows %}；以全年总量记录的消耗，按评价产品在数据时间范围内的产量折算为单位产品消耗"
        "{% endif %}。{% elif allocation.rows %}工厂的多种产出共用部分能源和物料，这些以全年总量记录的消耗"
        "{% if allocation.method == 'physical' %}按各产出的产量{% elif allocation.method == 'mass' %}"
        "按各产出的质量{% else %}按各产出的经济价值（产值）{% endif %}"
        "在各产出之间分配，再按评价产品的产量折算为单位产品消耗。{% else %}多种产出共用的能源和物料"
        "{% if allocation.method == 'physical' %}按各产出的产量{% elif allocation.method == 'mass' %}"
        "按各产出的质量{% else %}按各产出的经济价值（产值）{% endif %}分配；本次评价的活动数据均已按功能单位"
        "收集，计算中无需再作分配。{% endif %}",
    "scope.allocation.caption": "分配依据",
    "scope.allocation.widths": [5.0, 3.0, 1.6, 3.4, 2.0],
    "scope.allocation.head": ["产出", "产量", "单位", "分配依据", "分配比例（%）"],
    "cutoff": "取舍准则",
    "cutoff.intro": "本次评价采用以下取舍准则：",
    "cutoff.mass_rule": "单项物料的质量小于产品质量的 {{ cutoff.mass_threshold }}% 时，可不计其上游排放。",
    "cutoff.total_rule": "按上条忽略的物料，总质量不超过产品质量的 {{ cutoff.total_threshold }}%。",
    "cutoff.table_intro": "{{ product.name }}中，单项质量低于阈值的原材料和评价中剔除的输入逐项列于下表。",
    "cutoff.caption": "{{ product.name }}的取舍情况",
    "cutoff.widths": [4.4, 2.6, 2.2, 2.6, 1.6, 1.6],
    "cutoff.head": ["名称", "所属阶段", "质量占比\n（%）", f"排放量\n（{UNIT}）", "占比\n（%）", "处理"],
    # The note explains only what the table holds: a dash where a row has one, estimates where an
    # input is excluded.
    "cutoff.note": "注：质量占比以单位产品质量为基准{% for item in product.cutoff.rows if item.mass_share == '—' %}"
                   "{% if loop.first %}，无法折算为质量的输入记为“—”{% endif %}{% endfor %}"
                   "{% if product.cutoff.excluded %}；剔除项的排放量为估算值，占比以碳足迹与剔除项估算排放量之和为基准"
                   "{% else %}；占比为排放量占碳足迹的百分比{% endif %}。",
    "cutoff.detail": "剔除项{{ item.name }}：{% if item.source %}数据来源为{{ item.source }}{% if item.note %}；{% endif %}"
                     "{% endif %}{{ item.note }}。",
    "cutoff.summary":
        "{% if product.cutoff.excluded %}剔除的输入（{{ product.cutoff.excluded_names }}）"
        "{% if product.cutoff.mass_share %}合计占产品质量的 {{ product.cutoff.mass_share }}%，{% endif %}"
        "估算排放量为 {{ product.cutoff.emission }}，约占全部排放（含剔除项）的 {{ product.cutoff.emission_share }}%，"
        "{% if product.cutoff.within %}未超过{% else %}超过了{% endif %}取舍准则规定的 "
        "{{ cutoff.total_threshold }}% 总量限值；这部分排放未计入本报告的碳足迹结果。"
        "{% else %}上表所列输入虽低于单项质量阈值，其排放仍全部计入碳足迹，本次评价没有剔除任何输入。{% endif %}",
    "scope.impact": "影响类别与特征化方法",
    "scope.impact_text":
        "本次评价只考虑气候变化一个影响类别，特征化因子为 100 年全球变暖潜势（GWP100），用于把各种温室气体"
        "折算为二氧化碳当量。GWP 值取自{{ gwp.report_name }}，本报告用到的数值见下表；已以 CO₂e 表示的排放因子"
        "直接计入。",
    "scope.offsets": "碳足迹结果不包含碳抵消：企业取得或持有的碳信用等抵消量均未从排放中扣除。{{ disclosures.offsets }}",
    "scope.gwp.caption": "全球变暖潜势（GWP100）",
    "scope.gwp.head": ["温室气体", "化学式", "GWP100"],
    "scope.data": "数据来源与数据质量要求",
    "scope.data_sources":
        "活动数据优先采用企业的计量和统计数据（初级数据）；无法直接获得时，采用数据库、文献或估算得到的数据"
        "（次级数据），并在报告中注明来源。{% if method.databases_text %}本次评价使用的数据库和数据来源包括"
        "{{ method.databases_text }}。{% endif %}{% if method.software %}建模使用的软件为{{ method.software }}。"
        "{% endif %}",
    "scope.electricity":
        "{% if disclosures.electricity.factors %}外购电力的排放按{{ disclosures.electricity.factors }}计算。{% endif %}"
        "{{ disclosures.electricity.text }}",
    "scope.data_requirements": "数据质量按以下要求控制：",
    "scope.data_requirement_items": (
        "时间代表性：活动数据反映数据时间范围内的实际生产，排放因子尽量选用与之接近的年份；",
        "地理代表性：优先采用反映生产所在地区的数据，例如所在区域电网的排放因子；",
        "技术代表性：数据反映所评价产品实际采用的工艺和设备；",
        "完整性：系统边界内的过程全部计入，按取舍准则忽略的内容予以说明；",
        "一致性：各过程的数据采用相同的统计口径、时间范围和计算方法。",
    ),
    "scope.pedigree":
        "数据质量采用谱系矩阵（pedigree matrix）方法评价：对每个排放源，从{{ analysis.indicators_text }}五个方面"
        "分别打分，每项 1～5 分，1 分最好，5 分最差。五项评分的平均值为该排放源的数据质量评分（DQR）；各排放源的 DQR "
        "按排放量加权平均，得到产品的 DQR，并按以下区间评定等级：{{ analysis.levels_text }}。",
    "scope.pedigree_defaults":
        "各项评分优先采用数据中逐项给出的数值。未给出时，时间代表性按排放因子的参考年份与数据时间范围起始年份之差"
        "推算：{{ analysis.temporal_ages }}；排放因子没有参考年份的按“年份不详”记 5 分，不能评为 1 分。"
        "采用其他物料或过程的排放因子近似替代的，技术代表性记 4 分（“相关的过程或物料”），同样不能评为 1 分。"
        "{% if analysis.defaults %}其余未给出的评分{% if analysis.stated_defaults %}按本次评价规定的默认评分取值"
        "{% if analysis.conservative_defaults %}；未作规定的，{% endif %}{% endif %}"
        "{% if analysis.conservative_defaults %}按活动数据和排放因子的来源取偏保守的默认评分{% endif %}，"
        "见下表。{% endif %}每个评分的来源在第 5 章的数据质量评分表中逐项标出。",
    "scope.defaults.caption": "未给出评分时采用的默认评分",
    "scope.defaults.type": "适用情形",
    "scope.defaults.indicators": ["可靠性", "完整性", "时间\n代表性", "地理\n代表性", "技术\n代表性"],
    "scope.review": "鉴定性评审与核查",
    "scope.review_text":
        "{% set review = disclosures.review %}{% if review.type == 'none' %}本研究未进行鉴定性评审，也未经第三方核查。"
        "{% elif review.type == 'critical-review' %}本研究由{{ review.by }}依据{{ review.standard }}进行了鉴定性评审，"
        "评审于{{ review.date }}完成。{% else %}本报告由{{ review.by }}依据{{ review.standard }}进行了核查，核查于"
        "{{ review.date }}完成。{% endif %}{{ review.note }}",
    # -- chapter 4 ----------------------------------------------------------------------------------
    "data": "数据收集",
    "data.method": "数据收集方法",
    "data.method_text":
        "活动数据收集的时间范围为{{ period.text }}。各项数据的类型和来源逐项列于下列各表，其中初级数据指企业"
        "计量或统计的实际数据，次级数据指取自数据库、文献或估算的数据。",
    "data.product": "{{ product.name }}的活动数据",
    "data.product_intro":
        "{{ product.name }}共有 {{ product.line_count }} 项活动数据，" + data_types("product")
        + "，按生命周期阶段列于下列各表。",
    "data.process_map.caption": "{{ product.name }}生命周期过程图",
    "data.inventory.caption": "{{ product.name }}：{{ stage.name }}阶段的活动数据",
    "data.inventory.widths": [1.2, 3.0, 1.8, 1.2, 1.8, 1.8, 4.2],
    "data.inventory.head": ["序号", "名称", "数量", "单位", "计量基准", "数据类型", "数据来源"],
    "data.transport.caption": "{{ product.name }}：{{ stage.name }}阶段的运输数据",
    "data.transport.widths": [1.2, 2.8, 2.0, 1.8, 1.8, 1.9, 3.5],
    "data.transport.head": ["序号", "运输对象", "运输质量\n（t）", "运输距离\n（km）", "运输方式", "周转量\n（t·km）",
                            "数据来源"],
    "data.destinations_intro":
        "产品按销量比例运往以下目的地，每个功能单位的运输质量为 {{ product.shipped_mass }} t"
        "{% if product.distribution_source %}（数据来源：{{ product.distribution_source }}）{% endif %}。",
    "data.destinations.caption": "{{ product.name }}的销售去向",
    "data.destinations.widths": [1.2, 3.4, 2.4, 2.4, 2.8, 2.8],
    "data.destinations.head": ["序号", "目的地", "销量占比\n（%）", "运输距离\n（km）", "运输方式", "周转量\n（t·km）"],
    "data.line_note": "注：{{ item.name }}——{{ item.note }}",
    "data.empty_stage": "本阶段在系统边界内，但没有需要计入的排放源{% if stage.id in product.stage_reasons %}："
                        "{{ product.stage_reasons[stage.id] }}{% else %}。{% endif %}",
    "data.annual": "全年总量的折算",
    "data.annual_intro": "以下消耗以数据时间范围内的全厂总量记录，按分配比例分摊后，除以{{ product.name }}的产量"
                         "（{{ product.annual_output }}）得到单位产品用量。",
    "data.annual.caption": "{{ product.name }}全年总量的折算",
    "data.annual.widths": [3.6, 3.0, 2.2, 3.0, 3.2],
    "data.annual.head": ["名称", "全年总量", "分配比例\n（%）", "产品产量", "每{{ product.fu_unit }}用量"],
    "data.factors": "排放因子",
    "data.factors_intro": "下表列出计算中使用的全部排放因子，各因子的出处见附录 A。",
    "data.factors.widths": [1.2, 4.8, 2.2, 2.8, 1.4, 2.6],
    "data.factors.head": ["序号", "名称", "数值", "单位", "年份", "适用地区"],
    "data.declared_intro": "以下物料采用供应商或其他来源声明的单位排放量，代替“活动数据 × 排放因子”中的排放因子：",
    "data.declared.caption": "声明的单位排放量",
    "data.declared.widths": [3.2, 3.4, 2.2, 2.6, 3.6],
    "data.declared.head": ["产品", "物料", "声明值", "单位", "来源"],
    "data.declared.source": "{{ item.source }}{% if item.source and item.origin %}；{% endif %}{{ item.origin }}",
    # -- chapter 5 ----------------------------------------------------------------------------------
    "calc": "碳足迹计算",
    "calc.method": "计算方法",
    "calc.formula_intro": "产品碳足迹按下式计算：",
    "calc.formula_terms":
        "式中，CFP 为一个功能单位的产品碳足迹；Aᵢ 为第 i 项活动折算到一个功能单位的活动数据；EFᵢⱼ 为第 i 项活动"
        "第 j 种温室气体的排放因子；GWPⱼ 为第 j 种温室气体的 100 年全球变暖潜势，排放因子已以 CO₂e 表示时取 1。"
        "运输的活动数据为货物周转量，即运输质量（t）与运输距离（km）之积。",
    "calc.product": "{{ product.name }}的计算结果",
    "calc.table_intro": "下表逐项列出{{ product.name }}各排放源的活动数据、排放因子和排放量，均以一个功能单位（{{ product.fu }}）计。",
    "calc.table.caption": "{{ product.name }}碳足迹计算表",
    "calc.table.widths": [1.1, 2.3, 1.8, 1.2, 1.9, 2.6, 2.5, 1.6],
    "calc.table.head": ["序号", "排放源", "活动数据", "单位", "排放因子", "因子单位", f"排放量\n（{UNIT}）", "占比\n（%）"],
    "calc.stages_intro": "各生命周期阶段的排放量和占比见下表和下图。",
    "calc.stages.caption": "{{ product.name }}各生命周期阶段的碳排放",
    "calc.stages.widths": [5.0, 5.0, 3.0],
    "calc.stages.head": ["生命周期阶段", "排放量（{{ product.per_label }}）", "占比（%）"],
    "calc.stage_chart.caption": "{{ product.name }}各生命周期阶段的碳排放占比",
    "calc.hotspots_intro": "按排放量从大到小，{{ product.name }}的主要排放源如下。",
    "calc.hotspots.caption": "{{ product.name }}的主要排放源",
    "calc.hotspots.widths": [1.2, 4.4, 3.4, 3.0, 2.0],
    "calc.hotspots.head": ["排名", "排放源", "所属阶段", f"排放量（{UNIT}）", "占比（%）"],
    "calc.gases_intro": "按温室气体种类统计，{{ product.name }}的排放如下：",
    "calc.gases.caption": "{{ product.name }}按温室气体统计的排放",
    "calc.gases.widths": [3.6, 3.6, 2.4, 4.0],
    "calc.gases.head": ["温室气体", "排放量（kg）", "GWP100", f"排放量（{UNIT}）"],
    "calc.ghg_intro": "按 ISO 14067 的要求，化石来源、生物源、直接土地利用变化和航空运输的温室气体排放分别列示如下"
                      "（单位：{{ product.per_label }}）。",
    "calc.ghg.caption": "{{ product.name }}的温室气体排放分类",
    "calc.ghg.widths": [2.9, 2.1, 2.1, 3.5, 2.1, 2.3],
    "calc.ghg.head": ["生命周期阶段", "化石", "生物源", "直接土地利用变化", "航空运输", "合计"],
    "quality": "数据质量评价",
    "quality.intro": "按第 3 章所述的谱系矩阵方法，逐项评价各排放源的数据质量，结果如下。初级数据占比按 PACT 第 3 版的"
                     "定义计算，即碳足迹中由初级数据计算的部分所占的比例：一项排放只有在活动数据和排放因子都是初级数据时"
                     "才计入，采用供应商碳足迹的按供应商声明的初级数据占比计入。",
    "quality.caption": "{{ product.name }}的数据质量评分",
    "quality.widths": [1.1, 3.2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.2, 2.0],
    "quality.head": ["序号", "排放源", "可靠性", "完整性", "时间\n代表性", "地理\n代表性", "技术\n代表性", "DQR", "活动数据\n类型"],
    "quality.note":
        "注：{% if product.quality.has_given %}未加标记的评分由数据逐项给出。{% endif %}"
        "{% if product.quality.has_derived %}带“†”的评分由排放因子推定：{% if product.quality.derived_age %}"
        "时间代表性按因子的参考年份推算，没有参考年份的记 5 分{% endif %}{% if product.quality.derived_age and "
        "product.quality.derived_proxy %}；{% endif %}{% if product.quality.derived_proxy %}采用近似替代物料的因子，"
        "技术代表性记 4 分{% endif %}。{% endif %}{% if product.quality.has_default %}带“*”的评分采用第 3 章所列、"
        "本次评价规定的默认评分。{% endif %}{% if product.quality.has_pcfdoc %}带“‡”的评分在数据中未给出，"
        "采用第 3 章所列的保守默认评分。{% endif %}",
    "quality.summary":
        "{% if product.quality.dqr %}按排放量加权，{{ product.name }}的数据质量评分（DQR）为 "
        "{{ product.quality.dqr }}，等级为“{{ product.quality.level }}”。{% else %}{{ product.name }}没有排放，"
        "不评定加权的数据质量评分。{% endif %}{% if product.quality.origins_text %}各项评分中，"
        "{{ product.quality.origins_text }}{% if product.quality.has_pcfdoc %}；有评分采用保守默认值的排放源合计占"
        "碳足迹的 {{ product.quality.pcfdoc_share }}%{% endif %}。{% endif %}{{ product.name }}的初级数据占比为 "
        "{{ product.quality.primary_share }}%；活动数据为初级数据的排放源占碳足迹的 "
        "{{ product.quality.primary_activity_share }}%。按 PACT 第 3 版的数据质量评级（1～5，1 为最好），"
        "技术代表性评分为 {{ product.quality.pact.technological }}，地理代表性评分为 "
        "{{ product.quality.pact.geographical }}，时间代表性评分为 {{ product.quality.pact.temporal }}。",
    "uncertainty": "不确定性分析",
    "uncertainty.method":
        "结果的不确定性采用蒙特卡洛模拟评价。每个排放源的排放量视为服从对数正态分布，其中位数为计算所得的确定值。"
        "离散程度分为两部分：活动数据的几何标准差（GSD）由基本不确定性和可靠性、完整性两项评分求得，排放因子的 "
        "GSD 由时间、地理和技术代表性三项评分求得，均按下式计算：",
    "uncertainty.formula": "σ² = Σᵢ (ln Uᵢ / 2)²，GSD = exp(σ)",
    "uncertainty.terms":
        "式中，Uᵢ 为基本不确定性和各项谱系评分对应的不确定性因子（以 GSD² 表示，取自 ecoinvent 数据质量体系）。"
        "基本不确定性按排放源的性质取值：{{ analysis.basic_text }}。{% if analysis.given_gsd %}数据中直接给出 GSD "
        "的排放源，以给出的数值为其排放量的 GSD，其中排放因子的部分仍按三项代表性评分求得，其余归于活动数据。"
        "{% endif %}每次模拟中，一个排放因子只取一个值，使用该因子的各排放源共用这一取值，误差同向变化；"
        "各排放源的活动数据则各自独立取值。按阶段和产品加总，得到碳足迹的一个可能值；如此重复 "
        "{{ analysis.iterations }} 次，由这些可能值的分布读出平均值、中位数和 95% 置信区间。"
        "模拟结果可以复现：数据不变时，重新计算得到相同的数值。",
    "uncertainty.result":
        "{{ product.name }}的模拟结果见下表（单位：{{ product.per_label }}）：碳足迹的 95% 置信区间为 "
        "{{ product.uncertainty.total.p2_5 }}～{{ product.uncertainty.total.p97_5 }}，中位数为 "
        "{{ product.uncertainty.total.p50 }}，平均值为 {{ product.uncertainty.total.mean }}。"
        "{% if product.uncertainty.shared_text %}模拟中，{{ product.uncertainty.shared_text }}，"
        "每次取值相同。{% endif %}",
    "uncertainty.caption": "{{ product.name }}碳足迹的不确定性",
    "uncertainty.widths": [2.6, 2.48, 2.48, 2.48, 2.48, 2.48],
    "uncertainty.head": ["项目", "确定值", "平均值", "中位数", "2.5% 分位数", "97.5% 分位数"],
    "uncertainty.histogram.caption": "{{ product.name }}碳足迹的蒙特卡洛模拟分布",
    "uncertainty.variance_intro": "对碳足迹方差贡献最大的排放源如下，提高这些数据的质量最能缩小结果的不确定范围。",
    "uncertainty.variance.caption": "{{ product.name }}不确定性的主要来源",
    "uncertainty.variance.widths": [1.4, 5.0, 3.4, 2.2, 3.0],
    "uncertainty.variance.head": ["排名", "排放源", "所属阶段", "GSD", "方差贡献（%）"],
    "uncertainty.qualitative_intro": "本次评价未对结果作定量的不确定性模拟，下面以文字说明结果的不确定性。",
    "uncertainty.qualitative":
        "{{ product.name }}的排放主要来自{% for item in product.hotspots[:3] %}{{ item.name }}（{{ item.share }}%）"
        "{{ '、' if not loop.last else '' }}{% endfor %}，这些排放源的活动数据和排放因子对结果的不确定性影响最大。"
        "按排放量加权，五项谱系评分依次为{{ product.qualitative.indicators_text }}（1 分最好，5 分最差），"
        "其中{{ product.qualitative.weakest }}最弱。{% if product.qualitative.proxies %}"
        "{{ product.qualitative.proxies }}采用相近物料的排放因子，合计占碳足迹的 "
        "{{ product.qualitative.proxy_share }}%。{% endif %}{% if product.qualitative.defaulted %}"
        "{{ product.qualitative.defaulted }}有评分在数据中未给出、采用保守默认值，合计占碳足迹的 "
        "{{ product.qualitative.defaulted_share }}%。{% endif %}{% if not product.qualitative.proxies and "
        "not product.qualitative.defaulted %}没有排放源采用近似替代的排放因子或保守默认评分。{% endif %}",
    "sensitivity": "敏感性分析",
    "sensitivity.method":
        "敏感性分析采用单因素法：每次只将一个参数——某一排放源的活动数据，或某一排放因子——降低和提高 "
        "{{ analysis.step }}%，其余参数保持不变，重新计算碳足迹。物料的用量变化时，运输该物料的排放随之变化。"
        "一个排放因子只用于一个排放源时，改变该因子与改变该排放源的活动数据效果相同，两者合为一行。"
        "变化幅度为参数降低和提高时两个结果之差占基准结果的百分比。",
    "sensitivity.result": "{{ product.name }}的基准结果为 {{ product.sensitivity.baseline }} {{ product.per_label }}，"
                          "对结果影响最大的参数见下图和下表。",
    "sensitivity.chart.caption": "{{ product.name }}的敏感性分析",
    "sensitivity.caption": "{{ product.name }}对结果影响最大的参数",
    "sensitivity.widths": [3.6, 3.7, 2.7, 2.7, 2.3],
    "sensitivity.head": ["参数", "类型", "−{{ analysis.step }}% 时结果\n（{{ product.per_label }}）",
                         "+{{ analysis.step }}% 时结果\n（{{ product.per_label }}）", "变化幅度\n（%）"],
    "sensitivity.none": "{{ product.name }}没有排放，不作敏感性分析。",
    "scenarios": "情景分析",
    "scenarios.method": "情景分析在基准数据的基础上改变部分活动数据、运输距离或排放因子，按相同的方法重新计算碳足迹，"
                        "与基准结果并列比较。",
    "scenarios.intro": "{{ product.name }}涉及的情景如下：",
    "scenarios.item": "{{ item.name }}{% if item.description %}：{{ item.description }}{% endif %}",
    "scenarios.caption": "{{ product.name }}各情景的碳足迹",
    "scenarios.widths": [5.0, 3.4, 3.6, 3.0],
    "scenarios.head": ["情景", "碳足迹\n（{{ product.per_label }}）", "与基准相比\n（{{ product.per_label }}）",
                       "与基准相比\n（%）"],
    # -- chapters 6 to 8 ----------------------------------------------------------------------------
    "interpretation": "结果解释",
    "interpretation.conclusion": "评价结论",
    "interpretation.product":
        "在“{{ boundary.name }}”的系统边界内，{{ company.name }}生产的{{ product.name }}的碳足迹为 "
        "{{ product.total }} {{ product.per_label }}。排放主要来自{{ product.top_stage.name }}阶段，占 "
        "{{ product.top_stage.share }}%{% if product.hotspots %}；贡献最大的排放源依次为"
        "{% for item in product.hotspots[:3] %}{{ item.name }}（{{ item.share }}%）"
        "{{ '、' if not loop.last else '' }}{% endfor %}{% endif %}。",
    "interpretation.limits": "假设与局限性",
    "interpretation.assumptions": "本次评价的主要假设如下：",
    "interpretation.limitations": "本次评价的局限性如下：",
    "interpretation.value_choices": "本次评价所作的价值选择及其理由如下：",
    "interpretation.no_value_choices": "本次评价没有作出需要说明的价值选择。",
    "interpretation.validity": "本报告的结论基于所收集的数据和所选用的排放因子。生产工艺、原材料来源或能源结构发生变化时，应重新评价。",
    "improvement": "改进建议",
    "improvement.intro": "根据计算结果，围绕排放较大的环节提出以下 {{ improvements.measures | length }} 项改进措施。"
                         "各项措施的作用对象及其排放占比、预计减排效果汇总于下{% if improvements.several %}列各{% endif %}表，"
                         "具体内容分述于后。",
    "improvement.caption": "{% if improvements.several %}{{ table.product }}的{% endif %}改进措施及预计效果",
    "improvement.widths": [1.1, 2.9, 3.0, 1.5, 2.4, 1.8, 2.3],
    "improvement.head": ["序号", "改进措施", "作用对象", "占比\n（%）", "预计减排量\n（{{ table.per_label }}）",
                         "减排占比\n（%）", "测算依据"],
    "improvement.note": "注：占比指作用对象的排放占产品碳足迹的百分比，减排占比指预计减排量占产品碳足迹的百分比；"
                        "减排量以 {{ table.per_label }} 计，依据情景的减排量取自第 5 章的情景分析。作用对象重叠的措施，"
                        "减排量不宜直接相加。",
    "improvement.largest": "{% if table.largest %}{% if improvements.several %}对{{ table.product }}而言，"
                           "{% endif %}在已量化的措施中，“{{ table.largest.title }}”的减排潜力最大，预计可减少 "
                           "{{ table.largest.reduction }} {{ table.per_label }}，相当于产品碳足迹的 "
                           "{{ table.largest.reduction_share }}%。{% endif %}",
    "improvement.none": "本次评价未提出具体的改进措施。",
    "closing": "结语",
    "closing.text":
        "产品碳足迹核算让企业看清产品生命周期中温室气体排放的来源和分布，是制定减排目标、开展绿色设计和供应链"
        "管理的基础。建议{{ company.name }}以本次评价为基准，持续完善计量和数据管理，定期更新产品碳足迹，并跟踪"
        "各项改进措施的实施效果。",
    # -- appendices ---------------------------------------------------------------------------------
    "appendix.factors": "附录 A 排放因子来源",
    "appendix.factors_intro": "计算中使用的各排放因子出处如下{% if factors.derived %}；由燃料参数推算的因子同时列出推算方法"
                              "{% endif %}。",
    "appendix.factors.caption": "排放因子来源",
    "appendix.factors.widths": [1.2, 4.4, 9.4],
    "appendix.factors.head": ["序号", "名称", "来源"],
    "appendix.factors.source": "{{ item.source }}{% if item.source and item.origin %}\n{% endif %}{{ item.origin }}"
                               "{% if item.derivation %}\n{{ item.derivation }}{% endif %}",
    "appendix.references": "附录 B 数据库与参考资料",
    "appendix.databases_intro": "本次评价使用的数据库和数据来源：",
    "appendix.references_intro": "本次评价依据和参考的标准与文件：",
    "appendix.team": "附录 C 评价人员",
    "appendix.team.caption": "评价人员",
    "appendix.team.widths": [1.3, 1.7, 2.6, 5.2, 4.2],
    "appendix.team.head": ["职责", "姓名", "角色", "单位", "证书编号"],
}
