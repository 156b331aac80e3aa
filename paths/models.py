"""Learning paths: a delegation's sequence of courses (e.g. "Induction for newly elected
officials"), the people it enrols in it, and how far each has gone."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Delegation
from config.validators import no_bidi_controls
from courses.models import Course


class LearningPath(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), related_name="paths", on_delete=models.PROTECT
    )
    title = models.CharField(_("title"), max_length=200, validators=[no_bidi_controls])
    title_translations = models.JSONField(default=dict, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    description_translations = models.JSONField(default=dict, blank=True)
    enforce_order = models.BooleanField(
        _("in order"),
        default=True,
        help_text=_(
            "Each course opens to the learner once the one before is completed. Unticked, "
            "they are enrolled in every course of the path as its editions open."
        ),
    )
    open_to_join = models.BooleanField(
        _("learners may join it themselves"),
        default=False,
        help_text=_(
            "Listed under “Learning paths you can join” for every signed-in learner. Joining "
            "enrols them in the editions open now as enrolling by themselves would (an "
            "edition's conditions, key or selection still apply)."
        ),
    )
    courses = models.ManyToManyField(Course, through="PathStep", related_name="paths")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    creation_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        language = (translation.get_language() or "")[:2]
        return str((self.title_translations or {}).get(language) or "").strip() or self.title

    @property
    def shown_description(self) -> str:
        language = (translation.get_language() or "")[:2]
        found = (self.description_translations or {}).get(language)
        return str(found or "").strip() or self.description


class PathStep(models.Model):
    path = models.ForeignKey(LearningPath, related_name="steps", on_delete=models.CASCADE)
    course = models.ForeignKey(Course, related_name="+", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["path", "course"], name="a_course_once_per_path"),
            models.UniqueConstraint(fields=["path", "position"], name="one_step_per_position"),
        ]


class PathEnrollment(models.Model):
    """Someone following a path: enrolled in its courses' current editions as they open."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    path = models.ForeignKey(LearningPath, related_name="enrollments", on_delete=models.PROTECT)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="path_enrollments", on_delete=models.CASCADE
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["path", "learner"], name="one_path_enrollment_each")
        ]
