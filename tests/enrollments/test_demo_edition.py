"""The demo has a finished edition, so a coordinator trying Aula sees a real report: charts,
small groups hidden, questionnaire results, and certificates that verify."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from courses.models import Cohort
from enrollments.demo_edition import CITIES, TITLE
from enrollments.models import Enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(django_capture_on_commit_callbacks) -> Cohort:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    return Cohort.objects.get(title=TITLE)


@pytest.fixture
def demo_coordinator(client):
    assert client.login(username="coordinator@aula.example", password="aula-demo-2026")
    return client


def test_the_coordinator_sees_the_finished_edition_with_its_small_groups_hidden(
    edition, demo_coordinator
):
    report = demo_coordinator.get(f"/api/v1/cohorts/{edition.public_id}/report/").json()

    finished = Enrollment.objects.filter(cohort=edition, status="completed").count()
    assert report["funnel"]["enrolled"] == len(CITIES)
    assert report["funnel"]["completed"] == report["funnel"]["certified"] == finished > 0
    countries = next(b for b in report["breakdowns"] if b["dimension"] == "country")
    uruguay = next(group for group in countries["groups"] if group["key"] == "UY")
    assert uruguay["enrolled"] == "<5"  # one person from Montevideo

    page = demo_coordinator.get(f"/es/cohorts/{edition.public_id}/report/").content.decode()
    assert "<svg" in page and "&lt;5" in page
    # The Charter's activity has an average score, and activity starts with the edition.
    assert report["activity_scores"] and report["activity_scores"][0]["average_score"] is not None
    assert report["activity_by_week"][0]["starts_on"] >= str(
        edition.starts_on - datetime.timedelta(days=edition.starts_on.weekday())
    )


def test_the_delegations_report_over_the_demo_answers_with_the_editions_figures(
    edition, demo_coordinator
):
    # Once spun forever on the demo: a group of people none of whom completed.
    report = demo_coordinator.get("/api/v1/reports/delegation/").json()

    assert edition.title in [cohort["title"] for cohort in report["cohorts"]]
    assert report["funnel"]["enrolled"] >= len(CITIES)
    page = demo_coordinator.get("/es/reports/").content.decode()
    assert "<svg" in page


def test_its_questionnaire_results_show_averages_without_naming_anyone(edition, demo_coordinator):
    questionnaire = edition.questionnaires.get()
    results = demo_coordinator.get(
        f"/api/v1/questionnaires/{questionnaire.public_id}/results/"
    ).json()

    overall = next(q for q in results["questions"] if q["key"] == "overall")
    assert 1 <= overall["average"] <= 5
    assert questionnaire.responses.filter(enrollment__isnull=False).count() == 0
    assert "participante" not in str(results)


def test_every_certificate_of_the_edition_verifies(edition, client):
    certificates = Certificate.objects.filter(enrollment__cohort=edition)

    assert (
        certificates.count()
        == Enrollment.objects.filter(cohort=edition, status="completed").count()
    )
    for certificate in certificates:
        response = client.get(f"/api/v1/certificates/verify/{certificate.printed.display_code}")
        assert response.json()["state"] == "valid"
