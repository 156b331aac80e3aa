"""Signals paths handle: a completed course moves its learner along their paths; a person's
data download and account erasure; the demo's induction path."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.models import Enrollment
from enrollments.signals import demo_seeded, enrollment_completed


@receiver(enrollment_completed, sender=Enrollment)
def move_along_paths(sender: type, enrollment: Enrollment, **kwargs: Any) -> None:
    from paths import services

    learner_id = enrollment.learner_id
    transaction.on_commit(lambda: services.advance_learner(learner_id=learner_id))


@receiver(personal_data_requested, sender=User)
def paths_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from paths.models import PathEnrollment

    return "learning_paths", [
        {
            "path": str(entry.path.public_id),
            "title": entry.path.title,
            "enrolled_at": entry.enrolled_at,
            "completed_at": entry.completed_at,
        }
        for entry in PathEnrollment.objects.filter(learner=user).select_related("path")
    ]


@receiver(account_erasing, sender=User)
def erase_paths_data(sender: type, user: User, **kwargs: Any) -> None:
    from paths.models import PathEnrollment

    # A path certificate is the holder's proof and stays, printed as issued (as a course's
    # does), with the record it hangs on; the rest of what they followed goes.
    PathEnrollment.objects.filter(learner=user, certificates__isnull=True).delete()


@receiver(demo_seeded)
def seed_demo_path(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from paths import demo

    demo.seed_path(created=created, by=by)
