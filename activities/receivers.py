"""Signals activities handle: the demo's activities."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from enrollments.signals import demo_seeded


@receiver(demo_seeded)
def seed_demo_activities(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from activities import demo

    demo.seed_activities(created=created, by=by)
