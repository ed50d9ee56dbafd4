"""The bad-input corpus (tests/bad_specs/): every invalid spec gives exactly the expected lines.

Each message names the file, the path into the spec, the line where the key is
found, and what to do. Exit status 2, no traceback, and nothing is written to
the output folder. Two megabyte-sized cases are generated here rather than
stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pcfdoc.cli import main

from conftest import FIXTURES

CORPUS = Path(__file__).resolve().parent / "bad_specs"

EXPECTED = {
    '01-syntax-missing-value.toml': [
        '{file}:6:10: TOML syntax error: invalid value; strings need quotes, dates are written 2024-06-07, numbers without units',
    ],
    '02-syntax-unclosed-string.toml': [
        "{file}:18:13: TOML syntax error: illegal character '\\n'; a string may lack its closing quote, or holds a control character",
    ],
    '03-syntax-unclosed-array.toml': [
        '{file}:58:1: TOML syntax error: unclosed array; a string, array or table is not closed',
    ],
    '04-duplicate-key.toml': [
        '{file}:7:17: TOML syntax error: cannot overwrite a value; a key or table is defined twice; keep one of them',
    ],
    '05-duplicate-table.toml': [
        '{file}:77:9: TOML syntax error: cannot declare [company] twice; this table is defined twice; merge the two [table] sections',
    ],
    '06-bare-string.toml': [
        '{file}:8:12: TOML syntax error: invalid value; strings need quotes, dates are written 2024-06-07, numbers without units',
    ],
    '07-invalid-date.toml': [
        '{file}:7:14: TOML syntax error: invalid date or datetime; write a real calendar date as YYYY-MM-DD, e.g. 2024-06-07',
    ],
    '08-empty-file.toml': [
        "{file}: report: required key 'report' is missing (report identity, standards and team); add it",
        "{file}: company: required key 'company' is missing (the client company); add it",
        "{file}: products: required key 'products' is missing (products assessed, each with its own inventory); add it",
        "{file}: data_period: required key 'data_period' is missing (period the activity data cover); add it",
        "{file}: boundary: required key 'boundary' is missing (system boundary); add it",
        "{file}: method: required key 'method' is missing (impact method and data sources); add it",
    ],
    '09-whitespace-only.toml': [
        "{file}: report: required key 'report' is missing (report identity, standards and team); add it",
        "{file}: company: required key 'company' is missing (the client company); add it",
        "{file}: products: required key 'products' is missing (products assessed, each with its own inventory); add it",
        "{file}: data_period: required key 'data_period' is missing (period the activity data cover); add it",
        "{file}: boundary: required key 'boundary' is missing (system boundary); add it",
        "{file}: method: required key 'method' is missing (impact method and data sources); add it",
    ],
    '10-comments-only.toml': [
        "{file}: report: required key 'report' is missing (report identity, standards and team); add it",
        "{file}: company: required key 'company' is missing (the client company); add it",
        "{file}: products: required key 'products' is missing (products assessed, each with its own inventory); add it",
        "{file}: data_period: required key 'data_period' is missing (period the activity data cover); add it",
        "{file}: boundary: required key 'boundary' is missing (system boundary); add it",
        "{file}: method: required key 'method' is missing (impact method and data sources); add it",
    ],
    '11-binary.toml': [
        '{file}: is a binary file, not a TOML spec; give a .toml text file',
    ],
    '12-gbk-encoded.toml': [
        '{file}:3: not UTF-8 text (byte 0xa1); save the spec as UTF-8 (GBK files must be converted)',
    ],
    '13-utf16-encoded.toml': [
        '{file}: is UTF-16 text; save the spec as UTF-8 (without BOM)',
    ],
    '14-deeply-nested.toml': [
        '{file}:11: TOML syntax error: arrays or tables nested more than 100 levels deep; a spec never needs that, remove the extra brackets',
    ],
    '15-unknown-top-level-table.toml': [
        "{file}:77: reprot: unknown key 'reprot'; did you mean 'report'? Allowed: 'report', 'company', 'products', 'data_period', 'boundary', 'allocation', 'cutoff', 'method', 'library', 'factors', 'improvements', 'scenarios', 'variants', 'data_quality', 'uncertainty', 'notes', 'images', 'pact'",
    ],
    '16-unknown-report-key.toml': [
        "{file}:7: report.numbr: unknown key 'numbr'; did you mean 'number'? Allowed: 'number', 'title', 'language', 'issue_date', 'self_declared', 'assessor', 'commissioned_by', 'standards', 'other_references', 'purpose', 'audience', 'people', 'revisions', 'revisions_from_git', 'precision', 'template', 'seal', 'comparative', 'review'",
    ],
    '17-unknown-line-key.toml': [
        "{file}:35: products[0].inventory[0].amout: unknown key 'amout'; did you mean 'amount'? Allowed: 'id', 'stage', 'name', 'model', 'supplier', 'supplier_location', 'amount', 'unit', 'factor', 'declared', 'activity_origin', 'data_type', 'source', 'note', 'annual_total', 'excluded', 'factor_rationale', 'quality', 'gsd', 'category'",
    ],
    '18-unknown-inline-key.toml': [
        "{file}:28: products[0].functional_unit.per: unknown key 'per'; allowed: 'amount', 'unit'",
    ],
    '19-unknown-person-key.toml': [
        "{file}:13: report.people[1].name: required key 'name' is missing (full name); add it",
        "{file}:13: report.people[1].nmae: unknown key 'nmae'; did you mean 'name'? Allowed: 'duty', 'name', 'role', 'organization', 'certificate', 'date', 'signature'",
    ],
    '20-unknown-contact-key.toml': [
        "{file}:22: company.contact.fax: unknown key 'fax'; allowed: 'name', 'phone', 'email'",
    ],
    '21-unknown-factor-key.toml': [
        "{file}:64: factors[0].valeu: unknown key 'valeu'; did you mean 'value'? Allowed: 'id', 'name', 'value', 'unit', 'gas', 'gases', 'derivation', 'source', 'cited_from', 'year', 'region', 'status', 'category', 'note', 'kind', 'scope', 'published', 'value_rationale', 'override', 'origin', 'proxy_for', 'primary_share_pct'",
    ],
    '22-missing-report.toml': [
        "{file}: report: required key 'report' is missing (report identity, standards and team); add it",
    ],
    '23-missing-issue-date.toml': [
        "{file}:5: report.issue_date: required key 'issue_date' is missing (date of issue, e.g. 2024-06-07); add it",
    ],
    '24-missing-products.toml': [
        "{file}: products: required key 'products' is missing (products assessed, each with its own inventory); add it",
    ],
    '25-missing-line-unit.toml': [
        "{file}:30: products[0].inventory[0].unit: required key 'unit' is missing (activity unit, e.g. kg, kWh, Nm3, 台); add it",
    ],
    '26-missing-factor-and-declared.toml': [
        '{file}:30: products[0].inventory[0].factor: give how the emission is found: either factor = ... or declared = ...',
    ],
    '27-missing-functional-unit.toml': [
        "{file}:25: products[0].functional_unit: required key 'functional_unit' is missing (functional (or declared) unit, e.g. 1 台, 1 t, 1 MWh); add it",
    ],
    '28-missing-boundary-and-method.toml': [
        "{file}: boundary: required key 'boundary' is missing (system boundary); add it",
        "{file}: method: required key 'method' is missing (impact method and data sources); add it",
    ],
    '29-string-for-number.toml': [
        "{file}:34: products[0].inventory[0].amount: expected a number, got the string '10'; write it without quotes",
    ],
    '30-list-for-table.toml': [
        '{file}:22: company.contact: expected a table, got an array; write it as { key = value, ... } or under a [section] header',
    ],
    '31-table-for-list.toml': [
        '{file}:9: report.standards: expected an array [...], got a table',
    ],
    '32-number-for-string.toml': [
        '{file}:18: company.name: expected a string in quotes, got the number 17',
    ],
    '33-boolean-for-number.toml': [
        '{file}:34: products[0].inventory[0].amount: expected a number, got the boolean true',
    ],
    '34-quoted-date.toml': [
        "{file}:7: report.issue_date: write the date without quotes, e.g. 2024-06-07 (got '2024-03-01')",
    ],
    '35-date-time-for-date.toml': [
        '{file}:7: report.issue_date: give a date without a time of day, e.g. 2024-06-07',
    ],
    '36-fractional-year.toml': [
        '{file}:67: factors[0].year: expected a whole number, got the number 2022.5',
    ],
    '37-table-for-products.toml': [
        '{file}:25: products: expected an array [...], got a table',
    ],
    '38-nan-amount.toml': [
        '{file}:34: products[0].inventory[0].amount: must be a finite number, got nan; nan and inf are not amounts',
    ],
    '39-inf-amount.toml': [
        '{file}:44: products[0].inventory[1].amount: must be a finite number, got inf; nan and inf are not amounts',
    ],
    '40-negative-inf-factor.toml': [
        '{file}:72: factors[1].value: must be a finite number, got -inf; nan and inf are not amounts',
    ],
    '41-negative-amount.toml': [
        '{file}:34: products[0].inventory[0].amount: must be at least 0, got -10',
    ],
    '42-zero-functional-unit.toml': [
        '{file}:28: products[0].functional_unit.amount: must be greater than 0, got 0',
    ],
    '43-absurd-amount.toml': [
        '{file}:34: products[0].inventory[0].amount: 1e+300 is implausibly large (limit 1e+15); check the unit and the digits',
    ],
    '44-negative-factor.toml': [
        '{file}:64: factors[0].value: must be at least 0, got -2',
    ],
    '45-unknown-unit.toml': [
        "{file}:35: products[0].inventory[0].unit: unknown unit kgg in 'kgg'; write units as kg, t, kWh, MWh, GJ, tce, m3, Nm3, L, t*km (or t·km), 万kWh, 10⁴Nm³ or a counting unit (台, 套, 件, 个, 只, piece); factors as kgCO2e/kWh: everything after '/' is the denominator, so kgCO2e/t·km is per t·km",
    ],
    '46-energy-line-in-kg.toml': [
        "{file}:45: products[0].inventory[1].unit: kg × kgCO2/kWh is not a mass of CO2: factor 'grid' (kgCO2/kWh) is per kWh (energy); give the amount in that unit or use a factor per kg",
    ],
    '47-count-against-mass-factor.toml': [
        "{file}:35: products[0].inventory[0].unit: 台 × kgCO2e/kg is not a mass of CO2e: factor 'steel' (kgCO2e/kg) is per kg (mass); give the amount in that unit or use a factor per 台",
    ],
    '48-factor-gas-conflict.toml': [
        '{file}:74: factors[1].gas: gas is CH4 but the unit kgCO2/kWh is a mass of CO2; make them agree or drop gas',
    ],
    '49-inventory-basis-mass-for-pieces.toml': [
        "{file}:29: products[0].inventory_per: kg does not convert to the functional unit (1 台); give the product's mass_per_unit to relate mass to it",
    ],
    '50-dangling-factor.toml': [
        "{file}:36: products[0].inventory[0].factor: unknown factor 'stel'; did you mean 'steel'? If not, define it under [[factors]] or pick an id from `pcfdoc factors`",
        "{file}:61: factors[0]: warning: factor 'steel' is not used by any line; remove it",
    ],
    '51-duplicate-line-id.toml': [
        "{file}:41: products[0].inventory[1].id: line id 'steel' is used twice (first at products[0].inventory[0].id); ids must be unique",
    ],
    '52-duplicate-factor-id.toml': [
        "{file}:46: products[0].inventory[1].factor: unknown factor 'grid'; define it under [[factors]] or pick an id from `pcfdoc factors`",
        "{file}:70: factors[1].id: factor id 'steel' is defined twice (first at factors[0].id); ids must be unique",
    ],
    '53-duplicate-product-id.toml': [
        "{file}:51: products[1].id: product id 'widget' is used twice (first at products[0].id); ids must be unique",
    ],
    '54-line-id-is-a-stage.toml': [
        "{file}:41: products[0].inventory[1].id: 'production' is a stage id; give the line another id so improvement targets stay unambiguous",
    ],
    '55-transport-carries-unknown-line.toml': [
        '{file}:50: products[0].transport[0].stage: stage raw_material_transport is outside the boundary (raw_material, production); add it to boundary.stages or remove the line',
        "{file}:52: products[0].transport[0].carries: unknown inventory line 'stel'; did you mean 'steel'? If not, name an inventory line of this product",
        "{file}:54: products[0].transport[0].factor: unknown factor 'truck'; define it under [[factors]] or pick an id from `pcfdoc factors`",
    ],
    '56-improvement-unknown-target.toml': [
        "{file}:80: improvements[0].targets[0]: unknown target 'eletricity'; did you mean 'electricity'? If not, targets are stage ids or line ids",
    ],
    '57-annual-output-unknown-product.toml': [
        "{file}:24: company.annual_output[0].product: unknown product 'widgets'; did you mean 'widget'? If not, use name = ... for products that are not assessed",
    ],
    '58-line-outside-boundary.toml': [
        '{file}:25: products[0]: warning: stage raw_material is inside the boundary but has no lines; add its lines or say why it has none: [[boundary.stage_reasons]] stage = "raw_material", reason = "…"',
        '{file}:32: products[0].inventory[0].stage: stage use is outside the boundary (raw_material, production); add it to boundary.stages or remove the line',
    ],
    '59-cradle-to-grave-without-use.toml': [
        '{file}:56: boundary.stages: a cradle-to-grave boundary must include use, end_of_life; add it or change type',
    ],
    '60-gate-to-gate-with-raw-material.toml': [
        '{file}:56: boundary.stages: a gate-to-gate boundary cannot include raw_material; remove it or change type',
    ],
    '61-unknown-stage.toml': [
        "{file}:32: products[0].inventory[0].stage: 'manufacturing' is not allowed; allowed: 'raw_material', 'raw_material_transport', 'production', 'distribution', 'use', 'end_of_life'",
    ],
    '62-shares-not-100.toml': [
        '{file}:55: products[0].distribution.destinations: destination shares add up to 90 %, not 100 %',
    ],
    '63-shares-as-fractions.toml': [
        '{file}:55: products[0].distribution.destinations: destination shares add up to 1 %, not 100 % (write percentages, not fractions)',
    ],
    '64-period-ends-after-issue.toml': [
        "{file}:52: data_period.end: the data period ends 2024-06-30, after the report's issue date 2024-03-01; fix either date",
    ],
    '65-period-reversed.toml': [
        '{file}:52: data_period.end: the data period ends (2023-01-01) before it starts (2023-12-31); swap or fix the dates',
    ],
    '66-signed-after-issue.toml': [
        '{file}:14: report.people[2].date: 批准人 signs on 2024-03-05, after the issue date 2024-03-01; fix either date',
    ],
    '67-reviewed-before-prepared.toml': [
        '{file}:13: report.people[1].date: reviewed on 2024-02-10, before it was prepared on 2024-02-20; fix the dates',
    ],
    '70-control-character.toml': [
        '{file}:18: company.name: contains the control character U+0007 at position 3, which a Word document cannot hold; remove it',
    ],
    '71-empty-string.toml': [
        '{file}:6: report.number: must not be empty; write the text or remove the key',
    ],
    '72-credit-code-checksum.toml': [
        "{file}:19: company.credit_code: check character of '91120110732826609M' should be 'N'; a character is mistyped",
    ],
    '73-annual-total-without-output.toml': [
        "{file}:25: products[0]: has lines with annual_total = true but company.annual_output has no row with product = 'widget'; add the product's output for the data period",
    ],
    '74-nobody-prepared.toml': [
        '{file}:11: report.people: name at least one person with duty = "prepared"',
    ],
    '75-superseded-and-unknown-standard.toml': [
        "{file}:9: report.standards[0]: 'ISO 14067' is not allowed; did you mean 'ISO 14067:2018'? Allowed: 'ISO 14067:2018', 'GB/T 24067-2024', 'PAS 2050:2011', 'GHG Protocol Product Standard', 'ISO 14040:2006', 'ISO 14044:2006', 'ISO/TS 14067:2013'",
    ],
    '76-analysis-keys.toml': [
        '{file}:39: products[0].inventory[0].quality.reliability: must be at most 5, got 6',
        "{file}:39: products[0].inventory[0].quality.temporl: unknown key 'temporl'; did you mean 'temporal'? Allowed: 'reliability', 'completeness', 'temporal', 'geographical', 'technological'",
        '{file}:40: products[0].inventory[0].gsd: must be at least 1, got 0.5',
        "{file}:41: products[0].inventory[0].category: 'fosil' is not allowed; did you mean 'fossil'? Allowed: 'fossil', 'biogenic', 'dluc', 'aircraft'",
        "{file}:42: products[0].inventory[0].excluded: expected true or false, got the string 'yes'",
        '{file}:85: uncertainty.iterations: must be at least 1000, got 10',
        '{file}:90: scenarios[0].changes[0].amount_change_pct: give either amount or amount_change_pct, not both',
    ],
    '77-cut-off-and-scenario-references.toml': [
        '{file}:25: products[0]: the lines cut off (steel) are 83.3 % of the product mass together, above the 5 % allowed; count some of them',
        '{file}:40: products[0].inventory[0].excluded: 钢材 is 83.3 % of the product mass, not below the 1 % cut-off threshold; count it (remove excluded = true)',
        "{file}:85: scenarios[0].changes[0].line: unknown line 'electricty'; did you mean 'electricity'? If not, name an inventory line, transport leg or destination",
    ],
    '78-400-digit-amount.toml': [
        '{file}:34: products[0].inventory[0].amount: a 400-digit number is implausibly large (limit 1e+15); check the unit and the digits',
    ],
    '79-subnormal-amount.toml': [
        '{file}:34: products[0].inventory[0].amount: 9.99989e-321 is implausibly small (limit 1e-12, or 0); check the unit and the digits',
    ],
    '80-issue-date-after-2099.toml': [
        '{file}:7: report.issue_date: 2108-03-01 is outside 1980-01-01 … 2099-12-31; check the year',
    ],
    '81-id-with-line-break.toml': [
        "{file}:31: products[0].inventory[0].id: 'steel\\n' is not a valid id; use letters, digits, '_', '-' or '.', starting with a letter or digit",
    ],
    '82-variant-id-with-path.toml': [
        "{file}:81: variants[0].id: '../../x' is not a valid id; use letters, digits, '_', '-' or '.', starting with a letter or digit",
    ],
    '83-scenario-typo-and-measure.toml': [
        "{file}:83: scenarios[0].changes[0].line: required key 'line' is missing (id of the inventory line, leg or destination changed); add it",
        "{file}:83: scenarios[0].changes[0].lin: unknown key 'lin'; did you mean 'line'? Allowed: 'line', 'amount', 'amount_change_pct', 'factor', 'distance_km'",
    ],
    '84-equipment-quantity-10-to-400.toml': [
        '{file}:24: company.equipment[0].quantity: must be at most 100000, got a 401-digit number',
    ],
    '85-unit-with-a-number.toml': [
        "{file}:35: products[0].inventory[0].unit: cannot read unit 'kg 2': a unit holds no number but 10⁴ or 万; put the number in the amount, e.g. kgCO2e/(t*km)",
    ],
    '86-unit-to-a-huge-power.toml': [
        "{file}:68: factors[0].unit: cannot read unit 'kgCO2e/kg**1000': a unit is raised to a whole power of at most 3 (m3, 1/kg), e.g. kgCO2e/(t*km)",
    ],
    '87-library-path-missing.toml': [
        '{file}:62: library.paths[0]: library file {dir}/no-such-library.toml: no such file; check the path',
    ],
    '88-integer-too-long-to-read.toml': [
        '{file}:34: TOML syntax error: a number of more than 4,300 digits cannot be read; write it with at most 15 digits',
    ],
    '89-distance-beyond-the-earth.toml': [
        '{file}:43: products[0].transport[0].distance_km: must be at most 100000, got 1e+06',
    ],
    '90-factor-near-float-limit.toml': [
        '{file}:67: factors[0].value: 1.79769e+308 is implausibly large (limit 1e+15); check the unit and the digits',
    ],
    '91-date-in-year-1.toml': [
        '{file}:51: data_period.start: 0001-01-01 is outside 1980-01-01 … 2099-12-31; check the year',
    ],
}

BASE = (FIXTURES / "minimal.toml").read_text("utf-8")
GENERATED = {
    # one million CJK characters (3 MB) in a text field
    "68-megabyte-string.toml": (
        BASE.replace('introduction = "测试公司简介。"', 'introduction = "' + "简" * 1_000_000 + '"'),
        ["{file}:25: company.introduction: is 1,000,000 characters long, more than the 20,000 allowed; "
         "shorten it"],
    ),
    # a key one million characters long: quoted in the message, but cut short
    "69-megabyte-key.toml": (
        BASE.replace('number = "T-001"', 'number = "T-001"\n' + "k" * 1_000_000 + " = 1"),
        ["{file}:6: report[\"" + "k" * 59 + "…\"]: unknown key '" + "k" * 59 + "…'; allowed: 'number', 'title', "
         "'language', 'issue_date', 'self_declared', 'assessor', 'commissioned_by', 'standards', "
         "'other_references', 'purpose', 'audience', 'people', 'revisions', 'revisions_from_git', 'precision', "
         "'template', 'seal', 'comparative', 'review'"],
    ),
}


def test_the_corpus_holds_at_least_50_specs_and_every_one_is_listed():
    stored = sorted(path.name for path in CORPUS.glob("*.toml"))
    assert stored == sorted(EXPECTED)
    assert len(stored) + len(GENERATED) >= 50


def run_build(path: Path, out: Path):
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    return result, [line for line in result.stderr.splitlines() if not line.endswith("report(s) not built")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_stored_bad_spec(name, tmp_path):
    path = CORPUS / name
    result, lines = run_build(path, tmp_path / "out")
    assert result.exit_code == 2
    assert lines == [line.replace("{file}", str(path)).replace("{dir}", str(path.parent))
                     for line in EXPECTED[name]]
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_spec(name, tmp_path):
    text, expected = GENERATED[name]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result, lines = run_build(path, tmp_path / "out")
    assert result.exit_code == 2
    assert len(result.stderr) < 2_000  # a megabyte of input never becomes a megabyte of output
    assert lines == [line.replace("{file}", str(path)) for line in expected]
    assert not (tmp_path / "out").exists()


def test_every_error_names_file_path_and_line_where_the_key_exists():
    """Messages without a line are for keys the file does not have (or for the file as a whole)."""
    without_line = {
        "08-empty-file.toml", "09-whitespace-only.toml", "10-comments-only.toml", "11-binary.toml",
        "13-utf16-encoded.toml", "22-missing-report.toml", "24-missing-products.toml",
        "28-missing-boundary-and-method.toml",
    }
    for name, lines in EXPECTED.items():
        for line in lines:
            assert line.startswith("{file}")
            has_line = line.startswith("{file}:") and line.split(":")[1].isdigit()
            assert has_line or name in without_line, (name, line)
