"""Scheduling sessions, telling people, joining, checking in and the attendance register."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from courses.models import Cohort
from enrollments import progress
from enrollments.models import Enrollment
from meetings import tasks
from meetings.models import (
    JOIN_OPENS_BEFORE,
    Attendance,
    AttendanceChange,
    Booking,
    CalendarFeed,
    Meeting,
    new_feed_token,
)

# Fields whose change people must hear of (and their calendars must update).
NOTIFIED = (
    "starts_at",
    "ends_at",
    "kind",
    "meeting_url",
    "venue_name",
    "venue_address",
    "venue_city",
)
CHECK_IN_PERIOD = 60  # seconds a check-in code shows on the screen
CHECK_IN_GRACE = 1  # codes of the previous period still count (a scan as the code changes)


@dataclass(frozen=True)
class Scheduled:
    meeting: Meeting
    overlapping: list[Meeting]


def overlapping(meeting: Meeting) -> list[Meeting]:
    """Other sessions of the cohort at the same time: allowed (parallel rooms), but said."""
    return list(
        Meeting.objects.scheduled()
        .filter(cohort_id=meeting.cohort_id, starts_at__lt=meeting.ends_at)
        .filter(ends_at__gt=meeting.starts_at)
        .exclude(pk=meeting.pk)
    )


def _check_future(meeting: Meeting, *, now: datetime.datetime) -> None:
    if meeting.starts_at <= now:
        raise ValidationError(
            {"starts_at": _("A new session cannot start in the past.")}, code="in_the_past"
        )


@transaction.atomic
def schedule_meeting(
    *,
    cohort: Cohort,
    by: User,
    fields: Mapping[str, Any],
    facilitators: Iterable[User] = (),
    creation_key: str = "",
) -> Scheduled:
    """Creates a session and tells the cohort's learners. Sent twice with the same key, the
    second request finds the first session."""
    if not access.can_follow_cohort(by, cohort):
        raise PermissionDenied
    if creation_key:
        earlier = Meeting.objects.filter(cohort=cohort, creation_key=creation_key).first()
        if earlier is not None:
            return Scheduled(earlier, overlapping(earlier))
    meeting = Meeting(cohort=cohort, created_by=by, creation_key=creation_key, **fields)
    if not meeting.time_zone:
        meeting.time_zone = by.time_zone or "UTC"
    meeting.full_clean()
    _check_future(meeting, now=timezone.now())
    _settle_reminders(meeting, now=timezone.now())
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        earlier = Meeting.objects.get(cohort=cohort, creation_key=creation_key)
        return Scheduled(earlier, overlapping(earlier))
    meeting.facilitators.set(list(facilitators))
    tasks.notify_meeting.delay_on_commit(meeting.pk, "scheduled")
    return Scheduled(meeting, overlapping(meeting))


@transaction.atomic
def change_meeting(
    *,
    meeting: Meeting,
    by: User,
    fields: Mapping[str, Any],
    facilitators: Iterable[User] | None = None,
) -> Scheduled:
    """Moves or edits a session; when its time, place or link changes, everyone is told and
    their calendars update the same event."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not access.can_follow_cohort(by, meeting.cohort):
        raise PermissionDenied
    if meeting.is_cancelled:
        raise ValidationError(
            _("This session was cancelled; schedule a new one."), code="cancelled"
        )
    before = {name: getattr(meeting, name) for name in NOTIFIED}
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    moved = any(getattr(meeting, name) != value for name, value in before.items())
    if moved and meeting.starts_at != before["starts_at"]:
        _check_future(meeting, now=timezone.now())
    if moved:
        meeting.sequence += 1
        _settle_reminders(meeting, now=timezone.now())
    meeting.save()
    if facilitators is not None:
        meeting.facilitators.set(list(facilitators))
    if moved:
        tasks.notify_meeting.delay_on_commit(meeting.pk, "changed")
    return Scheduled(meeting, overlapping(meeting))


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, by: User) -> Meeting:
    """Cancels once: a second click (or a retry) neither raises nor tells anyone again."""
    if not access.can_follow_cohort(by, meeting.cohort):
        raise PermissionDenied
    claimed = Meeting.objects.filter(pk=meeting.pk, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now(), sequence=F("sequence") + 1
    )
    meeting.refresh_from_db()
    if claimed:
        tasks.notify_meeting.delay_on_commit(meeting.pk, "cancelled")
        if meeting.is_required or meeting.cohort.min_sessions_attended:
            # Fewer sessions to attend: some may now have done everything the edition asks.
            tasks.refresh_completions.delay_on_commit(meeting.cohort_id)
    return meeting


def refresh_completions(*, cohort_id: int) -> int:
    """Completion looked at again for everyone in the edition who did every lesson."""
    waiting = [
        e.pk
        for e in Enrollment.objects.filter(cohort_id=cohort_id, status=Enrollment.Status.ACTIVE)
        .with_required_lessons()
        .only("pk", "completed_lessons")
        if e.has_done_required_lessons
    ]
    for enrollment_id in waiting:
        progress.refresh_completion(enrollment_id=enrollment_id)
    return len(waiting)


def refresh_attendees(*, cohort_id: int) -> int:
    """Completion looked at again for everyone in the edition present at a session (a network
    activity completes by attendance once its last session is over)."""
    present = list(
        Enrollment.objects.filter(
            cohort_id=cohort_id,
            status=Enrollment.Status.ACTIVE,
            attendances__status=Attendance.Status.PRESENT,
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    for enrollment_id in present:
        progress.refresh_completion(enrollment_id=enrollment_id)
    return len(present)


def _settle_reminders(meeting: Meeting, *, now: datetime.datetime) -> None:
    """A reminder whose moment has passed when people hear of the session is not sent: the
    invitation (or the change) they just received says as much."""
    until = meeting.starts_at - now
    meeting.reminded_day_before_at = now if until <= datetime.timedelta(hours=24) else None
    meeting.reminded_hour_before_at = now if until <= datetime.timedelta(hours=1) else None


def _seat_of(meeting: Meeting, user: User) -> Enrollment | None:
    return (
        Enrollment.objects.active().filter(cohort_id=meeting.cohort_id, learner_id=user.pk).first()
    )


def _record(
    *,
    meeting: Meeting,
    enrollment: Enrollment,
    status: str,
    source: str,
    by: User | None,
    at: datetime.datetime,
) -> Attendance:
    """Sets one participant's attendance; the history gains a line only when it changes."""
    attendance, created = Attendance.objects.get_or_create(
        meeting=meeting,
        enrollment=enrollment,
        defaults={"status": status, "changed_at": at, "changed_by": by},
    )
    stamps: dict[str, Any] = {}
    if source == Attendance.Source.JOINED and attendance.joined_at is None:
        stamps["joined_at"] = at
    if source == Attendance.Source.CHECKED_IN and attendance.checked_in_at is None:
        stamps["checked_in_at"] = at
    changed = created or attendance.status != status
    if changed and not created:
        stamps.update(status=status, changed_at=at, changed_by=by)
    if stamps:
        Attendance.objects.filter(pk=attendance.pk).update(**stamps)
        for name, value in stamps.items():
            setattr(attendance, name, value)
    if changed:
        AttendanceChange.objects.create(
            attendance=attendance, status=status, source=source, changed_by=by, changed_at=at
        )
        if status == Attendance.Status.PRESENT:
            # The edition may ask for attendance: being there can be what completes it (and
            # nothing else can; a completed enrolment stays completed).
            progress.refresh_completion(enrollment_id=enrollment.pk)
    return attendance


def _check_open(meeting: Meeting, *, at: datetime.datetime) -> None:
    if meeting.is_cancelled:
        raise ValidationError(_("This session was cancelled."), code="cancelled")
    if at < meeting.starts_at - JOIN_OPENS_BEFORE:
        raise ValidationError(
            _("This session opens %(minutes)d minutes before it starts.")
            % {"minutes": JOIN_OPENS_BEFORE.seconds // 60},
            code="not_open_yet",
        )
    if at >= meeting.ends_at:
        raise ValidationError(_("This session has ended."), code="ended")


@transaction.atomic
def join(*, meeting: Meeting, user: User, at: datetime.datetime | None = None) -> str:
    """Where to send someone who joins an online session; a learner's joining is recorded."""
    at = at or timezone.now()
    if not meeting.is_online:
        raise ValidationError(_("This session has no online meeting."), code="not_online")
    staff = (
        access.can_follow_cohort(user, meeting.cohort)
        or meeting.facilitators.filter(pk=user.pk).exists()
    )
    enrollment = None if staff else _seat_of(meeting, user)
    if not staff and enrollment is None:
        raise PermissionDenied
    _check_open(meeting, at=at)
    if enrollment is not None:
        _record(
            meeting=meeting,
            enrollment=enrollment,
            status=Attendance.Status.PRESENT,
            source=Attendance.Source.JOINED,
            by=user,
            at=at,
        )
    return meeting.meeting_url


@transaction.atomic
def book(*, meeting: Meeting, user: User) -> Booking:
    """Takes one of the session's places; asking twice keeps the one place. The session's row
    is locked while seats are counted, so two learners clicking at once never exceed them."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    enrollment = _seat_of(meeting, user)
    if enrollment is None:
        raise ValidationError(
            _("You are not enrolled in the edition of this session."), code="not_enrolled"
        )
    if meeting.is_cancelled:
        raise ValidationError(_("This session was cancelled."), code="cancelled")
    if meeting.ends_at <= timezone.now():
        raise ValidationError(_("This session has ended."), code="ended")
    existing = Booking.objects.filter(meeting=meeting, enrollment=enrollment).first()
    if existing is not None:
        return existing
    if meeting.seats is not None and meeting.bookings.count() >= meeting.seats:
        raise ValidationError(_("Every place at this session is taken."), code="full")
    return Booking.objects.create(meeting=meeting, enrollment=enrollment)


@transaction.atomic
def unbook(*, meeting: Meeting, user: User) -> None:
    """Gives the place back; nothing happens if there was none."""
    Booking.objects.filter(meeting=meeting, enrollment__learner=user).delete()


def _code_for(meeting: Meeting, period: int) -> str:
    key = hashlib.sha256(f"{settings.SECRET_KEY}:check-in".encode()).digest()
    digest = hmac.new(key, f"{meeting.public_id}:{period}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:5]).decode()  # 8 letters and digits, easy to type


def check_in_code(meeting: Meeting, *, at: datetime.datetime | None = None) -> str:
    """The code the trainer's screen shows now; it changes every minute."""
    at = at or timezone.now()
    return _code_for(meeting, int(at.timestamp()) // CHECK_IN_PERIOD)


def check_in(
    *, meeting: Meeting, user: User, code: str, at: datetime.datetime | None = None
) -> Attendance:
    """Marks a learner present from the code they scanned; scanning twice changes nothing."""
    at = at or timezone.now()
    enrollment = _seat_of(meeting, user)
    if enrollment is None:
        raise ValidationError(
            _("You are not enrolled in the edition of this session."), code="not_enrolled"
        )
    if not meeting.is_face_to_face:
        raise ValidationError(_("This session has no check-in on site."), code="not_on_site")
    _check_open(meeting, at=at)
    period = int(at.timestamp()) // CHECK_IN_PERIOD
    valid = {_code_for(meeting, period - back) for back in range(CHECK_IN_GRACE + 1)}
    if code.strip().upper() not in valid:
        raise ValidationError(
            _(
                "This check-in code has expired or belongs to another session: "
                "scan the screen again."
            ),
            code="bad_check_in_code",
        )
    with transaction.atomic():
        return _record(
            meeting=meeting,
            enrollment=enrollment,
            status=Attendance.Status.PRESENT,
            source=Attendance.Source.CHECKED_IN,
            by=user,
            at=at,
        )


@transaction.atomic
def set_attendance(
    *, meeting: Meeting, by: User, statuses: Mapping[str, str], at: datetime.datetime | None = None
) -> int:
    """The register: statuses by enrolment public id. All or nothing; returns how many changed."""
    if not access.can_follow_cohort(by, meeting.cohort):
        raise PermissionDenied
    at = at or timezone.now()
    valid = set(Attendance.Status.values)
    enrollments = {
        str(e.public_id): e
        for e in Enrollment.objects.active().filter(
            cohort_id=meeting.cohort_id, public_id__in=[k for k in statuses if is_uuid(k)]
        )
    }
    unknown = [key for key in statuses if key not in enrollments]
    if unknown:
        raise ValidationError(
            _("Attendance can only be set for people enrolled in this edition."),
            code="not_enrolled",
        )
    bad = [status for status in statuses.values() if status not in valid]
    if bad:
        raise ValidationError(
            _("“%(status)s” is not an attendance: use present, absent or excused.")
            % {"status": bad[0]},
            code="bad_status",
        )
    existing = {
        a.enrollment_id: a.status
        for a in Attendance.objects.filter(
            meeting=meeting, enrollment__in=[e.pk for e in enrollments.values()]
        )
    }
    changed = 0
    for key, status in statuses.items():
        enrollment = enrollments[key]
        if existing.get(enrollment.pk) == status:
            continue
        _record(
            meeting=meeting,
            enrollment=enrollment,
            status=status,
            source=Attendance.Source.REGISTER,
            by=by,
            at=at,
        )
        changed += 1
    return changed


def is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def feed_of(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def reset_feed(*, user: User) -> CalendarFeed:
    """A new address; the old one stops working at once."""
    feed = feed_of(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


def meetings_for_feed(*, user: User) -> list[Meeting]:
    """A person's sessions: as a learner holding a seat, a facilitator, or the cohort's staff."""
    taught = Q(facilitators=user) | Q(cohort__trainers=user)
    seat = Q(
        cohort__enrollments__learner=user,
        cohort__enrollments__status__in=Enrollment.HOLDING_A_SEAT,
    )
    ids = Meeting.objects.filter(taught | seat).values("pk")
    return list(Meeting.objects.filter(pk__in=ids).select_related("cohort").order_by("starts_at"))


def due_reminders(*, at: datetime.datetime | None = None) -> list[tuple[int, str]]:
    """Claims the reminders due now, each once however often the beat runs (a conditional
    UPDATE: a second worker claims nothing), and queues their e-mails."""
    at = at or timezone.now()
    claimed: list[tuple[int, str]] = []
    for field, kind, ahead, wanted in (
        ("reminded_day_before_at", "day_before", datetime.timedelta(hours=24), ["both", "day"]),
        ("reminded_hour_before_at", "hour_before", datetime.timedelta(hours=1), ["both", "hour"]),
    ):
        due = Meeting.objects.scheduled().filter(
            **{f"{field}__isnull": True},
            starts_at__gt=at,
            starts_at__lte=at + ahead,
            cohort__session_reminders__in=wanted,
        )
        for pk in list(due.values_list("pk", flat=True)):
            if Meeting.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: at}):
                claimed.append((pk, kind))
                tasks.notify_meeting.delay_on_commit(pk, kind)
    return claimed
