"""Learners join cohorts within the window, up to the seats, then on a waiting list."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from enrollments import services
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment
from tests.factories import UserFactory


def test_a_learner_enrols_in_an_open_cohort(learner, cohort):
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert enrollment.enrolled_at is not None


def test_enrolling_twice_changes_nothing(learner, cohort):
    first = services.enroll_learner(learner=learner, cohort=cohort)
    second = services.enroll_learner(learner=learner, cohort=cohort)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(learner=learner).count() == 1


def test_enrolment_outside_the_window_is_refused(learner, cohort):
    cohort.enrollment_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    cohort.enrollment_opens_at = timezone.now() - datetime.timedelta(days=2)
    cohort.save()
    with pytest.raises(NotAllowed) as refused:
        services.enroll_learner(learner=learner, cohort=cohort)
    assert refused.value.code == "enrollment_closed"
    assert not Enrollment.objects.exists()


def test_a_draft_cohort_takes_nobody(learner, cohort):
    cohort.status = "draft"
    cohort.save()
    with pytest.raises(NotAllowed):
        services.enroll_learner(learner=learner, cohort=cohort)


def test_the_enrolment_key_must_match(learner, cohort):
    cohort.enrollment_key = "ciudad2026"
    cohort.save()
    with pytest.raises(NotAllowed) as refused:
        services.enroll_learner(learner=learner, cohort=cohort, key="wrong")
    assert refused.value.code == "wrong_key"
    assert services.enroll_learner(learner=learner, cohort=cohort, key=" ciudad2026 ").pk


def test_a_member_staff_cohort_explains_who_may_not_join(learner, other_learner, cohort):
    cohort.visibility = "member_staff"
    cohort.save()
    learner.position = "elected"
    learner.save()
    assert services.enroll_learner(learner=learner, cohort=cohort).status == "active"

    outsider = UserFactory(member_city=None)
    with pytest.raises(NotAllowed, match="add your city to your profile") as refused:
        services.enroll_learner(learner=outsider, cohort=cohort)
    assert refused.value.code == "not_eligible"

    other_learner.position = "staff"
    other_learner.member_city.membership = "lapsed"
    other_learner.member_city.save()
    other_learner.save()
    with pytest.raises(NotAllowed, match="not an active member"):
        services.enroll_learner(learner=other_learner, cohort=cohort)


def test_an_invitation_only_cohort_refuses_self_enrolment(learner, cohort):
    cohort.visibility = "invitation"
    cohort.save()
    with pytest.raises(NotAllowed) as refused:
        services.enroll_learner(learner=learner, cohort=cohort)
    assert refused.value.code == "invitation_required"


def test_a_full_cohort_queues_learners_on_its_waiting_list(cohort):
    people = UserFactory.create_batch(4)
    statuses = [services.enroll_learner(learner=p, cohort=cohort).status for p in people]
    assert statuses == ["active", "active", "waitlisted", "waitlisted"]


def test_a_full_cohort_without_waiting_list_turns_new_learners_away(cohort):
    cohort.has_waiting_list = False
    cohort.save()
    for person in UserFactory.create_batch(2):
        services.enroll_learner(learner=person, cohort=cohort)
    with pytest.raises(Conflict) as refused:
        services.enroll_learner(learner=UserFactory(), cohort=cohort)
    assert refused.value.code == "cohort_full"


def test_a_freed_seat_goes_to_the_first_in_line_who_is_told_in_their_language(
    cohort, django_capture_on_commit_callbacks
):
    first, second = UserFactory.create_batch(2)
    waiting_fr = UserFactory(preferred_language="fr", email="premiere@lyon.example")
    waiting_later = UserFactory()
    for person in (first, second, waiting_fr, waiting_later):
        services.enroll_learner(learner=person, cohort=cohort)

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(enrollment=Enrollment.objects.get(learner=first), by=first)

    assert Enrollment.objects.get(learner=waiting_fr).status == "active"
    assert Enrollment.objects.get(learner=waiting_later).status == "waitlisted"
    assert [m.to for m in mail.outbox] == [["premiere@lyon.example"]]
    assert "Abril" in mail.outbox[0].subject
    assert "/fr/my-courses/" in mail.outbox[0].body


def test_withdrawing_twice_changes_nothing_and_a_learner_may_come_back(learner, cohort):
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    services.withdraw(enrollment=enrollment, by=learner)
    again = services.withdraw(enrollment=enrollment, by=learner)
    assert again.status == "withdrawn"
    back = services.enroll_learner(learner=learner, cohort=cohort)
    assert back.pk == enrollment.pk
    assert back.status == "active"
