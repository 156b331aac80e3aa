"""The network's activities beyond courses: seminars, study visits, virtual cafés.

An activity is carried by a cohort of its own (`NetworkActivity.cohort`): the seats, the application
window, the audience, the applicants and their admission, the sessions and their attendance,
the questionnaires and the certificates are the cohort's, exactly as for a course's edition.
The activity adds what a course's edition does not have: its kind, description and place.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from config.validators import no_bidi_controls


class NetworkActivityQuerySet(models.QuerySet["NetworkActivity"]):
    def listed(self, *, today: datetime.date | None = None) -> NetworkActivityQuerySet:
        """On the public calendar: published, not by invitation only, not over."""
        from courses.models import Cohort

        return self.filter(
            cohort__status__in=[Cohort.Status.OPEN, Cohort.Status.RUNNING],
            cohort__visibility__in=[Cohort.Visibility.PUBLIC, Cohort.Visibility.MEMBER_STAFF],
            cohort__ends_on__gte=today or timezone.localdate(),
        )

    def visible_to(self, user: Any) -> NetworkActivityQuerySet:
        """The listed ones, and every one of the delegations a person organises."""
        from accounts import access

        if access.is_site_admin(user):
            return self.all()
        listed = Q(pk__in=self.listed().values("pk"))
        if not user.is_authenticated:
            return self.filter(listed)
        mine = Q(cohort__delegation__in=access.coordinated_delegation_ids(user)) | Q(
            cohort__enrollments__learner=user
        )
        return self.filter(listed | mine).distinct()

    def for_calendar(self) -> NetworkActivityQuerySet:
        return (
            self.select_related("cohort__delegation", "country")
            .prefetch_related("cohort__delegation__translations", "country__translations")
            .annotate(
                first_session=Min(
                    "cohort__meetings__starts_at", filter=Q(cohort__meetings__cancelled_at=None)
                )
            )
        )


class NetworkActivity(models.Model):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        STUDY_VISIT = "study_visit", _("Study visit")
        VIRTUAL_CAFE = "virtual_cafe", _("Virtual café")
        TECHNICAL_MEETING = "technical_meeting", _("Technical meeting")
        OTHER = "other", _("Other activity")

    cohort = models.OneToOneField(
        "courses.Cohort", related_name="activity", on_delete=models.CASCADE, editable=False
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind)
    network_wide = models.BooleanField(
        _("for the whole network"),
        default=False,
        help_text=_("Shown on every delegation's calendar, not only its own."),
    )
    description = models.TextField(_("description"), validators=[no_bidi_controls])
    # {"pt": "…"}: the description in other languages; `description` where one is missing.
    description_translations = models.JSONField(default=dict, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    place = models.CharField(_("city or place"), max_length=120, blank=True)
    country = models.ForeignKey(
        "accounts.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.PROTECT,
    )
    # Opens to those who attended once the last session ends (`tasks.complete_finished`).
    evaluation = models.ForeignKey(
        "enrollments.QuestionnaireTemplate",
        verbose_name=_("evaluation questionnaire"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NetworkActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.cohort.title

    @property
    def public_id(self) -> Any:
        return self.cohort.public_id

    @property
    def shown_title(self) -> str:
        return self.cohort.shown_title

    @property
    def shown_description(self) -> str:
        language = (translation.get_language() or "")[:2]
        translated = (self.description_translations or {}).get(language, "")
        return str(translated).strip() or self.description
