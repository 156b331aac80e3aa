"""Joining online through Aula, checking in on site with the code on the trainer's screen, the
register, and the private calendar address."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from accounts import privacy
from enrollments import services as enrollment_services
from meetings import services
from meetings.models import Attendance, AttendanceChange
from tests.factories import CohortFactory, UserFactory

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def test_a_learner_joins_through_aula_and_is_counted_once(online, enrolled, learner, signed_in):
    client = signed_in(learner)

    first = client.get(f"/en/sessions/{online.public_id}/join/")
    again = client.get(f"/en/sessions/{online.public_id}/join/")

    assert first.status_code == again.status_code == 302
    assert first["Location"] == "https://meet.jit.si/aula-ciudades"
    attendance = Attendance.objects.get()
    assert (attendance.enrollment, attendance.status) == (enrolled, "present")
    assert AttendanceChange.objects.count() == 1
    page = client.get(f"/en/sessions/{online.public_id}/").content.decode()
    assert "Present" in page


def test_joining_too_early_a_cancelled_or_a_foreign_session_is_refused(
    cohort, enrolled, learner, other_learner, coordinator, signed_in
):
    later = make_meeting(cohort, in_minutes=60)
    client = signed_in(learner)

    early = client.get(f"/en/sessions/{later.public_id}/join/", follow=True)
    assert "opens 15 minutes before it starts" in early.content.decode()
    services.cancel_meeting(meeting=later, by=coordinator)
    cancelled = client.get(f"/en/sessions/{later.public_id}/join/", follow=True)
    assert "was cancelled" in cancelled.content.decode()
    assert signed_in(other_learner).get(f"/en/sessions/{later.public_id}/join/").status_code == 404
    assert not Attendance.objects.exists()


def test_checking_in_with_the_screens_code_marks_present_once(
    workshop, enrolled, learner, signed_in
):
    code = services.check_in_code(workshop)
    client = signed_in(learner)

    shown = client.get(f"/en/sessions/{workshop.public_id}/check-in/?code={code}")
    assert "I am here" in shown.content.decode() and not Attendance.objects.exists()
    for _twice in range(2):
        done = client.post(f"/en/sessions/{workshop.public_id}/check-in/", {"code": code})
        assert "marked present" in done.content.decode()

    attendance = Attendance.objects.get()
    assert attendance.status == "present" and attendance.checked_in_at is not None
    assert AttendanceChange.objects.count() == 1


def test_an_old_a_foreign_or_an_outsiders_code_checks_nobody_in(
    cohort, workshop, enrolled, learner, other_learner, signed_in
):
    other = make_meeting(
        cohort,
        in_minutes=-10,
        kind="face_to_face",
        meeting_url="",
        venue_name="Sala",
        venue_city="Rosario",
    )
    old = services.check_in_code(workshop, at=timezone.now() - datetime.timedelta(minutes=5))
    client = signed_in(learner)

    expired = client.post(f"/en/sessions/{workshop.public_id}/check-in/", {"code": old})
    foreign = client.post(
        f"/en/sessions/{workshop.public_id}/check-in/", {"code": services.check_in_code(other)}
    )
    outsider = signed_in(other_learner).post(
        f"/en/sessions/{workshop.public_id}/check-in/", {"code": services.check_in_code(workshop)}
    )

    assert expired.status_code == foreign.status_code == outsider.status_code == 400
    assert "expired or belongs to another session" in expired.content.decode()
    assert "not enrolled" in outsider.content.decode()
    assert not Attendance.objects.exists()


def test_check_in_closes_when_the_session_ends(workshop, enrolled, learner):
    after = workshop.ends_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        services.check_in(
            meeting=workshop,
            user=learner,
            code=services.check_in_code(workshop, at=after),
            at=after,
        )
    assert refused.value.code == "ended"


def test_the_trainers_screen_shows_a_qr_code_to_staff_only(
    cohort, workshop, trainer, learner, enrolled, signed_in
):
    cohort.trainers.add(trainer)
    page = signed_in(trainer).get(f"/en/sessions/{workshop.public_id}/check-in/screen/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body and services.check_in_code(workshop) in body
    assert (
        signed_in(learner).get(f"/en/sessions/{workshop.public_id}/check-in/screen/").status_code
        == 404
    )


def test_the_register_sets_attendance_in_bulk_and_keeps_who_changed_what(
    cohort, online, enrolled, learner, other_learner, trainer, signed_in
):
    cohort.capacity = 5
    cohort.save()
    cohort.trainers.add(trainer)
    second = enrollment_services.enroll_learner(cohort=cohort, learner=other_learner)
    client = signed_in(trainer)
    url = f"/en/sessions/{online.public_id}/register/"

    client.post(url, {"person": [str(enrolled.public_id), str(second.public_id)], "all": "present"})
    client.post(url, {f"status-{second.public_id}": "excused"})

    statuses = dict(Attendance.objects.values_list("enrollment__learner__email", "status"))
    assert statuses == {learner.email: "present", other_learner.email: "excused"}
    history = list(
        AttendanceChange.objects.filter(attendance__enrollment=second).values_list(
            "status", "changed_by"
        )
    )
    assert history == [("present", trainer.pk), ("excused", trainer.pk)]
    assert "Excused" in client.get(url).content.decode()


def test_the_register_refuses_someone_not_enrolled_and_changes_nothing(
    cohort, online, enrolled, other_learner, trainer, signed_in
):
    cohort.trainers.add(trainer)
    elsewhere = CohortFactory(course=cohort.course, delegation=cohort.delegation)
    stranger = enrollment_services.enroll_learner(cohort=elsewhere, learner=other_learner)

    response = signed_in(trainer).post(
        f"/en/sessions/{online.public_id}/register/",
        {f"status-{enrolled.public_id}": "present", f"status-{stranger.public_id}": "present"},
    )

    assert response.status_code == 400
    assert "only be set for people enrolled" in response.content.decode()
    assert not Attendance.objects.exists()


def test_learners_may_not_open_the_register(online, enrolled, learner, signed_in):
    response = signed_in(learner).post(
        f"/en/sessions/{online.public_id}/register/", {f"status-{enrolled.public_id}": "present"}
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_the_calendar_address_lists_ones_sessions_and_stops_when_reset(
    cohort, online, enrolled, learner, signed_in, client
):
    signed_in(learner)
    page = client.get("/en/calendar/").content.decode()
    feed_url = page.split('id="feed-url" type="text" readonly value="')[1].split('"')[0]
    path = feed_url.split("testserver", 1)[1]
    client.logout()

    calendar = Calendar.from_ical(client.get(path).content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "Webinario con la formadora" in summaries
    assert any("Abril" in s for s in summaries)  # the edition's end date

    signed_in(learner).post("/en/calendar/")
    client.logout()
    assert client.get(path).status_code == 404


def test_a_feed_of_fifty_sessions_takes_as_many_queries_as_one(cohort, enrolled, learner, client):
    feed = services.feed_of(user=learner)
    make_meeting(cohort)
    with CaptureQueriesContext(connection) as one:
        client.get(f"/calendar/{feed.token}.ics")
    for hours in range(49):
        make_meeting(cohort, in_minutes=60 * (hours + 1))
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(f"/calendar/{feed.token}.ics")

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 51  # and the end date
    assert len(fifty) == len(one)


def test_the_register_of_many_takes_as_many_queries_as_of_few(cohort, online, trainer, signed_in):
    cohort.capacity = 100
    cohort.save()
    cohort.trainers.add(trainer)
    client = signed_in(trainer)
    url = f"/en/sessions/{online.public_id}/register/"
    enrollment_services.enroll_learner(cohort=cohort, learner=UserFactory())
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _n in range(30):
        enrollment = enrollment_services.enroll_learner(cohort=cohort, learner=UserFactory())
        Attendance.objects.create(
            meeting=online, enrollment=enrollment, status="present", changed_by=trainer
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


def test_reminders_go_once_never_for_a_cancelled_session(
    cohort, enrolled, learner, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    make_meeting(cohort, in_minutes=50)
    cancelled = make_meeting(cohort, in_minutes=40, title="Anulada")
    services.cancel_meeting(meeting=cancelled, by=coordinator)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = services.due_reminders()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.due_reminders()

    assert sorted(kind for _pk, kind in first) == ["day_before", "hour_before"]
    assert second == []
    to_learner = [m.subject for m in mailoutbox if m.to == [learner.email]]
    assert len(to_learner) == 2 and all("Webinario" in s for s in to_learner)


def test_attendance_is_in_the_learners_download_and_the_calendar_address_goes_on_erasure(
    online, enrolled, learner
):
    services.join(meeting=online, user=learner)
    services.feed_of(user=learner)

    data = privacy.export_personal_data(user=learner)
    assert data["sessions"]["attendance"][0]["status"] == "present"

    privacy.erase_account(user=learner)
    assert not learner.__class__.objects.get(pk=learner.pk).is_active
    from meetings.models import CalendarFeed

    assert not CalendarFeed.objects.exists()
    assert Attendance.objects.count() == 1  # the figures keep it, on an account naming no one


def test_attendance_shows_on_the_roster_its_export_and_the_learners_record(
    cohort, online, enrolled, learner, trainer, signed_in
):
    cohort.trainers.add(trainer)
    services.join(meeting=online, user=learner)
    client = signed_in(trainer)

    roster = client.get(f"/en/cohorts/{cohort.public_id}/roster/").content.decode()
    export = client.get(f"/api/v1/cohorts/{cohort.public_id}/roster/").json()
    record = client.get(f"/en/enrollments/{enrolled.public_id}/").content.decode()

    assert "Sessions attended" in roster
    assert export["results"][0]["sessions_attended"] == 1
    assert "Webinario con la formadora" in record and "Present" in record


def test_the_sign_in_sheet_lists_the_participants_in_the_sessions_language(
    cohort, workshop, enrolled, learner, trainer, signed_in
):
    import io

    from pypdf import PdfReader

    cohort.trainers.add(trainer)
    response = signed_in(trainer).get(f"/en/sessions/{workshop.public_id}/sign-in-sheet.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Ana Gutiérrez" in text and "Rosario" in text
    assert "Firma" in text  # the edition is in Spanish
    assert (
        signed_in(learner).get(f"/en/sessions/{workshop.public_id}/sign-in-sheet.pdf").status_code
        == 404
    )


def test_the_cohort_report_shows_attendance_per_session_with_small_groups_hidden(
    cohort, online, coordinator, signed_in, city
):
    from django.utils import timezone as tz

    from enrollments.models import Enrollment
    from meetings import reports

    cohort.capacity = 50
    cohort.save()
    for n in range(9):
        person = UserFactory(
            member_city=city,
            gender="woman" if n < 7 else "man",
            gender_consent_at=tz.now(),
        )
        enrollment = Enrollment.objects.create(
            cohort=cohort, learner=person, status="active", enrolled_at=tz.now()
        )
        Attendance.objects.create(meeting=online, enrollment=enrollment, status="present")

    (figures,) = reports.attendance(cohort)
    genders = {row.label: str(row.cell) for row in figures.breakdowns["gender"]}
    page = signed_in(coordinator).get(f"/en/cohorts/{cohort.public_id}/report/").content.decode()

    assert str(figures.present) == "9"
    # Two men: too few to name their answer, hidden, and the women with them.
    assert genders == {"women": "≥5", "other answers": "<5"}
    assert "Attendance at sessions" in page and "&lt;5" in page


def test_an_edition_without_reminders_sends_none(
    cohort, enrolled, learner, django_capture_on_commit_callbacks, mailoutbox
):
    cohort.session_reminders = "hour"
    cohort.save()
    make_meeting(cohort, in_minutes=50)
    make_meeting(cohort, in_minutes=60 * 20, title="Mañana")

    with django_capture_on_commit_callbacks(execute=True):
        claimed = services.due_reminders()

    assert [kind for _pk, kind in claimed] == ["hour_before"]
    cohort.session_reminders = "none"
    cohort.save()
    make_meeting(cohort, in_minutes=30, title="Otra")
    assert services.due_reminders() == []


def test_learners_see_their_next_sessions_on_my_courses_and_the_course_page(
    online, enrolled, learner, other_learner, signed_in
):
    client = signed_in(learner)
    for path in ("/en/my-courses/", "/es/cursos/ciudad-educadora/"):
        assert "Webinario con la formadora" in client.get(path).content.decode(), path
    stranger = signed_in(other_learner).get("/es/cursos/ciudad-educadora/").content.decode()
    assert "Webinario con la formadora" not in stranger


def test_a_session_with_limited_seats_books_each_place_once_and_no_more(
    cohort, workshop, enrolled, learner, other_learner, signed_in
):
    from meetings.models import Booking

    cohort.capacity = 5
    cohort.save()
    workshop.seats = 1
    workshop.save()
    second = enrollment_services.enroll_learner(cohort=cohort, learner=other_learner)
    url = f"/en/sessions/{workshop.public_id}/booking/"

    for _twice in range(2):
        booked = signed_in(learner).post(url, follow=True).content.decode()
    refused = signed_in(other_learner).post(url, follow=True).content.decode()

    assert "Your place is booked" in booked and "1 of 1 taken" in booked
    assert "Every place at this session is taken" in refused
    assert list(Booking.objects.values_list("enrollment", flat=True)) == [enrolled.pk]
    signed_in(learner).post(url, {"action": "cancel"})
    api = signed_in(other_learner).post(f"/api/v1/sessions/{workshop.public_id}/booking/")
    assert api.status_code == 200
    assert list(Booking.objects.values_list("enrollment", flat=True)) == [second.pk]
    full = signed_in(learner).post(f"/api/v1/sessions/{workshop.public_id}/booking/")
    assert full.status_code == 400 and full.json()["code"] == "full"
