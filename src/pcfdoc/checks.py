"""Meaning checks over a whole spec: errors and warnings, each with a path.

The checks also run on a spec that failed the schema: validation then passes a
tree in which every table that failed is ``None``, and ``pending_ids`` holds
every id written in the file, so a reference to a table that failed is not
reported as unknown. Each check skips what it cannot judge; the user sees
schema and meaning problems in one run.

Values the calculation needs are derived with :mod:`pcfdoc.derive`, so a spec
that passes here is one the calculation can compute.
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import BOUNDARY_TYPES, FREIGHT_UNIT, STAGE_IDS, STANDARDS
from .check_context import CheckContext, Finding, present, unique
from .checks_analysis import check_cutoff, check_improvement_links, check_scenarios, check_variants
from .derive import (
    AnnualBasis,
    annual_basis,
    emission_unit,
    inventory_scale,
    product_mass_kg,
)
from .errors import SpecPath
from .library import SHIPPED, Entry
from .schema import Node
from .units import gas_of_unit, is_mass

#: A factor this many years older than the data period is questioned.
FACTOR_AGE_LIMIT_YEARS = 5
SHARE_TOLERANCE_PCT = 1e-6


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
        _ProductCheck(ctx, index, product).run()
    _check_report(ctx)
    _check_company(ctx)
    _check_scope(ctx)
    _check_improvements(ctx)
    check_scenarios(ctx)
    check_improvement_links(ctx)
    check_variants(ctx)
    _warn_factors(ctx)
    return list(dict.fromkeys(ctx.out))  # one derivation can fail the same way for two products


class _ProductCheck:
    """Checks of one product: ids, stages, factors, units, transport, allocation."""

    def __init__(self, ctx: CheckContext, index: int, product: Node):
        self.ctx, self.out, self.spec = ctx, ctx.out, ctx.spec
        self.index, self.product = index, product
        self.path: SpecPath = ("products", index)
        boundary = self.spec.boundary
        self.boundary = set(boundary.stages) if boundary is not None else None
        self.lines_by_stage: dict[str, int] = {}
        self.lines_by_id: dict[str, Node] = {}  # the first line of each id, as a leg finds it
        for _, line in present(product.inventory):
            self.lines_by_id.setdefault(line.id, line)

    def run(self) -> None:
        self.check_ids()
        self.check_mass_per_unit()
        scale = self.ctx.resolve(lambda: inventory_scale(self.product, self.path))
        basis = self.annual_basis()
        for i, line in present(self.product.inventory):
            self.check_line(self.path + ("inventory", i), line, scale, basis)
        for i, leg in present(self.product.transport):
            self.check_leg(self.path + ("transport", i), leg)
        check_cutoff(self.ctx, self.index, self.product, scale, basis)
        if self.product.distribution is not None:
            self.check_distribution()
        if self.boundary is not None and self.ctx.complete:
            for stage in self.spec.boundary.stages:
                if not self.lines_by_stage.get(stage):
                    self.out.warn(self.path, f"stage {stage} is inside the boundary but has no lines; "
                                             "add its lines or say why it has none in notes")

    def check_ids(self) -> None:
        paths: list[SpecPath] = []
        ids: list[str] = []
        for key in ("inventory", "transport"):
            for i, item in present(getattr(self.product, key)):
                paths.append(self.path + (key, i, "id"))
                ids.append(item.id)
        if self.product.distribution is not None:
            for i, destination in present(self.product.distribution.destinations):
                paths.append(self.path + ("distribution", "destinations", i, "id"))
                ids.append(destination.id)
        unique(self.out, paths, ids, "line id")
        for path, line_id in zip(paths, ids, strict=True):
            if line_id in STAGE_IDS:
                self.out.error(path, f"{line_id!r} is a stage id; give the line another id "
                                     "so improvement targets stay unambiguous")

    def check_mass_per_unit(self) -> None:
        mass = self.product.mass_per_unit
        if mass is None:
            return
        if is_mass(self.product.functional_unit.unit):
            self.out.error(self.path + ("mass_per_unit",),
                           "the functional unit is already a mass; remove mass_per_unit")
        elif not is_mass(mass.unit):
            self.out.error(self.path + ("mass_per_unit", "unit"), f"{mass.unit} is not a mass; write kg or t")

    def annual_basis(self) -> AnnualBasis | None:
        if not any(line.annual_total for _, line in present(self.product.inventory)):
            return None
        if not self.ctx.allocation_ready():
            return None
        return self.ctx.resolve(lambda: annual_basis(self.spec, self.product, self.index))

    def in_boundary(self, path: SpecPath, stage: str) -> None:
        self.lines_by_stage[stage] = self.lines_by_stage.get(stage, 0) + 1
        if self.boundary is not None and stage not in self.boundary:
            self.out.error(path, f"stage {stage} is outside the boundary "
                                 f"({', '.join(self.spec.boundary.stages)}); add it to "
                                 "boundary.stages or remove the line")

    def check_line(self, path: SpecPath, line: Node, scale: float | None,
                   basis: AnnualBasis | None) -> None:
        self.in_boundary(path + ("stage",), line.stage)
        if line.source is None:
            self.out.warn(path, f"line {line.id!r} has no source; say where the amount comes from")
        if line.factor is not None:
            factor = self.ctx.factor(path + ("factor",), line.factor)
            if factor is not None:
                self.ctx.factor_fits(path + ("unit",), line.unit, factor)
        else:
            declared = line.declared
            gas = gas_of_unit(declared.unit) or "CO2e"
            self.ctx.resolve(lambda: emission_unit(line.unit, declared.unit, gas, path + ("unit",),
                                                   f"the declared value ({declared.unit})"))
            if declared.source is None:
                self.out.warn(path + ("declared",), "declared value has no source; name the "
                                                    "supplier or document")

    def check_leg(self, path: SpecPath, leg: Node) -> None:
        self.in_boundary(path + ("stage",), leg.stage)
        if leg.source is None:
            self.out.warn(path, f"transport leg {leg.id!r} has no source; say where the distance "
                                "comes from")
        if leg.carries is not None:
            carried = self.lines_by_id.get(leg.carries)
            if carried is None:
                self.ctx.unknown(path + ("carries",), "inventory line", leg.carries,
                                 list(self.lines_by_id), "name an inventory line of this product")
            elif not is_mass(carried.unit):
                self.out.error(path + ("carries",),
                               f"line {carried.id!r} is measured in {carried.unit}, not a mass; "
                               "give mass = {amount, unit} for this leg instead")
        elif not is_mass(leg.mass.unit):
            self.out.error(path + ("mass", "unit"), f"{leg.mass.unit} is not a mass; write kg or t")
        factor = self.ctx.factor(path + ("factor",), leg.factor)
        if factor is not None:
            self.ctx.factor_fits(path + ("factor",), FREIGHT_UNIT, factor)

    def check_distribution(self) -> None:
        distribution = self.product.distribution
        path = self.path + ("distribution",)
        self.in_boundary(path, "distribution")
        if distribution.mass is not None:
            if not is_mass(distribution.mass.unit):
                self.out.error(path + ("mass", "unit"),
                               f"{distribution.mass.unit} is not a mass; write kg or t")
        elif product_mass_kg(self.product) is None:
            self.out.error(path, "the mass shipped is unknown: give distribution.mass, or the "
                                 "product's mass_per_unit")
        if distribution.source is None:
            self.out.warn(path, "distribution has no source; say where shares and distances come from")
        destinations = present(distribution.destinations)
        total = sum(destination.share_pct for _, destination in destinations)
        if self.ctx.complete and abs(total - 100.0) > SHARE_TOLERANCE_PCT:
            hint = " (write percentages, not fractions)" if abs(total - 1.0) < 1e-6 else ""
            self.out.error(path + ("destinations",),
                           f"destination shares add up to {total:g} %, not 100 %{hint}")
        for i, destination in destinations:
            if destination.factor is None and distribution.factor is None:
                self.out.error(path + ("destinations", i),
                               "no factor: set factor here or distribution.factor")
                continue
            where = path + (("destinations", i, "factor") if destination.factor else ("factor",))
            factor = self.ctx.factor(where, destination.factor or distribution.factor)
            if factor is not None:
                self.ctx.factor_fits(where, FREIGHT_UNIT, factor)


def _check_report(ctx: CheckContext) -> None:
    report, period = ctx.spec.report, ctx.spec.data_period
    if period is not None and period.start > period.end:
        ctx.out.error(("data_period", "end"), f"the data period ends ({period.end}) before it "
                                              f"starts ({period.start}); swap or fix the dates")
    if report is None:
        return
    for index, standard in enumerate(report.standards):
        if STANDARDS[standard].superseded_by:
            ctx.out.warn(("report", "standards", index),
                         f"{standard} is superseded by {STANDARDS[standard].superseded_by}")
    people = present(report.people)
    if ctx.complete and not any(person.duty == "prepared" for _, person in people):
        ctx.out.error(("report", "people"), 'name at least one person with duty = "prepared"')
    issued = report.issue_date
    if period is not None and period.end > issued:
        ctx.out.error(("data_period", "end"),
                      f"the data period ends {period.end}, after the report's issue date {issued}; "
                      "fix either date")
    _check_signatures(ctx, people, issued)


def _check_signatures(ctx: CheckContext, people: list[tuple[int, Node]], issued) -> None:
    latest: dict[str, object] = {}
    for index, person in people:
        if person.date is None:
            continue
        if person.date > issued:
            ctx.out.error(("report", "people", index, "date"),
                          f"{person.name} signs on {person.date}, after the issue date {issued}; "
                          "fix either date")
        latest[person.duty] = max(person.date, latest.get(person.duty, person.date))
    for earlier, later in (("prepared", "reviewed"), ("reviewed", "approved"), ("prepared", "approved")):
        for index, person in people:
            if person.duty == later and person.date and earlier in latest and person.date < latest[earlier]:
                ctx.out.error(("report", "people", index, "date"),
                              f"{later} on {person.date}, before it was {earlier} on {latest[earlier]}; "
                              "fix the dates")


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_problem(code: str) -> str | None:
    """What is wrong with a unified social credit code (GB 32100-2015), or None."""
    if len(code) != 18 or any(char not in _USCC_CHARS for char in code):
        return (f"{code!r} is not an 18-character unified social credit code "
                "(digits and capital letters except I, O, S, V, Z)")
    weighted = zip(code[:17], _USCC_WEIGHTS, strict=True)
    total = sum(_USCC_CHARS.index(char) * weight for char, weight in weighted)
    expected = _USCC_CHARS[(31 - total % 31) % 31]
    if code[-1] != expected:
        return f"check character of {code!r} should be {expected!r}; a character is mistyped"
    return None


def _check_company(ctx: CheckContext) -> None:
    company = ctx.spec.company
    if company is None:
        return
    if company.credit_code is not None:
        problem = credit_code_problem(company.credit_code)
        if problem:
            ctx.out.error(("company", "credit_code"), problem)
    product_ids = [product.id for _, product in present(ctx.spec.products)]
    rows = present(company.annual_output)
    seen: dict[str, int] = {}
    for index, row in rows:
        if row.product is None:
            continue
        path = ("company", "annual_output", index, "product")
        if row.product not in product_ids:
            ctx.unknown(path, "product", row.product, product_ids,
                        "use name = ... for products that are not assessed")
        elif row.product in seen:
            ctx.out.error(path, f"product {row.product!r} already has an output row "
                                f"(company.annual_output[{seen[row.product]}])")
        else:
            seen[row.product] = index
    products = present(ctx.spec.products)
    uses_totals = any(line.annual_total for _, p in products for _, line in present(p.inventory))
    allocation = ctx.spec.allocation
    if uses_totals and allocation is not None and allocation.method == "none" and len(rows) > 1:
        ctx.out.warn(("allocation", "method"),
                     "method is none, so each product carries the whole plant total of its annual "
                     "lines although the plant makes several outputs; choose physical, mass or economic")


def _check_scope(ctx: CheckContext) -> None:
    if ctx.spec.boundary is not None:
        _check_boundary(ctx, ctx.spec.boundary)


def _warn_factors(ctx: CheckContext) -> None:
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


def _check_boundary(ctx: CheckContext, boundary: Node) -> None:
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


def _check_improvements(ctx: CheckContext) -> None:
    products = {product.id: product for _, product in present(ctx.spec.products)}
    boundary = ctx.spec.boundary
    for index, measure in present(ctx.spec.improvements):
        path = ("improvements", index)
        if measure.product is not None and measure.product not in products:
            ctx.unknown(path + ("product",), "product", measure.product, products,
                        "use an id from [[products]]")
            continue
        scope = [products[measure.product]] if measure.product else list(products.values())
        line_ids = {item.id for p in scope for item in _all_lines(p)}
        for t, target in enumerate(measure.targets):
            if target in STAGE_IDS:
                if boundary is not None and target not in boundary.stages:
                    ctx.out.error(path + ("targets", t), f"stage {target} is outside the boundary")
            elif target not in line_ids:
                ctx.unknown(path + ("targets", t), "target", target, [*STAGE_IDS, *line_ids],
                            "targets are stage ids or line ids")


def _all_lines(product: Node) -> list[Node]:
    destinations = present(product.distribution.destinations) if product.distribution else []
    return [item for _, item in (*present(product.inventory), *present(product.transport), *destinations)]
