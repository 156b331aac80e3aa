"""Attendance per session, by gender, country and city: counts of people present, each
breakdown published with the same small-cell suppression as the other reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count

from accounts.models import Country
from courses.models import Cohort
from enrollments.reports.publishing import (
    consented_gender,
    gender_label,
    normalised_gender,
    pool_genders,
)
from enrollments.reports.suppression import Breakdown, Cell, breakdown, count
from enrollments.roster import city_names
from meetings.models import Attendance, Meeting

GENDER = consented_gender("enrollment__learner__")


@dataclass
class Row:
    label: str
    cell: Cell


@dataclass
class SessionFigures:
    meeting: Meeting
    present: Cell
    breakdowns: dict[str, list[Row]]  # "gender", "country", "city"
    withheld: set[str]


def _rows(published: Breakdown[Any], labels: dict[Any, str]) -> list[Row]:
    return [Row(labels.get(key, str(key)), cell) for key, cell in published.cells.items()]


def attendance(cohort: Cohort) -> list[SessionFigures]:
    """Three queries, whatever the number of sessions and people."""
    k = settings.REPORT_MIN_CELL
    meetings = list(cohort.meetings.filter(cancelled_at__isnull=True).order_by("starts_at"))  # type: ignore[attr-defined]
    rows = (
        Attendance.objects.filter(meeting__in=meetings, status=Attendance.Status.PRESENT)
        .annotate(gender=GENDER)
        .values(
            "meeting_id",
            "gender",
            "enrollment__learner__member_city__country_id",
            "enrollment__learner__member_city_id",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, dict[str, dict[Any, int]]] = defaultdict(
        lambda: {"gender": defaultdict(int), "country": defaultdict(int), "city": defaultdict(int)}
    )
    for row in rows:
        found = counts[row["meeting_id"]]
        found["gender"][normalised_gender(row["gender"] or "")] += row["n"]
        found["country"][row["enrollment__learner__member_city__country_id"]] += row["n"]
        found["city"][row["enrollment__learner__member_city_id"]] += row["n"]
    countries = {
        c.pk: c.safe_translation_getter("name", any_language=True) or c.iso_code
        for c in Country.objects.filter(
            pk__in={key for m in counts.values() for key in m["country"] if key}
        ).prefetch_related("translations")
    }
    cities = city_names({key for m in counts.values() for key in m["city"] if key})
    from django.utils.translation import gettext as _

    elsewhere = _("outside the network")
    figures = []
    country_labels: dict[Any, str] = {**countries, None: elsewhere}
    city_labels: dict[Any, str] = {**cities, None: elsewhere}
    for meeting in meetings:
        tally = counts.get(meeting.pk)
        total = sum(tally["city"].values()) if tally else 0
        present = count(total, min_cell=k)
        breakdowns: dict[str, list[Row]] = {}
        withheld: set[str] = set()
        if tally and present.value is not None:
            pooled, _any = pool_genders({g: (n, 0) for g, n in tally["gender"].items()}, k)
            genders = {g: n for g, (n, _c) in pooled.items()}
            for name, values, labels in (
                ("gender", genders, {g: gender_label(g) for g in genders}),
                ("country", dict(tally["country"]), country_labels),
                ("city", dict(tally["city"]), city_labels),
            ):
                published = breakdown(values, min_cell=k, total=present)
                if published.withheld:
                    withheld.add(name)
                else:
                    breakdowns[name] = _rows(published, labels)
        figures.append(SessionFigures(meeting, present, breakdowns, withheld))
    return figures
