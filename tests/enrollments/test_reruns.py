""" "New edition from this one": a coordinator runs an edition again with new dates; its
settings, trainers, optional lessons, questionnaires and sessions follow, shifted."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Cohort
from enrollments import reruns
from enrollments.models import ModuleRelease, OptionalLesson
from enrollments.questionnaires.models import Questionnaire
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_before(cohort, site, trainer, coordinator):
    """Last year's edition: a trainer, an optional lesson, a questionnaire, two sessions."""
    from enrollments.demo import seed_questionnaires

    cohort.capacity, cohort.min_sessions_attended, cohort.min_score = 30, 1, 60
    cohort.title_translations = {"pt": "Abril (pt)"}
    cohort.save()
    cohort.trainers.add(trainer)
    OptionalLesson.objects.create(cohort=cohort, lesson=site["lesson2"])
    ModuleRelease.objects.create(
        cohort=cohort, module=site["module"], opens_on=cohort.starts_on,
        due_on=cohort.starts_on + datetime.timedelta(days=10),
    )  # fmt: skip
    seed_questionnaires(by=coordinator)
    Questionnaire.objects.exclude(cohort=cohort).delete()
    sessions(cohort, 2, trainer)
    return cohort


def sessions(cohort, count: int, facilitator) -> None:
    start = datetime.datetime.combine(cohort.starts_on, datetime.time(15), tzinfo=datetime.UTC)
    for n in range(count):
        meeting = Meeting.objects.create(
            cohort=cohort,
            title=f"Sesión {n}",
            kind=Meeting.Kind.ONLINE,
            starts_at=start + datetime.timedelta(days=7 * n),
            ends_at=start + datetime.timedelta(days=7 * n, hours=1),
            time_zone="America/Argentina/Buenos_Aires",
            meeting_url="https://meet.jit.si/aula",
            is_required=n == 0,
        )
        meeting.facilitators.add(facilitator)


def test_a_coordinator_runs_an_edition_again_with_everything_shifted_once(
    run_before, coordinator, trainer, signed_in
):
    client = signed_in(coordinator)
    url = f"/en/cohorts/{run_before.public_id}/rerun/"
    assert (
        "New edition from this one"
        in client.get(f"/en/cohorts/{run_before.public_id}/roster/").content.decode()
    )
    new_start = timezone.localdate() + datetime.timedelta(days=60)
    form = {
        "title": "Abril 2027",
        "title_pt": "Abril 2027 (pt)",
        "starts_on": new_start.isoformat(),
        "key": "r" * 32,
    }
    first = client.post(url, form)
    again = client.post(url, form)
    assert first.status_code == again.status_code == 302
    copy = Cohort.objects.get(title="Abril 2027")
    assert first["Location"] == f"/en/cohorts/{copy.public_id}/edit/"
    shift = new_start - run_before.starts_on
    assert copy.status == Cohort.Status.DRAFT
    assert copy.ends_on - copy.starts_on == run_before.ends_on - run_before.starts_on
    assert (copy.capacity, copy.min_sessions_attended, copy.min_score) == (30, 1, 60)
    assert copy.title_translations == {"pt": "Abril 2027 (pt)"}
    assert list(copy.trainers.all()) == [trainer]
    assert list(
        OptionalLesson.objects.filter(cohort=copy).values_list("lesson", flat=True)
    ) == list(OptionalLesson.objects.filter(cohort=run_before).values_list("lesson", flat=True))
    old_q, new_q = (
        Questionnaire.objects.get(cohort=run_before),
        Questionnaire.objects.get(cohort=copy),
    )
    assert new_q.opens_at - old_q.opens_at == shift and new_q.questions == old_q.questions
    old = list(Meeting.objects.filter(cohort=run_before).order_by("starts_at"))
    new = list(Meeting.objects.filter(cohort=copy).order_by("starts_at"))
    assert [m.starts_at - o.starts_at for m, o in zip(new, old, strict=True)] == [shift, shift]
    assert [m.is_required for m in new] == [True, False]
    assert all(list(m.facilitators.all()) == [trainer] for m in new)
    release = ModuleRelease.objects.get(cohort=copy)
    assert release.opens_on == new_start  # shifted with the rest
    assert release.due_on == new_start + datetime.timedelta(days=10)
    assert not copy.enrollments.exists()


def test_a_rerun_in_the_past_or_ending_before_it_starts_is_refused_and_nothing_is_made(
    run_before, coordinator, signed_in
):
    client = signed_in(coordinator)
    today = timezone.localdate()
    past = client.post(
        f"/en/cohorts/{run_before.public_id}/rerun/",
        {"title": "Tarde", "starts_on": (today - datetime.timedelta(days=1)).isoformat()},
    )
    assert past.status_code == 400
    assert "The new edition cannot start in the past." in past.content.decode()
    backwards = client.post(
        f"/api/v1/cohorts/{run_before.public_id}/rerun/",
        {
            "title": "Al revés",
            "starts_on": (today + datetime.timedelta(days=30)).isoformat(),
            "ends_on": (today + datetime.timedelta(days=20)).isoformat(),
        },
        "application/json",
    )
    assert backwards.status_code == 400
    assert [e["field"] for e in backwards.json()["errors"]] == ["ends_on"]
    far = client.post(
        f"/api/v1/cohorts/{run_before.public_id}/rerun/",
        {"title": "Lejos", "starts_on": "9999-12-31"},
        "application/json",
    )
    assert far.status_code == 400 and far.json()["errors"][0]["code"] == "implausible_date"
    assert Cohort.objects.count() == 1


def test_only_the_editions_coordinators_run_it_again(
    run_before, trainer, outside_coordinator, learner, client
):
    body = {
        "title": "Copia",
        "starts_on": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
    }
    for person in (trainer, outside_coordinator, learner):
        client.force_login(person)
        assert client.get(f"/en/cohorts/{run_before.public_id}/rerun/").status_code == 404
        api = client.post(
            f"/api/v1/cohorts/{run_before.public_id}/rerun/", body, "application/json"
        )
        assert api.status_code in (403, 404)
    client.logout()
    assert (
        client.post(
            f"/api/v1/cohorts/{run_before.public_id}/rerun/", body, "application/json"
        ).status_code
        == 401
    )
    assert Cohort.objects.count() == 1


def test_the_api_answers_the_same_key_with_the_first_copy(run_before, coordinator, client):
    client.force_login(coordinator)
    body = {
        "title": "Por API",
        "starts_on": (timezone.localdate() + datetime.timedelta(days=9)).isoformat(),
    }
    headers = {"HTTP_IDEMPOTENCY_KEY": "rerun-1"}
    url = f"/api/v1/cohorts/{run_before.public_id}/rerun/"
    first = client.post(url, body, "application/json", **headers)
    again = client.post(url, body, "application/json", **headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["status"] == "draft"


def test_a_rerun_costs_the_same_queries_for_two_or_ten_sessions(run_before, coordinator, trainer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            reruns.rerun(
                source=Cohort.objects.select_related("course").get(pk=run_before.pk),
                by=coordinator,
                title="Copia",
                starts_on=timezone.localdate() + datetime.timedelta(days=30),
            )
        return len(captured)

    queries()  # the first copy warms what is cached (the signal's receivers, content types)
    few = queries()
    sessions(run_before, 8, trainer)
    assert queries() == few
