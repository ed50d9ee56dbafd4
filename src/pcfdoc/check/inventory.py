"""Checks of one product: ids, stages, factors, units, transport legs, distribution."""

from __future__ import annotations

from ..calc.derive import AnnualBasis, annual_basis, emission_unit, inventory_scale, product_mass_kg
from ..errors import SpecPath
from ..spec.schema import Node
from ..vocab.catalogue import FREIGHT_UNIT, STAGE_IDS
from ..vocab.units import gas_of_unit, is_mass
from .context import CheckContext, present, unique
from .cutoff import check_cutoff

SHARE_TOLERANCE_PCT = 1e-6


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
        self.check_packaging_lines()
        if self.boundary is not None and self.ctx.complete:
            explained = {reason.stage for _, reason in present(self.spec.boundary.stage_reasons)
                         if reason.product in (None, self.product.id)}
            several = len(present(self.spec.products)) > 1
            which = f", product = \"{self.product.id}\"" if several else ""
            for i, reason in present(self.spec.boundary.stage_reasons):
                if reason.product == self.product.id and self.lines_by_stage.get(reason.stage):
                    self.out.warn(("boundary", "stage_reasons", i),
                                  f"stage {reason.stage} has lines in product {self.product.id}; a reason is "
                                  "for a stage without lines (or outside the boundary): remove it")
            for stage in self.spec.boundary.stages:
                if not self.lines_by_stage.get(stage) and stage not in explained:
                    self.out.warn(self.path, f"stage {stage} is inside the boundary but has no lines; add "
                                             f"its lines or say why it has none: [[boundary.stage_reasons]] "
                                             f"stage = \"{stage}\"{which}, reason = \"…\"")

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

    def check_packaging_lines(self) -> None:
        """Each line named as packaging is an inventory line or transport leg of this product."""
        packaging = self.product.packaging
        if packaging is None:
            return
        lines = [line.id for _, line in present(self.product.inventory)]
        lines += [leg.id for _, leg in present(self.product.transport)]
        for position, line_id in enumerate(packaging.lines):
            if line_id not in lines:
                self.ctx.unknown(self.path + ("packaging", "lines", position),
                                 "inventory line or transport leg", line_id, lines,
                                 f"name a line or leg of product {self.product.id!r}")

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


def check_product(ctx: CheckContext, index: int, product: Node) -> None:
    _ProductCheck(ctx, index, product).run()
