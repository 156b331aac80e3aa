"""xAPI statements as a careless client or a hostile H5P package sends them (issue 17, items
3, 4, 12 and 13): each is refused with a 400 (413 for size) naming the field, nothing is
stored, and what is accepted can always be read back."""

from __future__ import annotations

import json
import uuid

import fastjsonschema
import hypothesis
import pytest
from django.conf import settings
from hypothesis import strategies as st

from cms.models import activity_iri
from enrollments import services
from enrollments.models import ActivityResult, Statement
from enrollments.xapi import MAX_STATEMENT_BYTES
from tests.factories import add_activity

URL = "/api/v1/xapi/statements"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


@pytest.fixture
def player(signed_in, learner, cohort, site):
    services.enroll_learner(learner=learner, cohort=cohort)
    client = signed_in(learner)
    client.key = add_activity(site["lesson"])
    client.other_key = add_activity(site["lesson2"])
    return client


def statement(key, **fields):
    return {
        "id": str(uuid.uuid4()),
        "verb": {"id": ANSWERED},
        "object": {"id": activity_iri(key), "objectType": "Activity"},
        "result": {"score": {"raw": 1, "max": 1}},
        **fields,
    }


def send(client, body):
    return client.post(URL, body, content_type="application/json")


@pytest.mark.parametrize(
    ("fields", "field", "said"),
    [
        ({"object": {"id": 123}}, "object.id", "must be text"),
        ({"result": [1]}, "result", "must be a JSON object"),
        ({"result": "x"}, "result", "must be a JSON object"),
        ({"context": {"contextActivities": [1]}}, "context.contextActivities", "JSON object"),
        (
            {"context": {"contextActivities": {"parent": [1]}}},
            "context.contextActivities.parent.0",
            "JSON object",
        ),
        ({"result": {"score": {"raw": "NaN", "max": 1}}}, "result.score.raw", "a number"),
        ({"result": {"score": {"raw": 1, "max": "NaN"}}}, "result.score.max", "a number"),
        ({"result": {"score": {"raw": "sNaN", "max": 1}}}, "result.score.raw", "a number"),
        ({"result": {"score": {"raw": 1, "max": "Infinity"}}}, "result.score.max", "a number"),
        ({"result": {"score": {"raw": 1, "scaled": 3}}}, "result.score.scaled", "xAPI allows"),
        ({"result": {"success": "yes"}}, "result.success", "true or false"),
        ({"verb": {"id": "answered"}}, "verb.id", "xAPI allows"),
        ({"verb": {"id": "http://x/" + "v" * 300}}, "verb.id", "xAPI allows"),
        ({"colour": "blue"}, "colour", "not a property xAPI allows"),
        ({"object": {}}, "object.id", "lacks"),
    ],
)
def test_a_badly_shaped_statement_is_a_400_naming_the_field(player, fields, field, said):
    response = send(player, statement(player.key, **fields))
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["errors"][0]["field"] == field
    assert said in error["detail"]
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "score",
    [
        {"raw": 1e25, "max": 1e26},  # too large for the column
        {"raw": 1, "max": 1e-30},  # a maximum that would be stored as 0
        {"raw": 5, "max": 4},
        {"raw": -1, "max": 4},
    ],
)
def test_a_score_outside_what_is_stored_is_refused_and_the_export_still_works(player, score):
    response = send(player, statement(player.key, result={"score": score}))
    assert response.status_code == 400
    assert response.json()["code"] == "score_out_of_range"
    assert "with max from 0.001 to 999999.999" in response.json()["detail"]
    assert player.get("/api/v1/me/data/").status_code == 200


def test_scores_beyond_floating_point_are_refused_not_stored_as_infinity(player):
    body = json.dumps(statement(player.key, result={"score": {"raw": "RAW", "max": "MAX"}}))
    body = body.replace('"RAW"', "1e400").replace('"MAX"', "1e401")
    response = send(player, body)
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_score"
    assert not Statement.objects.exists()


def test_a_large_statement_is_refused_with_413(player):
    bulky = statement(
        player.key, result={"extensions": {"http://x/ext": "x" * (MAX_STATEMENT_BYTES + 1)}}
    )
    response = send(player, bulky)
    assert response.status_code == 413
    assert response.json()["code"] == "statement_too_large"
    assert not Statement.objects.exists()


def test_a_package_cannot_score_another_lessons_activity(player):
    """A library that names another activity after `subContentId=` (or another site) is
    refused; before, the server read the key from the end of the whole id."""
    forged = [
        f"http://x/?subContentId=1/xapi/activities/{player.other_key}",
        f"{activity_iri(player.key)}?subContentId=1/xapi/activities/{player.other_key}",
        f"https://evil.example/xapi/activities/{player.other_key}",
        f"{activity_iri(player.other_key)}/extra",
    ]
    for object_id in forged:
        response = send(player, statement(player.key, object={"id": object_id}))
        assert response.status_code == 400, object_id
        assert response.json()["errors"][0]["field"] == "object.id"
    assert not ActivityResult.objects.exists()


def test_a_question_inside_a_set_keeps_its_sub_content_id(player):
    question = f"{activity_iri(player.key)}?subContentId={uuid.uuid4()}"
    sent = statement(
        player.key,
        object={"id": question},
        context={"contextActivities": {"parent": [{"id": activity_iri(player.key)}]}},
    )
    assert send(player, sent).status_code == 200
    stored = Statement.objects.get()
    assert stored.payload["object"]["id"] == question
    assert str(stored.activity.key) == player.key
    assert settings.SITE_URL in question


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([ANSWERED, str(uuid.UUID(int=7)), "Activity", "PT1M", "es", "http://x"])
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
PLACES = [
    ("id",), ("verb",), ("verb", "id"), ("verb", "display"), ("object",), ("object", "id"),
    ("object", "objectType"), ("object", "definition"), ("result",), ("result", "score"),
    ("result", "score", "raw"), ("result", "score", "max"), ("result", "score", "scaled"),
    ("result", "success"), ("result", "completion"), ("result", "duration"),
    ("result", "response"), ("context",), ("context", "contextActivities"),
    ("context", "contextActivities", "parent"), ("context", "registration"),
    ("context", "extensions"), ("timestamp",), ("version",), ("colour",),
]  # fmt: skip


@hypothesis.settings(max_examples=400, deadline=None)
@hypothesis.given(place=st.sampled_from(PLACES), value=JSON)
def test_the_fast_check_accepts_exactly_what_the_schema_accepts(place, value):
    """Statements are checked by the schema compiled to Python, and only those it refuses go to
    jsonschema for the field at fault: the two must agree on every statement."""
    from enrollments import xapi

    sent = statement(uuid.UUID(int=1))
    target = sent
    for key in place[:-1]:
        target = target.setdefault(key, {}) if isinstance(target, dict) else target
    if isinstance(target, dict):
        target[place[-1]] = value
    try:
        xapi._VALID(sent)
        fast = True
    except fastjsonschema.JsonSchemaException:
        fast = False
    assert fast == xapi._VALIDATOR.is_valid(sent), sent
