"""The enrolment API: who may enrol, see, withdraw and complete — and who may not."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection

from cms.models import activity_iri
from courses.models import Cohort
from enrollments import services
from enrollments.models import Enrollment, Statement
from tests.factories import CohortFactory, UserFactory, add_activity
from tests.shared import csv_text


def test_anyone_lists_public_cohorts_but_not_drafts_or_invitation_only(client, cohort, site):
    CohortFactory(course=cohort.course, status="draft", title="Borrador")
    CohortFactory(course=cohort.course, visibility="invitation", title="Privada")
    response = client.get("/api/v1/cohorts/")
    assert response.status_code == 200
    assert [c["title"] for c in response.json()["results"]] == ["Abril"]
    assert response.json()["results"][0]["seats_taken"] == 0


def test_a_coordinator_also_sees_the_drafts_of_their_delegation_only(
    signed_in, coordinator, cohort, outside_coordinator
):
    CohortFactory(course=cohort.course, delegation=cohort.delegation, status="draft", title="Mía")
    CohortFactory(course=cohort.course, status="draft", title="Ajena")
    titles = {c["title"] for c in signed_in(coordinator).get("/api/v1/cohorts/").json()["results"]}
    assert titles == {"Abril", "Mía"}


def test_a_learner_enrols_through_the_api_and_a_retry_changes_nothing(signed_in, learner, cohort):
    client = signed_in(learner)
    url = f"/api/v1/cohorts/{cohort.public_id}/enroll/"
    first = client.post(url, {}, content_type="application/json")
    assert first.status_code == 201
    assert first.json()["status"] == "active"
    assert first.json()["required_lessons"] == 2
    retry = client.post(url, {}, content_type="application/json")
    assert retry.status_code == 200
    assert retry.json()["id"] == first.json()["id"]


def test_refusals_come_with_a_code_and_a_translated_message(signed_in, learner, cohort):
    cohort.enrollment_key = "clave"
    cohort.save()
    client = signed_in(learner)
    response = client.post(
        f"/api/v1/cohorts/{cohort.public_id}/enroll/",
        {"key": "mala"},
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "wrong_key"
    assert response.json()["detail"] == "The enrolment key is not right."


def test_anonymous_visitors_cannot_enrol(client, cohort):
    response = client.post(f"/api/v1/cohorts/{cohort.public_id}/enroll/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert not Enrollment.objects.exists()


def test_a_learner_sees_only_their_own_enrolments(signed_in, learner, other_learner, cohort):
    mine = services.enroll_learner(learner=learner, cohort=cohort)
    theirs = services.enroll_learner(learner=other_learner, cohort=cohort)
    client = signed_in(learner)
    listed = client.get("/api/v1/enrollments/").json()["results"]
    assert [e["id"] for e in listed] == [str(mine.public_id)]
    assert client.get(f"/api/v1/enrollments/{theirs.public_id}/").status_code == 404
    assert client.post(f"/api/v1/enrollments/{theirs.public_id}/withdraw/").status_code == 404
    assert Enrollment.objects.get(pk=theirs.pk).status == "active"


def test_a_learner_withdraws_and_cannot_complete_themself(signed_in, learner, cohort):
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    client = signed_in(learner)
    denied = client.post(
        f"/api/v1/enrollments/{enrollment.public_id}/complete/",
        {"reason": "porque sí"},
        content_type="application/json",
    )
    assert denied.status_code == 403
    response = client.post(f"/api/v1/enrollments/{enrollment.public_id}/withdraw/")
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"


def test_the_roster_is_for_the_cohorts_trainers_and_coordinators_only(
    signed_in, client, learner, other_learner, trainer, coordinator, outside_coordinator, cohort
):
    services.enroll_learner(learner=learner, cohort=cohort)
    url = f"/api/v1/cohorts/{cohort.public_id}/roster/"
    assert client.get(url).status_code == 401
    for person in (learner, other_learner, trainer, outside_coordinator):
        assert signed_in(person).get(url).status_code == 403, person
        client.logout()
    cohort.trainers.add(trainer)
    for person in (trainer, coordinator):
        rows = signed_in(person).get(url).json()["results"]
        assert [row["email"] for row in rows] == [learner.email]
        client.logout()


def test_the_roster_filters_and_exports_csv(signed_in, coordinator, learner, other_learner, cohort):
    services.enroll_learner(learner=learner, cohort=cohort)
    services.enroll_learner(learner=other_learner, cohort=cohort)
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{cohort.public_id}/roster/"
    country = learner.member_city.country.iso_code
    rows = client.get(url, {"country": country}).json()["results"]
    assert [row["email"] for row in rows] == [learner.email]
    # Searching by part of a name or an address, on the API and the roster page alike.
    assert [r["email"] for r in client.get(url, {"q": "utiérr"}).json()["results"]] == [
        learner.email
    ]
    assert [r["email"] for r in client.get(url, {"q": "lyon.ex"}).json()["results"]] == [
        other_learner.email
    ]
    page = client.get(f"/es/cohorts/{cohort.public_id}/roster/", {"q": "luc@"}).content.decode()
    assert other_learner.email in page and learner.email not in page
    export = client.get(url, {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = csv_text(export).splitlines()
    assert lines[0].startswith("id,learner,email,city,country,position,status")
    assert len(lines) == 3


def test_the_roster_costs_the_same_queries_for_10_or_1000_learners(
    signed_in, coordinator, cohort, django_assert_max_num_queries
):
    from django.test.utils import CaptureQueriesContext

    cohort.capacity = None
    cohort.save()
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{cohort.public_id}/roster/"

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for person in UserFactory.create_batch(10):
        services.enroll_learner(learner=person, cohort=cohort)
    ten = cost()
    from tests.enrollments.test_progress_and_statements import bulk_enroll

    bulk_enroll(cohort, 990)
    assert cost() == ten


def test_my_enrolments_cost_the_same_queries_for_2_or_12_cohorts_and_5_or_200_lessons(
    signed_in, learner, site
):
    from django.test.utils import CaptureQueriesContext

    from cms.models import LessonPage

    client = signed_in(learner)

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v1/enrollments/")
        return len(queries)

    for _ in range(2):
        services.enroll_learner(learner=learner, cohort=CohortFactory(course=site["course"].course))
    two = cost()
    for _ in range(10):
        services.enroll_learner(learner=learner, cohort=CohortFactory(course=site["course"].course))
    for n in range(195):
        site["module"].add_child(
            instance=LessonPage(title=f"Extra {n}", slug=f"extra-{n}")
        ).save_revision().publish()
    assert cost() == two
    page = client.get("/es/my-courses/")
    assert page.status_code == 200


def test_statements_are_posted_as_xapi_and_a_conflict_is_a_409(signed_in, learner, cohort, site):
    services.enroll_learner(learner=learner, cohort=cohort)
    key = add_activity(site["lesson"])
    client = signed_in(learner)
    sent = {
        "id": str(uuid.uuid4()),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": activity_iri(key)},
        "result": {"score": {"raw": 3, "max": 4}},
    }
    assert client.post("/api/v1/xapi/statements", sent, content_type="application/json").json() == [
        sent["id"]
    ]
    assert (
        client.post("/api/v1/xapi/statements", [sent], content_type="application/json").status_code
        == 200
    )
    changed = {**sent, "result": {"score": {"raw": 4, "max": 4}}}
    conflict = client.post("/api/v1/xapi/statements", changed, content_type="application/json")
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "statement_conflict"
    assert Statement.objects.count() == 1


def test_anonymous_statements_are_refused(client, cohort):
    response = client.post("/api/v1/xapi/statements", {}, content_type="application/json")
    assert response.status_code == 401


def test_a_learner_marks_a_lesson_done_through_the_api(
    signed_in, learner, other_learner, cohort, site
):
    services.enroll_learner(learner=learner, cohort=cohort)
    url = f"/api/v1/lessons/{site['lesson'].translation_key}/done/"
    response = signed_in(learner).post(url)
    assert response.status_code == 200
    assert response.json()[0]["completed_lessons"] == 1
    refused = signed_in(other_learner).post(url)
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_enrolled"


def cohort_payload(cohort, **changes) -> dict:
    return {
        "title": "Edición de junio",
        "course": cohort.course.code,
        "delegation": cohort.delegation.code,
        "language": "es",
        "starts_on": "2027-06-01",
        "ends_on": "2027-07-31",
        "enrollment_opens_at": "2027-05-01T00:00:00Z",
        "enrollment_closes_at": "2027-06-10T00:00:00Z",
        "capacity": 60,
        "status": "draft",
        **changes,
    }


def test_a_coordinator_creates_and_changes_a_cohort_of_their_delegation(
    signed_in, coordinator, trainer, cohort
):
    client = signed_in(coordinator)
    response = client.post(
        "/api/v1/cohorts/",
        cohort_payload(cohort, trainers=[trainer.email]),
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["title"], created["capacity"], created["status"]) == (
        "Edición de junio",
        60,
        "draft",
    )
    changed = client.patch(
        f"/api/v1/cohorts/{created['id']}/", {"status": "open"}, content_type="application/json"
    )
    assert changed.status_code == 200
    assert changed.json()["status"] == "open"


def test_a_cohort_that_ends_before_it_starts_is_refused(signed_in, coordinator, cohort):
    response = signed_in(coordinator).post(
        "/api/v1/cohorts/",
        cohort_payload(cohort, ends_on="2027-05-01"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ends_on"
    assert response.json()["detail"] == "A cohort cannot end before it starts."


def test_others_cannot_create_or_change_a_delegations_cohorts(
    signed_in, client, learner, trainer, outside_coordinator, cohort
):
    for person in (learner, trainer, outside_coordinator):
        c = signed_in(person)
        assert (
            c.post(
                "/api/v1/cohorts/", cohort_payload(cohort), content_type="application/json"
            ).status_code
            == 403
        )
        assert (
            c.patch(
                f"/api/v1/cohorts/{cohort.public_id}/",
                {"capacity": 1},
                content_type="application/json",
            ).status_code
            == 403
        )
        client.logout()
    assert (
        client.post(
            "/api/v1/cohorts/", cohort_payload(cohort), content_type="application/json"
        ).status_code
        == 401
    )
    cohort.refresh_from_db()
    assert cohort.capacity == 2


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        ({"starts_on": "1267-06-01"}, "starts_on", "Give a date from 2000 to"),
        ({"ends_on": "9999-12-31"}, "ends_on", "Give a date from 2000 to"),
        ({"enrollment_opens_at": "1267-05-01T00:00:00Z"}, "enrollment_opens_at", "from 2000"),
        ({"title": "Informe \u202egpj.exe"}, "title", "change the direction of the text"),
    ],
)
def test_implausible_cohorts_are_refused(signed_in, coordinator, cohort, changes, field, said):
    response = signed_in(coordinator).post(
        "/api/v1/cohorts/", cohort_payload(cohort, **changes), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field
    assert said in response.json()["detail"]
    assert Cohort.objects.count() == 1


def test_a_cohort_created_twice_with_one_idempotency_key_is_created_once(
    signed_in, coordinator, cohort
):
    client = signed_in(coordinator)
    key = {"HTTP_IDEMPOTENCY_KEY": "june-edition-1"}
    payload = cohort_payload(cohort)
    first = client.post("/api/v1/cohorts/", payload, content_type="application/json", **key)
    again = client.post("/api/v1/cohorts/", payload, content_type="application/json", **key)
    other = client.post(
        "/api/v1/cohorts/",
        {**payload, "title": "Otra"},
        content_type="application/json",
        **key,
    )
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 409)
    assert again.json()["id"] == first.json()["id"]
    assert other.json()["code"] == "idempotency_key_reused"
    assert Cohort.objects.count() == 2  # the fixture's and this one
    too_long = client.post(
        "/api/v1/cohorts/",
        payload,
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k" * 65,
    )
    assert too_long.status_code == 400
    assert too_long.json()["errors"][0]["field"] == "Idempotency-Key"


def test_a_reason_for_completing_by_hand_has_a_size_limit(signed_in, coordinator, learner, cohort):
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    response = signed_in(coordinator).post(
        f"/api/v1/enrollments/{enrollment.public_id}/complete/",
        {"reason": "x" * 1_000_000},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"
    enrollment.refresh_from_db()
    assert enrollment.status == "active"


def test_completing_before_the_edition_starts_needs_force_and_a_reason(
    signed_in, coordinator, learner, cohort
):
    import datetime

    from django.utils import timezone

    cohort.starts_on = timezone.localdate() + datetime.timedelta(days=10)
    cohort.ends_on = cohort.starts_on + datetime.timedelta(days=30)
    cohort.save()
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    client = signed_in(coordinator)
    url = f"/api/v1/enrollments/{enrollment.public_id}/complete/"

    refused = client.post(url, {"reason": "Ya lo hizo"}, content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "before_start"
    enrollment.refresh_from_db()
    assert enrollment.status == "active"

    forced = client.post(
        url,
        {"reason": "Recognised from the 2025 edition", "force": True},
        content_type="application/json",
    )
    assert forced.status_code == 200
    assert forced.json()["status"] == "completed"
