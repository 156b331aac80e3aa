"""A person's sessions data in their download, and what erasing their account removes."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from meetings.models import Attendance, Booking, CalendarFeed


def personal_data(user: User) -> dict[str, Any]:
    attendances = (
        Attendance.objects.filter(enrollment__learner=user)
        .select_related("meeting__cohort")
        .order_by("meeting__starts_at")
    )
    return {
        "attendance": [
            {
                "session": str(a.meeting.public_id),
                "title": a.meeting.title,
                "cohort": str(a.meeting.cohort.public_id),
                "starts_at": a.meeting.starts_at,
                "status": a.status,
                "joined_at": a.joined_at,
                "checked_in_at": a.checked_in_at,
                "changed_at": a.changed_at,
            }
            for a in attendances
        ],
        "booked_places": [
            {"session": str(b.meeting.public_id), "title": b.meeting.title, "at": b.created_at}
            for b in Booking.objects.filter(enrollment__learner=user).select_related("meeting")
        ],
        "has_calendar_address": CalendarFeed.objects.filter(user=user).exists(),
    }


def erase(user: User) -> None:
    """Attendance stays for the figures, on an account that no longer names anyone; the
    calendar address, which would still show their sessions, goes."""
    CalendarFeed.objects.filter(user=user).delete()
