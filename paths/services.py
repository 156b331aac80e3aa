"""Learning paths: defining one, enrolling people, and moving each along as editions open
and courses are completed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import Delegation, User
from certificates.models import Certificate
from courses.models import Cohort, Course
from enrollments import services as enrolling
from enrollments.errors import NotAllowed
from enrollments.models import Enrollment
from paths import certificates as path_certificates
from paths.models import LearningPath, PathEnrollment, PathStep

MAX_STEPS = 8


def can_manage(user: Any, path: LearningPath) -> bool:
    return access.can_manage_delegation(user, path.delegation)


def order_problem(courses: list[Course]) -> str:
    """Why this order cannot be followed: a course placed before one it requires."""
    later: set[int] = set()
    for index in range(len(courses) - 1, -1, -1):
        course = courses[index]
        required = {c.pk for c in course.prerequisites.all()}
        if clash := required & later:
            other = next(c for c in courses if c.pk in clash)
            return _("“%(course)s” requires “%(other)s”, which comes after it in the path.") % {
                "course": course,
                "other": other,
            }
        later.add(course.pk)
    return ""


@transaction.atomic
def save_path(
    *,
    by: User,
    delegation: Delegation,
    title: str,
    courses: list[Course],
    enforce_order: bool = True,
    open_to_join: bool = False,
    description: str = "",
    title_translations: dict[str, str] | None = None,
    description_translations: dict[str, str] | None = None,
    path: LearningPath | None = None,
    key: str = "",
) -> LearningPath:
    """Creates (or, given `path`, changes) a path; the same creation `key` again returns the
    first path."""
    if not access.can_manage_delegation(by, delegation):
        raise NotAllowed(_("Only the delegation's coordinators define its paths."))
    if path is None and key:
        earlier = LearningPath.objects.filter(created_by=by, creation_key=key).first()
        if earlier is not None:
            return earlier
    errors: dict[str, ValidationError] = {}
    if not title.strip():
        errors["title"] = ValidationError(_("Give the path a title."), code="required")
    if not courses:
        errors["courses"] = ValidationError(_("Choose the path's courses."), code="required")
    elif len({c.pk for c in courses}) != len(courses):
        errors["courses"] = ValidationError(
            _("A course can be in a path only once."), code="duplicate"
        )
    elif len(courses) > MAX_STEPS:
        errors["courses"] = ValidationError(
            _("A path has at most %(count)d courses.") % {"count": MAX_STEPS}, code="too_many"
        )
    elif problem := order_problem(courses):
        errors["courses"] = ValidationError(problem, code="prerequisite_order")
    if errors:
        raise ValidationError(errors)
    if path is None:
        path = LearningPath(delegation=delegation, created_by=by, creation_key=key)
    path.title = title.strip()
    path.description = description.strip()
    path.title_translations = title_translations or {}
    path.description_translations = description_translations or {}
    path.enforce_order = enforce_order
    path.open_to_join = open_to_join
    path.save()
    PathStep.objects.filter(path=path).delete()
    PathStep.objects.bulk_create(
        [PathStep(path=path, course=course, position=n) for n, course in enumerate(courses, 1)]
    )
    return path


def current_edition(
    course_id: int, delegation_id: int, learner: User, at: datetime.datetime
) -> Cohort | None:
    """The delegation's edition of the course open for enrolment now, the soonest to start,
    that the learner has not left."""
    return next(iter(current_editions(course_id, delegation_id, learner, at)), None)


def current_editions(
    course_id: int, delegation_id: int, learner: User, at: datetime.datetime, *, limit: int = 1
) -> list[Cohort]:
    """`current_edition`, and the next ones (`limit`) to try when it does not take them."""
    return list(
        Cohort.objects.open_for_enrollment(at=at)
        .filter(course_id=course_id, delegation_id=delegation_id)
        .exclude(enrollments__learner=learner)
        .order_by("starts_on", "pk")[:limit]
    )


@dataclass
class Step:
    course: Course
    position: int
    state: str  # done, current, waiting (no edition open yet), later (after an earlier one)
    enrollment: Enrollment | None


RANK: dict[str, int] = {
    Enrollment.Status.COMPLETED: 3,
    Enrollment.Status.ACTIVE: 2,
    Enrollment.Status.WAITLISTED: 1,
}


def _held(learner_id: int, course_ids: set[int]) -> dict[int, Enrollment]:
    """The learner's furthest enrolment in each of these courses (completed, active, waiting)."""
    return _held_by_learner({learner_id}, course_ids).get(learner_id, {})


def _held_by_learner(
    learner_ids: set[int], course_ids: set[int]
) -> dict[int, dict[int, Enrollment]]:
    """`_held` for many learners at once, in one query."""
    mine: dict[int, dict[int, Enrollment]] = {}
    for held in (
        Enrollment.objects.filter(learner_id__in=learner_ids, cohort__course__in=course_ids)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort")
    ):
        theirs = mine.setdefault(held.learner_id, {})
        course = held.cohort.course_id
        if course not in theirs or RANK[held.status] > RANK[theirs[course].status]:
            theirs[course] = held
    return mine


def people_on(path: LearningPath, *, limit: int = 200) -> list[tuple[PathEnrollment, list[Step]]]:
    """The path's people (by name) with where each is and their path certificates, newest
    first: four queries however many people."""
    steps = list(PathStep.objects.filter(path=path).select_related("course").order_by("position"))
    entries = list(
        PathEnrollment.objects.filter(path=path)
        .select_related("learner")
        .prefetch_related(
            Prefetch("certificates", queryset=Certificate.objects.order_by("-created_at", "-pk"))
        )
        .order_by("learner__last_name", "learner__email")[:limit]
    )
    held = _held_by_learner({e.learner_id for e in entries}, {s.course_id for s in steps})
    return [(entry, _steps(path, steps, held.get(entry.learner_id, {}))) for entry in entries]


def standings(learner_id: int) -> list[tuple[PathEnrollment, list[Step]]]:
    """Every path the learner is on, with `standing` for each, and its certificates newest
    first: four queries in all."""
    entries = list(
        PathEnrollment.objects.filter(learner_id=learner_id)
        .select_related("path")
        .prefetch_related(
            Prefetch("certificates", queryset=Certificate.objects.order_by("-created_at", "-pk"))
        )
        .order_by("enrolled_at")
    )
    steps: dict[int, list[PathStep]] = {}
    for step in (
        PathStep.objects.filter(path__in=[e.path_id for e in entries])
        .select_related("course")
        .order_by("position")
    ):
        steps.setdefault(step.path_id, []).append(step)
    mine = _held(learner_id, {s.course_id for listed in steps.values() for s in listed})
    return [(entry, _steps(entry.path, steps.get(entry.path_id, []), mine)) for entry in entries]


def standing(path_enrollment: PathEnrollment) -> list[Step]:
    """Each course of the path and where the learner is with it. Two queries."""
    path = path_enrollment.path
    steps = list(PathStep.objects.filter(path=path).select_related("course").order_by("position"))
    mine = _held(path_enrollment.learner_id, {s.course_id for s in steps})
    return _steps(path, steps, mine)


def _steps(path: LearningPath, steps: list[PathStep], mine: dict[int, Enrollment]) -> list[Step]:
    found = []
    blocked = False
    for step in steps:
        enrollment = mine.get(step.course_id)
        if enrollment is not None and enrollment.status == Enrollment.Status.COMPLETED:
            state = "done"
        elif blocked:
            state = "later"
        elif enrollment is not None:
            state = "current"
        else:
            state = "waiting"
        if state != "done" and path.enforce_order:
            blocked = True
        found.append(Step(step.course, step.position, state, enrollment))
    return found


def advance(
    path_enrollment: PathEnrollment, *, at: datetime.datetime | None = None
) -> list[Enrollment]:
    """Enrols the learner in the current edition of each course they may take now (the next
    one when the order is enforced, all otherwise); completes the path when every course is.
    Run again, it changes nothing."""
    now = at or timezone.now()
    path = path_enrollment.path
    learner = path_enrollment.learner
    # Put on the path by a coordinator: enrolled as invited. Joined by themselves: as if they
    # enrolled by themselves (an edition's conditions, key and selection apply), so the
    # next edition open is tried when one does not take them.
    invited = path_enrollment.enrolled_by_id != path_enrollment.learner_id
    made = []
    steps = standing(path_enrollment)
    for step in steps:
        if step.state != "waiting":
            continue
        tries = 1 if invited else 3
        for cohort in current_editions(
            step.course.pk, path.delegation_id, learner, now, limit=tries
        ):
            try:
                enrollment, created = enrolling.enroll(
                    learner=learner, cohort=cohort, invited=invited, at=now
                )
            except ValidationError:
                continue  # full without a waiting list, or closed to them: the next beat tries
            if created:
                made.append(enrollment)
            break
    if (
        steps
        and all(step.state == "done" for step in steps)
        and path_enrollment.completed_at is None
    ):
        # Completed and certified together: if the certificate cannot be started, the path
        # stays open and the next beat tries again.
        with transaction.atomic():
            won = PathEnrollment.objects.filter(pk=path_enrollment.pk, completed_at=None).update(
                completed_at=now
            )
            if won:
                path_certificates.start(path_enrollment, steps)
        path_enrollment.completed_at = now
    return made


def enrol(
    *, path: LearningPath, by: User, emails: list[str]
) -> tuple[list[PathEnrollment], list[str]]:
    """Puts these people (by e-mail) on the path and in their first editions. Returns those
    newly enrolled and the addresses with no account; someone already on it is left as is."""
    if not can_manage(by, path):
        raise NotAllowed(_("Only the delegation's coordinators enrol people in its paths."))
    wanted = {e.strip().lower() for e in emails if e.strip()}
    if not wanted:
        raise ValidationError(
            {"emails": ValidationError(_("Give at least one e-mail address."), code="required")}
        )
    people = {u.email.lower(): u for u in User.objects.filter(email__in=wanted, is_active=True)}
    unknown = sorted(wanted - set(people))
    made = []
    for person in people.values():
        try:
            with transaction.atomic():
                entry, created = PathEnrollment.objects.get_or_create(
                    path=path, learner=person, defaults={"enrolled_by": by}
                )
        except IntegrityError:
            continue
        if created:
            made.append(entry)
        advance(entry)
    return made, unknown


def open_paths() -> Any:
    """The paths anyone may join, with their courses in order (two queries)."""
    return (
        LearningPath.objects.filter(open_to_join=True)
        .select_related("delegation")
        .prefetch_related(
            Prefetch(
                "steps", queryset=PathStep.objects.select_related("course").order_by("position")
            )
        )
        .order_by("title", "pk")
    )


def join(*, path: LearningPath, learner: User) -> tuple[PathEnrollment, bool, list[Enrollment]]:
    """A learner puts themselves on a path open to join, and in the editions open now that
    take them (`advance`). Joining again changes nothing: the entry and whether this call made
    it, and the enrolments it made."""
    if not path.open_to_join:
        raise NotAllowed(
            _("This path is not open to join: its delegation's coordinators enrol people."),
            code="path_not_open",
        )
    try:
        with transaction.atomic():
            entry, created = PathEnrollment.objects.get_or_create(
                path=path, learner=learner, defaults={"enrolled_by": learner}
            )
    except IntegrityError:  # the same person joining twice at once: the other call won
        entry, created = PathEnrollment.objects.get(path=path, learner=learner), False
    if not created:
        return entry, False, []
    return entry, True, advance(entry)


def advance_all(*, at: datetime.datetime | None = None) -> int:
    """The hourly beat: everyone on a path not finished, as editions open. Returns how many
    enrolments it made."""
    made = 0
    for entry in PathEnrollment.objects.filter(completed_at=None).select_related("path", "learner"):
        made += len(advance(entry, at=at))
    # A path completed before it could be certified (say, before path certificates existed).
    for entry in PathEnrollment.objects.filter(
        completed_at__isnull=False, certificates__isnull=True
    ).select_related("path", "learner"):
        path_certificates.start(entry, standing(entry))
    return made


def advance_learner(*, learner_id: int) -> None:
    """After a course is completed: the learner's paths move on at once."""
    for entry in PathEnrollment.objects.filter(
        learner_id=learner_id, completed_at=None
    ).select_related("path", "learner"):
        advance(entry)
