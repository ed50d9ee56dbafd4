"""JSON views for the terminal commands: ``calc --json``, ``diff --json``, ``factors --json``,
``gwp --json``. Plain dicts and lists, ready for json.dumps."""

from __future__ import annotations

from typing import Any

from ..calc.diff import Change, SpecDiff
from ..calc.results import GHG_CATEGORIES, GhgSplit, ProductResult, Results, Spread


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
                        "category": line.category,
                    }
                    for line in product.lines
                ],
                **analysis_json(product),
            }
            for product in results.products
        ],
    }


def _spread(spread: Spread) -> dict[str, Any]:
    return {"mean": spread.mean, "p2_5": spread.p2_5, "p50": spread.p50, "p97_5": spread.p97_5}


def _split(split: GhgSplit) -> dict[str, float]:
    return {category: getattr(split, category) for category in GHG_CATEGORIES}


def analysis_json(product: ProductResult) -> dict[str, Any]:
    """Uncertainty, data quality, sensitivity, scenarios, ISO 14067 split and cut-off of one product."""
    uncertainty, quality, cutoff = product.uncertainty, product.data_quality, product.cutoff
    total_split, *stage_splits = product.ghg_breakdown
    return {
        "uncertainty": {
            **_spread(uncertainty.total),
            "iterations": uncertainty.iterations,
            "seed": uncertainty.seed,
            "stages": [{"id": stage.id, **_spread(stage)} for stage in uncertainty.stages],
            "variance": [{"id": v.line_id, "share": v.share} for v in uncertainty.variance],
        },
        "data_quality": {
            "dqr": quality.dqr,
            "level": quality.level,
            "primary_share": quality.primary_share,
            "pact_dqr": dict(quality.pact_dqr),
            "defaulted_lines": list(quality.defaulted_lines),
        },
        "sensitivity": [
            {"id": row.id, "kind": row.kind, "low_kgco2e": row.low_kgco2e, "high_kgco2e": row.high_kgco2e,
             "factor_id": row.factor_id}
            for row in product.sensitivity
        ],
        "scenarios": [
            {
                "id": scenario.id,
                "name": scenario.name,
                "total_kgco2e": scenario.total_kgco2e,
                "change_kgco2e": scenario.change_kgco2e,
                "change_share": scenario.change_share,
                "stages": [{"id": stage_id, "kgco2e": kg} for stage_id, kg in scenario.stages],
            }
            for scenario in product.scenarios
        ],
        "ghg_breakdown": {
            **_split(total_split),
            "stages": [{"id": split.id, **_split(split)} for split in stage_splits],
        },
        "cutoff": {
            "excluded_kgco2e": cutoff.excluded_kgco2e,
            "excluded_mass_share": cutoff.excluded_mass_share,
            "excluded_emission_share": cutoff.excluded_emission_share,
            "lines": [
                {"id": row.id, "stage": row.stage, "mass_share": row.mass_share, "kgco2e": row.kgco2e,
                 "emission_share": row.emission_share, "excluded": row.excluded}
                for row in cutoff.lines
            ],
        },
    }


def factor_record(entry) -> dict[str, Any]:
    """A library factor as JSON (at least id, name, value, unit, gas, source, year, region, status, kind,
    scope)."""
    factor = entry.factor
    record = {
        "id": factor.id, "name": factor.name, "name_en": factor.name_en, "value": factor.value,
        "unit": factor.unit, "gas": factor.gas, "source": factor.source, "year": factor.year,
        "region": factor.region, "status": factor.status, "note": factor.note, "origin": entry.origin,
        "kind": factor.kind, "scope": factor.scope,
        "published": factor.published.isoformat() if factor.published else None,
    }
    if factor.gases is not None:
        record["gases"] = dict(factor.gases)
    if factor.derivation is not None:
        derivation = factor.derivation
        record["derivation"] = {"ncv": derivation.ncv, "ncv_unit": derivation.ncv_unit,
                                "carbon_content_tc_per_tj": derivation.carbon_content,
                                "oxidation": derivation.oxidation}
    return record


def gwp_json() -> dict[str, dict[str, float]]:
    """{"AR4": {"CO2": 1, "CH4": 25, ...}, ...}: whole numbers printed as integers."""
    from ..vocab.gwp import gwp_sets

    return {set_id: {gas: int(value) if float(value).is_integer() else value
                     for gas, value in gwp_set.values.items()}
            for set_id, gwp_set in gwp_sets().items()}


def diff_json(diff: SpecDiff, old_label: str, new_label: str) -> dict:
    def change(item: Change) -> dict:
        return {"id": item.id, "name": item.name, "status": item.status, "old_kgco2e": item.old_kgco2e,
                "new_kgco2e": item.new_kgco2e, "change_kgco2e": item.change_kgco2e,
                "change_share": item.change_share}

    return {
        "old": old_label,
        "new": new_label,
        "products": [
            {**change(product.product), "unit": product.unit,
             "stages": [change(stage) for stage in product.stages],
             "lines": [change(line) for line in product.lines]}
            for product in diff.products
        ],
    }
