"""The catalogue API serves published courses in the language asked for."""

from __future__ import annotations

import pytest

from courses.models import Course
from tests.factories import CourseFactory


@pytest.fixture
def courses(db):
    charter = CourseFactory(code="CEC-101", certificate_title="La Carta como hoja de ruta")
    charter.set_current_language("pt")
    charter.certificate_title = "A Carta como roteiro"
    charter.save()
    draft = CourseFactory(code="CEC-999", status=Course.Status.DRAFT, certificate_title="Borrador")
    return charter, draft


def test_anyone_lists_the_published_courses_but_not_drafts(client, courses):
    response = client.get("/api/v1/courses/")
    assert response.status_code == 200
    codes = [course["code"] for course in response.json()["results"]]
    assert codes == ["CEC-101"]


def test_titles_come_in_the_requested_language_with_spanish_as_fallback(client, courses):
    pt = client.get("/api/v1/courses/CEC-101/", headers={"accept-language": "pt"}).json()
    assert pt["certificate_title"] == "A Carta como roteiro"
    fr = client.get("/api/v1/courses/CEC-101/?lang=fr").json()
    assert fr["certificate_title"] == "La Carta como hoja de ruta"


def test_a_draft_course_is_not_found_by_learners_but_trainers_see_it(
    client, signed_in, courses, learner, trainer
):
    assert client.get("/api/v1/courses/CEC-999/").status_code == 404
    assert signed_in(learner).get("/api/v1/courses/CEC-999/").status_code == 404
    client.logout()
    assert signed_in(trainer).get("/api/v1/courses/CEC-999/").status_code == 200


def test_the_catalogue_is_read_only(signed_in, learner, courses):
    client = signed_in(learner)
    response = client.post("/api/v1/courses/", {"code": "HACK-1", "nominal_hours": 1})
    assert response.status_code == 405
    assert not Course.objects.filter(code="HACK-1").exists()


def test_listing_costs_the_same_queries_for_one_course_or_twenty(
    client, courses, django_assert_max_num_queries
):
    # The page and its count, the courses' translations, and what each requires first.
    client.get("/api/v1/courses/")
    with django_assert_max_num_queries(4):
        client.get("/api/v1/courses/")
    for _ in range(20):
        CourseFactory()
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/courses/").json()["count"] == 21


def test_the_openapi_schema_documents_the_catalogue(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/courses/" in response.content
