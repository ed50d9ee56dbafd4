"""Terminal views: the rich tables ``pcfdoc calc``, ``diff``, ``factors`` and ``gwp`` print."""

from __future__ import annotations

import math
from typing import Any

from ..calc.results import ProductResult
from ..formatting import column_decimals, in_unit, number, per_unit_label, percentages, plain, round_half_up

#: Width of output that is not a terminal (a pipe, a file): tables as wide as their content.
PIPED_WIDTH = 100_000


def console(*, stderr: bool = False) -> Any:
    """A rich console; piped or redirected output is never cut to 80 columns ('1,253,772.…')."""
    from rich.console import Console

    printer = Console(stderr=stderr)
    return printer if printer.is_terminal else Console(stderr=stderr, width=PIPED_WIDTH)


def display_unit(unit: str) -> str:
    """Terminal units: '·' for products; subscripts are left out, terminals lack the glyphs."""
    return unit.replace("*", "·")


def product_tables(product: ProductResult, gwp_set: str, line_limit: int | None = None) -> list:
    """Rich renderables for one product: lines by stage, then stage totals.

    With ``line_limit``, only that many lines are listed (the largest emitters, still in stage
    order) and one row sums the others: a 10,000-line inventory is read in the .docx or the
    JSON, not in a terminal.
    """
    from rich.table import Table

    unit = product.result_unit
    per = per_unit_label(unit, product.functional_unit_amount, product.functional_unit)
    emissions = [in_unit(line.kgco2e, unit) for line in product.lines]
    line_decimals = column_decimals(emissions)
    stage_names = {stage.id: stage.name for stage in product.stages}
    shares = percentages([line.share for line in product.lines], 2)
    shown = range(len(product.lines))
    if line_limit is not None and len(product.lines) > line_limit:
        largest = sorted(shown, key=lambda i: (-abs(product.lines[i].kgco2e), i))[:line_limit]
        shown = sorted(largest)

    lines = Table(title=f"{product.name} ({product.id}): inventory, {per}, GWP {gwp_set}",
                  title_justify="left")
    for header, justify in (("Stage", "left"), ("Line", "left"), ("Activity", "right"),
                            ("Factor", "right"), (f"Emission ({unit})", "right"), ("Share %", "right")):
        lines.add_column(header, justify=justify)
    previous_stage = None
    for index in shown:
        line = product.lines[index]
        stage = stage_names[line.stage] if line.stage != previous_stage else ""
        previous_stage = line.stage
        lines.add_row(
            stage, line.name,
            f"{plain(line.amount)} {display_unit(line.unit)}",
            f"{plain(line.factor_value)} {display_unit(line.factor_unit)}",
            number(emissions[index], line_decimals), f"{shares[index]}",
        )
    hidden = sorted(set(range(len(product.lines))) - set(shown))
    if hidden:
        lines.add_section()
        smaller = f"{len(hidden):,} smaller line{'' if len(hidden) == 1 else 's'}"
        lines.add_row("", f"{smaller} (--lines 0 lists all)", "", "",
                      number(math.fsum(emissions[i] for i in hidden), line_decimals),
                      f"{sum(shares[i] for i in hidden)}", style="italic")

    totals = Table(title=f"{product.name}: result by stage", title_justify="left")
    totals.add_column("Stage")
    totals.add_column(f"Emission ({per})", justify="right")
    totals.add_column("Share %", justify="right")
    stage_values = [in_unit(stage.kgco2e, unit) for stage in product.stages]
    total_value = in_unit(product.total_kgco2e, unit)
    decimals = column_decimals([*stage_values, total_value])
    stage_shares = percentages([s.share for s in product.stages], 2)
    for stage, value, share in zip(product.stages, stage_values, stage_shares, strict=True):
        totals.add_row(stage.name, number(value, decimals), f"{share}")
    totals.add_section()
    totals.add_row("Total", number(total_value, decimals), "100.00" if product.total_kgco2e else "0.00",
                   style="bold")
    return [lines, totals]


def factor_table(entries: list) -> Any:
    """The factors found, one row each; their sources are numbered beneath the table (a few
    documents cover many factors, and a source column would crowd out the values)."""
    from rich.table import Table
    from rich.text import Text

    sources = list(dict.fromkeys(entry.factor.source for entry in entries if entry.factor.source))
    number_of = {source: str(i) for i, source in enumerate(sources, 1)}
    caption = "\n".join(f"[{number}] {source}" for source, number in number_of.items())
    # Text, not markup: names and sources are the author's and may hold brackets.
    table = Table(title=f"{len(entries)} factor(s)", title_justify="left",
                  caption=Text(caption) if caption else None, caption_justify="left")
    for header, justify in (("id", "left"), ("name", "left"), ("value", "right"), ("unit", "left"),
                            ("scope", "left"), ("year", "right"), ("region", "left"), ("status", "left"),
                            ("source", "right")):
        table.add_column(header, justify=justify, overflow="fold")
    for entry in entries:
        factor = entry.factor
        value = ", ".join(f"{gas} {plain(v)}" for gas, v in factor.gases.items()) if factor.gases \
            else plain(factor.value)
        cells = (factor.id, factor.name, value, display_unit(factor.unit), factor.scope or "",
                 str(factor.year or ""), factor.region or "", factor.status or "",
                 f"[{number_of[factor.source]}]" if factor.source else "")
        table.add_row(*(Text(cell) for cell in cells))
    return table


def gwp_table() -> Any:
    from rich.table import Table

    from ..vocab.gwp import gases, gwp_sets

    sets = gwp_sets()
    table = Table(title="GWP100 (kg CO2e per kg); † third-party value, the rest verified",
                  title_justify="left")
    table.add_column("gas")
    for set_id in sets:
        table.add_column(set_id, justify="right")
    for gas in gases():
        cells = []
        for gwp_set in sets.values():
            if not gwp_set.has(gas):
                cells.append("—")
            else:
                mark = " †" if gwp_set.status(gas) != "verified" else ""
                cells.append(f"{plain(gwp_set.factor(gas))}{mark}")
        table.add_row(gas, *cells)
    return table


def diff_tables(diff, old_label: str, new_label: str) -> list:
    """Per product: old and new total, every stage, and the lines that changed.

    Figures are in the product's result unit with the report's precision (one number of
    decimals per table, set by its largest figure), so they read as the two reports print them.
    """
    from rich.table import Table

    tables = []
    for product in diff.products:
        head = product.product
        unit = product.result_unit
        per = per_unit_label(unit, product.functional_unit_amount, product.functional_unit)
        rows = [("total", head, "bold"), *(("stage", stage, None) for stage in product.stages),
                *(("line", line, None) for line in product.lines if line.status != "same")]
        values = [in_unit(v, unit) for _, item, _ in rows for v in (item.old_kgco2e, item.new_kgco2e)
                  if v is not None]
        decimals = column_decimals(values)
        table = Table(title=f"{head.name} ({head.id}): {head.status}, {old_label} → {new_label}, {per}",
                      title_justify="left")
        for header, justify in (("", "left"), ("Item", "left"), ("Old", "right"), ("New", "right"),
                                ("Change", "right"), ("Change %", "right"), ("", "left")):
            table.add_column(header, justify=justify)
        for index, (kind, item, style) in enumerate(rows):
            if index in (1, 1 + len(product.stages)):
                table.add_section()
            _diff_row(table, kind, item, unit, decimals, style)
        tables.append(table)
    return tables


def _diff_row(table, kind: str, item, unit: str, decimals: int, style: str | None = None) -> None:
    def shown(value: float | None) -> str:
        return "—" if value is None else number(in_unit(value, unit), decimals)

    change = in_unit(item.change_kgco2e, unit)
    signed = ("+" if round_half_up(change, decimals) > 0 else "") + number(change, decimals)
    share = "" if item.change_share is None else f"{item.change_share * 100:+.2f}"
    table.add_row(kind, item.name, shown(item.old_kgco2e), shown(item.new_kgco2e), signed, share, item.status,
                  style=style)
