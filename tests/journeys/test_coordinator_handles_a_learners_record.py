"""From the roster of the demo's finished edition, the coordinator opens a participant's record
(lessons, attempts, questionnaires, certificate), revokes the certificate by its code with a
published reason and an internal note, and the public verification page says so. Spanish on a
desktop, Portuguese on a phone, checked by axe-core. The participant then reads their own
record, which shows no staff action."""

from __future__ import annotations

import re

import pytest

from accounts.models import User
from certificates.models import Certificate
from courses.models import Cohort
from enrollments.demo_edition import TITLE as FINISHED_EDITION
from enrollments.models import Enrollment
from tests.browser import (
    DESKTOP,
    PHONE,
    assert_accessible,
    finish,
    needs_chromium,
    new_page,
    signed_in_page,
)
from tests.journeys.conftest import DEMO_PASSWORD

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REVOKE = {"es": "Revocar el certificado", "pt": "Revogar o certificado"}
REVOKED = {"es": "Revocado", "pt": "Revogado"}
LESSONS = {"es": "Lecciones", "pt": "Lições"}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_opens_a_participants_record_and_revokes_the_certificate(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    cohort = Cohort.objects.get(title=FINISHED_EDITION)
    enrollment = (
        Enrollment.objects.filter(cohort=cohort, certificates__status="issued")
        .select_related("learner")
        .order_by("learner__certificate_name")
        .first()
    )
    assert enrollment is not None
    certificate = Certificate.objects.get(enrollment=enrollment)

    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{site}/{language}/accounts/login/")
    page.locator("input[name=username]").fill("coordinator@aula.example")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

    page.goto(f"{site}/{language}/cohorts/{cohort.public_id}/roster/")
    page.get_by_role("link", name=enrollment.learner.display_name, exact=True).click()
    expect(page.locator("h1")).to_have_text(enrollment.learner.display_name)
    expect(page.get_by_role("heading", name=LESSONS[language])).to_be_visible()
    code = page.locator(".certificates strong").first.inner_text()
    assert code.replace("-", "") == certificate.code.replace("-", "")
    assert_accessible(page)

    page.locator("summary", has_text=re.compile(REVOKE[language])).first.click()
    form = page.locator("form[action$='/revoke/']")
    form.locator("select[name=public_reason]").select_option("issued_in_error")
    form.locator("textarea[name=reason]").fill("Inscripción duplicada")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".certificates")).to_contain_text(REVOKED[language])
    expect(page.locator(".certificates")).to_contain_text("Inscripción duplicada")
    assert_accessible(page)

    page.locator(".certificates a[href*='/verify/']").first.click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(REVOKED[language])
    expect(page.locator("main")).not_to_contain_text("Inscripción duplicada")  # internal
    assert not page.console_errors, page.console_errors
    finish(page, context)

    # The participant reads their own record: the same facts, no staff action.
    learner: User = enrollment.learner
    context, page = signed_in_page(browser, site, learner, viewport=viewport)
    page.goto(f"{site}/{language}/enrollments/{enrollment.public_id}/")
    expect(page.get_by_role("heading", name=LESSONS[language])).to_be_visible()
    assert page.locator("form[action$='/revoke/'], form[action$='/complete/']").count() == 0
    assert_accessible(page)
    finish(page, context)
