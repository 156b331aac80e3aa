"""The activities and admission API: anyone reads the calendar; people apply once; only the
activity's organisers see and confirm the admission."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from activities.models import NetworkActivity
from enrollments.models import Enrollment
from tests.factories import DelegationFactory, MemberCityFactory, UserFactory

from .test_activities import form_data, make_activity

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_published_activities_and_drafts_stay_with_their_organisers(
    client, coordinator, outside_coordinator, city
):
    published = make_activity(city.delegation, by=coordinator, title="Visita a Rosario")
    draft = make_activity(city.delegation, by=coordinator, title="Borrador", publish=False)
    listed = client.get("/api/v1/activities/", HTTP_ACCEPT_LANGUAGE="es").json()["results"]
    assert [a["title"] for a in listed] == ["Visita a Rosario"]
    assert listed[0]["sessions"][0]["city"] == "Rosario"
    assert client.get(f"/api/v1/activities/{draft.public_id}/").status_code == 404
    client.force_login(outside_coordinator)
    assert client.get(f"/api/v1/activities/{draft.public_id}/").status_code == 404
    client.force_login(coordinator)
    assert client.get(f"/api/v1/activities/{draft.public_id}/").json()["status"] == "draft"
    assert client.get("/api/v1/activities/?kind=seminar").json()["count"] == 2
    assert client.get("/api/v1/activities/?kind=party").status_code == 400
    assert client.get("/api/v1/activities/?kind=seminar&kind=other").status_code == 400
    assert published.public_id


def test_applying_twice_makes_one_application_and_anonymous_callers_are_asked_to_sign_in(
    client, coordinator, learner, city
):
    activity = make_activity(city.delegation, by=coordinator)
    url = f"/api/v1/activities/{activity.public_id}/apply/"
    assert client.post(url).status_code == 401
    client.force_login(learner)
    first, again = client.post(url), client.post(url)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert first.json()["status"] == "waitlisted"
    assert Enrollment.objects.filter(cohort=activity.cohort).count() == 1


def test_only_the_organisers_see_and_confirm_the_admission(
    client, coordinator, outside_coordinator, learner, city
):
    activity = make_activity(city.delegation, by=coordinator, seats=1)
    from enrollments import services as enrolments

    applied = [
        enrolments.enroll_learner(
            learner=UserFactory(
                member_city=MemberCityFactory(), gender=g, gender_consent_at=timezone.now()
            ),
            cohort=activity.cohort,
        )
        for g in ("man", "woman")
    ]
    url = f"/api/v1/cohorts/{activity.cohort.public_id}/admission/"
    for person in (learner, outside_coordinator):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"admit": [str(applied[0].public_id)]}, "application/json").status_code
            == 404
        )
    client.force_login(coordinator)
    proposal = client.get(url).json()
    assert proposal["free"] == 1
    assert [a["proposed"] for a in proposal["applicants"]] == [True, False]
    assert client.post(url, {"admit": []}, "application/json").status_code == 400
    stranger = client.post(
        url, {"admit": ["00000000-0000-4000-8000-000000000000"]}, "application/json"
    )
    assert stranger.status_code == 400
    both = client.post(url, {"admit": [str(e.public_id) for e in applied]}, "application/json")
    assert both.status_code == 409
    assert not Enrollment.objects.filter(cohort=activity.cohort).active().exists()
    done = client.post(url, {"admit": [str(applied[1].public_id)]}, "application/json")
    assert done.json() == {"admitted": [str(applied[1].public_id)]}
    again = client.post(url, {"admit": [str(applied[1].public_id)]}, "application/json")
    assert again.json() == {"admitted": []}


def body(delegation, **changes) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    data = {
        "kind": "study_visit",
        "delegation": delegation.code,
        "title": "Visita de estudio a Medellín",
        "title_translations": {"pt": "Visita de estudo a Medellín"},
        "description": "Tres días con los equipos de la ciudad.",
        "applications_open_at": (now - datetime.timedelta(days=1)).isoformat(),
        "applications_close_at": (now + datetime.timedelta(days=9)).isoformat(),
        "starts_on": (today + datetime.timedelta(days=20)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=22)).isoformat(),
        "seats": 15,
        "max_country_share": 30,
        "max_per_city": 2,
        "place": "Medellín",
    }
    data.update(changes)
    return data


def test_an_organiser_creates_an_activity_once_schedules_it_and_publishes_it_by_api(
    client, coordinator, outside_coordinator, learner, city
):
    client.force_login(learner)
    assert (
        client.post("/api/v1/activities/", body(city.delegation), "application/json").status_code
        == 403
    )
    client.force_login(outside_coordinator)
    foreign = client.post("/api/v1/activities/", body(city.delegation), "application/json")
    assert foreign.status_code == 403
    client.force_login(coordinator)
    wrong = client.post(
        "/api/v1/activities/",
        body(city.delegation, ends_on=timezone.localdate().isoformat()),
        "application/json",
    )
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["field"] == "ends_on"
    headers = {"HTTP_IDEMPOTENCY_KEY": "visit-1"}
    sent = body(city.delegation)
    first = client.post("/api/v1/activities/", sent, "application/json", **headers)
    again = client.post("/api/v1/activities/", sent, "application/json", **headers)
    other = client.post("/api/v1/activities/", {**sent, "seats": 3}, "application/json", **headers)
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["status"] == "draft"
    activity_id = first.json()["id"]
    refused = client.post(f"/api/v1/activities/{activity_id}/publish/")
    assert refused.status_code == 409
    starts = timezone.now() + datetime.timedelta(days=20)
    session = client.post(
        "/api/v1/sessions/",
        {
            "cohort": activity_id,
            "title": "Primer día",
            "kind": "face_to_face",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + datetime.timedelta(hours=6)).isoformat(),
            "time_zone": "America/Bogota",
            "venue_name": "Alcaldía",
            "venue_city": "Medellín",
        },
        "application/json",
    )
    assert session.status_code == 201, session.json()
    published = client.post(f"/api/v1/activities/{activity_id}/publish/")
    assert published.json()["status"] == "open"
    client.logout()
    listed = client.get("/api/v1/activities/").json()["results"]
    assert [a["title"] for a in listed] == ["Visita de estudio a Medellín"]


def test_an_anonymous_caller_is_asked_to_sign_in_before_creating_an_activity(client, city):
    response = client.post("/api/v1/activities/", body(city.delegation), "application/json")
    assert response.status_code == 401


def template_of(delegation, title: str):
    from enrollments.questionnaires.models import QuestionnaireTemplate

    template = QuestionnaireTemplate(delegation=delegation)
    template.set_current_language("en")
    template.title = title
    template.save()
    return template


def test_the_network_evaluation_is_proposed_and_another_delegations_is_refused(
    coordinator, city, signed_in
):
    network = template_of(None, "Network evaluation")
    elsewhere = DelegationFactory()
    coordinator.coordinated_delegations.add(elsewhere)
    theirs = template_of(elsewhere, "Their evaluation")
    client = signed_in(coordinator)
    page = client.get("/en/activities/new/").content.decode()
    assert f'<option value="{network.pk}" selected>Network evaluation</option>' in page
    refused = client.post(
        "/en/activities/new/", form_data(city.delegation, evaluation=str(theirs.pk))
    )
    assert "This template belongs to another delegation" in refused.content.decode()
    assert not NetworkActivity.objects.exists()
    by_api = client.post(
        "/api/v1/activities/",
        {**body(city.delegation), "evaluation": str(theirs.public_id)},
        "application/json",
    )
    assert by_api.status_code == 400
    assert by_api.json()["errors"][0]["field"] == "evaluation"
    assert not NetworkActivity.objects.exists()
    client.post("/en/activities/new/", form_data(city.delegation, evaluation=str(network.pk)))
    assert NetworkActivity.objects.get().evaluation == network
