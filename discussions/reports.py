"""Discussions in the reports: threads, posts, and the people who posted, by country and
gender, every count of people suppressed as the rest of the report. For one cohort (its
report) or several (a delegation's period: a person posting in two cohorts counts once)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count

from accounts.models import Country
from courses.models import Cohort
from discussions.models import Post, Thread
from enrollments.reports.publishing import (
    consented_gender,
    gender_label,
    normalised_gender,
    pool_genders,
)
from enrollments.reports.suppression import Cell, breakdown, count

AUTHOR_GENDER = consented_gender("author__")


@dataclass(frozen=True)
class Row:
    label: str
    people: Cell


@dataclass(frozen=True)
class DiscussionFigures:
    threads: int
    posts: int
    people: Cell
    countries: list[Row]
    countries_withheld: bool
    genders: list[Row]
    genders_withheld: bool


def figures(cohorts: Cohort | Iterable[Cohort]) -> DiscussionFigures:
    """Shown posts only (not hidden or deleted); people counted once. Five queries."""
    k = int(settings.REPORT_MIN_CELL)
    ids = [cohorts.pk] if isinstance(cohorts, Cohort) else [c.pk for c in cohorts]
    posts = Post.objects.filter(
        thread__cohort__in=ids, hidden_at=None, deleted_at=None, author__isnull=False
    )
    totals = posts.aggregate(posts=Count("pk"), people=Count("author", distinct=True))
    people = count(totals["people"], min_cell=k)
    by_country = {
        row["author__member_city__country"] or 0: row["n"]
        for row in posts.values("author__member_city__country")
        .annotate(n=Count("author", distinct=True))
        .order_by()
    }
    countries = breakdown(by_country, min_cell=k, total=people)
    names = {
        c.pk: str(c)
        for c in Country.objects.filter(pk__in=list(by_country)).prefetch_related("translations")
    }
    answers: dict[str, tuple[int, int]] = {}
    for row in (
        posts.annotate(gender=AUTHOR_GENDER)
        .values("gender")
        .annotate(n=Count("author", distinct=True))
        .order_by()
    ):
        key = normalised_gender(row["gender"])
        before = answers.get(key, (0, 0))
        answers[key] = (before[0] + row["n"], 0)
    pooled, _any = pool_genders(answers, k)
    genders = breakdown({a: n for a, (n, _c) in pooled.items()}, min_cell=k, total=people)
    from django.utils.translation import gettext as _

    return DiscussionFigures(
        threads=Thread.objects.filter(cohort__in=ids).count(),
        posts=totals["posts"],
        people=people,
        countries=[
            Row(names.get(key, "") if key else _("Not stated"), cell)
            for key, cell in countries.cells.items()
        ],
        countries_withheld=countries.withheld,
        genders=[Row(gender_label(key), cell) for key, cell in genders.cells.items()],
        genders_withheld=genders.withheld,
    )
