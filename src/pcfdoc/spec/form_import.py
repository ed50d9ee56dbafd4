"""``pcfdoc import``: the client's filled workbook back into the spec, as edits of its TOML text.

Three versions meet here: the values the form was made with (its fingerprint), the values
in the workbook now (the client's), and the spec now. A cell the client changed becomes an
edit of the spec; a cell left alone changes nothing, so an untouched workbook leaves the
spec byte for byte as it was. If the spec changed since the form was made, the import is
refused unless asked to reconcile, and then a cell changed on both sides differently is
an error, never a silent choice.

New rows become new entries with ids made from their names; a new line takes the factor
of the spec's factor (or existing line) of the same name, a new transport leg the factor of
a leg of the same mode. Rows marked deleted are removed, and kept in the file as comments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import FormError, SpecPath
from ..vocab.catalogue import STAGE_BY_ID
from ..vocab.units import UnitError, is_mass
from .form_edit import Editor
from .form_layout import BASIS, DELETE, MODES, FormSpec, form_spec
from .form_read import FilledRow, Meta, as_snapshot, open_workbook, read_meta, read_rows, same
from .load import SpecSource

#: How the identity of a workbook is told: the company and the product ids it was made for.
IDENTITY_KEYS = ("company", "products")


@dataclass
class Change:
    ref: str  # 原材料!D5
    text: str  # what changed, as printed


@dataclass
class Plan:
    """What importing a workbook does to a spec: the new text, and every change in words."""

    text: str
    changes: list[Change] = field(default_factory=list)
    stale: bool = False  # the spec changed since the form was made (reconciled)
    # Where each entry came from in the workbook: (array path, id) → spec key → cell ('' the row).
    rows: dict[tuple[SpecPath, str], dict[str, str]] = field(default_factory=dict)


def identity_of(data: Mapping) -> dict[str, Any]:
    company = data.get("company", {}) if isinstance(data.get("company"), Mapping) else {}
    return {
        "company": company.get("name"),
        "products": [p.get("id") for p in data.get("products", []) if isinstance(p, Mapping)],
    }


def plan_import(
    content: bytes,
    workbook: str,
    source: SpecSource,
    factor_names: Mapping[str, str],
    *,
    reconcile: bool = False,
) -> Plan:
    """The edits the workbook asks of ``source``; FormError naming every bad cell when it cannot be read."""
    book = open_workbook(content, workbook)
    meta = read_meta(book, workbook)
    data = source.data
    if meta.identity != identity_of(data):
        made = meta.identity
        raise FormError(
            workbook,
            [
                f"made for {made.get('company')} "
                f"(products {', '.join(map(str, made.get('products') or []))}, "
                f"spec {meta.spec}), not for {source.file}; import it into the spec it was made for"
            ],
        )
    form = form_spec(data, meta.language)
    now = {sheet.id: {row.key: as_snapshot(row.values) for row in sheet.rows} for sheet in form.sheets}
    differences = _differences(meta, now, form)
    if differences and not reconcile:
        shown = "; ".join(differences[:3]) + (
            f"; and {len(differences) - 3} more" if len(differences) > 3 else ""
        )
        raise FormError(
            workbook,
            [
                f"made from an older version of {source.file}, which has changed since: {shown}; "
                "pass --reconcile to apply only the cells the client changed (a cell changed on both "
                "sides is then an error), or "
                "make a new form"
            ],
        )
    rows = read_rows(book, workbook, form, meta)
    planner = _Planner(source, form, meta, now, factor_names, workbook)
    planner.run(rows)
    return Plan(planner.editor.result(), planner.changes, bool(differences), planner.rows)


def _differences(meta: Meta, now: Mapping, form: FormSpec) -> list[str]:
    found = []
    for sheet in form.sheets:
        then, current = meta.snapshot.get(sheet.id, {}), now.get(sheet.id, {})
        title = meta.titles.get(sheet.id, sheet.title(form.language))
        for key in [*then, *(k for k in current if k not in then)]:
            if key not in current:
                found.append(f"{title}: {_row_name(then[key])} was removed from the spec")
            elif key not in then:
                found.append(f"{title}: {_row_name(current[key])} was added to the spec")
            else:
                for column in sheet.columns:
                    if not same(then[key].get(column.key), current[key].get(column.key)):
                        found.append(
                            f"{title}: {_row_name(current[key])} {column.label(form.language)} was "
                            f"{then[key].get(column.key)!r} in the form, is "
                            f"{current[key].get(column.key)!r} in the spec"
                        )
    return found


def _row_name(values: Mapping) -> str:
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


class _Planner:
    def __init__(
        self,
        source: SpecSource,
        form: FormSpec,
        meta: Meta,
        now: Mapping,
        factor_names: Mapping[str, str],
        workbook: str,
    ):
        self.source, self.data, self.form, self.meta, self.now = source, source.data, form, meta, now
        self.language = form.language
        self.factor_names = factor_names
        self.workbook = workbook
        self.workbook_name = workbook.replace("\\", "/").rpartition("/")[2]
        self.editor = Editor(source.text)
        self.changes: list[Change] = []
        self.problems: list[str] = []
        self.rows: dict[tuple[SpecPath, str], dict[str, str]] = {}
        self.removed_lines: dict[int, set[str]] = {}
        self.removed_legs: set[tuple[int, str]] = set()
        self.products = [p for p in self.data.get("products", []) if isinstance(p, Mapping)]
        self.taken = {index: self._ids(product) for index, product in enumerate(self.products)}

    @staticmethod
    def _ids(product: Mapping) -> set[str]:
        ids = {
            str(item.get("id"))
            for key in ("inventory", "transport")
            for item in product.get(key, []) or []
            if isinstance(item, Mapping)
        }
        distribution = product.get("distribution") if isinstance(product.get("distribution"), Mapping) else {}
        ids |= {
            str(d.get("id")) for d in distribution.get("destinations", []) or [] if isinstance(d, Mapping)
        }
        return ids

    # -- driving ----------------------------------------------------------------------------
    def run(self, rows: list[FilledRow]) -> None:
        seen: dict[tuple[str, str], str] = {}
        present: set[tuple[str, str]] = set()
        accepted: set[int] = set()
        for row in rows:
            if row.key is None:
                continue
            where = (row.sheet.id, row.key)
            if where in seen:
                self.problems.append(
                    f"{row.ref('_key')}: repeats the row of {seen[where]} (a copied row); add "
                    "new items in the empty rows instead"
                )
                continue
            seen[where] = f"row {row.number}"
            if row.key not in self.meta.snapshot.get(row.sheet.id, {}):
                self.problems.append(
                    f"{row.title}!A{row.number}: the hidden row key {row.key!r} is not one this "
                    "form was made with (a row copied from another form?); clear the row and "
                    "add the item in an empty row"
                )
                continue
            present.add(where)
            accepted.add(id(row))
        for row in rows:
            if row.key is None:
                self._new(row)
            elif id(row) in accepted:
                self._existing(row)
        for sheet in self.form.sheets:  # rows the client deleted outright instead of marking them
            title = self.meta.titles.get(sheet.id, sheet.title(self.language))
            for key, values in self.meta.snapshot.get(sheet.id, {}).items():
                if (sheet.id, key) not in present and key in self.now.get(sheet.id, {}):
                    gone = FilledRow(sheet, 0, key, {}, title=title)
                    self._remove(gone, values, f"{title}: row of {_row_name(values)} removed from the sheet")
        if self.problems:
            raise FormError(self.workbook, self.problems)

    def _existing(self, row: FilledRow) -> None:
        then = self.meta.snapshot[row.sheet.id][row.key]
        current = self.now.get(row.sheet.id, {}).get(row.key)
        changed = [
            c.key for c in row.sheet.columns if c.editable and not same(row.cells.get(c.key), then.get(c.key))
        ]
        if not changed:
            return
        if current is None:
            self.problems.append(
                f"{row.ref(changed[0])}: {_row_name(then)} was changed in the form but has been "
                "removed from the spec since; add it again as a new row, or drop the change"
            )
            return
        for key in changed:
            if not same(current.get(key), then.get(key)) and not same(current.get(key), row.cells.get(key)):
                column = row.sheet.column(key)
                self.problems.append(
                    f"{row.ref(key)}: {column.label(self.language)} of {_row_name(then)} "
                    "was changed in the form "
                    f"({then.get(key)!r} → {row.cells.get(key)!r}) and in the spec ({current.get(key)!r}); "
                    "settle it in one of them and import again"
                )
                return
        if row.cells.get("delete") == DELETE[self.language]:
            self._remove(row, then, f"{row.ref('delete')}: {_row_name(then)} marked {DELETE[self.language]}")
            return
        getattr(self, f"_edit_{row.sheet.id}")(row, then, changed)

    # -- helpers -----------------------------------------------------------------------------
    def _came_from(self, array: SpecPath, entry_id: str, row: FilledRow, leg: bool = False) -> None:
        """Remember the row an entry came from: a problem with it is then told with its cell."""
        cells = {"": f"{row.title}!A{row.number}"}
        for column, ref in row.refs.items():
            if leg == column.startswith("leg."):
                cells[column.removeprefix("leg.")] = f"{row.title}!{ref}"
        self.rows[(array, entry_id)] = cells

    def _product(self, key: str) -> tuple[int, Mapping]:
        product_id = key.split(".", 1)[0].removeprefix("products:")
        index = next(i for i, p in enumerate(self.products) if p.get("id") == product_id)
        return index, self.products[index]

    def _entry(self, product: Mapping, kind: str, entry_id: str) -> int:
        items = product.get(kind, []) or []
        return next(
            i for i, item in enumerate(items) if isinstance(item, Mapping) and item.get("id") == entry_id
        )

    def _note(self, row: FilledRow, key: str, label: str, old: Any, new: Any) -> None:
        if row.sheet.id == "company":  # the row's label names the fact: 联系电话: old → new
            self.changes.append(Change(row.ref(key), f"{label}: {_shown(old)} → {_shown(new)}"))
            return
        self.changes.append(
            Change(
                row.ref(key),
                f"{label} {row.sheet.column(key).label(self.language)}: {_shown(old)} → {_shown(new)}",
            )
        )

    def _require(self, row: FilledRow, keys: tuple[str, ...]) -> bool:
        missing = [key for key in keys if row.cells.get(key) is None]
        for key in missing:
            self.problems.append(
                f"{row.ref(key)}: {row.sheet.column(key).label(self.language)} is required; "
                f"fill it in, or mark the row {DELETE[self.language]}"
            )
        return not missing

    def _set_simple(
        self,
        row: FilledRow,
        path: SpecPath,
        changed: list[str],
        then: Mapping,
        keys: Mapping[str, str],
        label: str,
    ) -> None:
        """Cells that are plain spec keys: text, numbers, units."""
        for column_key, spec_key in keys.items():
            if column_key not in changed:
                continue
            value = row.cells.get(column_key)
            if value is None and row.sheet.column(column_key).must:
                self._require(row, (column_key,))
                continue
            self.editor.set(path + (spec_key,), value)
            self._note(row, column_key, label, then.get(column_key), value)

    def _product_of_new(self, row: FilledRow) -> tuple[int, Mapping] | None:
        if len(self.products) == 1:
            return 0, self.products[0]
        name = row.cells.get("product")
        if name is None:
            self._require(row, ("product",))
            return None
        index = next(i for i, p in enumerate(self.products) if str(p.get("name", p.get("id"))) == name)
        return index, self.products[index]

    def _factor_for(self, row: FilledRow, name: str) -> dict[str, Any] | None:
        for product in self.products:
            for line in product.get("inventory", []) or []:
                if isinstance(line, Mapping) and line.get("name") == name:
                    if line.get("factor") is not None:
                        return {"factor": line["factor"]}
                    if line.get("declared") is not None:
                        return {"declared": dict(line["declared"])}
        if name in self.factor_names:
            return {"factor": self.factor_names[name]}
        self.problems.append(
            f"{row.ref('name')}: {name!r} is new and no emission factor is named {name!r}; "
            "add a [[factors]] entry "
            f"with name = {name!r} to the spec (or give the material the name of one), then import again"
        )
        return None

    def _leg_template(self, row: FilledRow, product_index: int, mode: str) -> dict[str, Any] | None:
        order = [
            self.products[product_index],
            *(p for i, p in enumerate(self.products) if i != product_index),
        ]
        for product in order:
            for leg in product.get("transport", []) or []:
                if isinstance(leg, Mapping) and leg.get("mode", "road") == mode and leg.get("factor"):
                    return {"factor": leg["factor"], "data_type": leg.get("data_type", "primary")}
        label = MODES[self.language][mode]
        self.problems.append(
            f"{row.ref('leg.distance_km' if 'leg.distance_km' in row.refs else 'distance_km')}: "
            f"no transport leg of the spec travels by {label}, so there is no freight factor to use; "
            "add one such leg to the spec "
            "(its factor is used for new legs), or leave the distance empty"
        )
        return None

    def _unit_of(self, index: int, line_id: str) -> str | None:
        for line in self.products[index].get("inventory", []) or []:
            if isinstance(line, Mapping) and line.get("id") == line_id:
                return line.get("unit")
        return None

    def _mode_id(self, shown: str | None) -> str:
        return next((mode for mode, label in MODES[self.language].items() if label == shown), "road")

    def _basis(self, shown: str | None) -> bool:
        return shown == BASIS[self.language][True]

    # -- removing ------------------------------------------------------------------------------
    def _remove(self, row: FilledRow, then: Mapping, why: str) -> None:
        sheet, key = row.sheet.id, row.key or ""
        note = f"removed by pcfdoc import of {self.workbook_name}: {why}"
        if sheet in ("materials", "energy", "other"):
            index, product = self._product(key)
            line_id = key.rpartition(":")[2]
            line_index = self._entry(product, "inventory", line_id)
            self.editor.remove(("products", index, "inventory", line_index), note)
            self.removed_lines.setdefault(index, set()).add(line_id)
            for leg_index, leg in enumerate(product.get("transport", []) or []):
                if (
                    isinstance(leg, Mapping)
                    and leg.get("carries") == line_id
                    and (index, leg.get("id")) not in self.removed_legs
                ):
                    self.removed_legs.add((index, leg.get("id")))
                    self.editor.remove(
                        ("products", index, "transport", leg_index),
                        f"removed by pcfdoc import of {self.workbook_name}: it carried "
                        f"{then.get('name')}, removed too",
                    )
        elif sheet == "transport":
            index, product = self._product(key)
            leg_id = key.rpartition(":")[2]
            if (index, leg_id) not in self.removed_legs:
                self.removed_legs.add((index, leg_id))
                self.editor.remove(
                    ("products", index, "transport", self._entry(product, "transport", leg_id)), note
                )
        elif sheet == "distribution":
            index, product = self._product(key)
            destinations = product["distribution"]["destinations"]
            at = next(i for i, d in enumerate(destinations) if d.get("id") == key.rpartition(":")[2])
            self.editor.remove(("products", index, "distribution", "destinations", at), note)
        elif sheet in ("equipment", "output"):
            array = ("company", "equipment" if sheet == "equipment" else "annual_output")
            self.editor.remove(array + (int(key.rpartition("[")[2].rstrip("]")),), note)
        else:
            return
        self.changes.append(
            Change(row.ref("delete") if row.number else row.title, f"deleted: {_row_name(then)}")
        )

    # -- existing rows, per sheet -------------------------------------------------------------------
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
                    f"{row.ref('amount')}: the amount {_shown(row.cells['amount'])} "
                    "differs from the sum of the "
                    f"months, {_shown(total)}; clear one of them"
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
        for key in changed:
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
        path = ("company", "annual_output", int((row.key or "").rpartition("[")[2].rstrip("]")))
        keys = {"amount": "amount", "unit": "unit", "value": "value", "note": "note"}
        if "name" in row.sheet.columns_keys() and "name" not in row.locked:
            keys["name"] = "name"
        self._set_simple(row, path, changed, then, keys, str(then.get("name")))

    # -- new rows ---------------------------------------------------------------------------------
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
        required = ("name", *amount_keys, "unit", "basis") + (("stage",) if row.sheet.id == "other" else ())
        where = self._product_of_new(row)
        if not self._require(row, required) or where is None:
            return None
        index, product = where
        if stage is None:
            stage = next(
                s for s in row.sheet.stages if STAGE_BY_ID[s].name(self.language) == row.cells["stage"]
            )
        name = row.cells["name"]
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
        entry["data_type"] = "primary"  # the plant's own figures
        for key in ("source", "note"):
            if row.cells.get(key) is not None:
                entry[key] = row.cells[key]
        self.editor.append(("products", index, "inventory"), entry)
        self._came_from(("products", index, "inventory"), line_id, row)
        self.changes.append(
            Change(f"{row.title}!A{row.number}", f"added: {name} {_shown(entry['amount'])} {entry['unit']}")
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
        if unit is not None and not _is_mass(unit):
            self.problems.append(
                f"{row.ref(f'{prefix}distance_km')}: {cells.get('name') or line_id} is counted in {unit}, "
                "so a leg cannot carry its mass; give the amount as a mass (kg, t), or leave the distance "
                "empty and add the leg with its mass in the spec")
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
        if cells.get("source") is not None and prefix == "":
            entry["source"] = cells["source"]
        self.editor.append(("products", index, "transport"), entry)
        self._came_from(("products", index, "transport"), entry["id"], row, leg=True)
        self.changes.append(
            Change(
                row.ref(f"{prefix}distance_km"),
                f"added: transport of {line_id}, {_shown(entry['distance_km'])} km",
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


def _is_mass(unit: str) -> bool:
    try:
        return is_mass(unit)
    except UnitError:
        return False


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, float):
        return f"{value:,.15g}" if abs(value) >= 1000 else f"{value:.15g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
