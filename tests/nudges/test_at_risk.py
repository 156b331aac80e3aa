"""Issue 16: an edition's trainers and coordinators see who is at risk (inactive, behind on a
deadline) and write to a selection, each learner reading it in their language; nobody else
sees the list or writes; a message sent twice goes once."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enrollments import progress
from enrollments.models import Enrollment, ModuleRelease
from nudges import services
from nudges.models import Delivery
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(site, city):
    return CohortFactory(
        course=site["course"].course,
        delegation=city.delegation,
        title="Edición 2027",
        status="running",
        starts_on=timezone.localdate() - datetime.timedelta(days=40),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )


def enrol(cohort, *, seen_days_ago, language="es", learner=None):
    return Enrollment.objects.create(
        cohort=cohort,
        learner=learner or UserFactory(preferred_language=language),
        status="active",
        enrolled_at=timezone.now() - datetime.timedelta(days=35),
        last_activity_at=timezone.now() - datetime.timedelta(days=seen_days_ago),
    )


def test_the_list_names_the_inactive_and_those_behind_a_deadline(
    signed_in, site, running, coordinator
):
    ModuleRelease.objects.create(
        cohort=running,
        module=site["module"],
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    quiet = enrol(running, seen_days_ago=20)
    behind = enrol(running, seen_days_ago=1)
    fine = enrol(running, seen_days_ago=1)
    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=fine.learner, lesson=lesson)

    rows = {row.enrollment.pk: row for row in services.at_risk(running)}

    assert set(rows) == {quiet.pk, behind.pk}
    assert rows[quiet.pk].inactive and rows[behind.pk].behind[0][0].title == "Primer módulo"
    assert not rows[behind.pk].inactive
    page = signed_in(coordinator).get(f"/en/cohorts/{running.public_id}/at-risk/")
    assert page.status_code == 200
    assert "“Primer módulo” was due on" in page.content.decode()
    api = signed_in(coordinator).get(f"/api/v1/cohorts/{running.public_id}/at-risk/").json()
    assert {row["enrollment"] for row in api} == {str(quiet.public_id), str(behind.public_id)}


def test_the_list_costs_the_same_queries_for_many_learners(site, running):
    ModuleRelease.objects.create(
        cohort=running,
        module=site["module"],
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    enrol(running, seen_days_ago=20)
    with CaptureQueriesContext(connection) as one:
        services.at_risk(running)
    for _ in range(10):
        enrol(running, seen_days_ago=20)
    with CaptureQueriesContext(connection) as eleven:
        assert len(services.at_risk(running)) == 11
    assert len(eleven) == len(one)


def test_learners_trainers_of_other_editions_and_other_delegations_are_refused(
    signed_in, running, learner, trainer, outside_coordinator
):
    enrol(running, seen_days_ago=20, learner=learner)
    for person in (learner, trainer, outside_coordinator):
        client = signed_in(person)
        assert client.get(f"/en/cohorts/{running.public_id}/at-risk/").status_code == 404
        assert client.get(f"/api/v1/cohorts/{running.public_id}/at-risk/").status_code == 404
        sent = client.post(
            f"/api/v1/cohorts/{running.public_id}/messages/",
            {"subject": "Hola", "body": "Hola", "recipients": []},
            content_type="application/json",
        )
        assert sent.status_code == 404
        client.logout()
    running.trainers.add(trainer)
    assert (
        signed_in(trainer).get(f"/api/v1/cohorts/{running.public_id}/at-risk/").status_code == 200
    )


def test_a_message_reaches_each_learner_in_their_language_once(
    signed_in, running, coordinator, django_capture_on_commit_callbacks
):
    ana = enrol(running, seen_days_ago=20, language="es")
    rui = enrol(running, seen_days_ago=20, language="pt")
    client = signed_in(coordinator)
    body = {
        "subject": "¿Seguimos?",
        "body": "Te esperamos.",
        "recipients": [str(ana.public_id), str(rui.public_id)],
        "translations": {"pt": {"subject": "Continuamos?", "body": "Esperamos por si."}},
    }
    url = f"/api/v1/cohorts/{running.public_id}/messages/"

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(
            url, body, content_type="application/json", headers={"Idempotency-Key": "k1"}
        )
        again = client.post(
            url, body, content_type="application/json", headers={"Idempotency-Key": "k1"}
        )

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["recipients"] == 2 and again.json()["id"] == first.json()["id"]
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        [(ana.learner.email, "¿Seguimos?"), (rui.learner.email, "Continuamos?")]
    )
    assert "Esperamos por si." in next(m.body for m in mail.outbox if m.to == [rui.learner.email])
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 2


def test_bad_messages_are_refused_with_the_reason_and_nothing_is_sent(
    signed_in, site, city, running, coordinator
):
    ana = enrol(running, seen_days_ago=20)
    elsewhere = enrol(
        CohortFactory(course=site["course"].course, delegation=city.delegation), seen_days_ago=1
    )
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{running.public_id}/messages/"

    def send(**fields):
        body = {"subject": "Hola", "body": "Texto", "recipients": [str(ana.public_id)], **fields}
        return client.post(url, body, content_type="application/json")

    nobody = send(recipients=[])
    assert nobody.status_code == 400
    assert nobody.json()["errors"][0]["code"] == "no_recipients"
    stranger = send(recipients=[str(ana.public_id), str(elsewhere.public_id)])
    assert stranger.json()["errors"][0]["field"] == "recipients"
    assert send(recipients=["not-an-id"]).status_code == 400
    assert send(subject="  ").json()["errors"][0]["field"] == "subject"
    half = send(translations={"pt": {"subject": "Olá", "body": ""}})
    assert half.status_code == 400 and half.json()["errors"][0]["field"] == "translations"
    assert send(translations={"xx": {"subject": "a", "body": "b"}}).status_code == 400
    assert not mail.outbox and not Delivery.objects.exists()


def test_the_page_sends_to_those_ticked_and_says_what_is_missing(
    signed_in, running, coordinator, django_capture_on_commit_callbacks
):
    ana = enrol(running, seen_days_ago=20)
    client = signed_in(coordinator)
    url = f"/en/cohorts/{running.public_id}/at-risk/"

    empty = client.post(url, {"subject": "Hola", "body": "Texto", "key": "a"})
    assert empty.status_code == 400 and b"Choose at least one learner." in empty.content
    ticked = {"subject": "Hola", "body": "Texto", "key": "b", "recipients": [str(ana.public_id)]}
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url, ticked, follow=True)
        client.post(url, ticked)  # sent twice (a double click): once

    assert b"Your message is on its way to 1 learner." in sent.content
    assert [m.to for m in mail.outbox] == [[ana.learner.email]]


def test_those_who_do_not_want_messages_are_skipped(
    running, coordinator, django_capture_on_commit_callbacks
):
    ana = enrol(running, seen_days_ago=20)
    services.set_preference(user=ana.learner, message=False)

    with django_capture_on_commit_callbacks(execute=True):
        message, _created = services.send_message(
            cohort=running, by=coordinator, subject="Hola", body="Texto", recipients=[ana.public_id]
        )

    assert not mail.outbox
    assert message.deliveries.get().skipped


def test_reminders_and_messages_are_in_the_data_download_and_erased_with_the_account(
    running, coordinator, django_capture_on_commit_callbacks
):
    from accounts import privacy
    from nudges import rules, tasks

    ana = enrol(running, seen_days_ago=20)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(
            cohort=running, by=coordinator, subject="Hola", body="Texto", recipients=[ana.public_id]
        )

    tasks.decide.delay().get()
    data = privacy.export_personal_data(user=ana.learner)["reminders"]
    assert [m["subject"] for m in data["messages_received"]] == ["Hola"]
    assert {r["kind"] for r in data["reminders_received"]} == {"inactive"}

    privacy.erase_account(user=ana.learner)
    assert not Delivery.objects.exists()
    assert rules.Nudge.objects.count() == 0
