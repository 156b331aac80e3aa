from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from accounts.models import Delegation, User
from courses.models import Cohort, Course
from enrollments.models import Enrollment


class CohortSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    course = serializers.CharField(source="course.code", read_only=True)
    delegation = serializers.CharField(source="delegation.code", read_only=True)
    seats_taken = serializers.IntegerField(read_only=True)
    needs_key = serializers.SerializerMethodField()
    is_enrollment_open = serializers.SerializerMethodField()

    class Meta:
        model = Cohort
        fields = [
            "id",
            "title",
            "course",
            "delegation",
            "language",
            "starts_on",
            "ends_on",
            "enrollment_opens_at",
            "enrollment_closes_at",
            "is_enrollment_open",
            "capacity",
            "seats_taken",
            "has_waiting_list",
            "visibility",
            "needs_key",
            "status",
            "score_policy",
            "min_score",
            "requires_questionnaire",
            "min_days_enrolled",
            "min_sessions_attended",
            "min_discussion_posts",
            "requires_accepted_assignments",
            "session_reminders",
            "session_hours_count",
            "inactivity_nudge_days",
            "admission",
            "max_country_share",
            "max_per_city",
            "title_translations",
        ]

    def get_needs_key(self, cohort: Cohort) -> bool:
        return bool(cohort.enrollment_key)

    def get_is_enrollment_open(self, cohort: Cohort) -> bool:
        return cohort.is_enrollment_open()


class EnrollInputSerializer(serializers.Serializer):
    key = serializers.CharField(required=False, allow_blank=True, default="")


class EnrollmentSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    cohort = serializers.UUIDField(source="cohort.public_id", read_only=True)
    cohort_title = serializers.CharField(source="cohort.shown_title", read_only=True)
    course = serializers.CharField(source="cohort.course.code", read_only=True)
    required_lessons = serializers.IntegerField(read_only=True)
    percent_complete = serializers.IntegerField(read_only=True)

    class Meta:
        model = Enrollment
        fields = [
            "id",
            "cohort",
            "cohort_title",
            "course",
            "status",
            "enrolled_at",
            "waitlisted_at",
            "completed_at",
            "withdrawn_at",
            "completed_lessons",
            "required_lessons",
            "percent_complete",
            "last_activity_at",
        ]


class RosterRowSerializer(EnrollmentSerializer):
    learner = serializers.CharField(source="learner.display_name", read_only=True)
    email = serializers.EmailField(source="learner.email", read_only=True)
    city = serializers.SerializerMethodField()
    country = serializers.SerializerMethodField()
    position = serializers.CharField(source="learner.position", read_only=True)
    average_score = serializers.DecimalField(
        max_digits=5, decimal_places=4, read_only=True, allow_null=True
    )
    completed_by = serializers.SerializerMethodField(
        help_text="Who completed the enrolment by hand; empty when the learner did."
    )
    completion_reason = serializers.CharField(
        read_only=True, help_text="Why it was completed by hand; empty when the learner did."
    )
    sessions_attended = serializers.IntegerField(
        read_only=True, help_text="Sessions of the edition the learner was present at."
    )
    discussion_posts = serializers.IntegerField(
        read_only=True, help_text="Posts and replies in the edition's discussions (shown ones)."
    )
    assignments_accepted = serializers.IntegerField(
        read_only=True, help_text="Assignments whose work the trainers accepted."
    )
    assignment_points = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Rubric points of the accepted work; null when none was scored.",
    )

    class Meta(EnrollmentSerializer.Meta):
        fields = [
            "id",
            "learner",
            "email",
            "city",
            "country",
            "position",
            "status",
            "enrolled_at",
            "completed_at",
            "completed_lessons",
            "required_lessons",
            "percent_complete",
            "last_activity_at",
            "average_score",
            "completed_by",
            "completion_reason",
            "sessions_attended",
            "discussion_posts",
            "assignments_accepted",
            "assignment_points",
        ]

    def get_completed_by(self, enrollment: Enrollment) -> str:
        return enrollment.completed_by.display_name if enrollment.completed_by else ""

    def get_city(self, enrollment: Enrollment) -> str:
        city = enrollment.learner.member_city
        if city is None:
            return ""
        return str(self.context.get("city_names", {}).get(city.pk) or city)

    def get_country(self, enrollment: Enrollment) -> str:
        city = enrollment.learner.member_city
        return city.country.iso_code if city else ""


class CompleteByHandSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    lesson = serializers.UUIDField(
        required=False, help_text="translation_key of the lesson; omit to complete the enrolment"
    )
    force = serializers.BooleanField(
        default=False,
        help_text="Complete the enrolment although its edition has not started (say why).",
    )


class InviteSerializer(serializers.Serializer):
    emails = serializers.ListField(child=serializers.EmailField(), min_length=1, max_length=500)


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField()
    dry_run = serializers.BooleanField(default=True)


class ImportJobSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    cohort = serializers.UUIDField(source="cohort.public_id", read_only=True)

    class Meta:
        from enrollments.models import ImportJob

        model = ImportJob
        fields = [
            "id",
            "cohort",
            "file_name",
            "dry_run",
            "status",
            "total_rows",
            "processed_rows",
            "created_accounts",
            "created_invitations",
            "problems",
            "created_at",
            "finished_at",
        ]


class CohortWriteSerializer(serializers.ModelSerializer):
    """What coordinators set on a cohort of their delegation."""

    course = serializers.SlugRelatedField(
        slug_field="code", queryset=Course.objects.filter(is_activity=False)
    )
    delegation = serializers.SlugRelatedField(slug_field="code", queryset=Delegation.objects.all())
    trainers = serializers.SlugRelatedField(
        slug_field="email", queryset=User.objects.all(), many=True, required=False
    )

    class Meta:
        model = Cohort
        fields = [
            "title",
            "course",
            "delegation",
            "language",
            "starts_on",
            "ends_on",
            "enrollment_opens_at",
            "enrollment_closes_at",
            "capacity",
            "has_waiting_list",
            "visibility",
            "enrollment_key",
            "trainers",
            "status",
            "score_policy",
            "min_score",
            "requires_questionnaire",
            "min_days_enrolled",
            "min_sessions_attended",
            "min_discussion_posts",
            "requires_accepted_assignments",
            "session_reminders",
            "session_hours_count",
            "inactivity_nudge_days",
            "admission",
            "max_country_share",
            "max_per_city",
            "title_translations",
        ]

    def validate_title_translations(self, value: object) -> dict[str, str]:
        from django.conf import settings

        languages = {code for code, _name in settings.LANGUAGES}
        if not isinstance(value, dict) or not all(
            key in languages and isinstance(text, str) and len(text) <= 200
            for key, text in value.items()
        ):
            raise serializers.ValidationError(
                _(
                    "Give an object of language codes (%(codes)s) and titles of at most 200 "
                    "characters."
                )
                % {"codes": ", ".join(sorted(languages))}
            )
        return {key: text.strip() for key, text in value.items() if text.strip()}

    def validate(self, attrs: dict) -> dict:
        def value(name: str) -> object:
            return attrs.get(name, getattr(self.instance, name, None))

        starts, ends = value("starts_on"), value("ends_on")
        if starts and ends and ends < starts:  # type: ignore[operator]
            raise serializers.ValidationError(
                {"ends_on": _("A cohort cannot end before it starts.")}
            )
        opens, closes = value("enrollment_opens_at"), value("enrollment_closes_at")
        if opens and closes and closes <= opens:  # type: ignore[operator]
            raise serializers.ValidationError(
                {"enrollment_closes_at": _("Enrolment must close after it opens.")}
            )
        if value("admission") == Cohort.Admission.SELECTION and value("capacity") is None:
            raise serializers.ValidationError(
                {"capacity": _("Admission by application needs a number of seats.")}
            )
        return attrs


class AdmitSerializer(serializers.Serializer):
    add_seat = serializers.BooleanField(
        default=False, help_text="When every seat is taken, add one for this person."
    )


class RerunSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    title_translations = serializers.DictField(
        child=serializers.CharField(max_length=200, allow_blank=True),
        required=False,
        help_text='The title in other languages: {"pt": "…"}.',
    )
    starts_on = serializers.DateField(help_text="Today or later.")
    ends_on = serializers.DateField(
        required=False, allow_null=True, help_text="Left out: as long as the source edition."
    )
