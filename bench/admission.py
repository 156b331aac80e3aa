"""Measures issue 13's figures: balanced admission and the public calendar of activities.

- balanced admission of 2,000 applicants into 100 seats (target under 1 s, constant queries):
  the proposal (`enrollments.admission.plan_for`) and confirming it, against the floor of
  reading the same 2,000 rows with one bare query on the same database;
- the public calendar with 1,000 published activities: queries (the same as with 10) and
  time per page, against the floor of a bare view through the same test client.

Usage (best with the real services: `make services-up`, then
`source /tmp/aula-services/services.env`; runs on SQLite too):
    .venv/bin/python bench/admission.py [--applicants 2000] [--seats 100] [--activities 1000]
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

TITLE = "Admisión · bench"
CALENDAR_TITLE = "Actividad · bench {n}"


def _timed(function: Any, repeat: int = 5) -> tuple[float, int, Any]:
    """Median seconds, queries of the last run, and its result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds = []
    result = None
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            result = function()
            seconds.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(seconds), queries, result


def clean() -> None:
    from accounts.models import User
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    cohorts = Cohort.objects.filter(title__in=[TITLE]) | Cohort.objects.filter(
        title__startswith="Actividad · bench"
    )
    Enrollment.objects.filter(cohort__in=cohorts).delete()
    courses = list(cohorts.values_list("course_id", flat=True))
    cohorts.delete()
    Course.objects.filter(pk__in=courses, code__startswith="BENCH-").delete()
    User.objects.filter(email__endswith="@admission.bench.example").delete()
    from accounts.models import MemberCity

    MemberCity.objects.filter(translations__name__startswith="Ciudad bench").delete()


def applicants_cohort(applicants: int, seats: int) -> Any:
    from django.utils import timezone

    from accounts.models import Country, Delegation, MemberCity, User
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    delegation = Delegation.objects.order_by("pk").first() or Delegation.objects.create(
        code="bench"
    )
    countries = []
    for n in range(10):
        country, _ = Country.objects.get_or_create(
            iso_code=f"Q{chr(ord('M') + n)}", defaults={"delegation": delegation}
        )
        countries.append(country)
    cities = []
    for n in range(40):
        city = MemberCity(country=countries[n % 10], delegation=delegation)
        city.set_current_language("es")
        city.name = f"Ciudad bench {n}"
        city.save()
        cities.append(city)
    course = Course.objects.create(code="BENCH-ADMISSION", nominal_hours=1)
    cohort = Cohort.objects.create(
        course=course,
        delegation=delegation,
        title=TITLE,
        language="es",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=1),
        enrollment_closes_at=timezone.now() + datetime.timedelta(days=20),
        capacity=seats,
        admission=Cohort.Admission.SELECTION,
        max_country_share=30,
        max_per_city=3,
        status=Cohort.Status.OPEN,
    )
    genders = ["woman", "man", "woman", "man", "", "own_words", "man"]
    now = timezone.now()
    people = User.objects.bulk_create(
        [
            User(
                email=f"a{n}@admission.bench.example",
                certificate_name=f"Persona {n}",
                member_city=cities[(n * 7) % 40] if n % 9 else None,
                gender=genders[n % len(genders)],
                gender_consent_at=now if genders[n % len(genders)] else None,
            )
            for n in range(applicants)
        ],
        batch_size=1000,
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                cohort=cohort,
                learner=person,
                status=Enrollment.Status.WAITLISTED,
                waitlisted_at=now - datetime.timedelta(minutes=applicants - n),
            )
            for n, person in enumerate(people)
        ],
        batch_size=1000,
    )
    return cohort


def admission(applicants: int, seats: int) -> None:
    from django.db import transaction

    from accounts.models import User
    from enrollments import admission as rules
    from enrollments.models import Enrollment

    cohort = applicants_cohort(applicants, seats)
    print(f"{applicants} applicants for {seats} seats (30 % per country, 3 per city)")
    few_cohort = applicants_cohort_small(cohort)
    _s, few_queries, _r = _timed(lambda: rules.plan_for(few_cohort), repeat=2)
    seconds, queries, plan = _timed(lambda: rules.plan_for(cohort))
    floor, _q, _r = _timed(
        lambda: list(
            Enrollment.objects.filter(cohort=cohort, status="waitlisted").values_list(
                "pk", "waitlisted_at", "learner__gender", "learner__member_city_id"
            )
        )
    )
    admitted = len(plan.selection.admitted)
    print(
        f"proposal: {seconds * 1000:.0f} ms (target < 1000 ms), {queries} queries "
        f"({few_queries} with 3 applicants); {admitted} seats given, {plan.selection.unfilled} "
        f"empty; floor (one bare query of the same rows) {floor * 1000:.0f} ms, "
        f"ratio {seconds / floor:.1f}×"
    )
    by = User.objects.order_by("pk").first()
    ids = [a.enrollment_id for a in plan.selection.admitted]

    def confirm() -> int:
        with transaction.atomic():
            done = len(rules.confirm(cohort=cohort, enrollment_ids=ids, by=by))
            transaction.set_rollback(True)
        return done

    seconds, queries, done = _timed(confirm)
    print(f"confirming {done} admissions: {seconds * 1000:.0f} ms, {queries} queries")


def applicants_cohort_small(cohort: Any) -> Any:
    """A copy of the cohort with three applicants: the query count must be the same."""
    from courses.models import Cohort
    from enrollments.models import Enrollment

    small = Cohort.objects.get(pk=cohort.pk)
    small.pk = None
    small.public_id = None
    small.id = None
    import uuid

    small.public_id = uuid.uuid4()
    small.title = "Actividad · bench small"
    small.save()
    for enrollment in Enrollment.objects.filter(cohort=cohort)[:3]:
        Enrollment.objects.create(
            cohort=small,
            learner_id=enrollment.learner_id,
            status="waitlisted",
            waitlisted_at=enrollment.waitlisted_at,
        )
    return small


def calendar(activities: int) -> None:
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from accounts.models import Delegation
    from activities.models import NetworkActivity
    from courses.models import Cohort, Course
    from meetings.models import Meeting

    delegation = Delegation.objects.order_by("pk").first()
    today = timezone.localdate()
    now = timezone.now()

    def make(count: int, start: int) -> None:
        courses = Course.objects.bulk_create(
            [Course(code=f"BENCH-CAL-{start + n}", nominal_hours=0) for n in range(count)]
        )
        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    course=course,
                    delegation=delegation,
                    title=CALENDAR_TITLE.format(n=start + n),
                    language="es",
                    starts_on=today + datetime.timedelta(days=1 + n % 300),
                    ends_on=today + datetime.timedelta(days=1 + n % 300),
                    enrollment_opens_at=now - datetime.timedelta(days=1),
                    enrollment_closes_at=now + datetime.timedelta(hours=12),
                    capacity=20,
                    admission=Cohort.Admission.SELECTION,
                    status=Cohort.Status.OPEN,
                )
                for n, course in enumerate(courses)
            ]
        )
        NetworkActivity.objects.bulk_create(
            [
                NetworkActivity(cohort=cohort, kind="seminar", description="Bench.")
                for cohort in cohorts
            ]
        )
        Meeting.objects.bulk_create(
            [
                Meeting(
                    cohort=cohort,
                    title=cohort.title,
                    kind="online",
                    starts_at=datetime.datetime.combine(
                        cohort.starts_on, datetime.time(15), tzinfo=datetime.UTC
                    ),
                    ends_at=datetime.datetime.combine(
                        cohort.starts_on, datetime.time(16), tzinfo=datetime.UTC
                    ),
                    time_zone="UTC",
                    meeting_url="https://meet.jit.si/bench",
                )
                for cohort in cohorts
            ]
        )

    client = Client()
    make(10, 0)
    _s, few, _r = _timed(lambda: client.get("/es/activities/"), repeat=2)
    make(activities - 10, 10)
    seconds, queries, response = _timed(lambda: client.get("/es/activities/"))
    assert response.status_code == 200
    with override_settings(ROOT_URLCONF="bench.floor"):
        floor, _q, _r = _timed(lambda: client.get("/bench/bare"))
    feed, feed_queries, _r = _timed(lambda: client.get("/es/activities/calendar.ics"), repeat=3)
    print(
        f"calendar with {activities} activities: page {seconds * 1000:.0f} ms, {queries} queries "
        f"({few} with 10); floor (a bare view, same client) {floor * 1000:.1f} ms, ratio "
        f"{seconds / floor:.0f}×; iCalendar feed of all of them {feed * 1000:.0f} ms, "
        f"{feed_queries} queries"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=2000)
    parser.add_argument("--seats", type=int, default=100)
    parser.add_argument("--activities", type=int, default=1000)
    arguments = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {connection.vendor}")
    clean()
    try:
        admission(arguments.applicants, arguments.seats)
        calendar(arguments.activities)
    finally:
        clean()


if __name__ == "__main__":
    main()
