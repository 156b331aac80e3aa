"""A coordinator schedules a live session from the edition's roster; the learner sees it on
"My courses" in their own time zone, joins it through Aula on their phone, and checks in at a
face-to-face workshop by scanning the trainer's screen. Spanish on a desktop, Portuguese on a
375 px phone, each page checked by axe-core."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone

from accounts.models import User
from courses.models import Cohort
from enrollments import services as enrollment_services
from meetings.models import Attendance, Meeting
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {
        "sessions": "Sesiones",
        "schedule": "Programar una sesión",
        "upcoming": "Próximas sesiones",
        "join": "Entrar en la sesión",
        "here": "Estoy aquí",
        "present": "Te hemos registrado como presente",
    },
    "pt": {
        "sessions": "Sessões",
        "schedule": "Agendar uma sessão",
        "upcoming": "Próximas sessões",
        "join": "Entrar na sessão",
        "here": "Estou aqui",
        "present": "Ficou registado como presente",
    },
}


@pytest.mark.parametrize(
    ("language", "viewport", "zone"),
    [("es", DESKTOP, "America/Mexico_City"), ("pt", PHONE, "America/Sao_Paulo")],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_a_session_is_scheduled_joined_and_checked_into(
    demo, browser, origins, language, viewport, zone
):
    site, _content = origins
    words = WORDS[language]
    cohort = Cohort.objects.filter(status="open", language=language).order_by("pk").first()
    learner = User.objects.get(email="learner@aula.example")
    learner.preferred_language = language
    learner.time_zone = zone
    learner.save()
    enrollment_services.enroll_learner(cohort=cohort, learner=learner)
    coordinator = User.objects.get(email="coordinator@aula.example")

    # The coordinator schedules a webinar starting in ten minutes, typed in their own zone.
    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/cohorts/{cohort.public_id}/roster/")
    page.get_by_role("link", name=words["sessions"], exact=True).click()
    page.get_by_role("link", name=words["schedule"]).click()
    assert_accessible(page)
    starts = (timezone.now() + datetime.timedelta(minutes=10)).astimezone(
        datetime.timezone(datetime.timedelta(hours=-3))
    )
    page.locator("#id_title").fill("Café virtual entre ciudades")
    page.locator("#id_kind").select_option("online")
    page.locator("#id_starts_at").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_ends_at").fill(
        (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    )
    page.locator("#id_time_zone").select_option("America/Sao_Paulo")
    page.locator("#id_meeting_url").fill("https://meet.jit.si/cafe-aula")
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    meeting = Meeting.objects.get(title="Café virtual entre ciudades")
    assert page.url.endswith(f"/sessions/{meeting.public_id}/")
    assert_accessible(page)
    finish(page, context)

    # The learner sees it first on "My courses", at their own clock time, and joins.
    context, page = signed_in_page(browser, site, learner, viewport=viewport)
    context.route(
        "https://meet.jit.si/**", lambda route: route.fulfill(body="<title>Jitsi</title>")
    )
    page.goto(f"{site}/{language}/my-courses/")
    upcoming = page.get_by_role("region", name=words["upcoming"])
    expect(upcoming).to_contain_text(starts.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M"))
    assert_accessible(page)
    upcoming.get_by_role("link", name="Café virtual entre ciudades").click()
    assert_accessible(page)
    page.get_by_role("link", name=words["join"]).click()
    page.wait_for_url("https://meet.jit.si/cafe-aula")
    assert Attendance.objects.get(meeting=meeting).status == "present"

    # At the workshop in Rosario the trainer's screen shows a code; the phone scans it.
    workshop = Meeting.objects.filter(cohort=cohort, kind="face_to_face").get()
    Meeting.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5),
        ends_at=timezone.now() + datetime.timedelta(hours=2),
    )
    trainer = User.objects.get(email="trainer@aula.example")
    screen_context, screen = signed_in_page(browser, site, trainer, viewport=DESKTOP)
    screen.goto(f"{site}/{language}/sessions/{workshop.public_id}/check-in/screen/")
    expect(screen.locator("figure svg")).to_be_visible()
    assert_accessible(screen)
    address = screen.locator("figcaption a").get_attribute("href")
    finish(screen, screen_context)

    page.goto(address)
    page.get_by_role("button", name=words["here"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["present"])
    assert_accessible(page)
    assert Attendance.objects.get(meeting=workshop).checked_in_at is not None
    page.goto(f"{site}/{language}/calendar/")
    expect(page.locator("#feed-url")).to_have_value(re.compile(r"/calendar/.+\.ics$"))
    assert_accessible(page)
    assert not page.console_errors, page.console_errors
    finish(page, context)

    # The coordinator's register shows the learner present, and can be changed by hand.
    context, page = signed_in_page(browser, site, coordinator, viewport=viewport)
    page.goto(f"{site}/{language}/sessions/{workshop.public_id}/register/")
    expect(page.locator("table")).to_contain_text(learner.display_name)
    assert_accessible(page)
    enrollment = learner.enrollments.get(cohort=cohort)
    page.locator(f"#status-{enrollment.public_id}").select_option("excused")
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    assert Attendance.objects.get(meeting=workshop).status == "excused"
    finish(page, context)
