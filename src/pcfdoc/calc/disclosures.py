"""What a report discloses about one product that follows from the spec and the lines.

The boundary named for what it contains (a cradle-to-gate study that also counts distribution
is not plain cradle-to-gate, and either is a partial CFP in the sense of ISO 14067), the stages
left out or left empty, the packaging's emission and the lines that buy electricity. The
checklist (pcfdoc.check.checklist) judges these; the report states them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..spec.schema import Node
from ..vocab.catalogue import STAGE_IDS
from ..vocab.units import convertible, normalise
from .results import Disclosures, LineResult

#: Stages where a product system consumes electricity itself (the plant, the product in use).
ELECTRICITY_STAGES = ("production", "use")


def is_electricity(line: LineResult, factor: Node | None) -> bool:
    """Whether a line buys electricity: its factor is of kind electricity (when the factor says
    so), else an energy written in watt-hours (kWh, MWh, 万kWh) in production or use. A raw
    material entered as "1 MWh of cells × emission per MWh" is not electricity."""
    kind = getattr(factor, "kind", None)
    if kind is not None:
        return kind == "electricity"
    if line.kind != "inventory" or line.stage not in ELECTRICITY_STAGES or not convertible(line.unit, "kWh"):
        return False
    return "wh" in normalise(line.unit).lower().replace("*", "").replace("·", "").replace(" ", "")


def boundary_label(boundary: Node) -> str:
    """cradle-to-gate, cradle-to-gate+distribution, cradle-to-grave or gate-to-gate."""
    if boundary.type == "cradle-to-gate" and "distribution" in boundary.stages:
        return "cradle-to-gate+distribution"
    return boundary.type


def disclosures(spec: Node, product: Node, lines: Sequence[LineResult],
                factors: Mapping[str, Node]) -> Disclosures:
    stages = spec.boundary.stages
    with_lines = {line.stage for line in lines}
    packaging = product.packaging
    included = None if packaging is None else packaging.included
    packaging_kg = None
    if included and packaging.lines:
        named = set(packaging.lines)
        packaging_kg = sum(line.kgco2e for line in lines if line.id in named)
    electricity = [line for line in lines if is_electricity(line, factors.get(line.factor_id))]
    return Disclosures(
        boundary=boundary_label(spec.boundary),
        partial=spec.boundary.type != "cradle-to-grave",
        omitted_stages=tuple(stage for stage in STAGE_IDS if stage not in stages),
        empty_stages=tuple(stage for stage in STAGE_IDS if stage in stages and stage not in with_lines),
        packaging_included=included,
        packaging_kgco2e=packaging_kg,
        electricity_lines=tuple(line.id for line in electricity),
        electricity_factors=tuple(dict.fromkeys(line.factor_id for line in electricity
                                                if line.factor_id is not None)),
    )
