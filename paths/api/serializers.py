from __future__ import annotations

from rest_framework import serializers

from paths.models import LearningPath


class PathSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    title = serializers.CharField(source="shown_title")
    description = serializers.CharField(source="shown_description")
    delegation = serializers.CharField(source="delegation.code")
    courses = serializers.SerializerMethodField()

    class Meta:
        model = LearningPath
        fields = ["id", "title", "description", "delegation", "enforce_order", "courses"]

    def get_courses(self, path: LearningPath) -> list[str]:
        return [step.course.code for step in path.steps.all()]


class EnrolSerializer(serializers.Serializer):
    emails = serializers.ListField(
        child=serializers.EmailField(), allow_empty=False, max_length=2000
    )


class EnrolledSerializer(serializers.Serializer):
    enrolled = serializers.IntegerField(help_text="People newly on the path.")
    unknown = serializers.ListField(
        child=serializers.EmailField(), help_text="Addresses with no account: nobody enrolled."
    )


class JoinedSerializer(serializers.Serializer):
    path = serializers.UUIDField(help_text="The path joined.")
    joined = serializers.BooleanField(help_text="False: you were on it already; nothing changed.")
    editions = serializers.ListField(
        child=serializers.UUIDField(),
        help_text="Editions this request enrolled you in (or put you on the waiting list of).",
    )
