"""Checks of the [pact] table: entries name products once, and packaging lines of their product."""

from __future__ import annotations

from conftest import fixture_data
from helpers import problems, with_carton, with_pact


def test_pact_entries_name_products_once_when_the_spec_is_checked(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["products"][1]["product"] = "c"
    data["pact"]["products"].append(dict(data["pact"]["products"][0]))
    found = problems(write_spec(data))
    assert any(line.endswith("pact.products[1].product: unknown product 'c'; use an id from [[products]]")
               for line in found), found
    assert any(line.endswith("pact.products[2].product: product 'a' has two entries (first at "
                             "pact.products[0]); keep one") for line in found), found


def test_packaging_lines_are_checked_with_the_spec(write_spec):
    data = with_carton(with_pact(fixture_data("two-products.toml")))
    first, second = data["pact"]["products"]
    del first["packaging_included"]
    first["packaging_lines"] = ["carton", "carton"]
    second["packaging_lines"] = ["steel"]  # packaging_included = false as well
    text = "\n".join(problems(write_spec(data)))
    assert "pact.products[0].packaging_lines: carton given more than once; list each once" in text
    assert ("pact.products[1].packaging_lines: packaging_lines names packaging inside the footprint, yet "
            "packaging_included = false; remove one of the two") in text

    # once the table passes the schema, each name must be a line or leg of that product
    del second["packaging_included"]
    first["packaging_lines"] = ["cartn", "carton-transport", "x"]  # x: a destination, not packaging
    second["packaging_lines"] = ["carton"]  # a line of product a
    found = problems(write_spec(data))
    assert [line.split(": ", 1)[1] for line in found if ": pact." in line] == [
        "pact.products[0].packaging_lines[0]: unknown inventory line or transport leg 'cartn'; did you "
        "mean 'carton'? If not, name a line or leg of product 'a'",
        "pact.products[0].packaging_lines[2]: unknown inventory line or transport leg 'x'; name a line "
        "or leg of product 'a'",
        "pact.products[1].packaging_lines[0]: unknown inventory line or transport leg 'carton'; name a "
        "line or leg of product 'b'",
    ]
