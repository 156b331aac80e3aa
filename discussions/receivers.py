"""Signals discussions handle: a person's data download and account erasure."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.signals import demo_seeded


@receiver(personal_data_requested, sender=User)
def discussions_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from discussions import privacy

    return "discussions", privacy.personal_data(user)


@receiver(account_erasing, sender=User)
def erase_discussions_data(sender: type, user: User, **kwargs: Any) -> None:
    from discussions import privacy

    privacy.erase(user)


@receiver(demo_seeded)
def seed_demo_discussions(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from discussions import demo

    demo.seed_discussions(created=created, by=by)
