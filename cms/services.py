"""Content use cases: the activity index that progress tracking relies on."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from cms.models import Activity, CourseLesson, CoursePage, LessonPage


@transaction.atomic
def index_lesson_activities(*, lesson: LessonPage) -> list[Activity]:
    """Rebuilds the index entry of a lesson and its activities from its Spanish original."""
    original = lesson.get_translation_or_none(Locale.get_default()) or lesson
    original = LessonPage.objects.get(pk=original.pk)  # the live version, not a draft in memory
    course_page = CoursePage.objects.ancestor_of(original).select_related("course").first()
    if course_page is None:
        return []
    CourseLesson.objects.update_or_create(
        lesson=original,
        defaults={"course": course_page.course, "path": original.path, "is_live": original.live},
    )
    seen: list[uuid.UUID] = []
    indexed = []
    for position, block in enumerate(
        block for block in original.body if block.block_type == "h5p_activity"
    ):
        key = uuid.UUID(str(block.id))
        seen.append(key)
        activity, _created = Activity.objects.update_or_create(
            key=key,
            defaults={
                "lesson": original,
                "course": course_page.course,
                "title": block.value["title"],
                "position": position,
                "is_required": bool(block.value.get("is_required", True)),
                "is_active": original.live,
            },
        )
        indexed.append(activity)
    Activity.objects.filter(lesson=original).exclude(key__in=seen).update(is_active=False)
    _FOUND.clear()
    return indexed


@dataclass(frozen=True)
class ActivityRef:
    pk: int
    lesson_id: int
    course_id: int


_FOUND: dict[uuid.UUID, tuple[float, ActivityRef]] = {}
_FOUND_FOR_SECONDS = 30.0


def find_activity(key: uuid.UUID) -> ActivityRef | None:
    """The active activity with this key. Every xAPI statement asks, so answers are kept in the
    process for a few seconds: a removed activity may take that long to be refused."""
    now = time.monotonic()
    cached = _FOUND.get(key)
    if cached is not None and cached[0] > now:
        return cached[1]
    row = Activity.objects.active().filter(key=key).values("pk", "lesson_id", "course_id").first()
    if row is None:
        _FOUND.pop(key, None)
        return None
    ref = ActivityRef(**row)
    if len(_FOUND) > 10_000:
        _FOUND.clear()
    _FOUND[key] = (now + _FOUND_FOR_SECONDS, ref)
    return ref
