"""Terminal and JSON views of results (for ``pcfdoc calc``)."""

from __future__ import annotations

from typing import Any

from .formatting import (
    column_decimals,
    in_unit,
    number,
    per_unit_label,
    percentages,
    plain,
)
from .results import ProductResult, Results


def results_json(results: Results, spec_file: str) -> dict[str, Any]:
    """The documented ``calc --json`` shape: kg CO2e per functional unit, shares as fractions."""
    return {
        "spec": spec_file,
        "products": [
            {
                "id": product.id,
                "name": product.name,
                "functional_unit": {
                    "amount": product.functional_unit_amount,
                    "unit": product.functional_unit,
                },
                "total_kgco2e": product.total_kgco2e,
                "stages": [
                    {"id": s.id, "name": s.name, "kgco2e": s.kgco2e, "share": s.share}
                    for s in product.stages
                ],
                "lines": [
                    {
                        "id": line.id,
                        "stage": line.stage,
                        "name": line.name,
                        "amount": line.amount,
                        "unit": line.unit,
                        "factor_id": line.factor_id,
                        "kgco2e": line.kgco2e,
                    }
                    for line in product.lines
                ],
            }
            for product in results.products
        ],
    }


def display_unit(unit: str) -> str:
    """Terminal units: '·' for products; subscripts are left out, terminals lack the glyphs."""
    return unit.replace("*", "·")


def product_tables(product: ProductResult, gwp_set: str) -> list:
    """Rich renderables for one product: lines by stage, then stage totals."""
    from rich.table import Table

    unit = product.result_unit
    per = per_unit_label(unit, product.functional_unit_amount, product.functional_unit)
    emissions = [in_unit(line.kgco2e, unit) for line in product.lines]
    line_decimals = column_decimals(emissions)
    stage_names = {stage.id: stage.name for stage in product.stages}

    lines = Table(title=f"{product.name} ({product.id}): inventory, {per}, GWP {gwp_set}",
                  title_justify="left")
    for header, justify in (("Stage", "left"), ("Line", "left"), ("Activity", "right"),
                            ("Factor", "right"), (f"Emission ({unit})", "right"), ("Share %", "right")):
        lines.add_column(header, justify=justify)
    shares = percentages([line.share for line in product.lines], 2)
    previous_stage = None
    for line, emission, share in zip(product.lines, emissions, shares, strict=True):
        stage = stage_names[line.stage] if line.stage != previous_stage else ""
        previous_stage = line.stage
        lines.add_row(
            stage, line.name,
            f"{plain(line.amount)} {display_unit(line.unit)}",
            f"{plain(line.factor_value)} {display_unit(line.factor_unit)}",
            number(emission, line_decimals), f"{share}",
        )

    totals = Table(title=f"{product.name}: result by stage", title_justify="left")
    totals.add_column("Stage")
    totals.add_column(f"Emission ({per})", justify="right")
    totals.add_column("Share %", justify="right")
    stage_values = [in_unit(stage.kgco2e, unit) for stage in product.stages]
    total_value = in_unit(product.total_kgco2e, unit)
    decimals = column_decimals([*stage_values, total_value])
    stage_shares = percentages([s.share for s in product.stages], 2)
    for stage, value, share in zip(product.stages, stage_values, stage_shares, strict=True):
        totals.add_row(stage.name, number(value, decimals), f"{share}")
    totals.add_section()
    totals.add_row("Total", number(total_value, decimals), "100.00" if product.total_kgco2e else "0.00",
                   style="bold")
    return [lines, totals]


