"""A learner downloads everything Aula holds about them and can erase their account; issued
certificates stay verifiable with the name printed on them, and the figures stay right."""

from __future__ import annotations

import json

from accounts.models import PrivacyRequest, User
from certificates.models import Certificate
from enrollments import progress, services
from enrollments.demo import seed_questionnaires
from enrollments.models import Enrollment, Questionnaire, Response
from enrollments.questionnaires import services as questionnaires
from tests.factories import PASSWORD

GOOD = {"overall": 5, "useful": 4, "recommend": 9, "format": "blended"}


def finished(learner, cohort, coordinator, capture):
    enrollment = services.enroll_learner(cohort=cohort, learner=learner)
    with capture(execute=True):
        progress.complete_by_hand(actor=coordinator, enrollment=enrollment, reason="In person")
    return Enrollment.objects.get(pk=enrollment.pk)


def test_a_learner_downloads_all_their_data_and_the_download_is_recorded(
    signed_in, learner, cohort, coordinator, site_admin, site, django_capture_on_commit_callbacks
):
    from enrollments import progress

    finished(learner, cohort, coordinator, django_capture_on_commit_callbacks)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    seed_questionnaires(by=site_admin)
    named = Questionnaire.objects.get(cohort=cohort)
    Questionnaire.objects.filter(pk=named.pk).update(is_anonymous=False)
    named.refresh_from_db()
    questionnaires.submit_answers(
        questionnaire=named, learner=learner, answers={**GOOD, "comments": "Gracias"}, language="es"
    )

    response = signed_in(learner).get("/en/accounts/profile/my-data/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == learner.email
    assert data["learning"]["enrollments"][0]["cohort"] == "Abril"
    # Labelled for a person, not with the database's internal paths.
    assert [p["lesson_title"] for p in data["learning"]["lesson_progress"]] == ["Lección 1"]
    assert "__" not in response.content.decode()
    assert data["certificates"][0]["claims"]["holder_name"] == "Ana Gutiérrez"
    answers = data["learning"]["named_questionnaire_answers"][str(named.public_id)]
    assert {"question": "comments", "number": None, "option": "", "text": "Gracias"} in answers
    assert PrivacyRequest.objects.get().kind == "export"

    api = signed_in(learner).get("/api/v1/me/data/").json()
    assert api["profile"]["email"] == learner.email


def test_erasing_an_account_keeps_the_certificate_verifiable_and_the_figures_right(
    signed_in,
    client,
    learner,
    cohort,
    coordinator,
    site_admin,
    django_capture_on_commit_callbacks,
):
    enrollment = finished(learner, cohort, coordinator, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(enrollment=enrollment)
    seed_questionnaires(by=site_admin)
    questionnaire = Questionnaire.objects.get(cohort=cohort)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(is_anonymous=False)
    questionnaire.refresh_from_db()
    questionnaires.submit_answers(
        questionnaire=questionnaire, learner=learner, answers=GOOD, language="es"
    )
    email = learner.email
    browser = signed_in(learner)

    refused = browser.post("/en/accounts/profile/erase/", {"confirm": "1", "password": "wrong"})
    assert refused.status_code == 400
    assert User.objects.filter(email=email).exists()

    erased = browser.post("/en/accounts/profile/erase/", {"confirm": "1", "password": PASSWORD})
    assert erased.status_code == 302

    assert not User.objects.filter(email=email).exists()
    gone = User.objects.get(pk=learner.pk)
    assert (gone.is_active, gone.certificate_name, gone.has_usable_password()) == (False, "", False)
    assert gone.member_city_id == learner.member_city_id  # the figures still count the city
    assert Enrollment.objects.filter(cohort=cohort, status="completed").count() == 1
    assert Response.objects.get().enrollment is None  # the answer stays, nameless
    verified = client.get(f"/api/v1/certificates/verify/{certificate.printed.display_code}").json()
    assert verified["state"] == "valid"
    assert verified["certificate"]["holder_name"] == "Ana Gutiérrez"
    assert PrivacyRequest.objects.filter(kind="erase", user_public_id=learner.public_id).exists()
    assert not client.login(username=email, password=PASSWORD)


def test_the_api_asks_for_the_password_and_a_confirmation_before_erasing(signed_in, learner):
    client = signed_in(learner)
    unconfirmed = client.post(
        "/api/v1/me/erase/",
        {"password": PASSWORD, "confirm": False},
        content_type="application/json",
    )
    assert unconfirmed.status_code == 400
    done = client.post(
        "/api/v1/me/erase/",
        {"password": PASSWORD, "confirm": True},
        content_type="application/json",
    )
    assert done.status_code == 204
    assert not User.objects.get(pk=learner.pk).is_active


def test_strangers_get_nothing(client):
    assert client.get("/api/v1/me/data/").status_code in (401, 403)
    assert client.get("/en/accounts/profile/my-data/").status_code == 302  # to sign in
