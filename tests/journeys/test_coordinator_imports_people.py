"""The coordinator imports people into the demo's open edition from a file: the check lists
what would happen, they confirm, and the invited people appear on the roster. Spanish on a
desktop, Portuguese on a phone, checked by axe-core."""

from __future__ import annotations

import pytest

from accounts.models import User
from courses.models import Cohort
from enrollments.models import Invitation
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

IMPORT = {"es": "Importar personas", "pt": "Importar pessoas"}
CORRECT = {"es": "El archivo es correcto: 2 filas.", "pt": "O ficheiro está correto: 2 linhas."}
CONFIRM = {"es": "Importar 2 personas", "pt": "Importar 2 pessoas"}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_checks_a_file_confirms_and_sees_the_people_invited(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    coordinator = User.objects.get(email="coordinator@aula.example")
    coordinator.preferred_language = language
    coordinator.save()
    cohort = Cohort.objects.filter(status="open").order_by("starts_on").first()
    assert cohort is not None
    rows = "email,name,city,country,position,language\n"
    rows += f"nueva.{language}@ciudad.example,Nueva Persona,,,staff,{language}\n"
    rows += f"otra.{language}@ciudad.example,Otra Persona,,,elected,es\n"

    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/cohorts/{cohort.public_id}/roster/")
    page.get_by_role("link", name=IMPORT[language]).click()
    expect(page.locator("h1")).to_have_text(IMPORT[language])
    assert_accessible(page)
    page.locator("#import-file").set_input_files(
        {"name": "personas.csv", "mimeType": "text/csv", "buffer": rows.encode()}
    )
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(CORRECT[language])
    assert_accessible(page)

    page.get_by_role("button", name=CONFIRM[language]).click()
    page.wait_for_load_state()
    assert Invitation.objects.filter(cohort=cohort, email__endswith="@ciudad.example").count() == 2
    page.goto(f"{site}/{language}/cohorts/{cohort.public_id}/roster/")
    expect(page.locator(".invitations")).to_contain_text(f"nueva.{language}@ciudad.example")
    assert not page.console_errors, page.console_errors
    finish(page, context)
