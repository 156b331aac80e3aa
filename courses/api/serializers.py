from rest_framework import serializers

from courses.models import Course


class CourseSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    certificate_title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()

    class Meta:
        model = Course
        fields = ["id", "code", "nominal_hours", "status", "certificate_title", "description"]

    def get_certificate_title(self, course: Course) -> str:
        return course.safe_translation_getter("certificate_title", any_language=True) or ""

    def get_description(self, course: Course) -> str:
        return course.safe_translation_getter("description", any_language=True) or ""
