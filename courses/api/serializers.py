from rest_framework import serializers

from courses.models import Course


class CourseSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    certificate_title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    prerequisites: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        read_only=True,
        help_text="Codes of the courses to complete before enrolling in this one.",
    )

    class Meta:
        model = Course
        fields = ["id", "code", "nominal_hours", "status", "certificate_title", "description",
                  "prerequisites"]  # fmt: skip

    def get_certificate_title(self, course: Course) -> str:
        return course.safe_translation_getter("certificate_title", any_language=True) or ""

    def get_description(self, course: Course) -> str:
        return course.safe_translation_getter("description", any_language=True) or ""
