from typing import Any

from django.core.management.base import BaseCommand

from cms.demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Creates the demo delegation, accounts and six courses; running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_demo()
        if not created:
            self.stdout.write("Demo content is already in place; nothing changed.")
            return
        summary = ", ".join(f"{count} {name}" for name, count in sorted(created.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
