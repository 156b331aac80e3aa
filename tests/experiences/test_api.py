"""Issue 15, the bank's API: anyone lists, searches and reads published experiences and their
counts; proposing needs a member city or delegation staff (or one's accepted assignment);
editors see and decide on their delegation's only; retries change nothing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from experiences import services
from experiences.models import Experience
from tests.experiences.helpers import editor_of, facts, published, story
from tests.factories import MemberCityFactory, UserFactory

pytestmark = pytest.mark.django_db


def proposal(city, **overrides):
    body = {
        "language": "es", "title": "Bibliotecas abiertas", "summary": "Hasta la noche.",
        "description": "Con clubes.", "member_city": str(city.public_id), "principles": [4],
        "areas": ["culture"], "populations": ["families"], "year_started": 2020,
        "status": "running", "consent": True,
    }  # fmt: skip
    body.update(overrides)
    return body


def test_anyone_lists_and_searches_published_experiences_with_their_counts(client):
    city = MemberCityFactory(name="Córdoba")
    published(city, title="Bibliotecas abiertas", tags=["p04", "culture"])
    published(city, title="Caminos escolares", tags=["p13", "children"])
    services.propose(
        by=UserFactory(member_city=city),
        facts=facts(city),
        story=story(title="Oculta"),
        consent=True,
    )

    body = client.get("/api/v1/experiences/?q=abiertas").json()
    assert body["count"] == 1
    record = body["results"][0]
    assert record["title"] == "Bibliotecas abiertas" and record["city"] == "Córdoba"
    assert record["principles"] == [4] and record["areas"] == ["culture"]
    assert record["url"].endswith(f"/experiences/{record['id']}/")
    everything = client.get("/api/v1/experiences/").json()
    assert sorted(r["title"] for r in everything["results"]) == [
        "Bibliotecas abiertas", "Caminos escolares",
    ]  # fmt: skip
    facets = client.get("/api/v1/experiences/facets/?principle=p04").json()
    assert facets["total"] == 1 and facets["areas"]["culture"] == 1
    assert facets["countries"] == {city.country.iso_code: 1}
    assert client.get("/api/v1/experiences/?limit=abc").status_code == 400


def test_the_list_takes_the_same_queries_for_two_or_twenty(client):
    city = MemberCityFactory()
    for n in range(2):
        published(city, title=f"Experiencia {n}")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/experiences/?q=experiencia").status_code == 200
        return len(queries)

    count()
    few = count()
    for n in range(18):
        published(MemberCityFactory() if n % 3 else city, title=f"Experiencia {n + 2}")
    assert count() == few


def test_an_unpublished_experience_is_only_for_its_proposer_and_editors(client):
    city = MemberCityFactory()
    proposer = UserFactory(member_city=city)
    waiting = services.propose(by=proposer, facts=facts(city), story=story(), consent=True)
    url = f"/api/v1/experiences/{waiting.public_id}/"
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(member_city=city))
    assert client.get(url).status_code == 404
    client.force_login(proposer)
    assert client.get(url).json()["stage"] == "proposed"
    client.force_login(editor_of(city))
    assert client.get(url).status_code == 200
    assert client.get(url + "?lang=fr").json()["language"] == "es"  # not translated: the original
    assert client.get(url + "?lang=xx").status_code == 400


def test_proposing_through_the_api_refuses_what_it_must_and_a_retry_changes_nothing(client):
    city = MemberCityFactory()
    url = "/api/v1/experiences/"
    assert client.post(url, proposal(city), content_type="application/json").status_code in (
        401,
        403,
    )
    client.force_login(UserFactory())
    assert client.post(url, proposal(city), content_type="application/json").status_code == 403
    client.force_login(UserFactory(member_city=MemberCityFactory()))  # another delegation
    refused = client.post(url, proposal(city), content_type="application/json")
    assert refused.status_code == 403 and refused.json()["code"] == "other_delegation"

    person = UserFactory(member_city=city)
    client.force_login(person)
    refused = client.post(
        url, proposal(city, consent=False, title="<b>Hola</b>"), content_type="application/json"
    )
    assert refused.status_code == 400
    fields = {e.get("field") for e in refused.json()["errors"]}
    assert {"consent", "title"} <= fields
    made = client.post(
        url, proposal(city), content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    again = client.post(
        url, proposal(city), content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert made.status_code == 201 and again.status_code == 200
    assert made.json()["id"] == again.json()["id"] and Experience.objects.count() == 1
    other = client.post(
        url,
        proposal(city, title="Otra"),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k1",
    )
    assert other.status_code == 409 and Experience.objects.count() == 1


def test_editors_see_and_decide_on_their_delegations_experiences_only(client):
    city = MemberCityFactory()
    waiting = services.propose(
        by=UserFactory(member_city=city), facts=facts(city), story=story(), consent=True
    )
    decide = f"/api/v1/experiences/{waiting.public_id}/decision/"
    client.force_login(UserFactory(member_city=city))
    assert client.get("/api/v1/experiences/editorial/").status_code == 403
    assert (
        client.post(decide, {"action": "published"}, content_type="application/json").status_code
        == 404
    )
    client.force_login(editor_of(MemberCityFactory()))
    assert client.get("/api/v1/experiences/editorial/").json()["results"] == []
    assert (
        client.post(decide, {"action": "published"}, content_type="application/json").status_code
        == 404
    )

    client.force_login(editor_of(city))
    queue = client.get("/api/v1/experiences/editorial/").json()["results"]
    assert [r["id"] for r in queue] == [str(waiting.public_id)]
    wrong = client.post(decide, {"action": "unpublished"}, content_type="application/json")
    assert wrong.status_code == 400 and wrong.json()["code"] == "wrong_stage"
    no_note = client.post(decide, {"action": "changes"}, content_type="application/json")
    assert no_note.status_code == 400
    for _attempt in range(2):
        done = client.post(decide, {"action": "published"}, content_type="application/json")
        assert done.status_code == 200 and done.json()["stage"] == "published"
    assert waiting.events.filter(action="published").count() == 1
