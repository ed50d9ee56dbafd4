"""Checks of a spec's texts: placeholders, English versions, who assesses, the report's versions."""

from pcfdoc import pipeline

from conftest import fixture_data
from helpers import problems, warnings


def test_every_placeholder_is_a_warning_at_its_line(write_spec):
    text = (write_spec(fixture_data("minimal.toml")).read_text("utf-8")
            .replace('legal_representative = "法定代表人"', 'legal_representative = "【法定代表人姓名】"')
            .replace('source = "meter"', 'source = "【电表编号】，另见【抄表记录】"'))
    path = write_spec(text)
    found = [w for w in warnings(path) if "placeholder" in w]
    lines = text.splitlines()
    legal = next(n for n, line in enumerate(lines, 1) if line.startswith("legal_representative"))
    meter = next(n for n, line in enumerate(lines, 1) if "【电表编号】" in line)
    hint = "is not filled in; fill it in, or build a draft with --draft"
    source = f"{path}:{meter}: products[0].inventory[1].source: warning: placeholder"
    assert found == [
        f"{path}:{legal}: company.legal_representative: warning: placeholder 【法定代表人姓名】 {hint}",
        f"{source} 【电表编号】 {hint}",
        f"{source} 【抄表记录】 {hint}",
    ]


def test_brackets_that_are_not_lenticular_are_text(write_spec):
    data = fixture_data("minimal.toml")
    data["company"]["name"] = "测试公司（天津）"
    assert not [w for w in warnings(write_spec(data)) if "placeholder" in w]


def english_spec(data: dict) -> dict:
    data["report"]["language"] = "en"
    return data


def test_an_english_report_warns_for_each_text_without_an_english_version(write_spec):
    data = fixture_data("minimal.toml")
    data["company"]["name_en"] = "Test Co."
    data["report"]["audience"] = ["客户", "Investors"]
    path = write_spec(data)
    assert not [w for w in warnings(path) if "English" in w]  # a Chinese report needs none
    found = [w.split(": warning: ", 1) for w in map(str, pipeline.check(path, language="en").warnings)
             if "English" in w]
    where = {location.split(": ", 1)[1]: message for location, message in found}
    assert "company.name" not in where  # it has its English version
    assert where["company.address"] == ("no English text for '测试地址'; add address_en = \"…\" (the English "
                                        "report prints the Chinese)")
    assert where["report.audience"].startswith("no English text for '客户'; add audience_en")
    assert where["products[0].inventory[0].name"].startswith("no English text for '钢材'; add name_en")
    assert where["factors[1].source"].startswith("no English text for '测试来源'; add source_en")
    assert "report.number" not in where  # 'T-001' reads the same in English


def test_a_library_factor_without_english_is_named_where_it_is_used(write_spec):
    data = english_spec(fixture_data("minimal.toml"))
    data["products"][0]["inventory"][1]["factor"] = "cn-grid-2022-national"
    path = write_spec(data)
    found = [w for w in map(str, pipeline.check(path).warnings)
             if "cn-grid-2022-national" in w and "English" in w]
    assert found and all(": products[0].inventory[1].factor: warning: factor 'cn-grid-2022-national' from "
                         "the pcfdoc library has no English " in w for w in found)
    assert any("English source for '生态环境部" in w for w in found)


def test_english_lists_pair_with_the_lists_they_translate(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["audience"] = ["客户", "员工"]
    data["report"]["audience_en"] = ["Customers"]
    (problem,) = [p for p in problems(write_spec(data)) if ": warning: " not in p]
    assert problem.endswith("report.audience_en: has 1 entries but report.audience has 2; give one English "
                            "entry for each")


def test_an_english_version_of_a_text_that_is_never_printed_is_refused(write_spec):
    data = fixture_data("minimal.toml")
    data["factors"][0]["note_en"] = "a remark"
    (problem,) = problems(write_spec(data))
    assert problem.endswith("factors[0].note_en: unknown key 'note_en'; 'note' is not printed in the report, "
                            "so it has no English version")


def test_an_assessor_is_required_unless_the_study_is_self_declared(write_spec):
    data = fixture_data("minimal.toml")
    del data["report"]["assessor"]
    (problem,) = problems(write_spec(data))
    assert problem.endswith("report.assessor: give assessor = \"…\" (the assessment body), or "
                            "self_declared = true when the company assesses its own product")
    data["report"]["self_declared"] = True
    assert pipeline.check(write_spec(data))


def test_a_company_assessing_itself_is_told_to_say_so(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["assessor"] = data["company"]["name"]
    assert any(w.endswith("report.assessor: warning: the company assesses its own product; set self_declared "
                          "= true (the report then names no client)") for w in warnings(write_spec(data)))
    data["report"] |= {"self_declared": True, "commissioned_by": "某客户"}
    (problem,) = problems(write_spec(data))
    assert problem.endswith("report.commissioned_by: a self-declared study has no client; remove "
                            "commissioned_by or set self_declared = false")


def test_precision_is_decimals_or_significant_digits(write_spec):
    data = fixture_data("minimal.toml")
    data["report"]["precision"] = {"decimals": 4, "significant": 5}
    (problem,) = problems(write_spec(data))
    assert problem.endswith("report.precision.significant: give either decimals or significant, not both")
