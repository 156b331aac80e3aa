"""Translating a lesson publishes nothing untranslated: the copy is a draft, and the parents
Wagtail copies to hold it (aliases of the Spanish pages) show the original with the "shown in
Spanish" notice until someone translates them. Publishing the translation puts it live."""

from __future__ import annotations

from wagtail.models import Locale

NOTICE = "ainda não está disponível no seu idioma"
LESSON = "/pt/cursos/ciudad-educadora/primer-modulo/leccion-1/"


def test_a_lesson_sent_for_translation_stays_spanish_with_the_notice_until_published(site, client):
    portuguese = Locale.objects.get(language_code="pt")
    copy = site["lesson"].copy_for_translation(portuguese, copy_parents=True)
    assert not copy.live

    lesson = client.get(LESSON).content.decode()
    assert NOTICE in lesson and 'lang="es"' in lesson and "Lección 1" in lesson
    course = client.get("/pt/cursos/ciudad-educadora/").content.decode()
    assert NOTICE in course and '<article lang="es"' in course

    copy.title = "Lição 1"
    copy.summary = "Resumo."
    copy.save_revision().publish()
    translated = client.get(LESSON).content.decode()
    assert "Lição 1" in translated and NOTICE not in translated
    assert 'lang="pt"' in translated
    # The course still waits for its own translation, and lists the lesson in Portuguese.
    course = client.get("/pt/cursos/ciudad-educadora/").content.decode()
    assert NOTICE in course and "Lição 1" in course
