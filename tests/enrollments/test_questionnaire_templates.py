"""Trainers and coordinators write their delegation's questionnaire templates, in the five
languages, whole or not at all; everyone staff-like uses the network's; nobody else writes
them; and attached questionnaires keep the questions they were attached with."""

from __future__ import annotations

import copy
import re
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from enrollments.questionnaires import services as questionnaires
from enrollments.questionnaires import templates
from enrollments.questionnaires.models import (
    Questionnaire,
    QuestionnaireTemplate,
    TemplateOption,
    TemplateQuestion,
)
from tests.factories import CohortFactory, DelegationFactory

URL = "/api/v1/questionnaire-templates/"

EVALUATION = {
    "title": {"es": "Evaluación del taller", "en": "Workshop evaluation"},
    "introduction": {"es": "Tres preguntas breves."},
    "questions": [
        {
            "key": "overall",
            "kind": "rating",
            "text": {"es": "¿Qué nota le da al taller?", "en": "How do you rate the workshop?"},
        },
        {
            "key": "format",
            "kind": "single",
            "required": False,
            "text": {"es": "¿Qué formato prefiere?", "en": "Which format do you prefer?"},
            "options": [
                {"key": "online", "label": {"es": "En línea", "en": "Online"}},
                {"key": "on-site", "label": {"es": "Presencial", "en": "On site"}},
            ],
        },
        {"key": "comments", "kind": "text", "text": {"es": "Comentarios"}},
    ],
}


def body(delegation=None, **changes) -> dict:
    return {
        "delegation": delegation.code if delegation else None,
        **copy.deepcopy(EVALUATION),
        **changes,
    }


def url(template: QuestionnaireTemplate) -> str:
    return f"{URL}{template.public_id}/"


@pytest.fixture
def delegation(city):
    return city.delegation


@pytest.fixture
def cohort_trainer(trainer, cohort):
    cohort.trainers.add(trainer)
    return trainer


@pytest.fixture
def elsewhere_trainer(trainer, site):
    """A trainer, but of a cohort of another delegation."""
    CohortFactory(course=site["course"].course, delegation=DelegationFactory()).trainers.add(
        trainer
    )
    return trainer


@pytest.fixture
def ours(delegation, coordinator) -> QuestionnaireTemplate:
    return templates.create_template(by=coordinator, delegation=delegation, given=EVALUATION)


@pytest.fixture
def network(site_admin) -> QuestionnaireTemplate:
    return templates.create_template(by=site_admin, delegation=None, given=EVALUATION)


def attach(template, cohort, by) -> Questionnaire:
    opens = timezone.now() + timedelta(days=1)
    questionnaire, _ = questionnaires.attach_questionnaire(
        cohort=cohort, template=template, opens_at=opens, closes_at=opens + timedelta(days=7), by=by
    )
    return questionnaire


# Who may write ----------------------------------------------------------------------------------


def test_a_coordinator_writes_a_template_for_their_delegation(signed_in, coordinator, delegation):
    response = signed_in(coordinator).post(URL, body(delegation), content_type="application/json")

    assert response.status_code == 201
    shown = response.json()
    assert shown["delegation"] == delegation.code
    assert shown["title"] == {"es": "Evaluación del taller", "en": "Workshop evaluation"}
    assert [q["key"] for q in shown["questions"]] == ["overall", "format", "comments"]
    assert shown["questions"][1]["options"][1]["label"] == {"es": "Presencial", "en": "On site"}
    assert (shown["can_edit"], shown["attached"]) == (True, 0)
    template = QuestionnaireTemplate.objects.get(public_id=shown["id"])
    assert template.created_by == coordinator
    assert TemplateOption.objects.filter(question__template=template).count() == 2


def test_a_trainer_of_one_of_the_delegations_cohorts_writes_its_templates(
    signed_in, cohort_trainer, delegation
):
    client = signed_in(cohort_trainer)
    created = client.post(URL, body(delegation), content_type="application/json")
    assert created.status_code == 201
    changed = client.put(
        f"{URL}{created.json()['id']}/",
        body(delegation, title={"es": "Evaluación corta"}),
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert changed.json()["title"] == {"es": "Evaluación corta"}


def test_learners_neither_read_nor_write_templates(signed_in, learner, ours, delegation):
    client = signed_in(learner)
    listed = client.get(URL)
    read = client.get(url(ours))
    created = client.post(URL, body(delegation), content_type="application/json")

    assert (listed.status_code, read.status_code, created.status_code) == (403, 403, 403)
    assert "trainers and coordinators" in listed.json()["detail"]
    assert QuestionnaireTemplate.objects.count() == 1
    assert signed_in(learner).get("/en/questionnaire-templates/").status_code == 403
    assert signed_in(learner).get("/en/questionnaire-templates/new/").status_code == 403


@pytest.mark.parametrize("person", ["outside_coordinator", "elsewhere_trainer"])
def test_nobody_writes_another_delegations_templates(request, signed_in, ours, delegation, person):
    client = signed_in(request.getfixturevalue(person))
    changed = client.put(
        url(ours), body(delegation, title={"es": "Mío"}), content_type="application/json"
    )
    deleted = client.delete(url(ours))
    created = client.post(URL, body(delegation), content_type="application/json")

    # Another delegation's template is unknown to them: 404, as for one that does not exist.
    missing = client.put(
        f"{URL}{uuid.uuid4()}/",
        body(delegation, title={"es": "Mío"}),
        content_type="application/json",
    )
    assert (changed.status_code, deleted.status_code, missing.status_code) == (404, 404, 404)
    assert changed.json() == missing.json()
    assert created.status_code == 403
    assert created.json()["detail"] == "You write the templates of your own delegations only."
    assert client.get(url(ours)).status_code == 404
    assert client.get(URL).json()["results"] == []
    ours.refresh_from_db()
    assert str(ours) == "Workshop evaluation"
    assert QuestionnaireTemplate.objects.count() == 1


def test_network_templates_serve_every_delegation_but_only_site_admins_change_them(
    signed_in, network, ours, coordinator, outside_coordinator, site_admin
):
    client = signed_in(outside_coordinator)
    listed = client.get(URL).json()["results"]
    assert [(t["id"], t["can_edit"]) for t in listed] == [(str(network.public_id), False)]

    coordinators = signed_in(coordinator)
    refused = coordinators.put(url(network), body(), content_type="application/json")
    created = coordinators.post(URL, body(), content_type="application/json")
    assert (refused.status_code, created.status_code) == (403, 403)
    assert refused.json()["detail"] == "Network-wide templates are written by site admins only."

    admins = signed_in(site_admin)
    changed = admins.put(
        url(network), body(title={"es": "Evaluación común"}), content_type="application/json"
    )
    assert changed.status_code == 200
    assert {t["id"] for t in admins.get(URL).json()["results"]} == {
        str(network.public_id),
        str(ours.public_id),
    }


# What a template must be -------------------------------------------------------------------------


def one_option(given: dict) -> None:
    given["questions"][1]["options"] = given["questions"][1]["options"][:1]


def options_on_a_rating(given: dict) -> None:
    given["questions"][0]["options"] = [
        {"key": "a", "label": {"es": "A"}},
        {"key": "b", "label": {"es": "B"}},
    ]


def same_keys(given: dict) -> None:
    given["questions"][2]["key"] = "overall"


def same_option_keys(given: dict) -> None:
    given["questions"][1]["options"][1]["key"] = "online"


def english_title_only(given: dict) -> None:
    given["title"] = {"en": "Workshop evaluation"}


def no_questions(given: dict) -> None:
    given["questions"] = []


def no_spanish_label(given: dict) -> None:
    given["questions"][1]["options"][0]["label"] = {"en": "Online"}


def long_title(given: dict) -> None:
    given["title"]["es"] = "x" * 201


@pytest.mark.parametrize(
    ("breakage", "code", "said", "field"),
    [
        (
            one_option,
            "too_few_options",
            "Question 2 (One choice) needs at least two options.",
            "questions.1.options",
        ),
        (
            options_on_a_rating,
            "options_not_allowed",
            "Question 1 (Rating from 1 to 5) takes no options.",
            "questions.0.options",
        ),
        (
            same_keys,
            "duplicate_key",
            "Question 3: another question already has the key “overall”.",
            "questions.2.key",
        ),
        (
            same_option_keys,
            "duplicate_key",
            "Question 2, option 2: another option already has the key “online”.",
            "questions.1.options.1.key",
        ),
        (english_title_only, "missing_translation", "The title needs a text in Spanish.", "title"),
        (
            no_spanish_label,
            "missing_translation",
            "Question 2, option 1 needs a text in Spanish.",
            "questions.1.options.0.label",
        ),
        (no_questions, "no_questions", "Add at least one question.", "questions"),
        (long_title, "too_long", "The title in Spanish: write at most 200 characters.", "title"),
    ],
)
def test_a_broken_template_is_refused_with_a_specific_message_and_nothing_is_stored(
    signed_in, coordinator, delegation, breakage, code, said, field
):
    given = body(delegation)
    breakage(given)
    response = signed_in(coordinator).post(URL, given, content_type="application/json")

    assert response.status_code == 400
    assert {"code": code, "message": said, "field": field} in response.json()["errors"]
    assert not QuestionnaireTemplate.objects.exists()
    assert not TemplateQuestion.objects.exists()


def test_every_problem_is_reported_at_once(coordinator, delegation):
    given = copy.deepcopy(EVALUATION)
    english_title_only(given)
    one_option(given)
    same_keys(given)
    with pytest.raises(ValidationError) as refused:
        templates.create_template(by=coordinator, delegation=delegation, given=given)
    assert [error.code for error in refused.value.error_list] == [
        "missing_translation",
        "too_few_options",
        "duplicate_key",
    ]


def test_a_refused_change_leaves_the_template_as_it_was(signed_in, coordinator, ours, delegation):
    before = templates.content(QuestionnaireTemplate.objects.with_content().get(pk=ours.pk))
    given = body(delegation, title={"es": "Otra"})
    one_option(given)
    response = signed_in(coordinator).put(url(ours), given, content_type="application/json")

    assert response.status_code == 400
    assert templates.content(QuestionnaireTemplate.objects.with_content().get(pk=ours.pk)) == before


def test_the_same_put_again_changes_nothing(signed_in, coordinator, ours, delegation):
    client = signed_in(coordinator)
    first = client.put(url(ours), body(delegation), content_type="application/json")
    questions = list(TemplateQuestion.objects.values_list("pk", flat=True))
    second = client.put(url(ours), body(delegation), content_type="application/json")

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert list(TemplateQuestion.objects.values_list("pk", flat=True)) == questions
    assert second.json()["updated_at"] == first.json()["updated_at"]


def test_a_create_sent_twice_with_its_idempotency_key_makes_one_template(
    signed_in, coordinator, delegation
):
    client = signed_in(coordinator)
    key = {"HTTP_IDEMPOTENCY_KEY": "5d1c7e0a-retry"}
    first = client.post(URL, body(delegation), content_type="application/json", **key)
    again = client.post(URL, body(delegation), content_type="application/json", **key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert QuestionnaireTemplate.objects.count() == 1

    changed = body(delegation, title={"es": "Otra cosa"})
    reused = client.post(URL, changed, content_type="application/json", **key)
    assert reused.status_code == 409
    assert reused.json()["code"] == "idempotency_key_reused"
    assert QuestionnaireTemplate.objects.count() == 1

    # Without a key, two creates are two templates, as asked.
    client.post(URL, body(delegation), content_type="application/json")
    assert QuestionnaireTemplate.objects.count() == 2


def test_saving_a_new_template_twice_from_the_editor_makes_one(
    signed_in, cohort_trainer, delegation
):
    client = signed_in(cohort_trainer)
    page = "/en/questionnaire-templates/new/"
    html = client.get(page).content.decode()
    key = re.search(r'name="creation_key" value="([^"]+)"', html)
    assert key is not None
    form = {
        "creation_key": key.group(1),
        "delegation": delegation.code,
        "title-es": "Una vez",
        "questions": "1",
        "q-0-kind": "text",
        "q-0-text-es": "¿Algo más?",
        "action": "save",
    }
    assert client.post(page, form).status_code == 302
    assert client.post(page, form).status_code == 302  # a double click
    assert QuestionnaireTemplate.objects.count() == 1


def test_a_put_replaces_the_questions_and_drops_translations_left_out(
    signed_in, coordinator, ours, delegation
):
    given = body(delegation, title={"es": "Solo en español"})
    given["questions"] = [given["questions"][2]]
    shown = signed_in(coordinator).put(url(ours), given, content_type="application/json").json()

    assert shown["title"] == {"es": "Solo en español"}
    assert [q["key"] for q in shown["questions"]] == ["comments"]
    assert TemplateQuestion.objects.count() == 1 and not TemplateOption.objects.exists()


# Attached questionnaires ------------------------------------------------------------------------


def test_editing_a_template_leaves_attached_questionnaires_as_they_were(
    signed_in, coordinator, ours, cohort, delegation
):
    attached = attach(ours, cohort, coordinator)
    given = body(delegation)
    given["questions"][0]["text"] = {"es": "¿Le ha servido?"}
    changed = signed_in(coordinator).put(url(ours), given, content_type="application/json")
    assert changed.status_code == 200

    attached.refresh_from_db()
    assert attached.questions["questions"][0]["text"]["es"] == "¿Qué nota le da al taller?"
    refreshed = questionnaires.new_version(questionnaire=attached, by=coordinator)
    assert refreshed.questions["questions"][0]["text"] == {"es": "¿Le ha servido?"}


def test_a_template_is_deleted_only_while_it_was_never_attached(
    signed_in, coordinator, ours, network, cohort
):
    client = signed_in(coordinator)
    attach(ours, cohort, coordinator)
    refused = client.delete(url(ours))
    assert refused.status_code == 409
    assert refused.json() == {
        "detail": "This template is attached to 1 questionnaire, so it stays.",
        "code": "template_in_use",
        "errors": [
            {
                "code": "template_in_use",
                "message": "This template is attached to 1 questionnaire, so it stays.",
            }
        ],
    }
    Questionnaire.objects.all().delete()
    assert client.delete(url(ours)).status_code == 204
    assert list(QuestionnaireTemplate.objects.all()) == [network]


def test_a_cohort_takes_only_network_templates_and_its_own_delegations(
    signed_in, site_admin, cohort, coordinator
):
    foreign = templates.create_template(
        by=site_admin, delegation=DelegationFactory(), given=EVALUATION
    )
    opens = timezone.now() + timedelta(days=1)
    response = signed_in(site_admin).post(
        f"/api/v1/cohorts/{cohort.public_id}/questionnaires/",
        {
            "template": str(foreign.public_id),
            "opens_at": opens.isoformat(),
            "closes_at": (opens + timedelta(days=7)).isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "another delegation" in response.json()["detail"]
    assert not Questionnaire.objects.exists()


# Cost -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 8])
def test_listing_templates_costs_the_same_queries_however_many_there_are(
    signed_in, coordinator, delegation, count, django_assert_max_num_queries
):
    for _ in range(count):
        templates.create_template(by=coordinator, delegation=delegation, given=EVALUATION)
    client = signed_in(coordinator)
    client.get(URL)  # the session and user, once
    with django_assert_max_num_queries(14):
        assert len(client.get(URL).json()["results"]) == count
    with django_assert_max_num_queries(12):
        assert client.get("/en/questionnaire-templates/").status_code == 200


def test_the_schema_documents_the_template_endpoints(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert set(schema["paths"]["/api/v1/questionnaire-templates/"]) >= {"get", "post"}
    assert set(schema["paths"]["/api/v1/questionnaire-templates/{public_id}/"]) >= {
        "get",
        "put",
        "delete",
    }
    question = schema["components"]["schemas"]["TemplateQuestion"]["properties"]
    assert question["options"]["items"] == {"$ref": "#/components/schemas/TemplateOption"}


# Pages --------------------------------------------------------------------------------------------


def test_a_trainer_builds_a_template_on_the_page_row_by_row_and_sees_what_is_wrong(
    signed_in, cohort_trainer, delegation
):
    client = signed_in(cohort_trainer)
    page = "/en/questionnaire-templates/new/"
    assert 'name="title-ca"' in client.get(page).content.decode()

    form = {
        "delegation": delegation.code,
        "title-en": "Short evaluation",
        "questions": "1",
        "q-0-kind": "single",
        "q-0-required": "1",
        "q-0-text-es": "¿Volvería?",
        "q-0-options": "2",
        "q-0-o-0-label-es": "Sí",
        "q-0-o-1-key": "",
    }
    more = client.post(page, {**form, "action": "add-question"})
    assert more.status_code == 200
    html = more.content.decode()
    assert 'name="q-1-kind"' in html and 'value="volveria"' in html  # a key made from the text

    refused = client.post(page, {**form, "action": "save"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "The title needs a text in Spanish." in html
    assert "Question 1 (One choice) needs at least two options." in html
    assert not QuestionnaireTemplate.objects.exists()

    saved = client.post(
        page,
        {**form, "title-es": "Evaluación corta", "q-0-o-1-label-es": "No", "action": "save"},
    )
    assert saved.status_code == 302
    template = QuestionnaireTemplate.objects.with_content().get()
    assert template.delegation == delegation
    assert templates.content(template)["questions"] == [
        {
            "key": "volveria",
            "kind": "single",
            "required": True,
            "text": {"es": "¿Volvería?"},
            "options": [
                {"key": "si", "label": {"es": "Sí"}},
                {"key": "no", "label": {"es": "No"}},
            ],
        }
    ]
    listed = client.get("/en/questionnaire-templates/").content.decode()
    assert "Short evaluation" in listed


def test_the_editor_keeps_rows_in_place_while_editing_and_moves_a_question_up(
    signed_in, cohort_trainer, delegation
):
    client = signed_in(cohort_trainer)
    page = "/en/questionnaire-templates/new/"
    form = {
        "delegation": delegation.code,
        "title-es": "Orden",
        "questions": "3",
        "q-0-kind": "text",
        "q-0-text-es": "Primera",
        "q-1-kind": "rating",  # a row added and not filled in yet
        "q-2-kind": "single",
        "q-2-text-es": "Tercera",
        "q-2-options": "0",
    }
    # The third row's "Add an option" adds to the third row, although the second is empty.
    html = client.post(page, {**form, "action": "add-option-2"}).content.decode()
    assert 'name="q-2-o-0-key"' in html and 'name="q-1-kind"' in html
    assert 'name="q-1-o-0-key"' not in html

    moved = client.post(page, {**form, "action": "up-2"}).content.decode()
    assert re.search(r'name="q-1-text-es" value="Tercera"', moved)

    ticked = client.post(page, {**form, "q-0-remove": "1", "action": "add-option-2"})
    html = ticked.content.decode()
    assert re.search(r'name="q-0-remove" value="1" checked', html)  # removed when saving only
    assert 'name="q-2-o-0-key"' in html

    saved = client.post(
        page,
        {
            **form,
            "q-2-kind": "text",
            "q-0-remove": "1",
            "q-1-text-es": "",
            "action": "save",
        },
    )
    assert saved.status_code == 302
    template = QuestionnaireTemplate.objects.with_content().get()
    assert [q["text"]["es"] for q in templates.content(template)["questions"]] == ["Tercera"]


def test_pressing_enter_in_the_editor_saves_rather_than_adding_a_row(
    signed_in, cohort_trainer, delegation
):
    # Browsers submit a form through its first submit button when Enter is pressed in a field.
    html = signed_in(cohort_trainer).get("/en/questionnaire-templates/new/").content.decode()
    form = html[html.index('class="template-editor"') :]
    first = re.search(r'<button type="submit" name="action" value="([^"]+)"', form)
    assert first is not None and first.group(1) == "save"


def test_a_template_one_may_only_use_shows_read_only_and_refuses_changes(
    signed_in, coordinator, network
):
    client = signed_in(coordinator)
    page = f"/en/questionnaire-templates/{network.public_id}/"
    html = client.get(page).content.decode()
    assert "not change it" in html and "<fieldset disabled>" in html
    assert client.post(page, {"title-es": "Mía", "action": "save"}).status_code == 403
    assert str(QuestionnaireTemplate.objects.get()) == "Workshop evaluation"
    copy_page = client.get(f"/en/questionnaire-templates/new/?from={network.public_id}")
    assert 'value="Evaluación del taller"' in copy_page.content.decode()

    deleted = client.post(f"/en/questionnaire-templates/{network.public_id}/delete/", follow=True)
    assert "Network-wide templates are written by site admins only." in deleted.content.decode()
    assert QuestionnaireTemplate.objects.filter(pk=network.pk).exists()


def test_the_delete_page_refuses_learners_and_hides_other_delegations_templates(
    signed_in, learner, outside_coordinator, ours
):
    page = f"/en/questionnaire-templates/{ours.public_id}/delete/"
    assert signed_in(learner).post(page).status_code == 403
    assert signed_in(outside_coordinator).post(page).status_code == 404
    assert QuestionnaireTemplate.objects.filter(pk=ours.pk).exists()


def test_a_coordinator_attaches_a_questionnaire_from_the_roster(
    signed_in, coordinator, cohort, network, site
):
    client = signed_in(coordinator)
    roster = client.get(f"/en/cohorts/{cohort.public_id}/roster/").content.decode()
    page = f"/en/cohorts/{cohort.public_id}/questionnaires/new/"
    assert page in roster
    html = client.get(page).content.decode()
    assert "Workshop evaluation" in html and "Primer módulo" in html
    assert "Fixed once the questionnaire opens" in html

    opens = timezone.localtime() + timedelta(days=2)
    form = {
        "template": str(network.public_id),
        "opens_at": opens.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (opens - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "anonymity": "named",
        "after_module": str(site["module"].pk),
        "reminder_days": "3",
    }
    refused = client.post(page, form)
    assert refused.status_code == 400
    assert "A questionnaire must close after it opens." in refused.content.decode()
    assert not Questionnaire.objects.exists()

    form["closes_at"] = (opens + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(page, form)
    assert response.status_code == 302
    assert response["Location"] == f"/en/cohorts/{cohort.public_id}/roster/"
    questionnaire = Questionnaire.objects.get()
    assert (questionnaire.is_anonymous, questionnaire.reminder_days) == (False, 3)
    assert questionnaire.after_module_id == site["module"].pk
    assert questionnaire.questions["title"]["en"] == "Workshop evaluation"


def test_only_the_cohorts_staff_open_its_attach_page(
    signed_in, learner, outside_coordinator, cohort
):
    page = f"/en/cohorts/{cohort.public_id}/questionnaires/new/"
    assert signed_in(learner).get(page).status_code == 403
    assert signed_in(outside_coordinator).get(page).status_code == 403


def test_my_courses_links_staff_to_the_templates(signed_in, coordinator, learner, cohort):
    assert (
        "/en/questionnaire-templates/"
        in signed_in(coordinator).get("/en/my-courses/").content.decode()
    )
    assert (
        "/en/questionnaire-templates/"
        not in signed_in(learner).get("/en/my-courses/").content.decode()
    )
