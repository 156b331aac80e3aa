"""Issue 16, translation workflow: a course page goes out as a PO file (wagtail-localize's
segments of the Spanish original) and comes back translated; a file for another page, or one
that breaks the markup, is refused whole; publishing keeps learners' progress."""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from enrollments import progress
from enrollments.models import Enrollment, LessonProgress
from tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def url(page, language="fr"):
    return f"/api/v1/translations/pages/{page.pk}/{language}/po/"


def download(client, page, language="fr") -> polib.POFile:
    answer = client.get(url(page, language))
    assert answer.status_code == 200, answer.content
    return polib.pofile(answer.content.decode())


def upload(client, page, po, *, publish=True, language="fr"):
    file = SimpleUploadedFile(
        "page.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    return client.post(url(page, language), {"file": file, "publish": publish})


FRENCH = {"Lección 1": "Leçon 1", "leccion-1": "lecon-1", "Resumen de la lección 1.": "Résumé.",
          "Apartado 1": "Section 1", "Texto de la lección 1.": "Texte de la leçon 1.",
          "Cita": "Citation", "Carta": "Charte"}  # fmt: skip


def test_a_lesson_goes_out_as_po_and_comes_back_published_keeping_progress(
    site, signed_in, trainer, learner, city, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    Enrollment.objects.create(cohort=cohort, learner=learner, status="active")
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    client = signed_in(trainer)
    for page, words in ((site["course"], {}), (site["module"], {})):
        po = download(client, page)
        for entry in po:
            entry.msgstr = words.get(entry.msgid, f"{entry.msgid} (fr)")
        with django_capture_on_commit_callbacks(execute=True):
            assert upload(client, page, po).json()["published"]
    po = download(client, site["lesson"])
    assert {e.msgid for e in po} == set(FRENCH)
    for entry in po:
        entry.msgstr = FRENCH[entry.msgid]

    with django_capture_on_commit_callbacks(execute=True):
        done = upload(client, site["lesson"], po)

    assert done.json() == {"translated": 7, "total": 7, "published": True}
    french = site["lesson"].get_translation(Locale.objects.get(language_code="fr"))
    assert french.live and french.title == "Leçon 1"
    assert "Texte de la leçon 1." in str(french.specific.body)
    # Progress belongs to the original: done in Spanish is done in French.
    assert progress.original_lesson(french.specific).pk == site["lesson"].pk
    assert LessonProgress.objects.get(lesson=site["lesson"]).completed_at is not None


def test_a_file_for_another_page_or_with_broken_markup_changes_nothing(site, signed_in, trainer):
    from wagtail_localize.models import StringTranslation

    lesson = site["lesson"].specific
    lesson.body = [
        *lesson.body.raw_data,
        {"type": "paragraph", "value": '<p>Lee <a href="https://example.org">la Carta</a>.</p>'},
    ]
    lesson.save_revision().publish()
    client = signed_in(trainer)
    other = download(client, site["lesson2"])
    for entry in other:
        entry.msgstr = "x"

    wrong_page = upload(client, site["lesson"], other)

    assert wrong_page.status_code == 400
    assert wrong_page.json()["errors"][0]["code"] == "po_other_page"
    po = download(client, site["lesson"])
    link = next(e for e in po if "<a" in e.msgid)
    assert link.msgid == 'Lee <a id="a1">la Carta</a>.'
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, "Lisez la Charte.")
    broken = upload(client, site["lesson"], po)
    assert broken.status_code == 400
    assert "must keep the same links" in broken.json()["errors"][0]["message"]
    assert upload(client, site["lesson"], "no es un PO").status_code == 400
    assert not StringTranslation.objects.exists()
    link.msgstr = 'Lisez <a id="a1">la Charte</a>.'
    assert upload(client, site["lesson"], po, publish=False).status_code == 200


def test_only_trainers_translate_and_only_into_aulas_other_languages(
    site, signed_in, trainer, learner, coordinator
):
    for person in (learner, coordinator):
        client = signed_in(person)
        assert client.get(url(site["lesson"])).status_code == 403
        client.logout()
    client = signed_in(trainer)
    assert client.get(url(site["lesson"], "es")).status_code == 400
    assert client.get(url(site["lesson"], "xx")).status_code == 400
    assert client.get(url(site["home"])).status_code == 404


def test_trainers_may_submit_pages_for_translation_in_the_admin(trainer):
    assert trainer.has_perm("wagtail_localize.submit_translation")


def site_url(page, language="fr"):
    return f"/en/translations/pages/{page.pk}/{language}/po/"


def test_the_translation_page_takes_the_file_back_without_the_api(
    site, signed_in, trainer, django_capture_on_commit_callbacks
):
    from tests.factories import translate

    translate(site["module"], "fr")
    client = signed_in(trainer)
    answer = client.get(site_url(site["lesson"]))
    assert answer["Content-Disposition"].endswith('-fr.po"')
    po = polib.pofile(answer.content.decode())
    for entry in po:
        entry.msgstr = FRENCH[entry.msgid]
    file = SimpleUploadedFile("lesson.po", str(po).encode())

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(site_url(site["lesson"]), {"file": file, "publish": "on"}, follow=True)

    page = done.content.decode()
    assert "7 of 7 texts translated. The translation is published." in page
    assert site["lesson"].get_translation(Locale.objects.get(language_code="fr")).live


def test_a_bad_file_on_the_translation_page_is_refused_and_said_why(site, signed_in, trainer):
    from wagtail_localize.models import StringTranslation

    client = signed_in(trainer)
    for content, reason in (
        (b"\xff\xfe not utf-8", "The file is not UTF-8 text."),
        (str(download(client, site["lesson2"])).encode(), "This file is for another page"),
    ):
        answer = client.post(
            site_url(site["lesson"]), {"file": SimpleUploadedFile("x.po", content)}
        )
        assert answer.status_code == 400
        assert reason in answer.content.decode()
    assert not StringTranslation.objects.exists()


def test_only_trainers_have_the_translation_files_page(site, signed_in, learner, coordinator):
    for person in (learner, coordinator):
        client = signed_in(person)
        assert client.get(site_url(site["lesson"])).status_code == 404
        assert client.post(site_url(site["lesson"]), {}).status_code == 404
        client.logout()
