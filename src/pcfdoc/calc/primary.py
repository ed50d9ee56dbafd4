"""The primary data share, as PACT defines it, and the share of primary activity data.

PACT Technical Specifications v3 (``primaryDataShare``, methodology section 4.2.2): the share
of primary data in the PCF excluding biogenic CO2 uptake. The PACT Methodology computes it as

    primary data share = part of the PCF calculated from primary data (CO2e) / PCF (CO2e)

and counts an input as primary data only when **both** its activity data **and** its emission
factor are primary. Emissions taken from a supplier's footprint count with the supplier's own
primary data share (a weighted average over inputs); without that share they count as
secondary. (Wording of the Pathfinder / PACT Methodology v2.0, section 4.2.2, as quoted in PACT
Technical Specifications v2; the v3 methodology keeps the metric and its section number. Its
PDF is not in the public repository wbcsd/data-exchange-protocol, so the v3 text itself was not
read.)

So measured electricity times a grid average is secondary data, however well it was metered;
the share of emissions whose *activity data* are primary is reported beside it, as
``primary_activity_share``, because it says how much of the inventory the company measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab.origins import ACTIVITY_ORIGINS, FACTOR_ORIGINS


@dataclass(frozen=True)
class PrimaryShareDefinition:
    id: str
    rule: str
    source: str


DEFINITION = PrimaryShareDefinition(
    id="pact-3",
    rule=("share of the total emission calculated from primary data; an emission counts only when both "
          "its activity data and its emission factor are primary; a supplier's footprint counts with the "
          "supplier's own primary data share"),
    source=("PACT Technical Specifications 3.0 (primaryDataShare; PACT Methodology v3, section 4.2.2); "
            "calculation rule of PACT Methodology v2.0, section 4.2.2"),
)


def activity_is_primary(activity_origin: str | None, data_type: str | None) -> bool:
    """The activity origin decides; a spec that gives only data_type keeps its word."""
    if activity_origin is not None:
        return ACTIVITY_ORIGINS[activity_origin].primary
    return data_type == "primary"


def primary_fraction(activity_primary: bool, factor_origin: str | None,
                     supplier_share_pct: float | None) -> float:
    """The part of one line's emission that counts as primary data (0 … 1)."""
    if not activity_primary or factor_origin is None or not FACTOR_ORIGINS[factor_origin].primary:
        return 0.0
    if factor_origin == "supplier":
        return (supplier_share_pct or 0.0) / 100.0
    return 1.0


def shares(lines: Sequence) -> tuple[float, float]:
    """(primary data share, primary activity share) of the lines' total emission."""
    total = sum(line.kgco2e for line in lines)
    if not total:
        return 0.0, 0.0
    primary = sum(line.kgco2e * line.primary_fraction for line in lines)
    activity = sum(line.kgco2e for line in lines if line.data_type == "primary")
    return primary / total, activity / total
