from __future__ import annotations

import datetime

from celery import shared_task
from django.db.models import Max
from django.utils import timezone


@shared_task(name="activities.complete_finished")
def complete_finished() -> int:
    """Participants who attended an activity that has just ended complete it (and so receive
    their certificate of attendance), and its evaluation questionnaire opens to them.
    Activities whose last session ended in the last two days are looked at; run again, it
    changes nothing. Returns how many activities."""
    from django.db.models import Q

    from activities import services
    from activities.models import NetworkActivity
    from meetings import services as sessions

    now = timezone.now()
    ended = list(
        NetworkActivity.objects.select_related("cohort__created_by", "evaluation")
        .annotate(
            last_end=Max("cohort__meetings__ends_at", filter=Q(cohort__meetings__cancelled_at=None))
        )
        .filter(last_end__lte=now, last_end__gt=now - datetime.timedelta(days=2))
    )
    for activity in ended:
        sessions.refresh_attendees(cohort_id=activity.cohort_id)
        services.open_evaluation(activity=activity, ended_at=activity.last_end)  # type: ignore[attr-defined]
    return len(ended)
