"""A learner's submissions in their data download; erased with their account (files too)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.signals import demo_seeded


@receiver(personal_data_requested, sender=User)
def assignments_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from assignments.models import Submission

    found = (
        Submission.objects.filter(enrollment__learner=user)
        .select_related("lesson", "enrollment__cohort")
        .prefetch_related("attachments", "versions__review", "versions__attachments")
    )
    return "assignments", [
        {
            "lesson": submission.lesson.title,
            "edition": submission.enrollment.cohort.title,
            "status": submission.status,
            "draft": submission.text,
            "files": [a.name for a in submission.attachments.all()],
            "versions": [
                {
                    "number": version.number,
                    "text": version.text,
                    "files": [a.name for a in version.attachments.all()],
                    "submitted_at": version.submitted_at,
                    "late": version.is_late,
                    "review": {
                        "decision": version.review.decision,
                        "feedback": version.review.feedback,
                        "points": version.review.points,
                        "reviewed_at": version.review.reviewed_at,
                    }
                    if hasattr(version, "review")
                    else None,
                }
                for version in submission.versions.all()
            ],
        }
        for submission in found
    ]


@receiver(account_erasing, sender=User)
def erase_assignments(sender: type, user: User, **kwargs: Any) -> None:
    from assignments.models import Attachment, Submission

    for attachment in Attachment.objects.filter(submission__enrollment__learner=user):
        attachment.file.delete(save=False)
    Submission.objects.filter(enrollment__learner=user).delete()


@receiver(demo_seeded)
def seed_demo_plans(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from assignments import demo

    demo.seed_plans(created=created, by=by)
