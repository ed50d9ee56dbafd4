"""What a reviewer asks about the factors a spec uses: unused, unsourced, unverified or old."""

from __future__ import annotations

from ..spec.library import SHIPPED
from .context import CheckContext, present

#: A factor this many years older than the data period is questioned.
FACTOR_AGE_LIMIT_YEARS = 5


def warn_factors(ctx: CheckContext) -> None:
    """What a reviewer asks about factors: unused, unsourced, unverified or old."""
    own = {factor.id: ("factors", index) for index, factor in present(ctx.spec.factors)}
    if ctx.complete:  # unused factors are only certain when every line loaded
        for factor_id, path in own.items():
            if factor_id not in ctx.used_factors:
                ctx.out.warn(path, f"factor {factor_id!r} is not used by any line; remove it")
    period = ctx.spec.data_period
    for factor_id, used_at in ctx.used_factors.items():
        factor = ctx.factors[factor_id]
        # A spec's own factor is flagged where it is defined; a library factor where it is used.
        path = own.get(factor_id, used_at)
        if factor.source is None:
            ctx.out.warn(path, f"factor {factor_id!r} has no source; name the document and issuer")
        if factor.status == "unverified":
            origin = ctx.entries[factor_id].origin
            where = "the pcfdoc library" if origin == SHIPPED else origin
            ctx.out.warn(path, f"factor {factor_id!r} is marked unverified in {where}: check its value "
                               f"against the source ({factor.source}) before relying on it")
        if period is not None and factor.year is not None and \
                period.start.year - factor.year > FACTOR_AGE_LIMIT_YEARS:
            ctx.out.warn(path + (("year",) if factor_id in own else ()),
                         f"factor {factor_id!r} is from {factor.year}, {period.start.year - factor.year} "
                         "years before the data period; use a newer factor or justify it in notes")
