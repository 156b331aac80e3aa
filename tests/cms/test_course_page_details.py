"""What a reader of a course page and of "My courses" is told, in their language."""

from __future__ import annotations

from tests.factories import CohortFactory


def test_the_course_page_gives_hours_with_their_unit_and_each_edition_its_language(
    client, site, cohort
):
    CohortFactory(
        course=cohort.course, delegation=cohort.delegation, language="pt", title="Abril PT"
    )
    page = client.get("/es/cursos/ciudad-educadora/").content.decode()
    assert "<dd>10 horas</dd>" in page
    assert "Se imparte en español" in page
    assert "Se imparte en portugués" in page


def test_an_edition_in_another_language_says_so_on_its_button(signed_in, learner, site, cohort):
    CohortFactory(
        course=cohort.course, delegation=cohort.delegation, language="pt", title="Abril PT"
    )
    page = signed_in(learner).get("/es/cursos/ciudad-educadora/").content.decode()
    assert "Inscribirme en la edición en portugués" in page


def test_an_untranslated_page_names_its_language_in_lower_case_where_the_language_does(
    client, site
):
    page = client.get("/ca/cursos/ciudad-educadora/").content.decode()
    assert "es mostra en castellà" in page
    english = client.get("/en/cursos/ciudad-educadora/").content.decode()
    assert "shown in Spanish" in english


def test_french_counts_one_lesson_in_the_singular(signed_in, learner, site, cohort):
    from enrollments import progress, services

    services.enroll_learner(learner=learner, cohort=cohort)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    page = signed_in(learner).get("/fr/my-courses/").content.decode()
    assert "1 leçon terminée sur 2" in page


def test_courses_in_the_menu_opens_the_catalogue_in_the_reader_language(client, site):
    page = client.get("/pt/cursos/ciudad-educadora/").content.decode()
    assert '<a href="/pt/cursos/">' in page


def test_the_h5p_relay_loads_only_on_lessons_with_an_activity(signed_in, learner, site, cohort):
    from tests.factories import add_activity

    client = signed_in(learner)
    lesson_1 = "/es/cursos/ciudad-educadora/primer-modulo/leccion-1/"
    assert "h5p-relay.js" not in client.get(lesson_1).content.decode()
    add_activity(site["lesson"], "Pregunta")
    assert "h5p-relay.js" in client.get(lesson_1).content.decode()
