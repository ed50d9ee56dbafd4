"""Checks of the report's own facts: data period and issue date, standards, who signs and when."""

from __future__ import annotations

from ..spec.schema import Node
from ..vocab.catalogue import STANDARDS
from .context import CheckContext, present


def check_report(ctx: CheckContext) -> None:
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
