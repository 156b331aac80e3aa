"""A running edition: the coordinator gives its module a deadline, finds who has stopped
taking part in "At risk" and writes to them, with a version in the learner's language; the
learner sees the deadline under "My courses" and chooses which reminders to receive.
Spanish on a desktop, Portuguese on a 375 px phone; axe-core on every page."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from enrollments.models import Enrollment, ModuleRelease
from nudges.models import Preference
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, MemberCityFactory, UserFactory, build_site, translate

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"release": "Apertura y plazos de los módulos", "due": "Primer módulo: fecha límite",
           "save": "Guardar los cambios", "keep": "Guardar", "risk": "En riesgo", "inactive": "Inactivo",
           "send": "Enviar", "sent": "Tu mensaje está en camino a 1 participante",
           "dates": "Fechas límite", "left": "2 lecciones por terminar",
           "reminders": "Recordatorios por correo",
           "nudge": "Un aviso cuando llevo un tiempo sin participar", "saved": "Tu elección"},
    "pt": {"release": "Abertura e prazos dos módulos", "due": "Primeiro módulo: prazo",
           "save": "Guardar as alterações", "keep": "Salvar", "risk": "Em risco", "inactive": "Inativo",
           "send": "Enviar", "sent": "A sua mensagem está a caminho de 1 participante",
           "dates": "Prazos", "left": "2 lições por terminar",
           "reminders": "Lembretes por e-mail",
           "nudge": "Um aviso quando passo algum tempo sem participar", "saved": "A sua escolha"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_deadlines_are_set_seen_and_the_learners_at_risk_get_a_message(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    if language != "es":
        translate(site["module"], language, title="Primeiro módulo")
    rosario = MemberCityFactory(name="Rosario")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=site["course"].course,
        delegation=rosario.delegation,
        title="Edición 2027",
        status="running",
        starts_on=today - datetime.timedelta(days=30),
    )
    learner = UserFactory(
        email="aprende@aula.example", first_name="Ana", preferred_language=language,
        member_city=rosario,
    )  # fmt: skip
    Enrollment.objects.create(
        cohort=cohort, learner=learner, status=Enrollment.Status.ACTIVE,
        enrolled_at=timezone.now() - datetime.timedelta(days=25),
    )  # fmt: skip
    coordinator = UserFactory(email="coordina@aula.example", preferred_language=language)
    coordinator.coordinated_delegations.add(rosario.delegation)

    # The coordinator gives the module a deadline, five days from now.
    context, page = signed_in_page(browser, site_url, coordinator, viewport=viewport)
    page.goto(f"{site_url}/{language}/cohorts/{cohort.public_id}/roster/")
    page.get_by_role("link", name=words["release"]).click()
    page.wait_for_url("**/release/")
    assert_accessible(page)
    due = today + datetime.timedelta(days=5)
    page.get_by_label(words["due"]).fill(due.isoformat())
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_url("**/release/")
    assert ModuleRelease.objects.get(cohort=cohort).due_on == due

    # "At risk" lists the learner who has not taken part for 25 days; the coordinator writes.
    page.goto(f"{site_url}/{language}/cohorts/{cohort.public_id}/roster/")
    page.get_by_role("link", name=words["risk"], exact=True).click()
    page.wait_for_url("**/at-risk/")
    expect(page.locator("table")).to_contain_text(learner.display_name)
    expect(page.locator("table")).to_contain_text(words["inactive"])
    assert_accessible(page)
    page.locator("input[name=recipients]").check()
    page.locator("#id_subject").fill("¿Seguimos?")
    page.locator("#id_body").fill("Te esperamos en el curso.")
    if language != "es":
        page.locator("details summary").click()
        page.locator("#id_subject_es").fill("¿Seguimos?")
        page.locator("#id_body_es").fill("Te esperamos en el curso.")
        page.locator("#id_subject").fill("Continuamos?")
        page.locator("#id_body").fill("Esperamos por si no curso.")
    with_mail = len(mail.outbox)
    page.get_by_role("button", name=words["send"]).click()
    page.wait_for_url("**/at-risk/")
    expect(page.locator("body")).to_contain_text(words["sent"])
    sent = mail.outbox[with_mail:]
    assert [m.to for m in sent] == [["aprende@aula.example"]]
    assert sent[0].subject == ("¿Seguimos?" if language == "es" else "Continuamos?")
    assert "List-Unsubscribe" in sent[0].extra_headers
    finish(page, context)

    # The learner sees the deadline and turns the inactivity nudges off.
    context, page = signed_in_page(browser, site_url, learner, viewport=viewport)
    page.goto(f"{site_url}/{language}/my-courses/")
    dates = page.get_by_role("region", name=words["dates"])
    expect(dates).to_contain_text("Prim")
    expect(dates).to_contain_text(words["left"])
    assert_accessible(page)
    dates.get_by_role("link", name=words["reminders"]).click()
    page.wait_for_url("**/reminders/")
    assert_accessible(page)
    page.get_by_label(words["nudge"]).uncheck()
    page.get_by_role("button", name=words["keep"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["saved"])
    preference = Preference.objects.get(user=learner)
    assert not preference.inactive and preference.deadline and preference.message
    finish(page, context)
