from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Activity, CourseLesson, LessonPage, ModulePage
from courses.models import Cohort


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def active(self) -> EnrollmentQuerySet:
        return self.filter(status__in=Enrollment.HOLDING_A_SEAT)

    def with_required_lessons(self) -> EnrollmentQuerySet:
        """Annotates `required_lessons`: live lessons of the course less the optional ones."""
        required = (
            CourseLesson.objects.filter(course=OuterRef("cohort__course"), is_live=True)
            .exclude(
                lesson__in=OptionalLesson.objects.filter(
                    cohort=OuterRef(OuterRef("cohort"))
                ).values("lesson")
            )
            .order_by()
            .values("course")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            required_lessons=Coalesce(F("cohort__required_lessons_at_close"), Subquery(required), 0)
        )

    def of_learner(self, learner_id: int) -> EnrollmentQuerySet:
        return self.filter(learner_id=learner_id)


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waiting list")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    HOLDING_A_SEAT = [Status.ACTIVE, Status.COMPLETED]

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), related_name="enrollments", on_delete=models.PROTECT
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        related_name="enrollments",
        on_delete=models.CASCADE,
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("joined the waiting list at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by hand by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    completion_reason = models.TextField(_("reason for completing by hand"), blank=True)
    # Denormalised so that "my courses" and rosters read one row per learner.
    completed_lessons = models.PositiveIntegerField(_("lessons completed"), default=0)
    last_lesson = models.ForeignKey(
        LessonPage,
        verbose_name=_("last lesson opened"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    last_activity_at = models.DateTimeField(_("last activity at"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "learner"], name="one_enrollment_per_cohort")
        ]
        indexes = [models.Index(fields=["cohort", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.learner} · {self.cohort}"

    @property
    def holds_a_seat(self) -> bool:
        return self.status in self.HOLDING_A_SEAT

    @property
    def percent_complete(self) -> int:
        """Needs `with_required_lessons()`; a completed enrolment is 100 whatever the count."""
        if self.status == self.Status.COMPLETED:
            return 100
        required = getattr(self, "required_lessons", 0)
        return min(100, round(100 * self.completed_lessons / required)) if required else 0

    @property
    def has_done_required_lessons(self) -> bool:
        """Needs `with_required_lessons()`: every lesson the cohort requires is done."""
        required = getattr(self, "required_lessons", 0)
        return 0 < required <= self.completed_lessons


class ModuleRelease(models.Model):
    """When a module of the edition opens: on a date, or a number of days after each
    learner's enrolment (the later of the two when both are set), and when it is due.
    Modules without one are open from the start and have no deadline."""

    cohort = models.ForeignKey(Cohort, related_name="module_releases", on_delete=models.CASCADE)
    module = models.ForeignKey(ModulePage, related_name="+", on_delete=models.CASCADE)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    opens_after_days = models.PositiveSmallIntegerField(
        _("opens days after enrolment"), null=True, blank=True
    )
    # The module's deadline in this edition: learners see it, and those who have not finished
    # the module are reminded a few days before (the nudges app).
    due_on = models.DateField(_("due on"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "module"], name="one_release_per_module")
        ]

    def opens_for(self, enrollment: Enrollment) -> datetime.date | None:
        return self.opens_after(enrollment.enrolled_at)

    def opens_after(self, enrolled_at: datetime.datetime | None) -> datetime.date | None:
        """The day it opens for someone enrolled then (None: open from the start)."""
        dates = []
        if self.opens_on is not None:
            dates.append(self.opens_on)
        if self.opens_after_days is not None and enrolled_at is not None:
            enrolled = timezone.localdate(enrolled_at)
            dates.append(enrolled + datetime.timedelta(days=self.opens_after_days))
        return max(dates) if dates else None


class OptionalLesson(models.Model):
    """A lesson a cohort does not require for completion (all lessons are required otherwise)."""

    cohort = models.ForeignKey(Cohort, related_name="optional_lessons", on_delete=models.CASCADE)
    lesson = models.ForeignKey(LessonPage, related_name="+", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("optional lesson")
        verbose_name_plural = _("optional lessons")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "lesson"], name="optional_lesson_once")
        ]


class LessonProgress(models.Model):
    """Progress on a lesson, recorded against its Spanish original so every language shares it."""

    enrollment = models.ForeignKey(
        Enrollment, related_name="lesson_progress", on_delete=models.CASCADE
    )
    lesson = models.ForeignKey(LessonPage, related_name="+", on_delete=models.CASCADE)
    viewed_at = models.DateTimeField(_("first viewed at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    completion_reason = models.TextField(_("reason for completing by hand"), blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson"], name="one_progress_per_lesson")
        ]


class ActivityResult(models.Model):
    """The standing of one learner on one activity, updated by each statement."""

    # No index of its own: the unique (enrollment, activity) starts with it, and each xAPI
    # statement writes every index (bench/ingest.py).
    enrollment = models.ForeignKey(
        Enrollment, related_name="activity_results", on_delete=models.CASCADE, db_index=False
    )
    activity = models.ForeignKey(Activity, related_name="+", on_delete=models.CASCADE)
    attempts = models.PositiveIntegerField(default=0)
    best_scaled = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    last_scaled = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "activity"], name="one_result_per_activity"
            )
        ]


class Statement(models.Model):
    """An xAPI statement as received: the history of attempts. Its id is the client's UUID."""

    id = models.UUIDField(primary_key=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="statements", on_delete=models.CASCADE
    )
    # No index of its own: the (enrollment, activity, stored_at) one starts with it.
    enrollment = models.ForeignKey(
        Enrollment, related_name="statements", on_delete=models.CASCADE, db_index=False
    )
    activity = models.ForeignKey(Activity, related_name="statements", on_delete=models.PROTECT)
    verb = models.URLField(max_length=200)
    raw_score = models.DecimalField(max_digits=9, decimal_places=3, null=True, blank=True)
    max_score = models.DecimalField(max_digits=9, decimal_places=3, null=True, blank=True)
    scaled_score = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    success = models.BooleanField(null=True)
    finishes_activity = models.BooleanField(default=False)
    # A digest of what the client sent: the same id with other content is a conflict.
    content_digest = models.CharField(max_length=64)
    payload = models.JSONField()
    stored_at = models.DateTimeField()

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [models.Index(fields=["enrollment", "activity", "stored_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(raw_score__isnull=True)
                | (Q(raw_score__gte=0) & Q(raw_score__lte=models.F("max_score"))),
                name="statement_score_in_range",
            )
        ]


class ManualCompletion(models.Model):
    """Audit trail of completions granted by hand by trainers or coordinators."""

    enrollment = models.ForeignKey(
        Enrollment, related_name="manual_completions", on_delete=models.CASCADE
    )
    lesson = models.ForeignKey(
        LessonPage, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.PROTECT
    )
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


def _invitation_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """An e-mailed invitation to one cohort; the link works until it expires or is used."""

    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    cohort = models.ForeignKey(Cohort, related_name="invitations", on_delete=models.CASCADE)
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "email"], name="one_invitation_per_email")
        ]

    @property
    def is_expired(self) -> bool:
        return self.accepted_at is None and self.expires_at <= timezone.now()


class ImportJob(models.Model):
    """A file of learners to invite to a cohort, checked (dry run) or imported by a worker."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(Cohort, related_name="imports", on_delete=models.CASCADE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.PROTECT
    )
    file = models.FileField(upload_to="imports/%Y/%m/")
    file_name = models.CharField(max_length=200)
    dry_run = models.BooleanField(default=True)
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_accounts = models.PositiveIntegerField(default=0)
    created_invitations = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    # The dry run this import was confirmed from: one import per check, however often confirmed.
    confirms = models.OneToOneField(
        "self", null=True, blank=True, related_name="confirmed_by", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]


class ActivityState(models.Model):
    """Where a learner left an H5P activity (the player's `contentUserData`), to resume there."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_states"
    )
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="states")
    state = models.TextField(_("saved state"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("activity state")
        verbose_name_plural = _("activity states")
        constraints = [
            models.UniqueConstraint(fields=["learner", "activity"], name="one_state_per_activity")
        ]


# Questionnaires live in their own module; imported here so Django finds the models.
from enrollments.questionnaires.models import (  # noqa: E402, F401
    Answer,
    Questionnaire,
    QuestionnaireTemplate,
    Reminder,
    Respondent,
    Response,
    TemplateOption,
    TemplateQuestion,
)
