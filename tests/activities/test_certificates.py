"""Those who attended an activity receive a certificate of attendance once its last session is
over: the same signed PDF and credential as a course's, saying "attended" and the hours,
verifiable on the same page and API."""

from __future__ import annotations

import csv
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
from tests.factories import UserFactory

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


def test_the_evaluation_chosen_by_the_organiser_opens_to_those_who_attended_once_it_is_over(
    held, learner, other_learner, coordinator, django_capture_on_commit_callbacks
):
    from enrollments.demo import seed_questionnaires
    from enrollments.questionnaires import eligibility
    from enrollments.questionnaires.models import Questionnaire, QuestionnaireTemplate

    activity, days = held
    seed_questionnaires(by=coordinator)
    Questionnaire.objects.filter(cohort=activity.cohort).delete()
    activity.evaluation = QuestionnaireTemplate.objects.get()
    activity.save()
    mine = Enrollment.objects.get(cohort=activity.cohort, learner=learner)
    theirs = Enrollment.objects.get(cohort=activity.cohort, learner=other_learner)
    # Admitted, the activity not over yet: no questionnaire, nobody is asked.
    last_end = timezone.now() + datetime.timedelta(hours=1)
    Meeting.objects.filter(pk=days[1].pk).update(ends_at=last_end)
    with django_capture_on_commit_callbacks(execute=True):
        sessions.set_attendance(
            meeting=days[0],
            by=coordinator,
            statuses={str(mine.public_id): "present", str(theirs.public_id): "absent"},
        )
        complete_finished()
    assert not Questionnaire.objects.filter(cohort=activity.cohort).exists()
    # Over: the evaluation opens at the end of the last session, for three weeks, anonymous;
    # the one who attended is asked, the one who did not is not.
    last_end = timezone.now() - datetime.timedelta(minutes=1)
    Meeting.objects.filter(pk=days[1].pk).update(ends_at=last_end)
    with django_capture_on_commit_callbacks(execute=True):
        complete_finished()
        complete_finished()  # the next hour: nothing more
    questionnaire = Questionnaire.objects.get(cohort=activity.cohort)
    assert questionnaire.opens_at == last_end
    assert questionnaire.closes_at == last_end + datetime.timedelta(days=21)
    assert questionnaire.is_anonymous
    assert list(eligibility.eligible_enrollments(questionnaire)) == [mine]
    assert eligibility.answerable_by(learner, Questionnaire.objects.all()).exists()
    assert not eligibility.answerable_by(other_learner, Questionnaire.objects.all()).exists()


def test_the_activity_report_follows_applicants_to_admitted_attended_and_certified(
    held,
    learner,
    other_learner,
    coordinator,
    signed_in,
    settings,
    django_capture_on_commit_callbacks,
):
    from enrollments.reports import aggregates

    settings.REPORT_MIN_CELL = 1  # so few people: every figure shown
    activity, days = held
    for n in range(3):  # three more applied and were not admitted
        enrolments.enroll_learner(
            learner=UserFactory(email=f"applicant{n}@aula.example"), cohort=activity.cohort
        )
    admission.close_waiting_list(cohort=activity.cohort, by=coordinator)
    mine = Enrollment.objects.get(cohort=activity.cohort, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        for day in days:
            sessions.set_attendance(
                meeting=day, by=coordinator, statuses={str(mine.public_id): "present"}
            )
        complete_finished()

    funnel = aggregates.cohort_report(activity.cohort).funnel
    assert [(label, cell.value) for _key, label, cell in funnel.stages()] == [
        ("Invited", 0),
        ("Applied", 5),
        ("Admitted", 2),
        ("Attended", 1),
        ("Certified", 1),
    ]
    client = signed_in(coordinator)
    page = client.get(f"/es/cohorts/{activity.cohort.public_id}/report/").content.decode()
    assert "Admitidas" in page and "Asistieron" in page and "Activos" not in page
    api = client.get(f"/api/v1/cohorts/{activity.cohort.public_id}/report/").json()
    assert api["of_activities"] is True
    assert (api["funnel"]["applied"], api["funnel"]["enrolled"]) == (5, 2)


def test_a_delegation_report_covers_courses_or_activities_as_asked(
    held, cohort, learner, coordinator, signed_in
):
    activity, _days = held
    client = signed_in(coordinator)
    code = cohort.delegation.code
    listed = {}
    for what in ("", "courses", "activities"):
        data = client.get(f"/api/v1/reports/delegation/?delegation={code}&what={what}").json()
        listed[what] = {c["id"] for c in data["cohorts"]}
    assert listed["activities"] == {str(activity.cohort.public_id)}
    assert str(activity.cohort.public_id) not in listed["courses"]
    assert listed[""] == listed["courses"] | listed["activities"]
    page = client.get(f"/es/reports/?delegation={code}&what=activities").content.decode()
    # The report names each edition in the reader's language.
    assert ">Seminario de Rosario</a>" in page and cohort.title not in page
    refused = client.get("/api/v1/reports/delegation/?what=seminars")
    assert refused.status_code == 400
    assert [e["field"] for e in refused.json()["errors"]] == ["what"]


def test_the_open_figures_file_has_a_line_per_year_of_activities(held, client):
    from tests.shared import csv_text

    text = csv_text(client.get("/en/figures/?format=csv"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-1] == "Activities held"
    activities = [row for row in rows[1:] if row[1] == "Network activities"]
    assert activities == [
        ["", "Network activities", str(timezone.localdate().year), "<5", "", "", "", "1"]
    ]
