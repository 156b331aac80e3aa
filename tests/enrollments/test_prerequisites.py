"""A course may require another: enrolling is refused, saying which, until the learner has
completed it; an invitation from the edition's coordinators lets anyone in; a course never
requires itself, even through others."""

from __future__ import annotations

import pytest
from django.utils import timezone

from courses.models import Course
from enrollments import invitations
from enrollments.models import Enrollment
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter_first(cohort, city):
    """The test course now requires "the Charter" (another course, with a finished edition)."""
    charter = Course(code="CHARTER-101", nominal_hours=4, status="published")
    charter.set_current_language("en")
    charter.certificate_title = "The Charter of Educating Cities"
    charter.save()
    cohort.course.prerequisites.add(charter)
    return CohortFactory(course=charter, delegation=city.delegation)


def test_enrolling_before_completing_the_required_course_is_refused_saying_which(
    cohort, charter_first, learner, signed_in, site
):
    client = signed_in(learner)
    page = client.get(site["course"].url.replace("/es/", "/en/", 1)).content.decode()
    assert "Before you enrol, complete:" in page and "The Charter of Educating Cities" in page
    refused = client.post(f"/api/v1/cohorts/{cohort.public_id}/enroll/", {}, "application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "prerequisite_missing"
    assert "CHARTER-101 · The Charter of Educating Cities" in refused.json()["detail"]
    assert not Enrollment.objects.filter(cohort=cohort).exists()

    Enrollment.objects.create(
        cohort=charter_first, learner=learner, status="completed", completed_at=timezone.now()
    )
    enrolled = client.post(f"/api/v1/cohorts/{cohort.public_id}/enroll/", {}, "application/json")
    assert enrolled.status_code == 201


def test_an_invitation_from_the_coordinators_lets_the_learner_in_all_the_same(
    cohort, charter_first, learner, coordinator
):
    invitation, _new = invitations.invite(
        cohort=cohort, email=learner.email, invited_by=coordinator
    )
    enrollment = invitations.accept_invitation(token=invitation.token, learner=learner)
    assert enrollment.cohort == cohort and enrollment.holds_a_seat


def test_a_course_cannot_require_itself_even_through_others(
    cohort, charter_first, site_admin, client
):
    charter = charter_first.course
    client.force_login(site_admin)
    response = client.post(
        f"/django-admin/courses/course/{charter.pk}/change/",
        {
            "code": charter.code,
            "nominal_hours": 4,
            "status": "published",
            "certificate_title": "The Charter of Educating Cities",
            "description": "",
            "prerequisites": [cohort.course.pk],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{cohort.course.code} already require this course" in page
    assert not charter.prerequisites.exists()
