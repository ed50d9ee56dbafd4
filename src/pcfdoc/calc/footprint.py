"""Stage 3 of the pipeline: a pure function from a validated spec to results.

No I/O and no formatting: per line, activity per functional unit × factor,
converted by pint into kg of a gas and weighted by the spec's GWP set; then
stage totals, shares and the largest contributors; then the analyses beyond
the total (ISO 14067 split, cut-off, data quality, sensitivity, uncertainty),
scenarios and improvement measures. Full precision throughout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..spec.scenarios import apply, touches
from ..spec.schema import Node
from ..spec.texts import stage_names
from ..vocab.catalogue import DATA_TYPES, FREIGHT_UNIT, STAGE_IDS, transport_label
from ..vocab.gwp import CO2E, GwpSet, gwp_sets
from ..vocab.units import co2e_unit, conversion_factor, gas_of_unit
from .cutoff import cutoff
from .derive import (
    allocation_shares,
    amount_per_functional_unit,
    annual_basis,
    emission_unit,
    factor_values,
    inventory_scale,
    product_mass_kg,
    product_path,
)
from .ghg_split import ghg_breakdown
from .improvements import improvement_results
from .quality import default_scores, line_quality, product_quality
from .results import (
    Freight,
    GasAmount,
    GasResult,
    LineResult,
    ProductResult,
    Results,
    ScenarioResult,
    StageResult,
)
from .sensitivity import one_at_a_time
from .uncertainty import monte_carlo

#: How many lines the list of largest contributors holds.
CONTRIBUTOR_COUNT = 10


def calculate(spec: Node, factors: Mapping[str, Node]) -> Results:
    """Results of a validated ``spec``; ``factors`` is its resolved factor table (library and own)."""
    gwp = gwp_sets()[spec.method.gwp]
    products = []
    for index, product in enumerate(spec.products):
        calculation = _ProductCalculation(spec, index, product, factors, gwp)
        baseline = calculation.run()
        excluded = calculation.lines_of(calculation.excluded_rows, baseline.total_kgco2e)
        result = analyse(spec, baseline, excluded, factors)
        products.append(dataclasses.replace(
            result, scenarios=_scenarios(spec, index, product, factors, gwp, calculation, baseline)))
    products = tuple(products)
    uses_annual_totals = any(line.annual_total for product in spec.products for line in product.inventory)
    allocation = allocation_shares(spec) if uses_annual_totals else ()
    return Results(gwp.id, products, improvement_results(spec, products), allocation)


def _scenarios(spec: Node, index: int, product: Node, factors: Mapping[str, Node], gwp: GwpSet,
               calculation: _ProductCalculation, baseline: ProductResult) -> tuple[ScenarioResult, ...]:
    found = []
    for scenario in spec.scenarios:
        if not touches(scenario, product):
            continue
        # Rows of the lines the scenario leaves alone come from the baseline's calculation.
        changed = _ProductCalculation(spec, index, apply(scenario, product), factors, gwp,
                                      reuse=calculation.made)
        changed.collect()
        total = changed.total()
        change = total - baseline.total_kgco2e
        found.append(ScenarioResult(
            scenario.id, scenario.name, total, change,
            _fraction(change, baseline.total_kgco2e),
            tuple(changed.stage_totals().items()),
        ))
    return tuple(found)


def analyse(spec: Node, result: ProductResult, excluded: Sequence[LineResult],
            factors: Mapping[str, Node]) -> ProductResult:
    """``result`` with what reads its calculated lines without changing the total."""
    settings = spec.uncertainty
    stage_ids = [stage.id for stage in result.stages]
    return dataclasses.replace(
        result,
        ghg_breakdown=ghg_breakdown(result.lines, stage_ids),
        cutoff=cutoff(spec.cutoff, result, excluded),
        data_quality=product_quality(result.lines, result.primary_share),
        sensitivity=one_at_a_time(result.lines, result.total_kgco2e, settings.sensitivity_pct / 100.0,
                                  {factor_id: factor.name for factor_id, factor in factors.items()}),
        uncertainty=monte_carlo(result.lines, stage_ids, settings.iterations, settings.seed),
    )




@dataclasses.dataclass(frozen=True)
class _Row:
    """A calculated row and the spec nodes it was computed from."""

    inputs: tuple[Node, ...]
    row: dict
    excluded: bool


#: Rows by the ids of their input nodes.
_Made = dict[tuple[int, ...], _Row]


class _ProductCalculation:
    def __init__(self, spec: Node, index: int, product: Node, factors: Mapping[str, Node], gwp: GwpSet,
                 reuse: _Made | None = None):
        """``reuse``: the rows another calculation of the same product made (a scenario's
        baseline); a row with the very same input nodes is taken from there, not recomputed."""
        self.spec, self.product, self.factors, self.gwp = spec, product, factors, gwp
        self.language = spec.report.language
        self.stage_names = stage_names(spec)
        self.path = product_path(index)
        self.scale = inventory_scale(product, self.path)
        needs_basis = any(line.annual_total for line in product.inventory)
        self.basis = annual_basis(spec, product, index) if needs_basis else None
        self.rows: list[dict] = []
        self.excluded_rows: list[dict] = []  # cut-off lines: estimated, not counted
        self.period_year = spec.data_period.start.year
        self.default_scores = {data_type: default_scores(spec, data_type) for data_type in DATA_TYPES}
        self.reuse: _Made = reuse or {}
        self.made: _Made = {}

    def run(self) -> ProductResult:
        self.collect()
        return self.result()

    def collect(self) -> None:
        """Every row, in spec order (inventory, transport, distribution).

        A row's inputs are the spec nodes it is computed from, besides the product-level values
        a scenario never changes (scale, annual basis, product mass, factors, GWP set).
        """
        amounts = {}
        for line in self.product.inventory:
            amount = amount_per_functional_unit(line, self.scale, self.basis)
            amounts[line.id] = (amount, line)
            if not self.reused((line,)):
                self.add_inventory_line(line, amount)
        for leg in self.product.transport:
            inputs = (leg,) if leg.carries is None else (leg, amounts[leg.carries][1])
            if not self.reused(inputs):
                self.add_leg(leg, amounts, inputs)
        distribution = self.product.distribution
        if distribution is not None:
            mass_t = self.distribution_mass_t(distribution)
            for destination in distribution.destinations:
                if not self.reused((distribution, destination)):
                    self.add_destination(distribution, destination, mass_t)

    def reused(self, inputs: tuple[Node, ...]) -> bool:
        """Take the row ``reuse`` holds for these very nodes, if it holds one."""
        known = self.reuse.get(tuple(map(id, inputs)))
        if known is None or any(a is not b for a, b in zip(known.inputs, inputs, strict=True)):
            return False
        self.keep(known)
        return True

    def keep(self, made: _Row) -> None:
        self.made[tuple(map(id, made.inputs))] = made
        (self.excluded_rows if made.excluded else self.rows).append(made.row)

    def emission(self, amount: float, unit: str, factor: Node) -> dict:
        """kg of each gas, their CO2e sum, and the factor as shown in activity × factor = emission."""
        amounts = []
        for gas, value in factor_values(factor):
            converted = emission_unit(unit, factor.unit, gas, self.path, factor.unit)
            kg = amount * value * converted.kg_per_activity_unit
            amounts.append(GasAmount(converted.gas, kg, kg * self.gwp.factor(converted.gas)))
        shown_value, shown_unit = factor.value, factor.unit
        if factor.gases is not None:  # several gases: show their CO2e sum per activity unit
            shown_value = sum(value * self.gwp.factor(gas) for gas, value in factor.gases.items())
            shown_unit = co2e_unit(factor.unit)
        return {"gases": tuple(amounts), "kgco2e": sum(a.kgco2e for a in amounts),
                "factor_value": shown_value, "factor_unit": shown_unit}

    def add(self, *, inputs: tuple[Node, ...], amount: float, unit: str, factor: Node,
            factor_id: str | None, source_node: Node, kind: str, mode: str | None = None,
            excluded: bool = False, **fields) -> None:
        """One row: its emission, ISO 14067 category and data quality."""
        category = (source_node.category or ("aircraft" if mode == "air" else None)
                    or getattr(factor, "category", None) or "fossil")
        age = (self.period_year - factor.year) if getattr(factor, "year", None) is not None else None
        quality = line_quality(source_node, kind, fields["data_type"],
                               self.default_scores[fields["data_type"]], age)
        row = {"amount": amount, "unit": unit, "factor_id": factor_id, "kind": kind, "category": category,
               "quality": quality, **self.emission(amount, unit, factor), **fields}
        self.keep(_Row(inputs, row, excluded))

    def add_inventory_line(self, line: Node, amount: float) -> None:
        if line.factor is not None:
            factor = self.factors[line.factor]
        else:  # a declared value is a one-gas factor of the line's own
            declared = line.declared
            factor = Node(value=declared.value, unit=declared.unit, gases=None,
                          gas=gas_of_unit(declared.unit) or CO2E)
        self.add(
            inputs=(line,), id=line.id, kind="inventory", stage=line.stage, name=line.name, amount=amount,
            unit=line.unit, data_type=line.data_type, source=line.source,
            annual=self.basis if line.annual_total else None,
            annual_amount=line.amount if line.annual_total else None,
            factor=factor, factor_id=line.factor, source_node=line, excluded=line.excluded,
        )

    def add_leg(self, leg: Node, amounts: dict[str, tuple[float, Node]], inputs: tuple[Node, ...]) -> None:
        if leg.carries is not None:
            carried_amount, carried = amounts[leg.carries]
            mass_t = carried_amount * conversion_factor(carried.unit, "t")
            name = leg.name or transport_label(self.language, carried.name)
        else:
            mass_t = leg.mass.amount * conversion_factor(leg.mass.unit, "t") * self.scale
            name = leg.name
        freight = Freight(mass_t, leg.distance_km, leg.mode, leg.vehicle, carries=leg.carries)
        self.add(
            inputs=inputs, id=leg.id, kind="transport", stage=leg.stage, name=name,
            amount=mass_t * leg.distance_km, unit=FREIGHT_UNIT, data_type=leg.data_type,
            source=leg.source, freight=freight, factor=self.factors[leg.factor], factor_id=leg.factor,
            source_node=leg, mode=leg.mode,
        )

    def distribution_mass_t(self, distribution: Node) -> float:
        if distribution.mass is not None:
            return distribution.mass.amount * conversion_factor(distribution.mass.unit, "t")
        return product_mass_kg(self.product) / 1000.0

    def add_destination(self, distribution: Node, destination: Node, mass_t: float) -> None:
        share = destination.share_pct / 100.0
        freight = Freight(
            mass_t, destination.distance_km, destination.mode or distribution.mode,
            destination.vehicle or distribution.vehicle, share=share,
        )
        factor_id = destination.factor or distribution.factor
        self.add(
            inputs=(distribution, destination), id=destination.id, kind="distribution",
            stage="distribution", name=transport_label(self.language, destination.name, distribution=True),
            amount=mass_t * share * destination.distance_km, unit=FREIGHT_UNIT,
            data_type=distribution.data_type, source=distribution.source, freight=freight,
            factor=self.factors[factor_id], factor_id=factor_id, source_node=distribution,
            mode=freight.mode,
        )

    @staticmethod
    def lines_of(rows: list[dict], total: float) -> tuple[LineResult, ...]:
        # Stage order first, spec order within a stage (sorted() is stable).
        rows = sorted(rows, key=lambda row: STAGE_IDS.index(row["stage"]))
        return tuple(LineResult(share=_fraction(row["kgco2e"], total), **row) for row in rows)

    def total(self) -> float:
        return sum(row["kgco2e"] for row in self.rows)

    def stage_totals(self) -> dict[str, float]:
        """kg CO2e by stage of the boundary, each summed in spec order."""
        return {stage_id: sum(row["kgco2e"] for row in self.rows if row["stage"] == stage_id)
                for stage_id in STAGE_IDS if stage_id in self.spec.boundary.stages}

    def result(self) -> ProductResult:
        total = self.total()
        lines = self.lines_of(self.rows, total)
        stages = tuple(
            StageResult(
                id=stage_id,
                name=self.stage_names[stage_id],
                kgco2e=kgco2e,
                share=_fraction(kgco2e, total),
                line_ids=tuple(line.id for line in lines if line.stage == stage_id),
            )
            for stage_id, kgco2e in self.stage_totals().items()
        )
        fu = self.product.functional_unit
        return ProductResult(
            id=self.product.id, name=self.product.name, functional_unit_amount=fu.amount,
            functional_unit=fu.unit, result_unit=self.product.result_unit, total_kgco2e=total,
            stages=stages, lines=lines, gases=self.gases(lines),
            contributors=tuple(sorted(lines, key=lambda line: -line.kgco2e)[:CONTRIBUTOR_COUNT]),
            primary_share=_fraction(sum(line.kgco2e for line in lines if line.data_type == "primary"), total),
            secondary_share=_fraction(
                sum(line.kgco2e for line in lines if line.data_type == "secondary"), total),
            inventory_scale=self.scale,
            mass_kg=product_mass_kg(self.product),
        )

    def gases(self, lines: tuple[LineResult, ...]) -> tuple[GasResult, ...]:
        totals: dict[str, list[float]] = {}
        for line in lines:
            for amount in line.gases:
                gas_total = totals.setdefault(amount.gas, [0.0, 0.0])
                gas_total[0] += amount.kg
                gas_total[1] += amount.kgco2e
        return tuple(
            GasResult(gas, gas_kg, self.gwp.factor(gas), kgco2e)
            for gas, (gas_kg, kgco2e) in totals.items()
        )


def _fraction(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
