"""Meaning checks over a whole spec: errors and warnings, each with a path.

The checks also run on a spec that failed the schema: validation then passes a
tree in which every table that failed is ``None``, and ``pending_ids`` holds
every id written in the file, so a reference to a table that failed is not
reported as unknown. Each check skips what it cannot judge; the user sees
schema and meaning problems in one run.

Values the calculation needs are derived with :mod:`pcfdoc.calc.derive`, so a spec
that passes here is one the calculation can compute.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..spec.library import Entry
from ..spec.schema import Node
from .boundary import check_boundary
from .company import check_company
from .context import CheckContext, Finding, present, unique
from .factors import warn_factors, warn_uncited_databases
from .improvements import check_improvement_links, check_improvements
from .inventory import check_product
from .origins import check_origins
from .pact import check_pact
from .plausibility import check_plausibility
from .report import check_report
from .scenarios import check_scenarios
from .texts import check_texts
from .variants import check_variants


def check(spec: Node, pending_ids: frozenset[str], factors: Mapping[str, Entry]) -> list[Finding]:
    """Every meaning problem of ``spec``, errors and warnings together.

    ``factors`` is the resolved table (library and spec factors); duplicate and
    conflicting factor ids were reported while resolving it.
    """
    ctx = CheckContext(spec, pending_ids, factors)
    products = present(spec.products)
    unique(ctx.out, [("products", i, "id") for i, _ in products], [p.id for _, p in products],
            "product id")
    for index, product in products:
        check_product(ctx, index, product)
    check_report(ctx)
    check_texts(ctx)
    check_company(ctx)
    if spec.boundary is not None:
        check_boundary(ctx, spec.boundary)
    check_improvements(ctx)
    check_scenarios(ctx)
    check_improvement_links(ctx)
    check_variants(ctx)
    check_pact(ctx)
    warn_factors(ctx)
    warn_uncited_databases(ctx)
    check_origins(ctx)
    check_plausibility(ctx)
    return list(dict.fromkeys(ctx.out))  # one derivation can fail the same way for two products
