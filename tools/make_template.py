"""Build templates/zh-CN/report.docx, the shipped Chinese report template (maintainers only).

    python3 tools/make_template.py

The .docx is what consultants open in Word to restyle; this script only makes
our shipped version reproducible. Names in {{ }} are the render context built by
src/pcfdoc/render/context.py. Conventions:
  * {%p ... %} and {%tr ... %} stand alone in a paragraph / table row;
  * {{r cap.table(N) }} writes a caption number "表 N-k" as Word fields, where N
    is the chapter the caption sits in;
  * every number comes formatted from the context; the template only places it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx_build as B  # noqa: E402

from pcfdoc.render.docx import reproducible, update_fields_on_open  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "templates" / "zh-CN" / "report.docx"
UNIT = "{{ product.result_unit }}"
# Stamped on the template's zip entries and properties, so regenerating it changes nothing.
TEMPLATE_DATE = dt.date(2026, 1, 1)


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        self._styles()
        section = self.doc.sections[0]
        B.a4(section)
        self._header_footer(section)
        update_fields_on_open(self.doc)
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(B.qn("w:p"))):
            body.remove(paragraph)

    # -- styles -------------------------------------------------------------------
    def _styles(self) -> None:
        doc = self.doc
        B.document_defaults(doc)
        B.paragraph_style(doc, "Normal", base=None, size=12, align=B.JUSTIFY, first_line_chars=2)
        B.paragraph_style(doc, "Body Plain", size=12, align=B.JUSTIFY)
        for level, size in ((1, 16), (2, 14), (3, 12)):
            B.paragraph_style(doc, f"Heading {level}", east_asia=B.HEI, size=size, bold=False,
                              align=B.LEFT, before=12 if level > 1 else 0, after=6, line=1.5,
                              keep_next=True, page_break=level == 1, outline=level - 1)
        B.heading_numbering(doc)
        B.paragraph_style(doc, "Title", east_asia=B.HEI, size=22, align=B.CENTER, before=36, after=24,
                          line=1.2)
        B.paragraph_style(doc, "Cover Company", east_asia=B.HEI, size=18, align=B.CENTER, before=120,
                          after=12, line=1.2)
        B.paragraph_style(doc, "Cover Line", size=14, align=B.CENTER, after=6, line=1.5)
        B.paragraph_style(doc, "Caption", east_asia=B.HEI, size=10.5, align=B.CENTER, before=6,
                          after=3, line=1.2, keep_next=True)
        B.paragraph_style(doc, "Figure", base="Body Plain", align=B.CENTER, line=1.0, keep_next=True)
        B.paragraph_style(doc, "Formula", base="Body Plain", align=B.CENTER, before=6, after=6)
        B.paragraph_style(doc, "Table Text", size=10.5, align=B.LEFT, line=1.15)
        B.paragraph_style(doc, "Table Center", size=10.5, align=B.CENTER, line=1.15)
        B.paragraph_style(doc, "Table Number", size=10.5, align=B.RIGHT, line=1.15)
        B.paragraph_style(doc, "Table Heading", east_asia=B.HEI, size=10.5, align=B.CENTER, line=1.15)
        B.paragraph_style(doc, "Table Spacer", size=6, line=1.0)
        B.paragraph_style(doc, "Table Note", size=10.5, align=B.JUSTIFY, line=1.3)
        B.paragraph_style(doc, "TOC Heading", east_asia=B.HEI, size=16, align=B.LEFT, after=6,
                          keep_next=True, page_break=True)
        for level in (1, 2, 3):
            B.paragraph_style(doc, f"TOC {level}", size=12, align=B.LEFT, line=1.5)
            doc.styles[f"TOC {level}"].paragraph_format.left_indent = Pt(12 * 2 * (level - 1))
        B.paragraph_style(doc, "Header", size=9, align=B.LEFT, line=1.0)
        B.paragraph_style(doc, "Footer", size=9, align=B.CENTER, line=1.0)
        B.table_style(doc, "PCF Table")

    def _header_footer(self, section) -> None:
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        header.add_run("{{ report.number }}\t\t{{ report.title }}")
        B.bottom_border(header)
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        footer.add_run("第 ")
        B.field(footer, "PAGE", "1")
        footer.add_run(" 页 共 ")
        B.field(footer, "NUMPAGES", "1")
        footer.add_run(" 页")

    # -- content helpers -----------------------------------------------------------
    def p(self, text: str, style: str = "Normal"):
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def tag(self, text: str) -> None:
        self.p(text, "Body Plain")

    def h(self, level: int, text: str, numbered: bool = True) -> None:
        paragraph = self.p(text, f"Heading {level}")
        if not numbered:
            B.unnumbered(paragraph)

    def caption(self, kind: str, chapter: int | str, title: str) -> None:
        paragraph = self.p("", "Caption")
        paragraph.add_run(f"{{{{r cap.{kind}({chapter!r}) }}}}")
        paragraph.add_run(title)

    def figure(self, expression: str) -> None:
        self.p(f"{{{{ {expression} }}}}", "Figure")

    def items(self, loop: str, text: str) -> None:
        """A numbered list: （1）…, （2）…"""
        self.tag(f"{{%p for item in {loop} %}}")
        self.p(f"（{{{{ loop.index }}}}）{text}")
        self.tag("{%p endfor %}")

    def table(self, widths: list[float], rows: list[tuple], *, header: bool = True) -> None:
        """rows: ("head", [texts]) | ("tag", text) | ("row", [(text, align)], bold).

        A table without a header row is a key/value table: its first column is shaded.
        """
        table = self.doc.add_table(rows=len(rows), cols=len(widths))
        table.style = self.doc.styles["PCF Table"]
        for row, spec in zip(table.rows, rows, strict=True):
            kind = spec[0]
            if kind == "head":
                B.repeat_header_row(row)
                for cell, text in zip(row.cells, spec[1], strict=True):
                    self._cell(cell, text, "Table Heading")
            elif kind == "tag":
                self._cell(row.cells[0], spec[1], "Table Text")
            else:
                bold = len(spec) > 2 and spec[2]
                for cell, (text, align) in zip(row.cells, spec[1], strict=True):
                    style = {"l": "Table Text", "c": "Table Center", "r": "Table Number"}[align]
                    self._cell(cell, text, style, bold)
        B.full_width(table, widths)
        B.keep_rows_whole(table)
        B.table_look(table, first_row=header, first_column=not header)
        self.p("", "Table Spacer")

    def _cell(self, cell, text: str, style: str, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.doc.styles[style]
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None

    def save(self) -> None:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        properties = self.doc.core_properties
        properties.title = "产品碳足迹评价报告模板"
        properties.author = properties.last_modified_by = "pcfdoc"
        properties.created = properties.modified = dt.datetime.combine(TEMPLATE_DATE, dt.time())
        properties.revision = 1
        package = self.doc.part.package
        for key, relation in list(package.rels.items()):
            if relation.reltype.endswith("/thumbnail"):  # a preview of python-docx's empty default
                del package.rels[key]
        buffer = io.BytesIO()
        self.doc.save(buffer)
        OUT.write_bytes(reproducible(buffer.getvalue(), TEMPLATE_DATE))
        print(f"wrote {OUT}")


def cover(b: Builder) -> None:
    b.p("{{ company.name }}", "Cover Company")
    b.p("{{ report.title }}", "Title")
    for line in ("报告编号：{{ report.number }}", "委托单位：{{ report.client }}",
                 "评价机构：{{ report.assessor }}", "报告日期：{{ report.issue_date }}"):
        b.p(line, "Cover Line")


def information(b: Builder) -> None:
    b.h(1, "基本信息", numbered=False)
    left, right = 4.2, 10.8
    rows = [
        ("row", [("委托单位", "l"), ("{{ report.client }}", "l")]),
        ("tag", "{%tr if report.commissioned %}"),
        ("row", [("受评价企业", "l"), ("{{ company.name }}", "l")]),
        ("tag", "{%tr endif %}"),
    ]
    rows += [("row", [(k, "l"), (v, "l")]) for k, v in (
        ("统一社会信用代码", "{{ company.credit_code }}"),
        ("地址", "{{ company.address }}"),
        ("法定代表人", "{{ company.legal_representative }}"),
        ("注册资本", "{{ company.registered_capital }}"),
        ("联系人及联系方式", "{{ company.contact.name }}{% if company.contact.phone %}，电话 "
                     "{{ company.contact.phone }}{% endif %}{% if company.contact.email %}，邮箱 "
                     "{{ company.contact.email }}{% endif %}"),
    )]
    rows += [
        ("tag", "{%tr for product in products %}"),
        ("row", [("产品名称及型号", "l"), ("{{ product.name_model }}", "l")]),
        ("row", [("功能单位", "l"), ("{{ product.fu_text }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ]
    rows += [("row", [(k, "l"), (v, "l")]) for k, v in (
        ("报告编号", "{{ report.number }}"),
        ("数据时间范围", "{{ period.text }}"),
        ("评价依据", "{{ report.standards_lines }}"),
        ("系统边界", "{{ boundary.summary }}"),
        ("特征化因子", "IPCC {{ gwp.id }} 全球变暖潜势（GWP100）"),
        ("评价结论", "{{ conclusion }}"),
        ("编制", "{{ report.prepared }}"),
        ("审核", "{{ report.reviewed }}"),
        ("批准", "{{ report.approved }}"),
        ("评价机构", "{{ report.assessor }}"),
        ("报告日期", "{{ report.issue_date }}"),
    )]
    b.table([left, right], rows, header=False)


def abstract(b: Builder) -> None:
    b.h(1, "摘要", numbered=False)
    b.p("受{{ report.client }}委托，{{ report.assessor }}依据{{ report.standards_text }}，采用生命周期评价方法，"
        "对{{ company.name }}生产的{{ products_text }}开展了产品碳足迹量化评价"
        "{% if improvements %}，并提出了改进建议{% endif %}。")
    b.p("本次评价的功能单位为{{ fu_text }}。系统边界为“{{ boundary.type_name }}”，包括{{ boundary.stages_text }}"
        "共 {{ boundary.stage_count }} 个阶段{% if boundary.excluded_text %}，{{ boundary.excluded_text }}"
        "不在评价范围内{% endif %}。活动数据的时间范围为{{ period.text }}。")
    b.p("本次评价共使用 {{ data.line_count }} 项活动数据，其中企业实测或统计的初级数据 {{ data.primary_count }} 项、"
        "次级数据 {{ data.secondary_count }} 项{% if method.databases_text %}；排放因子取自{{ method.databases_text }}"
        "等来源{% endif %}；各种温室气体按 IPCC {{ gwp.id }} 的 100 年全球变暖潜势折算为二氧化碳当量。")
    b.tag("{%p for product in products %}")
    b.p("经核算，{{ product.name }}的碳足迹为 {{ product.total }} {{ product.per_label }}。其中，"
        "{% for stage in product.stages %}{{ stage.name }}阶段 {{ stage.value }} {{ product.result_unit }}，"
        "占 {{ stage.share }}%{{ '；' if not loop.last else '。' }}{% endfor %}"
        "{% if product.top %}排放贡献最大的单项为{{ product.top.name }}，占 {{ product.top.share }}%。{% endif %}")
    b.tag("{%p endfor %}")


def contents(b: Builder) -> None:
    b.p("目录", "TOC Heading")  # not a heading: the TOC should not list itself
    paragraph = b.p("", "Body Plain")
    B.field(paragraph, 'TOC \\o "1-3" \\h \\z \\u', "目录将在 Word 打开文档时生成；如未生成，请右键单击此处并选择“更新域”。")


def chapter_introduction(b: Builder) -> None:
    b.h(1, "产品碳足迹介绍")
    b.p("产品碳足迹（carbon footprint of a product，CFP）是指一个产品在其生命周期内温室气体排放量与清除量之和，"
        "以二氧化碳当量（CO₂e）表示。它量化的是生命周期评价中“气候变化”这一类环境影响，所涉及的生命周期阶段"
        "通常包括原材料获取、生产、分销、使用和生命末期处置。")
    b.p("温室气体包括二氧化碳（CO₂）、甲烷（CH₄）、氧化亚氮（N₂O）、氢氟碳化物（HFCs）、全氟化碳（PFCs）、"
        "六氟化硫（SF₆）和三氟化氮（NF₃）等。各种气体对气候的影响用全球变暖潜势（GWP）衡量：单位质量的某种气体"
        "在一定时间范围内造成的辐射强迫，相当于多少单位质量的二氧化碳。本报告采用{{ gwp.report_name }}给出的"
        " 100 年 GWP 值。")
    b.p("产品碳足迹的核算以生命周期评价方法为基础。常用的核算标准有 ISO 14067、GB/T 24067、PAS 2050 和温室气体"
        "核算体系产品标准等，它们的目的都是使产品碳足迹的量化和报告方法一致、透明、可比较。本次评价依据以下标准：")
    b.items("report.standards", "{{ item.id }}《{{ item.title }}》，由{{ item.issuer }}于 {{ item.year }} 年发布"
            "{% if item.superseded_by %}，现已被 {{ item.superseded_by }} 取代{% endif %}。")
    b.tag("{%p if report.other_references %}")
    b.p("此外，评价还参考了{{ report.other_references_text }}。")
    b.tag("{%p endif %}")


def chapter_company(b: Builder) -> None:
    b.h(1, "企业概况")
    b.h(2, "企业简介")
    b.tag("{%p for paragraph in company.introduction %}")
    b.p("{{ paragraph }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for paragraph in company.site %}")
    b.p("{{ paragraph }}")
    b.tag("{%p endfor %}")
    b.h(2, "产品介绍")
    b.tag("{%p for product in products %}")
    b.p("{{ product.name }}{% if product.model %}（型号：{{ product.model }}）{% endif %}"
        "{% if product.description %}：{{ product.description }}{% else %}。{% endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if company.process_steps %}")
    b.h(2, "生产工艺")
    b.p("{{ company.name }}的主要生产工序如下：")
    b.items("company.process_steps", "{{ item.name }}{% if item.description %}：{{ item.description }}{% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if company.equipment %}")
    b.h(2, "主要生产设备")
    b.caption("table", 2, "主要生产设备")
    b.table([1.0, 2.8, 2.6, 2.0, 1.2, 3.2, 2.2], [
        ("head", ["序号", "设备名称", "型号", "设备编号", "数量", "生产厂家", "备注"]),
        ("tag", "{%tr for item in company.equipment %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.model }}", "l"),
                 ("{{ item.code }}", "l"), ("{{ item.quantity }}", "r"), ("{{ item.manufacturer }}", "l"),
                 ("{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if company.annual_output %}")
    b.h(2, "产品产量")
    b.p("数据时间范围内，{{ company.name }}的产品产量如下表所示。")
    b.caption("table", 2, "数据时间范围内的产品产量")
    b.table([1.2, 4.4, 2.6, 1.4, 2.4, 3.0], [
        ("head", ["序号", "产品", "产量", "单位", "产值（{{ company.output_value_unit }}）", "备注"]),
        ("tag", "{%tr for item in company.annual_output %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.value }}", "r"), ("{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")


def chapter_scope(b: Builder) -> None:
    b.h(1, "目标与范围定义")
    b.h(2, "评价目的与预期用途")
    b.p("{{ report.purpose }}")
    b.tag("{%p if report.audience %}")
    b.p("本报告的预期使用者包括：")
    b.items("report.audience", "{{ item }}")
    b.tag("{%p endif %}")
    b.p("本报告的结果只适用于所述的功能单位、系统边界和数据时间范围，不宜直接用于不同研究之间的产品比较。")

    b.h(2, "功能单位与基准流")
    b.tag("{%p for product in products %}")
    b.p("{{ product.name }}的功能单位为“{{ product.fu_text }}”，碳足迹结果以 {{ product.per_label }} 表示。"
        "{% if product.mass %}每个功能单位对应的产品质量为 {{ product.mass }}。{% endif %}"
        "{% if product.inventory_basis %}清单数据按每 {{ product.inventory_basis }}产品收集，计算时乘以 "
        "{{ product.inventory_scale }} 换算到一个功能单位。{% endif %}")
    b.tag("{%p endfor %}")

    b.h(2, "系统边界")
    b.p("本次评价的系统边界类型为“{{ boundary.type_name }}”，"
        "{% if boundary.type == 'cradle-to-gate' %}即从原材料获取开始，到产品离开工厂为止"
        "{% if boundary.has_distribution %}，并计入产品运至客户的运输{% endif %}"
        "{% elif boundary.type == 'cradle-to-grave' %}即覆盖从原材料获取到产品使用和生命末期处置的全过程"
        "{% else %}即只包括企业厂区内的生产过程{% endif %}。系统边界内包括"
        "{{ boundary.stages_text }}共 {{ boundary.stage_count }} 个阶段{% if boundary.excluded_text %}；"
        "{{ boundary.excluded_text }}不在本次评价范围内{% endif %}。各阶段包含和未包含的过程见下表。")
    b.figure("boundary.diagram")
    b.caption("figure", 3, "系统边界")
    b.caption("table", 3, "各生命周期阶段包含和未包含的过程")
    b.table([3.0, 1.8, 5.4, 4.8], [
        ("head", ["生命周期阶段", "是否纳入", "包含的过程", "未包含的过程"]),
        ("tag", "{%tr for item in boundary.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.included }}", "c"), ("{{ item.processes_in }}", "l"),
                 ("{{ item.processes_out }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p if boundary.exclusions %}")
    b.p("以下内容不在系统边界之内：")
    b.items("boundary.exclusions", "{{ item.item }}{% if item.reason %}：{{ item.reason }}{% endif %}")
    b.tag("{%p endif %}")

    b.h(2, "分配原则")
    b.p("{% if allocation.method == 'none' %}本次评价不在多种产出之间分配排放"
        "{% if allocation.rows %}；以全年总量记录的消耗，按评价产品在数据时间范围内的产量折算为单位产品消耗"
        "{% endif %}。{% else %}工厂的多种产出共用部分能源和物料，这些以全年总量记录的消耗"
        "{% if allocation.method == 'physical' %}按各产出的产量{% elif allocation.method == 'mass' %}"
        "按各产出的质量{% else %}按各产出的经济价值（产值）{% endif %}"
        "在各产出之间分配，再按评价产品的产量折算为单位产品消耗。{% endif %}")
    b.tag("{%p if allocation.rationale %}")
    b.p("{{ allocation.rationale }}")
    b.tag("{%p endif %}")
    b.tag("{%p if allocation.rows %}")
    b.caption("table", 3, "分配依据")
    b.table([5.0, 3.0, 1.6, 3.4, 2.0], [
        ("head", ["产出", "产量", "单位", "分配依据", "分配比例（%）"]),
        ("tag", "{%tr for item in allocation.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.amount }}", "r"), ("{{ item.unit }}", "c"),
                 ("{{ item.basis }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")

    b.h(2, "取舍准则")
    b.p("本次评价采用以下取舍准则：")
    b.p("（1）单项物料的质量小于产品质量的 {{ cutoff.mass_threshold }}% 时，可不计其上游排放；")
    b.p("（2）按上条忽略的物料，总质量不超过产品质量的 {{ cutoff.total_threshold }}%；")
    b.tag("{%p for rule in cutoff.rules %}")
    b.p("（{{ loop.index + 2 }}）{{ rule }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.cutoff.rows %}")
    b.p("{{ product.name }}中，单项质量低于阈值的原材料和评价中剔除的输入逐项列于下表。")
    b.caption("table", 3, "{{ product.name }}的取舍情况")
    b.table([4.4, 2.6, 2.2, 2.6, 1.6, 1.6], [
        ("head", ["名称", "所属阶段", "质量占比（%）", f"排放量（{UNIT}）", "占比（%）", "处理"]),
        ("tag", "{%tr for item in product.cutoff.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.stage }}", "l"), ("{{ item.mass_share }}", "r"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r"), ("{{ item.treatment }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.p("注：质量占比以单位产品质量为基准，无法折算为质量的输入记为“—”；剔除项的排放量为估算值，"
        "占比以碳足迹与剔除项估算排放量之和为基准。", "Table Note")
    b.tag("{%p for item in product.cutoff.details %}")
    b.p("剔除项{{ item.name }}：{% if item.source %}数据来源为{{ item.source }}{% if item.note %}；{% endif %}"
        "{% endif %}{{ item.note }}。", "Table Note")
    b.tag("{%p endfor %}")
    b.p("{% if product.cutoff.excluded %}剔除的输入（{{ product.cutoff.excluded_names }}）"
        "{% if product.cutoff.mass_share %}合计占产品质量的 {{ product.cutoff.mass_share }}%，{% endif %}"
        "估算排放量为 {{ product.cutoff.emission }}，约占全部排放（含剔除项）的 {{ product.cutoff.emission_share }}%，"
        "{% if product.cutoff.within %}未超过{% else %}超过了{% endif %}取舍准则规定的 "
        "{{ cutoff.total_threshold }}% 总量限值；这部分排放未计入本报告的碳足迹结果。"
        "{% else %}上表所列输入虽低于单项质量阈值，其排放仍全部计入碳足迹，本次评价没有剔除任何输入。{% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.h(2, "影响类别与特征化方法")
    b.p("本次评价只考虑气候变化这一个影响类别，以 100 年全球变暖潜势（GWP100）作为特征化因子，把各种温室气体"
        "折算为二氧化碳当量。GWP 值取自{{ gwp.report_name }}，本报告用到的数值见下表。排放因子本身已以 CO₂e "
        "表示的，直接计入。")
    b.caption("table", 3, "全球变暖潜势（GWP100）")
    b.table([4.5, 4.5, 4.0], [
        ("head", ["温室气体", "化学式", "GWP100"]),
        ("tag", "{%tr for item in gwp.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.formula }}", "c"), ("{{ item.value }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])

    b.h(2, "数据来源与数据质量要求")
    b.p("活动数据优先采用企业的计量和统计数据（初级数据）；无法直接获得时，采用数据库、文献或估算得到的数据"
        "（次级数据），并在报告中注明来源。{% if method.databases_text %}本次评价使用的数据库和数据来源包括"
        "{{ method.databases_text }}。{% endif %}{% if method.software %}建模使用的软件为{{ method.software }}。"
        "{% endif %}")
    b.p("数据质量按以下要求控制：")
    for number, text in enumerate((
        "时间代表性：活动数据反映数据时间范围内的实际生产，排放因子尽量选用与之接近的年份；",
        "地理代表性：优先采用反映生产所在地区的数据，例如所在区域电网的排放因子；",
        "技术代表性：数据反映所评价产品实际采用的工艺和设备；",
        "完整性：系统边界内的过程全部计入，按取舍准则忽略的内容予以说明；",
        "一致性：各过程的数据采用相同的统计口径、时间范围和计算方法。",
    ), 1):
        b.p(f"（{number}）{text}")
    b.p("数据质量采用谱系矩阵（pedigree matrix）方法评价：对每个排放源，从{{ analysis.indicators_text }}五个方面"
        "分别打分，每项 1～5 分，1 分最好，5 分最差。五项评分的平均值为该排放源的数据质量评分（DQR）；各排放源的 DQR "
        "按排放量加权平均，得到产品的 DQR，并按以下区间评定等级：{{ analysis.levels_text }}。")
    b.p("未单独给出时间相关性评分的，按排放因子的参考年份与数据时间范围起始年份之差推算："
        "{{ analysis.temporal_ages }}。其余未给出的评分采用下表的默认值；采用默认值和推算值的评分在第 5 章的"
        "数据质量评分表中逐项标出。")
    b.caption("table", 3, "未给出评分时采用的默认评分")
    b.table([2.5, 2.5, 2.5, 2.5, 2.5, 2.5], [
        ("head", ["数据类型", "{{ analysis.indicators[0] }}", "{{ analysis.indicators[1] }}",
                  "{{ analysis.indicators[2] }}", "{{ analysis.indicators[3] }}", "{{ analysis.indicators[4] }}"]),
        ("tag", "{%tr for item in analysis.defaults %}"),
        ("row", [("{{ item.type }}", "l")] + [(f"{{{{ item.scores[{i}] }}}}", "c") for i in range(5)]),
        ("tag", "{%tr endfor %}"),
    ])


def chapter_data(b: Builder) -> None:
    b.h(1, "数据收集")
    b.h(2, "数据收集方法")
    b.tag("{%p if method.data_collection %}")
    b.p("{{ method.data_collection }}")
    b.tag("{%p else %}")
    b.p("活动数据收集的时间范围为{{ period.text }}。各项数据的类型和来源逐项列于下列各表，其中初级数据指企业"
        "计量或统计的实际数据，次级数据指取自数据库、文献或估算的数据。")
    b.tag("{%p endif %}")
    b.tag("{%p for product in products %}")
    b.h(2, "{{ product.name }}的活动数据")
    b.p("{{ product.name }}共有 {{ product.line_count }} 项活动数据，其中初级数据 {{ product.primary_count }} 项、"
        "次级数据 {{ product.secondary_count }} 项，按生命周期阶段列于下列各表。")
    b.tag("{%p for stage in product.stages %}")
    b.h(3, "{{ stage.name }}")
    b.tag("{%p if stage.inventory %}")
    b.caption("table", 4, "{{ product.name }}：{{ stage.name }}阶段的活动数据")
    b.table([1.2, 3.4, 2.0, 1.4, 2.1, 2.0, 2.9], [
        ("head", ["序号", "名称", "数量", "单位", "计量基准", "数据类型", "数据来源"]),
        ("tag", "{%tr for item in stage.inventory %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.basis }}", "c"), ("{{ item.data_type }}", "c"),
                 ("{{ item.source }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if stage.transport %}")
    b.caption("table", 4, "{{ product.name }}：{{ stage.name }}阶段的运输数据")
    b.table([1.2, 3.2, 2.0, 2.0, 2.2, 2.2, 2.2], [
        ("head", ["序号", "运输对象", "运输质量（t）", "运输距离（km）", "运输方式", "周转量（t·km）", "数据来源"]),
        ("tag", "{%tr for item in stage.transport %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.mass }}", "r"),
                 ("{{ item.distance }}", "r"), ("{{ item.mode }}", "c"), ("{{ item.tkm }}", "r"),
                 ("{{ item.source }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p if stage.destinations %}")
    b.p("产品按销量比例运往以下目的地，每个功能单位的运输质量为 {{ product.shipped_mass }} t"
        "{% if product.distribution_source %}（数据来源：{{ product.distribution_source }}）{% endif %}。")
    b.caption("table", 4, "{{ product.name }}的销售去向")
    b.table([1.2, 3.4, 2.4, 2.4, 2.8, 2.8], [
        ("head", ["序号", "目的地", "销量占比（%）", "运输距离（km）", "运输方式", "周转量（t·km）"]),
        ("tag", "{%tr for item in stage.destinations %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.share }}", "r"),
                 ("{{ item.distance }}", "r"), ("{{ item.mode }}", "c"), ("{{ item.tkm }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p for item in stage.notes %}")
    b.p("注：{{ item.name }}——{{ item.note }}", "Table Note")
    b.tag("{%p endfor %}")
    b.tag("{%p if not stage.lines %}")
    b.p("本阶段在系统边界内，但没有需要计入的排放源。")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if product.annual %}")
    b.h(3, "全年总量的折算")
    b.p("以下消耗以数据时间范围内的全厂总量记录，按分配比例分摊后，除以{{ product.name }}的产量"
        "（{{ product.annual_output }}）得到单位产品用量。")
    b.caption("table", 4, "{{ product.name }}全年总量的折算")
    b.table([3.6, 3.0, 2.2, 3.0, 3.2], [
        ("head", ["名称", "全年总量", "分配比例（%）", "产品产量", "每{{ product.fu_unit }}用量"]),
        ("tag", "{%tr for item in product.annual %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.total }}", "r"), ("{{ item.share }}", "r"),
                 ("{{ item.output }}", "r"), ("{{ item.per_unit }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.h(2, "排放因子")
    b.p("下表列出计算中使用的全部排放因子；来源、核实状态和说明见附录 A。")
    b.caption("table", 4, "排放因子")
    b.table([1.2, 3.9, 2.2, 2.6, 1.3, 1.9, 1.9], [
        ("head", ["序号", "名称", "数值", "单位", "年份", "适用地区", "状态"]),
        ("tag", "{%tr for item in factors.rows %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.value }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.year }}", "c"), ("{{ item.region }}", "l"),
                 ("{{ item.status }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ])
    unverified_note(b)
    b.tag("{%p if declared %}")
    b.p("以下物料采用供应商或其他来源声明的单位排放量，代替“活动数据 × 排放因子”中的排放因子：")
    b.caption("table", 4, "声明的单位排放量")
    b.table([3.2, 3.4, 2.2, 2.6, 3.6], [
        ("head", ["产品", "物料", "声明值", "单位", "来源"]),
        ("tag", "{%tr for item in declared %}"),
        ("row", [("{{ item.product }}", "l"), ("{{ item.name }}", "l"), ("{{ item.value }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.source }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")


def unverified_note(b: Builder) -> None:
    b.tag("{%p if factors.unverified %}")
    b.p("注意：以下排放因子标记为“未核实”，其数值未能与原始来源核对，引用本报告结论时应予以注意："
        "{{ factors.unverified | join('、') }}。", "Table Note")
    b.tag("{%p endif %}")


def chapter_calculation(b: Builder) -> None:
    b.h(1, "碳足迹计算")
    b.h(2, "计算方法")
    b.p("产品碳足迹按下式计算：")
    b.p("CFP = Σᵢ Σⱼ Aᵢ × EFᵢⱼ × GWPⱼ", "Formula")
    b.p("式中，CFP 为一个功能单位的产品碳足迹；Aᵢ 为第 i 项活动折算到一个功能单位的活动数据；EFᵢⱼ 为第 i 项活动"
        "第 j 种温室气体的排放因子；GWPⱼ 为第 j 种温室气体的 100 年全球变暖潜势，排放因子已以 CO₂e 表示时取 1。"
        "运输的活动数据为货物周转量，即运输质量（t）与运输距离（km）之积。")
    b.tag("{%p for product in products %}")
    b.h(2, "{{ product.name }}的计算结果")
    b.p("下表逐项列出{{ product.name }}各排放源的活动数据、排放因子和排放量，均以一个功能单位（{{ product.fu }}）计。")
    b.caption("table", 5, "{{ product.name }}碳足迹计算表")
    b.table([1.1, 3.0, 1.9, 1.3, 1.9, 2.3, 2.0, 1.5], [
        ("head", ["序号", "排放源", "活动数据", "单位", "排放因子", "因子单位",
                  f"排放量（{UNIT}）", "占比（%）"]),
        ("tag", "{%tr for stage in product.stages %}"),
        ("row", [("", "c"), ("{{ stage.name }}", "l"), ("", "r"), ("", "c"), ("", "r"), ("", "c"),
                 ("{{ stage.value }}", "r"), ("{{ stage.share }}", "r")], True),
        ("tag", "{%tr for item in stage.lines %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l"), ("{{ item.amount }}", "r"),
                 ("{{ item.unit }}", "c"), ("{{ item.factor }}", "r"), ("{{ item.factor_unit }}", "c"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("tag", "{%tr endfor %}"),
        ("row", [("", "c"), ("合计", "l"), ("", "r"), ("", "c"), ("", "r"), ("", "c"),
                 ("{{ product.total }}", "r"), ("{{ product.total_share }}", "r")], True),
    ])
    b.p("各生命周期阶段的排放量和占比见下表和下图。")
    b.caption("table", 5, "{{ product.name }}各生命周期阶段的碳排放")
    b.table([5.0, 5.0, 3.0], [
        ("head", ["生命周期阶段", "排放量（{{ product.per_label }}）", "占比（%）"]),
        ("tag", "{%tr for item in product.stages %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.value }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [("合计", "l"), ("{{ product.total }}", "r"), ("{{ product.total_share }}", "r")], True),
    ])
    b.figure("product.stage_chart")
    b.caption("figure", 5, "{{ product.name }}各生命周期阶段的碳排放占比")
    b.p("按排放量从大到小，{{ product.name }}的主要排放源如下。")
    b.caption("table", 5, "{{ product.name }}的主要排放源")
    b.table([1.2, 4.4, 3.4, 3.0, 2.0], [
        ("head", ["排名", "排放源", "所属阶段", f"排放量（{UNIT}）", "占比（%）"]),
        ("tag", "{%tr for item in product.hotspots %}"),
        ("row", [("{{ item.rank }}", "c"), ("{{ item.name }}", "l"), ("{{ item.stage }}", "l"),
                 ("{{ item.emission }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.figure("product.hotspot_chart")
    b.caption("figure", 5, "{{ product.name }}的主要排放源")
    b.tag("{%p if product.gases %}")
    b.p("按温室气体种类统计，{{ product.name }}的排放如下：")
    b.caption("table", 5, "{{ product.name }}按温室气体统计的排放")
    b.table([3.6, 3.6, 2.4, 4.0], [
        ("head", ["温室气体", "排放量（kg）", "GWP100", f"排放量（{UNIT}）"]),
        ("tag", "{%tr for item in product.gases %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.mass }}", "r"), ("{{ item.gwp }}", "r"),
                 ("{{ item.co2e }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.p("按 ISO 14067 的要求，化石来源、生物源、直接土地利用变化和航空运输的温室气体排放分别列示如下"
        "（单位：{{ product.per_label }}）。")
    b.caption("table", 5, "{{ product.name }}的温室气体排放分类")
    b.table([2.9, 2.1, 2.1, 3.5, 2.1, 2.3], [
        ("head", ["生命周期阶段", "化石", "生物源", "直接土地利用变化", "航空运输", "合计"]),
        ("tag", "{%tr for item in product.ghg.rows %}"),
        ("row", [("{{ item.name }}", "l")] + [(f"{{{{ item.amounts[{i}] }}}}", "r") for i in range(4)]
         + [("{{ item.total }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [("合计", "l")] + [(f"{{{{ product.ghg.total.amounts[{i}] }}}}", "r") for i in range(4)]
         + [("{{ product.ghg.total.total }}", "r")], True),
    ])
    b.tag("{%p endfor %}")

    data_quality(b)
    uncertainty(b)
    sensitivity(b)
    scenarios(b)


def data_quality(b: Builder) -> None:
    b.h(2, "数据质量评价")
    b.p("按第 3 章所述的谱系矩阵方法，逐项评价各排放源的数据质量，结果如下。")
    b.tag("{%p for product in products %}")
    b.caption("table", 5, "{{ product.name }}的数据质量评分")
    b.table([1.1, 3.2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.2, 2.0], [
        ("head", ["序号", "排放源", "可靠性", "完整性", "时间\n相关性", "地理\n相关性", "技术\n相关性", "DQR",
                  "数据类型"]),
        ("tag", "{%tr for item in product.quality.rows %}"),
        ("row", [("{{ item.no }}", "c"), ("{{ item.name }}", "l")]
         + [(f"{{{{ item.scores[{i}] }}}}", "c") for i in range(5)]
         + [("{{ item.dqr }}", "r"), ("{{ item.data_type }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p if product.quality.has_default or product.quality.has_derived %}")
    b.p("注：{% if product.quality.has_default %}带“*”的评分未在数据中给出，采用第 3 章所列的默认评分"
        "{% if product.quality.has_derived %}；{% endif %}{% endif %}{% if product.quality.has_derived %}"
        "带“†”的评分由排放因子的参考年份推算{% endif %}。", "Table Note")
    b.tag("{%p endif %}")
    b.p("{% if product.quality.dqr %}按排放量加权，{{ product.name }}的数据质量评分（DQR）为 "
        "{{ product.quality.dqr }}，等级为“{{ product.quality.level }}”。{% else %}{{ product.name }}没有排放，"
        "不评定加权的数据质量评分。{% endif %}采用初级数据的排放源占碳足迹的 {{ product.primary_share }}%，"
        "采用次级数据的占 {{ product.secondary_share }}%。按 PACT 第 3 版的数据质量评级（1～5，1 为最好），"
        "技术代表性评分为 {{ product.quality.pact.technological }}，地理代表性评分为 "
        "{{ product.quality.pact.geographical }}，时间代表性评分为 {{ product.quality.pact.temporal }}。")
    b.tag("{%p endfor %}")
    b.tag("{%p if notes.data_quality %}")
    b.p("{{ notes.data_quality }}")
    b.tag("{%p endif %}")


def uncertainty(b: Builder) -> None:
    b.h(2, "不确定性分析")
    b.p("结果的不确定性采用蒙特卡洛模拟评价。每个排放源的排放量视为服从对数正态分布，其中位数为计算所得的"
        "确定值，几何标准差（GSD）采用数据中给出的数值；未给出时，由基本不确定性和五项谱系评分按下式求得：")
    b.p("σ² = Σᵢ (ln Uᵢ / 2)²，GSD = exp(σ)", "Formula")
    b.p("式中，Uᵢ 依次为基本不确定性和五项谱系评分对应的不确定性因子（以 GSD² 表示，取自 ecoinvent 数据质量体系）；"
        "基本不确定性取{{ analysis.basic_text }}。各排放源相互独立地抽样，每次抽样得到的排放量按阶段和产品加总，"
        "共模拟 {{ analysis.iterations }} 次，随机数种子为 {{ analysis.seed }}：数据和种子不变时，"
        "重新计算得到完全相同的结果。")
    b.tag("{%p for product in products %}")
    b.p("{{ product.name }}的模拟结果见下表（单位：{{ product.per_label }}）。在 95% 的概率下，碳足迹介于 "
        "{{ product.uncertainty.total.p2_5 }} 与 {{ product.uncertainty.total.p97_5 }} {{ product.per_label }} "
        "之间，中位数为 {{ product.uncertainty.total.p50 }}，平均值为 {{ product.uncertainty.total.mean }}。")
    b.caption("table", 5, "{{ product.name }}碳足迹的不确定性")
    b.table([2.6, 2.48, 2.48, 2.48, 2.48, 2.48], [
        ("head", ["项目", "确定值", "平均值", "中位数", "2.5% 分位数", "97.5% 分位数"]),
        ("tag", "{%tr for item in product.uncertainty.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.value }}", "r"), ("{{ item.mean }}", "r"),
                 ("{{ item.p50 }}", "r"), ("{{ item.p2_5 }}", "r"), ("{{ item.p97_5 }}", "r")]),
        ("tag", "{%tr endfor %}"),
        ("row", [("合计", "l"), ("{{ product.uncertainty.total.value }}", "r"),
                 ("{{ product.uncertainty.total.mean }}", "r"), ("{{ product.uncertainty.total.p50 }}", "r"),
                 ("{{ product.uncertainty.total.p2_5 }}", "r"), ("{{ product.uncertainty.total.p97_5 }}", "r")],
         True),
    ])
    b.figure("product.uncertainty.histogram")
    b.caption("figure", 5, "{{ product.name }}碳足迹的蒙特卡洛模拟分布")
    b.tag("{%p if product.uncertainty.variance %}")
    b.p("对碳足迹方差贡献最大的排放源如下，提高这些数据的质量最能缩小结果的不确定范围。")
    b.caption("table", 5, "{{ product.name }}不确定性的主要来源")
    b.table([1.4, 5.0, 3.4, 2.2, 3.0], [
        ("head", ["排名", "排放源", "所属阶段", "GSD", "方差贡献（%）"]),
        ("tag", "{%tr for item in product.uncertainty.variance %}"),
        ("row", [("{{ item.rank }}", "c"), ("{{ item.name }}", "l"), ("{{ item.stage }}", "l"),
                 ("{{ item.gsd }}", "r"), ("{{ item.share }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def sensitivity(b: Builder) -> None:
    b.h(2, "敏感性分析")
    b.p("敏感性分析采用单因素法：每次只将一个参数——某一排放源的活动数据，或某一排放因子——降低和提高 "
        "{{ analysis.step }}%，其余参数保持不变，重新计算碳足迹。物料的用量变化时，运输该物料的排放随之变化。"
        "一个排放因子只用于一个排放源时，改变该因子与改变该排放源的活动数据效果相同，两者合为一行。"
        "变化幅度为参数降低和提高时两个结果之差占基准结果的百分比。")
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.sensitivity.rows %}")
    b.p("{{ product.name }}的基准结果为 {{ product.sensitivity.baseline }} {{ product.per_label }}，"
        "对结果影响最大的参数见下图和下表。")
    b.figure("product.sensitivity.chart")
    b.caption("figure", 5, "{{ product.name }}的敏感性分析")
    b.caption("table", 5, "{{ product.name }}对结果影响最大的参数")
    b.table([3.6, 3.7, 2.7, 2.7, 2.3], [
        ("head", ["参数", "类型", "−{{ analysis.step }}% 时结果（{{ product.result_unit }}）",
                  "+{{ analysis.step }}% 时结果（{{ product.result_unit }}）", "变化幅度（%）"]),
        ("tag", "{%tr for item in product.sensitivity.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.kind }}", "c"), ("{{ item.low }}", "r"),
                 ("{{ item.high }}", "r"), ("{{ item.swing }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p else %}")
    b.p("{{ product.name }}没有排放，不作敏感性分析。")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def scenarios(b: Builder) -> None:
    b.tag("{%p if analysis.has_scenarios %}")
    b.h(2, "情景分析")
    b.p("情景分析在基准数据的基础上改变部分活动数据、运输距离或排放因子，按相同的方法重新计算碳足迹，"
        "与基准结果并列比较。")
    b.tag("{%p for product in products %}")
    b.tag("{%p if product.scenarios.rows %}")
    b.p("{{ product.name }}涉及的情景如下：")
    b.items("product.scenarios.descriptions",
            "{{ item.name }}{% if item.description %}：{{ item.description }}{% endif %}")
    b.caption("table", 5, "{{ product.name }}各情景的碳足迹")
    b.table([5.0, 3.4, 3.6, 3.0], [
        ("head", ["情景", "碳足迹\n（{{ product.per_label }}）", "与基准相比\n（{{ product.per_label }}）",
                  "与基准相比\n（%）"]),
        ("tag", "{%tr for item in product.scenarios.rows %}"),
        ("row", [("{{ item.name }}", "l"), ("{{ item.total }}", "r"), ("{{ item.change }}", "r"),
                 ("{{ item.change_pct }}", "r")]),
        ("tag", "{%tr endfor %}"),
    ])
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def chapter_interpretation(b: Builder) -> None:
    b.h(1, "结果解释")
    b.h(2, "评价结论")
    b.tag("{%p for product in products %}")
    b.p("在“{{ boundary.type_name }}”的系统边界内，{{ company.name }}生产的{{ product.name }}的碳足迹为 "
        "{{ product.total }} {{ product.per_label }}。排放主要来自{{ product.top_stage.name }}阶段，占 "
        "{{ product.top_stage.share }}%{% if product.hotspots %}；贡献最大的排放源依次为"
        "{% for item in product.hotspots[:3] %}{{ item.name }}（{{ item.share }}%）"
        "{{ '、' if not loop.last else '' }}{% endfor %}{% endif %}。")
    b.tag("{%p endfor %}")
    b.h(2, "假设与局限性")
    b.tag("{%p if notes.assumptions %}")
    b.p("本次评价的主要假设如下：")
    b.items("notes.assumptions", "{{ item }}")
    b.tag("{%p endif %}")
    b.tag("{%p if notes.limitations %}")
    b.p("本次评价的局限性如下：")
    b.items("notes.limitations", "{{ item }}")
    b.tag("{%p endif %}")
    b.p("本报告的结论基于所收集的数据和所选用的排放因子。生产工艺、原材料来源或能源结构发生变化时，应重新评价。")


def chapter_improvement(b: Builder) -> None:
    b.h(1, "改进建议")
    b.tag("{%p if improvements %}")
    b.p("根据计算结果，针对排放较大的环节提出以下改进措施。")
    b.tag("{%p for item in improvements %}")
    b.h(2, "{{ item.title }}")
    b.p("{{ item.description }}")
    b.tag("{%p for use in item.uses %}")
    b.p("{% if item.several %}{{ use.product }}：{% endif %}针对"
        "{% for target in use.targets %}{{ target.name }}{% if target.stage %}阶段{% endif %}"
        "（占 {{ target.share }}%）{{ '、' if not loop.last else '' }}{% endfor %}，所针对的排放为 {{ use.emission }}，"
        "占产品碳足迹的 {{ use.share }}%{% if use.reduction %}。{% if use.scenario %}按情景“{{ use.scenario }}”"
        "计算，{% endif %}{% if use.increase %}这部分排放反而增加 {{ use.reduction_pct }}%，即增加约 "
        "{{ use.reduction }}，相当于产品碳足迹的 {{ use.reduction_share }}%{% else %}预计可使这部分排放降低 "
        "{{ use.reduction_pct }}%，即减少约 {{ use.reduction }}，相当于产品碳足迹的 {{ use.reduction_share }}%"
        "{% endif %}{% endif %}。")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.p("本次评价未提出具体的改进措施。")
    b.tag("{%p endif %}")


def chapter_closing(b: Builder) -> None:
    b.h(1, "结语")
    b.p("产品碳足迹核算让企业看清产品生命周期中温室气体排放的来源和分布，是制定减排目标、开展绿色设计和供应链"
        "管理的基础。建议{{ company.name }}以本次评价为基准，持续完善计量和数据管理，定期更新产品碳足迹，并跟踪"
        "各项改进措施的实施效果。")


def appendices(b: Builder) -> None:
    b.h(1, "附录 A 排放因子来源", numbered=False)
    b.p("状态一栏说明各因子的数值是否已与原始来源核对：“已核实”为已核对；“第三方转录”为取自第三方转录、"
        "未与原文核对；“未核实”为来源已注明但数值未能核对；“项目提供”为本项目自行提供。")
    b.caption("table", "A", "排放因子来源")
    b.table([1.2, 3.6, 4.2, 1.2, 1.8, 3.0], [
        ("head", ["序号", "名称", "来源", "年份", "状态", "说明"]),
        ("tag", "{%tr for item in factors.rows %}"),
        ("row", [("{{ item.no }}", "c"),
                 ("{{ item.name }}{% if item.name_en %}\n{{ item.name_en }}{% endif %}"
                  "{% if item.library %}\n（{{ item.library }}：{{ item.id }}）{% endif %}", "l"),
                 ("{{ item.source }}", "l"), ("{{ item.year }}", "c"), ("{{ item.status }}", "c"),
                 ("{% if item.derivation %}{{ item.derivation }}\n{% endif %}{{ item.note }}", "l")]),
        ("tag", "{%tr endfor %}"),
    ])
    unverified_note(b)
    b.h(1, "附录 B 数据库与参考资料", numbered=False)
    b.tag("{%p if method.databases %}")
    b.p("本次评价使用的数据库和数据来源：")
    b.items("method.databases", "{{ item }}")
    b.tag("{%p endif %}")
    b.p("本次评价依据和参考的标准与文件：")
    b.items("report.references", "{{ item }}")
    b.h(1, "附录 C 评价人员", numbered=False)
    b.caption("table", "C", "评价人员")
    b.table([1.4, 2.4, 2.8, 3.8, 2.8, 1.8], [
        ("head", ["职责", "姓名", "角色", "单位", "证书编号", "日期"]),
        ("tag", "{%tr for item in report.people %}"),
        ("row", [("{{ item.duty }}", "c"), ("{{ item.name }}", "l"), ("{{ item.role }}", "l"),
                 ("{{ item.organization }}", "l"), ("{{ item.certificate }}", "l"), ("{{ item.date }}", "c")]),
        ("tag", "{%tr endfor %}"),
    ])


def main() -> None:
    b = Builder()
    for part in (cover, information, abstract, contents, chapter_introduction, chapter_company,
                 chapter_scope, chapter_data, chapter_calculation, chapter_interpretation,
                 chapter_improvement, chapter_closing, appendices):
        part(b)
    b.save()


if __name__ == "__main__":
    main()
