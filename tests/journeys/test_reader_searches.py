"""A reader searches from the header: in Spanish on a desktop and in Portuguese on a phone
(where the header must stay short), then opens a lesson from the results. Checked by axe-core."""

from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, new_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORD = {"es": "educadora", "pt": "educadora"}
RESULTS = {"es": "resultado", "pt": "resultado"}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_a_reader_searches_from_the_header_and_opens_a_result(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{site}/{language}/")
    if viewport == PHONE:
        assert page.locator(".site-header").bounding_box()["height"] <= 130
    box = page.locator("#header-q")
    box.fill(WORD[language])
    box.press("Enter")
    page.wait_for_load_state()
    assert f"/{language}/search/?q=" in page.url
    expect(page.locator("#results-heading")).to_contain_text(RESULTS[language])
    assert page.locator("ol.results li").count() >= 1
    assert_accessible(page)
    page.locator("ol.results li h3 a").first.click()
    page.wait_for_load_state()
    assert f"/{language}/" in page.url and "/search/" not in page.url
    assert not page.console_errors, page.console_errors
    finish(page, context)
