from __future__ import annotations

from celery import shared_task
from django.utils import timezone


@shared_task(name="discussions.send_post")
def send_post(post_id: int) -> int:
    from discussions import emails

    return emails.send_post(post_id=post_id)


@shared_task(name="discussions.queue_digests")
def queue_digests() -> int:
    """Daily: queues the digests of everyone with something new, a task per batch of people.
    Returns how many people."""
    from discussions import emails

    now = timezone.now()
    people = emails.pending_digests(now=now)
    for start in range(0, len(people), emails.BATCH):
        send_digests.delay(people[start : start + emails.BATCH], now.isoformat())
    return len(people)


@shared_task(name="discussions.send_digests")
def send_digests(user_ids: list[int], now: str) -> int:
    import datetime

    from discussions import emails

    return emails.send_digests(user_ids=user_ids, now=datetime.datetime.fromisoformat(now))
