"""Learners read the catalogue, courses, modules and lessons in their language."""

from __future__ import annotations

import re

import pytest

from tests.factories import translate

LANGUAGES = ["es", "pt", "fr", "en", "ca"]


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_the_site_root_sends_visitors_to_their_browser_language(client, site):
    response = client.get("/", headers={"accept-language": "pt-BR,pt;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/pt/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_every_language_with_its_lang_attribute(client, site, language):
    for path in [
        "",
        "cursos/",
        "cursos/ciudad-educadora/",
        "cursos/ciudad-educadora/primer-modulo/",
        "cursos/ciudad-educadora/primer-modulo/leccion-1/",
    ]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert html_lang(response) == language
        # The language switcher offers all five languages, the current one marked.
        body = response.content.decode()
        assert body.count('hreflang="') == 5
        assert f'hreflang="{language}" lang="{language}" aria-current="true"' in body


def test_a_lesson_shows_its_blocks_and_the_way_to_the_next_lesson(client, site):
    body = client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    assert "<h2>Apartado 1</h2>" in body
    assert "Texto de la lección 1." in body
    assert "<blockquote>" in body
    assert 'rel="next" href="/es/cursos/ciudad-educadora/primer-modulo/leccion-2/"' in body
    assert 'rel="prev"' not in body


def test_a_translated_page_is_served_in_its_own_language(client, site):
    catalogue_pt = translate(site["catalogue"], "pt", title="Catálogo de cursos PT")
    translate(site["course"], "pt", title="Cidade educadora", summary="Um curso sobre a cidade.")
    assert catalogue_pt.url.startswith("/pt/")

    body = client.get("/pt/cursos/ciudad-educadora/").content.decode()
    assert "<h1>Cidade educadora</h1>" in body
    assert '<article lang="pt"' in body
    assert "not available in your language" not in body
    assert "não está disponível" not in body


def test_a_missing_translation_shows_the_spanish_page_with_a_notice_instead_of_a_404(client, site):
    translate(site["catalogue"], "fr", title="Catalogue")
    response = client.get("/fr/cursos/ciudad-educadora/primer-modulo/leccion-1/")
    assert response.status_code == 200
    body = response.content.decode()
    assert html_lang(response) == "fr"
    assert '<article lang="es" class="lesson">' in body
    assert 'class="notice"' in body
    # Links stay in the learner's language; the fallback serves them too.
    assert 'href="/fr/cursos/ciudad-educadora/primer-modulo/leccion-2/"' in body
    assert client.get("/fr/cursos/ciudad-educadora/primer-modulo/leccion-2/").status_code == 200


def test_the_language_switcher_links_to_real_translations(client, site):
    translate(site["catalogue"], "pt")
    course_pt = translate(site["course"], "pt", title="Cidade educadora", slug="cidade-educadora")
    body = client.get("/es/cursos/ciudad-educadora/").content.decode()
    assert f'href="{course_pt.url}" hreflang="pt"' in body
    assert course_pt.url == "/pt/cursos/cidade-educadora/"


def test_a_page_that_exists_in_no_language_is_a_404(client, site):
    assert client.get("/pt/cursos/no-such-course/").status_code == 404
    assert client.get("/es/cursos/ciudad-educadora/no-such-module/").status_code == 404


def test_unpublished_lessons_are_hidden_from_learners(client, site):
    site["lesson2"].unpublish()
    assert client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-2/").status_code == 404
    body = client.get("/es/cursos/ciudad-educadora/").content.decode()
    assert "Lección 1" in body
    assert "Lección 2" not in body


def test_the_catalogue_lists_every_course_translated_or_not_in_constant_queries(client, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import CoursePage
    from tests.factories import CourseFactory

    translate(site["catalogue"], "pt")
    translate(site["course"], "pt", title="Cidade educadora")
    client.get("/pt/cursos/")  # warm Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as one_course:
        client.get("/pt/cursos/")

    for n in range(8):
        site["catalogue"].add_child(
            instance=CoursePage(
                title=f"Curso extra {n}", slug=f"extra-{n}", course=CourseFactory(), summary="s"
            )
        ).save_revision().publish()
    with CaptureQueriesContext(connection) as nine_courses:
        body = client.get("/pt/cursos/").content.decode()

    assert body.count('class="card"') == 9
    assert "Cidade educadora" in body
    assert len(nine_courses) == len(one_course) <= 20


def test_a_fully_translated_course_lists_its_translated_modules_and_lessons(client, site):
    translate(site["course"], "pt", title="Cidade educadora")
    translate(site["module"], "pt", title="Primeiro módulo")
    translate(site["lesson"], "pt", title="Lição 1")
    body = client.get("/pt/cursos/ciudad-educadora/").content.decode()
    assert "Primeiro módulo" in body
    assert "Lição 1" in body
    assert "Lección 2" in body  # not translated yet: listed in Spanish, in its place
    assert body.index("Lição 1") < body.index("Lección 2")


def test_pages_link_a_stylesheet_that_is_served(client, site):
    body = client.get("/es/cursos/").content.decode()
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', body).group(1)
    response = client.get(href)
    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)
