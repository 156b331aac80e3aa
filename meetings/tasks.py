"""Celery entry points of sessions: each runs one service."""

from __future__ import annotations

from celery import shared_task


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="meetings.notify_meeting"
)
def notify_meeting(meeting_id: int, change: str) -> None:
    from meetings import emails

    emails.send_meeting_notices(meeting_id=meeting_id, change=change)


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="meetings.notify_people"
)
def notify_people(meeting_id: int, change: str, user_ids: list[int]) -> None:
    from meetings import emails

    emails.send_meeting_notice(meeting_id=meeting_id, change=change, user_ids=user_ids)


@shared_task(name="meetings.send_reminders")
def send_reminders() -> None:
    from meetings import services

    services.due_reminders()


@shared_task(name="meetings.refresh_completions")
def refresh_completions(cohort_id: int) -> None:
    from meetings import services

    services.refresh_completions(cohort_id=cohort_id)
