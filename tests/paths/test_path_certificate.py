"""Issue 16, a path's certificate: finishing every course of a learning path issues one more
certificate, the same verifiable PDF/A and signed Open Badges credential as a course's, listing
the courses as evidence. Once only, however often the path is advanced; correctable and
revocable like any other; it does not take the place of a course's own certificate."""

from __future__ import annotations

import html
import io
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import storages
from django.utils import timezone
from pypdf import PdfReader

from certificates import issuer
from certificates import services as certifying
from certificates.credentials import offline, signing
from certificates.models import Certificate
from certificates.pdf.read import attached_credential
from enrollments import progress
from enrollments.models import Enrollment
from paths import services
from paths.models import PathEnrollment
from tests.factories import CohortFactory, CourseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(site, city, coordinator, learner, django_capture_on_commit_callbacks):
    """A learner who followed a two-course path to its end, the way it happens: each course
    completed by its coordinator, the path moving on by itself."""
    first, second = site["course"].course, CourseFactory(code="CEC-102", nominal_hours=12)
    path = services.save_path(
        by=coordinator,
        delegation=city.delegation,
        title="Inducción",
        title_translations={"pt": "Indução"},
        courses=[first, second],
    )
    CohortFactory(course=first, delegation=city.delegation, title="Carta 2027")
    CohortFactory(course=second, delegation=city.delegation, title="Participación 2027")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(path=path, by=coordinator, emails=[learner.email])
    for course in (first, second):
        enrollment = Enrollment.objects.get(learner=learner, cohort__course=course)
        with django_capture_on_commit_callbacks(execute=True):
            progress.complete_by_hand(actor=coordinator, enrollment=enrollment, reason="Done")
    return PathEnrollment.objects.get(path=path, learner=learner)


def path_certificate(entry: PathEnrollment) -> Certificate:
    return Certificate.objects.get(path_enrollment=entry, replaces__isnull=True)


def stored(certificate: Certificate) -> bytes:
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        return handle.read()


def test_finishing_the_path_issues_a_certificate_listing_its_courses(finished, learner):
    assert finished.completed_at is not None
    certificate = path_certificate(finished)
    assert certificate.status == Certificate.Status.ISSUED
    claims = certificate.printed
    assert claims.kind == "path" and claims.course_title == "Inducción"
    assert claims.holder_name == "Ana Gutiérrez"
    courses = Certificate.objects.of_courses().filter(enrollment__learner=learner)
    assert courses.count() == 2  # each course keeps its own certificate
    assert [item["code"] for item in claims.evidence] == [
        finished.path.steps.order_by("position")[0].course.code,
        "CEC-102",
    ]
    assert {item["verify_url"] for item in claims.evidence} == {
        c.printed.verify_url for c in courses
    }
    assert claims.hours == sum(c.printed.hours for c in courses)

    pdf = stored(certificate)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "has completed every course of the learning path" in text
    assert "Inducción" in text and claims.display_code in text
    for course in courses:
        assert course.printed.course_title in text

    credential = json.loads(attached_credential(pdf) or b"{}")
    signing.verify(credential, did_document=issuer.did_document())
    read = offline.check(credential, did_document=issuer.did_document(), fetch_status=None)
    assert read.claims["kind"] == "path"
    assert [item["title"] for item in read.claims["evidence"]] == [
        item["title"] for item in claims.evidence
    ]
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "LearningProgram"


def test_advancing_again_or_at_once_issues_no_second_certificate(finished):
    services.advance_all()
    services.advance(finished)
    path = finished.path
    entry = PathEnrollment.objects.get(pk=finished.pk)
    from paths import certificates

    certificates.start(entry, services.standing(entry))
    assert Certificate.objects.filter(path_enrollment=finished).count() == 1
    assert path.enrollments.filter(completed_at__isnull=False).count() == 1


def test_a_path_completed_without_a_certificate_gets_one_at_the_next_beat(
    finished, django_capture_on_commit_callbacks
):
    Certificate.objects.filter(path_enrollment=finished).delete()

    with django_capture_on_commit_callbacks(execute=True):
        services.advance_all()

    assert path_certificate(finished).status == Certificate.Status.ISSUED


def test_anyone_checking_the_code_sees_the_courses(finished, client):
    certificate = path_certificate(finished)
    code = certificate.printed.display_code

    record = client.get(f"/api/v1/certificates/verify/{code}").json()
    page = client.get(f"/pt/verify/{code}/").content.decode()

    assert record["state"] == "valid" and record["certificate"]["kind"] == "path"
    assert [c["code"] for c in record["certificate"]["courses"]][-1] == "CEC-102"
    assert "Percurso de aprendizagem" in page and "Inducción" in page
    for course in record["certificate"]["courses"]:
        assert f'href="{course["verify_url"]}"' in page  # each course's own certificate


def test_my_courses_offers_the_path_certificate_and_each_course_keeps_its_own(
    finished, learner, signed_in
):
    page = signed_in(learner).get("/es/my-courses/").content.decode()
    certificate = path_certificate(finished)

    assert f"/certificates/{certificate.public_id}/pdf" in page
    # On LinkedIn under the path's name, with its code and public page (each course's own
    # certificate keeps its link too).
    offered = [
        parse_qs(urlsplit(html.unescape(link)).query)
        for link in re.findall(r'href="(https://www\.linkedin\.com/profile/add[^"]+)"', page)
    ]
    assert {
        "startTask": ["CERTIFICATION_NAME"],
        "name": ["Inducción"],
        "organizationName": [issuer.issuer_name(certificate.printed.language)],
        "issueYear": [str(certificate.printed.issued_on.year)],
        "issueMonth": [str(certificate.printed.issued_on.month)],
        "certUrl": [certificate.printed.verify_url],
        "certId": [certificate.printed.display_code],
    } in offered
    for course in Certificate.objects.of_courses().filter(enrollment__learner=learner):
        assert f"/certificates/{course.public_id}/pdf" in page


def test_a_corrected_path_certificate_prints_the_new_name_and_the_same_courses(
    finished, learner, coordinator, django_capture_on_commit_callbacks
):
    old = path_certificate(finished)
    learner.certificate_name = "Ana María Gutiérrez"
    learner.save()

    with django_capture_on_commit_callbacks(execute=True):
        new = certifying.correct_certificate(certificate=old, by=coordinator, reason="Full name")

    new.refresh_from_db()
    assert new.path_enrollment_id == finished.pk and new.status == Certificate.Status.ISSUED
    assert new.printed.holder_name == "Ana María Gutiérrez"
    assert new.printed.evidence == old.printed.evidence
    assert new.printed.kind == "path"


def test_the_certificate_stays_when_the_account_is_erased(finished, learner):
    from accounts import privacy

    data = privacy.export_personal_data(user=learner)
    assert any(c["claims"]["kind"] == "path" for c in data["certificates"])

    privacy.erase_account(user=learner)

    assert path_certificate(finished).printed.course_title == "Inducción"


def test_no_certificate_while_a_course_is_unfinished(
    site, city, coordinator, learner, django_capture_on_commit_callbacks
):
    path = services.save_path(
        by=coordinator,
        delegation=city.delegation,
        title="Dos",
        courses=[site["course"].course, CourseFactory(code="CEC-103")],
    )
    CohortFactory(course=site["course"].course, delegation=city.delegation)
    services.enrol(path=path, by=coordinator, emails=[learner.email])
    enrollment = Enrollment.objects.get(learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        progress.complete_by_hand(actor=coordinator, enrollment=enrollment, reason="Done")
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())

    services.advance_all()

    assert not Certificate.objects.filter(path_enrollment__isnull=False).exists()
