"""Officials of a cohort discuss a lesson: one opens a thread from the lesson's "Discuss this
lesson", another from another city replies to it, the trainer hides a reply with a reason the
author reads. Spanish on a desktop, Portuguese on a 375 px phone; every page checked by
axe-core, and none needs JavaScript (every form posts and redirects)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from discussions.models import Post, Thread
from enrollments.models import Enrollment
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, MemberCityFactory, UserFactory, build_site

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {
        "discuss": "Discute esta lección",
        "post": "Publicar el hilo",
        "reply": "Responder",
        "send": "Enviar",
        "hide": "Ocultar el mensaje",
        "hidden": "Ocultado por la moderación: Los datos personales no se publican aquí",
    },
    "pt": {
        "discuss": "Debata esta lição",
        "post": "Publicar o tópico",
        "reply": "Responder",
        "send": "Enviar",
        "hide": "Ocultar a mensagem",
        "hidden": "Ocultada pela moderação: Los datos personales no se publican aquí",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_two_cities_discuss_a_lesson_and_the_trainer_moderates(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    rosario, lyon = MemberCityFactory(name="Rosario"), MemberCityFactory(name="Lyon")
    cohort = CohortFactory(
        course=site["course"].course, delegation=rosario.delegation, capacity=None
    )
    ana = UserFactory(email="ana@rosario.example", first_name="Ana", last_name="Gutiérrez",
                      member_city=rosario, preferred_language=language)  # fmt: skip
    luc = UserFactory(email="luc@lyon.example", first_name="Luc", last_name="Martin",
                      member_city=lyon, preferred_language=language)  # fmt: skip
    trainer = UserFactory(email="formadora@aula.example", first_name="Marta", last_name="Soler")
    cohort.trainers.add(trainer)
    for person in (ana, luc):
        Enrollment.objects.create(
            cohort=cohort, learner=person, status="active", enrolled_at=timezone.now()
        )

    # Ana, on the lesson, opens a thread about it.
    context, page = signed_in_page(browser, site_url, ana, viewport=viewport)
    lesson = site["lesson"].url.replace("/es/", f"/{language}/", 1)
    page.goto(f"{site_url}{lesson}")
    page.get_by_role("link", name=words["discuss"]).click()
    page.wait_for_url("**/discussions/?topic=*")
    assert_accessible(page)
    page.locator("#id_title").fill("Presupuestos participativos")
    page.locator("#id_body").fill("En Rosario empezamos por **los barrios**. ¿Y ustedes?")
    page.get_by_role("button", name=words["post"]).click()
    page.wait_for_url("**/discussions/*/")
    expect(page.locator("strong", has_text="los barrios")).to_be_visible()
    assert_accessible(page)
    thread = Thread.objects.get()
    assert thread.topic_key == site["lesson"].translation_key
    finish(page, context)

    # Luc, from Lyon, replies to Ana's post: he sees who is speaking.
    context, page = signed_in_page(browser, site_url, luc, viewport=viewport)
    page.goto(f"{site_url}/{language}/discussions/{thread.public_id}/")
    expect(page.locator(".post").first).to_contain_text("Ana Gutiérrez · Rosario")
    page.get_by_role("link", name=words["reply"]).first.click()
    page.locator("#id_body").fill("En Lyon, por las escuelas. Mi teléfono es 555-0101.")
    page.get_by_role("button", name=words["send"]).click()
    expect(page.locator(".replies .post")).to_contain_text("Luc Martin · Lyon")
    reply = Post.objects.get(parent__isnull=False)
    finish(page, context)

    # The trainer hides the reply with a reason; Luc reads it, Ana no longer sees the text.
    context, page = signed_in_page(browser, site_url, trainer, viewport=viewport)
    page.goto(f"{site_url}/{language}/discussions/posts/{reply.public_id}/hide/")
    assert_accessible(page)
    page.locator("#id_reason").fill("Los datos personales no se publican aquí")
    page.get_by_role("button", name=words["hide"]).click()
    page.wait_for_url(f"**/discussions/{thread.public_id}/#post-{reply.public_id}")
    finish(page, context)
    context, page = signed_in_page(browser, site_url, luc, viewport=viewport)
    page.goto(f"{site_url}/{language}/discussions/{thread.public_id}/")
    expect(page.locator(".replies")).to_contain_text(words["hidden"])
    assert_accessible(page)
    finish(page, context)
    context, page = signed_in_page(browser, site_url, ana, viewport=viewport)
    page.goto(f"{site_url}/{language}/discussions/{thread.public_id}/")
    expect(page.locator("body")).not_to_contain_text("555-0101")
    finish(page, context)
