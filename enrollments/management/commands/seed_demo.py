from typing import Any

from django.core.management.base import BaseCommand

from accounts.models import User
from cms.demo.seed import seed_demo
from enrollments.demo import seed_module_questionnaire, seed_questionnaires
from enrollments.demo_edition import seed_past_edition


class Command(BaseCommand):
    help = (
        "Creates the demo delegation, accounts, six courses, their end-of-course "
        "questionnaire, one after-module questionnaire and a finished edition with forty "
        "participants; running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_demo()
        admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        questionnaires = seed_questionnaires(by=admin) + seed_module_questionnaire(by=admin)
        if questionnaires:
            created["questionnaires"] = questionnaires
        if participants := seed_past_edition(by=admin):
            created["participants in a finished edition"] = participants
        from enrollments.signals import demo_seeded

        demo_seeded.send(sender=self.__class__, created=created, by=admin)
        if not created:
            self.stdout.write("Demo content is already in place; nothing changed.")
            return
        summary = ", ".join(f"{count} {name}" for name, count in sorted(created.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
