"""The sessions API, permissioned like the rest: staff of the edition schedule and keep the
register, its learners join and check in, nobody else learns the session exists."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, Meeting

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def body(cohort, **changes) -> dict:
    starts = timezone.now() + datetime.timedelta(days=3)
    data = {
        "cohort": str(cohort.public_id),
        "title": "Café virtual",
        "title_translations": {"pt": "Café virtual entre cidades"},
        "kind": "online",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + datetime.timedelta(hours=1)).isoformat(),
        "time_zone": "America/Sao_Paulo",
        "meeting_url": "https://meet.jit.si/cafe",
    }
    data.update(changes)
    return data


def test_staff_schedule_once_per_idempotency_key(cohort, trainer, signed_in):
    cohort.trainers.add(trainer)
    client = signed_in(trainer)

    first = client.post(
        "/api/v1/sessions/",
        body(cohort),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="a1",
    )
    again = client.post(
        "/api/v1/sessions/",
        body(cohort),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="a1",
    )

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": "2020-01-01T00:00:00Z"}, "ends_at"),
        ({"meeting_url": "http://meet.example.org/x"}, "meeting_url"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"title_translations": {"xx": "?"}}, "title_translations"),
        ({"kind": "face_to_face", "meeting_url": ""}, "venue_name"),
    ],
)
def test_a_wrong_session_gets_a_400_naming_the_field(
    cohort, coordinator, signed_in, changes, field
):
    response = signed_in(coordinator).post(
        "/api/v1/sessions/", body(cohort, **changes), content_type="application/json"
    )

    assert response.status_code == 400
    assert field in {error.get("field") for error in response.json()["errors"]}, response.json()
    assert not Meeting.objects.exists()


def test_learners_and_strangers_neither_schedule_nor_see(
    cohort, online, enrolled, learner, other_learner, outside_coordinator, signed_in
):
    learner_client = signed_in(learner)
    assert (
        learner_client.post(
            "/api/v1/sessions/", body(cohort), content_type="application/json"
        ).status_code
        == 404
    )
    assert [s["id"] for s in learner_client.get("/api/v1/sessions/").json()["results"]] == [
        str(online.public_id)
    ]
    for stranger in (other_learner, outside_coordinator):
        client = signed_in(stranger)
        assert client.get("/api/v1/sessions/").json()["results"] == []
        assert client.get(f"/api/v1/sessions/{online.public_id}/").status_code == 404
        assert client.post(f"/api/v1/sessions/{online.public_id}/join/").status_code == 404
        assert client.post(f"/api/v1/sessions/{online.public_id}/booking/").status_code == 404
    assert Meeting.objects.count() == 1


def test_a_learner_joins_and_sees_only_their_own_attendance(
    cohort, online, enrolled, learner, other_learner, signed_in
):
    cohort.capacity = 5
    cohort.save()
    from enrollments import services as enrollment_services

    other = enrollment_services.enroll_learner(cohort=cohort, learner=other_learner)
    Attendance.objects.create(meeting=online, enrollment=other, status="absent")
    client = signed_in(learner)

    joined = client.post(f"/api/v1/sessions/{online.public_id}/join/")
    mine = client.get(f"/api/v1/sessions/{online.public_id}/attendance/").json()
    refused = client.post(
        f"/api/v1/sessions/{online.public_id}/attendance/",
        {"statuses": {str(enrolled.public_id): "excused"}},
        content_type="application/json",
    )

    assert joined.json() == {"url": "https://meet.jit.si/aula-ciudades"}
    assert [(row["enrollment"], row["status"]) for row in mine] == [
        (str(enrolled.public_id), "present")
    ]
    assert refused.status_code == 403
    assert Attendance.objects.get(enrollment=enrolled).status == "present"


def test_check_in_by_api_refuses_a_wrong_code_and_counts_a_right_one_once(
    workshop, enrolled, learner, signed_in
):
    client = signed_in(learner)
    url = f"/api/v1/sessions/{workshop.public_id}/check-in/"

    wrong = client.post(url, {"code": "AAAAAAAA"}, content_type="application/json")
    right = [
        client.post(
            url, {"code": services.check_in_code(workshop)}, content_type="application/json"
        )
        for _twice in range(2)
    ]

    assert wrong.status_code == 400 and wrong.json()["code"] == "bad_check_in_code"
    assert [r.status_code for r in right] == [200, 200]
    assert Attendance.objects.get().status == "present"


def test_the_register_by_api_is_all_or_nothing(cohort, online, enrolled, coordinator, signed_in):
    client = signed_in(coordinator)
    url = f"/api/v1/sessions/{online.public_id}/attendance/"

    bad = client.post(
        url,
        {
            "statuses": {
                str(enrolled.public_id): "present",
                "00000000-0000-0000-0000-000000000000": "present",
            }
        },
        content_type="application/json",
    )
    good = client.post(
        url, {"statuses": {str(enrolled.public_id): "excused"}}, content_type="application/json"
    )

    assert bad.status_code == 400
    assert good.status_code == 200 and good.json()[0]["status"] == "excused"
    assert Attendance.objects.count() == 1


def test_a_cancelled_session_cannot_be_changed_or_joined(
    cohort, enrolled, learner, coordinator, signed_in
):
    meeting = make_meeting(cohort)
    client = signed_in(coordinator)
    assert client.post(f"/api/v1/sessions/{meeting.public_id}/cancel/").json()["is_cancelled"]

    changed = client.patch(
        f"/api/v1/sessions/{meeting.public_id}/", {"title": "Otra"}, content_type="application/json"
    )
    joined = signed_in(learner).post(f"/api/v1/sessions/{meeting.public_id}/join/")

    assert changed.status_code == 409
    assert joined.status_code == 400 and joined.json()["code"] == "cancelled"


def test_the_calendar_address_is_ones_own_and_resets(learner, signed_in):
    client = signed_in(learner)
    first = client.get("/api/v1/calendar/").json()["url"]
    reset = client.post("/api/v1/calendar/").json()["url"]

    assert first != reset
    assert client.get(first.split("testserver", 1)[1]).status_code == 404
    assert client.get(reset.split("testserver", 1)[1]).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "upcoming=null",
        "upcoming=1",
        "upcoming=",
        "upcoming=true&upcoming=true",
        "cohort=abc",
        "cohort=",
        "cohort=&cohort=",
    ],
)
def test_a_malformed_session_list_query_gets_a_400(learner, signed_in, query):
    assert signed_in(learner).get(f"/api/v1/sessions/?{query}").status_code == 400


def test_upcoming_sessions_leave_out_past_and_cancelled_ones(
    cohort, online, enrolled, learner, coordinator, signed_in
):
    past = make_meeting(cohort, in_minutes=-300, title="Pasada")
    cancelled = make_meeting(cohort, in_minutes=600, title="Anulada")
    services.cancel_meeting(meeting=cancelled, by=coordinator)
    client = signed_in(learner)

    everything = {s["title"] for s in client.get("/api/v1/sessions/").json()["results"]}
    upcoming = {s["title"] for s in client.get("/api/v1/sessions/?upcoming=true").json()["results"]}

    assert everything == {online.title, past.title, cancelled.title}
    assert upcoming == {online.title}


def test_the_attendance_report_downloads_for_staff_only(
    cohort, online, enrolled, learner, coordinator, outside_coordinator, signed_in
):
    services.join(meeting=online, user=learner)
    url = f"/api/v1/cohorts/{cohort.public_id}/attendance/"

    figures = signed_in(coordinator).get(url).json()
    csv = signed_in(coordinator).get(url, {"export": "csv"})
    wrong = signed_in(coordinator).get(url, {"export": "pdf"})

    assert figures[0]["present"] == "<5"  # one person: hidden
    assert csv["Content-Type"].startswith("text/csv")
    assert "Webinario con la formadora" in b"".join(csv.streaming_content).decode()
    assert wrong.status_code == 400
    assert signed_in(learner).get(url).status_code == 404
    assert signed_in(outside_coordinator).get(url).status_code == 404
