"""Seats move: raised seats go to the waiting list; learners leave from "My courses"; the
edition's coordinators give a seat out of turn or withdraw someone from the roster."""

from __future__ import annotations

import pytest
from django.core import mail

from enrollments import services
from enrollments.models import Enrollment
from tests.factories import UserFactory


@pytest.fixture
def full(cohort):
    """Two seats taken, two people waiting (the first waited longer)."""
    people = UserFactory.create_batch(2) + [
        UserFactory(email="espera1@rosario.example", preferred_language="pt"),
        UserFactory(email="espera2@rosario.example"),
    ]
    for person in people:
        services.enroll_learner(learner=person, cohort=cohort)
    return people


def status_of(person) -> str:
    return Enrollment.objects.get(learner=person).status


def test_raising_the_seats_offers_them_to_the_waiting_list_at_once(
    cohort, full, signed_in, coordinator, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.patch(
            f"/api/v1/cohorts/{cohort.public_id}/",
            {"capacity": 3},
            content_type="application/json",
        )
    assert response.status_code == 200, response.json()
    assert [status_of(p) for p in full] == ["active", "active", "active", "waitlisted"]
    assert [m.to for m in mail.outbox] == [["espera1@rosario.example"]]
    assert "/pt/my-courses/" in mail.outbox[0].body  # told in their own language

    with django_capture_on_commit_callbacks(execute=True):
        cohort.refresh_from_db()
        cohort.capacity = None  # no limit any more: everyone waiting gets in
        cohort.save()
    assert status_of(full[3]) == "active"


def test_a_learner_leaves_an_edition_from_my_courses_and_the_next_one_gets_the_seat(
    cohort, full, client, django_capture_on_commit_callbacks
):
    client.force_login(full[0])
    page = client.get("/es/my-courses/").content.decode()
    assert "Abandonar esta edición" in page
    enrollment = Enrollment.objects.get(learner=full[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/es/enrollments/{enrollment.public_id}/withdraw/", follow=True)
    assert "Has abandonado Abril" in response.content.decode()
    assert status_of(full[0]) == "withdrawn"
    assert status_of(full[2]) == "active"
    # Someone else's enrolment is not theirs to leave, and is not even said to exist.
    other = Enrollment.objects.get(learner=full[1])
    assert client.post(f"/es/enrollments/{other.public_id}/withdraw/").status_code == 404
    assert status_of(full[1]) == "active"


def test_a_coordinator_gives_a_seat_out_of_turn_and_withdraws_from_the_roster(
    cohort, full, signed_in, coordinator, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    roster = client.get(f"/es/cohorts/{cohort.public_id}/roster/").content.decode()
    assert "Añadir una plaza" in roster and "Retirar" in roster
    second_in_line = Enrollment.objects.get(learner=full[3])

    # Every seat taken: choosing who gets in adds a seat for them, the first in line waits.
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            f"/es/enrollments/{second_in_line.public_id}/admit/", {"add_seat": "1"}, follow=True
        )
    assert "tiene una plaza" in done.content.decode()
    cohort.refresh_from_db()
    assert cohort.capacity == 3
    assert [status_of(p) for p in full] == ["active", "active", "waitlisted", "active"]
    assert [m.to for m in mail.outbox] == [[full[3].email]]
    again = client.post(f"/es/enrollments/{second_in_line.public_id}/admit/", {"add_seat": "1"})
    assert again.status_code == 302
    cohort.refresh_from_db()
    assert cohort.capacity == 3  # a repeated click changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/es/enrollments/{Enrollment.objects.get(learner=full[0]).public_id}/withdraw/"
        )
    assert status_of(full[0]) == "withdrawn"
    assert status_of(full[2]) == "active"  # the freed seat went to the first in line


def test_only_the_editions_coordinators_give_seats(
    cohort, full, signed_in, trainer, learner, coordinator
):
    cohort.trainers.add(trainer)
    waiting = Enrollment.objects.get(learner=full[3])
    for person, expected in ((trainer, 404), (full[0], 404)):
        client = signed_in(person)
        assert client.post(f"/es/enrollments/{waiting.public_id}/admit/").status_code == expected
        assert client.post(f"/api/v1/enrollments/{waiting.public_id}/admit/").status_code in (
            403,
            404,
        )
        client.logout()
    assert status_of(full[3]) == "waitlisted"
    api = signed_in(coordinator).post(f"/api/v1/enrollments/{waiting.public_id}/admit/")
    assert api.status_code == 409
    assert api.json()["code"] == "cohort_full"
