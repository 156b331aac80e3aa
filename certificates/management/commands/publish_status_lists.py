"""Signs every status list anew: after a deploy or a key rotation, lists verify with the current
key (credentials keep pointing at the same addresses)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from certificates import services
from certificates.models import StatusList


class Command(BaseCommand):
    help = "Republishes (signs anew) every certificate status list."

    def handle(self, *args: Any, **options: Any) -> None:
        lists = list(StatusList.objects.order_by("number").values_list("pk", "number"))
        for done, (pk, number) in enumerate(lists, start=1):
            services.publish_status_list(status_list_id=pk)
            self.stdout.write(f"[{done}/{len(lists)}] status list {number} published")
        if not lists:
            self.stdout.write(
                "No status list yet: the first certificate creates and publishes one."
            )
