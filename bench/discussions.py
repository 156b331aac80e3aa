"""Measures issue 14's figures: a thread with 500 replies and a board with 1,000 threads
(queries the same as with a few, p50 time, against the floor of a bare view through the same
client and database), and queuing the daily digest for 10,000 followers.

Usage (best with the real services: `make services-up`, then
`source /tmp/aula-services/services.env`; runs on SQLite too):
    .venv/bin/python bench/discussions.py [--replies 500] [--threads 1000] [--followers 10000]
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

DOMAIN = "@discussions.bench.example"
TITLE = "Debates · bench"


def _timed(function: Any, repeat: int = 9) -> tuple[float, int, Any]:
    """Median seconds, queries of the last run, and its result (after one warm-up)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()
    seconds, queries, result = [], 0, None
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

    cohorts = Cohort.objects.filter(title=TITLE)
    courses = list(cohorts.values_list("course_id", flat=True))
    from enrollments.models import Enrollment

    Enrollment.objects.filter(cohort__in=cohorts).delete()
    cohorts.delete()
    Course.objects.filter(pk__in=courses).delete()
    User.objects.filter(email__endswith=DOMAIN).delete()


def setup(people: int) -> tuple[Any, list[Any]]:
    from django.utils import timezone

    from accounts.models import Delegation, User
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    delegation = Delegation.objects.order_by("pk").first() or Delegation.objects.create(
        code="bench"
    )
    course = Course.objects.create(code="BENCH-DISCUSS", nominal_hours=1)
    cohort = Cohort.objects.create(
        course=course,
        delegation=delegation,
        title=TITLE,
        language="es",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=1),
        enrollment_closes_at=timezone.now() + datetime.timedelta(days=20),
        status=Cohort.Status.OPEN,
    )
    users = User.objects.bulk_create(
        [
            User(email=f"p{n}{DOMAIN}", first_name="Persona", last_name=str(n), password="!")
            for n in range(people)
        ],
        batch_size=2000,
    )
    Enrollment.objects.bulk_create(
        [Enrollment(cohort=cohort, learner=u, status="active") for u in users], batch_size=2000
    )
    return cohort, users


def pages(cohort: Any, users: list[Any], replies: int, threads: int) -> None:
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from discussions.models import Post, Thread

    now = timezone.now()
    body = "Una respuesta de longitud normal: una idea, un ejemplo y una pregunta a las demás."
    thread = Thread.objects.create(cohort=cohort, title="Hilo largo", author=users[0])
    Post.objects.create(
        thread=thread, author=users[0], body=body, html=f"<p>{body}</p>", language="es"
    )
    client = Client()
    client.force_login(users[0])
    url = f"/es/discussions/{thread.public_id}/"
    board = f"/es/cohorts/{cohort.public_id}/discussions/"

    def add_replies(count: int, start: int) -> None:
        Post.objects.bulk_create(
            [
                Post(
                    thread=thread,
                    author=users[(start + n) % len(users)],
                    body=body,
                    html=f"<p>{body}</p>",
                    language="es",
                    created_at=now + datetime.timedelta(seconds=start + n),
                )
                for n in range(count)
            ]
        )

    add_replies(5, 0)
    _s, few, _r = _timed(lambda: client.get(url), repeat=2)
    add_replies(replies - 5, 5)
    seconds, queries, response = _timed(lambda: client.get(url))
    assert response.status_code == 200
    with override_settings(ROOT_URLCONF="bench.floor"):
        floor, _q, _r = _timed(lambda: client.get("/bench/bare"))
    print(
        f"thread with {replies} replies: p50 {seconds * 1000:.0f} ms (target < 150 ms), "
        f"{queries} queries ({few} with 5), {len(response.content) // 1024} KB; floor (a bare "
        f"view, same client) {floor * 1000:.1f} ms, ratio {seconds / floor:.0f}×"
    )
    Thread.objects.bulk_create(
        [Thread(cohort=cohort, title=f"Hilo {n}", author=users[n % len(users)]) for n in range(9)]
    )
    _s, few, _r = _timed(lambda: client.get(board), repeat=2)
    Thread.objects.bulk_create(
        [
            Thread(cohort=cohort, title=f"Hilo {n}", author=users[n % len(users)])
            for n in range(9, threads - 1)
        ],
        batch_size=1000,
    )
    seconds, queries, response = _timed(lambda: client.get(board))
    assert response.status_code == 200
    print(
        f"board with {threads} threads: p50 {seconds * 1000:.0f} ms (target < 150 ms), "
        f"{queries} queries ({few} with 10); ratio to the floor {seconds / floor:.0f}×"
    )


def digest(cohort: Any, users: list[Any], followers: int) -> None:
    from unittest import mock

    from django.utils import timezone

    from discussions import tasks
    from discussions.models import Follow, Post, Thread

    thread = Thread.objects.create(cohort=cohort, title="Hilo seguido", author=users[0])
    Follow.objects.bulk_create(
        [Follow(thread=thread, user=u) for u in users[:followers]], batch_size=5000
    )
    Post.objects.create(thread=thread, author=users[0], body="Novedad", html="<p>Novedad</p>",
                        language="es", created_at=timezone.now())  # fmt: skip
    Thread.objects.filter(pk=thread.pk).update(last_post_at=timezone.now())
    queued: list[Any] = []
    # Measured: finding who is due and queuing their batches (not sending: the workers do).
    with mock.patch.object(tasks.send_digests, "delay", lambda *a: queued.append(a)):
        start = time.perf_counter()
        people = tasks.queue_digests()
        seconds = time.perf_counter() - start
    print(
        f"daily digest for {followers} followers: {people} people in {len(queued)} tasks "
        f"queued in {seconds:.2f} s (target < 60 s)"
    )
    from discussions import emails

    start = time.perf_counter()
    sent = emails.send_digests(user_ids=list(queued[0][0]), now=timezone.now())
    one = time.perf_counter() - start
    print(f"one task of {len(queued[0][0])} digests ({sent} e-mails): {one:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=500)
    parser.add_argument("--threads", type=int, default=1000)
    parser.add_argument("--followers", type=int, default=10000)
    arguments = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    print(f"database: {connection.vendor}")
    clean()
    try:
        cohort, users = setup(max(arguments.followers, 50))
        pages(cohort, users, arguments.replies, arguments.threads)
        digest(cohort, users, arguments.followers)
    finally:
        clean()


if __name__ == "__main__":
    main()
