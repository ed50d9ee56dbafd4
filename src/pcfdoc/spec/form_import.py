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

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import FormError, SpecPath
from .form_edit import Editor
from .form_layout import BASIS, DELETE, MODES, FormSpec
from .form_origins import Origins
from .form_read import FilledRow, Meta, as_snapshot, open_workbook, read_meta, read_rows, same
from .form_rows import Change, EditedRows, NewRows, row_name, shown
from .form_sheets import form_spec
from .load import SpecSource

#: How the identity of a workbook is told: the company and the product ids it was made for.
IDENTITY_KEYS = ("company", "products")


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
                found.append(f"{title}: {row_name(then[key])} was removed from the spec")
            elif key not in then:
                found.append(f"{title}: {row_name(current[key])} was added to the spec")
            else:
                for column in sheet.columns:
                    if not same(then[key].get(column.key), current[key].get(column.key)):
                        found.append(
                            f"{title}: {row_name(current[key])} {column.label(form.language)} was "
                            f"{then[key].get(column.key)!r} in the form, is "
                            f"{current[key].get(column.key)!r} in the spec"
                        )
    return found


class _Planner(EditedRows, NewRows, Origins):
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
                    self._remove(gone, values, f"{title}: row of {row_name(values)} removed from the sheet")
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
                f"{row.ref(changed[0])}: {row_name(then)} was changed in the form but has been "
                "removed from the spec since; add it again as a new row, or drop the change"
            )
            return
        for key in changed:
            if not same(current.get(key), then.get(key)) and not same(current.get(key), row.cells.get(key)):
                column = row.sheet.column(key)
                self.problems.append(
                    f"{row.ref(key)}: {column.label(self.language)} of {row_name(then)} "
                    "was changed in the form "
                    f"({then.get(key)!r} → {row.cells.get(key)!r}) and in the spec ({current.get(key)!r}); "
                    "settle it in one of them and import again"
                )
                return
        if row.cells.get("delete") == DELETE[self.language]:
            self._remove(row, then, f"{row.ref('delete')}: {row_name(then)} marked {DELETE[self.language]}")
            return
        getattr(self, f"_edit_{row.sheet.id}")(row, then, changed)

    # -- helpers -----------------------------------------------------------------------------
    def _came_from(self, array: SpecPath, entry_id: str, row: FilledRow, leg: bool = False) -> None:
        """Remember the row an entry came from: a problem with it is then told with its cell."""
        cells = {"": f"{row.title}!A{row.number}"}
        for column, ref in row.refs.items():
            if leg == column.startswith("leg."):
                key = column.removeprefix("leg.")
                cells[key] = f"{row.title}!{ref}"
                cells.setdefault(key.partition(".")[0], f"{row.title}!{ref}")  # declared → its value's cell
        if "activity_origin" in cells:  # the two say the same thing; the form asks the first
            cells["data_type"] = cells["activity_origin"]
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

    def _note(self, row: FilledRow, key: str, label: str, old: Any, new: Any, more: str = "") -> None:
        if row.sheet.id == "company":  # the row's label names the fact: 联系电话: old → new
            self.changes.append(Change(row.ref(key), f"{label}: {shown(old, key)} → {shown(new, key)}{more}"))
            return
        self.changes.append(
            Change(
                row.ref(key),
                f"{label} {row.sheet.column(key).label(self.language)}: {shown(old, key)} → {shown(new, key)}"
                f"{more}",
            )
        )

    def _at(self, path: SpecPath) -> Mapping:
        """The spec's entry at ``path`` as loaded (before any edit)."""
        node: Any = self.data
        for part in path:
            node = node[part]
        return node

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
                    return {"factor": leg["factor"]}
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
            Change(row.ref("delete") if row.number else row.title, f"deleted: {row_name(then)}")
        )


