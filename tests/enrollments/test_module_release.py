"""Dated release: a module of an edition opens on a date or some days after each learner
enrols; until then its lessons say when they open, and cannot be marked done."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from enrollments.models import Enrollment, LessonProgress, ModuleRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(cohort, learner):
    return Enrollment.objects.create(
        cohort=cohort, learner=learner, status="active", enrolled_at=timezone.now()
    )


def test_a_module_opening_later_shows_when_and_keeps_its_lessons_closed_until_then(
    cohort, site, enrolled, coordinator, learner, client
):
    in_a_week = timezone.localdate() + datetime.timedelta(days=7)
    client.force_login(coordinator)
    url = f"/en/cohorts/{cohort.public_id}/release/"
    module = site["module"]
    assert client.post(url, {f"on_{module.pk}": in_a_week.isoformat()}).status_code == 302
    assert ModuleRelease.objects.get(cohort=cohort).opens_on == in_a_week

    client.force_login(learner)
    lesson_url = site["lesson"].url.replace("/es/", "/en/", 1)
    page = client.get(lesson_url).content.decode()
    assert "This module opens on" in page and 'class="lesson-body"' not in page
    refused = client.post(f"/en/lessons/{site['lesson'].translation_key}/done/", follow=True)
    assert "This module opens on" in refused.content.decode()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()

    ModuleRelease.objects.filter(cohort=cohort).update(opens_on=timezone.localdate())
    page = client.get(lesson_url).content.decode()
    assert 'class="lesson-body"' in page and "This module opens on" not in page


def test_days_after_enrolment_count_from_each_learners_own_enrolment(
    cohort, site, enrolled, other_learner
):
    from enrollments.progress import opens_on

    ModuleRelease.objects.create(cohort=cohort, module=site["module"], opens_after_days=10)
    late = Enrollment.objects.create(
        cohort=cohort,
        learner=other_learner,
        status="active",
        enrolled_at=timezone.now() - datetime.timedelta(days=11),
    )
    assert opens_on(enrollment=enrolled, lesson=site["lesson"]) == (
        timezone.localdate() + datetime.timedelta(days=10)
    )
    assert opens_on(enrollment=late, lesson=site["lesson"]) is None


def test_a_module_cannot_open_after_the_edition_ends_and_others_cannot_set_it(
    cohort, site, coordinator, outside_coordinator, learner, client
):
    url = f"/en/cohorts/{cohort.public_id}/release/"
    for person in (outside_coordinator, learner):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(coordinator)
    late = cohort.ends_on + datetime.timedelta(days=1)
    refused = client.post(url, {f"on_{site['module'].pk}": late.isoformat()})
    assert refused.status_code == 400
    assert "A module cannot open after the edition ends." in refused.content.decode()
    assert not ModuleRelease.objects.exists()


def test_a_deadline_must_fall_within_the_edition_and_after_the_module_opens(
    cohort, site, coordinator, client
):
    url = f"/en/cohorts/{cohort.public_id}/release/"
    module = site["module"].pk
    client.force_login(coordinator)
    cases = [
        ({f"due_{module}": (cohort.ends_on + datetime.timedelta(days=1)).isoformat()},
         "A module cannot be due after the edition ends."),
        ({f"due_{module}": (cohort.starts_on - datetime.timedelta(days=1)).isoformat()},
         "A module cannot be due before the edition starts."),
        ({f"on_{module}": (cohort.starts_on + datetime.timedelta(days=9)).isoformat(),
          f"due_{module}": (cohort.starts_on + datetime.timedelta(days=5)).isoformat()},
         "A module cannot be due before it opens."),
    ]  # fmt: skip
    for data, error in cases:
        refused = client.post(url, data)
        assert refused.status_code == 400 and error in refused.content.decode()
    assert not ModuleRelease.objects.exists()

    due = cohort.starts_on + datetime.timedelta(days=20)
    assert client.post(url, {f"due_{module}": due.isoformat()}).status_code == 302
    release = ModuleRelease.objects.get(cohort=cohort)
    assert release.due_on == due and release.opens_on is None  # open from the start, due later


def test_statements_for_a_closed_modules_activity_are_refused_and_nothing_is_stored(
    cohort, site, enrolled, learner
):
    from cms.models import activity_iri
    from enrollments import progress
    from enrollments.errors import NotAllowed
    from enrollments.models import Statement
    from tests.factories import add_activity

    key = add_activity(site["lesson"])

    def answered() -> dict:
        import uuid

        return {
            "id": str(uuid.uuid4()),
            "actor": {"mbox": "mailto:someone@example.org"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
            "object": {"id": activity_iri(key), "objectType": "Activity"},
            "result": {"score": {"raw": 9, "max": 10, "scaled": 0.9}},
        }

    progress.record_statements(learner=learner, statements=answered())  # open: stored
    release = ModuleRelease.objects.create(
        cohort=cohort,
        module=site["module"],
        opens_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    with pytest.raises(NotAllowed) as refused:
        progress.record_statements(learner=learner, statements=answered())
    assert refused.value.code == "module_closed"
    assert Statement.objects.count() == 1

    release.delete()  # open again at once, in this process
    progress.record_statements(learner=learner, statements=answered())
    assert Statement.objects.count() == 2
