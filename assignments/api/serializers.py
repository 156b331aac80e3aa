from __future__ import annotations

from rest_framework import serializers

from assignments.models import Review, Submission


class SubmissionReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Review.Decision.choices)
    feedback = serializers.CharField()
    levels = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    points = serializers.IntegerField(allow_null=True)
    reviewed_at = serializers.DateTimeField()


class SubmissionFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    url = serializers.CharField(help_text="A signed link; it works for 15 minutes.")


class SubmissionVersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    late = serializers.BooleanField(source="is_late")
    files = SubmissionFileSerializer(many=True)
    review = SubmissionReviewSerializer(allow_null=True)


class SubmissionSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    edition = serializers.UUIDField(source="enrollment.cohort.public_id")
    learner = serializers.CharField(source="enrollment.learner.display_name")
    email = serializers.EmailField(source="enrollment.learner.email")
    lesson = serializers.CharField(source="lesson.title")
    assignment = serializers.CharField(source="block_id", help_text="The lesson block's id.")
    status = serializers.ChoiceField(choices=Submission.Status.choices)
    submitted_at = serializers.DateTimeField(allow_null=True)
    versions = serializers.IntegerField(source="version_count")
    late = serializers.BooleanField(help_text="A version was submitted after the due date.")
    points = serializers.IntegerField(
        allow_null=True, help_text="Rubric points of the latest review; null without one."
    )


class DraftFileSerializer(SubmissionFileSerializer):
    id = serializers.UUIDField(help_text="Give it to remove the file from the draft.")


class SubmissionDetailSerializer(SubmissionSerializer):
    draft = serializers.CharField(source="text")
    draft_files = DraftFileSerializer(
        many=True, help_text="Files of the draft: they go with the next version submitted."
    )
    history = SubmissionVersionSerializer(many=True)


class RubricLevelSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label"
    points = serializers.IntegerField()


class RubricCriterionSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    levels = RubricLevelSerializer(many=True)


class AssignmentSerializer(serializers.Serializer):
    lesson = serializers.IntegerField(help_text="The lesson's id, as asked.")
    assignment = serializers.CharField(help_text="The lesson block's id.")
    title = serializers.CharField()
    instructions = serializers.CharField(help_text="HTML.")
    hand_in = serializers.ChoiceField(choices=["text", "files", "both"])
    file_types = serializers.ListField(
        child=serializers.ChoiceField(choices=["pdf", "docx", "odt", "image"])
    )
    max_file_mb = serializers.IntegerField()
    max_files = serializers.IntegerField()
    rubric = RubricCriterionSerializer(many=True)
    edition = serializers.UUIDField()
    due_on = serializers.DateField(allow_null=True)
    open = serializers.BooleanField(help_text="False once the edition closed: nothing is taken.")
    submission = SubmissionDetailSerializer(
        allow_null=True, help_text="Your work on it; null before you write anything."
    )


class DraftWriteSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=50_000, allow_blank=True, trim_whitespace=False, help_text="Plain text."
    )


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="PDF, DOCX, ODT, PNG or JPEG, as the assignment takes; checked by content."
    )


class SubmissionReviewWriteSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Review.Decision.choices)
    feedback = serializers.CharField(
        max_length=10_000, required=False, default="", allow_blank=True,
        help_text="Required to return the work: the learner reads it.",
    )  # fmt: skip
    levels = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=5, allow_null=True),
        required=False,
        default=list,
        max_length=10,
        help_text="The level chosen for each criterion of the rubric, by position.",
    )


class NoBodySerializer(serializers.Serializer):
    """Requests without a body."""
