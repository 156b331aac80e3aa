"""The translation status as a trainer reads it, in Portuguese on a phone and in Spanish on a
desktop: the table of courses and languages, a course's to-do list, and nothing axe-core
objects to."""

from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import translate

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(("language", "viewport"), [("pt", PHONE), ("es", DESKTOP)])
def test_the_translation_status_reads_well(browser, origins, site, trainer, language, viewport):
    base, _content = origins
    translate(site["lesson"], "pt", title="Lição 1")
    context, page = signed_in_page(browser, base, trainer, viewport=viewport)
    page.goto(f"{base}/{language}/translations/")
    assert page.locator("tbody tr").count() == 1
    assert "75 %" in page.locator("tbody").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Ciudad educadora").click()
    page.wait_for_url(f"**/translations/{site['course'].pk}/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    finish(page, context)
