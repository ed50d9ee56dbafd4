"""Where a row's figures come from: the client's answers in the origin and supplier-footprint columns.

A mixin of the import's planner, beside form_rows' ``EditedRows``: an activity origin becomes
the entry's ``activity_origin`` (in place of a ``data_type`` it had), and a supplier's
declared footprint of a material becomes the line's ``declared`` value, edited in place or
written instead of its factor. What the assessor chose (database factors, proxies, scores)
is never asked and never changed here, except that a supplier's own value replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import SpecPath
from .form_layout import origin_id
from .form_read import FilledRow
from .form_rows import Change, shown


class Origins:
    """Origin and footprint cells of existing rows: edits of the spec entry (new rows: form_rows)."""

    def _set_origin(self, row: FilledRow, then: Mapping, column: str, path: SpecPath, label: str) -> None:
        """The client's answer to how an amount (or a leg's distance) was obtained: activity_origin.

        The answer replaces a data_type the entry states (activity_origin says it, and the two
        may disagree). Cleared, the entry keeps its data_type, or must be answered if it has none.
        """
        entry = self._at(path)
        shown_value = row.cells.get(column)
        data_type = entry.get("data_type")
        if shown_value is None:
            if data_type is None:
                asked = row.sheet.column(column).label(self.language)
                self.problems.append(
                    f"{row.ref(column)}: {asked} of {label} cannot be left empty (the spec says nothing "
                    "else about where the figure comes from); choose from the list")
                return
            self.editor.set(path + ("activity_origin",), None)
            self._note(row, column, label, then.get(column), None)
            return
        origin = origin_id(shown_value, self.language)
        if data_type is None:
            self.editor.set(path + ("activity_origin",), origin)
            self._note(row, column, label, then.get(column), shown_value)
            return
        if "activity_origin" in entry:
            self.editor.set(path + ("activity_origin",), origin)
            self.editor.set(path + ("data_type",), None)
        else:
            self.editor.rename(path + ("data_type",), "activity_origin", origin)
        self._note(row, column, label, then.get(column), shown_value, f"; replaces data_type = {data_type!r}")

    def _edit_footprint(self, row: FilledRow, then: Mapping, changed: list[str], path: SpecPath) -> None:
        """The supplier's declared footprint of a material: edited in place, or the line's factor replaced."""
        label = str(then.get("name"))
        cells = {key: row.cells.get(f"declared.{key}") for key in ("value", "unit", "source", "year")}
        line = self._at(path)
        if then.get("declared.value") is not None and all(value is None for value in cells.values()):
            self.problems.append(
                f"{row.ref('declared.value')}: the supplier's footprint is the only emission value of "
                f"{label} in the spec; restore it, or give the line a factor in the spec and make a new form")
            return
        if not self._require(row, ("declared.value", "declared.unit")):
            return
        if then.get("declared.value") is not None:  # the supplier's own value, shown: edit it key by key
            for key in changed:
                self.editor.set(path + ("declared", key.removeprefix("declared.")), row.cells.get(key))
                self._note(row, key, label, then.get(key), row.cells.get(key))
            return
        declared = {key: value for key, value in cells.items() if value is not None}  # origin: supplier
        if line.get("factor") is not None:
            self.editor.rename(path + ("factor",), "declared", declared)
            instead = f"factor {line['factor']!r}"
        else:
            self.editor.set(path + ("declared",), declared)
            origin = line.get("declared", {}).get("origin", "supplier") if isinstance(line.get("declared"),
                                                                                          Mapping) else None
            instead = f"the declared {origin} value"
        stated = ", ".join(str(value) for value in (cells["source"], cells["year"]) if value is not None)
        self.changes.append(Change(
            row.ref("declared.value"),
            f"{label} {row.sheet.column('declared.value').label(self.language)}: (empty) → "
            f"{shown(cells['value'])} {cells['unit']}{f' ({stated})' if stated else ''}; replaces {instead}"))
