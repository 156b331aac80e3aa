"""A trainer hands a lesson to a translator outside Aula and brings the work back, in the
browser, without the Wagtail editor: on the course's translation page they download the
lesson's French PO file, upload the wrong file first (refused, said why, nothing changes),
then the translated one, which publishes the French lesson; learners read it. Spanish on a
desktop, Portuguese on a 375 px phone; axe-core on every page."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from wagtail.models import Locale

from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import translate

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"download": "Descargar el archivo PO", "open": "Subir el archivo traducido",
           "upload": "Subir", "other_page": "Este archivo es de otra página u otro idioma",
           "done": "7 de 7 textos traducidos", "published": "La traducción está publicada."},
    "pt": {"download": "Descarregar o ficheiro PO", "open": "Enviar o ficheiro traduzido",
           "upload": "Enviar", "other_page": "Este ficheiro é de outra página ou língua",
           "done": "7 de 7 textos traduzidos", "published": "A tradução está publicada."},
}  # fmt: skip

FRENCH = {"Lección 1": "Leçon 1", "leccion-1": "lecon-1", "Resumen de la lección 1.": "Résumé.",
          "Apartado 1": "Section 1", "Texto de la lección 1.": "Texte de la leçon 1.",
          "Cita": "Citation", "Carta": "Charte"}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_a_lesson_goes_to_a_translator_and_comes_back_published(
    browser, origins, site, trainer, language, viewport, tmp_path: Path
):
    base, _content = origins
    words = WORDS[language]
    translate(site["module"], "fr")  # the course and its module are in French already
    context, page = signed_in_page(browser, base, trainer, viewport=viewport)
    page.goto(f"{base}/{language}/translations/{site['course'].pk}/")
    french = page.locator("#lang-fr").locator("..")
    lesson = french.locator("li", has_text="Lección 1")
    assert_accessible(page)

    # The wrong file first: the second lesson's, uploaded as the first's.
    with page.expect_download() as other_download:
        french.locator("li", has_text="Lección 2").get_by_role(
            "link", name=words["download"]
        ).click()
    wrong = tmp_path / "other.po"
    other_download.value.save_as(wrong)
    lesson.get_by_text(words["open"]).click()
    lesson.locator("input[type=file]").set_input_files(str(wrong))
    lesson.get_by_role("button", name=words["upload"], exact=True).click()
    error = page.get_by_role("alert")
    expect(error).to_contain_text(words["other_page"])
    assert_accessible(page)
    french = page.locator("#lang-fr").locator("..")
    lesson = french.locator("li", has_text="Lección 1")

    with page.expect_download() as lesson_download:
        lesson.get_by_role("link", name=words["download"]).click()
    po = polib.pofile(Path(lesson_download.value.path()).read_text(encoding="utf-8"))
    for entry in po:
        entry.msgstr = FRENCH[entry.msgid]
    translated = tmp_path / "lesson-fr.po"
    po.save(str(translated))
    if not lesson.locator("details[open]").count():
        lesson.get_by_text(words["open"]).click()
    lesson.locator("input[type=file]").set_input_files(str(translated))
    lesson.get_by_role("button", name=words["upload"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["done"])
    expect(page.locator("body")).to_contain_text(words["published"])
    expect(page.locator("#lang-fr").locator("..")).not_to_contain_text("Lección 1 ·")
    assert_accessible(page)

    french_lesson = site["lesson"].get_translation(Locale.objects.get(language_code="fr"))
    page.goto(f"{base}{french_lesson.url}")
    expect(page.locator("article.lesson")).to_contain_text("Texte de la leçon 1.")
    finish(page, context)
