"""Progress on content pages: cms templates load these, so cms never imports enrollments."""

from __future__ import annotations

import uuid
from typing import Any

from django import template
from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import get_language

from accounts import access
from cms.h5p.grants import PlayGrant, player_url
from cms.models import Activity, CoursePage, LessonPage, ModulePage, activity_iri
from courses.models import Cohort
from enrollments.models import ActivityResult, Enrollment, LessonProgress
from enrollments.progress import original_lesson, passed, standing
from enrollments.questionnaires import services as questionnaires

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
    from courses.models import Course
    from enrollments.services import missing_prerequisites

    prerequisites = (
        missing_prerequisites(learner=learner, course_id=course_page.course_id)
        if learner is not None
        else list(
            Course.objects.filter(required_by=course_page.course_id).prefetch_related(
                "translations"
            )
        )
    )
    return {
        "rows": rows,
        "request": context.get("request"),
        "learner": learner,
        "prerequisites": prerequisites,
    }


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
    if learner is None or lesson.pk is None:  # signed out, or the preview of a new lesson
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
    enrollment = enrolled.select_related("cohort").order_by("-enrolled_at").first()
    completed = entries.filter(completed_at__isnull=False).exists()
    state.update(
        enrolled=enrollment is not None,
        completed=completed,
        has_activities=Activity.objects.required().filter(lesson=original).exists(),
        results=_activity_results(enrollment, original) if enrollment else [],
        # Only someone who has done this lesson can have done them all.
        standing=standing(enrollment) if enrollment and completed else None,
        enrollment=enrollment,
    )
    return state


@register.inclusion_tag("enrollments/includes/module_questionnaire.html", takes_context=True)
def module_questionnaire(context: dict[str, Any], module: ModulePage) -> dict[str, Any]:
    """The open questionnaires placed after this module, once the learner has finished it and
    until they answer: offered where they are when they finish (one query, none signed out)."""
    learner = _learner(context)
    return {"pending": questionnaires.pending_for(learner, module=module) if learner else []}


def _activity_results(enrollment: Enrollment, lesson: LessonPage) -> list[dict[str, Any]]:
    """Each activity of the lesson with the score the cohort counts, for the learner to see."""
    results = {
        r.activity_id: r
        for r in ActivityResult.objects.filter(enrollment=enrollment, activity__lesson=lesson)
    }
    counts_best = enrollment.cohort.score_policy == Cohort.ScorePolicy.BEST
    rows = []
    for activity in Activity.objects.active().filter(lesson=lesson):
        result = results.get(activity.pk)
        scaled = None
        if result is not None:
            scaled = result.best_scaled if counts_best else result.last_scaled
        rows.append(
            {
                "activity": activity,
                "attempts": result.attempts if result else 0,
                "finished": bool(result and result.finished_at),
                "percent": round(scaled * 100) if scaled is not None else None,
                "passed": passed(enrollment=enrollment, result=result) if result else None,
            }
        )
    return rows


@register.inclusion_tag("enrollments/includes/h5p_player.html", takes_context=True)
def h5p_player(context: dict[str, Any], package: Any, block_id: Any, title: str) -> dict[str, Any]:
    """The activity's player for someone allowed to play it, or a word on how to get there."""
    request = context.get("request")
    learner = _learner(context)
    state: dict[str, Any] = {"title": title, "request": request, "package": package}
    if package is None or not getattr(package, "is_ready", False) or not block_id:
        state["unavailable"] = True
        return state
    if learner is None:
        state["sign_in"] = True
        return state
    page = context.get("page")
    if not (_plays_course(request, learner, page) or access.can_preview_activities(learner)):
        state["not_enrolled"] = True
        return state
    grant = PlayGrant(
        package_id=package.pk,
        activity_key=uuid.UUID(str(block_id)),
        user_id=learner.pk,
        language=get_language() or settings.LANGUAGE_CODE,
    )
    state.update(url=player_url(grant), activity_iri=activity_iri(grant.activity_key))
    return state


def _plays_course(request: Any, learner: Any, page: Any) -> bool:
    """Whether the learner is active in a cohort of this lesson's course (asked once a page)."""
    cached = getattr(request, "_aula_plays_course", None)
    if cached is None:
        course_page = (
            CoursePage.objects.ancestor_of(page).only("course_id").first() if page else None
        )
        cached = bool(
            course_page
            and Enrollment.objects.of_learner(learner.pk)
            .active()
            .filter(cohort__course_id=course_page.course_id)
            .exists()
        )
        if request is not None:
            request._aula_plays_course = cached
    return cached


@register.simple_tag(takes_context=True)
def module_opens_on(context: dict[str, Any], module: Any) -> Any:
    """For a learner whose editions of the course all keep this module (in any language: by
    its translation key) closed for now: the first day it opens for them; None otherwise. One
    query when no edition of theirs dates the module."""
    from django.db.models import F
    from django.utils import timezone

    from enrollments.models import ModuleRelease

    learner = _learner(context)
    if learner is None or module is None or module.pk is None:
        return None
    active = Enrollment.Status.ACTIVE
    releases = list(
        ModuleRelease.objects.filter(
            module__translation_key=module.translation_key,
            cohort__enrollments__learner=learner.pk,
            cohort__enrollments__status=active,
        ).annotate(
            enrolled_at=F("cohort__enrollments__enrolled_at"), course_id=F("cohort__course_id")
        )
    )
    if not releases:
        return None
    today = timezone.localdate()
    days = [r.opens_after(r.enrolled_at) for r in releases]  # type: ignore[attr-defined]
    if any(day is None or day <= today for day in days):
        return None
    undated = (
        Enrollment.objects.of_learner(learner.pk)
        .filter(status=active, cohort__course_id=releases[0].course_id)  # type: ignore[attr-defined]
        .exclude(cohort_id__in=[r.cohort_id for r in releases])
    )
    return None if undated.exists() else min(d for d in days if d is not None)
