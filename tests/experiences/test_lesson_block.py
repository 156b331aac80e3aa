"""Issue 15: a lesson points to the bank with the block "Experiences on this theme": the
published experiences on its themes, newest first, in the reader's language when translated."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.experiences.helpers import published, story
from tests.factories import MemberCityFactory, build_site, translate

pytestmark = pytest.mark.django_db

BLOCK = {
    "type": "experiences",
    "id": "5e0c1f3a-7b2d-4e8a-9f61-2c4d8a0b7e99",
    "value": {"heading": "", "themes": ["p08", "participation"], "count": 2},
}


def lesson_with_block():
    site = build_site()
    lesson = site["lesson2"].specific
    lesson.body = [*lesson.body.raw_data, BLOCK]
    lesson.save_revision().publish()
    return lesson


def test_a_lesson_lists_the_newest_experiences_on_its_themes_in_the_readers_language(client):
    lesson = lesson_with_block()
    city = MemberCityFactory(name="Guadalajara")
    published(city, title="Consejos vecinales", tags=["p08"])
    published(
        city,
        title="Presupuesto joven",
        tags=["participation"],
        translation=story(language="pt", title="Orçamento jovem", summary="Jovens decidem."),
    )
    published(city, title="Compostaje", tags=["p13"])
    published(city, title="Indicadores", tags=["p08"])

    page = client.get(lesson.url).content.decode()
    assert "Experiencias sobre este tema" in page
    assert "Indicadores" in page and "Presupuesto joven" in page
    assert "Consejos vecinales" not in page  # three match, the block shows two
    assert "Compostaje" not in page
    assert "/experiences/?principle=p08" in page

    translated = translate(lesson, "pt", title="Lição 2")
    translated.specific.body = lesson.body.raw_data
    translated.specific.save_revision().publish()
    page = client.get(translated.specific.url).content.decode()
    assert "Orçamento jovem" in page and "Experiências sobre este tema" in page


def test_the_block_takes_the_same_queries_for_two_experiences_or_ten(client):
    lesson = lesson_with_block()
    city = MemberCityFactory()
    published(city, title="Una", tags=["p08"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(lesson.url)
        return len(queries)

    count()
    few = count()
    for n in range(9):
        published(MemberCityFactory(), title=f"Otra {n}", tags=["participation"])
    assert count() == few


def test_without_published_experiences_the_block_says_so(client):
    lesson = lesson_with_block()
    page = client.get(lesson.url).content.decode()
    assert "El banco aún no tiene experiencias publicadas sobre este tema." in page
