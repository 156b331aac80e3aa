"""Signals sessions handle: a person's data download and account erasure."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from enrollments.signals import demo_seeded, edition_rerun


@receiver(personal_data_requested, sender=User)
def sessions_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from meetings import privacy

    return "sessions", privacy.personal_data(user)


@receiver(account_erasing, sender=User)
def erase_sessions_data(sender: type, user: User, **kwargs: Any) -> None:
    from meetings import privacy

    privacy.erase(user)


@receiver(demo_seeded)
def seed_demo_sessions(sender: type, created: Any, by: User | None, **kwargs: Any) -> None:
    from meetings import demo

    demo.seed_sessions(created=created, by=by)


@receiver(edition_rerun)
def copy_sessions(
    sender: type, source: Any, copy: Any, shift: Any, by: User, **kwargs: Any
) -> None:
    from meetings.models import Meeting

    sessions = list(
        Meeting.objects.filter(cohort=source, cancelled_at__isnull=True).prefetch_related(
            "facilitators"
        )
    )
    copies = Meeting.objects.bulk_create(
        [
            Meeting(
                cohort=copy,
                title=m.title,
                title_translations=m.title_translations,
                description=m.description,
                description_translations=m.description_translations,
                kind=m.kind,
                starts_at=m.starts_at + shift,
                ends_at=m.ends_at + shift,
                time_zone=m.time_zone,
                meeting_url=m.meeting_url,
                venue_name=m.venue_name,
                venue_address=m.venue_address,
                venue_city=m.venue_city,
                seats=m.seats,
                after_module_id=m.after_module_id,
                is_required=m.is_required,
                created_by=by,
            )
            for m in sessions
        ]
    )
    through = Meeting.facilitators.through
    through.objects.bulk_create(
        [
            through(meeting_id=made.pk, user_id=person.pk)
            for made, m in zip(copies, sessions, strict=True)
            for person in m.facilitators.all()
        ]
    )
