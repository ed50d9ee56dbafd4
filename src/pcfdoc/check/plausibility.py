"""Factor choices a reviewer would question: another grid's electricity, an emission factor where a
footprint factor belongs, and a value far outside what the library holds for its kind.

Each is a warning: the author may know better. A line's ``factor_rationale`` (why this
electricity factor fits the line) clears the first two; a factor's ``value_rationale`` (why its
value is right) clears the third.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

from ..errors import SpecPath
from ..formatting import plain
from ..spec.library import SHIPPED, shipped
from ..spec.schema import Node
from ..vocab.regions import Province, coverage, grid_regions_of, province_in_text, province_of_credit_code
from .company import credit_code_problem
from .context import CheckContext, present
from .factor_kinds import RANGE_MARGIN, family_of, magnitude, shipped_ranges
from .factors import is_available, year_distance

_ELECTRICITY_SUPPLY = ("electricity", "generation")


def check_plausibility(ctx: CheckContext) -> None:
    site = site_province(ctx.spec.company)
    verdicts: dict[str, list[str]] = {}  # by factor id: thousands of lines share a few factors
    for path, line in _factor_lines(ctx):
        if line.factor_rationale:
            continue
        if line.factor not in verdicts:
            verdicts[line.factor] = _electricity_verdicts(ctx, ctx.factors[line.factor], site)
        for message in verdicts[line.factor]:
            ctx.out.warn(path, message)
    _check_magnitudes(ctx)


def site_province(company: Node | None) -> tuple[Province, str] | None:
    """The site's province and where it was read: the address first (it may name the plant), then
    the administrative-division digits of the credit code (the place of registration)."""
    if company is None:
        return None
    province = province_in_text(company.address) if company.address else None
    if province is not None:
        return province, "from company.address"
    code = company.credit_code
    if code and credit_code_problem(code) is None:
        province = province_of_credit_code(code)
        if province is not None:
            return province, f"from the division code {code[2:8]} of company.credit_code"
    return None


def _factor_lines(ctx: CheckContext) -> Iterator[tuple[SpecPath, Node]]:
    """Inventory lines on a factor that resolved (an unknown id was reported elsewhere)."""
    for p, product in present(ctx.spec.products):
        for i, line in present(product.inventory):
            if line.factor and line.factor in ctx.factors:
                yield ("products", p, "inventory", i, "factor"), line


def _electricity_verdicts(ctx: CheckContext, factor: Node, site: tuple[Province, str] | None) -> list[str]:
    """What a reviewer says of an electricity factor on any line of this spec."""
    family = family_of(factor)
    if family is None or family.id not in _ELECTRICITY_SUPPLY:
        return []
    messages = [_region_mismatch(factor, *site)] if site is not None else []
    messages.append(_emission_not_footprint(ctx, factor))
    return [message for message in messages if message]


def _region_mismatch(factor: Node, province: Province, where: str) -> str | None:
    covered = coverage(factor.region, factor.year)
    if covered is None or covered.national or province.name in covered.provinces:
        return None
    regions = grid_regions_of(province.name, factor.year)
    grid = ("the " + " / ".join(f"{name}区域电网" for name in regions) + " grid" if regions
            else "none of the grid regions of that year")
    year = f" ({factor.year})" if factor.year else ""
    alternatives = _same_year_for(factor, province)
    instead = f"use {' or '.join(alternatives)}, " if alternatives else "use a factor of the site's grid, "
    return (f"factor {factor.id!r} ({plain(factor.value)} {factor.unit}) is for {factor.region}{year}, "
            f"but the site is in {province.name} "
            f"({where}), which is on {grid}; {instead}or state why in factor_rationale (e.g. a direct "
            "supply contract)")


def _same_year_for(factor: Node, province: Province) -> list[str]:
    """Library factors of the same year and scope that cover the province: its own, then its region's."""
    found = []
    for other in _grid_averages():
        if other.year != factor.year or other.scope != factor.scope:
            continue
        covered = coverage(other.region, other.year)
        if covered is not None and not covered.national and province.name in covered.provinces:
            found.append((len(covered.provinces), f"{other.id} ({other.region}, {plain(other.value)} "
                                                  f"{other.unit})"))
    return [text for _, text in sorted(found)[:2]]


@cache
def _grid_averages() -> tuple[Node, ...]:
    """The library's average electricity factors (grid and footprint, not generation types or losses)."""
    return tuple(entry.factor for entry in shipped()
                 if entry.factor.kind == "electricity" and _family_id(entry.factor) == "electricity")


def _family_id(factor: Node) -> str | None:
    family = family_of(factor)
    return family.id if family is not None else None


def is_grid_emission_factor(factor: Node) -> bool:
    """An electricity factor that counts only generation CO2: so marked, or, unmarked, a mass of CO2
    rather than of CO2e."""
    return factor.scope == "combustion" or (factor.scope is None and factor.gas == "CO2")


def _emission_not_footprint(ctx: CheckContext, factor: Node) -> str | None:
    issue_date = ctx.issue_date
    if not is_grid_emission_factor(factor) or issue_date is None:  # no date: what was published is unknown
        return None
    footprint = footprint_factor(ctx.spec.data_period, issue_date)
    if footprint is None:
        return None
    return (f"factor {factor.id!r} ({plain(factor.value)} {factor.unit}) is a grid CO2 emission factor: "
            "the CO2 of generation only, meant for organisations' emissions accounting; a product footprint "
            "should use the electricity "
            f"carbon-footprint factor {footprint.id!r} ({plain(footprint.value)} {footprint.unit}, "
            f"{footprint.year}), which also counts the fuel chain, the plants and the other gases; use it, "
            "or state why in factor_rationale")


def footprint_factor(period: Node | None, issue_date: dt.date) -> Node | None:
    """The library's national electricity carbon-footprint factor nearest the data period, among those
    published by the issue date; the later year when two are as near."""
    candidates = [
        factor for factor in _grid_averages()
        if factor.scope == "life-cycle" and is_available(factor, issue_date)
        and (covered := coverage(factor.region, factor.year)) is not None and covered.national
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda f: (year_distance(f.year, period), -(f.year or 0)))


def _check_magnitudes(ctx: CheckContext) -> None:
    """A factor of the spec or of the author's own library, compared with the shipped library."""
    own = {factor.id: ("factors", index) for index, factor in present(ctx.spec.factors)}
    modes = _modes_by_factor(ctx.spec)
    for factor_id, used_at in ctx.used_factors.items():
        entry = ctx.entries[factor_id]
        factor = entry.factor
        if entry.origin == SHIPPED or factor.value_rationale:
            continue
        family = family_of(factor, modes=modes.get(factor_id, ()))
        found = magnitude(factor)
        if family is None or found is None:
            continue
        plausible = shipped_ranges().get((family.range_group, found.dimension))
        if plausible is None or plausible.holds(found.value):
            continue
        nearest = plausible.nearest(found.value).entry.factor
        values = sorted({r.magnitude.value for r in plausible.references})
        held = plain(values[0]) if len(values) == 1 else f"{plain(values[0])} to {plain(values[-1])}"
        path = own.get(factor_id, used_at)
        if factor_id in own and factor.derivation is None and factor.gases is None:
            path = path + ("value",)
        expected = (f"{plain(plausible.low)} to {plain(plausible.high)} {found.unit} (its range widened "
                    f"{RANGE_MARGIN:g}× each way)")
        ctx.out.warn(path, f"factor {factor_id!r} ({plain(factor.value)} {factor.unit}) is implausible for "
                           f"{family.label}: the pcfdoc library holds {held} {found.unit}, so check expects "
                           f"{expected}; nearest: {nearest.id} ({plain(nearest.value)} {nearest.unit}); "
                           "check the value and its unit, or state why in value_rationale")


def _modes_by_factor(spec: Node) -> dict[str, set[str]]:
    """The transport modes each factor is used with by legs and destinations."""
    modes: dict[str, set[str]] = {}
    for _, product in present(spec.products):
        for _, leg in present(product.transport):
            modes.setdefault(leg.factor, set()).add(leg.mode)
        distribution = product.distribution
        if distribution is not None:
            for _, destination in present(distribution.destinations):
                factor_id = destination.factor or distribution.factor
                if factor_id:
                    modes.setdefault(factor_id, set()).add(destination.mode or distribution.mode)
    return modes
