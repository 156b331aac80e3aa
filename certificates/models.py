"""Certificates, their templates, the issuer's signing keys and the revocation status lists."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from certificates.claims import Claims
from courses.models import Course
from enrollments.models import Enrollment


def certificate_storage() -> Storage:
    return storages["certificates"]


def validate_body(text: str) -> None:
    """A certificate text must fill from the claims: refused when saved, not mid-batch."""
    import string

    from certificates.pdf.design import PLACEHOLDERS

    allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    try:
        fields = [parsed[1] for parsed in string.Formatter().parse(text)]
    except ValueError as error:
        raise ValidationError(
            _("Braces must come in pairs around a placeholder: %(problem)s."),
            code="bad_template",
            params={"problem": error},
        ) from None
    for name in fields:
        if name is not None and name not in PLACEHOLDERS:
            raise ValidationError(
                _("Unknown placeholder {%(name)s}; use %(allowed)s."),
                code="unknown_placeholder",
                params={"name": name, "allowed": allowed},
            )


IMAGE = FileExtensionValidator(["png", "jpg", "jpeg", "svg"])
COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as #RRGGBB, e.g. #1d4e89."))
STATUS_LIST_SIZE = 131_072  # the W3C minimum, so an index says nothing about who holds it


class CertificateTemplate(TranslatableModel):
    """How certificates of a course look; the one without a course is the default."""

    course = models.OneToOneField(
        Course,
        verbose_name=_("course"),
        related_name="certificate_template",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty for the default template, used by courses without their own."),
    )
    logo = models.FileField(
        _("logo"), upload_to="certificates/logos/", blank=True, validators=[IMAGE]
    )
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#1d4e89", validators=[COLOUR]
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#c8102e", validators=[COLOUR]
    )
    updated_at = models.DateTimeField(auto_now=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=160),
        body=models.TextField(
            _("body text"),
            validators=[validate_body],
            help_text=_(
                "May use {holder_name}, {course_title}, {hours}, {cohort_name}, {starts_on}, "
                "{ends_on} and {delegation_name}."
            ),
        ),
    )

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            # NULLs are distinct in a unique index, so the default needs its own rule.
            models.UniqueConstraint(
                models.functions.Coalesce("course", models.Value(0)),
                name="one_certificate_template_per_course_and_one_default",
            )
        ]

    def __str__(self) -> str:
        return str(self.course) if self.course_id else str(_("Default template"))


class Signatory(TranslatableModel):
    template = models.ForeignKey(
        CertificateTemplate, related_name="signatories", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=120)
    signature = models.FileField(
        _("signature image"), upload_to="certificates/signatures/", blank=True, validators=[IMAGE]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(role=models.CharField(_("role"), max_length=160))

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class SigningKey(models.Model):
    """A public key of the issuer's DID. Private keys live in the environment, never here;
    retired keys stay listed so what they signed keeps verifying."""

    key_id = models.SlugField(_("key id"), max_length=64, unique=True)
    public_key = models.CharField(_("public key (multibase)"), max_length=80, unique=True)
    is_active = models.BooleanField(_("signs new certificates"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    # A compromised key is withdrawn from the DID document: nothing it signed verifies any more.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_signing_key"
            )
        ]

    def __str__(self) -> str:
        return self.key_id


def empty_status_bits() -> bytes:
    return bytes(STATUS_LIST_SIZE // 8)


class StatusList(models.Model):
    """A W3C Bitstring Status List of revocations, published as a signed credential."""

    number = models.PositiveIntegerField(unique=True)
    bits = models.BinaryField(default=empty_status_bits)
    credential = models.JSONField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def size(self) -> int:
        return len(self.bits) * 8


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def issued(self) -> CertificateQuerySet:
        return self.filter(status=Certificate.Status.ISSUED)

    def of_courses(self) -> CertificateQuerySet:
        """Certificates of an edition, not of a learning path anchored on one."""
        return self.filter(path_enrollment__isnull=True)

    def for_holder(self, user: Any) -> CertificateQuerySet:
        return self.filter(enrollment__learner=user)


class RevocationReason(models.TextChoices):
    """The reasons a revocation publishes: chosen from a list, so no staff note, name or
    accusation typed in a hurry ever reaches the public verification page."""

    ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
    REQUIREMENTS_NOT_MET = "requirements_not_met", _("The course's requirements were not met")
    HOLDER_REQUEST = "holder_request", _("Withdrawn at the holder's request")
    CORRECTED = "corrected", _("Replaced by a corrected certificate")
    WITHDRAWN = "withdrawn", _("Withdrawn by the issuer")


# A coordinator revoking picks one of these; "corrected" is what a correction publishes.
REVOCATION_REASONS_BY_HAND = [
    (value, label) for value, label in RevocationReason.choices if value != "corrected"
]


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        ISSUED = "issued", _("Issued")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        related_name="certificates",
        on_delete=models.PROTECT,
    )
    # A learning path's certificate: `enrollment` is then the path's last completed course,
    # which gives it its holder, language and the staff who manage it.
    path_enrollment = models.ForeignKey(
        "paths.PathEnrollment",
        verbose_name=_("learning path"),
        related_name="certificates",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        related_name="replaced_by",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    claims = models.JSONField(_("printed claims"))
    template = models.ForeignKey(
        CertificateTemplate, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    salt = models.CharField(max_length=32)
    status_list = models.ForeignKey(
        StatusList, related_name="certificates", on_delete=models.PROTECT
    )
    status_index = models.PositiveIntegerField()
    credential = models.JSONField(null=True, blank=True)
    pdf = models.FileField(_("PDF"), storage=certificate_storage, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by hand by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    public_reason = models.CharField(
        _("reason for revoking, as published"),
        max_length=24,
        choices=RevocationReason.choices,
        blank=True,
        help_text=_("What anyone checking the certificate is told."),
    )
    revocation_note = models.TextField(
        _("internal note on revoking"),
        blank=True,
        help_text=_("For the delegation's staff and the holder's data download; never published."),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # Exactly one certificate per enrolment, however many signals, retries or workers;
            # corrections hang off the one they replace.
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=Q(replaces__isnull=True, path_enrollment__isnull=True),
                name="one_certificate_per_enrollment",
            ),
            models.UniqueConstraint(
                fields=["path_enrollment"],
                condition=Q(replaces__isnull=True, path_enrollment__isnull=False),
                name="one_certificate_per_path_enrollment",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="one_certificate_per_status_bit"
            ),
        ]

    def __str__(self) -> str:
        return self.printed.display_code

    @property
    def printed(self) -> Claims:
        return Claims.from_json(self.claims)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
