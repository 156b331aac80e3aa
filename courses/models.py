from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from config.validators import no_bidi_controls, plausible_date


class CourseQuerySet(TranslatableQuerySet):
    def published(self) -> CourseQuerySet:
        """The catalogue's courses (an activity's course record is not one)."""
        return self.filter(status=Course.Status.PUBLISHED, is_activity=False)


class Course(TranslatableModel):
    """A course in the catalogue; its content lives in Wagtail pages, its runs in cohorts."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z0-9][A-Z0-9-]*$",
                _("Use capital letters, digits and hyphens, e.g. CEC-101."),
            )
        ],
    )
    nominal_hours = models.PositiveSmallIntegerField(
        _("nominal hours"), validators=[MinValueValidator(1)]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    # The record behind a network activity (activities.NetworkActivity): its certificates'
    # title, never a course of the catalogue.
    is_activity = models.BooleanField(default=False, editable=False)
    prerequisites = models.ManyToManyField(
        "self",
        verbose_name=_("courses to complete first"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_(
            "Learners must have completed these before they enrol (staff may admit anyone)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    translations = TranslatedFields(
        certificate_title=models.CharField(_("title on certificates"), max_length=200),
        description=models.TextField(_("description on certificates"), blank=True),
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["code"]

    def __str__(self) -> str:
        title = self.safe_translation_getter("certificate_title", any_language=True)
        return f"{self.code} · {title}" if title else self.code


def _listed() -> Q:
    return Q(
        status__in=[Cohort.Status.OPEN, Cohort.Status.RUNNING],
        visibility__in=[Cohort.Visibility.PUBLIC, Cohort.Visibility.MEMBER_STAFF],
    )


class CohortQuerySet(models.QuerySet["Cohort"]):
    def open_for_enrollment(self, *, at: datetime.datetime | None = None) -> CohortQuerySet:
        moment = at or timezone.now()
        return self.filter(
            status=Cohort.Status.OPEN,
            enrollment_opens_at__lte=moment,
            enrollment_closes_at__gt=moment,
        )

    def listed(self) -> CohortQuerySet:
        """Cohorts the public catalogue shows: not drafts, not invitation-only, not archived."""
        return self.filter(_listed())

    def visible_to(self, user: Any) -> CohortQuerySet:
        """Cohorts a person may know exist: the listed ones and those they train or coordinate
        (every one for a site admin). Others answer as missing ones do (404)."""
        from accounts import access

        if access.is_site_admin(user):
            return self.all()
        if not user.is_authenticated:
            return self.listed()
        return self.filter(_listed() | access.followed_cohorts_filter(user)).distinct()

    def in_delegations(self, delegation_ids: set[int]) -> CohortQuerySet:
        return self.filter(delegation__in=delegation_ids)

    def trained_by(self, user_id: int) -> CohortQuerySet:
        return self.filter(trainers=user_id)


class Cohort(models.Model):
    """One edition of a course: dates, seats, who may join, and the rule that completes it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for enrolment")
        RUNNING = "running", _("Running")
        CLOSED = "closed", _("Closed")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        INVITATION = "invitation", _("By invitation only")
        MEMBER_STAFF = "member_staff", _("Staff of member cities only")

    class ScorePolicy(models.TextChoices):
        BEST = "best", _("Best attempt counts")
        LAST = "last", _("Last attempt counts")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        Course, verbose_name=_("course"), related_name="cohorts", on_delete=models.PROTECT
    )
    delegation = models.ForeignKey(
        "accounts.Delegation",
        verbose_name=_("delegation"),
        related_name="cohorts",
        on_delete=models.PROTECT,
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    title = models.CharField(_("title"), max_length=200, validators=[no_bidi_controls])
    # The title in other languages, {"pt": "…"}; `title` where one is missing.
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    starts_on = models.DateField(_("starts on"), validators=[plausible_date])
    ends_on = models.DateField(_("ends on"), validators=[plausible_date])
    enrollment_opens_at = models.DateTimeField(_("enrolment opens at"), validators=[plausible_date])
    enrollment_closes_at = models.DateTimeField(
        _("enrolment closes at"), validators=[plausible_date]
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    has_waiting_list = models.BooleanField(_("waiting list"), default=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility, default=Visibility.PUBLIC
    )
    enrollment_key = models.CharField(
        _("enrolment key"),
        max_length=64,
        blank=True,
        help_text=_("If set, learners must type it to enrol."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="trained_cohorts",
        blank=True,
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    # The completion rule: required lessons live in enrollments.OptionalLesson (all by default).
    score_policy = models.CharField(
        _("which attempt counts"), max_length=8, choices=ScorePolicy, default=ScorePolicy.BEST
    )
    min_score = models.PositiveSmallIntegerField(
        _("minimum score (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Average over the required activities; empty for none."),
    )
    requires_questionnaire = models.BooleanField(
        _("evaluation questionnaire required"), default=False
    )
    min_days_enrolled = models.PositiveSmallIntegerField(
        _("minimum days between enrolment and completion"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "So that the certificate's hours are real: someone who finishes sooner completes "
            "this many days after enrolling. Empty for none."
        ),
    )

    class SessionReminders(models.TextChoices):
        BOTH = "both", _("24 hours and 1 hour before")
        DAY = "day", _("24 hours before")
        HOUR = "hour", _("1 hour before")
        NONE = "none", _("No reminders")

    session_reminders = models.CharField(
        _("session reminders"),
        max_length=8,
        choices=SessionReminders,
        default=SessionReminders.BOTH,
        help_text=_("E-mails to learners before each live or face-to-face session."),
    )
    min_sessions_attended = models.PositiveSmallIntegerField(
        _("sessions to attend"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "How many of the edition's live or face-to-face sessions a learner must attend to "
            "complete it (an excused absence does not count). Empty for none; sessions marked "
            "as required must be attended anyway."
        ),
    )
    min_discussion_posts = models.PositiveSmallIntegerField(
        _("posts in the discussions"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "How many posts or replies a learner must write in the edition's discussions to "
            "complete it (hidden or deleted ones do not count). Empty for none."
        ),
    )
    requires_accepted_assignments = models.BooleanField(
        _("assignments accepted to complete"),
        default=False,
        help_text=_(
            "Learners complete the edition (and get its certificate) once their trainers accept "
            "their work for every assignment of the course."
        ),
    )
    inactivity_nudge_days = models.PositiveSmallIntegerField(
        _("nudge after days without activity"),
        null=True,
        blank=True,
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Learners who have not taken part for this many days while the edition runs get a "
            "friendly e-mail, once each time. Empty for none."
        ),
    )
    session_hours_count = models.BooleanField(
        _("attended sessions add to the certificate's hours"),
        default=False,
        help_text=_(
            "The certificate then states the course's hours plus the hours of the sessions "
            "the learner attended."
        ),
    )

    class Admission(models.TextChoices):
        FIRST_COME = "first_come", _("First come, first served")
        SELECTION = "selection", _("Applications, admitted with balance")

    admission = models.CharField(
        _("admission"),
        max_length=16,
        choices=Admission,
        default=Admission.FIRST_COME,
        help_text=_(
            "With applications, people apply and the organisers admit them in one step that "
            "balances women and men, countries and cities."
        ),
    )
    max_country_share = models.PositiveSmallIntegerField(
        _("most seats for one country (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("E.g. 30: no country takes more than 30 % of the seats. Empty for no limit."),
    )
    max_per_city = models.PositiveSmallIntegerField(
        _("most people from one city"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("E.g. 3: no member city takes more than 3 seats. Empty for no limit."),
    )
    # When the organisers first admitted applicants: from then on freed seats go to the
    # waiting list by the same rule, by themselves.
    selection_done_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Fixed when the edition closes (enrollments.receivers): lessons published afterwards do
    # not change what a finished edition required. Empty while it runs.
    required_lessons_at_close = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who created it and the Idempotency-Key they sent: a create sent twice makes one cohort.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
        editable=False,
    )
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    creation_digest = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(enrollment_closes_at__gt=F("enrollment_opens_at")),
                name="cohort_enrollment_window_is_ordered",
            ),
            models.CheckConstraint(
                condition=Q(min_score__isnull=True) | Q(min_score__lte=100),
                name="cohort_min_score_is_a_percentage",
            ),
            models.UniqueConstraint(
                fields=["created_by", "creation_key"],
                condition=~Q(creation_key=""),
                name="one_cohort_per_creation_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        """The title in the active language (pages, e-mails in the recipient's language)."""
        from django.utils import translation

        language = translation.get_language() or ""
        translated = (self.title_translations or {}).get(language[:2], "")
        return str(translated).strip() or self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A cohort cannot end before it starts.")
        if (
            self.enrollment_opens_at
            and self.enrollment_closes_at
            and self.enrollment_closes_at <= self.enrollment_opens_at
        ):
            errors["enrollment_closes_at"] = _("Enrolment must close after it opens.")
        if self.admission == self.Admission.SELECTION and self.capacity is None:
            errors["capacity"] = _("Admission by application needs a number of seats.")
        if errors:
            raise ValidationError(errors)

    def is_enrollment_open(self, *, at: datetime.datetime | None = None) -> bool:
        moment = at or timezone.now()
        return (
            self.status == self.Status.OPEN
            and self.enrollment_opens_at <= moment < self.enrollment_closes_at
        )


def prerequisite_cycle(course: Course, chosen: Iterable[Course]) -> list[Course]:
    """The courses that would lead from `course` back to itself if it required `chosen`
    (empty when there is no cycle): a course cannot require itself, even through others. One
    query per level of the graph."""
    parents: dict[int, int] = {}
    frontier = [c.pk for c in chosen]
    for pk in frontier:
        parents[pk] = course.pk
    seen = set(frontier)
    while frontier:
        if course.pk in frontier:
            chain, at = [], parents[course.pk]
            while at != course.pk:
                chain.append(at)
                at = parents[at]
            found = {c.pk: c for c in Course.objects.filter(pk__in=chain)}
            return [found[pk] for pk in reversed(chain)]
        following = Course.prerequisites.through.objects.filter(
            from_course_id__in=frontier
        ).values_list("from_course_id", "to_course_id")
        frontier = []
        for parent, child in following:
            if child not in seen or child == course.pk:
                parents.setdefault(child, parent)
                seen.add(child)
                frontier.append(child)
    return []
