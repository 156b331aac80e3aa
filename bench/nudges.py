"""Measures issue 16's figure: deciding the welcomes, deadline notices and inactivity nudges
for 100,000 enrolments across 200 running editions (each with a module due in two days), with
queries that do not grow per learner, against the floor of the same stack: one bare
`INSERT … SELECT` writing a row per enrolment into the same table (what claiming costs with
no deciding at all).

Usage (best with the real services: `make services-up`, then
`source /tmp/aula-services/services.env`; runs on SQLite too):
    .venv/bin/python bench/nudges.py [--cohorts 200] [--learners 500]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

DOMAIN = "@nudges.bench.example"
TITLE = "Recordatorios · bench"
CODE = "BENCH-NUDGES"


def clean() -> None:
    from accounts.models import User
    from cms.models import CoursePage
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    cohorts = Cohort.objects.filter(title__startswith=TITLE)
    Enrollment.objects.filter(cohort__in=cohorts).delete()
    cohorts.delete()
    for page in CoursePage.objects.filter(course__code=CODE):
        page.delete()
    Course.objects.filter(code=CODE).delete()
    while User.objects.filter(email__endswith=DOMAIN).exists():
        ids = list(User.objects.filter(email__endswith=DOMAIN).values_list("pk", flat=True)[:5000])
        User.objects.filter(pk__in=ids).delete()


def course_with_a_module() -> tuple[Any, Any, list[Any]]:
    """A course page with one module of four lessons, indexed as publishing indexes them."""
    from wagtail.models import Locale, Page

    from cms.models import CourseLesson, CoursePage, LessonPage, ModulePage
    from courses.models import Course

    course = Course.objects.create(code=CODE, nominal_hours=4)
    root = Page.get_first_root_node()
    locale = Locale.get_default()
    page = root.add_child(
        instance=CoursePage(
            title="Curso bench",
            slug="curso-bench-nudges",
            course=course,
            locale=locale,
            summary="Bench.",
            duration="1 h",
        )
    )
    module = page.add_child(instance=ModulePage(title="Módulo 1", slug="modulo-1", locale=locale))
    lessons = [
        module.add_child(instance=LessonPage(title=f"Lección {n}", slug=f"l{n}", locale=locale))
        for n in range(4)
    ]
    CourseLesson.objects.bulk_create(
        [CourseLesson(course=course, lesson=lesson, path=lesson.path) for lesson in lessons]
    )
    return course, module, lessons


def editions(course: Any, module: Any, count: int) -> list[Any]:
    from django.utils import timezone

    from accounts.models import Delegation
    from courses.models import Cohort
    from enrollments.models import ModuleRelease

    today = timezone.localdate()
    delegation = Delegation.objects.order_by("pk").first() or Delegation.objects.create(
        code="bench"
    )
    cohorts = Cohort.objects.bulk_create(
        [
            Cohort(
                course=course,
                delegation=delegation,
                title=f"{TITLE} {n}",
                language="es",
                starts_on=today - datetime.timedelta(days=30),
                ends_on=today + datetime.timedelta(days=30),
                enrollment_opens_at=timezone.now() - datetime.timedelta(days=40),
                enrollment_closes_at=timezone.now() + datetime.timedelta(days=20),
                status=Cohort.Status.RUNNING,
                # Two settings, as real editions differ: one query each.
                inactivity_nudge_days=14 if n % 2 else 21,
            )
            for n in range(count)
        ]
    )
    ModuleRelease.objects.bulk_create(
        [
            ModuleRelease(cohort=c, module=module, due_on=today + datetime.timedelta(days=2))
            for c in cohorts
        ]
    )
    return cohorts


def enrol(cohorts: list[Any], lessons: list[Any], per_cohort: int, start: int) -> int:
    """`per_cohort` more learners in each edition: half joined lately, a third quiet for 25
    days, a quarter done with the module."""
    from django.utils import timezone

    from accounts.models import User
    from enrollments.models import Enrollment, LessonProgress

    now = timezone.now()
    made = 0
    for cohort in cohorts:
        users = User.objects.bulk_create(
            [
                User(email=f"c{cohort.pk}-{start + n}{DOMAIN}", first_name="P", password="!")
                for n in range(per_cohort)
            ]
        )
        enrollments = Enrollment.objects.bulk_create(
            [
                Enrollment(
                    cohort=cohort,
                    learner=u,
                    status="active",
                    # Half joined in the last days (they get a welcome), half at the start.
                    enrolled_at=now - datetime.timedelta(days=3 if n % 2 else 29),
                    last_activity_at=now - datetime.timedelta(days=25 if n % 3 == 0 else 2),
                )
                for n, u in enumerate(users)
            ]
        )
        LessonProgress.objects.bulk_create(
            [
                LessonProgress(enrollment=e, lesson=lesson, viewed_at=now, completed_at=now)
                for n, e in enumerate(enrollments)
                if n % 4 == 0
                for lesson in lessons
            ]
        )
        made += len(enrollments)
    return made


def decide_once() -> tuple[float, int, int, int]:
    """Seconds, queries, claims, and tasks queued by one beat (sending is the workers')."""
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from nudges import tasks
    from nudges.models import Nudge

    queued: list[Any] = []
    with (
        mock.patch.object(tasks.send_nudges, "delay", lambda *a: queued.append(a)),
        CaptureQueriesContext(connection) as captured,
    ):
        start = time.perf_counter()
        tasks.decide()
        seconds = time.perf_counter() - start
    # The database may hold other editions (the demo's): count the bench's own.
    ours = Nudge.objects.filter(enrollment__cohort__title__startswith=TITLE, sent_at=None).count()
    Nudge.objects.filter(enrollment__cohort__title__startswith=TITLE).update(sent_at=time_now())
    return seconds, len(captured), ours, len(queued)


def time_now() -> Any:
    from django.utils import timezone

    return timezone.now()


def floor(cohorts: list[Any]) -> float:
    """One bare INSERT … SELECT of a row per enrolment into the claims' table, then gone."""
    from django.db import connection
    from django.utils import timezone

    from enrollments.models import Enrollment
    from nudges.models import Nudge

    quote = connection.ops.quote_name
    table = quote(Nudge._meta.db_table)
    columns = ", ".join(
        quote(c) for c in ("enrollment_id", "kind", "key", "run", "claimed_at", "skipped")
    )
    source = quote(Enrollment._meta.db_table)
    ids = ", ".join(str(c.pk) for c in cohorts)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT id, 'floor', '', 'floor', %s, %s "
            f"FROM {source} WHERE cohort_id IN ({ids})",
            [timezone.now(), False],
        )
    seconds = time.perf_counter() - start
    Nudge.objects.filter(kind="floor").delete()
    return seconds


def rerun(course: Any, module: Any, lessons: list[Any]) -> None:
    """Re-running an edition with 40 lessons (half optional), 10 sessions and its modules'
    dates, against one with 2 sessions: the same queries."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from cms.models import CourseLesson, LessonPage
    from courses.models import Cohort
    from enrollments import reruns
    from enrollments.models import OptionalLesson
    from meetings.models import Meeting

    more = [
        module.add_child(instance=LessonPage(title=f"Extra {n}", slug=f"extra-{n}"))
        for n in range(36)
    ]
    CourseLesson.objects.bulk_create(
        [CourseLesson(course=course, lesson=lesson, path=lesson.path) for lesson in more]
    )
    source = Cohort.objects.filter(title__startswith=TITLE).order_by("pk").first()
    assert source is not None
    OptionalLesson.objects.bulk_create(
        [OptionalLesson(cohort=source, lesson=lesson) for lesson in (lessons + more)[::2]]
    )
    admin = get_user_model().objects.filter(
        is_superuser=True
    ).first() or get_user_model().objects.create(
        email=f"admin{DOMAIN}", is_superuser=True, is_staff=True, password="!"
    )

    def add_sessions(count: int) -> None:
        start = datetime.datetime.combine(source.starts_on, datetime.time(15), tzinfo=datetime.UTC)
        Meeting.objects.bulk_create(
            [
                Meeting(
                    cohort=source, title=f"Sesión {n}", kind=Meeting.Kind.ONLINE,
                    starts_at=start + datetime.timedelta(days=7 * n),
                    ends_at=start + datetime.timedelta(days=7 * n, hours=1),
                    time_zone="America/Argentina/Buenos_Aires", meeting_url="https://meet.jit.si/a",
                )
                for n in range(count)
            ]
        )  # fmt: skip

    def once(n: int) -> tuple[int, float]:
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            reruns.rerun(
                source=Cohort.objects.select_related("course").get(pk=source.pk),
                by=admin,
                title=f"{TITLE} copia {n}",
                starts_on=timezone.localdate() + datetime.timedelta(days=60),
            )
            seconds = time.perf_counter() - start
        return len(captured), seconds

    add_sessions(2)
    once(0)  # warms what is cached
    few, _s = once(1)
    add_sessions(8)
    queries, seconds = once(2)
    print(
        f"re-running an edition with 40 lessons (20 optional) and 10 sessions: {queries} queries "
        f"({few} with 2 sessions), {seconds * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cohorts", type=int, default=200)
    parser.add_argument("--learners", type=int, default=500, help="per edition")
    arguments = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from nudges.models import Nudge

    settings.DEBUG = False
    print(f"database: {connection.vendor}")
    clean()
    # Other editions in the database (the demo's) are decided too: their claims go at the end.
    before = Nudge.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        course, module, lessons = course_with_a_module()
        cohorts = editions(course, module, arguments.cohorts)
        few = enrol(cohorts, lessons, 5, 0)
        _s, few_queries, _c, _t = decide_once()
        Nudge.objects.filter(pk__gt=before).delete()
        start = time.perf_counter()
        total = few + enrol(cohorts, lessons, arguments.learners - 5, 5)
        took = time.perf_counter() - start
        print(f"set up {total} enrolments in {arguments.cohorts} editions in {took:.0f} s")
        bare = floor(cohorts)
        seconds, queries, claims, queued = decide_once()
        print(
            f"one beat for {total} enrolments: {claims} reminders decided and queued in "
            f"{queued} tasks in {seconds:.1f} s (target < 60 s); {queries} queries "
            f"({few_queries} for {few} enrolments: none per learner)"
        )
        print(
            f"floor (a bare INSERT … SELECT of one row per enrolment, same table) {bare:.2f} s; "
            f"ratio {seconds / bare:.1f}× for about {claims / total:.1f} reminders per enrolment"
        )
        again, again_queries, again_claims, _t = decide_once()
        print(
            f"the next beat, with nothing new: {again_claims} claims in {again:.1f} s, "
            f"{again_queries} queries"
        )
        rerun(course, module, lessons)
    finally:
        Nudge.objects.filter(pk__gt=before).delete()
        clean()


if __name__ == "__main__":
    main()
