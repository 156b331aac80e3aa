"""Those who attended an activity receive a certificate of attendance once its last session is
over: the same signed PDF and credential as a course's, saying "attended" and the hours,
verifiable on the same page and API."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.storage import storages
from django.utils import timezone
from pypdf import PdfReader

from activities.models import NetworkActivity
from activities.tasks import complete_finished
from certificates.models import Certificate
from enrollments import admission
from enrollments import services as enrolments
from enrollments.models import Enrollment
from meetings import services as sessions
from meetings.models import Meeting

from .test_activities import make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(city, coordinator, learner, other_learner) -> tuple[NetworkActivity, list[Meeting]]:
    """A two-day study visit with two participants admitted; its second day ends later."""
    activity = make_activity(
        city.delegation,
        by=coordinator,
        kind=NetworkActivity.Kind.STUDY_VISIT,
        publish=False,
        starts_on=timezone.localdate() - datetime.timedelta(days=1),
        ends_on=timezone.localdate(),
    )
    now = timezone.now()
    days = [
        Meeting.objects.create(
            cohort=activity.cohort,
            title="Visita",
            kind=Meeting.Kind.FACE_TO_FACE,
            starts_at=now - datetime.timedelta(hours=hours + 3),
            ends_at=now - datetime.timedelta(hours=hours),
            time_zone="America/Argentina/Buenos_Aires",
            venue_name="Municipalidad",
            venue_city="Rosario",
        )
        for hours in (30, 1)
    ]
    from courses.models import Cohort

    Cohort.objects.filter(pk=activity.cohort_id).update(status=Cohort.Status.OPEN)
    for person in (learner, other_learner):
        enrolments.enroll_learner(learner=person, cohort=activity.cohort)
    admission.confirm(
        cohort=activity.cohort,
        enrollment_ids=list(
            Enrollment.objects.filter(cohort=activity.cohort).values_list("pk", flat=True)
        ),
        by=coordinator,
    )
    return activity, days


def test_attendees_get_a_certificate_of_attendance_with_the_hours_they_attended(
    held, learner, other_learner, coordinator, client, django_capture_on_commit_callbacks
):
    activity, days = held
    mine = Enrollment.objects.get(cohort=activity.cohort, learner=learner)
    theirs = Enrollment.objects.get(cohort=activity.cohort, learner=other_learner)
    learner.preferred_language = "es"
    learner.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        sessions.set_attendance(
            meeting=days[0],
            by=coordinator,
            statuses={str(mine.public_id): "present", str(theirs.public_id): "absent"},
        )
        sessions.set_attendance(
            meeting=days[1], by=coordinator, statuses={str(mine.public_id): "present"}
        )
    certificate = Certificate.objects.get(enrollment=mine)
    assert not Certificate.objects.filter(enrollment=theirs).exists()  # absent both days
    claims = certificate.printed
    assert (claims.kind, claims.hours) == ("attendance", 6)
    assert certificate.credential["credentialSubject"]["achievement"]["achievementType"] == (
        "Certificate"
    )
    assert (
        (certificate.credential["credentialSubject"]["achievement"]["criteria"]["narrative"])
        == "Asistió a Seminario de Rosario (6 horas)."
    )
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        printed = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert "Certificado de asistencia" in printed
    verified = client.get(f"/api/v1/certificates/verify/{claims.display_code}").json()
    assert verified["state"] == "valid"
    assert verified["certificate"]["kind"] == "attendance"
    page = client.get(f"/es/verify/{claims.display_code}/").content.decode()
    assert "Certificado de asistencia" in page


def test_nobody_completes_before_the_last_session_is_over_and_the_hourly_job_catches_up(
    held, learner, coordinator, django_capture_on_commit_callbacks
):
    activity, days = held
    mine = Enrollment.objects.get(cohort=activity.cohort, learner=learner)
    Meeting.objects.filter(pk=days[1].pk).update(
        ends_at=timezone.now() + datetime.timedelta(minutes=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        sessions.set_attendance(
            meeting=days[0], by=coordinator, statuses={str(mine.public_id): "present"}
        )
    assert Enrollment.objects.get(pk=mine.pk).status == "active"
    Meeting.objects.filter(pk=days[1].pk).update(
        ends_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert complete_finished() == 1
        complete_finished()  # run again: nothing changes
    assert Enrollment.objects.get(pk=mine.pk).status == "completed"
    assert Certificate.objects.filter(enrollment=mine).count() == 1


def test_the_open_figures_count_activities_held_apart_from_courses_with_small_groups_hidden(
    held, client, settings
):
    settings.REPORT_MIN_CELL = 5
    activity, _days = held
    page = client.get("/en/figures/").content.decode()
    section = page[page.index('id="activities-heading"') :]
    # One activity held this year, two participants: fewer than five, so hidden.
    assert f'<th scope="row">{timezone.localdate().year}</th>' in section
    assert "<td>1</td>" in section and "&lt;5" in section
    # Its course record is no course of the open figures.
    assert activity.cohort.course.code not in page[: page.index('id="activities-heading"')]
    api = client.get("/api/v1/reports/open/").json()
    assert [(a["year"], a["held"]) for a in api["activities"]] == [(timezone.localdate().year, 1)]
    assert api["activities"][0]["participants"] == "<5"
    assert all(f["course"] != activity.cohort.course.code for f in api["figures"])


def test_a_check_in_code_of_another_activity_is_refused(held, learner, coordinator, city, client):
    from meetings.models import Attendance

    _activity, days = held
    other = make_activity(city.delegation, by=coordinator, title="Otra actividad")
    elsewhere = other.cohort.meetings.get()
    Meeting.objects.filter(pk=days[1].pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=10),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    Meeting.objects.filter(pk=elsewhere.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=10),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    elsewhere.refresh_from_db()
    client.force_login(learner)
    refused = client.post(
        f"/en/sessions/{days[1].public_id}/check-in/",
        {"code": sessions.check_in_code(elsewhere)},
    )
    assert refused.status_code == 400
    assert "belongs to another session" in refused.content.decode()
    assert not Attendance.objects.filter(meeting=days[1]).exists()


def test_the_evaluation_opens_to_those_who_attended_once_the_activity_is_over(
    held, learner, other_learner, coordinator, django_capture_on_commit_callbacks
):
    from enrollments.questionnaires import eligibility
    from enrollments.questionnaires.models import Questionnaire, QuestionnaireTemplate
    from enrollments.questionnaires.services import snapshot

    activity, days = held
    template = QuestionnaireTemplate.objects.first()
    if template is None:
        from enrollments.demo import seed_questionnaires

        seed_questionnaires(by=coordinator)
        Questionnaire.objects.filter(cohort=activity.cohort).delete()
        template = QuestionnaireTemplate.objects.get()
    questionnaire = Questionnaire.objects.create(
        cohort=activity.cohort,
        template=template,
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() + datetime.timedelta(days=30),
        questions=snapshot(template),
    )
    mine = Enrollment.objects.get(cohort=activity.cohort, learner=learner)
    theirs = Enrollment.objects.get(cohort=activity.cohort, learner=other_learner)
    # Admitted, the activity not over yet: nobody is asked.
    Meeting.objects.filter(pk=days[1].pk).update(
        ends_at=timezone.now() + datetime.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        sessions.set_attendance(
            meeting=days[0],
            by=coordinator,
            statuses={str(mine.public_id): "present", str(theirs.public_id): "absent"},
        )
    assert not eligibility.eligible_enrollments(questionnaire).exists()
    assert not eligibility.answerable_by(learner, Questionnaire.objects.all()).exists()
    # Over: the one who attended is asked, the one who did not is not.
    Meeting.objects.filter(pk=days[1].pk).update(
        ends_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete_finished()
    assert list(eligibility.eligible_enrollments(questionnaire)) == [mine]
    assert eligibility.answerable_by(learner, Questionnaire.objects.all()).exists()
    assert not eligibility.answerable_by(other_learner, Questionnaire.objects.all()).exists()
