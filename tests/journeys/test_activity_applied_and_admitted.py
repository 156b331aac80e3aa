"""A learner finds the demo's virtual café on the calendar of activities and applies; the
coordinator opens its balanced admission, sees the proposal, adjusts it by hand to give the
learner a seat and confirms; the learner's page then says they are admitted. Spanish on a
desktop, Portuguese on a 375 px phone, each page checked by axe-core."""

from __future__ import annotations

import pytest

from accounts.models import User
from activities.models import NetworkActivity
from enrollments.models import Enrollment
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {
        "title": "Café virtual: primeros cien días de gobierno",
        "apply": "Postularme",
        "applied": "Hemos recibido tu postulación",
        "admission": "Admisión equilibrada",
        "confirm": "Admitir a las personas marcadas y avisar a todo el mundo",
        "done": "personas admitidas",
        "admitted": "Estás admitido",
    },
    "pt": {
        "title": "Café virtual: os primeiros cem dias de governo",
        "apply": "Candidatar-me",
        "applied": "A sua candidatura foi recebida",
        "admission": "Admissão equilibrada",
        "confirm": "Admitir as pessoas assinaladas e avisar todos",
        "done": "pessoas admitidas",
        "admitted": "Foi admitido",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_a_learner_applies_and_the_coordinator_admits_with_balance(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    words = WORDS[language]
    learner = User.objects.get(email="learner@aula.example")
    learner.preferred_language = language
    learner.save()
    coordinator = User.objects.get(email="coordinator@aula.example")
    cafe = NetworkActivity.objects.get(kind=NetworkActivity.Kind.VIRTUAL_CAFE)

    # The learner finds the café on the calendar and applies.
    context, page = signed_in_page(browser, site, learner, viewport=viewport)
    page.goto(f"{site}/{language}/activities/")
    assert_accessible(page)
    page.get_by_role("link", name=words["title"]).click()
    page.wait_for_url(f"**/activities/{cafe.public_id}/")
    assert_accessible(page)
    page.get_by_role("button", name=words["apply"]).click()
    expect(page.locator("body")).to_contain_text(words["applied"])
    assert_accessible(page)
    application = Enrollment.objects.get(cohort=cafe.cohort, learner=learner)
    assert application.status == Enrollment.Status.WAITLISTED
    finish(page, context)

    # The coordinator sees the proposal (the learner applied last: not in it), swaps the last
    # proposed person for the learner and confirms.
    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/activities/manage/")
    page.get_by_role("link", name=words["title"]).click()
    page.wait_for_url(f"**/activities/{cafe.public_id}/")
    page.get_by_role("link", name=words["admission"]).click()
    page.wait_for_url("**/admission/")
    expect(page.locator("input[name=admit]").first).to_be_visible()
    assert_accessible(page)
    mine = page.locator(f"#admit-{application.pk}")
    expect(mine).not_to_be_checked()
    proposed = page.locator("input[name=admit]:checked").count()
    assert proposed == 12  # every seat, within 40 % per country and 3 per city
    page.locator("input[name=admit]:checked").last.uncheck()
    mine.check()
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator("body")).to_contain_text(words["done"])
    assert Enrollment.objects.filter(cohort=cafe.cohort).active().count() == proposed
    assert Enrollment.objects.get(pk=application.pk).status == Enrollment.Status.ACTIVE
    finish(page, context)

    context, page = signed_in_page(browser, site, learner, viewport=viewport)
    page.goto(f"{site}/{language}/activities/{cafe.public_id}/")
    expect(page.get_by_role("status")).to_contain_text(words["admitted"])
    assert_accessible(page)
    assert not page.console_errors, page.console_errors
    finish(page, context)
