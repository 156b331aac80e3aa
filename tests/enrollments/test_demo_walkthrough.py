"""The issue's "done means", on the demo as `make run` seeds it: a learner finishes the Charter
course and answers its end-of-course questionnaire; the coordinator sees the results and the
cohort report with charts and small groups hidden, and the exports open as spreadsheets; the
learner downloads their data and erases their account, and their certificate still verifies."""

from __future__ import annotations

import json
import uuid
from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import call_command

from accounts.models import User
from certificates.models import Certificate
from cms.models import Activity, CourseLesson, activity_iri
from courses.models import Cohort
from enrollments.demo_edition import TITLE as FINISHED_EDITION
from enrollments.models import Enrollment
from enrollments.questionnaires.models import Questionnaire, Respondent, Response
from tests.shared import csv_text, downloaded

pytestmark = pytest.mark.django_db

PASSWORD = "aula-demo-2026"


@pytest.fixture
def demo(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())


def sign_in(client, email: str):  # type: ignore[no-untyped-def]
    client.logout()
    assert client.login(username=email, password=PASSWORD)
    return client


def finish_the_course(client, cohort: Cohort) -> None:  # type: ignore[no-untyped-def]
    """Every lesson the way a learner finishes it: activities by their xAPI results, the rest
    with "mark as done"."""
    with_activities = set(
        Activity.objects.filter(course=cohort.course, is_active=True).values_list(
            "lesson_id", flat=True
        )
    )
    for entry in CourseLesson.objects.filter(course=cohort.course, is_live=True).select_related(
        "lesson"
    ):
        if entry.lesson_id in with_activities:
            continue
        done = client.post(f"/api/v1/lessons/{entry.lesson.translation_key}/done/")
        assert done.status_code == 200, done.content
    statements = [
        {
            "id": str(uuid.uuid4()),
            "actor": {"mbox": "mailto:learner@aula.example"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": activity_iri(activity.key), "objectType": "Activity"},
            "result": {"score": {"raw": 1, "max": 1, "scaled": 1.0}, "completion": True},
        }
        for activity in Activity.objects.filter(course=cohort.course, is_active=True)
    ]
    if statements:
        sent = client.post("/api/v1/xapi/statements", statements, content_type="application/json")
        assert sent.status_code == 200, sent.content


def test_the_demo_walkthrough_from_enrolment_to_an_erased_account_whose_certificate_verifies(
    demo, client, django_capture_on_commit_callbacks
):
    cohort = (
        Cohort.objects.filter(course__code="CEC-101")
        .exclude(title=FINISHED_EDITION)
        .order_by("pk")
        .first()
    )
    assert cohort is not None
    learner = User.objects.get(email="learner@aula.example")
    browser = sign_in(client, learner.email)

    # The learner enrols from the course and finishes it; the certificate follows.
    assert browser.post(f"/es/cohorts/{cohort.public_id}/enroll/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        finish_the_course(browser, cohort)
    enrollment = Enrollment.objects.get(cohort=cohort, learner=learner)
    assert enrollment.status == Enrollment.Status.COMPLETED
    certificate = Certificate.objects.get(enrollment=enrollment)

    # "My courses" asks for the evaluation; the learner answers it in Spanish, once.
    questionnaire = Questionnaire.objects.get(cohort=cohort, after_module__isnull=True)
    url = f"/es/questionnaires/{questionnaire.public_id}/"
    assert url in browser.get("/es/my-courses/").content.decode()
    answers = {"q-overall": "5", "q-useful": "4", "q-recommend": "9", "q-format": "blended"}
    assert browser.post(url, answers).status_code == 302
    again = browser.post(url, {**answers, "q-overall": "1"})
    assert "Ya has respondido este cuestionario" in again.content.decode()
    assert Response.objects.filter(questionnaire=questionnaire).count() == 1
    assert Response.objects.get(questionnaire=questionnaire).enrollment is None  # anonymous
    assert Respondent.objects.filter(questionnaire=questionnaire, enrollment=enrollment).exists()

    # The coordinator reads results and the report: one answer and one learner are too few.
    coordinator = sign_in(client, "coordinator@aula.example")
    followed = coordinator.get("/es/my-courses/").content.decode()
    assert "resultados de «Evaluación final del curso» (versión 1)" in followed
    results = coordinator.get(f"/es/questionnaires/{questionnaire.public_id}/results/")
    assert results.status_code == 200
    # Anonymous and answered by one person: the answers stay hidden, and the page says why.
    assert "menos de 5 personas" in results.content.decode()
    report = coordinator.get(f"/es/cohorts/{cohort.public_id}/report/").content.decode()
    assert "<svg" in report and "&lt;5" in report
    figures = coordinator.get(f"/api/v1/cohorts/{cohort.public_id}/report/").json()
    assert figures["funnel"]["completed"] == "<5"

    # Exports open in a spreadsheet, with nobody named.
    sheet = openpyxl.load_workbook(
        BytesIO(
            downloaded(
                coordinator.get(
                    f"/es/questionnaires/{questionnaire.public_id}/results/?export=xlsx"
                )
            )
        )
    )
    cells = [str(c) for row in sheet.active.iter_rows(values_only=True) for c in row if c]
    assert cells and not any(learner.email in c or "Rosario" in c for c in cells)
    report_csv = csv_text(coordinator.get(f"/api/v1/cohorts/{cohort.public_id}/report/?export=csv"))
    assert "<5" in report_csv and learner.email not in report_csv

    # The learner takes their data away, then erases the account.
    browser = sign_in(client, learner.email)
    data = json.loads(browser.get("/es/accounts/profile/my-data/").content)
    assert data["profile"]["email"] == learner.email
    assert [c["claims"]["holder_name"] for c in data["certificates"]] == [
        certificate.printed.holder_name
    ]
    erased = browser.post("/es/accounts/profile/erase/", {"confirm": "1", "password": PASSWORD})
    assert erased.status_code == 302
    assert not User.objects.filter(email="learner@aula.example").exists()

    # Anyone still verifies the certificate, with the name as printed.
    client.logout()
    verified = client.get(f"/api/v1/certificates/verify/{certificate.printed.display_code}").json()
    assert verified["state"] == "valid"
    assert verified["certificate"]["holder_name"] == certificate.printed.holder_name
    assert Enrollment.objects.filter(cohort=cohort, status="completed").count() == 1
