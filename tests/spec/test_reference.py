from pcfdoc.spec.reference import END, START, reference_markdown
from pcfdoc.spec.schema import Spec

from conftest import ROOT


def test_readme_reference_is_in_step_with_the_schema():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split(START, 1)[1].split(END, 1)[0]
    assert section == "\n" + reference_markdown(), \
        "README spec reference is stale: run python3 -m pcfdoc.spec.reference README.md"


def test_every_field_has_a_doc():
    def walk(schema, path):
        for name, field in schema.fields.items():
            assert field.metadata.get("doc"), f"{path}{name} has no doc"
            inner = getattr(field, "inner", field)
            if hasattr(inner, "schema") and hasattr(inner, "nested"):
                walk(inner.schema, f"{path}{name}.")

    walk(Spec(), "")


def test_reference_lists_nested_tables_and_units():
    text = reference_markdown()
    assert "#### `[[products.inventory]]`" in text
    assert "#### `[[products.distribution.destinations]]`" in text
    assert "| `share_pct` | number > 0, ≤ 100 | required | % |" in text
    assert "| `distance_km` | number > 0, ≤ 100,000 | required | km |" in text


def test_reference_states_the_range_of_every_number_and_date():
    text = reference_markdown()
    assert text.startswith("Limits that hold for every key: a number is finite, at most 10¹⁵ in size and, "
                           "unless it is 0, at least 10⁻¹²; a date lies between 1980-01-01 and 2099-12-31;")
    assert "| `reliability` | integer 1 … 5 | optional |" in text
    assert "| `quantity` | integer 1 … 100,000 | optional | 台/套 |" in text
    assert "| `amount` | number ≥ 0 | required | see unit | activity amount per inventory_per |" in text
    assert "| `iterations` | integer 1,000 … 1,000,000 |" in text
