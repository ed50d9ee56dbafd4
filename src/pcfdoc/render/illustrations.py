"""The render context's figures besides the charts: the spec's pictures, where a chapter places
them, and the two diagrams drawn from the data (the process flow and the life-cycle process map).

Like the rest of the context it formats and selects; pictures arrive as checked bytes from
validation, and nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..calc.results import ProductResult
from ..formatting import plain
from ..spec.images import Picture
from ..spec.schema import Node
from ..vocab.catalogue import CHAPTERS
from .charts import STAGE_COLOURS
from .flow import FlowStep, MapStage, ProcessFlow, ProcessMap
from .pictures import Image, figures, seal, signature

#: Lines a stage of the process map lists; a longer stage lists its largest and counts the rest.
MAP_LINES = 12


def chapter_images(spec: Node, pictures: Mapping[str, Picture], image: Image) -> dict[str, list[dict]]:
    """The spec's free figures by chapter id (every chapter present, most with none)."""
    return {chapter: figures([item for item in spec.images if item.chapter == chapter], pictures, image)
            for chapter in CHAPTERS}


def people_pictures(spec: Node, pictures: Mapping[str, Picture], image: Image,
                    words: Mapping) -> tuple[list[Any], Any]:
    """Each person's signature in report.people order, and the assessor's seal (placing nothing
    where no picture is given)."""
    report = spec.report
    signatures = [signature(person.signature, pictures, image, words["signature_of"].format(name=person.name))
                  for person in report.people]
    return signatures, seal(report.seal, pictures, image, words["seal_of"].format(name=report.assessor))


def process_flow(steps: Sequence[Node], words: Mapping, image: Image) -> Any:
    """The process flow diagram of the company's steps, or None when the spec lists none."""
    if not steps:
        return None
    flow = ProcessFlow(
        tuple(FlowStep(step.name, tuple(step.inputs), words["join"](step.outputs), tuple(step.wastes))
              for step in steps),
        tuple(words["flow_headings"]))
    return image(flow)


def process_map(result: ProductResult, stages: Sequence[Mapping[str, Any]], total: str, per_label: str,
                words: Mapping, image: Image) -> Any:
    """The life-cycle process map of one product; ``stages`` are the product view's formatted stages
    (name, value, share, in the order of ``result.stages``), ``total`` its formatted total and
    ``per_label`` the unit both are in."""
    paren = words["paren"]
    shown = []
    for stage, view in zip(result.stages, stages, strict=True):
        lines = [line for line in result.lines if line.stage == stage.id]
        if len(lines) > MAP_LINES:
            largest = sorted(lines, key=lambda line: -abs(line.kgco2e))[:MAP_LINES - 1]
            rest = len(lines) - len(largest)
            lines = [line for line in lines if line in largest]
        else:
            rest = 0
        quantity = words["quantity"]
        texts = [f"{line.name} {quantity(plain(line.amount), line.unit, line.amount)}" for line in lines]
        if rest:
            texts.append(words["map_more"].format(count=plain(rest)))
        shown.append(MapStage(view["name"], stage.id, STAGE_COLOURS[stage.id].lstrip("#"), tuple(texts),
                              paren.format(view["value"], f"{view['share']}%")))
    lines, stage, emission = words["map_headings"]
    return image(ProcessMap(tuple(shown), (lines, stage, emission.format(unit=per_label)), words["map_total"],
                            total, words["map_empty"]))
