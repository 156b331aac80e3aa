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

    from courses.models import Cohort
    from discussions.services import readable_cohorts_filter

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None or page.pk is None:
        return {}
    from cms.models import CoursePage

    course_page = CoursePage.objects.ancestor_of(page).only("course_id").first()
    if course_page is None:
        return {}
    cohort = (
        Cohort.objects.filter(readable_cohorts_filter(user), course_id=course_page.course_id)
        .exclude(status=Cohort.Status.DRAFT)
        .annotate(
            on_topic=Count(
                "threads", filter=Q(threads__topic_key=page.translation_key), distinct=True
            )
        )
        .order_by("-starts_on")
        .first()
    )
    if cohort is None:
        return {}
    return {"cohort": cohort, "key": page.translation_key, "kind": page.specific_class.__name__}
