from typing import Any

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from cms.models import LessonPage
from cms.services import index_lesson_activities


class Command(BaseCommand):
    help = (
        "Rebuilds the lesson and activity index from the Spanish lessons (publishing does it too)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        lessons = LessonPage.objects.filter(locale=Locale.get_default())
        for lesson in lessons:
            index_lesson_activities(lesson=lesson)
        self.stdout.write(f"Indexed {lessons.count()} lessons.")
