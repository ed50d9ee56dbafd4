"""The rows of a filled form, one sheet at a time: cells the client changed, and rows added.

Split from form_import, whose planner these two mixins belong to: ``EditedRows`` turns the
changed cells of an existing row into edits of its spec entry, ``NewRows`` makes new entries
(ids from names, factors found by name) from the rows added below a table. Both report what
they did as :class:`Change` and what is wrong as problems naming the cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import SpecPath
from ..vocab.catalogue import STAGE_BY_ID
from ..vocab.units import UnitError, is_mass
from .form_layout import BASIS, DELETE, MODES, origin_id
from .form_read import FilledRow, same


@dataclass
class Change:
    ref: str  # 原材料!D5
    text: str  # what changed, as printed


def row_name(values: Mapping) -> str:
    return str(values.get("name") or values.get("label") or "a row")


def slug(name: str, taken: set[str]) -> str:
    """An id made from a name: '轴承 32209' → '轴承-32209', unique among ``taken``."""
    base = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "item"
    base = base if re.match(r"\w", base) else f"x{base}"
    candidate, number = base[:90], 2
    while candidate in taken:
        candidate, number = f"{base[:86]}-{number}", number + 1
    taken.add(candidate)
    return candidate


def is_mass_unit(unit: str) -> bool:
    try:
        return is_mass(unit)
    except UnitError:
        return False


def shown(value: Any, key: str = "") -> str:
    """A cell value as a change prints it: 12,000 with separators, a year (``key`` ending in year) without."""
    if value is None:
        return "(empty)"
    if key.endswith("year"):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.15g}" if abs(value) >= 1000 else f"{value:.15g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class EditedRows:
    """Existing rows of each sheet: what the client changed becomes edits of the spec entry."""

    def _edit_company(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        key = row.key or ""
        label = str(then.get("label", "")).rstrip(" *")
        if key.startswith("company."):
            path = tuple(key.split("."))
        else:
            index, _ = self._product(key)
            path = ("products", index, key.rpartition(".")[2])
        if key.endswith("mass_per_unit"):
            amount, unit = row.cells.get("value"), row.cells.get("unit")
            if (amount is None) != (unit is None):
                self._require(row, ("value", "unit"))
                return
            if amount is None:
                self.editor.set(path, None)
            else:
                self.editor.set(path + ("amount",), amount)
                self.editor.set(path + ("unit",), unit)
            for column in changed:
                self._note(row, column, label, then.get(column), row.cells.get(column))
            return
        if "value" in changed:
            value = row.cells.get("value")
            if value is None and label != then.get("label"):  # a starred label: the key is required
                self.problems.append(f"{row.ref('value')}: {label} is required; fill it in")
                return
            self.editor.set(path, value)
            self._note(row, "value", label, then.get("value"), value)

    def _line_path(self, row: FilledRow) -> tuple[int, Mapping, SpecPath]:
        index, product = self._product(row.key or "")
        line_index = self._entry(product, "inventory", (row.key or "").rpartition(":")[2])
        path = ("products", index, "inventory", line_index)
        line_id = str(product["inventory"][line_index].get("id"))
        self._came_from(("products", index, "inventory"), line_id, row)
        return index, product, path

    def _line_edits(self, row: FilledRow, then: Mapping, changed: list[str], path: SpecPath) -> None:
        label = str(then.get("name"))
        if "activity_origin" in changed:
            self._set_origin(row, then, "activity_origin", path, label)
        plain = {
            key: key
            for key in ("name", "model", "amount", "unit", "supplier", "supplier_location", "source", "note")
            if key in row.sheet.columns_keys()
        }
        self._set_simple(row, path, changed, then, plain, label)
        if "basis" in changed:
            if not self._require(row, ("basis",)):
                return
            annual = self._basis(row.cells.get("basis"))
            self.editor.set(path + ("annual_total",), annual)
            self._note(row, "basis", label, then.get("basis"), row.cells.get("basis"))
        if "stage" in changed and self._require(row, ("stage",)):
            stage = next(
                s for s in row.sheet.stages if STAGE_BY_ID[s].name(self.language) == row.cells["stage"]
            )
            self.editor.set(path + ("stage",), stage)
            self._note(row, "stage", label, then.get("stage"), row.cells["stage"])

    def _edit_materials(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        index, product, path = self._line_path(row)
        self._line_edits(row, then, changed, path)
        footprint = [key for key in changed if key.startswith("declared.")]
        if footprint:
            self._edit_footprint(row, then, footprint, path)
        leg_columns = [key for key in changed if key.startswith("leg.")]
        if not leg_columns:
            return
        label = str(then.get("name"))
        leg_id = then.get("_leg")
        distance = row.cells.get("leg.distance_km")
        if leg_id is None:
            if distance is None:
                self._require(row, ("leg.distance_km",))
                return
            line_id = (row.key or "").rpartition(":")[2]
            self._new_leg(row, index, line_id, row.cells)
            return
        leg_path = ("products", index, "transport", self._entry(product, "transport", leg_id))
        if distance is None:
            self.editor.remove(
                leg_path,
                f"removed by pcfdoc import of {self.workbook_name}: the distance of "
                f"{label} was cleared in {row.ref('leg.distance_km')}",
            )
            self.removed_legs.add((index, leg_id))
            self._note(row, "leg.distance_km", label, then.get("leg.distance_km"), None)
            return
        for key in leg_columns:
            if key == "leg.activity_origin":
                self._set_origin(row, then, key, leg_path, label)
                continue
            value = row.cells.get(key)
            spec_value = self._mode_id(value) if key == "leg.mode" else value
            self.editor.set(leg_path + (key.removeprefix("leg."),), spec_value)
            self._note(row, key, label, then.get(key), value)

    def _edit_energy(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        _, _, path = self._line_path(row)
        months = [key for key in row.cells if re.fullmatch(r"m\d{6}", key)]
        given = [row.cells[key] for key in months if row.cells[key] is not None]
        if given:
            if not self._basis(row.cells.get("basis")):
                self.problems.append(
                    f"{row.ref('basis')}: monthly figures add up to the data period's total; choose "
                    f"{BASIS[self.language][True]} here, or give only the amount per unit of product"
                )
                return
            total = float(f"{sum(given):.15g}")
            total = int(total) if total.is_integer() else total
            if (
                "amount" in changed
                and row.cells.get("amount") is not None
                and not same(row.cells["amount"], total)
            ):
                self.problems.append(
                    f"{row.ref('amount')}: the amount {shown(row.cells['amount'])} "
                    "differs from the sum of the "
                    f"months, {shown(total)}; clear one of them"
                )
                return
            row.cells["amount"] = total
            changed = [key for key in changed if key not in months]
            if not same(total, then.get("amount")):
                changed.append("amount")
        self._line_edits(row, then, changed, path)

    def _edit_other(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        _, _, path = self._line_path(row)
        self._line_edits(row, then, changed, path)

    def _edit_transport(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        index, product = self._product(row.key or "")
        leg_path = (
            "products",
            index,
            "transport",
            self._entry(product, "transport", (row.key or "").rpartition(":")[2]),
        )
        label = str(then.get("name") or then.get("carries"))
        if "activity_origin" in changed:
            self._set_origin(row, then, "activity_origin", leg_path, label)
        for key in changed:
            if key == "activity_origin":
                continue
            value = row.cells.get(key)
            if value is None and row.sheet.column(key).must:
                self._require(row, (key,))
                continue
            spec_value = self._mode_id(value) if key == "mode" else value
            self.editor.set(leg_path + (key,), spec_value)
            self._note(row, key, label, then.get(key), value)

    def _edit_distribution(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        index, product = self._product(row.key or "")
        destinations = product["distribution"]["destinations"]
        at = next(i for i, d in enumerate(destinations) if d.get("id") == (row.key or "").rpartition(":")[2])
        path = ("products", index, "distribution", "destinations", at)
        array = ("products", index, "distribution", "destinations")
        self._came_from(array, str(destinations[at].get("id")), row)
        for key in changed:
            value = row.cells.get(key)
            if value is None and row.sheet.column(key).must:
                self._require(row, (key,))
                continue
            spec_value = self._mode_id(value) if key == "mode" else value
            self.editor.set(path + (key,), spec_value)
            self._note(row, key, str(then.get("name")), then.get(key), value)

    def _edit_equipment(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        path = ("company", "equipment", int((row.key or "").rpartition("[")[2].rstrip("]")))
        keys = {key: key for key in ("name", "model", "code", "quantity", "manufacturer", "note")}
        self._set_simple(row, path, changed, then, keys, str(then.get("name")))

    def _edit_output(self, row: FilledRow, then: Mapping, changed: list[str]) -> None:
        index = int((row.key or "").rpartition("[")[2].rstrip("]"))
        path = ("company", "annual_output", index)
        keys = {"amount": "amount", "unit": "unit", "value": "value", "note": "note", "name": "name"}
        if "product" in self.data["company"]["annual_output"][index] and "name" in changed:
            self.problems.append(f"{row.ref('name')}: an assessed product's name is set on the company "
                                 "sheet; change it there")
            return
        self._set_simple(row, path, changed, then, keys, str(then.get("name")))


class NewRows:
    """Rows added below a table: new entries of the spec."""

    def _new(self, row: FilledRow) -> None:
        if row.cells.get("delete") == DELETE[self.language]:
            return  # a new row marked deleted: nothing to add
        handler = getattr(self, f"_new_{row.sheet.id}", None)
        if handler is None:
            self.problems.append(f"{row.title}!A{row.number}: no rows can be added to this sheet")
            return
        handler(row)

    def _new_line(
        self, row: FilledRow, stage: str | None, amount_keys: tuple[str, ...]
    ) -> tuple[int, str] | None:
        required = ("name", *amount_keys, "unit", "basis", "activity_origin") + (
            ("stage",) if row.sheet.id == "other" else ())
        where = self._product_of_new(row)
        if not self._require(row, required) or where is None:
            return None
        index, product = where
        if stage is None:
            stage = next(
                s for s in row.sheet.stages if STAGE_BY_ID[s].name(self.language) == row.cells["stage"]
            )
        name = row.cells["name"]
        footprint = {key: row.cells.get(f"declared.{key}") for key in ("value", "unit", "source", "year")}
        if any(value is not None for value in footprint.values()):  # the supplier's footprint, not a factor
            if not self._require(row, ("declared.value", "declared.unit")):
                return None
            emission: dict[str, Any] | None = {
                "declared": {key: value for key, value in footprint.items() if value is not None}}
        else:
            emission = self._factor_for(row, name)
        if emission is None:
            return None
        line_id = slug(name, self.taken[index])
        entry: dict[str, Any] = {"id": line_id, "stage": stage, "name": name}
        for key in ("model", "supplier", "supplier_location", "amount", "unit"):
            if row.cells.get(key) is not None:
                entry[key] = row.cells[key]
        if self._basis(row.cells.get("basis")):
            entry["annual_total"] = True
        entry.update(emission)
        entry["activity_origin"] = origin_id(row.cells["activity_origin"], self.language)
        for key in ("source", "note"):
            if row.cells.get(key) is not None:
                entry[key] = row.cells[key]
        self.editor.append(("products", index, "inventory"), entry)
        self._came_from(("products", index, "inventory"), line_id, row)
        self.changes.append(
            Change(f"{row.title}!A{row.number}", f"added: {name} {shown(entry['amount'])} {entry['unit']}")
        )
        return index, line_id

    def _new_materials(self, row: FilledRow) -> None:
        made = self._new_line(row, "raw_material", ("amount",))
        if made is not None and row.cells.get("leg.distance_km") is not None:
            self._new_leg(row, made[0], made[1], row.cells)

    def _new_energy(self, row: FilledRow) -> None:
        months = [
            row.cells[key] for key in row.cells if re.fullmatch(r"m\d{6}", key) and row.cells[key] is not None
        ]
        if months and row.cells.get("amount") is None:
            total = float(f"{sum(months):.15g}")
            row.cells["amount"] = int(total) if total.is_integer() else total
        self._new_line(row, "production", ("amount",))

    def _new_other(self, row: FilledRow) -> None:
        self._new_line(row, None, ("amount",))

    def _new_leg(self, row: FilledRow, index: int, line_id: str, cells: Mapping[str, Any]) -> None:
        prefix = "leg." if "leg.distance_km" in cells else ""
        unit = cells.get("unit") if prefix else self._unit_of(index, line_id)
        if unit is not None and not is_mass_unit(unit):
            self.problems.append(
                f"{row.ref(f'{prefix}distance_km')}: {cells.get('name') or line_id} is counted in {unit}, "
                "so a leg cannot carry its mass; give the amount as a mass (kg, t), or leave the distance "
                "empty and add the leg with its mass in the spec")
            return
        origin = cells.get(f"{prefix}activity_origin")
        if origin is None:
            column = row.sheet.column(f"{prefix}activity_origin").label(self.language)
            self.problems.append(
                f"{row.ref(f'{prefix}activity_origin')}: {column} is required with a distance; choose how "
                "the distance was obtained from the list")
            return
        mode = self._mode_id(cells.get(f"{prefix}mode"))
        template = self._leg_template(row, index, mode)
        if template is None:
            return
        entry: dict[str, Any] = {
            "id": slug(f"{line_id}-transport", self.taken[index]),
            "carries": line_id,
            "distance_km": cells[f"{prefix}distance_km"],
        }
        if mode != "road":
            entry["mode"] = mode
        if cells.get(f"{prefix}vehicle") is not None:
            entry["vehicle"] = cells[f"{prefix}vehicle"]
        entry.update(template)
        entry["activity_origin"] = origin_id(origin, self.language)
        if cells.get("source") is not None and prefix == "":
            entry["source"] = cells["source"]
        self.editor.append(("products", index, "transport"), entry)
        self._came_from(("products", index, "transport"), entry["id"], row, leg=True)
        self.changes.append(
            Change(
                row.ref(f"{prefix}distance_km"),
                f"added: transport of {line_id}, {shown(entry['distance_km'])} km",
            )
        )

    def _new_transport(self, row: FilledRow) -> None:
        where = self._product_of_new(row)
        if not self._require(row, ("carries", "distance_km")) or where is None:
            return
        index, product = where
        line = next(
            (
                line
                for line in product.get("inventory", []) or []
                if isinstance(line, Mapping) and line.get("name") == row.cells["carries"]
            ),
            None,
        )
        if line is None:
            self.problems.append(
                f"{row.ref('carries')}: {row.cells['carries']!r} is not a material of the product; "
                "write its name as the Materials sheet has it"
            )
            return
        self._new_leg(row, index, str(line.get("id")), row.cells)

    def _new_distribution(self, row: FilledRow) -> None:
        where = self._product_of_new(row)
        if not self._require(row, ("name", "share_pct", "distance_km")) or where is None:
            return
        index, product = where
        distribution = product.get("distribution")
        if not isinstance(distribution, Mapping):
            self.problems.append(
                f"{row.title}!A{row.number}: the product has no [products.distribution] in the "
                "spec; add it there first"
            )
            return
        mode = (
            self._mode_id(row.cells.get("mode"))
            if row.cells.get("mode")
            else distribution.get("mode", "road")
        )
        entry: dict[str, Any] = {
            "id": slug(row.cells["name"], self.taken[index]),
            "name": row.cells["name"],
            "share_pct": row.cells["share_pct"],
            "distance_km": row.cells["distance_km"],
        }
        if distribution.get("factor") is None:
            same_mode = [
                d
                for d in distribution.get("destinations", [])
                if (d.get("mode") or distribution.get("mode", "road")) == mode and d.get("factor")
            ]
            if not same_mode:
                self.problems.append(
                    f"{row.ref('mode')}: no destination of the spec goes by "
                    f"{MODES[self.language][mode]}, so there is no freight factor to use; add one "
                    "to the spec first"
                )
                return
            entry["factor"] = same_mode[0]["factor"]
        if mode != distribution.get("mode", "road"):
            entry["mode"] = mode
        if row.cells.get("vehicle") is not None and row.cells["vehicle"] != distribution.get("vehicle"):
            entry["vehicle"] = row.cells["vehicle"]
        self.editor.append(("products", index, "distribution", "destinations"), entry)
        self.changes.append(Change(f"{row.title}!A{row.number}", f"added: destination {row.cells['name']}"))

    def _new_equipment(self, row: FilledRow) -> None:
        if not self._require(row, ("name",)):
            return
        entry = {
            key: row.cells[key]
            for key in ("name", "model", "code", "quantity", "manufacturer", "note")
            if row.cells.get(key) is not None
        }
        self.editor.append(("company", "equipment"), entry)
        self.changes.append(Change(f"{row.title}!A{row.number}", f"added: equipment {row.cells['name']}"))

    def _new_output(self, row: FilledRow) -> None:
        if not self._require(row, ("name", "amount", "unit")):
            return
        assessed = {str(p.get("name")): p.get("id") for p in self.products}
        entry: dict[str, Any] = (
            {"product": assessed[row.cells["name"]]}
            if row.cells["name"] in assessed
            else {"name": row.cells["name"]}
        )
        entry.update(
            {
                key: row.cells[key]
                for key in ("amount", "unit", "value", "note")
                if row.cells.get(key) is not None
            }
        )
        self.editor.append(("company", "annual_output"), entry)
        self.changes.append(Change(f"{row.title}!A{row.number}", f"added: output of {row.cells['name']}"))
