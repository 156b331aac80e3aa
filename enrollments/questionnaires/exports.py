"""Questionnaire results as CSV or XLSX: one row per question and value, then open answers."""

from __future__ import annotations

from django.http import HttpResponseBase
from django.utils.translation import gettext as _

from enrollments import spreadsheets
from enrollments.questionnaires.results import Results


def rows(found: Results) -> list[list[object]]:
    header: list[object] = [
        _("Question"),
        _("Answer"),
        _("Count"),
        _("Percent"),
        _("Average"),
    ]
    table: list[list[object]] = [header]
    for question in found.questions:
        for bar in question.bars:
            table.append([question.text, bar.label, bar.count, bar.percent, ""])
        if question.average is not None:
            table.append([question.text, _("Average"), question.answered, "", question.average])
        for text in question.texts:
            table.append([question.text, text, "", "", ""])
    for comparison in found.comparisons:
        for row in comparison.rows:
            table.append(
                [
                    f"{comparison.text} · {row['cohort']} · {row['language']}",
                    _("Average"),
                    f"<{found.min_cell}" if row["suppressed"] else row["responses"],
                    "",
                    "" if row["suppressed"] else row["average"],
                ]
            )
    return table


def export(found: Results, kind: str) -> HttpResponseBase:
    name = f"questionnaire-{found.questionnaire.public_id}"
    header, *table = rows(found)
    if kind == "xlsx":
        return spreadsheets.xlsx_response(name, [(_("Results"), header, table)])
    return spreadsheets.csv_response(name, header, table)
