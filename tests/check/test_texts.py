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


def test_a_library_factor_without_english_is_named_where_it_is_used(write_spec, tmp_path):
    (tmp_path / "own.toml").write_text(
        '[[factors]]\nid = "grid-own"\nname = "自备电厂电力"\nvalue = 0.9\nunit = "kgCO2/kWh"\n'
        'source = "企业自备电厂运行记录"\nyear = 2023\nregion = "河北"\nstatus = "verified"\n', "utf-8")
    data = english_spec(fixture_data("minimal.toml"))
    data["library"] = {"paths": ["own.toml"]}
    data["products"][0]["inventory"][1]["factor"] = "grid-own"
    path = write_spec(data)
    found = [w for w in map(str, pipeline.check(path).warnings) if "grid-own" in w and "English" in w]
    own = tmp_path / "own.toml"
    line = path.read_text("utf-8").splitlines().index('factor = "grid-own"') + 1
    assert found == [
        f"{path}:{line}: products[0].inventory[1].factor: warning: factor 'grid-own' from {own} has no "
        f"English {key} for {text!r}; the English report prints it in Chinese (give it {key}_en there)"
        for key, text in [("name", "自备电厂电力"), ("source", "企业自备电厂运行记录"), ("region", "河北")]]


def test_every_shipped_factor_has_its_english_texts():
    from pcfdoc.spec.library import shipped
    from pcfdoc.spec.texts import untranslated

    assert [(entry.factor.id, list(untranslated(entry.factor))) for entry in shipped()
            if list(untranslated(entry.factor))] == []


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
