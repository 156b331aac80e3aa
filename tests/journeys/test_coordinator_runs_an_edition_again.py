"""After an election, the coordinator runs last year's edition again: from its roster, "New
edition from this one", a new title and start, and the draft is ready with its sessions.
Spanish on a desktop, Portuguese on a 375 px phone; axe-core on every page."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from courses.models import Cohort
from meetings.models import Meeting
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, MemberCityFactory, UserFactory, build_site

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"rerun": "Nueva edición a partir de esta", "create": "Crear el borrador",
           "ready": "está lista como borrador"},
    "pt": {"rerun": "Nova edição a partir desta", "create": "Criar o rascunho",
           "ready": "está pronta como rascunho"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_runs_last_years_edition_again(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    rosario = MemberCityFactory(name="Rosario")
    last_year = CohortFactory(
        course=site["course"].course, delegation=rosario.delegation, title="Edición 2026"
    )
    start = datetime.datetime.combine(last_year.starts_on, datetime.time(15), tzinfo=datetime.UTC)
    Meeting.objects.create(
        cohort=last_year, title="Bienvenida", kind=Meeting.Kind.ONLINE, starts_at=start,
        ends_at=start + datetime.timedelta(hours=1), time_zone="America/Argentina/Buenos_Aires",
        meeting_url="https://meet.jit.si/aula",
    )  # fmt: skip
    coordinator = UserFactory(email="coordina@aula.example", preferred_language=language)
    coordinator.coordinated_delegations.add(rosario.delegation)

    context, page = signed_in_page(browser, site_url, coordinator, viewport=viewport)
    page.goto(f"{site_url}/{language}/cohorts/{last_year.public_id}/roster/")
    page.get_by_role("link", name=words["rerun"]).click()
    page.wait_for_url("**/rerun/")
    assert_accessible(page)
    new_start = timezone.localdate() + datetime.timedelta(days=45)
    page.locator("#id_title").fill("Edición 2027")
    page.locator("#id_starts_on").fill(new_start.isoformat())
    page.get_by_role("button", name=words["create"]).click()
    page.wait_for_url("**/edit/")
    expect(page.locator("body")).to_contain_text(words["ready"])
    assert_accessible(page)
    copy = Cohort.objects.get(title="Edición 2027")
    assert copy.status == Cohort.Status.DRAFT and copy.starts_on == new_start
    moved = Meeting.objects.get(cohort=copy)
    assert moved.starts_at - start == datetime.timedelta(
        days=(new_start - last_year.starts_on).days
    )
    finish(page, context)
