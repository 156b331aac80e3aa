"""Twenty learners booking a session of three places at once, on SQLite and PostgreSQL: three
get a place, the rest a clear refusal, nobody a 500; and scanning at once counts each once."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from enrollments.models import Enrollment
from meetings import services
from meetings.models import Attendance, Booking, Meeting
from tests.enrollments import test_concurrent_writes as concurrent
from tests.enrollments.test_concurrent_writes import run_at_once, signed_in_client
from tests.factories import CohortFactory, UserFactory

shared_database = concurrent.shared_database  # the fixture: a file copy of SQLite's database

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def crowded(site, city):
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation, capacity=50)
    people = UserFactory.create_batch(20)
    for person in people:
        Enrollment.objects.create(
            cohort=cohort, learner=person, status="active", enrolled_at=timezone.now()
        )
    starts = timezone.now() - datetime.timedelta(minutes=5)
    meeting = Meeting.objects.create(
        cohort=cohort,
        title="Taller",
        kind="face_to_face",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="America/Argentina/Buenos_Aires",
        venue_name="Sala",
        venue_city="Rosario",
        seats=3,
    )
    return meeting, people


def test_twenty_learners_booking_three_places_at_once_take_three(crowded, shared_database):
    meeting, people = crowded
    clients = [signed_in_client(person) for person in people]
    on_the_copy = shared_database()
    url = f"/api/v1/sessions/{meeting.public_id}/booking/"

    statuses = run_at_once(20, lambda n: clients[n].post(url).status_code, on_the_copy)

    assert sorted(statuses) == [200] * 3 + [400] * 17
    with on_the_copy():
        assert Booking.objects.filter(meeting=meeting).count() == 3


def test_one_learner_scanning_ten_times_at_once_is_present_once(crowded, shared_database):
    meeting, people = crowded
    clients = [signed_in_client(people[0]) for _ in range(10)]
    on_the_copy = shared_database()
    url = f"/api/v1/sessions/{meeting.public_id}/check-in/"
    code = services.check_in_code(meeting)

    statuses = run_at_once(
        10,
        lambda n: clients[n].post(url, {"code": code}, content_type="application/json").status_code,
        on_the_copy,
    )

    assert statuses == [200] * 10
    with on_the_copy():
        assert Attendance.objects.filter(meeting=meeting).count() == 1
        assert Attendance.objects.get(meeting=meeting).changes.count() == 1
