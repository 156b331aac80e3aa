"""Evaluation questionnaires: reusable translated templates, attached to cohorts as frozen
versions, answered once per learner, anonymously unless a coordinator said otherwise."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields
from wagtail.models import Locale

from accounts import access
from accounts.models import Delegation
from cms.models import CoursePage, ModulePage
from courses.models import Cohort


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Rating from 1 to 5")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    RECOMMEND = "recommend", _("Recommendation from 0 to 10")
    TEXT = "text", _("Open text")


SCALES = {QuestionKind.RATING: (1, 5), QuestionKind.RECOMMEND: (0, 10)}


class QuestionnaireTemplateQuerySet(TranslatableQuerySet):
    def visible_to(self, user: Any) -> QuestionnaireTemplateQuerySet:
        return self.filter(access.questionnaire_templates_filter(user))

    def with_content(self) -> QuestionnaireTemplateQuerySet:
        """Everything `templates.content` reads, in a fixed number of queries."""
        return self.select_related("delegation").prefetch_related(
            "translations",
            "delegation__translations",
            "questions__translations",
            "questions__options__translations",
        )


class QuestionnaireTemplate(TranslatableModel):
    """Questions a delegation asks again and again; cohorts get a frozen copy."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        null=True,
        blank=True,
        related_name="questionnaire_templates",
        on_delete=models.PROTECT,
        help_text=_("Empty: a network-wide template, which only site admins change."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # The creator's idempotency key (the API's Idempotency-Key header, the editor's hidden
    # field): a create sent twice makes one template.
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        introduction=models.TextField(_("introduction"), blank=True),
    )

    objects = TranslatableManager.from_queryset(QuestionnaireTemplateQuerySet)()

    class Meta:
        verbose_name = _("questionnaire template")
        verbose_name_plural = _("questionnaire templates")
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "creation_key"],
                condition=~Q(creation_key=""),
                name="one_template_per_creation_key",
            )
        ]

    def __str__(self) -> str:
        return str(self.safe_translation_getter("title", any_language=True) or self.public_id)


class TemplateQuestion(TranslatableModel):
    template = models.ForeignKey(
        QuestionnaireTemplate, related_name="questions", on_delete=models.CASCADE
    )
    key = models.SlugField(_("key"), max_length=40)
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind)
    is_required = models.BooleanField(_("an answer is required"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(text=models.CharField(_("question"), max_length=400))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "key"], name="one_question_key_per_template"
            )
        ]

    def __str__(self) -> str:
        return self.key


class TemplateOption(TranslatableModel):
    question = models.ForeignKey(TemplateQuestion, related_name="options", on_delete=models.CASCADE)
    key = models.SlugField(_("key"), max_length=40)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(label=models.CharField(_("label"), max_length=200))

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="one_option_key_per_question")
        ]

    def __str__(self) -> str:
        return self.key


class QuestionnaireQuerySet(models.QuerySet["Questionnaire"]):
    def open_at(self, moment: Any) -> QuestionnaireQuerySet:
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def versions_of(self, questionnaire: Questionnaire) -> QuestionnaireQuerySet:
        """One questionnaire in all its versions: the same cohort, template and placement (the
        same template after another module is another questionnaire)."""
        return self.filter(
            cohort_id=questionnaire.cohort_id,
            template_id=questionnaire.template_id,
            after_module_id=questionnaire.after_module_id,
        )


class Questionnaire(models.Model):
    """A template frozen for one cohort: the questions as they were when it was attached.

    Changing the template later never changes what learners answered; a new version is a new
    questionnaire, never an overwrite."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), related_name="questionnaires", on_delete=models.CASCADE
    )
    template = models.ForeignKey(
        QuestionnaireTemplate, related_name="questionnaires", on_delete=models.PROTECT
    )
    version = models.PositiveSmallIntegerField(default=1)
    after_module = models.ForeignKey(
        ModulePage,
        verbose_name=_("after the module"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
        help_text=_("Empty: at the end of the course."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Answers keep no link to who gave them. Can only be chosen before opening."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind every (days)"), default=7, help_text=_("0: no reminders.")
    )
    questions = models.JSONField(_("questions as attached"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="questionnaire_closes_after_it_opens",
            ),
            models.UniqueConstraint(
                fields=["cohort", "template", "version"], name="one_questionnaire_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} · {self.cohort}"

    def is_open(self, moment: Any = None) -> bool:
        moment = moment or timezone.now()
        return self.opens_at <= moment < self.closes_at

    def title(self, language: str) -> str:
        titles: dict[str, str] = self.questions.get("title", {})
        return titles.get(language) or next(iter(titles.values()), "")

    def clean(self) -> None:
        if self.after_module is not None and self.cohort_id is not None:
            try:
                self.after_module = original_module(
                    self.after_module, course_id=self.cohort.course_id
                )
            except ValidationError as error:
                raise ValidationError({"after_module": error}) from None


def original_module(module: ModulePage, *, course_id: int) -> ModulePage:
    """The Spanish original of a module of the course: eligibility matches the progress index
    (`CourseLesson.path`, the originals' tree paths) against the stored module's path."""
    original = (
        ModulePage.objects.filter(
            translation_key=module.translation_key, locale=Locale.get_default()
        ).first()
        or module
    )
    if not CoursePage.objects.ancestor_of(original).filter(course_id=course_id).exists():
        raise ValidationError(
            _("The module “%(module)s” is not part of this cohort's course."),
            code="module_of_another_course",
            params={"module": module.title},
        )
    return original


class Respondent(models.Model):
    """Who has answered: the only link between a learner and an anonymous questionnaire. It
    keeps the day, not the time, so it cannot be matched to an answer by timestamp."""

    questionnaire = models.ForeignKey(
        Questionnaire, related_name="respondents", on_delete=models.CASCADE
    )
    enrollment = models.ForeignKey(
        "enrollments.Enrollment", related_name="questionnaire_answers", on_delete=models.CASCADE
    )
    answered_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "enrollment"], name="one_answer_per_learner"
            )
        ]


class Response(models.Model):
    """One learner's answers. Anonymous ones have no enrolment and a random id, so neither
    the row nor its order says whose they are."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(
        Questionnaire, related_name="responses", on_delete=models.CASCADE
    )
    enrollment = models.ForeignKey(
        "enrollments.Enrollment",
        null=True,
        blank=True,
        related_name="named_responses",
        on_delete=models.SET_NULL,
    )
    language = models.CharField(max_length=10)
    submitted_on = models.DateField(default=timezone.localdate)


class Answer(models.Model):
    """One value: a number for scales, one row per chosen option, or a text."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, related_name="answers", on_delete=models.CASCADE)
    question = models.SlugField(max_length=40)
    number = models.SmallIntegerField(null=True, blank=True)
    option = models.SlugField(max_length=40, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "option"])]


class Reminder(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, related_name="reminders", on_delete=models.CASCADE
    )
    enrollment = models.ForeignKey(
        "enrollments.Enrollment", related_name="+", on_delete=models.CASCADE
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["questionnaire", "enrollment", "-sent_at"])]
