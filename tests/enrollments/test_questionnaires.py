"""Learners evaluate their course once, anonymously unless said otherwise; trainers and
coordinators read counts, distributions and averages; bad answers change nothing."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from cms.models import CourseLesson
from enrollments import progress, services
from enrollments.demo import seed_questionnaires
from enrollments.models import Enrollment
from enrollments.questionnaires import services as questionnaires
from enrollments.questionnaires.models import Answer, Questionnaire, Respondent, Response
from tests.factories import UserFactory
from tests.shared import csv_text

GOOD = {"overall": 5, "useful": 4, "recommend": 9, "format": "blended", "topics": ["inclusion"]}


@pytest.fixture
def questionnaire(cohort, site_admin) -> Questionnaire:
    seed_questionnaires(by=site_admin)
    return Questionnaire.objects.get(cohort=cohort)


def finish_course(person, cohort) -> None:
    for entry in CourseLesson.objects.filter(course=cohort.course, is_live=True):
        progress.mark_lesson_done(learner=person, lesson=entry.lesson.specific)


@pytest.fixture
def enrollment(cohort, learner, site) -> Enrollment:
    """A learner who has read the whole course: the end-of-course questionnaire is open to them."""
    enrolled = services.enroll_learner(cohort=cohort, learner=learner)
    finish_course(learner, cohort)
    enrolled.refresh_from_db()
    return enrolled


def test_the_end_of_course_questionnaire_opens_once_the_required_lessons_are_done(
    signed_in, learner, cohort, site, questionnaire
):
    services.enroll_learner(cohort=cohort, learner=learner)
    client = signed_in(learner)
    pending = "/api/v1/questionnaires/?pending=true"
    assert client.get(pending).json()["results"] == []
    page = client.get(f"/en/questionnaires/{questionnaire.public_id}/").content.decode()
    assert "finish its lessons first" in page
    refused = client.post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    assert refused.status_code in (400, 403, 409)
    assert not Response.objects.exists()

    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    assert client.get(pending).json()["results"] == []  # 1 of 2 lessons is not the course
    progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
    assert [q["id"] for q in client.get(pending).json()["results"]] == [
        str(questionnaire.public_id)
    ]


def answers_url(questionnaire: Questionnaire) -> str:
    return f"/api/v1/questionnaires/{questionnaire.public_id}/answers/"


def results_url(questionnaire: Questionnaire) -> str:
    return f"/api/v1/questionnaires/{questionnaire.public_id}/results/"


def test_a_learner_reads_the_questions_in_their_language(
    signed_in, learner, enrollment, questionnaire
):
    learner.preferred_language = "pt"  # the API speaks the profile's language, not the header's
    learner.save(update_fields=["preferred_language"])
    client = signed_in(learner)
    shown = client.get(
        f"/api/v1/questionnaires/{questionnaire.public_id}/", HTTP_ACCEPT_LANGUAGE="fr"
    ).json()
    assert shown["title"] == "Avaliação final do curso"
    assert shown["questions"][3]["options"][0]["label"] == "Online"


def test_a_learner_answers_once_and_a_second_submission_changes_nothing(
    signed_in, learner, enrollment, questionnaire
):
    client = signed_in(learner)
    first = client.post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    second = client.post(
        answers_url(questionnaire),
        {"answers": {**GOOD, "overall": 1}},
        content_type="application/json",
    )

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["code"] == "already_answered"
    assert Response.objects.count() == 1
    assert Answer.objects.get(question="overall").number == 5


def test_anonymous_answers_keep_no_link_to_who_gave_them(
    signed_in, learner, enrollment, questionnaire, coordinator, settings
):
    settings.REPORT_MIN_CELL = 1  # one answer may be shown: what matters here is the link
    signed_in(learner).post(
        answers_url(questionnaire),
        {"answers": {**GOOD, "comments": "Muy útil"}},
        content_type="application/json",
    )
    response = Response.objects.get()
    assert response.enrollment is None
    assert Respondent.objects.get().enrollment == enrollment  # only "has answered"
    assert not hasattr(response, "created_at")  # a day, no time: nothing to match by clock

    body = signed_in(coordinator).get(results_url(questionnaire)).content.decode()
    assert "Muy útil" in body
    assert learner.email not in body and learner.certificate_name not in body


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({**GOOD, "overall": 6}, "from 1 to 5"),
        ({**GOOD, "recommend": 11}, "from 0 to 10"),
        ({**GOOD, "format": "by-post"}, "options offered"),
        ({**GOOD, "topics": ["inclusion", "inclusion"]}, "each at most once"),
        ({key: value for key, value in GOOD.items() if key != "useful"}, "needs an answer"),
        ({**GOOD, "colour": "blue"}, "no question colour"),
        ({**GOOD, "comments": "x" * 5001}, "at most 5000"),
        ({**GOOD, "comments": "a\ud800b"}, "lone surrogate"),
        ({**GOOD, "comments": "a\x00b"}, "NUL character"),
    ],
)
def test_bad_answers_are_refused_with_a_specific_message_and_nothing_is_stored(
    signed_in, learner, enrollment, questionnaire, answers, said
):
    response = signed_in(learner).post(
        answers_url(questionnaire), {"answers": answers}, content_type="application/json"
    )
    assert response.status_code == 400
    assert said in response.json()["detail"]
    assert not Response.objects.exists() and not Respondent.objects.exists()
    assert not Answer.objects.exists()


def test_answers_before_opening_or_after_closing_are_refused(
    signed_in, learner, enrollment, questionnaire
):
    client = signed_in(learner)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=2)
    )
    early = client.post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1)
    )
    late = client.post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    assert (early.json()["code"], late.json()["code"]) == ("not_open", "closed")
    assert not Response.objects.exists()


def test_only_the_cohorts_learners_answer_and_only_its_staff_read_results(
    signed_in, learner, other_learner, enrollment, questionnaire, outside_coordinator, trainer
):
    stranger = signed_in(other_learner).post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    assert stranger.status_code == 404
    assert signed_in(learner).get(results_url(questionnaire)).status_code == 403
    assert signed_in(outside_coordinator).get(results_url(questionnaire)).status_code == 404
    assert signed_in(trainer).get(results_url(questionnaire)).status_code == 404  # not its trainer


def answer_as_many(cohort, questionnaire, scores: list[int], first: int = 0) -> None:
    for number, score in enumerate(scores, start=first):
        person = UserFactory(email=f"p{number}@city.example", preferred_language="es")
        services.enroll_learner(cohort=cohort, learner=person)
        finish_course(person, cohort)
        questionnaires.submit_answers(
            questionnaire=questionnaire,
            learner=person,
            answers={**GOOD, "overall": score},
            language="es",
        )


def test_results_give_counts_distributions_averages_and_exports(
    signed_in, cohort, questionnaire, coordinator
):
    cohort.capacity = None
    cohort.save()
    answer_as_many(cohort, questionnaire, [5, 4, 4, 3, 5, 5])
    client = signed_in(coordinator)

    found = client.get(results_url(questionnaire)).json()
    overall = next(q for q in found["questions"] if q["key"] == "overall")
    assert found["responses"] == 6
    assert overall["average"] == pytest.approx(26 / 6)
    assert {bar["key"]: bar["count"] for bar in overall["distribution"]} == {
        "1": 0,
        "2": 0,
        "3": 1,
        "4": 2,
        "5": 3,
    }
    recommend = next(q for q in found["questions"] if q["key"] == "recommend")
    assert recommend["net_promoter"] == 100.0

    exported = csv_text(client.get(results_url(questionnaire), {"export": "csv"}))
    assert "In general" not in exported and "Overall, how do you rate the course?" in exported
    book = load_workbook(
        io.BytesIO(client.get(results_url(questionnaire), {"export": "xlsx"}).content)
    )
    assert any(
        "Blended" in str(cell) for row in book.active.iter_rows(values_only=True) for cell in row
    )

    page = client.get(f"/en/questionnaires/{questionnaire.public_id}/results/").content.decode()
    assert 'role="img"' in page and "6 responses" in page
    # The chart writes its figures as the reader's language does: 3 of 6 is "50,0 %" in French.
    french = client.get(f"/fr/questionnaires/{questionnaire.public_id}/results/").content.decode()
    assert "3 (50,0 %)</text>" in french


def test_an_anonymous_questionnaire_answered_by_too_few_shows_no_answer_comment_or_split(
    signed_in, cohort, questionnaire, coordinator, settings
):
    settings.REPORT_MIN_CELL = 5
    cohort.capacity = None
    cohort.save()
    answer_as_many(cohort, questionnaire, [5, 4])
    client = signed_in(coordinator)
    found = client.get(results_url(questionnaire)).json()
    assert found["withheld"] is True
    assert found["responses"] == 2
    assert found["comparisons"] == []
    for question in found["questions"]:
        assert question["distribution"] == [] and question["texts"] == []
        assert question["average"] is None
    page = client.get(f"/en/questionnaires/{questionnaire.public_id}/results/").content.decode()
    assert "fewer than 5 people have answered it" in page
    export = client.get(f"/en/questionnaires/{questionnaire.public_id}/results/?export=csv")
    assert "blended" not in csv_text(export)

    answer_as_many(cohort, questionnaire, [3, 3, 3], first=2)
    found = client.get(results_url(questionnaire)).json()
    assert found["withheld"] is False
    overall = next(q for q in found["questions"] if q["key"] == "overall")
    assert sum(bar["count"] for bar in overall["distribution"]) == 5


@pytest.mark.parametrize("people", [2, 8])
def test_results_cost_the_same_queries_however_many_answered(
    signed_in, cohort, questionnaire, coordinator, people, django_assert_max_num_queries
):
    cohort.capacity = None
    cohort.save()
    answer_as_many(cohort, questionnaire, [4] * people)
    client = signed_in(coordinator)
    client.get(results_url(questionnaire))  # the session and user, once
    with django_assert_max_num_queries(12):
        assert client.get(results_url(questionnaire)).status_code == 200


def test_a_changed_template_becomes_a_new_version_and_old_answers_stay_with_theirs(
    signed_in, learner, enrollment, questionnaire, coordinator
):
    signed_in(learner).post(
        answers_url(questionnaire), {"answers": GOOD}, content_type="application/json"
    )
    question = questionnaire.template.questions.get(key="overall")
    question.set_current_language("en")
    question.text = "How good was it, all in all?"
    question.save()

    response = signed_in(coordinator).post(
        f"/api/v1/questionnaires/{questionnaire.public_id}/new-version/"
    )
    assert response.status_code == 201
    successor = Questionnaire.objects.get(public_id=response.json()["id"])
    questionnaire.refresh_from_db()
    assert (questionnaire.version, successor.version) == (1, 2)
    assert not questionnaire.is_open()
    assert (
        questionnaire.questions["questions"][0]["text"]["en"]
        == "Overall, how do you rate the course?"
    )
    assert successor.questions["questions"][0]["text"]["en"] == "How good was it, all in all?"
    assert Response.objects.get().questionnaire == questionnaire


def test_anonymity_is_chosen_before_opening(signed_in, questionnaire, coordinator):
    response = signed_in(coordinator).patch(
        f"/api/v1/questionnaires/{questionnaire.public_id}/",
        {"anonymous": False},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "anonymity_fixed"


def test_a_coordinator_attaches_a_named_questionnaire_before_it_opens(
    signed_in, cohort, questionnaire, coordinator, learner, enrollment
):
    template = questionnaire.template
    questionnaire.delete()
    opens = timezone.now() + timedelta(days=3)
    response = signed_in(coordinator).post(
        f"/api/v1/cohorts/{cohort.public_id}/questionnaires/",
        {
            "template": str(template.public_id),
            "opens_at": opens.isoformat(),
            "closes_at": (opens + timedelta(days=7)).isoformat(),
            "anonymous": False,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    named = Questionnaire.objects.get(public_id=response.json()["id"])
    assert (named.version, named.is_anonymous) == (1, False)
    Questionnaire.objects.filter(pk=named.pk).update(opens_at=timezone.now())
    named.refresh_from_db()
    questionnaires.submit_answers(questionnaire=named, learner=learner, answers=GOOD, language="es")
    assert Response.objects.get(questionnaire=named).enrollment == enrollment


def test_attaching_again_finds_the_same_questionnaire_or_says_what_to_do_instead(
    signed_in, cohort, questionnaire, coordinator
):
    template = questionnaire.template
    questionnaire.delete()
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{cohort.public_id}/questionnaires/"
    opens = timezone.now() + timedelta(days=3)
    body = {
        "template": str(template.public_id),
        "opens_at": opens.isoformat(),
        "closes_at": (opens + timedelta(days=7)).isoformat(),
    }
    first = client.post(url, body, content_type="application/json")
    retried = client.post(url, body, content_type="application/json")
    assert (first.status_code, retried.status_code) == (201, 200)
    assert retried.json()["id"] == first.json()["id"]

    other_dates = {**body, "closes_at": (opens + timedelta(days=30)).isoformat()}
    refused = client.post(url, other_dates, content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "already_attached"
    assert "new version" in refused.json()["detail"]
    assert Questionnaire.objects.filter(cohort=cohort).count() == 1


def test_reminders_reach_only_enrolled_people_who_have_not_answered_at_their_rhythm(
    learner,
    other_learner,
    cohort,
    enrollment,
    questionnaire,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    learner.preferred_language = "pt"
    learner.save()
    answered = UserFactory(email="done@city.example")
    cohort.capacity = None
    cohort.save()
    services.enroll_learner(cohort=cohort, learner=answered)
    finish_course(answered, cohort)
    questionnaires.submit_answers(
        questionnaire=questionnaire, learner=answered, answers=GOOD, language="es"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert questionnaires.remind() == 1
        assert questionnaires.remind() == 0  # not again before its rhythm
    assert [message.to for message in mailoutbox] == [[learner.email]]
    assert "opinião" in mailoutbox[0].subject or "Avaliação" in mailoutbox[0].body
    later = timezone.now() + timedelta(days=questionnaire.reminder_days, minutes=1)
    assert questionnaires.remind(now=later) == 1


def test_answering_the_questionnaire_completes_a_course_that_requires_it(
    learner, cohort, site, questionnaire, django_capture_on_commit_callbacks
):
    cohort.requires_questionnaire = True
    cohort.save()
    enrollment = services.enroll_learner(cohort=cohort, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
        progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
    enrollment.refresh_from_db()
    assert enrollment.status == "active"  # every lesson done, the questionnaire not yet

    with django_capture_on_commit_callbacks(execute=True):
        questionnaires.submit_answers(
            questionnaire=questionnaire, learner=learner, answers=GOOD, language="es"
        )
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"


def test_a_learner_answers_on_the_page_in_spanish_and_sees_why_an_answer_is_refused(
    signed_in, learner, enrollment, questionnaire
):
    client = signed_in(learner)
    url = f"/es/questionnaires/{questionnaire.public_id}/"
    assert "Evaluación final del curso" in client.get(url).content.decode()
    assert "Tu opinión, por favor" in client.get("/es/my-courses/").content.decode()

    refused = client.post(url, {"q-overall": "5", "q-useful": "4", "q-format": "online"})
    assert refused.status_code == 400
    assert "necesita una respuesta" in refused.content.decode()  # the recommendation is missing
    assert not Response.objects.exists()

    sent = client.post(
        url, {"q-overall": "5", "q-useful": "4", "q-recommend": "8", "q-format": "online"}
    )
    assert sent.status_code == 302
    assert Response.objects.get().language == "es"
    assert "Tu opinión, por favor" not in client.get("/es/my-courses/").content.decode()


@pytest.mark.parametrize("person", ["learner", "trainer", "outside_coordinator"])
def test_only_the_cohorts_staff_attach_change_or_version_questionnaires(
    request, signed_in, cohort, questionnaire, enrollment, person
):
    client = signed_in(request.getfixturevalue(person))
    opens = timezone.now() + timedelta(days=3)
    attach = client.post(
        f"/api/v1/cohorts/{cohort.public_id}/questionnaires/",
        {
            "template": str(questionnaire.template.public_id),
            "opens_at": opens.isoformat(),
            "closes_at": (opens + timedelta(days=7)).isoformat(),
        },
        content_type="application/json",
    )
    change = client.patch(
        f"/api/v1/questionnaires/{questionnaire.public_id}/",
        {"reminder_days": 1},
        content_type="application/json",
    )
    version = client.post(f"/api/v1/questionnaires/{questionnaire.public_id}/new-version/")

    assert attach.status_code == 403
    assert change.status_code in (403, 404)
    assert version.status_code in (403, 404)
    assert Questionnaire.objects.count() == Questionnaire.objects.filter(version=1).count()
    questionnaire.refresh_from_db()
    assert questionnaire.reminder_days == 7


def test_a_questionnaire_closing_before_it_opens_is_refused(
    signed_in, cohort, questionnaire, coordinator
):
    opens = timezone.now() + timedelta(days=3)
    response = signed_in(coordinator).post(
        f"/api/v1/cohorts/{cohort.public_id}/questionnaires/",
        {
            "template": str(questionnaire.template.public_id),
            "opens_at": opens.isoformat(),
            "closes_at": (opens - timedelta(days=1)).isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "closes_before_opening"
