"""The delegation's coordinator follows the demo's finished edition: the roster, its filters and
its report (with the reviewed work per assignment), in Spanish on a desktop and in Portuguese on
a phone, checked by axe-core."""

from __future__ import annotations

import pytest

from courses.models import Cohort
from enrollments.demo_edition import TITLE as FINISHED_EDITION
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, new_page
from tests.journeys.conftest import DEMO_PASSWORD

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARGENTINA = {"es": "Argentina", "pt": "Argentina"}
ASSIGNMENTS_REVIEWED = {"es": "Trabajos revisados", "pt": "Trabalhos revistos"}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_reads_and_filters_the_roster_of_the_finished_edition(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    cohort = Cohort.objects.get(title=FINISHED_EDITION)
    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{site}/{language}/accounts/login/")
    page.locator("input[name=username]").fill("coordinator@aula.example")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

    page.goto(f"{site}/{language}/my-courses/")
    page.locator(f'a[href$="/cohorts/{cohort.public_id}/roster/"]').click()
    expect(page.locator("h1")).to_have_text(cohort.title)
    assert_accessible(page)

    # The whole table is reachable: shown whole on a desktop, scrolled by keyboard on a phone.
    region = page.locator(".table-wrap").first  # the roster; invitations follow
    expect(region).to_have_attribute("tabindex", "0")
    if viewport == DESKTOP:
        assert region.evaluate("r => r.scrollWidth <= r.clientWidth")

    country = page.locator("#f-country")
    options = country.locator("option").all_inner_texts()
    assert ARGENTINA[language] in options
    assert "AR" not in options
    country.select_option(label=ARGENTINA[language])
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "country=AR" in page.url
    expect(page.locator("table.roster tbody tr").first).to_be_visible()

    # The report: reviewed work per assignment, its few people hidden like every count.
    page.goto(f"{site}/{language}/cohorts/{cohort.public_id}/report/")
    expect(page.locator("#h-assignments")).to_have_text(ASSIGNMENTS_REVIEWED[language])
    row = page.locator("section[aria-labelledby=h-assignments] tbody tr").first
    expect(row.locator("th")).to_contain_text("Carta")
    expect(row.locator("td").first).to_have_text("<5")
    assert_accessible(page)
    assert not page.console_errors, page.console_errors
    finish(page, context)
