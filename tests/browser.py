"""Chromium for tests: Debian's browser driven by Playwright against the live server, with
axe-core (from npm, installed by `make setup`) to check pages for accessibility.

The site runs on http://localhost:<port>; H5P activities play from http://127.0.0.1:<port>,
the content origin, as they would from a separate host in production.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop running in this thread; the test's own ORM calls
    # are still synchronous, so Django's guard against ORM calls from async code is lifted.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Playwright runs the test in a greenlet with a context of its own, where Django opens a new
    # database connection: hand it the snapshot that serialized_rollback restores after flushes.
    snapshot = getattr(connections["default"], "_test_serialized_contents", None)
    with sync_api.sync_playwright() as playwright:
        if snapshot is not None:
            connections["default"]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def origins(live_server, settings):
    site = live_server.url.replace("127.0.0.1", "localhost")
    content = site.replace("localhost", "127.0.0.1")
    settings.SITE_URL = site
    settings.H5P_CONTENT_ORIGIN = content
    settings.H5P_CONTENT_HOST = "127.0.0.1"
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    settings.CSRF_TRUSTED_ORIGINS = [site]
    return site, content


def new_page(browser, *, viewport: dict[str, int] | None = None):
    """A fresh context (no cookies) and its page; console errors are collected on the page."""
    context = browser.new_context(viewport=viewport or DESKTOP)
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]

    def note(message: Any) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)  # type: ignore[attr-defined]

    page.on("console", note)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))  # type: ignore[attr-defined]
    return context, page


def signed_in_page(browser, site: str, user, *, viewport: dict[str, int] | None = None):
    client = Client()
    client.force_login(user)
    context, page = new_page(browser, viewport=viewport)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )
    return context, page


def finish(page, context) -> None:
    """Lets the page's last requests end before the context goes: a request still running in
    the live server when the test's database is flushed would hold a lock on its tables."""
    page.wait_for_load_state("networkidle")
    context.close()
    time.sleep(0.5)


def axe_violations(page_or_frame) -> list[str]:
    """axe-core's violations on the page (or frame) as it is now: one line each, with the
    elements concerned, so that a failing assertion says what to mend."""
    # Evaluated rather than added as a <script>: the player's Content-Security-Policy would
    # refuse an inline script, and axe must run there too.
    page_or_frame.evaluate(AXE.read_text() + "\n;true")
    result = page_or_frame.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => `${v.id} (${v.impact}): ${v.help} — ` + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(result)


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n" + "\n".join(violations)
