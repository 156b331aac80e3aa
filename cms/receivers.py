from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms import services
from cms.models import LessonPage


@receiver(page_published, sender=LessonPage)
@receiver(page_unpublished, sender=LessonPage)
def reindex_activities(sender: type, instance: LessonPage, **kwargs: Any) -> None:
    services.index_lesson_activities(lesson=instance)
