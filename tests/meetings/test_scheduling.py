"""Trainers and coordinators schedule, move and cancel sessions; everyone concerned is told in
their language and time zone, with an event their calendar updates rather than duplicates."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from enrollments import services as enrollment_services
from meetings.models import Meeting
from tests.factories import UserFactory

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def form_data(**changes) -> dict:
    data = {
        "title": "Webinario: la ciudad que educa",
        "title_pt": "Webinário: a cidade que educa",
        "description": "Una hora con la formadora.",
        "description_pt": "Uma hora com a formadora.",
        "kind": "online",
        "starts_at": "2027-03-10T10:00",
        "ends_at": "2027-03-10T11:30",
        "time_zone": "America/Mexico_City",
        "meeting_url": "https://meet.jit.si/aula-ciudades",
        "creation_key": "k" * 32,
    }
    data.update(changes)
    return data


def event_of(message) -> tuple[str, dict]:
    (name, content, mimetype) = message.attachments[0]
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    # Mail programs offer to accept or remove it only when the part says its method.
    assert name.endswith(".ics") and f"method={calendar['METHOD']}" in mimetype
    return str(calendar["METHOD"]), event


@pytest.fixture
def brazilian(cohort, other_city):
    person = UserFactory(
        email="joana@recife.example",
        first_name="Joana",
        preferred_language="pt",
        time_zone="America/Sao_Paulo",
        member_city=other_city,
    )
    enrollment_services.enroll_learner(cohort=cohort, learner=person)
    return person


def test_a_coordinator_schedules_once_and_learners_get_the_time_in_their_own_zone(
    cohort, coordinator, signed_in, brazilian, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    url = f"/en/cohorts/{cohort.public_id}/sessions/new/"

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, form_data())
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, form_data())

    assert first.status_code == again.status_code == 302
    meeting = Meeting.objects.get()
    # 10:00 in Mexico City (UTC-6 in March) is 16:00 UTC and 13:00 in São Paulo.
    assert meeting.starts_at == datetime.datetime(2027, 3, 10, 16, 0, tzinfo=datetime.UTC)
    (message,) = [m for m in mail.outbox if m.to == ["joana@recife.example"]]
    assert "Webinário: a cidade que educa" in message.subject
    assert "13:00" in message.body and "America/Sao_Paulo" in message.body
    assert "Foi agendada uma sessão de Abril" in message.body and "Joana" in message.body
    assert "Uma hora com a formadora." in message.body
    method, event = event_of(message)
    assert method == "REQUEST"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == meeting.starts_at
    assert str(event["UID"]) == f"session-{meeting.public_id}@aula"
    # The learner's page shows the São Paulo time too.
    page = signed_in(brazilian).get(f"/pt/sessions/{meeting.public_id}/").content.decode()
    assert "13:00" in page and "Webinário" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_at": "2027-03-10T09:00"}, "ends_at", "must end after it starts"),
        ({"starts_at": "2020-03-10T10:00", "ends_at": "2020-03-10T11:00"}, "starts_at", "past"),
        ({"meeting_url": "http://meet.example.org/x"}, "meeting_url", "https://"),
        ({"meeting_url": ""}, "meeting_url", "needs its meeting link"),
        ({"kind": "face_to_face", "meeting_url": ""}, "venue_name", "venue and city"),
    ],
)
def test_a_wrong_session_is_refused_with_a_clear_message_and_nothing_saved(
    cohort, coordinator, signed_in, changes, field, message
):
    response = signed_in(coordinator).post(
        f"/en/cohorts/{cohort.public_id}/sessions/new/", form_data(**changes)
    )

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    assert not Meeting.objects.exists()
    assert mail.outbox == []


def test_an_overlapping_session_is_allowed_with_a_warning(cohort, coordinator, signed_in):
    client = signed_in(coordinator)
    url = f"/en/cohorts/{cohort.public_id}/sessions/new/"
    client.post(url, form_data())

    response = client.post(url, form_data(title="Café virtual", creation_key="x" * 32), follow=True)

    assert Meeting.objects.count() == 2
    assert "overlaps another session" in response.content.decode()


def test_moving_a_session_updates_the_same_event_and_cancelling_removes_it_once(
    cohort, coordinator, signed_in, enrolled, learner, django_capture_on_commit_callbacks
):
    learner.preferred_language = "es"
    learner.save(update_fields=["preferred_language"])
    meeting = make_meeting(cohort, in_minutes=3 * 24 * 60)
    client = signed_in(coordinator)
    later = meeting.starts_at.astimezone(zoneinfo.ZoneInfo("America/Mexico_City")) + (
        datetime.timedelta(hours=2)
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/sessions/{meeting.public_id}/edit/",
            form_data(
                starts_at=later.strftime("%Y-%m-%dT%H:%M"),
                ends_at=(later + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            ),
        )
    for _twice in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/en/sessions/{meeting.public_id}/cancel/")

    to_learner = [m for m in mail.outbox if m.to == [learner.email]]
    # In the learner's language (Spanish).
    assert [m.subject.split(":")[0] for m in to_learner] == ["Cambio", "Cancelada"]
    method, moved = event_of(to_learner[0])
    assert (method, moved["SEQUENCE"]) == ("REQUEST", 1)
    method, cancelled = event_of(to_learner[1])
    assert (method, cancelled["SEQUENCE"], str(cancelled["STATUS"])) == ("CANCEL", 2, "CANCELLED")
    assert moved["UID"] == cancelled["UID"]


def test_a_withdrawn_learner_hears_of_nothing(
    cohort, coordinator, signed_in, enrolled, learner, trainer, django_capture_on_commit_callbacks
):
    enrollment_services.withdraw(enrollment=enrolled, by=learner)
    cohort.trainers.add(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(coordinator).post(f"/en/cohorts/{cohort.public_id}/sessions/new/", form_data())

    assert Meeting.objects.exists()
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    assert not [m for m in mail.outbox if m.to == [learner.email]]


def test_only_the_cohorts_staff_schedule_and_only_its_people_see_a_session(
    cohort, online, learner, other_learner, outside_coordinator, trainer, signed_in, enrolled
):
    assert signed_in(learner).get(f"/en/sessions/{online.public_id}/").status_code == 200
    assert (
        signed_in(learner).get(f"/en/cohorts/{cohort.public_id}/sessions/new/").status_code == 404
    )
    for stranger in (other_learner, outside_coordinator, trainer):
        client = signed_in(stranger)
        assert client.get(f"/en/sessions/{online.public_id}/").status_code == 404
        assert (
            client.post(f"/en/cohorts/{cohort.public_id}/sessions/new/", form_data()).status_code
            == 404
        )
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    ("day", "clocks"),
    [
        (datetime.date(2027, 3, 26), ["18:00", "11:00", "14:00"]),
        (datetime.date(2027, 4, 2), ["18:00", "10:00", "13:00"]),
    ],
    ids=["before", "after"],
)
def test_times_follow_each_zone_across_a_daylight_saving_change(cohort, coordinator, day, clocks):
    # Madrid moves its clocks on 28 March 2027; Mexico City no longer does; São Paulo neither.
    from meetings import services

    madrid = zoneinfo.ZoneInfo("Europe/Madrid")
    starts = datetime.datetime.combine(day, datetime.time(18), tzinfo=madrid)
    meeting = services.schedule_meeting(
        cohort=cohort,
        by=coordinator,
        fields={
            "title": "Café",
            "kind": "online",
            "meeting_url": "https://meet.jit.si/a",
            "time_zone": "Europe/Madrid",
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=1),
        },
    ).meeting

    zones = ("Europe/Madrid", "America/Mexico_City", "America/Sao_Paulo")
    shown = [meeting.starts_at.astimezone(zoneinfo.ZoneInfo(z)).strftime("%H:%M") for z in zones]
    assert shown == clocks
    assert timezone.is_aware(meeting.starts_at)


def test_someone_who_chose_no_time_zone_gets_their_countrys(
    cohort, coordinator, signed_in, django_capture_on_commit_callbacks
):
    from accounts.models import MemberCity
    from tests.factories import MemberCityFactory

    recife = MemberCityFactory(name="Recife")
    recife.country.time_zone = "America/Sao_Paulo"
    recife.country.save()
    person = UserFactory(
        email="sem-fuso@recife.example", member_city=recife, time_zone="", preferred_language="pt"
    )
    enrollment_services.enroll_learner(cohort=cohort, learner=person)

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(coordinator).post(f"/en/cohorts/{cohort.public_id}/sessions/new/", form_data())

    (message,) = [m for m in mail.outbox if m.to == [person.email]]
    assert "13:00" in message.body and "America/Sao_Paulo" in message.body
    profile = signed_in(person).get("/en/accounts/profile/")
    assert profile.context["form"]["time_zone"].initial == "America/Sao_Paulo"
    assert MemberCity.objects.get(pk=recife.pk).country.time_zone == "America/Sao_Paulo"


def test_a_session_can_sit_after_a_module_of_the_course(
    site, cohort, coordinator, signed_in, enrolled, learner
):
    client = signed_in(coordinator)
    form = client.get(f"/es/cohorts/{cohort.public_id}/sessions/new/").context["form"]
    (module_id,) = [pk for pk, _label in form.fields["after_module"].choices if pk]

    client.post(
        f"/es/cohorts/{cohort.public_id}/sessions/new/",
        form_data(after_module=str(module_id)),
    )

    meeting = Meeting.objects.get()
    page = signed_in(learner).get(f"/es/sessions/{meeting.public_id}/").content.decode()
    assert "Después del módulo «Primer módulo»" in page
