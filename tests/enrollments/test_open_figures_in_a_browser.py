"""The open figures as anyone sees them, on a phone and a desktop in two languages: a chart with
its figures, the table, downloads, and nothing axe-core objects to."""

from __future__ import annotations

import pytest

from enrollments import services
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, new_page
from tests.factories import CohortFactory, UserFactory

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(("language", "viewport"), [("es", PHONE), ("fr", DESKTOP)])
def test_open_figures_read_well_and_can_be_downloaded(
    browser, origins, site, city, language, viewport
):
    base, _content = origins
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation, capacity=None)
    for person in UserFactory.create_batch(6):
        services.enroll_learner(learner=person, cohort=cohort)
    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{base}/{language}/figures/")

    chart = page.get_by_role("img").first
    assert chart.is_visible()
    assert page.locator("table.figures tbody tr").count() == 1
    assert page.locator("a[href*='format=csv']").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    finish(page, context)
