"""Celery entry points of enrolments: each runs one service."""

from __future__ import annotations

from celery import shared_task

from enrollments import emails


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="enrollments.seat_offered"
)
def send_seat_offered_email(enrollment_id: int) -> None:
    emails.send_seat_offered(enrollment_id=enrollment_id)
