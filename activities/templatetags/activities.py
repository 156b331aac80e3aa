from __future__ import annotations

from typing import Any

from django import template

from activities.models import NetworkActivity

register = template.Library()


@register.inclusion_tag("activities/includes/mine.html")
def my_activities(user: Any) -> dict[str, Any]:
    """The activities a person applied to or takes part in, with where they stand: two
    queries, whatever their number."""
    if not getattr(user, "is_authenticated", False):
        return {"rows": []}
    from enrollments.models import Enrollment

    mine = {
        e.cohort_id: e
        for e in Enrollment.objects.filter(learner=user, cohort__activity__isnull=False).exclude(
            status=Enrollment.Status.WITHDRAWN
        )
    }
    activities = (
        NetworkActivity.objects.filter(cohort_id__in=list(mine))
        .select_related("cohort")
        .order_by("-cohort__starts_on")
    )
    return {"rows": [(activity, mine[activity.cohort_id]) for activity in activities]}
