"""E-mails about a session, each in the recipient's language and time zone, with the event
for their calendar attached."""

from __future__ import annotations

import zoneinfo

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User
from enrollments.models import Enrollment
from meetings import calendars, tasks
from meetings.models import Meeting

BATCH = 500  # people per task: a cohort of 10,000 is queued as 20 tasks


def recipients(meeting: Meeting) -> list[int]:
    """Learners holding a seat now (never the withdrawn), facilitators and trainers."""
    learners = Enrollment.objects.active().filter(cohort_id=meeting.cohort_id)
    ids = set(learners.values_list("learner_id", flat=True))
    ids |= set(meeting.facilitators.values_list("pk", flat=True))
    ids |= set(meeting.cohort.trainers.values_list("pk", flat=True))
    return sorted(ids)


def send_meeting_notices(*, meeting_id: int, change: str) -> None:
    meeting = Meeting.objects.select_related("cohort").get(pk=meeting_id)
    people = recipients(meeting)
    for start in range(0, len(people), BATCH):
        tasks.notify_people.delay(meeting_id, change, people[start : start + BATCH])


def zone_of(user: User, meeting: Meeting) -> zoneinfo.ZoneInfo:
    """The person's zone, their country's, or the organiser's."""
    name = user.shown_time_zone
    try:
        return zoneinfo.ZoneInfo(name) if name else meeting.zone
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return meeting.zone


def send_meeting_notice(*, meeting_id: int, change: str, user_ids: list[int]) -> None:
    meeting = Meeting.objects.select_related("cohort").get(pk=meeting_id)
    if change in ("day_before", "hour_before") and meeting.is_cancelled:
        return  # cancelled since the reminder was queued
    messages = []
    people = User.objects.filter(pk__in=user_ids, is_active=True)
    for user in people.select_related("member_city__country"):
        language = user.preferred_language or meeting.cohort.language
        with translation.override(language), timezone.override(zone_of(user, meeting)):
            context = {
                "meeting": meeting,
                "title": meeting.shown_title(language),
                "description": meeting.shown_description(language),
                "cohort_title": meeting.cohort.shown_title,
                "person": user,
                "change": change,
                "zone": zone_of(user, meeting).key,
                "page_url": calendars.page_url(meeting, language),
                "join_url": calendars.join_url(meeting, language),
            }
            subject = render_to_string("meetings/email/notice_subject.txt", context).strip()
            body = render_to_string("meetings/email/notice.txt", context)
            message = EmailMessage(subject, body, None, [user.email])
            method = "CANCEL" if meeting.is_cancelled else "REQUEST"
            message.attach(
                "session.ics",
                calendars.invitation(meeting, language=language),
                f"text/calendar; method={method}; charset=UTF-8",
            )
            messages.append(message)
    if messages:
        get_connection().send_messages(messages)
