"""A learner enrols from the course page, works through lessons and resumes from "My courses"."""

from __future__ import annotations

import re

from enrollments.models import Enrollment, LessonProgress

LESSON_1 = "/es/cursos/ciudad-educadora/primer-modulo/leccion-1/"
LESSON_2 = "/es/cursos/ciudad-educadora/primer-modulo/leccion-2/"


def test_a_learner_enrols_reads_marks_done_and_resumes(signed_in, learner, cohort):
    client = signed_in(learner)
    course = client.get("/es/cursos/ciudad-educadora/").content.decode()
    assert "Abril" in course
    assert f'action="/es/cohorts/{cohort.public_id}/enroll/"' in course

    enrolled = client.post(
        f"/es/cohorts/{cohort.public_id}/enroll/", {"next": "/es/cursos/ciudad-educadora/"}
    )
    assert enrolled.status_code == 302
    assert enrolled["Location"] == "/es/cursos/ciudad-educadora/"
    assert Enrollment.objects.get(learner=learner).status == "active"

    lesson = client.get(LESSON_1).content.decode()
    action = re.search(r'action="(/es/lessons/[^"]+/done/)"', lesson).group(1)
    done = client.post(action, {"next": LESSON_1})
    assert done.status_code == 302
    assert LessonProgress.objects.get(lesson__slug="leccion-1").completed_at is not None

    client.get(LESSON_2)  # opened, not finished
    page = client.get("/es/my-courses/").content.decode()
    assert 'value="50"' in page  # the progress bar: one of two lessons
    assert "1 of 2 lessons completed" in page or "1 de 2" in page
    assert f'href="{LESSON_2}"' in page  # continue where they left off


def test_my_courses_needs_signing_in(client):
    response = client.get("/es/my-courses/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/")


def test_a_refused_enrolment_is_explained_on_the_page(signed_in, learner, cohort):
    cohort.enrollment_key = "secreto"
    cohort.save()
    client = signed_in(learner)
    response = client.post(
        f"/es/cohorts/{cohort.public_id}/enroll/",
        {"key": "otro", "next": "/es/cursos/ciudad-educadora/"},
        follow=True,
    )
    assert not Enrollment.objects.exists()
    assert "message-error" in response.content.decode()


def test_a_full_cohort_offers_the_waiting_list(signed_in, learner, cohort):
    from enrollments import services
    from tests.factories import UserFactory

    for person in UserFactory.create_batch(2):
        services.enroll_learner(learner=person, cohort=cohort)
    page = signed_in(learner).get("/es/cursos/ciudad-educadora/").content.decode()
    assert "2 of 2 seats taken" in page or "2 de 2" in page
    assert "waiting list" in page.lower() or "lista de espera" in page.lower()


def test_a_completed_lesson_is_marked_in_the_outline(signed_in, learner, cohort, site):
    from enrollments import progress, services

    services.enroll_learner(learner=learner, cohort=cohort)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    page = signed_in(learner).get("/es/cursos/ciudad-educadora/").content.decode()
    assert page.count('class="done"') == 1


def test_the_roster_page_shows_learners_to_trainers_and_refuses_learners(
    signed_in, client, learner, other_learner, trainer, cohort
):
    from enrollments import services

    services.enroll_learner(learner=learner, cohort=cohort)
    url = f"/es/cohorts/{cohort.public_id}/roster/"
    assert signed_in(other_learner).get(url).status_code == 403
    client.logout()
    assert signed_in(trainer).get(url).status_code == 403  # not this cohort's trainer
    cohort.trainers.add(trainer)
    page = client.get(url, {"position": "other"}).content.decode()
    assert learner.email in page
    assert client.get(url, {"position": "elected"}).content.decode().count(learner.email) == 0


def test_the_roster_exports_an_xlsx_workbook(signed_in, coordinator, learner, cohort):
    import io

    from openpyxl import load_workbook

    from enrollments import services

    services.enroll_learner(learner=learner, cohort=cohort)
    response = signed_in(coordinator).get(
        f"/api/v1/cohorts/{cohort.public_id}/roster/", {"export": "xlsx"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "learner", "email")
    assert rows[1][2] == learner.email


def test_trainers_find_their_cohorts_rosters_from_my_courses(signed_in, trainer, learner, cohort):
    cohort.trainers.add(trainer)
    page = signed_in(trainer).get("/es/my-courses/").content.decode()
    assert f"/es/cohorts/{cohort.public_id}/roster/" in page


def test_a_lesson_of_a_translated_course_is_marked_done_from_either_language(
    signed_in, learner, cohort, site
):
    from tests.factories import translate

    translate(site["lesson"], "pt", title="Lição 1")
    client = signed_in(learner)
    client.post(f"/es/cohorts/{cohort.public_id}/enroll/")
    lesson = client.get("/pt/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    action = re.search(r'action="(/pt/lessons/[^"]+/done/)"', lesson).group(1)
    done = client.post(action, {"next": "/pt/cursos/ciudad-educadora/primer-modulo/leccion-1/"})
    assert done.status_code == 302
    # Progress belongs to the Spanish original, whichever page the learner marked.
    progress = LessonProgress.objects.get()
    assert progress.completed_at is not None
    assert progress.lesson.locale.language_code == "es"
    again = client.post(action.replace("/pt/", "/es/"))
    assert again.status_code == 302
    assert LessonProgress.objects.count() == 1


def test_continue_leads_to_the_next_unfinished_lesson_and_a_finished_course_offers_a_review(
    signed_in, learner, cohort, site
):
    client = signed_in(learner)
    client.post(f"/es/cohorts/{cohort.public_id}/enroll/")
    page = client.get("/es/my-courses/").content.decode()
    assert '<h2><a href="/es/cursos/ciudad-educadora/">Ciudad educadora</a></h2>' in page
    assert f'href="{LESSON_1}">Comenzar' in page

    lesson = client.get(LESSON_1).content.decode()
    action = re.search(r'action="(/es/lessons/[^"]+/done/)"', lesson).group(1)
    client.post(action)  # lesson 1 was the last opened, and it is done
    page = client.get("/es/my-courses/").content.decode()
    assert f'href="{LESSON_2}">Continuar' in page

    lesson = client.get(LESSON_2).content.decode()
    client.post(re.search(r'action="(/es/lessons/[^"]+/done/)"', lesson).group(1))
    page = client.get("/es/my-courses/").content.decode()
    assert "Continuar donde lo dejaste" not in page
    assert "Revisar el curso" in page


def test_my_courses_costs_the_same_queries_with_one_course_or_three(
    signed_in, learner, cohort, django_assert_max_num_queries
):
    from enrollments import services
    from tests.factories import CohortFactory

    client = signed_in(learner)
    services.enroll_learner(learner=learner, cohort=cohort)
    client.get("/es/my-courses/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/es/my-courses/")
    for _ in range(2):
        services.enroll_learner(
            learner=learner,
            cohort=CohortFactory(course=cohort.course, delegation=cohort.delegation),
        )
    with CaptureQueriesContext(connection) as three:
        client.get("/es/my-courses/")
    assert len(three) == len(one)
