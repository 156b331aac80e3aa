"""The coordinator creates a virtual café, schedules its session and publishes it; the café
then stands on the public calendar. Spanish on a desktop, Portuguese on a 375 px phone, each
page checked by axe-core."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts.models import User
from activities.models import NetworkActivity
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {
        "new": "Nueva actividad",
        "draft": "La actividad se ha guardado como borrador",
        "sessions": "Sesiones",
        "schedule": "Programar una sesión",
        "publish": "Publicar",
        "published": "La actividad está publicada",
    },
    "pt": {
        "new": "Nova atividade",
        "draft": "A atividade foi guardada como rascunho",
        "sessions": "Sessões",
        "schedule": "Agendar uma sessão",
        "publish": "Publicar",
        "published": "A atividade está publicada",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_the_coordinator_creates_schedules_and_publishes_an_activity(
    demo, browser, origins, language, viewport
):
    site, _content = origins
    words = WORDS[language]
    coordinator = User.objects.get(email="coordinator@aula.example")
    title = f"Café entre ciudades · {language}"
    day = timezone.localdate() + datetime.timedelta(days=30)

    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/activities/manage/")
    assert_accessible(page)
    page.get_by_role("link", name=words["new"]).click()
    page.wait_for_url("**/activities/new/")
    assert_accessible(page)
    page.locator("#id_kind").select_option("virtual_cafe")
    page.locator("#id_title").fill(title)
    page.locator("#id_title_pt").fill(f"Café entre cidades · {language}")
    page.locator("#id_description").fill("Una hora de conversación entre ciudades.")
    page.locator("#id_delegation").select_option(index=1)
    page.locator("#id_audience").select_option("public")
    page.locator("#id_starts_on").fill(day.isoformat())
    page.locator("#id_ends_on").fill(day.isoformat())
    now = timezone.localtime()
    page.locator("#id_opens_at").fill(now.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_closes_at").fill(
        (now + datetime.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    )
    page.locator("#id_seats").fill("12")
    page.locator("#id_max_country_share").fill("40")
    page.locator("button[type=submit]").last.click()
    expect(page.locator("body")).to_contain_text(words["draft"])
    activity = NetworkActivity.objects.get(cohort__title=title)
    assert activity.cohort.status == "draft"
    assert_accessible(page)

    # Its session, with the sessions' own form, then publishing.
    page.get_by_role("link", name=words["sessions"], exact=True).click()
    page.get_by_role("link", name=words["schedule"]).click()
    page.locator("#id_title").fill(title)
    page.locator("#id_kind").select_option("online")
    page.locator("#id_starts_at").fill(f"{day.isoformat()}T17:00")
    page.locator("#id_ends_at").fill(f"{day.isoformat()}T18:00")
    page.locator("#id_time_zone").select_option("America/Sao_Paulo")
    page.locator("#id_meeting_url").fill("https://meet.jit.si/cafe-entre-ciudades")
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(f"{site}/{language}/activities/{activity.public_id}/")
    page.get_by_role("button", name=words["publish"]).click()
    expect(page.locator("body")).to_contain_text(words["published"])
    assert_accessible(page)
    activity.cohort.refresh_from_db()
    assert activity.cohort.status == "open"

    page.goto(f"{site}/{language}/activities/")
    expect(page.locator("main")).to_contain_text(
        title if language == "es" else f"Café entre cidades · {language}"
    )
    assert not page.console_errors, page.console_errors
    finish(page, context)
