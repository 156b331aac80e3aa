"""Sessions on pages of apps below this one ("My courses", the roster), which cannot import it."""

from __future__ import annotations

from typing import Any

from django import template

from meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/includes/upcoming.html")
def upcoming_sessions(user: Any, limit: int = 5, course: Any = None) -> dict[str, Any]:
    """The signed-in learner's next sessions, across their editions or of one course: one
    query."""
    if not getattr(user, "is_authenticated", False):
        return {"meetings": []}
    found = Meeting.objects.upcoming().of_learner(user.pk)
    if course is not None:
        found = found.filter(cohort__course_id=course.pk)
    meetings = list(found.distinct()[:limit])
    return {"meetings": meetings}


@register.inclusion_tag("meetings/includes/record_sessions.html")
def sessions_of(enrollment: Any) -> dict[str, Any]:
    """The learner record's sessions: each of the edition's, with their attendance (two
    queries, whatever the number of sessions)."""
    from meetings.models import Attendance

    meetings = list(Meeting.objects.filter(cohort_id=enrollment.cohort_id).order_by("starts_at"))
    attendances = {
        a.meeting_id: a
        for a in Attendance.objects.filter(enrollment_id=enrollment.pk, meeting__in=meetings)
    }
    return {"rows": [(m, attendances.get(m.pk)) for m in meetings]}


@register.inclusion_tag("meetings/includes/report.html")
def session_attendance(cohort: Any) -> dict[str, Any]:
    from meetings import reports

    return {"figures": reports.attendance(cohort), "min_cell": _min_cell(), "cohort": cohort}


def _min_cell() -> int:
    from django.conf import settings

    return int(settings.REPORT_MIN_CELL)
