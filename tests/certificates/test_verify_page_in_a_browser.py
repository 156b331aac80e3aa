"""The verify page as a city hall sees it, on a phone and a desktop, in two languages: the
verdict stands out, nothing scrolls sideways (the SHA-256 line wraps), axe finds nothing."""

from __future__ import annotations

import pytest

from certificates import services
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, new_page

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    ("language", "viewport", "said"),
    [
        ("es", PHONE, "Este certificado fue sustituido"),
        ("pt", DESKTOP, "substituído"),
    ],
)
def test_a_corrected_certificate_reads_well_on_a_phone_and_a_desktop(
    browser,
    origins,
    certificate,
    coordinator,
    django_capture_on_commit_callbacks,
    language,
    viewport,
    said,
):
    site, _content = origins
    with django_capture_on_commit_callbacks(execute=True):
        services.correct_certificate(certificate=certificate, by=coordinator, reason="Nombre")
    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{site}/{language}/verify/{certificate.printed.display_code}/")

    verdict = page.locator(".verdict").first
    assert said.lower() in verdict.inner_text().lower()
    assert verdict.evaluate("e => getComputedStyle(e).borderLeftWidth") == "6px"
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    assert_accessible(page)
    assert not page.console_errors
    finish(page, context)
