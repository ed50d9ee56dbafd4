"""One-at-a-time sensitivity: every line's amount and every factor, lowered and raised.

The model is linear in each parameter, so the total with a parameter scaled by
(1 ± step) is the total ± step × the emission that parameter drives. What a
line's amount drives includes the transport legs that carry it: a lighter part
is also lighter freight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .results import LineResult, Sensitivity


def one_at_a_time(lines: Sequence[LineResult], total_kgco2e: float, step: float,
                  factor_names: Mapping[str, str]) -> tuple[Sensitivity, ...]:
    """Low and high totals for a relative ``step`` (0.1 for ±10 %), largest swing first."""
    driven: dict[str, float] = {line.id: line.kgco2e for line in lines}
    for line in lines:
        if line.freight is not None and line.freight.carries is not None:
            driven[line.freight.carries] += line.kgco2e
    users: dict[str, list[LineResult]] = {}
    for line in lines:
        if line.factor_id is not None:
            users.setdefault(line.factor_id, []).append(line)
    # A factor that only one line uses, and that drives nothing else, moves the total
    # exactly as that line's amount does: one row stands for both.
    alike = {found[0].id: factor_id for factor_id, found in users.items()
             if len(found) == 1 and driven[found[0].id] == found[0].kgco2e}
    rows = [_row(line.id, "line", line.name, driven[line.id], total_kgco2e, step, alike.get(line.id))
            for line in lines]
    rows += [_row(factor_id, "factor", factor_names[factor_id], sum(line.kgco2e for line in found),
                  total_kgco2e, step, None)
             for factor_id, found in users.items() if factor_id not in alike.values()]
    return tuple(sorted(rows, key=lambda row: -row.swing))  # stable: spec order breaks ties


def _row(parameter_id: str, kind: str, name: str, driven_kgco2e: float, total: float,
         step: float, factor_id: str | None) -> Sensitivity:
    swing = 2 * step * driven_kgco2e
    return Sensitivity(parameter_id, kind, name, total - step * driven_kgco2e, total + step * driven_kgco2e,
                       factor_id, swing / total if total else 0.0)
