"""Checks of the [pact] table: entries name products once."""

from __future__ import annotations

from conftest import fixture_data
from helpers import problems, with_pact


def test_pact_entries_name_products_once_when_the_spec_is_checked(write_spec):
    data = with_pact(fixture_data("two-products.toml"))
    data["pact"]["products"][1]["product"] = "c"
    data["pact"]["products"].append(dict(data["pact"]["products"][0]))
    found = problems(write_spec(data))
    assert any(line.endswith("pact.products[1].product: unknown product 'c'; use an id from [[products]]")
               for line in found), found
    assert any(line.endswith("pact.products[2].product: product 'a' has two entries (first at "
                             "pact.products[0]); keep one") for line in found), found
