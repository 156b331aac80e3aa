"""Who is due a reminder, decided in the database.

Each rule selects the enrolments due under it and inserts their claims in one statement
(`INSERT … SELECT … ON CONFLICT DO NOTHING`): a learner never enters Python to be decided, so
100,000 enrolments cost the same few queries as ten, and a claim that exists already (the
rule was applied before, or another beat is applying it now) is skipped by the unique
constraint. The run then sends exactly the claims it inserted.

- welcome: once per enrolment, in the edition's first week or the learner's (never to
  someone well into it, e.g. when reminders are first switched on);
- deadline: once per module and due date, from NOTICE_DAYS before the date until the day
  itself, to those who have not finished the module's required lessons;
- inactive: once per spell, to those who have not taken part for the edition's number of days
  (the key is the last moment they were seen: taking part again starts a new spell).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from cms.models import CourseLesson
from courses.models import Cohort
from enrollments.models import Enrollment, LessonProgress, ModuleRelease, OptionalLesson
from nudges.models import Kind, Nudge

NOTICE_DAYS = 3
WELCOME_DAYS = 7
RUNNING = [Cohort.Status.OPEN, Cohort.Status.RUNNING]


@dataclass
class Decided:
    run: str
    claimed: int


def _claim(
    enrollments: QuerySet[Enrollment], *, kind: str, key: object, run: str, now: datetime.datetime
) -> None:
    """Inserts a claim for each enrolment of the queryset, in one statement."""
    key_expr = key if hasattr(key, "resolve_expression") else Value(str(key))
    rows = (
        enrollments.order_by()
        .annotate(
            c_enrollment=F("pk"),
            c_kind=Value(kind),
            c_key=key_expr,
            c_run=Value(run),
            c_at=Value(now, output_field=DateTimeField()),
            c_skipped=Value(False),
        )
        .values_list("c_enrollment", "c_kind", "c_key", "c_run", "c_at", "c_skipped")
    )
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(c) for c in ("enrollment_id", "kind", "key", "run", "claimed_at", "skipped")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(Nudge._meta.db_table)} ({columns}) {sql} ON CONFLICT DO NOTHING",
            params,
        )


def _active(today: datetime.date) -> QuerySet[Enrollment]:
    """Active enrolments of course editions running today."""
    return Enrollment.objects.filter(
        status=Enrollment.Status.ACTIVE,
        cohort__status__in=RUNNING,
        cohort__starts_on__lte=today,
        cohort__ends_on__gte=today,
        cohort__course__is_activity=False,
    )


def required_lesson_ids(release: ModuleRelease) -> list[int]:
    """The module's live lessons the edition requires (all but its optional ones)."""
    return list(
        CourseLesson.objects.filter(
            course_id=release.cohort.course_id,
            is_live=True,
            path__startswith=release.module.path,
        )
        .exclude(
            lesson__in=OptionalLesson.objects.filter(cohort_id=release.cohort_id).values("lesson")
        )
        .values_list("lesson_id", flat=True)
    )


def unfinished(enrollments: QuerySet[Enrollment], lesson_ids: list[int]) -> QuerySet[Enrollment]:
    """Those who have not completed every one of these lessons."""
    done = (
        LessonProgress.objects.filter(
            enrollment=OuterRef("pk"), lesson_id__in=lesson_ids, completed_at__isnull=False
        )
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return enrollments.annotate(done=Coalesce(Subquery(done), 0)).filter(done__lt=len(lesson_ids))


def deadline_key(release: ModuleRelease) -> str:
    return f"{release.module_id}:{release.due_on.isoformat() if release.due_on else ''}"


def decide(*, now: datetime.datetime | None = None) -> Decided:
    """Claims every reminder due now. Queries: one per rule, plus two per deadline within
    NOTICE_DAYS and one per distinct inactivity setting; none per learner."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    run = uuid.uuid4().hex
    running = _active(today)

    week = datetime.timedelta(days=WELCOME_DAYS)
    newcomers = running.filter(
        Q(cohort__starts_on__gte=today - week) | Q(enrolled_at__gte=now - week)
    )
    _claim(newcomers, kind=Kind.WELCOME, key="", run=run, now=now)

    releases = ModuleRelease.objects.filter(
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=NOTICE_DAYS),
        cohort__status__in=RUNNING,
        cohort__starts_on__lte=today,
        cohort__course__is_activity=False,
    ).select_related("cohort", "module")
    for release in releases:
        lessons = required_lesson_ids(release)
        if lessons:
            _claim(
                unfinished(running.filter(cohort_id=release.cohort_id), lessons),
                kind=Kind.DEADLINE,
                key=deadline_key(release),
                run=run,
                now=now,
            )

    settings = (
        Cohort.objects.filter(
            status__in=RUNNING, ends_on__gte=today, inactivity_nudge_days__isnull=False
        )
        .values_list("inactivity_nudge_days", flat=True)
        .distinct()
        .order_by()
    )
    for days in settings:
        spell = datetime.timedelta(days=int(days or 0))
        inactive = (
            running.filter(cohort__inactivity_nudge_days=days, cohort__starts_on__lte=today - spell)
            .annotate(seen=Coalesce("last_activity_at", "enrolled_at"))
            .filter(seen__lt=now - spell)
        )
        _claim(
            inactive,
            kind=Kind.INACTIVE,
            key=Cast("seen", output_field=CharField()),
            run=run,
            now=now,
        )
    return Decided(run=run, claimed=Nudge.objects.filter(run=run).count())
