from __future__ import annotations

from typing import Any

from rest_framework import serializers

from nudges.models import Message, Preference


class ReasonSerializer(serializers.Serializer):
    module = serializers.CharField(help_text="The module's title in the reader's language.")
    due_on = serializers.DateField()


class AtRiskSerializer(serializers.Serializer):
    enrollment = serializers.UUIDField(source="enrollment.public_id")
    learner = serializers.CharField(source="enrollment.learner.display_name")
    city = serializers.CharField()
    percent_complete = serializers.IntegerField(source="enrollment.percent_complete")
    last_activity_at = serializers.DateTimeField(source="seen", allow_null=True)
    inactive = serializers.BooleanField()
    behind = serializers.SerializerMethodField()

    def get_behind(self, row: Any) -> list[dict[str, Any]]:
        return [{"module": module.title, "due_on": due_on} for module, due_on in row.behind]


class VersionSerializer(serializers.Serializer):
    subject = serializers.CharField(allow_blank=True, required=False, default="")
    body = serializers.CharField(allow_blank=True, required=False, default="")


class MessageWriteSerializer(serializers.Serializer):
    subject = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    recipients = serializers.ListField(
        child=serializers.CharField(), help_text="Enrolments' ids (as the at-risk list gives)."
    )
    translations = serializers.DictField(
        child=VersionSerializer(),
        required=False,
        default=dict,
        help_text='The same message in other languages: {"pt": {"subject": …, "body": …}}.',
    )


class MessageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    recipients = serializers.SerializerMethodField()

    class Meta:
        model = Message
        fields = ["id", "subject", "body", "language", "translations", "created_at", "recipients"]

    def get_recipients(self, message: Message) -> int:
        return message.deliveries.count()


class StrictBooleanField(serializers.BooleanField):
    """true or false as JSON booleans only: "yes", 1 or "" are refused, not guessed."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class PreferenceSerializer(serializers.ModelSerializer):
    welcome = StrictBooleanField(required=False)
    deadline = StrictBooleanField(required=False)
    inactive = StrictBooleanField(required=False)
    message = StrictBooleanField(required=False)

    class Meta:
        model = Preference
        fields = ["welcome", "deadline", "inactive", "message"]
