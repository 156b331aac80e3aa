"""A certificate means what it says: an edition may ask for a minimum time between enrolment
and completion, and the last lesson tells the learner what completes the course and when."""

from __future__ import annotations

import datetime

from django.utils import timezone

from enrollments import progress, services
from enrollments.models import Enrollment


def finish_every_lesson(learner, site) -> None:
    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=learner, lesson=lesson)


def test_finishing_in_a_minute_waits_for_the_editions_minimum_days(
    site, cohort, learner, client, django_capture_on_commit_callbacks
):
    cohort.min_days_enrolled = 14
    cohort.save()
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    finish_every_lesson(learner, site)
    assert Enrollment.objects.get(pk=enrollment.pk).status == "active"

    client.force_login(learner)
    page = client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-2/").content.decode()
    assert "Has hecho todas las lecciones" in page
    day = (enrollment.enrolled_at + datetime.timedelta(days=14)).astimezone(
        timezone.get_current_timezone()
    )
    assert str(day.year) in page and "espera hasta" in page

    assert progress.complete_after_waiting() == 0  # not yet
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=timezone.now() - datetime.timedelta(days=15)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert progress.complete_after_waiting() == 1
    assert progress.complete_after_waiting() == 0  # run again: nothing more
    assert Enrollment.objects.get(pk=enrollment.pk).status == "completed"
    done = client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-2/").content.decode()
    assert "Has terminado el curso" in done


def test_without_a_minimum_the_last_lesson_completes_and_says_what_follows(
    site, cohort, learner, client
):
    services.enroll_learner(learner=learner, cohort=cohort)
    finish_every_lesson(learner, site)
    client.force_login(learner)
    page = client.get("/en/cursos/ciudad-educadora/primer-modulo/leccion-2/").content.decode()
    assert "You have finished the course" in page
    first = client.get("/en/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    assert "You have finished the course" in first  # wherever they are


def test_a_learner_not_finished_is_told_nothing_yet(site, cohort, learner, client):
    services.enroll_learner(learner=learner, cohort=cohort)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    client.force_login(learner)
    page = client.get("/en/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    assert "You have done every lesson" not in page and "finished the course" not in page


def test_the_minimum_is_refused_beyond_a_year(site, coordinator, signed_in, cohort):
    from tests.enrollments.test_edition_pages import form_data

    data = form_data(
        site,
        cohort.delegation,
        title=cohort.title,
        starts_on=cohort.starts_on.isoformat(),
        ends_on=cohort.ends_on.isoformat(),
        min_days_enrolled="400",
    )
    response = signed_in(coordinator).post(f"/es/cohorts/{cohort.public_id}/edit/", data)
    assert response.status_code == 400 and "min_days_enrolled" in response.context["form"].errors
