"""A learner takes the demo's Charter course, translated into Portuguese, from signing in to the
certificate: enrols, reads, answers the H5P question, marks lessons done, switches language
halfway, finishes, answers the questionnaires and downloads the certificate. Once starting in
Spanish on a desktop, once starting in Portuguese on a 375 px phone."""

from __future__ import annotations

import re
import time

import pytest

from cms.models import CoursePage
from courses.models import Cohort
from enrollments.models import Enrollment
from tests.browser import (
    DESKTOP,
    PHONE,
    assert_accessible,
    axe_violations,
    finish,
    needs_chromium,
    new_page,
)
from tests.journeys.conftest import DEMO_PASSWORD

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DONE = {"es": "Marcar esta lección como completada", "pt": "Marcar esta lição como concluída"}
CHECK = {"es": "Comprobar", "pt": "Verificar"}
RIGHT_ANSWER = {
    "es": "Que los espacios, servicios y políticas de toda la ciudad eduquen",
    "pt": "Que os espaços, serviços e políticas de toda a cidade eduquem",
}
FINAL_ANSWER = {
    "es": "Que todas las áreas del gobierno local lo asuman y lo evalúen juntas",
    "pt": "Que todas as áreas do governo local o assumam e o avaliem em conjunto",
}


def sign_in(page, site: str, language: str) -> None:
    page.goto(f"{site}/{language}/accounts/login/")
    page.locator("input[name=username]").fill("learner@aula.example")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    # Signing in from a page in one language keeps the learner in that language.
    assert page.url.startswith(f"{site}/{language}/"), page.url


def answer_the_question(page, language: str, answer: str | None = None) -> None:
    player = page.locator("iframe.h5p-frame").first
    player.scroll_into_view_if_needed()  # it loads lazily, as the learner reaches it
    frame = player.content_frame.frame_locator("iframe")
    expect(frame.get_by_role("button", name=CHECK[language])).to_be_visible(timeout=20_000)
    # The activity takes the lesson's width and is shown whole, its button and feedback too.
    lesson_width = page.locator(".lesson-body").bounding_box()["width"]
    assert player.bounding_box()["width"] >= 0.94 * lesson_width
    expect(player).to_have_attribute("title", re.compile(r"\w"))
    wait_until(lambda: shown_whole(player))
    content = player.element_handle().content_frame().child_frames[0]
    serious = [v for v in axe_violations(content) if "(serious)" in v or "(critical)" in v]
    assert not serious, serious
    frame.get_by_label(answer or RIGHT_ANSWER[language]).check()
    frame.get_by_role("button", name=CHECK[language]).click()
    expect(page.locator("#lesson-status .done")).to_be_visible(timeout=20_000)
    wait_until(lambda: shown_whole(player))  # the feedback too


def shown_whole(player) -> bool:
    """Whether the player's frame is as tall as the content H5P draws in it."""
    outer = player.bounding_box()
    inner = player.content_frame.locator("iframe").bounding_box()
    return inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not met in time"
        time.sleep(0.2)


def switch_language(page, language: str) -> None:
    page.locator(f'nav.languages a[hreflang="{language}"]').click()
    page.wait_for_load_state()
    assert f"/{language}/" in page.url, page.url
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize(
    ("first", "then", "viewport"),
    [("es", "pt", DESKTOP), ("pt", "es", PHONE)],
    ids=["spanish-then-portuguese-desktop", "portuguese-then-spanish-phone"],
)
def test_a_learner_finishes_the_translated_course_switching_language_halfway(
    demo, browser, origins, first, then, viewport
):
    site, _content = origins
    course = CoursePage.objects.get(course__code="CEC-101", locale__language_code=first)
    cohort = Cohort.objects.get(course__code="CEC-101", language=first, status="open")
    context, page = new_page(browser, viewport=viewport)
    sign_in(page, site, first)

    page.goto(site + course.url)
    assert_accessible(page)
    edition = page.locator("li.cohort", has_text=cohort.title)
    edition.get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text(cohort.title)

    # The first lesson ends with the H5P question, in the reader's language.
    page.locator(".outline ol a").first.click()
    answer_the_question(page, first)
    lessons = len(course.specific.lessons())
    switched = False
    for number in range(2, lessons + 1):
        page.locator("a[rel=next]").click()
        page.wait_for_load_state()
        if not switched and number > lessons // 2:
            switch_language(page, then)
            switched = True
        language = then if switched else first
        expect(page.locator(".lesson > header .meta")).to_contain_text(f"{number}")
        if number == lessons:
            # The course ends with an assessment: answered, not just marked as done.
            answer_the_question(page, language, FINAL_ANSWER[language])
        else:
            page.get_by_role("button", name=DONE[language]).click()
            expect(page.locator("#lesson-status .done")).to_be_visible()
        assert_accessible(page)
    assert switched

    enrollment = Enrollment.objects.get(learner__email="learner@aula.example", cohort=cohort)
    assert enrollment.status == Enrollment.Status.COMPLETED

    # "My courses" shows the finished course, its questionnaires and the certificate.
    page.goto(f"{site}/{then}/my-courses/")
    assert_accessible(page)
    questionnaires = page.locator("#to-answer + ul a")
    assert questionnaires.count() >= 1
    for _ in range(questionnaires.count()):
        page.locator("#to-answer + ul a").first.click()
        for fieldset in page.locator("form.questionnaire fieldset").all():
            choice = fieldset.locator("input[type=radio], input[type=checkbox]")
            if choice.count():
                choice.first.check()
            else:
                fieldset.locator("textarea").fill("Muito útil" if then == "pt" else "Muy útil")
        assert_accessible(page)
        page.locator("form.questionnaire button[type=submit]").click()
        expect(page.locator(".messages")).to_be_visible()
        page.goto(f"{site}/{then}/my-courses/")
    expect(page.locator("#to-answer")).to_have_count(0)

    download = page.locator(".certificate a.button")
    expect(download).to_be_visible(timeout=30_000)
    response = page.request.get(site + download.get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    assert re.search(r"[A-Z0-9]{4}", page.locator(".certificate").inner_text())
    assert not page.console_errors, page.console_errors
    finish(page, context)
