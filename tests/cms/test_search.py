"""Search in the reader's language: the catalogue's courses and the lessons' text, translated
pages in their language, untranslated ones in their original (as they are served)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import translate


def results(client, language: str, query: str) -> str:
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_reader_finds_a_course_and_the_lesson_that_mentions_a_word(site, client):
    page = results(client, "es", "cita")  # in the body of both lessons
    assert "Lección 1" in page and "Lección 2" in page
    assert "Lección de Ciudad educadora" in page
    assert 'href="/es/cursos/ciudad-educadora/primer-modulo/leccion-1/"' in page
    course = results(client, "es", "ciudad que educa")  # the course's summary
    assert 'href="/es/cursos/ciudad-educadora/"' in course


def test_a_portuguese_reader_gets_translations_and_untranslated_originals(site, client):
    translate(site["lesson"], "pt", title="Lição 1", summary="Resumo da lição 1.")
    page = results(client, "pt", "lição")
    assert "Lição 1" in page
    original = results(client, "pt", "lección")
    # Lesson 1 has a Portuguese page, so its Spanish original is not offered as well;
    # lesson 2 has none and is offered in Spanish, under the reader's prefix.
    assert "Lección 1" not in original
    assert (
        "Lección 2" in original
        and "/pt/cursos/ciudad-educadora/primer-modulo/leccion-2/" in original
    )


def test_nothing_found_and_nothing_asked_say_so(site, client):
    assert "Nothing matches" in results(client, "en", "zzzyyyxxx")
    empty = results(client, "en", "")
    assert "result" not in empty.split("<main", 1)[1]


def test_search_is_in_the_header_and_on_the_catalogue(site, client):
    home = client.get("/es/cursos/").content.decode()
    assert home.count('role="search"') == 2


def test_the_number_of_queries_does_not_grow_with_results(site, client):
    def queries(word: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/es/search/", {"q": word})
        return len(captured)

    queries("cita")
    one = queries("Apartado 1")  # one lesson
    many = queries("cita")  # every lesson
    assert many == one
