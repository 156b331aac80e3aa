"""What a person proposed is in their data download. Erasing their account keeps the published
experiences (they speak for a city, under an open licence) but forgets who proposed them;
unpublished proposals go with the account."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.signals import demo_seeded


@receiver(personal_data_requested, sender=User)
def experiences_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from experiences.models import Event, Experience

    proposed = Experience.objects.filter(proposer=user).prefetch_related("texts", "files")
    return "experiences", {
        "proposed": [
            {
                "id": str(e.public_id),
                "stage": e.stage,
                "city": e.city,
                "credit": e.credit,
                "contact": e.contact,
                "consent_at": e.consent_at,
                "texts": {
                    t.language: {
                        "title": t.title,
                        "summary": t.summary,
                        "description": t.description,
                        "results": t.results,
                    }
                    for t in e.texts.all()
                },
                "files": [f.name for f in e.files.all()],
            }
            for e in proposed
        ],
        "editorial_steps": [
            {
                "experience": str(ev.experience.public_id),
                "action": ev.action,
                "note": ev.note,
                "at": ev.at,
            }
            for ev in Event.objects.filter(actor=user).select_related("experience")
        ],
    }


@receiver(account_erasing, sender=User)
def erase_experiences(sender: type, user: User, **kwargs: Any) -> None:
    from experiences.models import Event, Experience, File

    unpublished = Experience.objects.filter(proposer=user).exclude(
        stage__in=[Experience.Stage.PUBLISHED]
    )
    for stored in File.objects.filter(experience__in=unpublished):
        stored.file.delete(save=False)
    unpublished.delete()
    # Published ones stay (the credit is what the proposer chose to publish); who proposed
    # them and who took each step is forgotten.
    Experience.objects.filter(proposer=user).update(proposer=None)
    Event.objects.filter(actor=user).update(actor=None)


@receiver(demo_seeded)
def seed_demo_experiences(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from experiences import demo

    demo.seed(created=created)
