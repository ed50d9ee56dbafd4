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
# -- pictures ------------------------------------------------------------------------------------

def png(width: int = 4, height: int = 3, colour: tuple[int, int, int] = (200, 60, 40),
        comment: bytes = b"") -> bytes:
    """A real PNG of one colour (8-bit RGB), as small as zlib makes it, with an optional comment chunk
    (to make a file of a given size)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + (chunk(b"tEXt", b"Comment\x00" + comment) if comment else b"")
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def jpeg_structure(width: int = 40, height: int = 30, *, frame: int = 0xC0, orientation: int | None = None,
                   end: bool = True) -> bytes:
    """The segments of a JPEG (markers, frame header, optional EXIF orientation) around a few bytes
    standing for image data: what pcfdoc checks, though no viewer could decode the pixels."""
    import struct

    def segment(marker: int, body: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body

    parts = [b"\xff\xd8", segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")]
    if orientation is not None:
        ifd = struct.pack("<H", 1) + struct.pack("<HHI", 0x0112, 3, 1) + struct.pack("<HH", orientation, 0)
        parts.append(segment(0xE1, b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x00" * 4))
    components = b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    parts.append(segment(frame, struct.pack(">BHHB", 8, height, width, 3) + components))
    parts.append(segment(0xDA, b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00") + b"\x12\x34\x56")
    if end:
        parts.append(b"\xff\xd9")
    return b"".join(parts)
