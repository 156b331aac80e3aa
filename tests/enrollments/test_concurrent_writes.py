"""Many requests at once, on the embedded SQLite default and on PostgreSQL (issue 17, items 8
and 14): nobody gets a 500, a limit holds, and only the request that created says 201.

The suite's SQLite database lives in memory with a shared cache, where SQLite locks tables
instead of waiting; these tests copy it to a file, as `make run` uses, and each thread opens
the copy with the project's own connection settings (WAL, busy timeout, immediate
transactions)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from cms.models import activity_iri
from enrollments import services
from enrollments.models import Enrollment, Statement
from tests.factories import PASSWORD, CohortFactory, UserFactory, add_activity

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def shared_database(tmp_path) -> Callable[[], Any]:
    """Call once the data is in place; returns a context manager that points the current
    thread at the database the threads share (the file copy on SQLite)."""
    if connection.vendor != "sqlite":
        return lambda: nullcontext
    path = tmp_path / "aula.sqlite3"

    def share() -> Callable[[], Any]:
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        # As `migrate` leaves the file of `make run`: in WAL mode before any request comes (the
        # switch itself needs the file to itself; each later connection's pragma is a no-op).
        target.execute("PRAGMA journal_mode=WAL")
        target.close()
        settings_dict = {**connection.settings_dict, "NAME": str(path)}

        @contextmanager
        def on_the_copy() -> Iterator[None]:
            original = connections["default"]
            copy = original.__class__(settings_dict, "default")
            connections["default"] = copy
            try:
                yield
            finally:
                copy.close()
                connections["default"] = original

        return on_the_copy

    return share


def run_at_once(count: int, work: Callable[[int], Any], on_the_copy: Callable[[], Any]) -> list:
    results: list = [None] * count
    barrier = threading.Barrier(count)

    def worker(n: int) -> None:
        with on_the_copy():
            barrier.wait()
            results[n] = work(n)
        connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def signed_in_client(user) -> Client:
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


def test_twenty_learners_enrolling_at_once_never_exceed_the_seats(site, city, shared_database):
    cohort = CohortFactory(
        course=site["course"].course, delegation=city.delegation, capacity=3, has_waiting_list=False
    )
    clients = [signed_in_client(person) for person in UserFactory.create_batch(20)]
    on_the_copy = shared_database()
    url = f"/api/v1/cohorts/{cohort.public_id}/enroll/"

    statuses = run_at_once(20, lambda n: clients[n].post(url).status_code, on_the_copy)

    assert sorted(statuses) == [201] * 3 + [409] * 17
    with on_the_copy():
        assert Enrollment.objects.filter(cohort=cohort, status="active").count() == 3


def test_one_learner_enrolling_ten_times_at_once_is_created_once(
    site, city, learner, shared_database
):
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    clients = [signed_in_client(learner) for _ in range(10)]
    on_the_copy = shared_database()
    url = f"/api/v1/cohorts/{cohort.public_id}/enroll/"

    statuses = run_at_once(10, lambda n: clients[n].post(url).status_code, on_the_copy)

    assert sorted(statuses) == [200] * 9 + [201]
    with on_the_copy():
        assert Enrollment.objects.filter(cohort=cohort, learner=learner).count() == 1


def test_the_lesson_page_answers_while_the_player_posts_statements(
    site, cohort, learner, shared_database
):
    services.enroll_learner(learner=learner, cohort=cohort)
    key = add_activity(site["lesson"])
    clients = [signed_in_client(learner) for _ in range(12)]
    on_the_copy = shared_database()
    lesson = site["lesson"].url

    def work(n: int) -> int:
        if n % 2:
            return clients[n].get(lesson).status_code
        statement = {
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": activity_iri(key)},
            "result": {"score": {"raw": n, "max": 12}},
        }
        return (
            clients[n]
            .post("/api/v1/xapi/statements", statement, content_type="application/json")
            .status_code
        )

    assert run_at_once(12, work, on_the_copy) == [200] * 12
    with on_the_copy():
        assert Statement.objects.count() == 6


def test_two_reminder_beats_at_once_send_one_of_each(site, city, shared_database):
    """Issue 16: the hourly beat running twice at the same moment (two schedulers, a retry)
    claims each reminder once; each learner gets one welcome."""
    import datetime

    from django.core import mail
    from django.utils import timezone

    from nudges import tasks
    from nudges.models import Nudge

    cohort = CohortFactory(
        course=site["course"].course, delegation=city.delegation, status="running",
        starts_on=timezone.localdate() - datetime.timedelta(days=1),
    )  # fmt: skip
    for person in UserFactory.create_batch(12):
        Enrollment.objects.create(
            cohort=cohort, learner=person, status="active", enrolled_at=timezone.now()
        )
    on_the_copy = shared_database()
    mail.outbox.clear()

    claimed = run_at_once(4, lambda n: tasks.decide(), on_the_copy)

    assert sum(claimed) == 12
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Enrollment.objects.filter(cohort=cohort).values_list("learner__email", flat=True)
    )
    with on_the_copy():
        assert Nudge.objects.filter(sent_at__isnull=False).count() == 12
