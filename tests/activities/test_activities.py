"""Organisers create and publish activities; anyone finds them on the public calendar and its
feed; people apply, once, while applications are open; organisers admit them with balance."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from activities import services
from activities.models import NetworkActivity
from courses.models import Cohort
from enrollments.models import Enrollment
from meetings.models import Meeting
from tests.factories import DelegationFactory, MemberCityFactory, UserFactory

pytestmark = pytest.mark.django_db


def form_data(delegation, **changes) -> dict:
    today = timezone.localdate()
    data = {
        "kind": "virtual_cafe",
        "title": "Café virtual: los primeros cien días",
        "title_pt": "Café virtual: os primeiros cem dias",
        "description": "Una hora de conversación entre ciudades.",
        "description_pt": "Uma hora de conversa entre cidades.",
        "delegation": delegation.pk,
        "language": "es",
        "audience": "public",
        "starts_on": (today + datetime.timedelta(days=20)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=20)).isoformat(),
        "opens_at": (timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (timezone.now() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
        "seats": "10",
        "max_country_share": "30",
        "max_per_city": "3",
        "key": "k" * 32,
    }
    data.update(changes)
    return data


def make_activity(delegation, *, by, publish: bool = True, **changes) -> NetworkActivity:
    now = timezone.now()
    today = timezone.localdate()
    values = {
        "delegation": delegation,
        "kind": NetworkActivity.Kind.SEMINAR,
        "title": "Seminario de Rosario",
        "title_translations": {"en": "Rosario seminar"},
        "description": "Una jornada.",
        "description_translations": {},
        "language": "es",
        "audience": Cohort.Visibility.PUBLIC,
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=5),
        "starts_on": today + datetime.timedelta(days=10),
        "ends_on": today + datetime.timedelta(days=10),
        "seats": 4,
    }
    values.update(changes)
    activity = services.create_activity(by=by, **values)
    if publish:
        starts = datetime.datetime.combine(
            values["starts_on"], datetime.time(15), tzinfo=datetime.UTC
        )
        Meeting.objects.create(
            cohort=activity.cohort,
            title=values["title"],
            kind=Meeting.Kind.FACE_TO_FACE,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            time_zone="America/Argentina/Buenos_Aires",
            venue_name="Centro Cultural",
            venue_city="Rosario",
        )
        services.publish(activity=activity)
    return activity


def test_an_organiser_creates_a_draft_once_and_publishes_it_once_it_has_a_session(
    coordinator, city, signed_in
):
    client = signed_in(coordinator)
    first = client.post("/en/activities/new/", form_data(city.delegation))
    again = client.post("/en/activities/new/", form_data(city.delegation))
    assert first.status_code == again.status_code == 302
    activity = NetworkActivity.objects.get()
    assert activity.cohort.status == Cohort.Status.DRAFT
    assert activity.cohort.admission == Cohort.Admission.SELECTION
    assert activity.cohort.title_translations == {"pt": "Café virtual: os primeiros cem dias"}
    # A draft is nobody else's business.
    assert client.get("/en/activities/").content.decode().count("primeros cien días") == 0
    url = f"/en/activities/{activity.public_id}/"
    refused = client.post(url + "publish/", follow=True)
    assert "Schedule at least one session before publishing" in refused.content.decode()
    assert Cohort.objects.get(pk=activity.cohort_id).status == Cohort.Status.DRAFT
    starts = timezone.now() + datetime.timedelta(days=20)
    Meeting.objects.create(
        cohort=activity.cohort,
        title="Café",
        kind=Meeting.Kind.ONLINE,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        time_zone="UTC",
        meeting_url="https://meet.jit.si/cafe",
    )
    client.post(url + "publish/")
    assert Cohort.objects.get(pk=activity.cohort_id).status == Cohort.Status.OPEN
    page = client.get("/pt/activities/").content.decode()
    assert "Café virtual: os primeiros cem dias" in page


def test_a_wrong_activity_is_refused_with_clear_messages_and_nothing_saved(
    coordinator, city, signed_in
):
    client = signed_in(coordinator)
    today = timezone.localdate()
    response = client.post(
        "/en/activities/new/",
        form_data(
            city.delegation,
            title="",
            ends_on=(today - datetime.timedelta(days=1)).isoformat(),
            seats="0",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in page
    assert "An activity cannot end before it starts." in page
    assert "Ensure this value is greater than or equal to 1." in page
    assert not NetworkActivity.objects.exists()


def test_an_organiser_of_another_delegation_and_a_learner_cannot_create_or_admit(
    outside_coordinator, learner, city, coordinator, signed_in, client
):
    activity = make_activity(city.delegation, by=coordinator)
    for person in (learner, outside_coordinator):
        client.force_login(person)
        assert client.get(f"/en/cohorts/{activity.cohort.public_id}/admission/").status_code == 404
        assert client.post(f"/en/activities/{activity.public_id}/publish/").status_code == 404
    client.force_login(learner)
    assert client.get("/en/activities/new/").status_code == 404
    client.force_login(outside_coordinator)
    refused = client.post("/en/activities/new/", form_data(city.delegation))
    assert "Select a valid choice" in refused.content.decode()
    assert NetworkActivity.objects.count() == 1


def test_the_calendar_filters_and_reads_any_number_of_activities_in_the_same_queries(
    coordinator, city, client
):
    other = DelegationFactory()
    make_activity(
        city.delegation,
        by=coordinator,
        kind=NetworkActivity.Kind.STUDY_VISIT,
        title="Recorrido urbano",
    )
    make_activity(other, by=coordinator, title="Seminario lejano", language="fr")
    make_activity(city.delegation, by=coordinator, title="Borrador", publish=False)
    page = client.get("/es/activities/").content.decode()
    assert "Recorrido urbano" in page and "Seminario lejano" in page and "Borrador" not in page
    assert "Recorrido urbano" not in client.get("/es/activities/?kind=seminar").content.decode()
    french = client.get("/es/activities/?language=fr").content.decode()
    assert "Seminario lejano" in french and "Recorrido urbano" not in french
    mine = client.get(f"/es/activities/?delegation={city.delegation.code}").content.decode()
    assert "Recorrido urbano" in mine and "Seminario lejano" not in mine
    month = (timezone.localdate() + datetime.timedelta(days=10)).strftime("%Y-%m")
    assert "Recorrido urbano" in client.get(f"/es/activities/?month={month}").content.decode()
    assert client.get("/es/activities/?month=nonsense").status_code == 200

    from django.core.cache import cache

    # The menu's catalogue link is cached site-wide: both measures start from a cold cache.
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get("/es/activities/")
    for n in range(8):
        make_activity(other, by=coordinator, title=f"Más {n}")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get("/es/activities/")
    assert len(many) == len(few)


def test_the_feed_has_one_event_per_session_linking_to_the_activity(coordinator, city, client):
    activity = make_activity(city.delegation, by=coordinator)
    response = client.get("/en/activities/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Rosario seminar"
    assert str(event["URL"]).endswith(f"/en/activities/{activity.public_id}/")
    assert "Rosario" in str(event["LOCATION"])


def test_people_apply_once_while_applications_are_open_and_only_when_they_may(
    coordinator, city, learner, signed_in, client
):
    activity = make_activity(city.delegation, by=coordinator)
    url = f"/en/activities/{activity.public_id}/"
    assert "Sign in to apply" in client.get(url).content.decode()
    signed_in(learner)
    first = client.post(url + "apply/", follow=True).content.decode()
    again = client.post(url + "apply/", follow=True).content.decode()
    assert "Your application is in" in first
    assert "You have already applied" in again
    assert Enrollment.objects.filter(cohort=activity.cohort).count() == 1
    assert Enrollment.objects.get().status == Enrollment.Status.WAITLISTED

    closed = make_activity(
        city.delegation,
        by=coordinator,
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    late = client.post(f"/en/activities/{closed.public_id}/apply/", follow=True)
    assert "Enrolment in this cohort is closed." in late.content.decode()
    staff_only = make_activity(
        city.delegation, by=coordinator, audience=Cohort.Visibility.MEMBER_STAFF
    )
    outsider = UserFactory(member_city=None)
    client.force_login(outsider)
    refused = client.post(f"/en/activities/{staff_only.public_id}/apply/", follow=True)
    assert "for staff of member cities" in refused.content.decode()
    invited = make_activity(city.delegation, by=coordinator, audience=Cohort.Visibility.INVITATION)
    assert client.post(f"/en/activities/{invited.public_id}/apply/").status_code == 404
    assert not Enrollment.objects.filter(learner=outsider).exists()


def test_the_organiser_sees_the_balance_and_admits_with_one_action(
    coordinator, city, signed_in, django_capture_on_commit_callbacks
):
    activity = make_activity(city.delegation, by=coordinator, seats=2, max_per_city=1)
    elsewhere = MemberCityFactory(name="Montevideo")
    people = [
        UserFactory(member_city=city, gender="man", gender_consent_at=timezone.now()),
        UserFactory(member_city=city, gender="woman", gender_consent_at=timezone.now()),
        UserFactory(member_city=elsewhere, gender="woman", gender_consent_at=timezone.now()),
    ]
    from enrollments import services as enrolments

    applied = [enrolments.enroll_learner(learner=p, cohort=activity.cohort) for p in people]
    client = signed_in(coordinator)
    url = f"/en/cohorts/{activity.cohort.public_id}/admission/"
    page = client.get(url).content.decode()
    # One from Rosario (the city's limit), then a woman from Montevideo.
    assert f'value="{applied[0].pk}" id="admit-{applied[0].pk}" checked' in page
    assert f'value="{applied[2].pk}" id="admit-{applied[2].pk}" checked' in page
    assert f'value="{applied[1].pk}" id="admit-{applied[1].pk}">' in page
    assert "Over the city’s number" in page
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"admit": [applied[0].pk, applied[2].pk]}, follow=True)
    assert "2 people admitted" in done.content.decode()
    assert Enrollment.objects.filter(cohort=activity.cohort).active().count() == 2
    assert len(mail.outbox) == 3
    too_many = client.post(url, {"admit": [applied[1].pk]}, follow=True).content.decode()
    assert "Only 0 seats are free and 1 people were chosen." in too_many
    closed = client.post(url, {"close": "waiting-list"}, follow=True).content.decode()
    assert "1 person was told they were not admitted" in closed
    assert Enrollment.objects.get(pk=applied[1].pk).status == Enrollment.Status.WITHDRAWN


def test_my_courses_lists_ones_activities_apart_with_where_one_stands(
    coordinator, city, learner, signed_in
):
    from enrollments import services as enrolments

    activity = make_activity(
        city.delegation, by=coordinator, title="Visita de estudio a Rosario", title_translations={}
    )
    enrolments.enroll_learner(learner=learner, cohort=activity.cohort)
    page = signed_in(learner).get("/en/my-courses/").content.decode()
    section = page[page.index('id="my-activities"') :]
    assert "Visita de estudio a Rosario" in section
    assert "applied, waiting for admission" in section
    assert page.count("Visita de estudio a Rosario") == 1


def test_an_organiser_changes_the_activity_but_never_below_the_people_admitted(
    coordinator, outside_coordinator, city, signed_in, client
):
    from enrollments import admission
    from enrollments import services as enrolments

    activity = make_activity(city.delegation, by=coordinator, seats=3)
    people = [UserFactory() for _ in range(2)]
    for person in people:
        enrolments.enroll_learner(learner=person, cohort=activity.cohort)
    admission.confirm(
        cohort=activity.cohort,
        enrollment_ids=list(
            Enrollment.objects.filter(cohort=activity.cohort).values_list("pk", flat=True)
        ),
        by=coordinator,
    )
    url = f"/en/activities/{activity.public_id}/edit/"
    client.force_login(outside_coordinator)
    assert client.get(url).status_code == 404
    client = signed_in(coordinator)
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in ((name, form[name].value()) for name in form.fields)
        if value is not None
    }
    data.update(seats="1", description="Una jornada renovada.", kind="technical_meeting")
    refused = client.post(url, data)
    assert "2 people are admitted already" in refused.content.decode()
    data["seats"] = "5"
    assert client.post(url, data).status_code == 302
    activity.refresh_from_db()
    activity.cohort.refresh_from_db()
    assert (activity.description, activity.kind) == ("Una jornada renovada.", "technical_meeting")
    assert activity.cohort.capacity == 5
    assert activity.cohort.title_translations == {"en": "Rosario seminar"}
