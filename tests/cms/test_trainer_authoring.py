"""Trainers write and publish lessons in the Wagtail admin; learners and coordinators cannot."""

from __future__ import annotations

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import LessonPage


def lesson_form(title: str, text: str, **extra: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "leccion-1",
            "summary": "Resumen revisado.",
            "estimated_minutes": "12",
            "body": streamfield(
                [
                    ("heading", {"text": "Nuevo apartado", "level": "h2"}),
                    ("paragraph", rich_text(f"<p>{text}</p>")),
                ]
            ),
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            **extra,
        }
    )


def test_a_trainer_edits_and_publishes_a_lesson_that_learners_then_read(signed_in, trainer, site):
    client = signed_in(trainer)
    lesson = site["lesson"]
    response = client.post(
        f"/admin/pages/{lesson.pk}/edit/",
        lesson_form("Lección revisada", "Texto nuevo para el grupo.", **{"action-publish": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.title == "Lección revisada"
    assert lesson.live and not lesson.has_unpublished_changes

    client.logout()
    body = client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    assert "Texto nuevo para el grupo." in body
    assert "<h2>Nuevo apartado</h2>" in body


def test_a_draft_is_invisible_to_learners_until_published(signed_in, trainer, site):
    client = signed_in(trainer)
    lesson = site["lesson"]
    response = client.post(
        f"/admin/pages/{lesson.pk}/edit/", lesson_form("Borrador", "Aún no publicado.")
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.has_unpublished_changes
    # The preview shows the unsaved text being typed (Wagtail posts the form, then renders it).
    url = f"/admin/pages/{lesson.pk}/edit/preview/"
    posted = client.post(url, lesson_form("Borrador", "Texto que aún se está escribiendo."))
    assert posted.json()["is_valid"] is True
    preview = client.get(url).content.decode()
    assert "Texto que aún se está escribiendo." in preview
    assert "Borrador" in preview

    client.logout()
    body = client.get("/es/cursos/ciudad-educadora/primer-modulo/leccion-1/").content.decode()
    assert "Aún no publicado." not in body


def test_an_image_without_alternative_text_is_refused(signed_in, trainer, site):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Plaza", file=get_test_image_file())
    client = signed_in(trainer)
    data = lesson_form("Con imagen", "Texto.", **{"action-publish": "1"})
    data.update(
        nested_form_data(
            {"body": streamfield([("image", {"image": image.pk, "alt_text": "", "caption": ""})])}
        )
    )
    response = client.post(f"/admin/pages/{site['lesson'].pk}/edit/", data)
    # Publishing validates every block: the form comes back with the error.
    assert response.status_code == 200
    block_errors = response.context["form"].errors["body"].as_data()[0].block_errors
    assert "alt_text" in block_errors[0].block_errors
    assert LessonPage.objects.get(pk=site["lesson"].pk).title == "Lección 1"


def test_learners_and_coordinators_are_kept_out_of_the_content_admin(
    signed_in, learner, coordinator, site
):
    for person in (learner, coordinator):
        client = signed_in(person)
        assert client.get("/admin/").status_code == 302
        response = client.post(
            f"/admin/pages/{site['lesson'].pk}/edit/",
            lesson_form("Intrusión", "No debería guardarse.", **{"action-publish": "1"}),
        )
        assert response.status_code in (302, 403)
        client.logout()
    assert LessonPage.objects.get(pk=site["lesson"].pk).title == "Lección 1"


def test_a_trainer_translates_a_course_with_its_lessons_into_portuguese(signed_in, trainer, site):
    from wagtail.models import Locale

    client = signed_in(trainer)
    portuguese = Locale.objects.get(language_code="pt")
    response = client.post(
        f"/admin/translation/submit/page/{site['home'].pk}/",
        {"locales": [portuguese.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson_pt = site["lesson"].get_translation(portuguese)
    assert lesson_pt.title == "Lección 1"  # a copy for the trainer to translate
    assert not lesson_pt.live  # nothing reaches learners until it is published


def test_a_learner_cannot_submit_translations(signed_in, learner, site):
    from wagtail.models import Locale

    client = signed_in(learner)
    portuguese = Locale.objects.get(language_code="pt")
    response = client.post(
        f"/admin/translation/submit/page/{site['home'].pk}/",
        {"locales": [portuguese.pk], "include_subtree": "on"},
    )
    assert response.status_code in (302, 403)
    assert site["lesson"].get_translation_or_none(portuguese) is None


def test_the_preview_of_a_new_lesson_says_where_it_will_stand(signed_in, trainer, site):
    client = signed_in(trainer)
    module = site["module"]
    url = f"/admin/pages/add/cms/lessonpage/{module.pk}/preview/"
    data = lesson_form("Lección nueva", "Texto de la lección nueva.")
    data["slug"] = "leccion-nueva"
    posted = client.post(url, data)
    assert posted.json()["is_valid"] is True
    preview = client.get(url).content.decode()
    assert "Texto de la lección nueva." in preview
    assert "Lesson 0 of" not in preview and "Lección 0 de" not in preview
    assert "(not published yet)" in preview or "(aún no publicada)" in preview

    # Saved as a draft after the two lessons, its preview gives its place among three.
    draft = module.add_child(
        instance=LessonPage(title="Lección 3", slug="leccion-3", summary="Nueva.", live=False)
    )
    draft_preview = client.get(f"/admin/pages/{draft.pk}/view_draft/").content.decode()
    assert "Lesson 3 of 3" in draft_preview or "Lección 3 de 3" in draft_preview


def test_slugs_are_plain_ascii(signed_in, trainer, site):
    client = signed_in(trainer)
    data = lesson_form("Lección", "Texto.")
    data["slug"] = "lección-9"
    response = client.post(f"/admin/pages/add/cms/lessonpage/{site['module'].pk}/", data)
    assert response.status_code == 302
    assert LessonPage.objects.get(title="Lección").slug == "leccion-9"
    # One that becomes a sibling's slug is refused on the form, like any clash.
    data["slug"] = "lección-1"
    clash = client.post(f"/admin/pages/add/cms/lessonpage/{site['module'].pk}/", data)
    assert clash.status_code == 200 and "slug" in clash.context["form"].errors
