"""The header on a 375 px phone: two short lines, every menu item and language reachable, the
languages still named in full for screen readers; on a desktop the names are written out."""

from __future__ import annotations

import pytest

from tests.browser import (
    DESKTOP,
    PHONE,
    assert_accessible,
    finish,
    needs_chromium,
    new_page,
    signed_in_page,
)

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("language", ["es", "pt"])
def test_the_header_stays_small_on_a_phone_and_names_languages_on_a_desktop(
    browser, origins, site, coordinator, language
):
    base, _content = origins
    context, page = signed_in_page(browser, base, coordinator, viewport=PHONE)
    page.goto(f"{base}/{language}/my-courses/")

    height = page.locator(".site-header").evaluate("e => e.getBoundingClientRect().height")
    assert height <= 110, f"the header takes {height} px of a 740 px screen"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    french = page.get_by_role("navigation", name="Idioma").get_by_role("link", name="Français")
    assert french.is_visible()
    assert french.locator(".language-code").is_visible()  # shown as "FR"…
    assert french.bounding_box()["width"] < 40  # …in the room of two letters
    menu = page.locator(".site-header .nav")
    for link in menu.get_by_role("link").all():
        link.focus()  # every item reachable, scrolled into view if the row is wide
        assert link.is_visible()
    assert_accessible(page)
    finish(page, context)

    context, page = new_page(browser, viewport=DESKTOP)
    page.goto(f"{base}/{language}/")
    names = page.locator(".languages a").all_inner_texts()
    assert "Français" in [name.strip() for name in names]
    finish(page, context)
