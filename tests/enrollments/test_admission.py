"""Balanced admission: the rule itself, and a cohort's applicants admitted with it."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Cohort
from enrollments import admission, services
from enrollments.admission import MEN, OTHER, WOMEN, Applicant, Seats, select
from enrollments.errors import Conflict
from enrollments.models import Enrollment
from tests.factories import CohortFactory, CountryFactory, MemberCityFactory, UserFactory

START = datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)


def people(*specs: tuple[str, str, str]) -> list[Applicant]:
    """(gender, country, city) in order of application."""
    return [
        Applicant(
            enrollment_id=n,
            applied_at=START + datetime.timedelta(minutes=n),
            gender=gender,
            country=country,
            city=city,
        )
        for n, (gender, country, city) in enumerate(specs, start=1)
    ]


def test_women_and_men_alternate_even_when_one_group_applied_first():
    applicants = people(*[(MEN, "AR", "")] * 6, *[(WOMEN, "AR", "")] * 6)
    chosen = select(applicants, free=4, seats=4).admitted
    assert [a.gender for a in chosen] == [MEN, WOMEN, MEN, WOMEN]
    # Within each group, the order of application.
    assert [a.enrollment_id for a in chosen] == [1, 7, 2, 8]


def test_people_who_did_not_answer_keep_their_place_and_are_never_counted_as_either():
    applicants = people((OTHER, "", ""), (MEN, "", ""), (MEN, "", ""), (WOMEN, "", ""))
    chosen = select(applicants, free=3, seats=3).admitted
    assert [a.enrollment_id for a in chosen] == [1, 2, 4]


def test_the_balance_counts_who_already_holds_a_seat():
    applicants = people((WOMEN, "", ""), (MEN, "", ""), (MEN, "", ""))
    held = Seats()
    held.genders[WOMEN] = 3
    chosen = select(applicants, free=2, seats=5, held=held).admitted
    assert [a.gender for a in chosen] == [MEN, MEN]


def test_no_country_takes_more_than_its_share_and_the_empty_seats_are_explained():
    applicants = people(*[(WOMEN, "Argentina", "")] * 8, (MEN, "Uruguay", ""))
    selection = select(applicants, free=10, seats=10, max_country_share=30)
    assert [a.country for a in selection.admitted].count("Argentina") == 3
    assert selection.unfilled == 6
    reasons = admission.explain(selection)
    assert reasons == [
        "6 seats stay empty: the remaining applicants come from countries that already have "
        "their share of 3 people (Argentina)."
    ]


def test_no_member_city_takes_more_than_its_number():
    applicants = people(*[(WOMEN, "Argentina", "Rosario")] * 5, (MEN, "Argentina", "Córdoba"))
    selection = select(applicants, free=5, seats=5, max_per_city=2)
    assert [a.city for a in selection.admitted] == ["Rosario", "Córdoba", "Rosario"]
    assert {rule for _a, rule in selection.kept_out} == {"city"}


def test_a_tiny_activity_still_admits_one_person_per_country():
    applicants = people((WOMEN, "Chile", ""), (MEN, "Chile", ""))
    assert len(select(applicants, free=2, seats=2, max_country_share=30).admitted) == 1


# A cohort's applicants ---------------------------------------------------------------------


@pytest.fixture
def activity(db, city):
    return CohortFactory(
        delegation=city.delegation,
        capacity=4,
        admission=Cohort.Admission.SELECTION,
        max_country_share=50,
        title="Café virtual",
    )


def apply(cohort: Cohort, *, gender: str, city=None, language: str = "es") -> Enrollment:
    person = UserFactory(
        gender=gender,
        gender_consent_at=timezone.now() if gender else None,
        member_city=city,
        preferred_language=language,
    )
    return services.enroll_learner(learner=person, cohort=cohort)


def test_people_apply_instead_of_taking_a_seat_and_applying_twice_changes_nothing(activity):
    person = UserFactory()
    first = services.enroll_learner(learner=person, cohort=activity)
    again = services.enroll_learner(learner=person, cohort=activity)
    assert first.status == again.status == Enrollment.Status.WAITLISTED
    assert Enrollment.objects.filter(cohort=activity).count() == 1


def test_the_organiser_admits_the_proposed_list_and_everyone_is_told_in_their_language(
    activity, coordinator, city, django_capture_on_commit_callbacks
):
    other_country = MemberCityFactory(name="Montevideo")
    applied = [
        apply(activity, gender="man", city=city, language="pt"),
        apply(activity, gender="man", city=city),
        apply(activity, gender="man", city=city),
        apply(activity, gender="woman", city=other_country, language="fr"),
        apply(activity, gender="woman", city=other_country),
        apply(activity, gender="woman", city=city),
    ]
    plan = admission.plan_for(activity)
    chosen = [a.enrollment_id for a in plan.selection.admitted]
    assert chosen == [applied[0].pk, applied[3].pk, applied[1].pk, applied[4].pk]
    with django_capture_on_commit_callbacks(execute=True):
        admission.confirm(cohort=activity, enrollment_ids=chosen, by=coordinator)
    assert set(
        Enrollment.objects.filter(cohort=activity).active().values_list("pk", flat=True)
    ) == set(chosen)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[applied[0].learner.email].startswith("Foi admitido")
    assert subjects[applied[3].learner.email].startswith("Vous êtes admis")
    assert subjects[applied[2].learner.email].startswith("Estás en la lista de espera")
    # Sent again (a double click, a retried request): nobody is admitted or told twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert admission.confirm(cohort=activity, enrollment_ids=chosen, by=coordinator) == []
    assert mail.outbox == []


def test_more_people_than_seats_is_refused_and_nothing_changes(activity, coordinator, city):
    applied = [apply(activity, gender="", city=city) for _ in range(5)]
    with pytest.raises(Conflict, match="Only 4 seats are free and 5 people were chosen"):
        admission.confirm(cohort=activity, enrollment_ids=[e.pk for e in applied], by=coordinator)
    assert not Enrollment.objects.filter(cohort=activity).active().exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_organisers_confirming_at_once_never_fill_more_than_the_seats(city):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    cohort = CohortFactory(
        delegation=city.delegation, capacity=3, admission=Cohort.Admission.SELECTION
    )
    organisers = [UserFactory(), UserFactory()]
    applied = [apply(cohort, gender="", city=city) for _ in range(6)]
    lists = [[e.pk for e in applied[:3]], [e.pk for e in applied[3:]]]
    outcomes: list[str] = []

    def run(ids: list[int], by) -> None:
        try:
            admission.confirm(cohort=cohort, enrollment_ids=ids, by=by)
            outcomes.append("admitted")
        except Conflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(ids, by))
        for ids, by in zip(lists, organisers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["admitted", "refused"]
    assert Enrollment.objects.filter(cohort=cohort).active().count() == 3


def test_a_freed_seat_goes_to_the_waiting_list_by_the_same_rule(activity, coordinator, city):
    # Four seats, at most 50 % (2) from one country.
    elsewhere, further = MemberCityFactory(), MemberCityFactory()
    men = [apply(activity, gender="man", city=city) for _ in range(3)]
    women = [apply(activity, gender="woman", city=elsewhere) for _ in range(2)]
    latest = apply(activity, gender="woman", city=further)
    admission.confirm(
        cohort=activity,
        enrollment_ids=[men[0].pk, women[0].pk, men[1].pk, women[1].pk],
        by=coordinator,
    )
    # A seat frees: it goes to the last applicant, because the man who applied before her is
    # from a country that has its two seats already.
    services.withdraw(enrollment=women[0], by=women[0].learner)
    latest.refresh_from_db()
    men[2].refresh_from_db()
    assert latest.status == Enrollment.Status.ACTIVE
    assert men[2].status == Enrollment.Status.WAITLISTED


def test_seats_wait_for_the_organisers_before_the_first_admission(activity):
    applied = apply(activity, gender="woman")
    activity.capacity = 10
    activity.save()
    applied.refresh_from_db()
    assert applied.status == Enrollment.Status.WAITLISTED


def test_the_proposal_reads_any_number_of_applicants_in_the_same_queries(activity):
    countries = [CountryFactory() for _ in range(3)]
    for n in range(3):
        apply(activity, gender="woman", city=MemberCityFactory(country=countries[n]))
    with CaptureQueriesContext(connection) as few:
        admission.plan_for(activity)
    for n in range(12):
        apply(activity, gender="man", city=MemberCityFactory(country=countries[n % 3]))
    with CaptureQueriesContext(connection) as many:
        admission.plan_for(activity)
    assert len(many) == len(few)


def test_an_edition_with_a_waiting_list_can_choose_balanced_admission_but_not_without_seats(
    cohort, coordinator, signed_in
):
    client = signed_in(coordinator)
    url = f"/api/v1/cohorts/{cohort.public_id}/"
    refused = client.patch(
        url, {"admission": "selection", "capacity": None}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Admission by application needs a number of seats."
    assert refused.json()["errors"][0]["field"] == "capacity"
    chosen = client.patch(
        url,
        {"admission": "selection", "max_country_share": 30, "max_per_city": 3},
        content_type="application/json",
    )
    assert chosen.status_code == 200
    assert chosen.json()["admission"] == "selection"
    assert client.get(f"/en/cohorts/{cohort.public_id}/admission/").status_code == 200


def test_closing_the_waiting_list_tells_the_others_once_that_they_were_not_admitted(
    activity, coordinator, city, django_capture_on_commit_callbacks
):
    applied = [
        apply(activity, gender="", city=MemberCityFactory(), language="ca") for _ in range(6)
    ]
    with pytest.raises(Conflict, match="Admit people first"):
        admission.close_waiting_list(cohort=activity, by=coordinator)
    admission.confirm(cohort=activity, enrollment_ids=[e.pk for e in applied[:4]], by=coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert admission.close_waiting_list(cohort=activity, by=coordinator) == 2
        assert admission.close_waiting_list(cohort=activity, by=coordinator) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.learner.email for e in applied[4:])
    assert mail.outbox[0].subject.startswith("La teva candidatura a")
    assert not Enrollment.objects.filter(cohort=activity, status="waitlisted").exists()
