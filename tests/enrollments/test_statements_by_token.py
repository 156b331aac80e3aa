"""xAPI statements sent with an API token, as an H5P app or a learning record store does.

On PostgreSQL the token's holder is looked up in the same SQL statement that stores the
statement (`progress.record_by_token`); every other case goes the ordinary way, which checks
the token first. From outside both must answer the same: these tests run on either database.
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import translation
from rest_framework.authtoken.models import Token

from enrollments import services
from enrollments.models import ActivityResult, LessonProgress, Statement
from tests.enrollments.test_progress_and_statements import statement
from tests.factories import add_activity

PROGRESSED = "http://adlnet.gov/expapi/verbs/progressed"


def post(client, body, token: str, **headers):
    return client.post(
        "/api/v1/xapi/statements",
        body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
        **headers,
    )


@pytest.fixture
def enrollment(learner, cohort):
    return services.enroll_learner(learner=learner, cohort=cohort)


@pytest.fixture
def token(learner) -> str:
    return Token.objects.create(user=learner).key


def in_portuguese(message: str) -> str:
    with translation.override("pt"):
        translated = translation.gettext(message)
    assert translated != message, f"not translated into Portuguese: {message}"
    return translated


def test_a_learner_posts_with_their_token_and_the_statement_counts_once(
    client, learner, enrollment, site, token
):
    key = add_activity(site["lesson"])
    sent = statement(key, raw=7)
    first = post(client, sent, token)
    assert first.status_code == 200, first.content
    assert first.json() == [sent["id"]]
    retried = post(client, sent, token)
    assert (retried.status_code, retried.json()) == (200, [sent["id"]])

    stored = Statement.objects.get()
    assert (stored.learner_id, stored.enrollment_id) == (learner.pk, enrollment.pk)
    result = ActivityResult.objects.get(enrollment=enrollment)
    assert result.attempts == 1
    assert result.best_scaled == Decimal("0.7")
    # "answered" finishes the lesson's only required activity: the lesson is done.
    done = LessonProgress.objects.get(enrollment=enrollment, lesson_id=site["lesson"].pk)
    assert done.completed_at is not None


def test_the_same_id_with_other_content_or_from_someone_else_is_a_conflict(
    client, learner, other_learner, cohort, enrollment, site, token
):
    services.enroll_learner(learner=other_learner, cohort=cohort)
    key = add_activity(site["lesson"])
    sent = statement(key, raw=4)
    assert post(client, sent, token).status_code == 200

    changed = post(client, {**sent, "result": {"score": {"raw": 9, "max": 10}}}, token)
    assert changed.status_code == 409
    assert changed.json()["code"] == "statement_conflict"
    theirs = post(client, sent, Token.objects.create(user=other_learner).key)
    assert theirs.status_code == 409
    assert Statement.objects.count() == 1
    assert ActivityResult.objects.get().attempts == 1


def test_a_wrong_or_withdrawn_token_is_refused_before_anything_about_the_body(
    client, learner, enrollment, site, token
):
    key = add_activity(site["lesson"])
    unknown = "0" * 40
    for body in (statement(key), {"verb": 1}, "{not json", [statement(key), statement(key)]):
        refused = post(client, body, unknown)
        assert refused.status_code == 401, (body, refused.content)
        assert refused.headers["WWW-Authenticate"] == "Token"

    learner.is_active = False
    learner.save(update_fields=["is_active"])
    assert post(client, statement(key), token).status_code == 401
    Token.objects.filter(user=learner).delete()
    learner.is_active = True
    learner.save(update_fields=["is_active"])
    assert post(client, statement(key), token).status_code == 401  # the token was withdrawn
    assert not Statement.objects.exists()


def test_refusals_and_answers_are_in_the_learners_language_whatever_the_header(
    client, other_learner, cohort, site
):
    other_learner.preferred_language = "pt"
    other_learner.save(update_fields=["preferred_language"])
    token = Token.objects.create(user=other_learner).key
    key = add_activity(site["lesson"])

    not_enrolled = post(client, statement(key), token, HTTP_ACCEPT_LANGUAGE="en")
    assert not_enrolled.status_code == 403
    assert not_enrolled.json()["detail"] == in_portuguese(
        "This activity is not in a cohort you are enrolled in."
    )
    unknown = post(
        client, {**statement(key), "object": {"id": "https://elsewhere.example/x"}}, token
    )
    assert unknown.status_code == 400
    assert unknown.json()["detail"] == in_portuguese(
        "The statement's object is not an Aula activity."
    )

    services.enroll_learner(learner=other_learner, cohort=cohort)
    stored = post(client, statement(key, verb=PROGRESSED), token, HTTP_ACCEPT_LANGUAGE="en")
    assert stored.status_code == 200
    assert stored.headers["Content-Language"] == "pt"


def test_one_statement_by_token_is_one_query_on_postgresql_and_never_grows(
    client, enrollment, site, token, django_assert_max_num_queries
):
    key = add_activity(site["lesson"])
    assert post(client, statement(key, raw=5), token).status_code == 200  # finishes it
    limit = 1 if connection.vendor == "postgresql" else 9
    with django_assert_max_num_queries(limit):
        assert post(client, statement(key, verb=PROGRESSED), token).status_code == 200
    batch = [statement(key, verb=PROGRESSED) for _ in range(30)]
    assert post(client, batch, token).json() == [s["id"] for s in batch]
    with django_assert_max_num_queries(limit):
        assert post(client, statement(key, verb=PROGRESSED), token).status_code == 200
    assert ActivityResult.objects.get().attempts == 33


def test_an_id_that_is_not_a_uuid_is_refused_with_the_field(client, enrollment, site, token):
    key = add_activity(site["lesson"])
    refused = post(client, {**statement(key), "id": str(uuid.uuid4())[:-1]}, token)
    assert refused.status_code == 400
    assert not Statement.objects.exists()


def test_other_methods_with_a_wrong_token_are_still_refused_as_unauthenticated(client, db):
    response = client.get("/api/v1/xapi/statements", HTTP_AUTHORIZATION=f"Token {'0' * 40}")
    assert response.status_code == 401
