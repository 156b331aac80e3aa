"""A report as CSV (one figure per line) or XLSX (one sheet per section). Hidden figures are
exported as their text ("<5", "≥5"), never as numbers, so a spreadsheet cannot sum them back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from enrollments.reports.figures import Report

CSV_COLUMNS = ["section", "key", "group", "measure", "value"]


def sections(report: Report) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, header, rows) for each part of the report."""
    funnel = report.funnel
    summary: list[list[Any]] = [
        ["min_cell", report.min_cell],
        ["people", report.people.published],
        ["people_completed", report.people_completed.published],
        ["completion_rate", funnel.completion_rate],
        ["median_days_to_complete", funnel.median_days],
        # Every cohort is a network activity's: enrolled means admitted, completed attended.
        ["of_activities", report.of_activities],
    ]
    if report.date_from and report.date_to:
        summary += [["from", report.date_from.isoformat()], ["to", report.date_to.isoformat()]]
    result: list[tuple[str, list[str], list[list[Any]]]] = [
        ("summary", ["measure", "value"], summary),
        (
            "funnel",
            ["stage", "value"],
            [[key, cell.published] for key, _l, cell in funnel.stages()],
        ),
        (
            "cohorts",
            ["cohort", "title", "course", "delegation", "starts_on", "ends_on"]
            + [key for key, _l, _c in funnel.stages()]
            + ["completion_rate"],
            [
                [
                    cohort.public_id,
                    cohort.title,
                    cohort.course_code,
                    cohort.delegation_code,
                    cohort.starts_on.isoformat(),
                    cohort.ends_on.isoformat(),
                    *(cell.published for _k, _l, cell in cohort.funnel.stages()),
                    cohort.funnel.completion_rate,
                ]
                for cohort in report.cohorts
            ],
        ),
        (
            "weeks",
            ["week", "starts_on", "active"],
            [[w.label, w.starts_on.isoformat(), w.active.published] for w in report.weeks],
        ),
        (
            "activities",
            ["activity", "title", "people", "average_score"],
            [[s.key, s.title, s.people.published, s.average] for s in report.scores],
        ),
        (
            "assignments",
            ["assignment", "title", "handed_in", "accepted", "average_points"],
            [
                [a.key, a.title, a.handed_in.published, a.accepted.published, a.average_points]
                for a in report.assignments
            ],
        ),
    ]
    for table in report.tables:
        result.append(
            (
                table.dimension,
                ["key", "group", "enrolled", "completed"],
                [
                    [g.key, g.label, g.enrolled.published, g.completed.published]
                    for g in table.groups
                ],
            )
        )
    return result


def csv_rows(report: Report) -> Iterator[list[Any]]:
    """One long table, a row per figure, for people who filter and pivot."""
    for name, header, rows in sections(report):
        for row in rows:
            if name in ("summary", "funnel"):
                yield [name, "", "", row[0], row[1]]
                continue
            key, group = row[0], row[1]
            for measure, value in zip(header[2:], row[2:], strict=True):
                yield [name, key, group, measure, value]
