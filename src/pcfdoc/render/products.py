"""The per-product part of the render context: tables, charts and figures of one product."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..calc.results import LineResult, ProductResult
from ..formatting import (
    column_number,
    exact,
    factor_unit,
    in_unit,
    per_unit_label,
    percent,
    plain,
    result_decimals,
    share_texts,
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


def product_view(spec_product: Node, result: ProductResult, words: Mapping, image: Image,
                 precision: Node | None = None) -> dict[str, Any]:
    """One product's tables, charts and figures, formatted in its result unit.

    Every result of the product (tables, abstract, conclusion, analysis, improvement plan) is
    printed with one number of decimals, ``decimals``, set by report.precision; inputs print as
    written."""
    unit, show_unit = result.result_unit, words["unit"]
    fu_amount = spec_product.functional_unit.amount
    fu = f"{exact(fu_amount)} {show_unit(result.functional_unit)}"
    per_label = show_unit(per_unit_label(unit, result.functional_unit_amount, result.functional_unit))
    emissions = {line.id: in_unit(line.kgco2e, unit) for line in result.lines}
    stage_values = [in_unit(stage.kgco2e, unit) for stage in result.stages]
    total = in_unit(result.total_kgco2e, unit)
    decimals = result_decimals(total, getattr(precision, "decimals", None),
                               getattr(precision, "significant", None))
    line_shares = share_texts([line.share for line in result.lines])
    line_share = {line.id: share for line, share in zip(result.lines, line_shares, strict=True)}
    stage_share = share_texts([s.share for s in result.stages])
    spec_lines = {line.id: line for line in spec_product.inventory}
    distribution = spec_product.distribution
    destinations = {d.id: d for d in distribution.destinations} if distribution else {}
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
            "lines": [_calc_row(line, numbering, emissions, decimals, line_share, words,
                                spec_lines.get(line.id)) for line in lines],
            "inventory": [_inventory_row(i, line, spec_lines[line.id], basis_words, words)
                          for i, line in enumerate(by_kind["inventory"], 1)],
            "transport": [_transport_row(i, line, words) for i, line in enumerate(by_kind["transport"], 1)],
            "destinations": [_destination_row(i, line, destinations[line.id], words)
                             for i, line in enumerate(by_kind["distribution"], 1)],
            "notes": [{"name": line.name, "note": notes[line.id].strip()}
                      for line in lines if line.id in notes],
        })
    stage_share_of = {stage.id: share for stage, share in zip(result.stages, stage_share, strict=True)}
    top_stage = max(zip(result.stages, stage_share, strict=True), key=lambda pair: pair[0].kgco2e)
    hotspots = [line for line in result.contributors[:HOTSPOT_COUNT] if line.kgco2e > 0]
    stage_names = {stage.id: stage.name for stage in result.stages}
    hotspot_rows = [
        {"rank": rank, "name": line.name, "name_in_text": words["in_text"](line.name),
         "stage": stage_names[line.stage],
         "emission": column_number(emissions[line.id], decimals), "share": line_share[line.id]}
        for rank, line in enumerate(hotspots, 1)
    ]
    annual = [line for line in result.lines if line.annual is not None]
    distribution = [line for line in result.lines if line.kind == "distribution"]
    primary_share, secondary_share = share_texts([result.primary_share, result.secondary_share])
    return {
        "id": result.id,
        "name": result.name,
        "name_in_text": words["in_text"](result.name),  # inside an English sentence: 'valve actuator'
        "model": spec_product.model,
        "name_model": (words["paren"].format(result.name, spec_product.model) if spec_product.model
                       else result.name),
        "description": (spec_product.description or "").strip(),
        "fu": fu,
        "fu_unit": show_unit(result.functional_unit),
        "fu_text": words["fu_text"](exact(fu_amount), show_unit(result.functional_unit),
                                    words["in_text"](result.name)),
        "result_unit": show_unit(unit),
        "per_label": per_label,
        "decimals": decimals,
        "mass": _mass(spec_product, result, words),
        "inventory_basis": _basis(spec_product.inventory_per, show_unit),
        "inventory_scale": plain(result.inventory_scale),
        "total": column_number(total, decimals),
        "total_share": "100.00" if result.total_kgco2e else "0.00",
        "total_value": total,
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
        "annual_output": _output_text(annual[0], words) if annual else None,
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


def _mass(product: Node, result: ProductResult, words: Mapping) -> str | None:
    """The mass of one functional unit: as written when the spec gives it per unit, else computed."""
    if result.mass_kg is None:
        return None
    given = product.mass_per_unit
    if given is not None and product.functional_unit.amount == 1:
        return f"{exact(given.amount)} {words['unit'](given.unit)}"
    return f"{plain(result.mass_kg)} kg"


def _basis(inventory_per: Node | None, show_unit) -> str | None:
    return f"{exact(inventory_per.amount)} {show_unit(inventory_per.unit)}" if inventory_per else None


def _output_text(line: LineResult, words: Mapping) -> str:
    output = line.annual
    return words["quantity"](_input(output.output_amount), output.output_unit, output.output_amount)


def _input(value: float) -> str:
    """A number that came from the spec, as written (a Written float), or one computed from it."""
    given = getattr(value, "written", None) is not None or float(value).is_integer()
    return exact(value) if given else plain(value)


def _basis_words(product: Node, words: Mapping) -> str:
    basis = product.inventory_per or product.functional_unit
    return words["per"](exact(basis.amount), words["unit"](basis.unit))


def _calc_row(line: LineResult, numbering: dict[str, int], emissions: dict[str, float], decimals: int,
              line_share: dict[str, str], words: Mapping, spec_line: Node | None) -> dict[str, Any]:
    # An amount that is the spec's own prints as written; a per-unit share of a plant total, a t·km
    # figure or a scaled amount is computed, and rounded to six significant digits.
    given = spec_line is not None and not spec_line.annual_total and line.amount == spec_line.amount
    return {
        "no": numbering[line.id], "name": line.name,
        "amount": exact(spec_line.amount) if given else plain(line.amount),
        "unit": words["unit"](line.unit), "factor": _input(line.factor_value),
        "factor_unit": latin_brackets(factor_unit(line.factor_unit, line.gas, words["language"]), words),
        "emission": column_number(emissions[line.id], decimals), "share": line_share[line.id],
    }


def _inventory_row(no: int, line: LineResult, spec_line: Node, basis: str, words: Mapping) -> dict[str, Any]:
    name = words["paren"].format(line.name, spec_line.model) if spec_line.model else line.name
    return {
        "no": no, "name": name, "amount": exact(spec_line.amount), "unit": words["unit"](spec_line.unit),
        "basis": words["annual_basis"] if spec_line.annual_total else basis,
        "data_type": words["data_type"][line.data_type],
        "source": words["value_sep"].join(filter(None, (line.source, _supplier(spec_line, words)))),
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
        "no": no, "name": line.name, "mass": plain(freight.mass_t), "distance": exact(freight.distance_km),
        "mode": _mode(freight, words), "tkm": plain(line.amount), "source": line.source or "",
    }


def _destination_row(no: int, line: LineResult, destination: Node, words: Mapping) -> dict[str, Any]:
    freight = line.freight
    return {
        "no": no, "name": line.name, "share": exact(destination.share_pct),
        "distance": exact(destination.distance_km),
        "mode": _mode(freight, words), "tkm": plain(line.amount),
    }


def _mode(freight, words: Mapping) -> str:
    """'公路（重型柴油货车）', 'Road (heavy diesel truck)'."""
    mode = words["mode"][freight.mode]
    return words["paren"].format(mode, freight.vehicle) if freight.vehicle else mode


def _annual_row(line: LineResult, result: ProductResult, words: Mapping) -> dict[str, Any]:
    basis, unit = line.annual, words["unit"]
    return {
        "name": line.name,
        "total": f"{exact(line.annual_amount)} {unit(line.unit)}",
        "share": percent(basis.share),
        "output": words["quantity"](_input(basis.output_amount), basis.output_unit, basis.output_amount),
        "per_unit": f"{plain(line.amount)} {unit(line.unit)}",
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
            "mass": words["not_applicable"] if gas.gas == CO2E else plain(gas.gas_kg),
            "gwp": words["not_applicable"] if gas.gas == CO2E else plain(gas.gwp),
            "co2e": column_number(in_unit(gas.kgco2e, unit), decimals),
        }
        for gas in result.gases
    ]


