"""The demo's coordinator creates the next edition of the Charter course from "My courses",
without the Django admin, then makes a lesson optional on its page. Spanish on a desktop,
Portuguese on a phone, each page checked by axe-core."""

from __future__ import annotations

import pytest

from accounts.models import User
from courses.models import Cohort
from enrollments.models import OptionalLesson
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = {"es": "Nueva edición", "pt": "Nova edição"}
EDIT = {"es": "Editar la edición", "pt": "Editar a edição"}
OPTIONAL = {"es": "Lecciones opcionales", "pt": "Lições opcionais"}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_creates_the_next_edition_and_sets_its_completion_rule(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    coordinator = User.objects.get(email="coordinator@aula.example")
    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/my-courses/")
    page.get_by_role("link", name=NEW[language]).click()
    expect(page.locator("h1")).to_have_text(NEW[language])
    assert_accessible(page)

    title = f"Carta · edición 2027 ({language})"
    page.locator("#id_title").fill(title)
    page.locator("#id_course").select_option(index=1)
    page.locator("#id_delegation").select_option(index=1)
    page.locator("#id_status").select_option("open")
    page.locator("#id_starts_on").fill("2027-03-01")
    page.locator("#id_ends_on").fill("2027-04-30")
    page.locator("#id_enrollment_opens_at").fill("2027-01-10T09:00")
    page.locator("#id_enrollment_closes_at").fill("2027-02-28T18:00")
    page.locator("#id_capacity").fill("25")
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    cohort = Cohort.objects.get(title=title)
    assert page.url.endswith(f"/{language}/cohorts/{cohort.public_id}/roster/")
    expect(page.locator("h1")).to_have_text(title)

    page.get_by_role("link", name=EDIT[language]).click()
    group = page.get_by_role("group", name=OPTIONAL[language])
    expect(group).to_be_visible()
    assert_accessible(page)
    group.locator("input[type=checkbox]").last.check()
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    assert OptionalLesson.objects.filter(cohort=cohort).count() == 1
    assert not page.console_errors, page.console_errors
    finish(page, context)
