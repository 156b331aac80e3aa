"""Issue 16, learning paths: a delegation's sequence of courses; people on it are enrolled in
each course's current edition as it opens (the next one only, when in order), and finish the
path when every course is completed. Bad orders are refused; other delegations see nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from courses.models import Cohort
from enrollments import progress
from enrollments.models import Enrollment
from paths import services
from paths.models import LearningPath, PathEnrollment
from tests.factories import CohortFactory, CourseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(site):
    return [site["course"].course, CourseFactory(code="CEC-102"), CourseFactory(code="CEC-201")]


@pytest.fixture
def induction(courses, city, coordinator):
    return services.save_path(
        by=coordinator, delegation=city.delegation, title="Inducción", courses=courses
    )


def edition(course, city, **fields):
    return CohortFactory(course=course, delegation=city.delegation, **fields)


def test_in_order_each_course_opens_once_the_one_before_is_completed(
    site, courses, city, coordinator, learner, induction, django_capture_on_commit_callbacks
):
    first, second = edition(courses[0], city), edition(courses[1], city)
    edition(courses[2], city)

    made, unknown = services.enrol(path=induction, by=coordinator, emails=[learner.email, "x@y.z"])

    assert len(made) == 1 and unknown == ["x@y.z"]
    assert list(Enrollment.objects.filter(learner=learner).values_list("cohort", flat=True)) == [
        first.pk
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in (site["lesson"], site["lesson2"]):
            progress.mark_lesson_done(learner=learner, lesson=lesson)
    assert Enrollment.objects.get(learner=learner, cohort=second).status == "active"
    states = [s.state for s in services.standing(PathEnrollment.objects.get(learner=learner))]
    assert states == ["done", "current", "later"]
    # Enrolling them again changes nothing.
    assert services.enrol(path=induction, by=coordinator, emails=[learner.email])[0] == []
    assert Enrollment.objects.filter(learner=learner).count() == 2


def test_in_any_order_people_are_enrolled_in_every_course_as_editions_open(
    courses, city, coordinator, learner
):
    path = services.save_path(
        by=coordinator, delegation=city.delegation, title="Libre", courses=courses[:2],
        enforce_order=False,
    )  # fmt: skip
    edition(courses[0], city)
    services.enrol(path=path, by=coordinator, emails=[learner.email])
    assert Enrollment.objects.filter(learner=learner).count() == 1  # the second has no edition

    later = edition(courses[1], city, status=Cohort.Status.DRAFT)
    assert services.advance_all() == 0
    later.status = Cohort.Status.OPEN
    later.save()
    assert services.advance_all() == 1
    assert services.advance_all() == 0
    assert Enrollment.objects.get(learner=learner, cohort=later).status == "active"


def test_a_learner_who_left_an_edition_is_not_put_back_by_the_path(
    courses, city, coordinator, learner, induction
):
    first = edition(courses[0], city)
    services.enrol(path=induction, by=coordinator, emails=[learner.email])
    Enrollment.objects.filter(learner=learner, cohort=first).update(status="withdrawn")

    services.advance_all()

    assert Enrollment.objects.get(learner=learner, cohort=first).status == "withdrawn"


def test_the_path_is_finished_when_every_course_is_completed(courses, city, coordinator, learner):
    path = services.save_path(
        by=coordinator, delegation=city.delegation, title="Corta", courses=courses[:1]
    )
    cohort = edition(courses[0], city)
    services.enrol(path=path, by=coordinator, emails=[learner.email])
    Enrollment.objects.filter(learner=learner, cohort=cohort).update(
        status="completed", completed_at=timezone.now()
    )

    services.advance_all()

    assert PathEnrollment.objects.get(learner=learner).completed_at is not None


def test_an_order_against_the_prerequisites_and_other_bad_paths_are_refused(
    courses, city, coordinator, signed_in
):
    courses[2].prerequisites.add(courses[1])
    client = signed_in(coordinator)
    form = {"delegation": city.delegation.pk, "title": "Al revés", "enforce_order": "on",
            "course_1": courses[2].pk, "course_2": courses[1].pk, "key": "k"}  # fmt: skip

    refused = client.post("/en/paths/new/", form)

    assert refused.status_code == 400
    assert "requires “CEC-102" in refused.content.decode()
    twice = client.post(
        "/en/paths/new/", {**form, "course_1": courses[0].pk, "course_2": courses[0].pk}
    )
    assert "A course can be in a path only once." in twice.content.decode()
    untitled = client.post("/en/paths/new/", {**form, "title": "", "course_1": courses[1].pk})
    assert untitled.status_code == 400
    assert not LearningPath.objects.exists()
    made = client.post(
        "/en/paths/new/", {**form, "course_1": courses[1].pk, "course_2": courses[2].pk}
    )
    again = client.post(
        "/en/paths/new/", {**form, "course_1": courses[1].pk, "course_2": courses[2].pk}
    )
    assert made.status_code == again.status_code == 302
    assert LearningPath.objects.count() == 1  # the same form sent twice


def test_other_delegations_and_learners_see_no_path(
    induction, signed_in, learner, outside_coordinator, trainer
):
    for person in (learner, outside_coordinator, trainer):
        client = signed_in(person)
        assert client.get(f"/en/paths/{induction.public_id}/").status_code == 404
        assert client.get(f"/en/paths/{induction.public_id}/edit/").status_code == 404
        enrol = client.post(
            f"/api/v1/paths/{induction.public_id}/enrol/",
            {"emails": [learner.email]},
            content_type="application/json",
        )
        assert enrol.status_code == 404
        assert client.get("/api/v1/paths/").json() == []
        client.logout()
    assert signed_in(learner).get("/en/paths/").status_code == 404
    assert not PathEnrollment.objects.exists()


def test_the_api_enrols_and_lists_each_persons_paths(
    courses, city, induction, signed_in, coordinator, learner
):
    edition(courses[0], city)
    client = signed_in(coordinator)
    url = f"/api/v1/paths/{induction.public_id}/enrol/"
    done = client.post(url, {"emails": [learner.email]}, content_type="application/json")
    assert done.json() == {"enrolled": 1, "unknown": []}
    assert client.post(url, {"emails": []}, content_type="application/json").status_code == 400
    assert [p["courses"] for p in client.get("/api/v1/paths/").json()] == [
        [c.code for c in courses]
    ]
    client.logout()
    mine = signed_in(learner).get("/api/v1/paths/").json()
    assert [p["id"] for p in mine] == [str(induction.public_id)]


def test_a_path_is_in_the_data_download_and_erased_with_the_account(
    courses, city, coordinator, learner, induction
):
    from accounts import privacy

    services.enrol(path=induction, by=coordinator, emails=[learner.email])
    data = privacy.export_personal_data(user=learner)
    assert [p["title"] for p in data["learning_paths"]] == ["Inducción"]

    privacy.erase_account(user=learner)

    assert not PathEnrollment.objects.exists()


def test_my_courses_shows_the_path_and_where_the_learner_is(
    courses, city, coordinator, learner, induction, signed_in
):
    edition(courses[0], city, title="Carta 2027")
    services.enrol(path=induction, by=coordinator, emails=[learner.email])

    page = signed_in(learner).get("/en/my-courses/").content.decode()

    assert "My learning paths" in page and "0 of 3 courses completed" in page
    assert "enrolled in Carta 2027" in page and "after the courses before it" in page


def test_my_courses_costs_the_same_queries_with_one_path_or_three(
    courses, city, coordinator, learner, induction, signed_in
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    edition(courses[0], city)
    services.enrol(path=induction, by=coordinator, emails=[learner.email])
    client = signed_in(learner)
    client.get("/en/my-courses/")
    with CaptureQueriesContext(connection) as one:
        client.get("/en/my-courses/")
    for title in ("Segunda", "Tercera"):
        other = services.save_path(
            by=coordinator, delegation=city.delegation, title=title, courses=courses[1:]
        )
        services.enrol(path=other, by=coordinator, emails=[learner.email])
    with CaptureQueriesContext(connection) as three:
        page = client.get("/en/my-courses/")
    assert page.content.decode().count("<h3>") >= 3
    assert len(three) == len(one)


def test_the_path_page_costs_the_same_queries_with_one_person_or_four(
    courses, city, coordinator, induction, signed_in
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import UserFactory

    edition(courses[0], city, title="Carta 2027")
    people = [UserFactory(email=f"persona{n}@rosario.example") for n in range(4)]
    services.enrol(path=induction, by=coordinator, emails=[people[0].email])
    client = signed_in(coordinator)
    address = f"/en/paths/{induction.public_id}/"
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    services.enrol(path=induction, by=coordinator, emails=[p.email for p in people[1:]])
    with CaptureQueriesContext(connection) as four:
        page = client.get(address).content.decode()

    assert page.count("Carta 2027") >= 4  # each person's current edition
    assert len(four) == len(one)
