from __future__ import annotations

from typing import Any

from django import template

from accounts.models import User

register = template.Library()


@register.filter
def author_line(person: User | None) -> dict[str, str] | None:
    """Who is speaking: name, city and position; None for an erased account."""
    if person is None or not person.is_active:
        return None
    name = person.get_full_name().strip() or person.certificate_name
    if not name:
        return None
    city = str(person.member_city) if person.member_city_id else person.other_city
    position = person.get_position_display() if person.position != User.Position.OTHER else ""
    return {"name": name, "city": city, "position": str(position)}


@register.inclusion_tag("discussions/includes/discuss_link.html", takes_context=True)
def discuss(context: dict[str, Any], page: Any) -> dict[str, Any]:
    """ "Discuss this lesson" (or module), for people in one of the course's running cohorts:
    the discussions of their latest, on this page's topic, with how many threads it has."""
    from django.db.models import Count, Q

    from cms.models import CoursePage
    from courses.models import Cohort

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None or page.pk is None:
        return {}
    # One query: the person's latest edition of this page's course that they are in (a seat,
    # or training or coordinating it), with the threads on this page.
    mine = (
        Q(enrollments__learner=user, enrollments__status__in=["active", "completed"])
        | Q(trainers=user.pk)
        | Q(delegation__coordinators=user.pk)
    )
    cohort = (
        Cohort.objects.filter(mine, course__pages__in=CoursePage.objects.ancestor_of(page))
        .exclude(status=Cohort.Status.DRAFT)
        .annotate(
            on_topic=Count(
                "threads", filter=Q(threads__topic_key=page.translation_key), distinct=True
            )
        )
        .order_by("-starts_on", "-pk")
        .first()
    )
    if cohort is None:
        return {}
    return {"cohort": cohort, "key": page.translation_key, "kind": page.specific_class.__name__}


@register.inclusion_tag("discussions/includes/report.html")
def discussion_figures(cohorts: Any) -> dict[str, Any]:
    """A cohort's discussions, or those of several (a delegation's report)."""
    from discussions import reports

    return {"figures": reports.figures(cohorts)}
