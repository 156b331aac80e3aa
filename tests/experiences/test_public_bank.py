"""Issue 15, the public bank: anyone finds published experiences by words (accents or not) and
filters with counts, reads one in their language when translated, sees the map and charts,
downloads the open data and follows the feed; nothing unpublished or personal shows."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from experiences import search, services
from experiences.models import Experience
from tests.experiences.helpers import editor_of, facts, published, story
from tests.factories import CountryFactory, MemberCityFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [row["text"].title for row in response.context["rows"]]


def test_words_find_experiences_without_accents_and_in_any_language(client):
    published(title="Educación en las plazas", summary="Talleres los sábados.")
    published(title="Roteiros da memória do porto", language="pt", summary="Percursos.")
    published(title="Compostaje barrial", summary="Residuos orgánicos.")

    assert titles(client.get("/es/experiences/?q=educacion")) == ["Educación en las plazas"]
    assert titles(client.get("/es/experiences/?q=MEMORIA porto")) == [
        "Roteiros da memória do porto"
    ]
    response = client.get("/es/experiences/?q=inexistente")
    assert titles(response) == [] and "Ninguna experiencia coincide" in response.content.decode()


def test_filters_narrow_the_list_and_each_option_says_how_many_it_would_show(client):
    rosario = MemberCityFactory(name="Rosario")
    santos = MemberCityFactory(name="Santos")
    published(rosario, title="Plazas", tags=["p05", "youth"], year_started=2019)
    published(rosario, title="Caminos escolares", tags=["p13", "children"], year_started=2022)
    published(santos, title="Roteiros", tags=["p05", "culture"], year_started=2019)

    response = client.get("/en/experiences/?principle=p05")
    assert sorted(titles(response)) == ["Plazas", "Roteiros"]
    countries = {iso: n for iso, _name, n in response.context["countries"]}
    assert countries == {rosario.country.iso_code: 1, santos.country.iso_code: 1}
    areas = {o["code"]: o["count"] for o in response.context["areas"]}
    assert areas["youth"] == 1 and areas["culture"] == 1 and areas["childhood"] == 0

    response = client.get(f"/en/experiences/?principle=p05&country={rosario.country.iso_code}")
    assert titles(response) == ["Plazas"]
    assert dict(response.context["years"]) == {2019: 1}
    response = client.get("/en/experiences/?year=2022&city=rosario")
    assert titles(response) == ["Caminos escolares"]
    # Nonsense in the filters is ignored, not an error.
    assert client.get("/en/experiences/?year=abc&status=<b>&principle=zz").status_code == 200


def test_only_published_experiences_are_public(client):
    city = MemberCityFactory()
    proposer = UserFactory(member_city=city)
    waiting = services.propose(
        by=proposer, facts=facts(city), story=story(title="En espera"), consent=True
    )
    shown = published(city, title="Publicada")

    assert titles(client.get("/es/experiences/")) == ["Publicada"]
    assert client.get(f"/es/experiences/{waiting.public_id}/").status_code == 404
    assert client.get(f"/es/experiences/{shown.public_id}/").status_code == 200
    client.force_login(proposer)
    page = client.get(f"/es/experiences/{waiting.public_id}/")
    assert page.status_code == 200 and "No es pública" in page.content.decode()
    client.force_login(UserFactory(member_city=city))
    assert client.get(f"/es/experiences/{waiting.public_id}/").status_code == 404


def test_a_reader_gets_the_translation_of_their_language_and_else_the_original(client):
    experience = published(
        title="Bibliotecas abiertas",
        translation=story(language="pt", title="Bibliotecas abertas", summary="Abrem à noite."),
    )
    page = client.get(f"/pt/experiences/{experience.public_id}/").content.decode()
    assert "Bibliotecas abertas" in page and "Abrem à noite." in page
    page = client.get(f"/fr/experiences/{experience.public_id}/").content.decode()
    assert "Bibliotecas abiertas" in page and 'lang="es"' in page
    assert titles(client.get("/pt/experiences/")) == ["Bibliotecas abertas"]
    # The Markdown of the description is shown as sanitised HTML.
    assert "<strong>voluntariado</strong>" in page


def test_the_page_cites_the_city_and_the_charter_principles(client):
    city = MemberCityFactory(name="Medellín")
    experience = published(city, tags=["p11", "urban-planning"])
    page = client.get(f"/en/experiences/{experience.public_id}/").content.decode()
    assert "Medellín" in page
    assert "Charter of Educating Cities, principle" in page
    assert "11. Public space for coexistence" in page and "Urban planning" in page


def test_the_list_and_the_map_take_the_same_queries_for_three_or_thirty(client):
    city = MemberCityFactory()
    for n in range(3):
        published(city, title=f"Experiencia {n}")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = ["/es/experiences/?q=experiencia&principle=p04", "/es/experiences/map/"]
    [count(url) for url in urls]  # what a process looks up once (the site, the languages)
    few = [count(url) for url in urls]
    other = MemberCityFactory()
    for n in range(27):
        published(city if n % 2 else other, title=f"Experiencia {n + 3}")
    assert [count(url) for url in urls] == few


def test_the_map_draws_the_cities_and_the_charts_count_them(client):
    rosario = MemberCityFactory(name="Rosario", country=CountryFactory(iso_code="AR"))
    published(rosario, tags=["p05", "youth"])
    published(rosario, tags=["p05"])
    response = client.get("/en/experiences/map/")
    page = response.content.decode()
    # Coordinates are numbers SVG reads in every language (no decimal comma in Portuguese).
    drawn = client.get("/pt/experiences/map/").content.decode()
    assert re.search(r'<circle cx="[0-9.]+" cy="[0-9.]+" r="[0-9.]+">', drawn)
    assert response.context["has_map"], "world-atlas is installed by make setup"
    assert page.count("<circle") == 1 and "Rosario" in page
    assert [(b["label"], b["n"]) for b in response.context["by_theme"]] == [
        ("5. Intergenerational dialogue", 2),
        ("Youth", 1),
    ]
    assert [(b["code"], b["n"]) for b in response.context["by_country"]] == [("AR", 2)]


def test_open_data_has_every_published_experience_and_its_licence_and_no_one_personal(client):
    city = MemberCityFactory(name="Santos")
    proposer = UserFactory(member_city=city, email="private.person@santos.example")
    experience = published(city, by=proposer, title="Roteiros", tags=["p06", "culture"])
    services.propose(by=proposer, facts=facts(city), story=story(title="Oculta"), consent=True)

    data = json.loads(client.get("/es/experiences/open-data.json").content)
    assert data["licence"] == "CC BY 4.0"
    assert [e["title"] for e in data["experiences"]] == ["Roteiros"]
    record = data["experiences"][0]
    assert record["id"] == str(experience.public_id) and record["city"] == "Santos"
    assert record["principles"] == [6] and record["areas"] == ["culture"]
    response = client.get("/es/experiences/open-data.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == ["Roteiros"] and "creativecommons" in response["Link"]
    everything = json.dumps(data) + response.content.decode()
    assert "private.person" not in everything and "Oculta" not in everything
    assert client.get("/es/experiences/open-data.xml").status_code == 404


def test_the_feed_lists_new_experiences_newest_first(client):
    published(title="Primera")
    published(title="Segunda")
    feed = client.get("/es/experiences/feed/")
    body = feed.content.decode()
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert body.index("Segunda") < body.index("Primera")


def test_the_bank_links_to_proposing_for_people_of_member_cities_only(client):
    page = client.get("/es/experiences/").content.decode()
    assert "/experiences/propose/" not in page
    client.force_login(UserFactory(member_city=MemberCityFactory()))
    assert "/experiences/propose/" in client.get("/es/experiences/").content.decode()
    client.force_login(UserFactory())
    assert client.get("/es/experiences/propose/").status_code == 404
    assert Experience.objects.count() == 0
    _ = editor_of


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="stemming per language is PostgreSQL's full-text search",
)
def test_on_postgresql_each_language_is_searched_with_its_own_stemming(client):
    published(title="Bibliotecas abiertas por la tarde", summary="Lectura para familias.")
    published(language="pt", title="Escolas que cuidam das nascentes", summary="Água.")
    published(language="fr", title="Les enfants dessinent leur quartier", summary="Ateliers.")
    # A singular finds the plural in Spanish, Portuguese and French, accents or not.
    assert titles(client.get("/es/experiences/?q=biblioteca")) == [
        "Bibliotecas abiertas por la tarde"
    ]
    assert titles(client.get("/es/experiences/?q=escola nascente")) == [
        "Escolas que cuidam das nascentes"
    ]
    assert titles(client.get("/es/experiences/?q=enfant")) == [
        "Les enfants dessinent leur quartier"
    ]
    assert titles(client.get("/es/experiences/?q=agua")) == ["Escolas que cuidam das nascentes"]


def test_choosing_many_themes_does_not_multiply_the_rows_searched(client):
    # Each chosen theme used to join the themes table once more: ten themes over a bank whose
    # experiences have a few each made billions of rows, and the request never ended.
    city = MemberCityFactory()
    codes = ["p01", "p02", "p03", "p04", "p05", "youth", "culture", "families"]
    published(city, title="Con todo", tags=codes)
    published(city, title="Con menos", tags=codes[:3])
    one = search.Filters(tags=codes[:1]).apply(search.published())
    many = search.Filters(tags=codes).apply(search.published())
    joined = 'JOIN "experiences_experience_tags" ON ("experiences_experience"."id"'
    assert joined not in str(many.query) and joined not in str(one.query)
    response = client.get("/es/experiences/?" + "&".join(
        f"{'principle' if c.startswith('p') else 'area' if c in ('youth', 'culture') else 'population'}={c}"
        for c in codes
    ))  # fmt: skip
    assert titles(response) == ["Con todo"]
