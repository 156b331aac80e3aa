from __future__ import annotations

from typing import Any

from rest_framework import serializers

from activities.models import NetworkActivity


class SessionSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    kind = serializers.CharField()
    city = serializers.CharField(source="venue_city")


class ActivitySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="cohort.public_id", read_only=True)
    title = serializers.CharField(source="shown_title", read_only=True)
    description = serializers.CharField(source="shown_description", read_only=True)
    delegation = serializers.CharField(source="cohort.delegation.code", read_only=True)
    language = serializers.CharField(source="cohort.language", read_only=True)
    audience = serializers.CharField(source="cohort.visibility", read_only=True)
    status = serializers.CharField(source="cohort.status", read_only=True)
    starts_on = serializers.DateField(source="cohort.starts_on", read_only=True)
    ends_on = serializers.DateField(source="cohort.ends_on", read_only=True)
    applications_open_at = serializers.DateTimeField(
        source="cohort.enrollment_opens_at", read_only=True
    )
    applications_close_at = serializers.DateTimeField(
        source="cohort.enrollment_closes_at", read_only=True
    )
    seats = serializers.IntegerField(source="cohort.capacity", read_only=True)
    country = serializers.SerializerMethodField()
    sessions = serializers.SerializerMethodField()

    class Meta:
        model = NetworkActivity
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "delegation",
            "network_wide",
            "language",
            "audience",
            "status",
            "starts_on",
            "ends_on",
            "applications_open_at",
            "applications_close_at",
            "seats",
            "venue",
            "place",
            "country",
            "sessions",
        ]

    def get_country(self, activity: NetworkActivity) -> str:
        return activity.country.iso_code if activity.country else ""

    @staticmethod
    def _sessions(activity: NetworkActivity) -> list[Any]:
        return [m for m in activity.cohort.meetings.all() if m.cancelled_at is None]  # type: ignore[attr-defined]

    def get_sessions(self, activity: NetworkActivity) -> list[dict[str, Any]]:
        return SessionSerializer(self._sessions(activity), many=True).data  # type: ignore[return-value]


class ApplicationSerializer(serializers.Serializer):
    enrollment = serializers.UUIDField(source="public_id")
    status = serializers.CharField(help_text="waitlisted: applied, waiting for admission.")
