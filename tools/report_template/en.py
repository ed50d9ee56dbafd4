"""English texts of the report template (templates/en/report.docx), under the keys of zh.py.

Stage names arrive capitalised ("Raw material acquisition") for tables and headings;
inside a sentence the template lowers them with Jinja's `lower` filter.
"""
# ruff: noqa: E501  (template prose reads better unbroken)

from __future__ import annotations

import docx_build as B

from .builder import Look

LANGUAGE = "en"
# Times New Roman text, Arial headings and tables, ragged right (Chinese names a user writes would stretch
# justified lines); East Asian fonts stay set for that Chinese.
LOOK = Look(body="Times New Roman", heading="Arial", body_size=11, heading_sizes=(15, 13, 11.5), strong=True,
            indent_chars=None, line=1.25, after=6, align=B.LEFT, table_font="Arial", table_size=9,
            caption_size=10)
UNIT = "{{ product.per_label }}"  # every result is per functional unit
#: Between the items of a Jinja loop that reads "a, b and c".
SERIES = "{% if not loop.last %}{{ ' and ' if loop.revindex == 2 else ', ' }}{% endif %}"


def data_types(counts: str, primary: str = "primary", joined: str = " and ") -> str:
    """'7 primary and 7 secondary', or 'all secondary' when one kind has none (never '0 primary');
    ``counts`` is what holds primary_count and secondary_count."""
    first, second = f"{counts}.primary_count", f"{counts}.secondary_count"
    return (f"{{% if {first} == 0 and {second} %}}all secondary{{% elif {second} == 0 and {first} %}}"
            f"all {primary}{{% else %}}{{{{ {first} }}}} {primary}{joined}{{{{ {second} }}}} secondary"
            "{% endif %}")


def plural(count: str) -> str:
    """The plural ending of a noun counted by the Jinja expression ``count``."""
    return "{% if " + count + " != 1 %}s{% endif %}"


TEXTS = {
    # -- document -----------------------------------------------------------------------------------
    "template_title": "Product carbon footprint report template",
    "footer": ("Page ", " of ", ""),
    "item": "({n}) ",
    "figure.source": "Source: {{ item.source }}",
    "total": "Total",
    "table.remark": "Note: no. {{ item.no }}, {{ item.note }}",
    "draft_gap": "  ",
    # -- cover, information, revisions, abstract, contents --------------------------------------------
    "cover.number": "Report number: {{ report.number }}",
    "cover.client": "Commissioned by: {{ report.client }}",
    "cover.assessor": "{{ report.assessor_label }}: {{ report.assessor }}",
    "cover.date": "Date of issue: {{ report.issue_date }}",
    "info": "Report information",
    "info.widths": (4.4, 10.6),
    "info.keys": {
        "client": "Commissioned by", "company": "Company assessed", "credit_code": "Unified social credit code",
        "address": "Address", "legal_representative": "Legal representative",
        "registered_capital": "Registered capital", "contact": "Contact",
        "product": "Product and model", "functional_unit": "Functional unit", "number": "Report number",
        "period": "Data period", "standards": "Standards applied", "boundary": "System boundary",
        "gwp": "Characterisation factors", "conclusion": "Result", "issue_date": "Date of issue",
    },
    "info.contact": "{{ company.contact.name }}{% if company.contact.phone %}, tel. "
                    "{{ company.contact.phone }}{% endif %}{% if company.contact.email %}, email "
                    "{{ company.contact.email }}{% endif %}",
    "info.gwp": "IPCC {{ gwp.id }} global warming potentials (GWP100)",
    "signoff": "Sign-off",
    "signoff.widths": [2.1, 1.8, 2.6, 3.6, 2.2, 2.7],
    "signoff.head": ["Duty", "Name", "Role", "Certificate no.", "Signature", "Date"],
    "signoff.seal_widths": [4.4, 10.6],
    "revisions": "Revision history",
    "revisions.widths": (2.0, 3.2, 2.6, 7.2),
    "revisions.head": ["Version", "Date", "Revised by", "Description"],
    "abstract": "Summary",
    "abstract.commissioned":
        "Commissioned by {{ report.client }}, {{ report.assessor }} quantified the carbon footprint of "
        "the {{ products_in_text }} manufactured by {% if report.commissioned %}{{ company.name }}{% else %}the company"
        "{% endif %}, using life cycle assessment in accordance with {{ report.standards_text }}"
        "{% if improvements.measures %}, and proposes measures to reduce it{% endif %}.",
    "abstract.self_declared":
        "{{ company.name }} quantified the carbon footprint of its {{ products_in_text }}, using life cycle "
        "assessment in accordance with {{ report.standards_text }}{% if improvements.measures %}, and proposes "
        "measures to reduce it{% endif %}.",
    "abstract.paragraphs": (
        "The functional unit is {{ fu_text }}. The system boundary is {{ boundary.label }}; it covers "
        "{{ boundary.stage_count }} life cycle stage" + plural("boundary.stage_count") + ": "
        "{{ boundary.stages_text }}{% if boundary.excluded_text %}; the assessment does not cover "
        "{{ boundary.excluded_text }}{% endif %}. The activity data cover the period {{ period.text }}.",
        "The assessment uses {{ data.line_count }} activity data item" + plural("data.line_count") + ", "
        + data_types("data", "primary (measured or recorded by the company)") + "{% if method.databases_text %}; emission factors were taken from sources including "
        "{{ method.databases_text }}{% endif %}. Each greenhouse gas is converted to carbon dioxide equivalents with the "
        "100-year global warming potentials of IPCC {{ gwp.id }}.",
    ),
    "abstract.product":
        "The carbon footprint of the {{ product.name_in_text }} is {{ product.total }} {{ product.per_label }}. By life cycle "
        "stage: {% for stage in product.stages %}{{ stage.name | lower }} {{ stage.value }} "
        "{{ product.per_label }} ({{ stage.share }}%){{ '; ' if not loop.last else '.' }}{% endfor %}"
        "{% if product.top %} The largest single source of emissions is the {{ product.top.name_in_text }}, with "
        "{{ product.top.share }}%.{% endif %}",
    "contents": "Contents",
    "contents.placeholder": "The table of contents is generated when Word opens the document; if it is "
                            "missing, right-click here and choose Update Field.",
    # -- chapter 1 ----------------------------------------------------------------------------------
    "intro": "Product carbon footprint",
    "intro.paragraphs": (
        "The carbon footprint of a product (CFP) is the sum of the greenhouse gas emissions and removals over the "
        "product's life cycle, expressed as carbon dioxide equivalents (CO₂e). It quantifies a single impact "
        "category of life cycle assessment, climate change. The life cycle stages usually considered are raw "
        "material acquisition, production, distribution, use and end-of-life treatment.",
        "Greenhouse gases include carbon dioxide (CO₂), methane (CH₄), nitrous oxide (N₂O), hydrofluorocarbons "
        "(HFCs), perfluorocarbons (PFCs), sulfur hexafluoride (SF₆) and nitrogen trifluoride (NF₃). Their effect "
        "on the climate is measured by the global warming potential (GWP): the radiative forcing caused by a unit "
        "mass of a gas over a given time horizon, relative to that of the same mass of carbon dioxide. This "
        "report uses the 100-year GWP values given in {{ gwp.report_name }}.",
        "Product carbon footprints are quantified with the methods of life cycle assessment. Widely used "
        "standards include ISO 14067, GB/T 24067, PAS 2050 and the GHG Protocol Product Standard; all of them "
        "aim to make the quantification and reporting of product carbon footprints consistent, transparent and "
        "comparable. This assessment follows:",
    ),
    "intro.standard": "{{ item.id }}, {{ item.title }}, published by {{ item.issuer }} in {{ item.year }}"
                      "{% if item.superseded_by %}, since superseded by {{ item.superseded_by }}{% endif %}.",
    "intro.other_references": "The assessment also refers to {{ report.other_references_text }}.",
    "intro.product_rules":
        "{% if disclosures.product_rules %}The assessment also follows these product category rules or sector "
        "guidance: {{ disclosures.product_rules_text }}.{% else %}No product category rules (PCR) or sector guidance "
        "apply to this product, so none were used in this assessment.{% endif %}",
    # -- chapter 2 ----------------------------------------------------------------------------------
    "company": "Company profile",
    "company.introduction": "About the company",
    "company.products": "Products",
    "company.product": "{{ product.name }}{% if product.model %} (model {{ product.model }}){% endif %}"
                       "{% if product.description %}: {{ product.description }}{% else %}.{% endif %}",
    "company.process": "Production process",
    "company.process_intro": "The main production steps at {{ company.name }} are:",
    "company.process_step": "{{ item.name }}{% if item.description %}: {{ item.description }}{% endif %}",
    "company.flow.caption": "Production process flow at {{ company.name }}",
    "company.equipment": "Main production equipment",
    "company.equipment.widths": [1.0, 3.6, 2.4, 2.0, 1.6, 4.4],
    "company.equipment.head": ["No.", "Equipment", "Model", "Equipment ID", "Quantity", "Manufacturer"],
    "company.output": "Production output",
    "company.output_intro": "The output of {{ company.name }} during the data period is shown in the table below.",
    "company.output.caption": "Production output during the data period",
    "company.output.widths": [1.0, 6.4, 2.8, 1.8, 3.0],
    "company.output.head": ["No.", "Product", "Output", "Unit", "Output value\n({{ company.output_value_unit }})"],
    # -- chapter 3 ----------------------------------------------------------------------------------
    "scope": "Goal and scope",
    "scope.purpose": "Goal and intended application",
    "scope.audience": "The intended audience of this report includes:",
    "scope.validity": "The results apply only to the functional unit, system boundary and data period stated in "
                      "this report and should not be used directly to compare products across different studies.",
    "scope.not_comparative":
        "The results apply only to the functional unit, system boundary and data period stated in this report. They "
        "are not intended for comparison with other products and do not support a comparative assertion. Studies "
        "differ in functional unit, system boundary, data sources and calculation methods, so their results cannot "
        "be compared directly.",
    "scope.comparative":
        "The results are intended for comparison with other products. Such a comparison holds only between studies "
        "with the same functional unit, system boundary, product category rules and data quality requirements.",
    "scope.fu": "Functional unit and reference flow",
    "scope.fu_text":
        "The functional unit of the {{ product.name_in_text }} is {{ product.fu_text }}; results are expressed in "
        "{{ product.per_label }}.{% if product.mass %} One functional unit corresponds to a product mass of "
        "{{ product.mass }}.{% endif %}{% if product.inventory_basis %} Inventory data were collected per "
        "{{ product.inventory_basis }} of product and are multiplied by {{ product.inventory_scale }} to refer to "
        "one functional unit.{% endif %}{% if product.reference_flow %} {{ product.reference_flow }}{% endif %}",
    "scope.carbon":
        "{% if product.carbon.amounts %}One functional unit of the {{ product.name_in_text }} contains "
        "{{ product.carbon.amounts }}.{% else %}The carbon content of the {{ product.name_in_text }} has not been "
        "determined.{% endif %}{% if product.carbon.note %} {{ product.carbon.note }}{% endif %}",
    "scope.boundary": "System boundary",
    "scope.boundary_text":
        "The system boundary is {{ boundary.name }}"
        "{% if boundary.type == 'cradle-to-gate' %}: from the acquisition of raw materials until the product "
        "leaves the factory gate{% if boundary.has_distribution %}, including transport of the product to "
        "customers{% endif %}{% elif boundary.type == 'cradle-to-grave' %}: the whole life cycle from the "
        "acquisition of raw materials to the use and end-of-life treatment of the product{% else %}: the "
        "production processes on the company's site only{% endif %}. It comprises {{ boundary.stage_count }} "
        "life cycle stage" + plural("boundary.stage_count") + ": {{ boundary.stages_text }}"
        "{% if boundary.excluded_text %}; the assessment does not cover {{ boundary.excluded_text }}{% endif %}. "
        "{% if boundary.partial %}As the boundary does not cover every stage of the product's life cycle, the result "
        "is a partial carbon footprint as defined in ISO 14067. {% endif %}The processes included in and excluded from each stage are listed in the table below.",
    "scope.processes.caption": "Processes included in and excluded from each life cycle stage",
    "scope.processes.widths": [3.2, 2.0, 5.0, 4.8],
    "scope.processes.head": ["Life cycle stage", "Scope", "Processes included", "Processes excluded"],
    "scope.exclusions": "The following are outside the system boundary:",
    "scope.exclusion": "{{ item.item }}{% if item.reason %}: {{ item.reason }}{% endif %}",
    "scope.outside": "Life cycle stages left out of the assessment, and why:",
    "scope.outside_reason": "{{ item.name }}{% if item.product %} ({{ item.product }}){% endif %}: {{ item.reason }}",
    "scope.use_profile": "Use profile: {{ disclosures.use_profile }}",
    "scope.end_of_life": "End-of-life scenario: {{ disclosures.end_of_life }}",
    "scope.packaging":
        "{% if product.packaging.included %}The packaging of the {{ product.name_in_text }} is included in the carbon "
        "footprint{% if product.packaging.lines %}: {{ product.packaging.lines }}{% if product.packaging.emission %}, "
        "{{ product.packaging.emission }} {{ product.per_label }} in all{% endif %}{% endif %}."
        "{% if product.packaging.note %} {{ product.packaging.note }}{% endif %}{% else %}The packaging of the "
        "{{ product.name_in_text }} is not included in the carbon footprint{% if product.packaging.note %}: "
        "{{ product.packaging.note }}{% else %}.{% endif %}{% endif %}",
    "scope.allocation": "Allocation",
    "scope.allocation_text":
        "{% if allocation.method == 'none' %}No emissions are allocated between co-products"
        "{% if allocation.rows %}; consumption recorded as annual totals is converted to consumption per unit of "
        "product using the output of the assessed product during the data period{% endif %}."
        "{% elif allocation.rows %}The plant's outputs share part of its energy and materials. Consumption "
        "recorded as annual totals is allocated between the outputs {% if allocation.method == 'physical' %}in "
        "proportion to their output quantities{% elif allocation.method == 'mass' %}in proportion to their mass"
        "{% else %}in proportion to their economic value (output value){% endif %} and then divided by the "
        "output of the assessed product to give consumption per unit of product.{% else %}Energy and materials "
        "shared by several outputs are allocated {% if allocation.method == 'physical' %}in proportion to their "
        "output quantities{% elif allocation.method == 'mass' %}in proportion to their mass{% else %}in "
        "proportion to their economic value (output value){% endif %}; all activity data of this assessment "
        "were collected per functional unit, so the calculation needs no allocation.{% endif %}",
    "scope.allocation.caption": "Allocation basis",
    "scope.allocation.widths": [4.6, 2.8, 1.6, 3.6, 2.4],
    "scope.allocation.head": ["Output", "Quantity", "Unit", "Allocation basis", "Share (%)"],
    "cutoff": "Cut-off criteria",
    "cutoff.intro": "The following cut-off criteria apply:",
    "cutoff.mass_rule": "An input whose mass is less than {{ cutoff.mass_threshold }}% of the product mass may be "
                        "omitted together with its upstream emissions.",
    "cutoff.total_rule": "The inputs omitted under criterion (1) together do not exceed "
                         "{{ cutoff.total_threshold }}% of the product mass.",
    "cutoff.table_intro": "The raw materials of the {{ product.name_in_text }} whose individual mass is below the threshold, "
                          "and the inputs excluded from the assessment, are listed in the table below.",
    "cutoff.caption": "Inputs of the {{ product.name_in_text }} under the cut-off criteria",
    "cutoff.widths": [3.9, 2.9, 2.1, 2.6, 1.6, 1.9],
    "cutoff.head": ["Input", "Life cycle stage", "Share of mass (%)", f"Emissions ({UNIT})", "Share (%)",
                    "Treatment"],
    # The note explains only what the table holds: a dash where a row has one, estimates where an
    # input is excluded.
    "cutoff.note": "Note: shares of mass refer to the mass of one product{% for item in product.cutoff.rows "
                   "if item.mass_share == '—' %}{% if loop.first %}, and inputs that cannot be expressed as a mass "
                   "are shown as a dash{% endif %}{% endfor %}.{% if product.cutoff.excluded %} Emissions of "
                   "excluded inputs are estimates; their shares refer to the carbon footprint plus the estimated "
                   "emissions of the excluded inputs.{% else %} Shares of emissions refer to the carbon "
                   "footprint.{% endif %}",
    "cutoff.detail": "Excluded input {{ item.name }}: {% if item.source %}data source {{ item.source }}"
                     "{% if item.note %}; {% endif %}{% endif %}{{ item.note }}.",
    "cutoff.summary":
        "{% if product.cutoff.excluded %}The excluded inputs ({{ product.cutoff.excluded_names }})"
        "{% if product.cutoff.mass_share %} account for {{ product.cutoff.mass_share }}% of the product mass "
        "and{% endif %} have estimated emissions of {{ product.cutoff.emission }}, about "
        "{{ product.cutoff.emission_share }}% of all emissions including them, which is "
        "{% if product.cutoff.within %}within{% else %}above{% endif %} the {{ cutoff.total_threshold }}% total "
        "limit of the cut-off criteria. These emissions are not included in the carbon footprint reported here."
        "{% else %}Although the inputs listed above are below the individual mass threshold, their emissions are "
        "fully included in the carbon footprint; no input was excluded from this assessment.{% endif %}",
    "scope.impact": "Impact category and characterisation method",
    "scope.impact_text":
        "The assessment considers a single impact category, climate change. Each greenhouse gas is converted to "
        "carbon dioxide equivalents with its 100-year global warming potential (GWP100) as characterisation "
        "factor. GWP values are taken from {{ gwp.report_name }}; those used in this report are listed in the "
        "table below. Emission factors already expressed in CO₂e are applied directly.",
    "scope.offsets":
        "The carbon footprint contains no offsets: carbon credits or other offsets the company has acquired or holds "
        "are not deducted from its emissions.{% if disclosures.offsets %} {{ disclosures.offsets }}{% endif %}",
    "scope.gwp.caption": "Global warming potentials (GWP100)",
    "scope.gwp.head": ["Greenhouse gas", "Formula", "GWP100"],
    "scope.data": "Data sources and data quality requirements",
    "scope.data_sources":
        "Activity data are preferably the company's own metered and recorded data (primary data); where these "
        "are not available, data from databases, literature or estimates (secondary data) are used and their "
        "sources stated.{% if method.databases_text %} The databases and data sources used in this assessment "
        "include {{ method.databases_text }}.{% endif %}{% if method.software %} The model was built with "
        "{{ method.software }}.{% endif %}",
    "scope.electricity":
        "{% if disclosures.electricity.factors %}Emissions from purchased electricity are calculated with "
        "{% if disclosures.electricity.factor_count > 1 %}these emission factors{% else %}this emission factor"
        "{% endif %}: {{ disclosures.electricity.factors }}. {% endif %}{{ disclosures.electricity.text }}",
    "scope.data_requirements": "Data quality is controlled by the following requirements:",
    "scope.data_requirement_items": (
        "Temporal representativeness: activity data reflect actual production during the data period, and "
        "emission factors are chosen for years as close to it as possible;",
        "Geographical representativeness: data for the region of production are preferred, for example the "
        "emission factor of the regional grid;",
        "Technological representativeness: data reflect the processes and equipment actually used for the "
        "assessed product;",
        "Completeness: all processes within the system boundary are included, and anything omitted under the "
        "cut-off criteria is stated;",
        "Consistency: the data of all processes follow the same accounting scope, period and calculation methods.",
    ),
    "scope.pedigree":
        "Data quality is assessed with the pedigree matrix: each emission source is scored on five indicators, "
        "{{ analysis.indicators_text }}, each from 1 (best) to 5 (worst). The mean of the five scores is the data "
        "quality rating (DQR) of the source; the emission-weighted mean of the sources' DQRs is the DQR of the "
        "product, which is rated as follows: {{ analysis.levels_text }}.",
    "scope.pedigree_defaults":
        "Scores given in the data for a source are used as given. Where no temporal score is given, it is derived "
        "from the number of years between the reference year of the emission factor and the first year of the data "
        "period: {{ analysis.temporal_ages }}; an emission factor without a reference year scores 5 (age unknown) "
        "and cannot score 1. A factor of another material or process standing in for the one used scores 4 on "
        "technological representativeness (related processes or materials), and cannot score 1 either."
        "{% if analysis.defaults %} Other scores not given {% if analysis.stated_defaults %}take the defaults "
        "stated for this study{% if analysis.conservative_defaults %}; where none is stated, they {% endif %}"
        "{% endif %}{% if analysis.conservative_defaults %}take conservative defaults by the origin of the activity "
        "data and of the emission factor{% endif %}, as listed in the table below.{% endif %} Where each score "
        "comes from is marked in the data quality table of chapter 5.",
    "scope.defaults.caption": "Default scores where none are given",
    "scope.defaults.type": "Applies to",
    "scope.defaults.indicators": ["Relia-\nbility", "Complete-\nness", "Tem-\nporal", "Geo-\ngraphical", "Techno-\nlogical"],
    "scope.review": "Critical review and verification",
    "scope.review_text":
        "{% set review = disclosures.review %}{% if review.type == 'none' %}The study has been neither critically "
        "reviewed nor verified by a third party.{% elif review.type == 'critical-review' %}The study was critically "
        "reviewed by {{ review.by }} in accordance with {{ review.standard }}; the review was completed on "
        "{{ review.date }}.{% else %}The report was verified by {{ review.by }} in accordance with "
        "{{ review.standard }}; the verification was completed on {{ review.date }}.{% endif %}"
        "{% if review.note %} {{ review.note }}{% endif %}",
    # -- chapter 4 ----------------------------------------------------------------------------------
    "data": "Data collection",
    "data.method": "Data collection method",
    "data.method_text":
        "Activity data were collected for the period {{ period.text }}. The type and source of each item are "
        "listed in the tables below: primary data are actual data metered or recorded by the company; secondary "
        "data are taken from databases, literature or estimates.",
    "data.product": "Activity data of the {{ product.name_in_text }}",
    "data.product_intro":
        "The inventory of the {{ product.name_in_text }} comprises {{ product.line_count }} activity data item"
        + plural("product.line_count") + " (" + data_types("product", joined=", ") + "), listed by life cycle "
        "stage in the tables below.",
    "data.process_map.caption": "Life-cycle process map of the {{ product.name_in_text }}",
    "data.inventory.caption": "Activity data of the {{ product.name_in_text }}: {{ stage.name | lower }}",
    "data.inventory.widths": [1.0, 3.1, 1.8, 1.2, 1.9, 2.1, 3.9],
    "data.inventory.head": ["No.", "Item", "Amount", "Unit", "Basis", "Data type", "Source"],
    "data.transport.caption": "Transport data of the {{ product.name_in_text }}: {{ stage.name | lower }}",
    "data.transport.widths": [1.0, 3.0, 1.8, 2.0, 1.6, 2.0, 3.6],
    "data.transport.head": ["No.", "Goods", "Mass (t)", "Distance (km)", "Mode", "Freight (t·km)", "Source"],
    "data.destinations_intro":
        "The product is shipped to the following destinations in proportion to sales; the mass shipped per "
        "functional unit is {{ product.shipped_mass }} t{% if product.distribution_source %} (source: "
        "{{ product.distribution_source }}){% endif %}.",
    "data.destinations.caption": "Sales destinations of the {{ product.name_in_text }}",
    "data.destinations.widths": [1.0, 3.6, 2.4, 2.4, 2.8, 2.8],
    "data.destinations.head": ["No.", "Destination", "Share of sales (%)", "Distance (km)", "Mode",
                               "Freight (t·km)"],
    "data.line_note": "Note: {{ item.name }} — {{ item.note }}",
    "data.empty_stage": "This stage lies within the system boundary but has no emission sources to be counted"
                        "{% if stage.id in product.stage_reasons %}: {{ product.stage_reasons[stage.id] }}"
                        "{% else %}.{% endif %}",
    "data.annual": "Conversion of annual totals",
    "data.annual_intro": "The following consumption was recorded as plant-wide totals for the data period; "
                         "after allocation it is divided by the output of the {{ product.name_in_text }} "
                         "({{ product.annual_output }}) to give the consumption per unit of product.",
    "data.annual.caption": "Conversion of annual totals for the {{ product.name_in_text }}",
    "data.annual.widths": [3.6, 3.0, 2.4, 2.9, 3.1],
    "data.annual.head": ["Item", "Annual total", "Allocation share (%)", "Product output",
                         "Use per {{ product.fu_unit }}"],
    "data.factors": "Emission factors",
    "data.factors_intro": "The table below lists every emission factor used in the calculation; Appendix A "
                          "gives the source of each.",
    "data.factors.widths": [1.0, 5.0, 2.2, 2.8, 1.2, 2.8],
    "data.factors.head": ["No.", "Name", "Value", "Unit", "Year", "Region"],
    "data.declared_intro": "For the following materials, an emission per unit declared by the supplier or another "
                           "source takes the place of the emission factor in activity data × emission factor:",
    "data.declared.caption": "Declared emissions per unit",
    "data.declared.widths": [3.2, 3.4, 2.2, 2.6, 3.6],
    "data.declared.source": "{{ item.source }}{% if item.source and item.origin %}; {% endif %}{{ item.origin }}",
    "data.declared.head": ["Product", "Material", "Declared value", "Unit", "Source"],
    # -- chapter 5 ----------------------------------------------------------------------------------
    "calc": "Carbon footprint calculation",
    "calc.method": "Calculation method",
    "calc.formula_intro": "The product carbon footprint is calculated as:",
    "calc.formula_terms":
        "where CFP is the carbon footprint of one functional unit; Aᵢ is the activity data of activity i per "
        "functional unit; EFᵢⱼ is the emission factor of greenhouse gas j for activity i; and GWPⱼ is the 100-year "
        "global warming potential of gas j, taken as 1 where the emission factor is already expressed in CO₂e. "
        "The activity data of transport are freight volumes: the mass transported (t) times the distance (km).",
    "calc.product": "Results for the {{ product.name_in_text }}",
    "calc.table_intro": "The table below lists the activity data, emission factor and emissions of each emission "
                        "source of the {{ product.name_in_text }}, all per functional unit ({{ product.fu }}).",
    "calc.table.caption": "Carbon footprint calculation for the {{ product.name_in_text }}",
    "calc.table.widths": [1.0, 2.6, 1.8, 1.3, 1.9, 2.7, 2.2, 1.5],
    "calc.table.head": ["No.", "Emission source", "Activity data", "Unit", "Emission\nfactor", "Factor unit",
                        f"Emissions\n({UNIT})", "Share (%)"],
    "calc.stages_intro": "The emissions and shares of the life cycle stages are shown in the table and figure below.",
    "calc.stages.caption": "Carbon emissions of the {{ product.name_in_text }} by life cycle stage",
    "calc.stages.widths": [5.0, 5.0, 3.0],
    "calc.stages.head": ["Life cycle stage", "Emissions ({{ product.per_label }})", "Share (%)"],
    "calc.stage_chart.caption": "Shares of the life cycle stages in the carbon footprint of the {{ product.name_in_text }}",
    "calc.hotspots_intro": "The main emission sources of the {{ product.name_in_text }}, in descending order of emissions:",
    "calc.hotspots.caption": "Main emission sources of the {{ product.name_in_text }}",
    "calc.hotspots.widths": [1.2, 4.4, 3.4, 3.0, 2.0],
    "calc.hotspots.head": ["Rank", "Emission source", "Life cycle stage", f"Emissions ({UNIT})", "Share (%)"],
    "calc.gases_intro": "The emissions of the {{ product.name_in_text }} by greenhouse gas are:",
    "calc.gases.caption": "Emissions of the {{ product.name_in_text }} by greenhouse gas",
    "calc.gases.widths": [4.2, 3.4, 2.2, 3.8],
    "calc.gases.head": ["Greenhouse gas", "Emissions (kg)", "GWP100", f"Emissions ({UNIT})"],
    "calc.ghg_intro": "As ISO 14067 requires, fossil, biogenic, direct land-use change and aircraft greenhouse gas "
                      "emissions are reported separately (in {{ product.per_label }}).",
    "calc.ghg.caption": "Greenhouse gas emissions of the {{ product.name_in_text }} by category",
    "calc.ghg.widths": [3.3, 2.1, 2.1, 3.1, 2.1, 2.3],
    "calc.ghg.head": ["Life cycle stage", "Fossil", "Biogenic", "Direct land-use change", "Aircraft", "Total"],
    "quality": "Data quality assessment",
    "quality.intro": "The data quality of each emission source was assessed with the pedigree matrix described in "
                     "chapter 3, with the following results. The primary data share follows the definition of PACT "
                     "version 3: the part of the carbon footprint calculated from primary data, where an emission "
                     "counts only when both its activity data and its emission factor are primary, and a supplier's "
                     "footprint counts with the supplier's own primary data share.",
    "quality.caption": "Data quality scores of the {{ product.name_in_text }}",
    "quality.widths": [0.9, 3.0, 1.4, 1.9, 1.2, 1.8, 1.6, 1.3, 1.9],
    "quality.head": ["No.", "Emission source", "Relia-\nbility", "Complete-\nness", "Tem-\nporal", "Geo-\ngraphical",
                     "Techno-\nlogical", "DQR", "Activity\ndata"],
    "quality.note":
        "Note: {% if product.quality.has_given %}scores without a mark are given in the data. {% endif %}"
        "{% if product.quality.has_derived %}Scores marked † are derived from the emission factor: "
        "{% if product.quality.derived_age %}temporal representativeness from the factor's reference year, 5 when it "
        "has none{% endif %}{% if product.quality.derived_age and product.quality.derived_proxy %}; {% endif %}"
        "{% if product.quality.derived_proxy %}technological representativeness 4 for a factor standing in for "
        "another material{% endif %}. {% endif %}{% if product.quality.has_default %}Scores marked * take the "
        "defaults stated for this study, listed in chapter 3. {% endif %}{% if product.quality.has_pcfdoc %}Scores "
        "marked ‡ are not given in the data and take the conservative defaults listed in chapter 3.{% endif %}",
    "quality.summary":
        "{% if product.quality.dqr %}Weighted by emissions, the data quality rating (DQR) of the {{ product.name_in_text }} is "
        "{{ product.quality.dqr }}, rated {{ product.quality.level }}.{% else %}The {{ product.name_in_text }} has no "
        "emissions, so no weighted data quality rating is given.{% endif %}{% if product.quality.origins_text %} Of "
        "its scores, {{ product.quality.origins_text }}{% if product.quality.has_pcfdoc %}; the sources with a "
        "conservative default account for {{ product.quality.pcfdoc_share }}% of the carbon footprint{% endif %}."
        "{% endif %} The primary data share of the {{ product.name_in_text }} is {{ product.quality.primary_share }}%; "
        "emission sources whose activity data are primary account for {{ product.quality.primary_activity_share }}% "
        "of the carbon footprint. On the data quality rating of PACT version 3 (from 1 to 5, 1 being "
        "best), technological representativeness scores {{ product.quality.pact.technological }}, geographical "
        "representativeness {{ product.quality.pact.geographical }} and temporal representativeness "
        "{{ product.quality.pact.temporal }}.",
    "uncertainty": "Uncertainty analysis",
    "uncertainty.method":
        "The uncertainty of the result is assessed by Monte Carlo simulation. The emissions of each source are "
        "taken to follow a lognormal distribution whose median is the calculated deterministic value. Their spread "
        "has two parts: the geometric standard deviation (GSD) of the activity data follows from the basic "
        "uncertainty and the reliability and completeness scores, and that of the emission factor from the "
        "temporal, geographical and technological scores, both as:",
    "uncertainty.formula": "σ² = Σᵢ (ln Uᵢ / 2)², GSD = exp(σ)",
    "uncertainty.terms":
        "where Uᵢ are the uncertainty factors of the basic uncertainty and of the pedigree scores, expressed "
        "as GSD² and taken from the ecoinvent data quality system. The basic uncertainty follows what a source is: "
        "{{ analysis.basic_text }}.{% if analysis.given_gsd %} Where the data give a source's GSD, its emissions "
        "take that GSD; the emission factor's part still follows from the three representativeness scores and the "
        "rest is the activity data's.{% endif %} In each round of the simulation an emission factor takes one value, "
        "shared by every source that uses it, so their errors move together; the activity data of each source take "
        "values of their own. Summed by stage and product, the values give one possible carbon footprint. "
        "Repeating this {{ analysis.iterations }} times gives the distribution from which the mean, the median and "
        "the 95% interval are read. The simulation is reproducible: the same data always give the same figures.",
    "uncertainty.result":
        "The simulated results for the {{ product.name_in_text }} are given in the table below (in {{ product.per_label }}). "
        "The 95% interval of the carbon footprint is {{ product.uncertainty.total.p2_5 }} to "
        "{{ product.uncertainty.total.p97_5 }}; the median is {{ product.uncertainty.total.p50 }} and the mean "
        "{{ product.uncertainty.total.mean }}.{% if product.uncertainty.shared_text %} In the simulation, "
        "{{ product.uncertainty.shared_text }}, which takes the same value for all of them in each round.{% endif %}",
    "uncertainty.caption": "Uncertainty of the carbon footprint of the {{ product.name_in_text }}",
    "uncertainty.widths": [3.0, 2.4, 2.3, 2.3, 2.5, 2.5],
    "uncertainty.head": ["Item", "Deterministic", "Mean", "Median", "2.5th percentile", "97.5th percentile"],
    "uncertainty.histogram.caption": "Monte Carlo distribution of the carbon footprint of the {{ product.name_in_text }}",
    "uncertainty.variance_intro": "The emission sources that contribute most to the variance of the carbon "
                                  "footprint are listed below; better data for these sources would narrow the "
                                  "uncertainty of the result the most.",
    "uncertainty.variance.caption": "Main sources of uncertainty for the {{ product.name_in_text }}",
    "uncertainty.variance.widths": [1.4, 4.8, 3.4, 2.0, 3.4],
    "uncertainty.variance.head": ["Rank", "Emission source", "Life cycle stage", "GSD", "Share of variance (%)"],
    "uncertainty.qualitative_intro": "The uncertainty of the result was not simulated; it is discussed in words "
                                     "below.",
    "uncertainty.qualitative":
        "The emissions of the {{ product.name_in_text }} come mainly from {% for item in product.hotspots[:3] %}"
        "{{ item.name_in_text }} ({{ item.share }}%){{ ', ' if loop.revindex > 2 else (' and ' if loop.revindex == 2 "
        "else '') }}{% endfor %}; the activity data and emission factors of these sources weigh most on the "
        "uncertainty of the result. Weighted by emissions, the five pedigree scores are "
        "{{ product.qualitative.indicators_text }} (1 best, 5 worst), weakest for "
        "{{ product.qualitative.weakest }}.{% if product.qualitative.proxies %} Emission factors of similar materials stand in for "
        "{{ product.qualitative.proxies }}, together {{ product.qualitative.proxy_share }}% of the carbon footprint."
        "{% endif %}{% if product.qualitative.defaulted %} Conservative default scores, where the data give none, "
        "apply to {{ product.qualitative.defaulted }}, together {{ product.qualitative.defaulted_share }}% of the "
        "carbon footprint.{% endif %}{% if not product.qualitative.proxies and not product.qualitative.defaulted %} No "
        "source uses a proxy emission factor or a conservative default score.{% endif %}",
    "sensitivity": "Sensitivity analysis",
    "sensitivity.method":
        "The sensitivity analysis varies one parameter at a time: the activity data of one emission source, or "
        "one emission factor, is lowered and raised by {{ analysis.step }}% while all other parameters stay "
        "unchanged, and the carbon footprint is recalculated. When the amount of a material changes, the emissions "
        "from transporting it change with it. An emission factor used by a single emission source has the same "
        "effect as that source's activity data, so the two share one row. The swing is the difference between "
        "the results with the parameter lowered and raised, as a percentage of the baseline result.",
    "sensitivity.result": "The baseline result for the {{ product.name_in_text }} is {{ product.sensitivity.baseline }} "
                          "{{ product.per_label }}; the parameters with the greatest influence on the result are "
                          "shown in the figure and table below.",
    "sensitivity.chart.caption": "Sensitivity analysis for the {{ product.name_in_text }}",
    "sensitivity.caption": "Parameters with the greatest influence on the result for the {{ product.name_in_text }}",
    "sensitivity.widths": [3.6, 3.3, 2.9, 2.9, 2.3],
    "sensitivity.head": ["Parameter", "Type", "Result at −{{ analysis.step }}% ({{ product.per_label }})",
                         "Result at +{{ analysis.step }}% ({{ product.per_label }})", "Swing (%)"],
    "sensitivity.none": "The {{ product.name_in_text }} has no emissions, so no sensitivity analysis is made.",
    "scenarios": "Scenario analysis",
    "scenarios.method": "The scenario analysis changes some activity data, transport distances or emission "
                        "factors of the baseline, recalculates the carbon footprint with the same method and "
                        "compares it with the baseline result.",
    "scenarios.intro": "The scenarios for the {{ product.name_in_text }} are:",
    "scenarios.item": "{{ item.name }}{% if item.description %}: {{ item.description }}{% endif %}",
    "scenarios.caption": "Carbon footprint of the {{ product.name_in_text }} by scenario",
    "scenarios.widths": [5.0, 3.4, 3.6, 3.0],
    "scenarios.head": ["Scenario", "Carbon footprint\n({{ product.per_label }})",
                       "Change from baseline\n({{ product.per_label }})", "Change from baseline\n(%)"],
    # -- chapters 6 to 8 ----------------------------------------------------------------------------
    "interpretation": "Interpretation",
    "interpretation.conclusion": "Conclusions",
    "interpretation.product":
        "{% if boundary.name == boundary.type_name %}Within the {{ boundary.name }} system boundary{% else %}Within "
        "the system boundary ({{ boundary.name }}){% endif %}, the carbon footprint of the {{ product.name_in_text }} "
        "manufactured by {{ company.name }} is {{ product.total }} {{ product.per_label }}. Most of the emissions "
        "arise in the {{ product.top_stage.name | lower }} stage ({{ product.top_stage.share }}%)."
        "{% if product.hotspots %} The largest emission sources are, in descending order: "
        "{% for item in product.hotspots[:3] %}{{ item.name_in_text }} ({{ item.share }}%)" + SERIES
        + "{% endfor %}.{% endif %}",
    "interpretation.limits": "Assumptions and limitations",
    "interpretation.assumptions": "The main assumptions of this assessment are:",
    "interpretation.limitations": "The limitations of this assessment are:",
    "interpretation.value_choices": "The value choices made in this assessment, and the reasons for them:",
    "interpretation.no_value_choices": "No value choices needing explanation were made in this assessment.",
    "interpretation.validity": "The conclusions of this report rest on the data collected and the emission factors "
                               "chosen. The assessment should be repeated when production processes, sources of raw "
                               "materials or the energy mix change.",
    "improvement": "Improvement plan",
    "improvement.intro": "Based on the results, the following measures address the largest sources of emissions. "
                         "What each measure acts on, the share of the footprint concerned and the expected reduction "
                         "are summarised in the table{% if improvements.several %}s{% endif %} below; the measures "
                         "are then described one by one.",
    "improvement.caption": "Improvement measures{% if improvements.several %} for {{ table.product }}{% endif %} "
                           "and their expected effect",
    "improvement.widths": [1.0, 2.8, 3.0, 1.5, 2.4, 2.1, 2.2],
    "improvement.head": ["No.", "Measure", "Acts on", "Share\n(%)", "Expected\nreduction\n({{ table.per_label }})",
                         "Reduction\nshare (%)", "Basis"],
    "improvement.note": "Note: Share is the part of the product carbon footprint that comes from the sources a "
                        "measure acts on; Reduction share is the expected reduction as a part of the footprint. "
                        "Reductions are in {{ table.per_label }}; those based on a scenario come from the scenario "
                        "analysis in chapter 5. Where measures act on the same sources, their reductions should not "
                        "be added up.",
    "improvement.largest": "{% if table.largest %}{% if improvements.several %}For {{ table.product }}, o{% else %}"
                           "O{% endif %}f the measures quantified, “{{ table.largest.title }}” promises the largest "
                           "saving: about {{ table.largest.reduction }} {{ table.per_label }}, or "
                           "{{ table.largest.reduction_share }}% of the product carbon footprint.{% endif %}",
    "improvement.none": "No specific improvement measures are proposed in this assessment.",
    "closing": "Closing remarks",
    "closing.text":
        "Quantifying the product carbon footprint shows where in the product's life cycle greenhouse gases are "
        "emitted and in what proportions; it is the basis for setting reduction targets, eco-design and supply "
        "chain management. We recommend that {{ company.name }} take this assessment as its baseline, continue to "
        "improve metering and data management, update the product carbon footprint regularly and track the "
        "effect of the improvement measures.",
    # -- appendices ---------------------------------------------------------------------------------
    "appendix.factors": "Appendix A Emission factor sources",
    "appendix.factors_intro": "The sources of the emission factors used in the calculation are listed below"
                              "{% if factors.derived %}; factors derived from fuel properties also show how they "
                              "were derived{% endif %}.",
    "appendix.factors.caption": "Emission factor sources",
    "appendix.factors.widths": [1.0, 4.6, 9.4],
    "appendix.factors.head": ["No.", "Name", "Source"],
    "appendix.factors.source": "{{ item.source }}{% if item.source and item.origin %}\n{% endif %}{{ item.origin }}"
                               "{% if item.derivation %}\n{{ item.derivation }}{% endif %}",
    "appendix.references": "Appendix B Databases and references",
    "appendix.databases_intro": "Databases and data sources used in this assessment:",
    "appendix.references_intro": "Standards and documents applied or referred to in this assessment:",
    "appendix.team": "Appendix C Assessment team",
    "appendix.team.caption": "Assessment team",
    "appendix.team.widths": [2.1, 1.8, 2.6, 4.9, 3.6],
    "appendix.team.head": ["Duty", "Name", "Role", "Organisation", "Certificate no."],
}
