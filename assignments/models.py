"""Work learners hand in for an assignment block of a lesson, and its trainers' reviews.

A submission is one learner's work on one assignment (a block of the Spanish original lesson)
in one edition: the draft they are writing, and every version they submitted, each kept with
its files and its review."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.models import LessonPage
from enrollments.models import Enrollment


class Submission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrollment = models.ForeignKey(Enrollment, related_name="submissions", on_delete=models.CASCADE)
    lesson = models.ForeignKey(LessonPage, related_name="+", on_delete=models.PROTECT)
    block_id = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    text = models.TextField(_("text"), blank=True, max_length=50_000)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "block_id"], name="one_submission_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.block_id}"


class Attachment(models.Model):
    """A file the learner attached; it stays while a submitted version refers to it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, related_name="attachments", on_delete=models.CASCADE)
    file = models.FileField(upload_to="assignments/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    in_draft = models.BooleanField(default=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # The API's Idempotency-Key: the same upload sent again attaches nothing more.
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "creation_key"],
                condition=~models.Q(creation_key=""),
                name="one_attachment_per_creation_key",
            )
        ]


class Version(models.Model):
    """What was submitted, frozen: the text and the files as they were."""

    submission = models.ForeignKey(Submission, related_name="versions", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    attachments = models.ManyToManyField(Attachment, related_name="versions", blank=True)
    submitted_at = models.DateTimeField()
    is_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="one_version_number")
        ]


class Review(models.Model):
    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for revision")

    version = models.OneToOneField(Version, related_name="review", on_delete=models.CASCADE)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    decision = models.CharField(max_length=16, choices=Decision)
    feedback = models.TextField(_("feedback"), blank=True, max_length=10_000)
    # The level chosen for each criterion of the rubric, by position, and the points they add.
    levels = models.JSONField(default=list, blank=True)
    points = models.PositiveSmallIntegerField(null=True, blank=True)
    reviewed_at = models.DateTimeField(auto_now_add=True)
