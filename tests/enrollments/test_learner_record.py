"""The learner's record in an edition, reached from the roster: progress per lesson, attempts,
questionnaires answered, completion by hand with its reason and author, and the certificate
with revoke and correct, for those who follow the edition (and the learner, for their own)."""

from __future__ import annotations

import csv
import datetime
import io
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.models import Certificate
from cms.models import activity_iri
from enrollments import progress, services
from enrollments.models import Enrollment
from tests.factories import UserFactory, add_activity, translate

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def answered(key: str, raw: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:someone@example.org"},
        "verb": {"id": ANSWERED},
        "object": {"id": activity_iri(key), "objectType": "Activity"},
        "result": {"score": {"raw": raw, "max": 10}, "completion": True},
    }


@pytest.fixture
def enrollment(learner, cohort):
    return services.enroll_learner(learner=learner, cohort=cohort)


def record_url(enrollment: Enrollment) -> str:
    return f"/es/enrollments/{enrollment.public_id}/"


def test_a_trainer_sees_each_lesson_and_every_attempt_in_the_readers_language(
    learner, enrollment, site, cohort, trainer, signed_in
):
    key = add_activity(site["lesson"], "Prueba de la carta")
    translate(site["lesson"], "pt", title="Lição 1")
    progress.record_statements(learner=learner, statements=[answered(key, 4)])
    progress.record_statements(learner=learner, statements=[answered(key, 9)])
    cohort.trainers.add(trainer)

    page = signed_in(trainer).get(f"/pt/enrollments/{enrollment.public_id}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Lição 1" in text and "Lección 2" in text  # translated where it is, else the original
    assert "Prueba de la carta" in text
    assert "40 %" in text and "90 %" in text  # both attempts, each with its score
    assert learner.email in text


def test_the_roster_links_each_learner_to_their_record(enrollment, cohort, coordinator, signed_in):
    roster = signed_in(coordinator).get(f"/es/cohorts/{cohort.public_id}/roster/")
    assert record_url(enrollment) in roster.content.decode()


def test_completion_by_hand_keeps_its_reason_and_author_on_the_page_and_in_the_export(
    enrollment, cohort, coordinator, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/es/enrollments/{enrollment.public_id}/complete/",
            {"reason": "Asistió al taller presencial de Rosario"},
            follow=True,
        )
    text = response.content.decode()
    assert "Asistió al taller presencial de Rosario" in text
    assert coordinator.display_name in text
    enrollment.refresh_from_db()
    assert enrollment.status == "completed" and enrollment.completed_by == coordinator

    export = client.get(f"/api/v1/cohorts/{cohort.public_id}/roster/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0]["completed_by"] == coordinator.display_name
    assert rows[0]["completion_reason"] == "Asistió al taller presencial de Rosario"


def test_completion_by_hand_needs_a_reason_and_before_the_start_a_deliberate_force(
    enrollment, cohort, coordinator, signed_in
):
    client = signed_in(coordinator)
    url = f"/es/enrollments/{enrollment.public_id}/complete/"
    refused = client.post(url, {"reason": "  "}, follow=True).content.decode()
    assert "Indica por qué la completas manualmente." in refused
    cohort.starts_on = timezone.localdate() + datetime.timedelta(days=10)
    cohort.ends_on = cohort.starts_on + datetime.timedelta(days=30)
    cohort.save()
    early = client.post(url, {"reason": "Ya lo hizo"}, follow=True).content.decode()
    assert "force" in early or "forzar" in early.lower()
    enrollment.refresh_from_db()
    assert enrollment.status == "active"
    client.post(url, {"reason": "Ya lo hizo en la edición anterior", "force": "1"})
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"


@pytest.mark.parametrize("key", ["not-a-key", "0f0f0f0f-0000-4000-8000-000000000000"])
def test_completing_a_lesson_that_does_not_exist_is_refused(
    enrollment, coordinator, signed_in, key
):
    bogus = signed_in(coordinator).post(
        f"/es/enrollments/{enrollment.public_id}/complete/",
        {"reason": "Taller", "lesson": key},
        follow=True,
    )
    assert "Esa lección no existe." in bogus.content.decode()
    assert enrollment.lesson_progress.count() == 0
    assert Enrollment.objects.get(pk=enrollment.pk).status == "active"


def test_a_coordinator_revokes_and_corrects_a_certificate_by_its_code_from_the_record(
    enrollment, coordinator, signed_in, django_capture_on_commit_callbacks, learner
):
    client = signed_in(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/enrollments/{enrollment.public_id}/complete/", {"reason": "Taller"})
    first = Certificate.objects.get(enrollment=enrollment)
    page = client.get(record_url(enrollment)).content.decode()
    assert f"/certificates/{first.public_id}/revoke/" in page

    learner.certificate_name = "Ana María Pérez"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/certificates/{first.public_id}/correct/", {"reason": "Nombre completo"})
    second = Certificate.objects.get(replaces=first)
    assert second.status == "issued"

    # A note is required; the public reason must come from the list.
    client.post(
        f"/es/certificates/{second.public_id}/revoke/",
        {"reason": "", "public_reason": "issued_in_error"},
    )
    second.refresh_from_db()
    assert second.revoked_at is None
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            f"/es/certificates/{second.public_id}/revoke/",
            {"reason": "Duplicado del taller", "public_reason": "issued_in_error"},
            follow=True,
        ).content.decode()
    second.refresh_from_db()
    assert second.revoked_at is not None and second.public_reason == "issued_in_error"
    assert "Duplicado del taller" in done  # the internal note, shown to staff


def test_a_learner_sees_only_their_own_record_and_no_staff_actions(
    enrollment, other_learner, cohort, client, learner
):
    client.force_login(learner)
    own = client.get(record_url(enrollment))
    assert own.status_code == 200
    assert "/complete/" not in own.content.decode()
    other = services.enroll_learner(learner=other_learner, cohort=cohort)
    assert client.get(record_url(other)).status_code == 404
    assert (
        client.post(f"/es/enrollments/{other.public_id}/complete/", {"reason": "x"}).status_code
        == 404
    )


def test_staff_of_another_delegation_and_other_trainers_are_told_nothing(
    enrollment, outside_coordinator, signed_in
):
    trainer_elsewhere = UserFactory()
    for person in (outside_coordinator, trainer_elsewhere):
        client = signed_in(person)
        assert client.get(record_url(enrollment)).status_code == 404
        assert (
            client.post(f"/es/enrollments/{enrollment.public_id}/complete/", {"reason": "x"})
        ).status_code == 404
    assert Enrollment.objects.get(pk=enrollment.pk).status == "active"


def test_a_trainer_may_complete_but_only_coordinators_revoke(
    enrollment, cohort, trainer, signed_in, django_capture_on_commit_callbacks
):
    cohort.trainers.add(trainer)
    client = signed_in(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/enrollments/{enrollment.public_id}/complete/", {"reason": "Taller"})
    certificate = Certificate.objects.get(enrollment=enrollment)
    page = client.get(record_url(enrollment)).content.decode()
    assert "/revoke/" not in page
    response = client.post(
        f"/es/certificates/{certificate.public_id}/revoke/",
        {"reason": "x", "public_reason": "withdrawn"},
    )
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_record_asks_the_same_number_of_queries_however_many_attempts(
    learner, enrollment, site, coordinator, signed_in
):
    key = add_activity(site["lesson"], "Prueba")
    client = signed_in(coordinator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(record_url(enrollment)).status_code == 200
        return len(captured)

    progress.record_statements(learner=learner, statements=[answered(key, 3)])
    queries()  # the first page also fills caches
    few = queries()
    progress.record_statements(learner=learner, statements=[answered(key, n) for n in range(8)])
    assert queries() == few
