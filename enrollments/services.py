"""Enrolment use cases: joining, the waiting list, withdrawing."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import Cohort
from enrollments import tasks
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment


def missing_prerequisites(*, learner: User, course_id: int) -> list[Any]:
    """The courses this one requires that the learner has not completed (one query)."""
    from django.db.models import Exists, OuterRef

    from courses.models import Course
    from enrollments.models import Enrollment

    done = Enrollment.objects.filter(
        learner=learner, status=Enrollment.Status.COMPLETED, cohort__course=OuterRef("pk")
    )
    return list(
        Course.objects.filter(required_by=course_id)
        .exclude(Exists(done))
        .prefetch_related("translations")
        .order_by("code")
    )


def check_eligibility(*, learner: User, cohort: Cohort) -> None:
    """Raises NotAllowed with the reason when `learner` may not join `cohort`."""
    if missing := missing_prerequisites(learner=learner, course_id=cohort.course_id):
        raise NotAllowed(
            _("Complete %(courses)s first: this course builds on it.")
            % {"courses": ", ".join(f"“{course}”" for course in missing)},
            code="prerequisite_missing",
        )
    if cohort.visibility == Cohort.Visibility.INVITATION:
        raise NotAllowed(_("This cohort is open by invitation only."), code="invitation_required")
    if cohort.visibility == Cohort.Visibility.MEMBER_STAFF:
        city = learner.member_city
        if city is None:
            raise NotAllowed(
                _("This cohort is for staff of member cities: add your city to your profile."),
                code="not_eligible",
            )
        if not city.is_active_member:
            raise NotAllowed(
                _("This cohort is for staff of member cities; %(city)s is not an active member.")
                % {"city": city},
                code="not_eligible",
            )
        if learner.position == User.Position.OTHER:
            raise NotAllowed(
                _("This cohort is for elected officials and municipal staff."),
                code="not_eligible",
            )


def enroll_learner(
    *,
    learner: User,
    cohort: Cohort,
    key: str = "",
    invited: bool = False,
    at: datetime.datetime | None = None,
) -> Enrollment:
    """Enrols `learner`, or queues them when the cohort is full. Asking twice changes nothing."""
    return enroll(learner=learner, cohort=cohort, key=key, invited=invited, at=at)[0]


@transaction.atomic
def enroll(
    *,
    learner: User,
    cohort: Cohort,
    key: str = "",
    invited: bool = False,
    at: datetime.datetime | None = None,
) -> tuple[Enrollment, bool]:
    """`enroll_learner`, also saying whether this call enrolled (or queued) them: True for
    exactly one of any number of simultaneous requests."""
    now = at or timezone.now()
    # The cohort row is the lock every enrolment in it takes: seats are counted under it.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    existing = Enrollment.objects.filter(cohort=cohort, learner=learner).first()
    if existing is not None and existing.status != Enrollment.Status.WITHDRAWN:
        return existing, False

    if not cohort.is_enrollment_open(at=now):
        raise NotAllowed(_("Enrolment in this cohort is closed."), code="enrollment_closed")
    if not invited:
        check_eligibility(learner=learner, cohort=cohort)
        if cohort.enrollment_key and key.strip() != cohort.enrollment_key:
            raise NotAllowed(_("The enrolment key is not right."), code="wrong_key")

    enrollment = existing or Enrollment(cohort=cohort, learner=learner)
    enrollment.withdrawn_at = None
    taken = Enrollment.objects.filter(cohort=cohort).active().count()
    if cohort.admission == Cohort.Admission.SELECTION and not invited:
        # An application: the organisers admit applicants together (enrollments.admission).
        enrollment.status = Enrollment.Status.WAITLISTED
        enrollment.waitlisted_at = now
    elif cohort.capacity is None or taken < cohort.capacity:
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.enrolled_at = now
    elif cohort.has_waiting_list:
        enrollment.status = Enrollment.Status.WAITLISTED
        enrollment.waitlisted_at = now
    else:
        raise Conflict(_("This cohort is full."), code="cohort_full")
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        # A concurrent request for the same learner won: theirs is the enrolment.
        return Enrollment.objects.get(cohort=cohort, learner=learner), False
    return enrollment, True


@transaction.atomic
def withdraw(
    *, enrollment: Enrollment, by: User, at: datetime.datetime | None = None
) -> Enrollment:
    """Withdraws the learner; a freed seat goes to the first in line."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return enrollment
    if enrollment.status == Enrollment.Status.COMPLETED:
        raise Conflict(_("A completed enrolment cannot be withdrawn."), code="enrollment_completed")
    freed_a_seat = enrollment.holds_a_seat
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.withdrawn_at = at or timezone.now()
    enrollment.save(update_fields=["status", "withdrawn_at"])
    if freed_a_seat:
        promote_from_waiting_list(cohort=enrollment.cohort)
    return enrollment


@transaction.atomic
def admit(*, enrollment: Enrollment, by: User, add_seat: bool = False) -> Enrollment:
    """A coordinator gives a waiting learner a seat, out of turn: a free one, or, with
    `add_seat`, one more than the edition had (free seats go to the first in line by
    themselves, so choosing who gets in usually means adding the seat for them)."""
    cohort = Cohort.objects.select_for_update().get(pk=enrollment.cohort_id)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status != Enrollment.Status.WAITLISTED:
        if enrollment.holds_a_seat:
            return enrollment  # admitted already: a repeated click changes nothing
        raise Conflict(
            _("Only someone on the waiting list can be given a seat."), code="not_waitlisted"
        )
    taken = Enrollment.objects.filter(cohort=cohort).active().count()
    if cohort.capacity is not None and taken >= cohort.capacity:
        if not add_seat:
            raise Conflict(
                _("Every seat is taken: add a seat for this person, or withdraw someone."),
                code="cohort_full",
            )
        # update(), not save(): the seat is this person's, not the waiting list's.
        Cohort.objects.filter(pk=cohort.pk).update(capacity=taken + 1)
    enrollment.status = Enrollment.Status.ACTIVE
    enrollment.enrolled_at = timezone.now()
    enrollment.save(update_fields=["status", "enrolled_at"])
    tasks.send_seat_offered_email.delay_on_commit(enrollment.pk)
    return enrollment


@transaction.atomic
def promote_from_waiting_list(*, cohort: Cohort) -> list[Enrollment]:
    """Fills free seats from the waiting list and tells each learner: first come first served,
    or, for admission by application, by the balance rule of `enrollments.admission`."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    queue = Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.WAITLISTED)
    if cohort.admission == Cohort.Admission.SELECTION:
        if cohort.selection_done_at is None:
            return []  # the organisers have not admitted anyone yet: seats wait for them
        from enrollments.admission import promote_by_rule

        chosen = promote_by_rule(cohort=cohort)
        queue = queue.filter(pk__in=chosen)
    if cohort.capacity is None:
        free = queue.count()
    else:
        free = max(cohort.capacity - Enrollment.objects.filter(cohort=cohort).active().count(), 0)
    promoted = list(queue.order_by("waitlisted_at", "pk")[:free])
    now = timezone.now()
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.enrolled_at = now
        enrollment.save(update_fields=["status", "enrolled_at"])
        tasks.send_seat_offered_email.delay_on_commit(enrollment.pk)
    return promoted
