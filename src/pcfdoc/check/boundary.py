"""Checks of the system boundary: stages its type requires or forbids, processes inside it."""

from __future__ import annotations

from ..spec.schema import Node
from ..vocab.catalogue import BOUNDARY_TYPES, STAGE_IDS
from .context import CheckContext, present


def check_boundary(ctx: CheckContext, boundary: Node) -> None:
    stages, kind = boundary.stages, BOUNDARY_TYPES[boundary.type]
    path = ("boundary", "stages")
    repeated = sorted({s for s in stages if stages.count(s) > 1})
    if repeated:
        ctx.out.error(path, f"stage listed twice: {', '.join(repeated)}")
    missing = [s for s in STAGE_IDS if s in kind.required and s not in stages]
    if missing:
        ctx.out.error(path, f"a {kind.id} boundary must include {', '.join(missing)}; add it or "
                            "change type")
    extra = [s for s in stages if s in kind.forbidden]
    if extra:
        hint = " (cradle-to-grave covers use and end of life)" if kind.id == "cradle-to-gate" else ""
        ctx.out.error(path, f"a {kind.id} boundary cannot include {', '.join(extra)}; remove it or "
                            f"change type{hint}")
    for index, processes in present(boundary.processes):
        if processes.included and processes.stage not in stages:
            ctx.out.error(("boundary", "processes", index, "included"),
                          f"stage {processes.stage} is outside the boundary; list these processes "
                          "under excluded")
