from __future__ import annotations

import uuid

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields


class CourseQuerySet(TranslatableQuerySet):
    def published(self) -> CourseQuerySet:
        return self.filter(status=Course.Status.PUBLISHED)


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
