from __future__ import annotations

from celery import shared_task


@shared_task(name="nudges.decide")
def decide() -> int:
    """Hourly: claims the reminders due now and queues them, a task per batch. Run twice at
    once, the second run claims nothing the first did. Returns how many were claimed."""
    from nudges import emails, rules
    from nudges.models import Nudge

    decided = rules.decide()
    ids = list(Nudge.objects.filter(run=decided.run).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), emails.BATCH):
        send_nudges.delay(ids[start : start + emails.BATCH])
    return len(ids)


@shared_task(name="nudges.send_nudges")
def send_nudges(nudge_ids: list[int]) -> int:
    from nudges import emails

    return emails.send_nudges(nudge_ids=nudge_ids)


@shared_task(name="nudges.send_message")
def send_message(message_id: int, delivery_ids: list[int]) -> int:
    from nudges import emails

    return emails.send_message(message_id=message_id, delivery_ids=delivery_ids)
