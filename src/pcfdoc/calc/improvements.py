"""What improvement measures achieve: their targets' emissions and the reduction each expects,
stated as a percentage or modelled by a scenario."""

from __future__ import annotations

from ..spec.schema import Node
from .results import ImprovementResult, ProductResult, Target


def improvement_results(spec: Node, products: tuple[ProductResult, ...]) -> tuple[ImprovementResult, ...]:
    found = []
    for index, measure in enumerate(spec.improvements):
        for product in products:
            if measure.product not in (None, product.id):
                continue
            stages = {stage.id: stage for stage in product.stages}
            lines = {line.id: line for line in product.lines}
            targets = []
            covered: set[str] = set()
            for target in measure.targets:
                if target in stages:
                    stage = stages[target]
                    targets.append(Target(target, "stage", stage.name, stage.kgco2e, stage.share))
                    covered.update(stage.line_ids)
                elif target in lines:
                    line = lines[target]
                    targets.append(Target(target, "line", line.name, line.kgco2e, line.share))
                    covered.add(target)
            if not targets:  # the measure names lines of another product only
                continue
            target_kg = sum(lines[line_id].kgco2e for line_id in covered)
            reduction = None
            if measure.expected_reduction_pct is not None:
                reduction = target_kg * measure.expected_reduction_pct / 100.0
            elif measure.scenario is not None:
                modelled = next((s for s in product.scenarios if s.id == measure.scenario), None)
                reduction = None if modelled is None else -modelled.change_kgco2e
            found.append(ImprovementResult(
                index, product.id, tuple(targets), target_kg,
                _fraction(target_kg, product.total_kgco2e), reduction,
                None if reduction is None else _fraction(reduction, product.total_kgco2e),
                scenario=measure.scenario,
                expected_reduction_of_targets=None if reduction is None else _fraction(reduction, target_kg),
            ))
    return tuple(found)


def _fraction(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
