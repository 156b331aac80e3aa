"""The API tells nobody what they may not know (issue 17, item 6): permission is checked before
input, and another delegation's draft or invitation-only cohort answers exactly as a missing
one does."""

from __future__ import annotations

import uuid

import pytest

from tests.factories import CohortFactory, UserFactory

MISSING = uuid.UUID("00000000-0000-4000-8000-000000000000")


def test_changing_a_public_cohort_does_not_tell_who_has_an_account(
    signed_in, learner, cohort, trainer
):
    client = signed_in(learner)
    url = f"/api/v1/cohorts/{cohort.public_id}/"
    known = client.patch(url, {"trainers": [trainer.email]}, content_type="application/json")
    unknown = client.patch(url, {"trainers": ["x@y.example"]}, content_type="application/json")
    assert known.status_code == unknown.status_code == 403
    assert known.json() == unknown.json()
    cohort.refresh_from_db()
    assert not cohort.trainers.exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "roster/", None),
        ("get", "report/", None),
        ("post", "invitations/", {"emails": ["someone@example.org"]}),
        ("post", "questionnaires/", {"template": str(MISSING)}),
        ("patch", "", {"title": "Mía"}),
    ],
)
def test_another_delegations_hidden_cohort_answers_as_a_missing_one(
    signed_in, outside_coordinator, site, city, method, path, body
):
    hidden = CohortFactory(
        course=site["course"].course, delegation=city.delegation, status="draft", title="Borrador"
    )
    client = signed_in(outside_coordinator)
    kwargs = {"content_type": "application/json"} if body is not None else {}
    send = getattr(client, method)
    there = send(f"/api/v1/cohorts/{hidden.public_id}/{path}", body, **kwargs)
    missing = send(f"/api/v1/cohorts/{MISSING}/{path}", body, **kwargs)
    assert there.status_code == missing.status_code == 404
    assert there.json() == missing.json()


def test_a_visible_cohort_refuses_with_403_before_reading_the_input(signed_in, site, city, cohort):
    stranger = UserFactory()
    client = signed_in(stranger)
    for path, body in [
        ("invitations/", {"emails": "not a list"}),
        ("questionnaires/", {"template": "nope"}),
    ]:
        response = client.post(
            f"/api/v1/cohorts/{cohort.public_id}/{path}", body, content_type="application/json"
        )
        assert response.status_code == 403, path
    assert client.get(f"/api/v1/cohorts/{cohort.public_id}/roster/").status_code == 403
