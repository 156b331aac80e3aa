"""Signals the reminders handle: a person's data download and account erasure."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.signals import demo_seeded


@receiver(personal_data_requested, sender=User)
def nudges_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from nudges import privacy

    return "reminders", privacy.personal_data(user)


@receiver(account_erasing, sender=User)
def erase_nudges_data(sender: type, user: User, **kwargs: Any) -> None:
    from nudges import privacy

    privacy.erase(user)


@receiver(demo_seeded)
def seed_demo_deadlines(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from nudges import demo

    demo.seed_deadlines(created=created)
