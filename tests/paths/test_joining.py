"""Learners join a learning path by themselves when its coordinators open it to joining: they
find it listed, join with one button (or through the API), and are enrolled as if they had
enrolled themselves in the editions open now; joining again changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from enrollments.models import Enrollment
from paths import services
from paths.models import PathEnrollment
from tests.factories import CohortFactory, CourseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(site):
    return site["course"].course, CourseFactory(code="CEC-102")


@pytest.fixture
def path(courses, city, coordinator):
    first, second = courses
    CohortFactory(course=first, delegation=city.delegation, title="Carta 2027")
    CohortFactory(course=second, delegation=city.delegation, title="Principios 2027")
    return services.save_path(
        by=coordinator,
        delegation=city.delegation,
        title="Inducción",
        title_translations={"pt": "Indução"},
        courses=[first, second],
        open_to_join=True,
    )


def test_a_learner_joins_an_open_path_from_its_page_and_is_enrolled_in_its_first_course(
    signed_in, learner, path, courses
):
    client = signed_in(learner)
    listed = client.get("/es/paths/open/").content.decode()
    assert "Inducción" in listed and "Unirte a Inducción" in listed

    joined = client.post(f"/es/paths/{path.public_id}/join/", follow=True)
    page = joined.content.decode()
    assert joined.redirect_chain[-1][0] == "/es/my-courses/"
    assert "Estás en «Inducción» y te has inscrito en «Carta 2027»." in page
    entry = PathEnrollment.objects.get(path=path, learner=learner)
    assert entry.enrolled_by == learner
    held = Enrollment.objects.get(learner=learner)
    assert (held.cohort.course, held.status) == (courses[0], "active")  # in order: the first

    again = client.post(f"/es/paths/{path.public_id}/join/", follow=True).content.decode()
    assert "Ya estás en «Inducción»." in again
    assert PathEnrollment.objects.count() == 1 and Enrollment.objects.count() == 1
    assert "Estás en este itinerario." in client.get("/es/paths/open/").content.decode()


def test_a_path_not_open_to_join_is_neither_listed_nor_joinable(
    signed_in, learner, path, coordinator, city, courses
):
    closed = services.save_path(
        by=coordinator, delegation=city.delegation, title="Solo por invitación",
        courses=list(courses),
    )  # fmt: skip
    client = signed_in(learner)
    assert "Solo por invitación" not in client.get("/es/paths/open/").content.decode()
    assert client.post(f"/es/paths/{closed.public_id}/join/").status_code == 404
    api = client.post(f"/api/v1/paths/{closed.public_id}/join/")
    assert api.status_code == 404
    assert api.json()["detail"] == "There is no such path."
    with pytest.raises(ValidationError):
        services.join(path=closed, learner=learner)
    assert not PathEnrollment.objects.filter(path=closed).exists()
    assert not Enrollment.objects.exists()


def test_joining_applies_each_editions_conditions_and_tries_the_next_edition(
    learner, path, courses, city
):
    first = courses[0]
    soonest = first.cohorts.get()
    soonest.visibility = "invitation"
    soonest.save()
    later = CohortFactory(
        course=first, delegation=city.delegation, title="Carta 2027 (segunda)",
        starts_on=timezone.localdate() + datetime.timedelta(days=20),
    )  # fmt: skip

    _entry, created, made = services.join(path=path, learner=learner)

    assert created
    assert [e.cohort for e in made] == [later]  # the invitation-only edition did not take them


def test_the_api_lists_open_paths_and_joins_once(signed_in, learner, path, courses, client):
    assert client.get("/api/v1/paths/open/").status_code == 401
    api = signed_in(learner)
    listed = api.get("/api/v1/paths/open/", headers={"Accept-Language": "pt"})
    assert [(p["title"], p["courses"]) for p in listed.json()] == [
        ("Inducción", [courses[0].code, "CEC-102"])
    ]
    first = api.post(f"/api/v1/paths/{path.public_id}/join/")
    assert first.status_code == 201
    cohort = Enrollment.objects.get(learner=learner).cohort
    assert first.json() == {
        "path": str(path.public_id),
        "joined": True,
        "editions": [str(cohort.public_id)],
    }
    again = api.post(f"/api/v1/paths/{path.public_id}/join/")
    assert (again.status_code, again.json()["joined"], again.json()["editions"]) == (200, False, [])


def test_my_courses_points_to_the_paths_a_learner_can_join_until_they_joined(
    signed_in, learner, path
):
    client = signed_in(learner)
    assert "/es/paths/open/" in client.get("/es/my-courses/").content.decode()
    services.join(path=path, learner=learner)
    assert "/es/paths/open/" not in client.get("/es/my-courses/").content.decode()


def test_anyone_reads_the_list_and_is_asked_to_sign_in_to_join(client, path):
    page = client.get("/pt/paths/open/").content.decode()
    assert "Indução" in page
    assert "/pt/accounts/login/?next=/pt/paths/open/" in page
    assert client.post(f"/pt/paths/{path.public_id}/join/").status_code == 302  # to sign in
    assert not PathEnrollment.objects.exists()
