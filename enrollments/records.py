"""One learner's record in one edition, as their trainers and coordinators (and they) read it:
progress per lesson, attempts per activity, questionnaires answered and completions by hand.
A fixed number of queries, however many lessons, attempts or completions there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import translation

from cms.localization import localize_pages
from cms.models import Activity, CourseLesson, LessonPage
from enrollments.models import (
    ActivityResult,
    Enrollment,
    LessonProgress,
    ManualCompletion,
    OptionalLesson,
    Statement,
)

# The newest attempts shown; the learner's data download has them all.
ATTEMPTS_SHOWN = 200


@dataclass
class LessonRow:
    lesson: LessonPage  # in the reader's language when translated
    key: str  # the translation key, which marks it done in every language
    required: bool
    viewed_at: Any = None
    completed_at: Any = None
    completed_by: str = ""
    completion_reason: str = ""


@dataclass
class ActivityRow:
    activity: Activity
    result: ActivityResult | None
    attempts: list[Statement] = field(default_factory=list)

    @property
    def best_percent(self) -> int | None:
        return _percent(self.result.best_scaled) if self.result else None

    @property
    def last_percent(self) -> int | None:
        return _percent(self.result.last_scaled) if self.result else None


@dataclass
class Record:
    enrollment: Enrollment
    lessons: list[LessonRow]
    activities: list[ActivityRow]
    questionnaires: list[Any]
    completions: list[ManualCompletion]


def _percent(scaled: Decimal | None) -> int | None:
    return None if scaled is None else round(scaled * 100)


def record(enrollment: Enrollment) -> Record:
    course_id = enrollment.cohort.course_id
    originals = [
        entry.lesson
        for entry in CourseLesson.objects.filter(course_id=course_id, is_live=True)
        .select_related("lesson__locale")
        .order_by("path")
    ]
    shown = localize_pages(originals, select_related=["locale"])
    optional = set(
        OptionalLesson.objects.filter(cohort=enrollment.cohort_id).values_list(
            "lesson_id", flat=True
        )
    )
    progress = {
        row.lesson_id: row
        for row in LessonProgress.objects.filter(enrollment=enrollment).select_related(
            "completed_by"
        )
    }
    lessons = []
    for original, page in zip(originals, shown, strict=True):
        row = LessonRow(
            lesson=page, key=str(original.translation_key), required=original.pk not in optional
        )
        if found := progress.get(original.pk):
            row.viewed_at = found.viewed_at
            row.completed_at = found.completed_at
            row.completed_by = found.completed_by.display_name if found.completed_by else ""
            row.completion_reason = found.completion_reason
        lessons.append(row)

    results = {r.activity_id: r for r in ActivityResult.objects.filter(enrollment=enrollment)}
    attempts: dict[int, list[Statement]] = {}
    for statement in (
        Statement.objects.filter(enrollment=enrollment, finishes_activity=True)
        .only("activity_id", "stored_at", "scaled_score", "success")
        .order_by("-stored_at")[:ATTEMPTS_SHOWN]
    ):
        attempts.setdefault(statement.activity_id, []).append(statement)
    # The course's activities, and any removed since that the learner has a result on.
    activities = [
        ActivityRow(
            activity=activity,
            result=results.get(activity.pk),
            attempts=attempts.get(activity.pk, []),
        )
        for activity in Activity.objects.filter(
            Q(course_id=course_id, is_active=True) | Q(pk__in=list(results))
        ).order_by("lesson__path", "position")
    ]
    from enrollments.questionnaires.models import Respondent

    answered = list(
        Respondent.objects.filter(enrollment=enrollment)
        .select_related("questionnaire")
        .order_by("answered_on")
    )
    language = translation.get_language()
    for respondent in answered:
        respondent.shown_title = respondent.questionnaire.title(language)  # type: ignore[attr-defined]
    completions = list(
        ManualCompletion.objects.filter(enrollment=enrollment).select_related(
            "granted_by", "lesson"
        )
    )
    return Record(
        enrollment=enrollment,
        lessons=lessons,
        activities=activities,
        questionnaires=answered,
        completions=completions,
    )
