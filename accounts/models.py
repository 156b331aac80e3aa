from __future__ import annotations

import uuid
import zoneinfo
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


def validate_time_zone(value: str) -> None:
    if value and value not in available_time_zones():
        raise ValidationError(
            _("%(zone)s is not a time zone; choose one such as America/Bogota."),
            params={"zone": value},
            code="invalid_time_zone",
        )


@cache
def available_time_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


class Delegation(TranslatableModel):
    """A regional delegation of the network, e.g. Latin America; it runs cohorts."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=120))

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.code


class Country(TranslatableModel):
    iso_code = models.CharField(
        _("ISO code"), max_length=2, unique=True, help_text=_("Two letters, e.g. AR.")
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        related_name="countries",
        on_delete=models.PROTECT,
    )
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=120))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "The time zone of most of its cities: people of the country who chose none see "
            "times in it."
        ),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["iso_code"]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.iso_code

    def clean(self) -> None:
        self.iso_code = self.iso_code.upper()
        if not (len(self.iso_code) == 2 and self.iso_code.isalpha()):
            raise ValidationError({"iso_code": _("Use the two-letter ISO code, e.g. AR.")})


class MemberCity(TranslatableModel):
    class Membership(models.TextChoices):
        ACTIVE = "active", _("Active member")
        PENDING = "pending", _("Membership pending")
        LAPSED = "lapsed", _("Membership lapsed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), related_name="cities", on_delete=models.PROTECT
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        related_name="member_cities",
        on_delete=models.PROTECT,
    )
    membership = models.CharField(
        _("membership status"), max_length=16, choices=Membership, default=Membership.ACTIVE
    )
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=160))

    class Meta:
        verbose_name = _("member city")
        verbose_name_plural = _("member cities")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or str(self.public_id)

    @property
    def is_active_member(self) -> bool:
        return self.membership == self.Membership.ACTIVE


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        # Sign-in by e-mail is case-insensitive: Ana@City.org and ana@city.org are one person.
        return self.get(email__iexact=username or "")


class Gender(models.TextChoices):
    """The answers offered; anyone may answer in their own words instead, or not at all."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OWN_WORDS = "own_words", _("In my own words")


def consented_gender(*, gender: str, words: str, consent: bool) -> tuple[str, str]:
    """What is kept of a gender answer: nothing without consent; words only with "own words"."""
    words = words.strip()
    if not consent:
        return "", ""
    if gender in (Gender.WOMAN, Gender.MAN):
        return gender, ""
    if words:
        return Gender.OWN_WORDS, words
    return "", ""


class User(AbstractBaseUser, PermissionsMixin):
    class Position(models.TextChoices):
        ELECTED = "elected", _("Elected official")
        STAFF = "staff", _("Municipal staff")
        OTHER = "other", _("Other")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=200,
        blank=True,
        help_text=_("Your full name exactly as it must appear on your certificates."),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    member_city = models.ForeignKey(
        MemberCity,
        verbose_name=_("member city"),
        related_name="people",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    other_city = models.CharField(
        _("city, if not a member city"),
        max_length=160,
        blank=True,
        help_text=_("The city or organisation you work for, when it is not in the list."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Times in e-mails and on your pages are shown in it."),
    )
    position = models.CharField(
        _("position"), max_length=16, choices=Position, default=Position.OTHER
    )
    # Optional data for diversity reports (and the balance of activities' admissions): each
    # kept only with the learner's consent. An offered answer, or their own words.
    gender = models.CharField(_("gender"), max_length=16, choices=Gender, blank=True)
    gender_self_described = models.CharField(
        _("gender (self-described)"), max_length=80, blank=True
    )
    gender_consent_at = models.DateTimeField(
        _("consent to use gender given at"), null=True, blank=True
    )
    mandate_started_on = models.DateField(_("mandate start date"), null=True, blank=True)
    mandate_consent_at = models.DateTimeField(
        _("consent to use mandate start given at"), null=True, blank=True
    )

    is_trainer = models.BooleanField(
        _("trainer"), default=False, help_text=_("Trainers write courses in the content admin.")
    )
    coordinated_delegations = models.ManyToManyField(
        Delegation,
        verbose_name=_("coordinates delegations"),
        related_name="coordinators",
        blank=True,
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)  # type: ignore[assignment,misc]
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=(Q(gender="") & Q(gender_self_described=""))
                | Q(gender_consent_at__isnull=False),
                name="gender_kept_only_with_consent",
            ),
            models.CheckConstraint(
                condition=Q(mandate_started_on__isnull=True) | Q(mandate_consent_at__isnull=False),
                name="mandate_kept_only_with_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def display_name(self) -> str:
        return self.certificate_name or self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email

    @property
    def shown_time_zone(self) -> str:
        """Their own time zone, else their city's country's (reads `member_city__country`)."""
        if self.time_zone:
            return self.time_zone
        city = self.member_city
        return city.country.time_zone if city is not None else ""

    @property
    def shown_zone(self) -> zoneinfo.ZoneInfo:
        """`shown_time_zone` as a zone for e-mails and pages; UTC when none is known."""
        try:
            return zoneinfo.ZoneInfo(self.shown_time_zone or "UTC")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


class PrivacyRequest(models.Model):
    """The audit trail of what a person asked about their data, kept after erasure (with the
    public id only, so it says that it happened, not who it was once erased)."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Data downloaded")
        ERASE = "erase", _("Account erased")

    user = models.ForeignKey(
        User, null=True, blank=True, related_name="privacy_requests", on_delete=models.SET_NULL
    )
    user_public_id = models.UUIDField()
    kind = models.CharField(max_length=16, choices=Kind)
    requested_by = models.ForeignKey(
        User, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["-at"]
