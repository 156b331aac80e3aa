"""A questionnaire placed after a module asks only the learners who have finished that module:
answering, "My courses", the API, reminders and the pages all agree; completion waits for it
when the cohort requires its questionnaires, and a later version never asks again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import CoursePage, LessonPage, ModulePage
from enrollments import progress, services
from enrollments.demo import seed_module_questionnaire, seed_questionnaires
from enrollments.models import Enrollment, OptionalLesson
from enrollments.questionnaires import eligibility
from enrollments.questionnaires import services as questionnaires
from enrollments.questionnaires.models import Questionnaire, Reminder, Respondent, Response
from tests.factories import CourseFactory, UserFactory, translate

ANSWERS = {"clear": 4}
LESSON_2 = "/en/cursos/ciudad-educadora/primer-modulo/leccion-2/"
MODULE_1 = "/en/cursos/ciudad-educadora/primer-modulo/"
PROMPT = "Tell us what you thought of this module"


@pytest.fixture
def second_module(site) -> dict[str, LessonPage]:
    """The course goes on after the first module, so finishing it is not finishing the course."""
    module = site["course"].add_child(
        instance=ModulePage(title="Segundo módulo", slug="segundo-modulo")
    )
    lesson = module.add_child(instance=LessonPage(title="Lección 3", slug="leccion-3"))
    lesson.save_revision().publish()
    return {"module": module, "lesson": lesson}


@pytest.fixture
def after_module(cohort, site, second_module, site_admin) -> Questionnaire:
    """The demo's short questionnaire, after the first module ("Primer módulo")."""
    cohort.capacity = None
    cohort.save()
    seed_module_questionnaire(by=site_admin)
    return Questionnaire.objects.get(cohort=cohort, after_module=site["module"])


@pytest.fixture
def enrollment(cohort, learner) -> Enrollment:
    return services.enroll_learner(cohort=cohort, learner=learner)


def finish_module(learner, site) -> None:
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])


def answers_url(questionnaire: Questionnaire) -> str:
    return f"/api/v1/questionnaires/{questionnaire.public_id}/answers/"


def classmate(cohort, number: int) -> Enrollment:
    person = UserFactory(email=f"classmate{number}@city.example")
    return services.enroll_learner(cohort=cohort, learner=person)


# Answering ----------------------------------------------------------------------------------


def test_a_learner_answers_only_once_every_lesson_of_the_module_is_done(
    signed_in, learner, enrollment, after_module, site
):
    client = signed_in(learner)
    early = client.post(
        answers_url(after_module), {"answers": ANSWERS}, content_type="application/json"
    )
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    halfway = client.post(
        answers_url(after_module), {"answers": ANSWERS}, content_type="application/json"
    )

    assert (early.status_code, halfway.status_code) == (409, 409)
    assert halfway.json()["code"] == "module_not_finished"
    assert "“Primer módulo”: finish the module first" in halfway.json()["detail"]
    assert not Respondent.objects.exists() and not Response.objects.exists()

    progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
    done = client.post(
        answers_url(after_module), {"answers": ANSWERS}, content_type="application/json"
    )
    assert done.status_code == 201  # the second module is still to do: it does not matter


def test_the_answer_page_names_the_module_and_keeps_the_form_until_it_is_finished(
    signed_in, learner, enrollment, after_module, site
):
    client = signed_in(learner)
    url = f"/en/questionnaires/{after_module.public_id}/"
    waiting = client.get(url)
    refused = client.post(url, {"q-clear": "4"})

    assert waiting.status_code == refused.status_code == 403
    body = waiting.content.decode()
    assert "after the module “Primer módulo”" in body
    assert "finish the module first" in body and 'name="q-clear"' not in body
    assert not Response.objects.exists()

    finish_module(learner, site)
    assert 'name="q-clear"' in client.get(url).content.decode()
    assert client.post(url, {"q-clear": "4"}).status_code == 302
    assert Response.objects.get().questionnaire == after_module


@pytest.mark.parametrize("left_out", ["optional for the cohort", "unpublished"])
def test_a_lesson_the_cohort_does_not_require_is_not_waited_for(
    learner, enrollment, after_module, site, cohort, left_out
):
    if left_out == "unpublished":
        site["lesson2"].unpublish()
    else:
        OptionalLesson.objects.create(cohort=cohort, lesson=site["lesson2"])
    assert not eligibility.is_eligible(questionnaire=after_module, enrollment=enrollment)

    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    assert eligibility.is_eligible(questionnaire=after_module, enrollment=enrollment)


def test_who_may_answer_is_the_same_learner_by_learner_and_for_the_whole_cohort(
    learner, coordinator, enrollment, after_module, site, cohort, second_module
):
    finished, waiting, by_hand, withdrawn = (classmate(cohort, n) for n in range(4))
    finish_module(finished.learner, site)
    finish_module(withdrawn.learner, site)
    services.withdraw(enrollment=withdrawn, by=withdrawn.learner)
    progress.complete_by_hand(actor=coordinator, enrollment=by_hand, reason="Attended in person")

    cohort_wide = set(eligibility.eligible_enrollments(after_module))
    one_by_one = {
        e
        for e in Enrollment.objects.filter(cohort=cohort)
        if eligibility.is_eligible(questionnaire=after_module, enrollment=e)
    }
    assert cohort_wide == one_by_one == {finished, by_hand}
    # The end-of-course questionnaire waits for the whole course: the first module is not
    # enough; a learner completed by hand is asked.
    seed_questionnaires()
    end_of_course = Questionnaire.objects.get(cohort=cohort, after_module=None)
    assert set(eligibility.eligible_enrollments(end_of_course)) == {by_hand}
    finish_module(waiting.learner, site)
    progress.mark_lesson_done(learner=waiting.learner, lesson=second_module["lesson"])
    assert set(eligibility.eligible_enrollments(end_of_course)) == {by_hand, waiting}


# Lists: "My courses" and the API ------------------------------------------------------------


def test_my_courses_and_the_pending_api_list_it_only_after_the_module(
    signed_in, learner, enrollment, after_module, site
):
    client = signed_in(learner)
    assert "Your opinion, please" not in client.get("/en/my-courses/").content.decode()
    assert client.get("/api/v1/questionnaires/", {"pending": "true"}).json()["results"] == []

    finish_module(learner, site)
    page = client.get("/en/my-courses/").content.decode()
    assert "Your opinion, please" in page and "after the module “Primer módulo”" in page
    listed = client.get("/api/v1/questionnaires/", {"pending": "true"}).json()["results"]
    assert [item["id"] for item in listed] == [str(after_module.public_id)]

    questionnaires.submit_answers(
        questionnaire=after_module, learner=learner, answers=ANSWERS, language="en"
    )
    assert client.get("/api/v1/questionnaires/", {"pending": "true"}).json()["results"] == []


def test_the_api_says_after_which_module_in_the_readers_language(
    signed_in, learner, enrollment, after_module, site
):
    seed_questionnaires()
    translate(site["module"], "pt", title="Primeiro módulo")
    learner.preferred_language = "pt"
    learner.save(update_fields=["preferred_language"])
    client = signed_in(learner)

    listed = client.get("/api/v1/questionnaires/", HTTP_ACCEPT_LANGUAGE="pt").json()["results"]
    placements = {item["title"]: item["after_module"] for item in listed}
    assert placements == {
        "Avaliação do módulo": {
            "id": str(site["module"].translation_key),
            "title": "Primeiro módulo",
        },
        "Avaliação final do curso": None,
    }


def test_a_coordinator_places_a_questionnaire_after_a_module_of_the_cohorts_course(
    signed_in, coordinator, cohort, after_module, site, second_module
):
    translated = translate(second_module["module"], "pt", title="Módulo dois")
    opens = timezone.now() + timedelta(days=1)
    body = {
        "template": str(after_module.template.public_id),
        "opens_at": opens.isoformat(),
        "closes_at": (opens + timedelta(days=7)).isoformat(),
        "after_module": str(translated.translation_key),
    }
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{cohort.public_id}/questionnaires/"

    placed = client.post(url, body, content_type="application/json")
    assert placed.status_code == 201
    assert placed.json()["after_module"]["title"] == "Segundo módulo"
    # Stored as the Spanish original, whose tree path the progress index shares.
    stored = Questionnaire.objects.get(public_id=placed.json()["id"])
    assert stored.after_module.pk == second_module["module"].pk

    elsewhere = site["catalogue"].add_child(
        instance=CoursePage(title="Otro curso", slug="otro", course=CourseFactory(), summary="s")
    )
    foreign = elsewhere.add_child(instance=ModulePage(title="Ajeno", slug="ajeno"))
    refused = client.post(
        url, {**body, "after_module": str(foreign.translation_key)}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "module_of_another_course"


# Reminders ----------------------------------------------------------------------------------


def test_reminders_go_only_to_learners_past_the_module_who_have_not_answered_any_version(
    learner,
    coordinator,
    enrollment,
    after_module,
    site,
    cohort,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    finished, answered, answered_v1 = (classmate(cohort, n) for n in range(3))
    for person in (finished, answered, answered_v1):
        finish_module(person.learner, site)
    questionnaires.submit_answers(
        questionnaire=after_module, learner=answered_v1.learner, answers=ANSWERS, language="es"
    )
    version_2 = questionnaires.new_version(questionnaire=after_module, by=coordinator)
    questionnaires.submit_answers(
        questionnaire=version_2, learner=answered.learner, answers=ANSWERS, language="es"
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert questionnaires.remind() == 1
    assert [message.to for message in mailoutbox] == [[finished.learner.email]]
    assert Reminder.objects.get().questionnaire == version_2  # learner: still in the module


# Completion ---------------------------------------------------------------------------------


def test_completion_waits_for_the_module_questionnaire_when_the_cohort_requires_it(
    learner,
    enrollment,
    after_module,
    site,
    second_module,
    cohort,
    django_capture_on_commit_callbacks,
):
    cohort.requires_questionnaire = True
    cohort.save()
    with django_capture_on_commit_callbacks(execute=True):
        finish_module(learner, site)
        progress.mark_lesson_done(learner=learner, lesson=second_module["lesson"])
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE

    with django_capture_on_commit_callbacks(execute=True):
        questionnaires.submit_answers(
            questionnaire=after_module, learner=learner, answers=ANSWERS, language="es"
        )
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_a_later_version_neither_holds_completion_back_nor_asks_again(
    signed_in,
    learner,
    coordinator,
    enrollment,
    after_module,
    site,
    second_module,
    cohort,
    django_capture_on_commit_callbacks,
):
    cohort.requires_questionnaire = True
    cohort.save()
    finish_module(learner, site)
    questionnaires.submit_answers(
        questionnaire=after_module, learner=learner, answers=ANSWERS, language="es"
    )
    version_2 = questionnaires.new_version(questionnaire=after_module, by=coordinator)

    assert questionnaires.pending_for(learner) == []
    again = signed_in(learner).post(
        answers_url(version_2), {"answers": ANSWERS}, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["code"] == "already_answered"
    with django_capture_on_commit_callbacks(execute=True):
        progress.mark_lesson_done(learner=learner, lesson=second_module["lesson"])
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_the_same_template_after_another_module_is_another_questionnaire(
    learner, coordinator, enrollment, after_module, site, second_module
):
    after_second, _ = questionnaires.attach_questionnaire(
        cohort=after_module.cohort,
        template=after_module.template,
        opens_at=after_module.opens_at,
        closes_at=after_module.closes_at,
        after_module=second_module["module"],
        by=coordinator,
    )
    finish_module(learner, site)
    progress.mark_lesson_done(learner=learner, lesson=second_module["lesson"])
    questionnaires.submit_answers(
        questionnaire=after_module, learner=learner, answers=ANSWERS, language="es"
    )

    assert [q.pk for q in questionnaires.pending_for(learner)] == [after_second.pk]
    assert not questionnaires.has_answered_all(enrollment)


# Pages --------------------------------------------------------------------------------------


def test_the_lesson_and_module_pages_offer_the_questionnaire_once_the_module_is_finished(
    signed_in, learner, enrollment, after_module, site
):
    client = signed_in(learner)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    assert PROMPT not in client.get(LESSON_2).content.decode()
    assert PROMPT not in client.get(MODULE_1).content.decode()

    done = client.post(
        f"/en/lessons/{site['lesson2'].translation_key}/done/", {"next": LESSON_2}, follow=True
    )
    link = f'href="/en/questionnaires/{after_module.public_id}/"'
    page = done.content.decode()
    assert PROMPT in page and link in page
    assert PROMPT in client.get(MODULE_1).content.decode()
    # Not on the next module's pages, and no longer once answered.
    assert PROMPT not in client.get(MODULE_1.replace("primer", "segundo")).content.decode()
    questionnaires.submit_answers(
        questionnaire=after_module, learner=learner, answers=ANSWERS, language="en"
    )
    assert PROMPT not in client.get(LESSON_2).content.decode()


# Query counts -------------------------------------------------------------------------------


@pytest.mark.parametrize("people", [2, 10])
def test_eligibility_reminders_and_pages_cost_the_same_queries_however_many_learners(
    signed_in,
    learner,
    enrollment,
    after_module,
    site,
    cohort,
    people,
    django_assert_max_num_queries,
):
    for number in range(people):
        mate = classmate(cohort, number)
        if number % 2:
            finish_module(mate.learner, site)
    finish_module(learner, site)

    with django_assert_max_num_queries(1):
        assert len(list(eligibility.eligible_enrollments(after_module))) == people // 2 + 1
    with django_assert_max_num_queries(1):
        assert eligibility.is_eligible(questionnaire=after_module, enrollment=enrollment)
    with django_assert_max_num_queries(4):
        assert questionnaires.remind() == people // 2 + 1
    with django_assert_max_num_queries(2):
        assert questionnaires.has_answered_all(enrollment) is False
    with django_assert_max_num_queries(1):
        assert len(questionnaires.pending_for(learner)) == 1

    client = signed_in(learner)
    client.get(LESSON_2)  # the session, the site and the locales, once
    with CaptureQueriesContext(connection) as lesson_page:
        assert PROMPT in client.get(LESSON_2).content.decode()
    # 39 before the prompt (an English page served from the Spanish lesson), one for it, one
    # for what the learner who has done the lesson still needs (the lessons the edition asks),
    # one for "Discuss this lesson" (the learner's edition and its threads on the lesson), one
    # for whether the lesson's module is open yet.
    assert len(lesson_page) <= 43
