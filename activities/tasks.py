from __future__ import annotations

import datetime

from celery import shared_task
from django.db.models import Max
from django.utils import timezone


@shared_task(name="activities.complete_finished")
def complete_finished() -> int:
    """Participants who attended an activity that has just ended complete it (and so receive
    their certificate of attendance). Activities whose last session ended in the last two
    days are looked at; run again, it changes nothing. Returns how many activities."""
    from activities.models import NetworkActivity
    from meetings import services as sessions

    now = timezone.now()
    ended = (
        NetworkActivity.objects.annotate(last_end=Max("cohort__meetings__ends_at"))
        .filter(last_end__lte=now, last_end__gt=now - datetime.timedelta(days=2))
        .values_list("cohort_id", flat=True)
    )
    cohorts = list(ended)
    for cohort_id in cohorts:
        sessions.refresh_attendees(cohort_id=cohort_id)
    return len(cohorts)
