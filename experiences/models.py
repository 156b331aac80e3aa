"""The bank of experiences: what member cities do, told by them, reviewed by their delegation's
editors and published for everyone.

An experience is written in one language (its original) and may be translated: each language's
text is a row of `Text`, searched with that language's stemming on PostgreSQL. Every step of
its review is an `Event`. Nothing is published without the consent recorded in `consent_at`."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Country, Delegation, MemberCity


class Tag(models.Model):
    """A Charter principle, a thematic area or a population (labels in `themes`)."""

    code = models.SlugField(max_length=32, unique=True)
    kind = models.CharField(max_length=16)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position"]

    def __str__(self) -> str:
        from cms.themes import label

        return label(self.code)


class Experience(models.Model):
    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        RUNNING = "running", _("Running")
        EVALUATED = "evaluated", _("Evaluated")

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for review")
        CHANGES = "changes", _("Changes requested")
        APPROVED = "approved", _("Approved, not published yet")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    class Budget(models.TextChoices):
        NONE = "none", _("No specific budget")
        SMALL = "small", _("Less than 10,000 US dollars")
        MEDIUM = "medium", _("10,000 to 100,000 US dollars")
        LARGE = "large", _("100,000 to 1 million US dollars")
        VERY_LARGE = "very_large", _("More than 1 million US dollars")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    delegation = models.ForeignKey(Delegation, related_name="+", on_delete=models.PROTECT)
    member_city = models.ForeignKey(
        MemberCity,
        verbose_name=_("member city"),
        related_name="experiences",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    city_name = models.CharField(_("city, if not a member city"), max_length=160, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), related_name="+", on_delete=models.PROTECT
    )
    # Where the map places it; the country's centre when unknown.
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    tags = models.ManyToManyField(Tag, related_name="experiences")
    year_started = models.PositiveSmallIntegerField(
        _("year started"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status)
    budget = models.CharField(_("budget"), max_length=16, choices=Budget, default=Budget.NONE)
    partners = models.TextField(_("partners"), blank=True, max_length=2000)
    contact = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        help_text=_("An office's e-mail or web address, published with the experience."),
    )
    language = models.CharField(_("language of writing"), max_length=8, choices=settings.LANGUAGES)
    stage = models.CharField(max_length=16, choices=Stage, default=Stage.PROPOSED)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    credit = models.CharField(
        _("credited to"),
        max_length=200,
        blank=True,
        help_text=_("A person's name is published only if they agreed to it."),
    )
    submission = models.OneToOneField(
        "assignments.Submission",
        null=True,
        blank=True,
        related_name="experience",
        on_delete=models.SET_NULL,
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    # The API's Idempotency-Key: the same proposal sent again is the same experience.
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")
        indexes = [models.Index(fields=["stage", "-published_at"], name="experience_listing")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(stage="published") | models.Q(consent_at__isnull=False),
                name="published_only_with_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(member_city__isnull=False) | ~models.Q(city_name=""),
                name="experience_has_a_city",
            ),
            models.UniqueConstraint(
                fields=["proposer", "creation_key"],
                condition=~models.Q(creation_key=""),
                name="one_experience_per_creation_key",
            ),
        ]

    def __str__(self) -> str:
        return str(self.public_id)

    @property
    def city(self) -> str:
        if self.member_city_id:
            return str(self.member_city)
        return self.city_name

    @property
    def is_published(self) -> bool:
        return self.stage == self.Stage.PUBLISHED


class Text(models.Model):
    """The experience told in one language; the original is one of them."""

    experience = models.ForeignKey(Experience, related_name="texts", on_delete=models.CASCADE)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), max_length=20_000)
    results = models.TextField(_("results and evaluation"), blank=True, max_length=10_000)
    # Accent-folded, lower-case words of all the above: what is searched (see `search`).
    folded = models.TextField(blank=True)
    search = SearchVectorField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["experience", "language"], name="one_text_per_language")
        ]


class File(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        DOCUMENT = "document", _("Document")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    experience = models.ForeignKey(Experience, related_name="files", on_delete=models.CASCADE)
    file = models.FileField(upload_to="experiences/%Y/%m/")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()


class Event(models.Model):
    """One step of an experience's life, for the editors' record."""

    class Action(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        EDITED = "edited", _("Edited")
        CHANGES = "changes", _("Changes requested")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        TRANSLATED = "translated", _("Translation added")

    experience = models.ForeignKey(Experience, related_name="events", on_delete=models.CASCADE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=16, choices=Action)
    note = models.TextField(blank=True, max_length=4000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
