"""iCalendar (RFC 5545) for sessions: an invitation per e-mail, and each person's feed.

Built with `icalendar`, never by string templates: escaping, folding and time formats are the
library's job. Times are written in UTC; calendar programs show them in their own zone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from meetings.models import Meeting

PRODID = "-//Aula//Sessions//EN"


def uid(meeting: Meeting) -> str:
    # Stable across changes, so a calendar replaces the event instead of adding another.
    return f"session-{meeting.public_id}@aula"


def page_url(meeting: Meeting, language: str) -> str:
    return f"{settings.SITE_URL}/{language}/sessions/{meeting.public_id}/"


def join_url(meeting: Meeting, language: str) -> str:
    return f"{settings.SITE_URL}/{language}/sessions/{meeting.public_id}/join/"


def event(meeting: Meeting, *, language: str) -> Event:
    with translation.override(language):
        item = Event()
        item.add("uid", uid(meeting))
        item.add("sequence", meeting.sequence)
        item.add("dtstamp", timezone.now())
        item.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        item.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
        item.add("summary", meeting.shown_title(language))
        lines = [meeting.shown_description(language)] if meeting.description else []
        if meeting.is_online:
            lines.append(_("Join online: %(url)s") % {"url": join_url(meeting, language)})
        lines.append(page_url(meeting, language))
        item.add("description", "\n\n".join(lines))
        item.add("url", page_url(meeting, language))
        if meeting.is_face_to_face:
            place = [meeting.venue_name, meeting.venue_address, meeting.venue_city]
            item.add("location", ", ".join(part for part in place if part))
        else:
            item.add("location", join_url(meeting, language))
        item.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        organizer = vCalAddress(f"mailto:{address or 'aula@localhost'}")
        organizer.params["cn"] = "Aula"
        item.add("organizer", organizer)
    return item


def _calendar(method: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def invitation(meeting: Meeting, *, language: str) -> bytes:
    """What an e-mail carries: a request, or the cancellation of the same event."""
    calendar = _calendar("CANCEL" if meeting.is_cancelled else "REQUEST")
    calendar.add_component(event(meeting, language=language))
    return bytes(calendar.to_ical())


def single(meeting: Meeting, *, language: str) -> bytes:
    """ "Add to my calendar": the event alone, published rather than requested."""
    calendar = _calendar("PUBLISH")
    calendar.add_component(event(meeting, language=language))
    return bytes(calendar.to_ical())


def feed(
    meetings: Iterable[Meeting],
    *,
    deadlines: Iterable[tuple[str, str, datetime.date]],
    language: str,
    name: str,
) -> bytes:
    """A person's sessions and their cohorts' end dates (`(uid, title, date)`)."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(event(meeting, language=language))
    for key, title, day in deadlines:
        item = Event()
        item.add("uid", key)
        item.add("dtstamp", timezone.now())
        item.add("dtstart", day)
        item.add("dtend", day + datetime.timedelta(days=1))
        item.add("summary", title)
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    return bytes(calendar.to_ical())
