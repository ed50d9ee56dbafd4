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
    assert "| `share_pct` | number | required | % |" in text
    assert "| `distance_km` | number | required | km |" in text
