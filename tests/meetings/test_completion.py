"""An edition can ask for attendance: at least N of its sessions, or the sessions marked as
required. Being marked present is what completes it then; an excused absence never counts."""

from __future__ import annotations

from enrollments import progress
from enrollments.models import Enrollment
from meetings import services
from meetings.models import Attendance

from .conftest import make_meeting


def finish_every_lesson(learner, site) -> None:
    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=learner, lesson=lesson)


def status_of(enrollment) -> str:
    return Enrollment.objects.get(pk=enrollment.pk).status


def test_an_edition_asking_for_two_sessions_completes_at_the_second_presence(
    site, cohort, enrolled, learner, trainer, client
):
    cohort.min_sessions_attended = 2
    cohort.save()
    cohort.trainers.add(trainer)
    first, second = make_meeting(cohort), make_meeting(cohort, in_minutes=-20)
    finish_every_lesson(learner, site)
    assert status_of(enrolled) == "active"
    client.force_login(learner)
    page = client.get("/en/cursos/ciudad-educadora/primer-modulo/leccion-2/").content.decode()
    assert "attend 2 more of the edition" in page

    services.set_attendance(
        meeting=first, by=trainer, statuses={str(enrolled.public_id): "present"}
    )
    services.set_attendance(
        meeting=second, by=trainer, statuses={str(enrolled.public_id): "excused"}
    )
    assert status_of(enrolled) == "active"  # excused is not present

    services.join(meeting=second, user=learner)
    assert status_of(enrolled) == "completed"


def test_a_required_session_must_be_attended_even_with_enough_others(
    site, cohort, enrolled, learner, coordinator
):
    cohort.min_sessions_attended = 1
    cohort.save()
    webinar = make_meeting(cohort)
    workshop = make_meeting(
        cohort,
        in_minutes=-5,
        kind="face_to_face",
        meeting_url="",
        venue_name="Sala",
        venue_city="Rosario",
        is_required=True,
    )
    services.join(meeting=webinar, user=learner)
    finish_every_lesson(learner, site)
    assert status_of(enrolled) == "active"

    services.check_in(meeting=workshop, user=learner, code=services.check_in_code(workshop))
    assert status_of(enrolled) == "completed"
    assert Attendance.objects.filter(status="present").count() == 2


def test_cancelling_a_required_session_completes_those_who_did_the_rest(
    site, cohort, enrolled, learner, coordinator, django_capture_on_commit_callbacks
):
    required = make_meeting(cohort, in_minutes=60 * 24, is_required=True)
    finish_every_lesson(learner, site)
    assert status_of(enrolled) == "active"

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting=required, by=coordinator)

    assert status_of(enrolled) == "completed"


def test_attended_hours_add_to_the_certificates_when_the_edition_says_so(
    cohort, enrolled, learner, coordinator
):
    from django.utils import timezone

    from certificates import services as certificates
    from certificates.credentials import codes

    first = make_meeting(cohort, minutes=90)
    second = make_meeting(cohort, in_minutes=-30, minutes=90)
    third = make_meeting(cohort, in_minutes=-20, minutes=60)
    services.join(meeting=first, user=learner)
    services.join(meeting=second, user=learner)
    services.set_attendance(
        meeting=third, by=coordinator, statuses={str(enrolled.public_id): "excused"}
    )
    nominal = cohort.course.nominal_hours

    def hours() -> int:
        enrollment = Enrollment.objects.select_related("cohort__course", "learner").get(
            pk=enrolled.pk
        )
        return certificates.claims_for(enrollment, code=codes.new_code(), on=timezone.now()).hours

    assert hours() == nominal  # the edition does not count them
    cohort.session_hours_count = True
    cohort.save()
    assert hours() == nominal + 3  # 1.5 h twice; the excused hour does not count
