"""Running validation on spec data in tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfdoc.check.validate import validate
from pcfdoc.errors import SpecInvalidError
from pcfdoc.pipeline import check


def problems(path: Path, *, strict: bool = False) -> list[str]:
    """Every problem `pcfdoc check` reports for ``path`` (the test fails if it is valid)."""
    with pytest.raises(SpecInvalidError) as info:
        check(path, strict=strict)
    return [str(problem) for problem in info.value.problems]


def warnings(path: Path) -> list[str]:
    return [str(warning) for warning in check(path).warnings]


def valid_of(data: dict):
    """Validate spec data directly (no file), as the pipeline does."""
    from pcfdoc.spec.load import SpecSource

    return validate(SpecSource("spec.toml", data))


def calculated(data: dict):
    """Results of spec data through validation, with its resolved factors."""
    from pcfdoc.calc.footprint import calculate

    valid = valid_of(data)
    return calculate(valid.spec, valid.factor_nodes)


def one_error(path: Path) -> str:
    """The single error for ``path``; fails if there are several."""
    found = [p for p in problems(path) if ": warning: " not in p]
    assert len(found) == 1, found
    return found[0]


def with_small_parts(excluded):
    """Product a (20 kg) with a 0.1 kg gasket and 0.05 kg label, 2 kg CO2e/kg each."""
    from conftest import fixture_data

    data = fixture_data("two-products.toml")
    inventory = data["products"][0]["inventory"]
    for line_id, name, kg in (("gasket", "密封垫", 0.1), ("label", "铭牌", 0.05)):
        inventory.append({"id": line_id, "stage": "raw_material", "name": name, "amount": kg, "unit": "kg",
                          "factor": "steel", "data_type": "secondary", "source": "BOM",
                          "excluded": line_id in excluded})
    return data


#: Placeholder for the facts only a [pact] table can give, in the fixtures' [pact] tables.
COMPANY_ID = "urn:pact:company:customcode:buyer-assigned:test-4321"


def with_pact(data: dict) -> dict:
    """Fixture spec data with a [pact] table (its products state their masses), each product holding
    1.5 kg of fossil carbon (products[].carbon_content, where the report states it too)."""
    data["pact"] = {
        "company_ids": [COMPANY_ID],
        "geography": "CN",
        "products": [
            {"product": product["id"],
             "ids": [f"urn:pact:product:customcode:vendor-assigned:{product['id']}"],
             "biogenic_co2_uptake": 0}
            for product in data["products"]
        ],
    }
    for product in data["products"]:
        product["carbon_content"] = {"fossil": 1.5, "note": "按材料估算。"}
    return data


def with_carton(data: dict) -> dict:
    """Product a of two-products with a carton (0.4 kg × 1.5 kgCO2e/kg = 0.6 kg CO2e) and its transport."""
    product = data["products"][0]
    product["inventory"].append({"id": "carton", "stage": "raw_material", "name": "纸箱", "amount": 0.4,
                                 "unit": "kg", "factor": "carton", "data_type": "primary",
                                 "source": "包装 BOM"})
    product["transport"].append({"id": "carton-transport", "carries": "carton", "distance_km": 50,
                                 "factor": "truck", "data_type": "secondary", "source": "供应商距离"})
    data["factors"].append({"id": "carton", "name": "瓦楞纸箱", "value": 1.5, "unit": "kgCO2e/kg",
                            "source": "测试包装因子", "year": 2021})
    return data
