"""Coordinators create and change editions from a page: dates in their own time zone, seats,
trainers and the completion rule with optional lessons, refused clearly when wrong, once
however often the form is sent, and only for their own delegations."""

from __future__ import annotations

import datetime

import pytest

from courses.models import Cohort
from enrollments import progress, services
from enrollments.models import Enrollment, OptionalLesson
from tests.factories import DelegationFactory


def form_data(site, delegation, **changes) -> dict:
    data = {
        "title": "Edición de otoño",
        "course": site["course"].course.pk,
        "delegation": delegation.pk,
        "language": "es",
        "status": "open",
        "visibility": "public",
        "starts_on": "2027-03-01",
        "ends_on": "2027-04-30",
        "enrollment_opens_at": "2027-01-10T09:00",
        "enrollment_closes_at": "2027-02-28T18:00",
        "capacity": "30",
        "has_waiting_list": "on",
        "score_policy": "best",
        "creation_key": "f" * 32,
    }
    data.update(changes)
    return data


def test_a_coordinator_creates_an_edition_once_with_times_in_their_time_zone(
    site, coordinator, signed_in
):
    coordinator.time_zone = "America/Argentina/Buenos_Aires"
    coordinator.save()
    client = signed_in(coordinator)
    assert client.get("/es/editions/new/").status_code == 200
    data = form_data(site, coordinator.coordinated_delegations.first())
    first = client.post("/es/editions/new/", data)
    again = client.post("/es/editions/new/", data)  # the same form sent twice
    cohort = Cohort.objects.get(title="Edición de otoño")
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/es/cohorts/{cohort.public_id}/roster/"
    # 09:00 in Buenos Aires (UTC-3) is 12:00 UTC.
    assert cohort.enrollment_opens_at == datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.UTC)
    assert cohort.created_by == coordinator and cohort.capacity == 30


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": "2027-02-01"}, "ends_on", "Una edición no puede terminar antes de comenzar."),
        ({"enrollment_closes_at": "2027-01-01T09:00"}, "enrollment_closes_at", "cerrarse"),
        ({"min_score": "140"}, "min_score", "100"),
        ({"title": ""}, "title", "Este campo es necesario."),
    ],
)
def test_wrong_values_are_refused_field_by_field_and_nothing_is_saved(
    site, coordinator, signed_in, changes, field, message
):
    response = signed_in(coordinator).post(
        "/es/editions/new/", form_data(site, coordinator.coordinated_delegations.first(), **changes)
    )
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Cohort.objects.filter(title="Edición de otoño").exists()


def test_no_edition_for_another_delegation_and_no_form_for_learners(
    site, coordinator, learner, signed_in
):
    elsewhere = DelegationFactory()
    response = signed_in(coordinator).post("/es/editions/new/", form_data(site, elsewhere))
    assert response.status_code == 400 and "delegation" in response.context["form"].errors
    assert signed_in(learner).get("/es/editions/new/").status_code == 403
    assert not Cohort.objects.filter(title="Edición de otoño").exists()


def test_making_a_lesson_optional_completes_those_who_did_the_rest(
    site, cohort, coordinator, learner, signed_in, django_capture_on_commit_callbacks
):
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    client = signed_in(coordinator)
    page = client.get(f"/es/cohorts/{cohort.public_id}/edit/").content.decode()
    assert "Lección 2" in page  # the course's lessons, to choose the optional ones
    data = form_data(
        site,
        cohort.delegation,
        title=cohort.title,
        starts_on=cohort.starts_on.isoformat(),
        ends_on=cohort.ends_on.isoformat(),
        optional_lessons=[str(site["lesson2"].pk)],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/es/cohorts/{cohort.public_id}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(OptionalLesson.objects.filter(cohort=cohort).values_list("lesson", flat=True)) == [
        site["lesson2"].pk
    ]
    assert Enrollment.objects.get(pk=enrollment.pk).status == "completed"

    # Not every lesson can be optional: nobody could complete the edition.
    data["optional_lessons"] = [str(site["lesson"].pk), str(site["lesson2"].pk)]
    refused = client.post(f"/es/cohorts/{cohort.public_id}/edit/", data)
    assert refused.status_code == 400
    assert "optional_lessons" in refused.context["form"].errors


def test_only_the_editions_coordinators_may_change_it(
    cohort, outside_coordinator, trainer, signed_in
):
    cohort.trainers.add(trainer)
    for person in (outside_coordinator, trainer):
        client = signed_in(person)
        assert client.get(f"/es/cohorts/{cohort.public_id}/edit/").status_code == 404
        assert (
            client.post(f"/es/cohorts/{cohort.public_id}/edit/", {"title": "X"}).status_code == 404
        )
    assert Cohort.objects.get(pk=cohort.pk).title == "Abril"
