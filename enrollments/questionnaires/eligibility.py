"""Who may answer a questionnaire: a learner holding a seat in its cohort and, for one placed
after a module, only once they have completed every live lesson of that module their cohort
requires; for a network activity, only those who attended it, once it is over. Pages, the
API, reminders and completion all ask here, in the database, with a number of queries that
does not grow with the number of learners."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page

from accounts.models import User
from cms.models import CourseLesson
from courses.models import Cohort
from enrollments.models import Enrollment, EnrollmentQuerySet, LessonProgress, OptionalLesson
from enrollments.questionnaires.models import Questionnaire, Respondent


def _unfinished(*, lessons: QuerySet[CourseLesson], cohort: Any, enrollment: Any) -> Exists:
    """True while some of `lessons`, required in `cohort`, lacks a completed `LessonProgress`
    of `enrollment` (the rule `progress._refresh_enrollment` counts by).

    Each argument is a value or an expression of the query this is used in; `cohort` and
    `enrollment` are read two levels down, inside the lesson subquery."""
    optional = OptionalLesson.objects.filter(cohort=cohort, lesson=OuterRef("lesson"))
    completed = LessonProgress.objects.filter(
        enrollment=enrollment, lesson=OuterRef("lesson"), completed_at__isnull=False
    )
    return Exists(lessons.exclude(Exists(optional)).exclude(Exists(completed)))


def _module_unfinished(*, module_path: Any, cohort: Any, enrollment: Any) -> Exists:
    lessons = CourseLesson.objects.filter(path__startswith=module_path, is_live=True)
    return _unfinished(lessons=lessons, cohort=cohort, enrollment=enrollment)


def _course_unfinished(*, course: Any, cohort: Any, enrollment: Any) -> Exists:
    """An end-of-course questionnaire waits until the course's required lessons are done."""
    lessons = CourseLesson.objects.filter(course=course, is_live=True)
    return _unfinished(lessons=lessons, cohort=cohort, enrollment=enrollment)


def answered(enrollment: Any) -> Exists:
    """Whether `enrollment` (a value or an expression) answered some version of the outer
    query's questionnaire: the same template and placement (see `versions_of`)."""
    return Exists(
        Respondent.objects.filter(
            enrollment=enrollment, questionnaire__template=OuterRef("template")
        )
        .annotate(placement=Coalesce("questionnaire__after_module", 0))
        .filter(placement=Coalesce(OuterRef("after_module"), 0))
    )


def eligible_enrollments(questionnaire: Questionnaire) -> EnrollmentQuerySet:
    """The cohort's enrolments that may answer now.

    A completed enrolment counts as having finished every module, so a learner completed by
    hand is asked too. A module with no required lesson asks nobody to wait; an end-of-course
    questionnaire waits for every required lesson of the course."""
    seats = Enrollment.objects.filter(cohort_id=questionnaire.cohort_id).active()
    if questionnaire.after_module_id is None:
        unfinished = _course_unfinished(
            course=Subquery(
                Cohort.objects.filter(pk=questionnaire.cohort_id).values("course_id")[:1]
            ),
            cohort=questionnaire.cohort_id,
            enrollment=OuterRef(OuterRef("pk")),
        )
    else:
        module_path = Subquery(
            Page.objects.filter(pk=questionnaire.after_module_id).values("path")[:1]
        )
        unfinished = _module_unfinished(
            module_path=module_path,
            cohort=questionnaire.cohort_id,
            enrollment=OuterRef(OuterRef("pk")),
        )
    # A network activity has no lessons: its evaluation is for those who attended, who
    # complete it once its last session is over (enrollments.progress).
    return seats.filter(
        Q(status=Enrollment.Status.COMPLETED) | (Q(cohort__course__is_activity=False) & ~unfinished)
    )


def is_eligible(*, questionnaire: Questionnaire, enrollment: Enrollment) -> bool:
    if enrollment.cohort_id != questionnaire.cohort_id or not enrollment.holds_a_seat:
        return False
    if enrollment.status == Enrollment.Status.COMPLETED:
        return True
    return eligible_enrollments(questionnaire).filter(pk=enrollment.pk).exists()


def seat(*, questionnaire: Questionnaire, learner: User) -> Enrollment | None:
    """The learner's enrolment in the questionnaire's cohort, if it holds a seat."""
    return (
        Enrollment.objects.filter(cohort_id=questionnaire.cohort_id, learner=learner)
        .active()
        .select_related("cohort")
        .first()
    )


def answerable_by(
    learner: User, questionnaires: QuerySet[Questionnaire]
) -> QuerySet[Questionnaire]:
    """Those of `questionnaires` the learner may answer now and has not answered in any
    version, in one query. Each is annotated with `enrollment_id`, the seat it is answered
    from."""
    seats = Enrollment.objects.filter(cohort=OuterRef("cohort"), learner=learner).active()
    annotated = questionnaires.annotate(
        enrollment_id=Subquery(seats.values("pk")[:1]),
        course_completed=Exists(seats.filter(status=Enrollment.Status.COMPLETED)),
    )
    module_unfinished = _module_unfinished(
        module_path=OuterRef("after_module__path"),
        cohort=OuterRef(OuterRef("cohort")),
        enrollment=OuterRef(OuterRef("enrollment_id")),
    )
    course_unfinished = _course_unfinished(
        course=OuterRef("cohort__course"),
        cohort=OuterRef(OuterRef("cohort")),
        enrollment=OuterRef(OuterRef("enrollment_id")),
    )
    return (
        annotated.filter(enrollment_id__isnull=False)
        .exclude(answered(OuterRef("enrollment_id")))
        .annotate(module_unfinished=module_unfinished, course_unfinished=course_unfinished)
        .filter(
            Q(course_completed=True)
            | Q(cohort__course__is_activity=False)
            & (
                Q(after_module__isnull=True, course_unfinished=False)
                | Q(after_module__isnull=False, module_unfinished=False)
            )
        )
    )
