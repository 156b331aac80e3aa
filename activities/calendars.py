"""The public calendar as iCalendar (RFC 5545, built with `icalendar`): one event per session
of each listed activity, linking to the activity's page."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar, Event

from activities.models import NetworkActivity


def page_url(activity: NetworkActivity, language: str) -> str:
    return f"{settings.SITE_URL}/{language}/activities/{activity.public_id}/"


def feed(activities: Iterable[NetworkActivity], *, language: str, name: str) -> bytes:
    from meetings.models import Meeting

    calendar = Calendar()
    calendar.add("prodid", "-//Aula//Activities//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    chosen = {activity.cohort_id: activity for activity in activities}
    sessions = Meeting.objects.filter(
        cohort_id__in=list(chosen), cancelled_at__isnull=True
    ).order_by("starts_at")
    with translation.override(language):
        for session in sessions:
            activity = chosen[session.cohort_id]
            item = Event()
            item.add("uid", f"activity-session-{session.public_id}@aula")
            item.add("sequence", session.sequence)
            item.add("dtstamp", timezone.now())
            item.add("dtstart", session.starts_at.astimezone(datetime.UTC))
            item.add("dtend", session.ends_at.astimezone(datetime.UTC))
            title = activity.shown_title
            # A session named as its activity is the activity; others add their own name.
            named_apart = session.title.strip() != activity.cohort.title.strip()
            summary = f"{title}: {session.shown_title(language)}" if named_apart else title
            item.add("summary", summary)
            item.add("description", activity.shown_description)
            item.add("url", page_url(activity, language))
            place = [session.venue_name, session.venue_city] if session.is_face_to_face else []
            item.add(
                "location",
                ", ".join(p for p in place if p) or activity.get_kind_display(),
            )
            calendar.add_component(item)
    return bytes(calendar.to_ical())
