"""Issue 16, deadlines and nudges: the hourly beat welcomes, warns before deadlines and nudges
the inactive, in each learner's language, at most once per rule, never against their choice;
every e-mail stops its kind in one click."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enrollments import progress
from enrollments.models import Enrollment, ModuleRelease
from nudges import rules, services, tasks
from nudges.emails import unsubscribe_token
from nudges.models import Kind, Nudge, Preference
from tests.factories import CohortFactory, UserFactory, translate

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def running(site, city):
    """A course edition that started 30 days ago and runs for a month more."""
    return CohortFactory(
        course=site["course"].course,
        delegation=city.delegation,
        title="Edición 2027",
        title_translations={"pt": "Edição 2027"},
        status="running",
        starts_on=TODAY() - datetime.timedelta(days=30),
        ends_on=TODAY() + datetime.timedelta(days=30),
    )


def enrol(cohort, *, language="es", days_ago=1, seen_days_ago=None, **fields):
    person = UserFactory(preferred_language=language, **fields)
    now = timezone.now()
    return Enrollment.objects.create(
        cohort=cohort,
        learner=person,
        status=Enrollment.Status.ACTIVE,
        enrolled_at=now - datetime.timedelta(days=days_ago),
        last_activity_at=(
            now - datetime.timedelta(days=seen_days_ago) if seen_days_ago is not None else None
        ),
    )


def sent_to(kind_word: str) -> list[str]:
    return sorted(m.to[0] for m in mail.outbox if kind_word in m.subject)


def test_a_running_edition_welcomes_each_learner_once_in_their_language(site, running):
    ModuleRelease.objects.create(
        cohort=running, module=site["module"], due_on=TODAY() + datetime.timedelta(days=9)
    )
    translate(site["module"], "pt", title="Primeiro módulo")
    ana = enrol(running, language="es")
    rui = enrol(running, language="pt")

    assert tasks.decide.delay().get() >= 2
    assert tasks.decide.delay().get() == 0  # the next hour: nothing new

    welcomes = [m for m in mail.outbox if "bienvenida" in m.subject or "Bem-vindo" in m.subject]
    assert sorted(m.to[0] for m in welcomes) == sorted([ana.learner.email, rui.learner.email])
    portuguese = next(m for m in welcomes if m.to == [rui.learner.email])
    assert portuguese.subject == "Bem-vindo a Edição 2027"
    assert "«Primeiro módulo» · prazo a" in portuguese.body  # its deadlines, in Portuguese
    assert "List-Unsubscribe=One-Click" in portuguese.extra_headers["List-Unsubscribe-Post"]
    assert Nudge.objects.filter(kind=Kind.WELCOME, sent_at__isnull=False).count() == 2


def test_no_reminder_goes_to_editions_not_yet_started_finished_or_to_the_withdrawn(
    site, city, running
):
    later = CohortFactory(
        course=site["course"].course, delegation=city.delegation, status="open",
        starts_on=TODAY() + datetime.timedelta(days=3),
    )  # fmt: skip
    enrol(later)
    gone = enrol(running)
    gone.status = Enrollment.Status.WITHDRAWN
    gone.save()

    rules.decide()

    assert not Nudge.objects.exists()


def test_the_deadline_notice_goes_a_few_days_before_to_those_who_have_not_finished(site, running):
    ModuleRelease.objects.create(
        cohort=running, module=site["module"], due_on=TODAY() + datetime.timedelta(days=2)
    )
    behind = enrol(running, seen_days_ago=1)
    done = enrol(running, seen_days_ago=1)
    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=done.learner, lesson=lesson)
    translate(site["module"], "pt", title="Primeiro módulo")
    half = enrol(running, language="pt", seen_days_ago=1)
    progress.mark_lesson_done(learner=half.learner, lesson=site["lesson"])
    mail.outbox.clear()

    tasks.decide.delay().get()
    tasks.decide.delay().get()

    notices = Nudge.objects.filter(kind=Kind.DEADLINE)
    assert {n.enrollment_id for n in notices} == {behind.pk, half.pk}
    portuguese = [m.subject for m in mail.outbox if m.to == [half.learner.email]]
    assert any(s.startswith("O prazo de «Primeiro módulo» termina a") for s in portuguese)
    spanish = [m.subject for m in mail.outbox if m.to == [behind.learner.email]]
    assert any(s.startswith("«Primer módulo» vence el") for s in spanish)
    assert not any("módulo" in m.subject for m in mail.outbox if m.to == [done.learner.email])


def test_a_deadline_further_away_waits_and_a_moved_deadline_is_announced_again(site, running):
    release = ModuleRelease.objects.create(
        cohort=running, module=site["module"], due_on=TODAY() + datetime.timedelta(days=10)
    )
    enrol(running, seen_days_ago=1)
    rules.decide()
    assert not Nudge.objects.filter(kind=Kind.DEADLINE).exists()

    release.due_on = TODAY() + datetime.timedelta(days=1)
    release.save()
    rules.decide()
    release.due_on = TODAY() + datetime.timedelta(days=3)
    release.save()
    rules.decide()
    rules.decide()

    assert Nudge.objects.filter(kind=Kind.DEADLINE).count() == 2


def test_the_inactive_are_nudged_once_per_spell_after_the_editions_number_of_days(running):
    running.inactivity_nudge_days = 10
    running.save()
    quiet = enrol(running, days_ago=20, seen_days_ago=12)
    busy = enrol(running, days_ago=20, seen_days_ago=3)
    never = enrol(running, days_ago=20)

    rules.decide()
    rules.decide()
    nudged = set(Nudge.objects.filter(kind=Kind.INACTIVE).values_list("enrollment_id", flat=True))
    assert nudged == {quiet.pk, never.pk}

    # Back for a day, then quiet again for eleven: a new spell, a new nudge.
    quiet.last_activity_at = timezone.now() - datetime.timedelta(days=11)
    quiet.save()
    rules.decide()
    assert Nudge.objects.filter(kind=Kind.INACTIVE, enrollment=quiet).count() == 2
    assert not Nudge.objects.filter(kind=Kind.INACTIVE, enrollment=busy).exists()

    running.inactivity_nudge_days = None  # the edition sends none
    running.save()
    quiet.last_activity_at = timezone.now() - datetime.timedelta(days=15)
    quiet.save()
    rules.decide()
    assert Nudge.objects.filter(kind=Kind.INACTIVE, enrollment=quiet).count() == 2


def test_a_learner_who_said_no_is_not_sent_that_kind(running):
    ana = enrol(running, days_ago=2, seen_days_ago=20)
    services.set_preference(user=ana.learner, welcome=False)

    tasks.decide.delay().get()

    assert Nudge.objects.get(enrollment=ana, kind=Kind.WELCOME).skipped
    assert [m.to for m in mail.outbox] == [[ana.learner.email]]  # the inactivity nudge only
    assert Nudge.objects.get(enrollment=ana, kind=Kind.INACTIVE).sent_at is not None
    # Saying yes again later does not bring back a welcome that is no longer news.
    services.set_preference(user=ana.learner, welcome=True)
    tasks.decide.delay().get()
    assert len(mail.outbox) == 1


def test_nobody_well_into_an_edition_is_welcomed(running):
    old = enrol(running, days_ago=25, seen_days_ago=1)

    rules.decide()

    assert not Nudge.objects.filter(enrollment=old, kind=Kind.WELCOME).exists()


def test_the_link_in_every_email_stops_its_kind_in_one_click(client, running):
    ana = enrol(running)
    url = f"/en/reminders/unsubscribe/{unsubscribe_token(ana.learner, Kind.INACTIVE)}/"

    page = client.get(url)
    assert page.status_code == 200 and b"Stop these e-mails" in page.content
    assert not Preference.objects.filter(user=ana.learner).exists()  # looking changes nothing
    done = client.post(url, {"List-Unsubscribe": "One-Click"})  # as a mail program posts

    assert done.status_code == 200
    preference = Preference.objects.get(user=ana.learner)
    assert not preference.inactive and preference.welcome and preference.deadline
    assert client.get("/en/reminders/unsubscribe/forged/").status_code == 404


def test_learners_choose_their_reminders_on_their_profile(signed_in, learner):
    client = signed_in(learner)
    page = client.get("/en/reminders/")
    assert page.status_code == 200 and b"A nudge when I have not taken part" in page.content

    client.post("/en/reminders/", {"welcome": "on", "deadline": "on"})

    assert services.preference_of(learner).wants("deadline")
    assert not services.preference_of(learner).wants("inactive")
    api = client.patch("/api/v1/me/reminders/", {"inactive": True}, content_type="application/json")
    assert api.json() == {"welcome": True, "deadline": True, "inactive": True, "message": False}


def test_deciding_costs_the_same_queries_for_ten_learners_as_for_one(site, running):
    ModuleRelease.objects.create(
        cohort=running, module=site["module"], due_on=TODAY() + datetime.timedelta(days=1)
    )
    enrol(running, days_ago=2, seen_days_ago=20)
    with CaptureQueriesContext(connection) as one:
        rules.decide()
    Nudge.objects.all().delete()
    for _ in range(9):
        enrol(running, days_ago=2, seen_days_ago=20)
    with CaptureQueriesContext(connection) as ten:
        decided = rules.decide()

    assert decided.claimed == 30  # welcome, deadline and inactivity for each
    assert len(ten) == len(one)


def test_my_courses_lists_the_deadlines_coming_and_late(signed_in, site, running, learner):
    Enrollment.objects.create(
        cohort=running, learner=learner, status="active", enrolled_at=timezone.now()
    )
    ModuleRelease.objects.create(
        cohort=running, module=site["module"], due_on=TODAY() - datetime.timedelta(days=2)
    )
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])

    page = signed_in(learner).get("/en/my-courses/")

    assert b"Due dates" in page.content
    assert b"late: 1 lesson to finish" in page.content
    assert "“Primer módulo” · due on" in page.content.decode()


def test_the_demo_gives_each_open_editions_modules_a_deadline_once(site, city):
    from collections import Counter

    from nudges.demo import seed_deadlines

    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    created: Counter[str] = Counter()

    seed_deadlines(created=created)
    seed_deadlines(created=created)

    release = ModuleRelease.objects.get(cohort=cohort)
    assert release.due_on == cohort.starts_on + datetime.timedelta(weeks=3)
    assert created["module deadlines"] == 1


def test_the_reminders_api_takes_only_true_or_false_as_json(signed_in, learner):
    client = signed_in(learner)
    url = "/api/v1/me/reminders/"
    assert client.patch(url, {"welcome": "yes"}, content_type="application/json").status_code == 400
    assert client.patch(url, {"welcome": 1}, content_type="application/json").status_code == 400
    form = client.patch(url, "welcome=false", content_type="application/x-www-form-urlencoded")
    assert form.status_code == 415
    assert services.preference_of(learner).wants("welcome")


def test_the_welcome_lists_the_sessions_to_come_in_the_learners_language_and_time_zone(running):
    from meetings.models import Meeting

    tomorrow = timezone.now().replace(hour=15, minute=0, second=0, microsecond=0)
    tomorrow += datetime.timedelta(days=1)
    hour = datetime.timedelta(hours=1)

    def plan(title, starts_at, **fields):
        fields.setdefault("meeting_url", "https://meet.example/aula")
        return Meeting.objects.create(
            cohort=running, title=title, starts_at=starts_at, ends_at=starts_at + hour, **fields
        )

    opening = plan("Sesión de apertura", tomorrow, title_translations={"pt": "Sessão de abertura"})
    plan(
        "Visita al ayuntamiento",
        tomorrow + datetime.timedelta(days=7),
        kind=Meeting.Kind.FACE_TO_FACE,
        meeting_url="",
        venue_name="Palacio Municipal",
        venue_city="Rosario",
    )
    plan("Suspendida", tomorrow + hour * 3, cancelled_at=timezone.now())
    plan("Ya pasó", tomorrow - datetime.timedelta(days=3))
    # São Paulo and Tokyo keep no summer time: 15:00 UTC is 12:00 and 00:00 there.
    rui = enrol(running, language="pt", time_zone="America/Sao_Paulo")
    ana = enrol(running, language="es", time_zone="Asia/Tokyo")

    tasks.decide.delay().get()

    portuguese = next(m.body for m in mail.outbox if m.to == [rui.learner.email])
    assert "Sessões ao vivo (horas em America/Sao_Paulo)" in portuguese
    assert "«Sessão de abertura» · " in portuguese and " 12:00 até 13:00 · Online" in portuguese
    assert (
        "Face to face" not in portuguese and "Presencial, Palacio Municipal, Rosario" in portuguese
    )
    assert f"/pt/sessions/{opening.public_id}/" in portuguese
    assert "Suspendida" not in portuguese and "Ya pasó" not in portuguese
    spanish = next(m.body for m in mail.outbox if m.to == [ana.learner.email])
    assert "«Sesión de apertura» · " in spanish and " 00:00, hasta las 01:00 · En línea" in spanish
    assert "/es/calendar/" in spanish
