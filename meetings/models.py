"""Sessions of a cohort (online, face to face or both) and who attended them.

The app is `meetings` because `sessions` is Django's; people read "session" everywhere.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
import zoneinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import validate_time_zone
from config.validators import no_bidi_controls, plausible_date

# Online sessions may be joined this long before they start; check-in opens as early.
JOIN_OPENS_BEFORE = datetime.timedelta(minutes=15)


def validate_meeting_url(value: str) -> None:
    """Any meeting tool's link, as long as it is a secure web address."""
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        raise ValidationError(
            _("The meeting link must be a secure web address starting with https://."),
            code="insecure_meeting_url",
        )


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def scheduled(self) -> MeetingQuerySet:
        return self.filter(cancelled_at__isnull=True)

    def upcoming(self, *, at: datetime.datetime | None = None) -> MeetingQuerySet:
        return self.scheduled().filter(ends_at__gt=at or timezone.now())

    def of_learner(self, learner_id: int) -> MeetingQuerySet:
        """Sessions of the cohorts where the learner holds a seat."""
        return self.filter(
            cohort__enrollments__learner_id=learner_id,
            cohort__enrollments__status__in=["active", "completed"],
        )


class Meeting(models.Model):
    class Kind(models.TextChoices):
        ONLINE = "online", _("Online")
        FACE_TO_FACE = "face_to_face", _("Face to face")
        HYBRID = "hybrid", _("Hybrid (online and face to face)")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey("courses.Cohort", related_name="meetings", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200, validators=[no_bidi_controls])
    # The cohort's language is `title`; other languages here, as the cohort's own title.
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    description_translations = models.JSONField(default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.ONLINE)
    starts_at = models.DateTimeField(_("starts at"), validators=[plausible_date])
    ends_at = models.DateTimeField(_("ends at"), validators=[plausible_date])
    time_zone = models.CharField(
        _("organiser's time zone"), max_length=64, validators=[validate_time_zone]
    )
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        validators=[validate_meeting_url],
        help_text=_("Jitsi, BigBlueButton, Zoom, Teams…: learners join through Aula."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    venue_city = models.CharField(_("city"), max_length=120, blank=True)
    seats = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    after_module = models.ForeignKey(
        "cms.ModulePage",
        verbose_name=_("after the module"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
        help_text=_("Where it fits in the course, for learners planning their reading."),
    )
    is_required = models.BooleanField(
        _("attendance required to complete the edition"),
        default=False,
        help_text=_("Learners who were not present do not complete the edition."),
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_meetings",
        blank=True,
    )
    # RFC 5545: raised on every change people are told of, so calendars update the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_day_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_hour_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_it_starts"
            ),
            models.UniqueConstraint(
                fields=["cohort", "creation_key"],
                condition=~Q(creation_key=""),
                name="meeting_created_once_per_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(
                _("The session must end after it starts."), code="ends_before_start"
            )
        if self.kind in (self.Kind.ONLINE, self.Kind.HYBRID) and not self.meeting_url:
            errors["meeting_url"] = ValidationError(
                _("An online session needs its meeting link."), code="meeting_url_required"
            )
        if self.kind in (self.Kind.FACE_TO_FACE, self.Kind.HYBRID) and not (
            self.venue_name and self.venue_city
        ):
            errors["venue_name"] = ValidationError(
                _("A face-to-face session needs its venue and city."), code="venue_required"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_online(self) -> bool:
        return self.kind in (self.Kind.ONLINE, self.Kind.HYBRID)

    @property
    def is_face_to_face(self) -> bool:
        return self.kind in (self.Kind.FACE_TO_FACE, self.Kind.HYBRID)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or "UTC")

    def shown_title(self, language: str | None = None) -> str:
        from django.utils import translation

        language = language or translation.get_language() or ""
        return str(self.title_translations.get(language) or self.title)

    def shown_description(self, language: str | None = None) -> str:
        from django.utils import translation

        language = language or translation.get_language() or ""
        return str(self.description_translations.get(language) or self.description)

    def is_open_to_join(self, *, at: datetime.datetime | None = None) -> bool:
        at = at or timezone.now()
        return not self.is_cancelled and self.starts_at - JOIN_OPENS_BEFORE <= at < self.ends_at

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class Attendance(models.Model):
    """One participant's presence at one session; its history is in `AttendanceChange`."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    class Source(models.TextChoices):
        JOINED = "joined", _("Joined online")
        CHECKED_IN = "checked_in", _("Checked in")
        REGISTER = "register", _("Set in the register")

    meeting = models.ForeignKey(Meeting, related_name="attendances", on_delete=models.CASCADE)
    enrollment = models.ForeignKey(
        "enrollments.Enrollment", related_name="attendances", on_delete=models.CASCADE
    )
    status = models.CharField(_("attendance"), max_length=16, choices=Status)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "enrollment"], name="one_attendance_per_session_and_learner"
            )
        ]


class AttendanceChange(models.Model):
    """Who set what, when: the register's history."""

    attendance = models.ForeignKey(Attendance, related_name="changes", on_delete=models.CASCADE)
    status = models.CharField(max_length=16, choices=Attendance.Status)
    source = models.CharField(max_length=16, choices=Attendance.Source)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ["changed_at", "pk"]


class Booking(models.Model):
    """A learner's place at a session with limited seats."""

    meeting = models.ForeignKey(Meeting, related_name="bookings", on_delete=models.CASCADE)
    enrollment = models.ForeignKey(
        "enrollments.Enrollment", related_name="bookings", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("booked place")
        verbose_name_plural = _("booked places")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "enrollment"], name="one_booking_per_session_and_learner"
            )
        ]


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's private calendar address: whoever holds the token reads their sessions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="calendar_feed", on_delete=models.CASCADE
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
