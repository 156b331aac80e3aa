from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers

from accounts.models import Country, Delegation
from activities.forms import EVALUATION_ELSEWHERE
from activities.models import NetworkActivity
from courses.models import Cohort
from enrollments.questionnaires.models import QuestionnaireTemplate


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


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class ActivityWriteSerializer(serializers.Serializer):
    """A new activity, saved as a draft (published once it has a session)."""

    kind = serializers.ChoiceField(choices=NetworkActivity.Kind.choices)
    delegation = serializers.SlugRelatedField(
        slug_field="code", queryset=Delegation.objects.all(), help_text="The delegation's code."
    )
    title = serializers.CharField(max_length=200, help_text="In Spanish.")
    title_translations = serializers.DictField(
        child=serializers.CharField(max_length=200, allow_blank=True),
        required=False,
        default=dict,
        help_text='Other languages: {"pt": "…"}.',
    )
    description = serializers.CharField(max_length=10000, help_text="In Spanish.")
    description_translations = serializers.DictField(
        child=serializers.CharField(max_length=10000, allow_blank=True),
        required=False,
        default=dict,
    )
    language = serializers.ChoiceField(choices=settings.LANGUAGES, default="es")
    audience = serializers.ChoiceField(
        choices=[c.value for c in Cohort.Visibility], default=Cohort.Visibility.PUBLIC
    )
    applications_open_at = serializers.DateTimeField()
    applications_close_at = serializers.DateTimeField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    seats = serializers.IntegerField(min_value=1, max_value=10000)
    max_country_share = serializers.IntegerField(
        min_value=1, max_value=100, required=False, allow_null=True
    )
    max_per_city = serializers.IntegerField(
        min_value=1, max_value=10000, required=False, allow_null=True
    )
    venue = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    place = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    country = serializers.SlugRelatedField(
        slug_field="iso_code",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        help_text="ISO 3166 code.",
    )
    network_wide = serializers.BooleanField(required=False, default=False)
    evaluation = serializers.SlugRelatedField(
        slug_field="public_id",
        queryset=QuestionnaireTemplate.objects.all(),
        required=False,
        allow_null=True,
        help_text="A questionnaire template's id (the delegation's or the network's): it opens "
        "to those who attended when the last session ends, for three weeks, anonymously.",
    )

    def _translations(self, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - set(_languages())
        if unknown:
            raise serializers.ValidationError(
                _("Unknown language codes: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
            )
        return {code: text.strip() for code, text in value.items() if text.strip() and code != "es"}

    def validate_title_translations(self, value: dict[str, str]) -> dict[str, str]:
        return self._translations(value)

    def validate_description_translations(self, value: dict[str, str]) -> dict[str, str]:
        return self._translations(value)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["ends_on"] < attrs["starts_on"]:
            raise serializers.ValidationError(
                {"ends_on": _("An activity cannot end before it starts.")}
            )
        if attrs["applications_close_at"] <= attrs["applications_open_at"]:
            raise serializers.ValidationError(
                {"applications_close_at": _("Applications must close after they open.")}
            )
        evaluation = attrs.get("evaluation")
        if evaluation and evaluation.delegation_id not in (None, attrs["delegation"].pk):
            raise serializers.ValidationError({"evaluation": EVALUATION_ELSEWHERE})
        return attrs
