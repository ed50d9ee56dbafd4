"""The per-product part of the render context: tables, charts and figures of one product."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..calc.results import LineResult, ProductResult
from ..formatting import (
    column_decimals,
    column_number,
    factor_unit,
    in_unit,
    per_unit_label,
    percent,
    percentages,
    plain,
    pretty_unit,
)
from ..spec.schema import Node
from ..vocab.gwp import CO2E, gases
from . import charts
from .illustrations import process_map

#: How many of the largest contributors the hotspot table and chart show.
HOTSPOT_COUNT = 5

Image = Callable[[Any], Any]  # a chart, diagram or picture → what the template places (figures.Figures)


def latin_brackets(text: str, words: Mapping) -> str:
    """Full-width brackets that formatting puts around a remark ('kg/kg（CH₄）') as the report's language
    writes them ('kg/kg (CH₄)' in English)."""
    opening, closing = words["brackets"]
    return text.replace("（", opening).replace("）", closing)


def product_view(spec_product: Node, result: ProductResult, words: Mapping, image: Image) -> dict[str, Any]:
    """One product's tables, charts and figures, formatted in its result unit."""
    unit = result.result_unit
    fu = f"{plain(result.functional_unit_amount)} {result.functional_unit}"
    per_label = pretty_unit(per_unit_label(unit, result.functional_unit_amount, result.functional_unit))
    emissions = {line.id: in_unit(line.kgco2e, unit) for line in result.lines}
    stage_values = [in_unit(stage.kgco2e, unit) for stage in result.stages]
    total = in_unit(result.total_kgco2e, unit)
    decimals = column_decimals([*emissions.values(), *stage_values, total])
    line_shares = percentages([line.share for line in result.lines], 2)
    line_share = {line.id: str(share) for line, share in zip(result.lines, line_shares, strict=True)}
    stage_share = [str(s) for s in percentages([s.share for s in result.stages], 2)]
    spec_lines = {line.id: line for line in spec_product.inventory}
    notes = {item.id: item.note for item in (*spec_product.inventory, *spec_product.transport) if item.note}
    numbering = {line.id: i for i, line in enumerate(result.lines, 1)}
    basis_words = _basis_words(spec_product, words)

    stages = []
    for stage, value, share in zip(result.stages, stage_values, stage_share, strict=True):
        lines = [line for line in result.lines if line.stage == stage.id]
        by_kind = {kind: [line for line in lines if line.kind == kind]
                   for kind in ("inventory", "transport", "distribution")}
        stages.append({
            "id": stage.id, "name": stage.name, "value": column_number(value, decimals), "share": share,
            "lines": [_calc_row(line, numbering, emissions, decimals, line_share, words) for line in lines],
            "inventory": [_inventory_row(i, line, spec_lines[line.id], basis_words, words)
                          for i, line in enumerate(by_kind["inventory"], 1)],
            "transport": [_transport_row(i, line, words) for i, line in enumerate(by_kind["transport"], 1)],
            "destinations": [_destination_row(i, line, words)
                             for i, line in enumerate(by_kind["distribution"], 1)],
            "notes": [{"name": line.name, "note": notes[line.id].strip()}
                      for line in lines if line.id in notes],
        })
    stage_share_of = {stage.id: share for stage, share in zip(result.stages, stage_share, strict=True)}
    top_stage = max(zip(result.stages, stage_share, strict=True), key=lambda pair: pair[0].kgco2e)
    hotspots = [line for line in result.contributors[:HOTSPOT_COUNT] if line.kgco2e > 0]
    stage_names = {stage.id: stage.name for stage in result.stages}
    hotspot_rows = [
        {"rank": rank, "name": line.name, "stage": stage_names[line.stage],
         "emission": column_number(emissions[line.id], decimals), "share": line_share[line.id]}
        for rank, line in enumerate(hotspots, 1)
    ]
    annual = [line for line in result.lines if line.annual is not None]
    distribution = [line for line in result.lines if line.kind == "distribution"]
    primary_share, secondary_share = (str(s) for s in percentages(
        [result.primary_share, result.secondary_share], 2))
    return {
        "id": result.id,
        "name": result.name,
        "model": spec_product.model,
        "name_model": (words["paren"].format(result.name, spec_product.model) if spec_product.model
                       else result.name),
        "description": (spec_product.description or "").strip(),
        "fu": fu,
        "fu_unit": result.functional_unit,
        "fu_text": words["fu_text"].format(fu=fu, name=result.name),
        "result_unit": pretty_unit(unit),
        "per_label": per_label,
        "mass": f"{plain(result.mass_kg)} kg" if result.mass_kg is not None else None,
        "inventory_basis": (f"{plain(spec_product.inventory_per.amount)} {spec_product.inventory_per.unit}"
                            if spec_product.inventory_per else None),
        "inventory_scale": plain(result.inventory_scale),
        "total": column_number(total, decimals),
        "total_share": "100.00" if result.total_kgco2e else "0.00",
        "stages": stages,
        "top_stage": {"name": top_stage[0].name, "share": top_stage[1]},
        # every line's and stage's share as printed, for text that cites them
        "share_of": {**line_share, **stage_share_of},
        "top": hotspot_rows[0] if hotspot_rows else None,
        "hotspots": hotspot_rows,
        "gases": _gas_rows(result, unit, decimals, words),
        "line_count": len(result.lines),
        "primary_count": sum(line.data_type == "primary" for line in result.lines),
        "secondary_count": sum(line.data_type == "secondary" for line in result.lines),
        "primary_share": primary_share,
        "secondary_share": secondary_share,
        "annual": [_annual_row(line, result, words) for line in annual],
        "annual_output": _output_text(annual[0]) if annual else None,
        "shipped_mass": plain(distribution[0].freight.mass_t) if distribution else None,
        "distribution_source": spec_product.distribution.source if spec_product.distribution else None,
        "process_map": process_map(result, stages, column_number(total, decimals), per_label, words, image),
        "stage_chart": image(charts.stage_chart(
            [s.id for s in result.stages], stage_values,
            [f"{s['name']}  {s['value']} {per_label}  {s['share']}%" for s in stages])),
        "hotspot_chart": image(charts.contributor_chart(
            ["\n".join(charts.wrap_label(row["name"])) for row in hotspot_rows],
            [emissions[line.id] for line in hotspots],
            [words["paren"].format(row["emission"], f"{row['share']}%") for row in hotspot_rows],
            [line.stage for line in hotspots], per_label)) if hotspot_rows else None,
    }


def _output_text(line: LineResult) -> str:
    return f"{plain(line.annual.output_amount)} {pretty_unit(line.annual.output_unit)}"


def _basis_words(product: Node, words: Mapping) -> str:
    basis = product.inventory_per or product.functional_unit
    return words["per"].format(amount=plain(basis.amount), unit=basis.unit)


def _calc_row(line: LineResult, numbering: dict[str, int], emissions: dict[str, float], decimals: int,
              line_share: dict[str, str], words: Mapping) -> dict[str, Any]:
    return {
        "no": numbering[line.id], "name": line.name, "amount": plain(line.amount),
        "unit": pretty_unit(line.unit), "factor": plain(line.factor_value),
        "factor_unit": latin_brackets(factor_unit(line.factor_unit, line.gas), words),
        "emission": column_number(emissions[line.id], decimals), "share": line_share[line.id],
    }


def _inventory_row(no: int, line: LineResult, spec_line: Node, basis: str, words: Mapping) -> dict[str, Any]:
    name = words["paren"].format(line.name, spec_line.model) if spec_line.model else line.name
    return {
        "no": no, "name": name, "amount": plain(spec_line.amount), "unit": pretty_unit(spec_line.unit),
        "basis": words["annual_basis"] if spec_line.annual_total else basis,
        "data_type": words["data_type"][line.data_type],
        "source": words["value_sep"].join(filter(None, (line.source, _supplier(spec_line, words))))
        or words["none"],
    }


def _supplier(line: Node, words: Mapping) -> str | None:
    """'供应商：唐山某钢厂（河北省唐山市）', from the keys the data-collection form fills."""
    if not (line.supplier or line.supplier_location):
        return None
    both = line.supplier and line.supplier_location
    who = words["paren"].format(line.supplier, line.supplier_location) if both else (
        line.supplier or line.supplier_location)
    return words["supplier"].format(who)


def _transport_row(no: int, line: LineResult, words: Mapping) -> dict[str, Any]:
    freight = line.freight
    return {
        "no": no, "name": line.name, "mass": plain(freight.mass_t), "distance": plain(freight.distance_km),
        "mode": _mode(freight, words), "tkm": plain(line.amount), "source": line.source or words["none"],
    }


def _destination_row(no: int, line: LineResult, words: Mapping) -> dict[str, Any]:
    freight = line.freight
    return {
        "no": no, "name": line.name, "share": plain(freight.share * 100.0),
        "distance": plain(freight.distance_km),
        "mode": _mode(freight, words), "tkm": plain(line.amount),
    }


def _mode(freight, words: Mapping) -> str:
    """'公路（重型柴油货车）', 'Road (heavy diesel truck)'."""
    mode = words["mode"][freight.mode]
    return words["paren"].format(mode, freight.vehicle) if freight.vehicle else mode


def _annual_row(line: LineResult, result: ProductResult, words: Mapping) -> dict[str, Any]:
    basis = line.annual
    return {
        "name": line.name,
        "total": f"{plain(line.annual_amount)} {pretty_unit(line.unit)}",
        "share": percent(basis.share),
        "output": f"{plain(basis.output_amount)} {pretty_unit(basis.output_unit)}",
        "per_unit": f"{plain(line.amount)} {pretty_unit(line.unit)}",
    }


def _gas_rows(result: ProductResult, unit: str, decimals: int, words: Mapping) -> list[dict[str, Any]]:
    if all(gas.gas in (CO2E, "CO2") for gas in result.gases):
        return []
    def name(gas: str) -> str:
        if gas == CO2E:
            return words["co2e_gas"]
        return words["paren"].format(gases()[gas].name(words["language"]), gases()[gas].formula)

    return [
        {
            "name": name(gas.gas),
            "mass": words["none"] if gas.gas == CO2E else plain(gas.gas_kg),
            "gwp": words["none"] if gas.gas == CO2E else plain(gas.gwp),
            "co2e": column_number(in_unit(gas.kgco2e, unit), decimals),
        }
        for gas in result.gases
    ]


