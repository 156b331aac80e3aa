"""Measures sessions at the sizes of issue 12, on PostgreSQL with Redis as the broker:

- reminders for a cohort of 10,000 learners: claiming them and queuing their e-mails
  (target under 30 s), then rendering every e-mail with its calendar file (as the workers do);
- a calendar feed of 50 sessions and the register of 500 participants: queries and time;
- check-in of 200 learners at once from 20 threads: time against the floor of 200 bare INSERTs
  from the same threads, and no lost or double record (each scans twice).

Usage (needs the real services: `make services-up`, then `source /tmp/aula-services/services.env`):
    .venv/bin/python bench/sessions.py [--learners 10000]
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

EMAILS = "sessions-bench-{n}@bench.example"
TITLE = "Sesiones · bench"


def fresh_cohort(learners: int) -> tuple[Any, list[Any]]:
    from django.utils import timezone

    from accounts.models import Delegation, User
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    Enrollment.objects.filter(cohort__title=TITLE).delete()  # enrolments protect their cohort
    Cohort.objects.filter(title=TITLE).delete()
    User.objects.filter(email__endswith="@bench.example", email__startswith="sessions-").delete()
    course = Course.objects.order_by("pk").first()
    cohort = Cohort.objects.create(
        course=course,
        delegation=Delegation.objects.order_by("pk").first(),
        title=TITLE,
        language="es",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=60),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=1),
        enrollment_closes_at=timezone.now() + datetime.timedelta(days=30),
        capacity=learners,
        status=Cohort.Status.OPEN,
    )
    zones = ["America/Mexico_City", "America/Sao_Paulo", "Europe/Madrid", ""]
    languages = ["es", "pt", "fr", "en", "ca"]
    people = User.objects.bulk_create(
        [
            User(
                email=EMAILS.format(n=n),
                first_name=f"Persona {n}",
                preferred_language=languages[n % 5],
                time_zone=zones[n % 4],
            )
            for n in range(learners)
        ],
        batch_size=5000,
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        [
            Enrollment(
                cohort=cohort, learner=person, status=Enrollment.Status.ACTIVE, enrolled_at=now
            )
            for person in people
        ],
        batch_size=5000,
    )
    return cohort, enrollments


def meeting(cohort: Any, *, in_minutes: int, **fields: Any) -> Any:
    from django.utils import timezone

    from meetings.models import Meeting

    starts = timezone.now() + datetime.timedelta(minutes=in_minutes)
    values = {
        "title": "Webinario",
        "kind": Meeting.Kind.ONLINE,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=1),
        "time_zone": "America/Argentina/Buenos_Aires",
        "meeting_url": "https://meet.jit.si/bench",
    }
    values.update(fields)
    return Meeting.objects.create(cohort=cohort, **values)


def timed(run: Any, runs: int = 3) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--checkins", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.db import close_old_connections, connection, reset_queries, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from cms.demo.seed import seed_demo
    from config.celery import app
    from meetings import emails, services
    from meetings.models import Attendance, AttendanceChange

    if connection.vendor != "postgresql":
        sys.exit("Run the bench on PostgreSQL: source /tmp/aula-services/services.env first.")
    call_command("migrate", verbosity=0)
    seed_demo()
    cohort, enrollments = fresh_cohort(args.learners)
    print(f"cohort of {len(enrollments)} learners")

    # 1. Reminders: claimed once, queued in batches of 500 through the broker.
    soon = meeting(cohort, in_minutes=50)
    app.conf.task_always_eager = False
    people = emails.recipients(soon)
    start = time.perf_counter()
    with transaction.atomic():
        claimed = services.due_reminders()
    # What the worker does with each task queued on commit: split the people into batches,
    # each queued through the broker.
    for pk, kind in claimed:
        emails.send_meeting_notices(meeting_id=pk, change=kind)
    queued = len(claimed) * -(-len(people) // emails.BATCH)
    queue_seconds = time.perf_counter() - start
    again = services.due_reminders()
    print(
        f"reminders (24 h and 1 h, both due): {len(people)} people, {queued} tasks queued in "
        f"{queue_seconds:.2f} s "
        f"(target < 30 s: {queue_seconds / 30:.0%} of it); a second run claims {len(again)}"
    )
    # What the workers then do, here in one process: render and hand over every e-mail.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    start = time.perf_counter()
    for first in range(0, len(people), emails.BATCH):
        emails.send_meeting_notice(
            meeting_id=soon.pk, change="hour_before", user_ids=people[first : first + emails.BATCH]
        )
    render_seconds = time.perf_counter() - start
    print(
        f"  rendering {len(mail.outbox)} e-mails with calendar files: {render_seconds:.1f} s "
        f"({len(mail.outbox) / render_seconds:.0f} per second in one process)"
    )
    mail.outbox = []

    # 2. A feed of 50 sessions, and the register of 500 participants.
    learner = enrollments[0].learner
    for n in range(49):
        meeting(cohort, in_minutes=60 * 24 * (n + 1), title=f"Sesión {n}")
    feed = services.feed_of(user=learner)
    client = Client(HTTP_HOST="localhost")
    reset_queries()  # with DEBUG on, the log of the set-up above is full
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/calendar/{feed.token}.ics")
    median, best = timed(lambda: client.get(f"/calendar/{feed.token}.ics"))
    print(
        f"feed of 50 sessions: {len(queries)} queries, "
        f"{median * 1000:.0f} ms (best {best * 1000:.0f})"
    )
    register = meeting(cohort, in_minutes=-10, title="Registro")
    statuses = {str(e.public_id): "present" for e in enrollments[:500]}
    admin = User.objects.filter(is_superuser=True).first()
    start = time.perf_counter()
    services.set_attendance(meeting=register, by=admin, statuses=statuses)
    set_seconds = time.perf_counter() - start
    staff = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(admin)
    cohort.capacity = 500
    url = f"/en/sessions/{register.public_id}/register/"
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        staff.get(url)
    median, best = timed(lambda: staff.get(url))
    print(
        f"register: 500 set in {set_seconds:.2f} s; its first page (of {len(enrollments)} "
        f"participants): {len(queries)} queries, {median * 1000:.0f} ms"
    )

    # 3. Check-in of 200 learners at once, each scanning twice.
    workshop = meeting(
        cohort,
        in_minutes=-5,
        title="Taller",
        kind="face_to_face",
        meeting_url="",
        venue_name="Sala",
        venue_city="Rosario",
    )
    people_in = [e.learner for e in enrollments[: args.checkins]]
    code = services.check_in_code(workshop)

    def scan(person: Any) -> None:
        try:
            services.check_in(meeting=workshop, user=person, code=code)
        finally:
            close_old_connections()

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_checkin_floor (id bigserial, n int)")
        cursor.execute("TRUNCATE bench_checkin_floor")

    def floor(person: Any) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO bench_checkin_floor (n) VALUES (%s)", [person.pk])
        finally:
            close_old_connections()

    with ThreadPoolExecutor(20) as pool:
        start = time.perf_counter()
        list(pool.map(floor, people_in))
        floor_seconds = time.perf_counter() - start
        start = time.perf_counter()
        list(pool.map(scan, people_in + people_in))
        checkin_seconds = time.perf_counter() - start
    present = Attendance.objects.filter(meeting=workshop, status="present").count()
    changes = AttendanceChange.objects.filter(attendance__meeting=workshop).count()
    print(
        f"check-in: {len(people_in)} learners scanning twice from 20 threads in "
        f"{checkin_seconds:.2f} s (target < 60 s); floor (one bare INSERT each) "
        f"{floor_seconds:.2f} s, ratio {checkin_seconds / floor_seconds:.1f}×; "
        f"{present} present, {changes} history lines (expected {len(people_in)} each)"
    )


if __name__ == "__main__":
    main()
