"""Editing a spec's TOML text in place: only what changed changes."""

from pcfdoc.spec.form_edit import Editor, splice

TEXT = '''# a spec
people = [
  { duty = "approved", name = "甲", date = 2024-06-07 },  # tomlkit drops the space before } here
]

[company]
name = "某公司"  # the registered name
equipment = [
  { name = "车床", quantity = 1, manufacturer = "某厂" },
]

[[products]]
id = "a"

[[products.inventory]]
id = "steel"
amount = 15

[[products.inventory]]
id = "paint"
amount = 1
'''


def test_no_edit_gives_the_text_back_byte_for_byte():
    assert Editor(TEXT).result() == TEXT


def test_an_edit_changes_its_line_only_and_keeps_comments_and_tomlkit_slips_out():
    editor = Editor(TEXT)
    editor.set(("company", "name"), "某某公司")
    editor.set(("products", 0, "inventory", 0, "amount"), 16.5)
    result = editor.result()
    expected = TEXT.replace('name = "某公司"', 'name = "某某公司"')
    assert result == expected.replace("amount = 15", "amount = 16.5")


def test_inline_tables_keep_their_style():
    editor = Editor(TEXT)
    editor.set(("company", "equipment", 0, "quantity"), None)
    editor.set(("company", "equipment", 0, "note"), "2020 年大修")
    assert '  { name = "车床", manufacturer = "某厂", note = "2020 年大修" },\n' in editor.result()


def test_appended_entries_follow_the_last_one():
    editor = Editor(TEXT)
    editor.append(("products", 0, "inventory"), {"id": "copper", "amount": 2})
    editor.append(("company", "equipment"), {"name": "钻床", "quantity": 2})
    result = editor.result()
    assert result.endswith('id = "paint"\namount = 1\n\n[[products.inventory]]\nid = "copper"\namount = 2\n')
    assert ('  { name = "车床", quantity = 1, manufacturer = "某厂" },\n'
            '  { name = "钻床", quantity = 2 }') in result


def test_a_removed_table_stays_as_comments():
    editor = Editor(TEXT)
    editor.remove(("products", 0, "inventory", 0), "removed by pcfdoc import of f.xlsx: 原材料!N4")
    result = editor.result()
    assert ('# removed by pcfdoc import of f.xlsx: 原材料!N4\n# [[products.inventory]]\n# id = "steel"\n'
            '# amount = 15\n\n[[products.inventory]]\nid = "paint"') in result
    import tomllib

    assert [line["id"] for line in tomllib.loads(result)["products"][0]["inventory"]] == ["paint"]


def test_splice_takes_only_the_edited_lines_from_the_rendering():
    original = "a = { d = 2024-06-07 }\nb = 1\n"
    baseline = "a = { d = 2024-06-07}\nb = 1\n"  # a renderer's slip on an untouched line
    edited = "a = { d = 2024-06-07}\nb = 2\n"
    assert splice(original, baseline, edited) == "a = { d = 2024-06-07 }\nb = 2\n"


def test_a_renamed_key_keeps_its_place_and_its_comment():
    text = ('[[products]]\nid = "a"\n\n[[products.inventory]]\nid = "motor"\n'
            'factor = "motor"  # the catalogue value\ndata_type = "primary"\n'
            'source = "BOM"\n\n[[products.transport]]\nid = "leg"\ntransport = [\n'
            '  { id = "a", data_type = "secondary", distance_km = 30 },\n]\n')
    editor = Editor(text)
    editor.rename(("products", 0, "inventory", 0, "data_type"), "activity_origin", "billed")
    editor.rename(("products", 0, "inventory", 0, "factor"), "declared",
                  {"value": 280, "unit": "kgCO2e/台", "year": 2023})
    leg = ("products", 0, "transport", 0, "transport", 0)
    editor.rename((*leg, "data_type"), "activity_origin", "estimated")
    assert editor.result() == (
        '[[products]]\nid = "a"\n\n[[products.inventory]]\nid = "motor"\n'
        'declared = { value = 280, unit = "kgCO2e/台", year = 2023 }  # the catalogue value\n'
        'activity_origin = "billed"\nsource = "BOM"\n\n[[products.transport]]\nid = "leg"\n'
        'transport = [\n  { id = "a", activity_origin = "estimated", distance_km = 30 },\n]\n')


def test_a_table_value_is_written_inline():
    editor = Editor(TEXT)
    declared = {"value": 1.5, "unit": "kgCO2e/kg", "source": "EPD"}
    editor.set(("products", 0, "inventory", 1, "declared"), declared)
    assert editor.result().endswith(
        'id = "paint"\namount = 1\ndeclared = { value = 1.5, unit = "kgCO2e/kg", source = "EPD" }\n')
