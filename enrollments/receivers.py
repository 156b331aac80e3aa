from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from cms.models import LessonPage
from cms.signals import lesson_viewed
from enrollments import progress


@receiver(lesson_viewed, sender=LessonPage)
def record_lesson_view(sender: type, lesson: LessonPage, user: Any, **kwargs: Any) -> None:
    progress.record_lesson_view(learner=user, lesson=lesson)
