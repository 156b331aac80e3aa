from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers

from accounts.models import available_time_zones
from meetings.models import Attendance, Meeting


def _translations(value: object, *, limit: int) -> dict[str, str]:
    languages = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, dict) or not all(
        key in languages and isinstance(text, str) and len(text) <= limit
        for key, text in value.items()
    ):
        raise serializers.ValidationError(
            _(
                "Give an object of language codes (%(codes)s) and texts of at most %(limit)s "
                "characters."
            )
            % {"codes": ", ".join(sorted(languages)), "limit": limit}
        )
    return {key: text.strip() for key, text in value.items() if text.strip()}


class MeetingSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    cohort = serializers.UUIDField(source="cohort.public_id", read_only=True)
    shown_title = serializers.SerializerMethodField(
        help_text="The title in the caller's language, the session's own otherwise."
    )
    is_cancelled = serializers.BooleanField(read_only=True)
    join_url = serializers.SerializerMethodField(
        help_text="Where learners join (through Aula, which records it); empty if not online."
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "cohort",
            "title",
            "title_translations",
            "shown_title",
            "description",
            "description_translations",
            "kind",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue_name",
            "venue_address",
            "venue_city",
            "seats",
            "sequence",
            "is_cancelled",
            "cancelled_at",
            "join_url",
        ]

    def get_shown_title(self, meeting: Meeting) -> str:
        return meeting.shown_title()

    def get_join_url(self, meeting: Meeting) -> str:
        if not meeting.is_online:
            return ""
        return f"/api/v1/sessions/{meeting.public_id}/join/"


class MeetingWriteSerializer(serializers.Serializer):
    """A session as sent by its organiser; times with their offset (ISO 8601)."""

    cohort = serializers.UUIDField(required=False, help_text="The edition (on creation only).")
    title = serializers.CharField(max_length=200)
    title_translations = serializers.JSONField(required=False)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    description_translations = serializers.JSONField(required=False)
    kind = serializers.ChoiceField(choices=Meeting.Kind.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField(max_length=64, required=False, allow_blank=True)
    meeting_url = serializers.CharField(max_length=500, required=False, allow_blank=True)
    venue_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    venue_address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    venue_city = serializers.CharField(max_length=120, required=False, allow_blank=True)
    seats = serializers.IntegerField(
        min_value=1, max_value=100_000, required=False, allow_null=True
    )

    def validate_title_translations(self, value: object) -> dict[str, str]:
        return _translations(value, limit=200)

    def validate_description_translations(self, value: object) -> dict[str, str]:
        return _translations(value, limit=4000)

    def validate_time_zone(self, value: str) -> str:
        if value and value not in available_time_zones():
            raise serializers.ValidationError(_("“%(zone)s” is not a time zone.") % {"zone": value})
        return value

    def fields_for_model(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        data.pop("cohort", None)
        return data


class CheckInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32, help_text="The code under the room's QR code.")


class AttendanceSerializer(serializers.ModelSerializer):
    enrollment = serializers.UUIDField(source="enrollment.public_id", read_only=True)
    learner = serializers.CharField(source="enrollment.learner.display_name", read_only=True)

    class Meta:
        model = Attendance
        fields = ["enrollment", "learner", "status", "joined_at", "checked_in_at", "changed_at"]


class RegisterSerializer(serializers.Serializer):
    statuses = serializers.DictField(
        child=serializers.ChoiceField(choices=Attendance.Status.choices),
        allow_empty=False,
        help_text="Attendance by enrolment id: `present`, `absent` or `excused`.",
    )


class JoinSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The meeting's own link; open it now.")


class FeedSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The private calendar address (iCalendar).")


class BookingSerializer(serializers.Serializer):
    session = serializers.UUIDField()
    booked_at = serializers.DateTimeField()
