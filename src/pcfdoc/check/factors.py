"""What a reviewer asks about the factors a spec uses: unused, unsourced, unverified or old."""

from __future__ import annotations

import datetime as dt
import re

from ..formatting import plain
from ..spec.library import SHIPPED, shipped
from ..spec.schema import Node
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
    period, issue_date = ctx.spec.data_period, ctx.issue_date
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
        if issue_date is not None:
            _warn_later_than_the_report(ctx, path, factor_id in own, factor_id, factor, issue_date)
        if ctx.entries[factor_id].origin == SHIPPED:
            _warn_nearer_in_series(ctx, path, factor)


def _warn_later_than_the_report(ctx: CheckContext, path: tuple, own: bool, factor_id: str,
                                factor: Node, issue_date: dt.date) -> None:
    """A report cannot have used a factor published after it was issued (a scenario neither)."""
    if not is_available(factor, issue_date):
        ctx.out.warn(path + (("published",) if own else ()),
                     f"factor {factor_id!r} was published on {factor.published.isoformat()}, after the "
                     f"report's issue date {issue_date.isoformat()}; use a factor published by then")
    elif factor.published is None and factor.year is not None and factor.year > issue_date.year:
        ctx.out.warn(path + (("year",) if own else ()),
                     f"factor {factor_id!r} is for {factor.year}, after the report's issue date "
                     f"{issue_date.isoformat()}; use a factor of a year the report could know")


#: Latin words of a database's name that say nothing about which database it is.
_GENERIC_WORDS = frozenset({"database", "databases", "data", "emission", "emissions", "factor", "factors",
                            "china", "chinese", "life", "cycle", "product", "products", "carbon",
                            "footprint", "the", "and", "for", "greenhouse", "gas"})


def warn_uncited_databases(ctx: CheckContext) -> None:
    """A database the method names is one some factor the lines use comes from: the report lists
    the databases as the factors' sources, so one no factor cites is a claim the data do not make."""
    method = ctx.spec.method
    if method is None or not ctx.complete or not ctx.used_factors:
        return
    cited = " ".join(
        text for factor_id in ctx.used_factors
        for text in (getattr(ctx.factors[factor_id], key, None)
                     for key in ("source", "source_en", "cited_from", "name"))
        if text).casefold()
    for index, name in present(method.databases):
        if not _names_in(name, cited):
            ctx.out.warn(("method", "databases", index),
                         f"no factor the lines use comes from {name!r} (their sources do not name it); "
                         "remove it, or name it in the source of the factors taken from it")


def _names_in(database: str, text: str) -> bool:
    """Whether ``text`` (casefolded) names ``database``: one of its distinctive Latin words (CLCD,
    GaBi, ecoinvent, IPCC), or its Chinese name before any bracket (中国生命周期基础数据库)."""
    words = [word for word in re.findall(r"[A-Za-z][A-Za-z0-9-]{2,}", database)
             if word.casefold() not in _GENERIC_WORDS]
    if any(word.casefold() in text for word in words):
        return True
    core = re.split(r"[（(]", database, maxsplit=1)[0].strip().casefold()
    return bool(re.search(r"[\u4e00-\u9fff]", core)) and core in text


def year_distance(year: int | None, period: Node | None) -> int:
    """Years between a factor's year and the data period (0 inside it); unknown counts as far."""
    if year is None or period is None:
        return 10_000
    if period.start.year <= year <= period.end.year:
        return 0
    return min(abs(year - period.start.year), abs(year - period.end.year))


def is_available(factor: Node, issue_date: dt.date) -> bool:
    """Whether the factor had been published by the report's issue date (no publication date: yes)."""
    return factor.published is None or factor.published <= issue_date


def series_of(factor: Node) -> str | None:
    """The series of a shipped factor: its id without the year segment, e.g. cn-grid-north for
    cn-grid-2021-north and cn-grid-2023-north. Library ids carry the year as one segment for this."""
    if factor.year is None:
        return None
    series, count = re.subn(rf"-{factor.year}(?=-|$)", "", factor.id)
    return series if count == 1 else None


def _warn_nearer_in_series(ctx: CheckContext, path: tuple, factor: Node) -> None:
    """A grid or footprint factor of one year where the library holds the same series for a year nearer
    the data period, published by the issue date (factors change yearly with the generation mix)."""
    series = series_of(factor)
    period = ctx.spec.data_period
    issue_date = ctx.issue_date
    if series is None or factor.kind != "electricity" or period is None or issue_date is None:
        return
    distance = year_distance(factor.year, period)
    nearer = [other for entry in shipped() if (other := entry.factor).id != factor.id
              and series_of(other) == series and is_available(other, issue_date)
              and year_distance(other.year, period) < distance]
    if not nearer:
        return
    best = min(nearer, key=lambda f: (year_distance(f.year, period), -f.year))
    ctx.out.warn(path, f"factor {factor.id!r} is for {factor.year}; the library holds {best.id!r} "
                       f"({plain(best.value)} {best.unit}) for {best.year}, nearer the data period "
                       f"{_period_years(period)}; use it or justify the older factor in notes")


def _period_years(period: Node) -> str:
    start, end = period.start.year, period.end.year
    return str(start) if start == end else f"{start}–{end}"
