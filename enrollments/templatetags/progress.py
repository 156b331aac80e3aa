"""Progress on content pages: cms templates load these, so cms never imports enrollments."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q

from cms.models import Activity, CoursePage, LessonPage
from courses.models import Cohort
from enrollments.models import Enrollment, LessonProgress
from enrollments.progress import original_lesson

register = template.Library()


def _learner(context: dict[str, Any]) -> Any:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@register.inclusion_tag("enrollments/includes/course_enrolment.html", takes_context=True)
def course_enrolment(context: dict[str, Any], course_page: CoursePage) -> dict[str, Any]:
    """The course's cohorts with the learner's standing in each, and enrol buttons."""
    learner = _learner(context)
    cohorts = list(
        Cohort.objects.listed()
        .filter(course_id=course_page.course_id)
        .annotate(
            seats_taken=Count(
                "enrollments", filter=Q(enrollments__status__in=Enrollment.HOLDING_A_SEAT)
            )
        )
        .order_by("starts_on")
    )
    mine: dict[int, Enrollment] = {}
    if learner is not None:
        mine = {
            e.cohort_id: e
            for e in Enrollment.objects.of_learner(learner.pk)
            .filter(cohort__course_id=course_page.course_id)
            .exclude(status=Enrollment.Status.WITHDRAWN)
            .with_required_lessons()
        }
    rows = []
    for cohort in cohorts:
        full = cohort.capacity is not None and cohort.seats_taken >= cohort.capacity
        rows.append({"cohort": cohort, "enrollment": mine.get(cohort.pk), "full": full})
    return {"rows": rows, "request": context.get("request"), "learner": learner}


@register.simple_tag(takes_context=True)
def done_lesson_keys(context: dict[str, Any], course_page: CoursePage) -> set[Any]:
    """translation_keys of the lessons this learner has completed in the course."""
    learner = _learner(context)
    if learner is None:
        return set()
    return set(
        LessonProgress.objects.filter(
            enrollment__learner=learner,
            enrollment__cohort__course_id=course_page.course_id,
            enrollment__status__in=Enrollment.HOLDING_A_SEAT,
            completed_at__isnull=False,
        ).values_list("lesson__translation_key", flat=True)
    )


@register.inclusion_tag("enrollments/includes/lesson_status.html", takes_context=True)
def lesson_status(context: dict[str, Any], lesson: LessonPage) -> dict[str, Any]:
    learner = _learner(context)
    state: dict[str, Any] = {"lesson": lesson, "request": context.get("request")}
    if learner is None:
        return state
    original = original_lesson(lesson)
    entries = LessonProgress.objects.filter(
        enrollment__learner=learner,
        enrollment__status__in=Enrollment.HOLDING_A_SEAT,
        lesson=original,
    )
    enrolled = (
        Enrollment.objects.of_learner(learner.pk)
        .active()
        .filter(cohort__course__pages__in=CoursePage.objects.ancestor_of(original))
    )
    state.update(
        enrolled=enrolled.exists(),
        completed=entries.filter(completed_at__isnull=False).exists(),
        has_activities=Activity.objects.required().filter(lesson=original).exists(),
    )
    return state
