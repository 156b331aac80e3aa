from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from accounts import access
from certificates.credentials import codes
from certificates.models import REVOCATION_REASONS_BY_HAND, Certificate, RevocationReason


class CertificateSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    code = serializers.SerializerMethodField()
    enrollment = serializers.UUIDField(source="enrollment.public_id", read_only=True)
    state = serializers.SerializerMethodField()
    claims = serializers.JSONField(read_only=True)
    pdf_url = serializers.SerializerMethodField()
    verify_url = serializers.SerializerMethodField()
    replaced_by = serializers.SerializerMethodField()
    revocation_reason = serializers.CharField(
        source="get_public_reason_display",
        read_only=True,
        help_text="The published reason, in the request's language ('' while valid).",
    )
    public_reason = serializers.ChoiceField(
        choices=RevocationReason.choices,
        allow_blank=True,
        read_only=True,
        help_text="Why it was revoked, as published; empty while it is valid.",
    )
    revocation_note = serializers.SerializerMethodField(
        help_text="The staff's internal note: shown to the cohort's coordinators only."
    )

    class Meta:
        model = Certificate
        fields = [
            "id",
            "code",
            "enrollment",
            "status",
            "state",
            "claims",
            "pdf_sha256",
            "pdf_url",
            "verify_url",
            "issued_at",
            "revoked_at",
            "public_reason",
            "revocation_reason",
            "revocation_note",
            "replaced_by",
        ]
        read_only_fields = fields

    def get_revocation_note(self, certificate: Certificate) -> str | None:
        request = self.context.get("request")
        if request is None or not access.can_manage_cohort(
            request.user, certificate.enrollment.cohort
        ):
            return None
        return certificate.revocation_note

    def get_code(self, certificate: Certificate) -> str:
        return codes.display(certificate.code)

    def get_state(self, certificate: Certificate) -> str:
        if certificate.status == Certificate.Status.PENDING:
            return "pending"
        if hasattr(certificate, "replaced_by"):
            return "superseded"
        return "revoked" if certificate.revoked_at else "valid"

    def get_pdf_url(self, certificate: Certificate) -> str | None:
        if certificate.status != Certificate.Status.ISSUED:
            return None
        return reverse("certificate-pdf", kwargs={"public_id": certificate.public_id})

    def get_verify_url(self, certificate: Certificate) -> str:
        return str(certificate.printed.verify_url)

    def get_replaced_by(self, certificate: Certificate) -> str | None:
        successor = getattr(certificate, "replaced_by", None)
        return str(successor.public_id) if successor is not None else None


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2000,
        trim_whitespace=True,
        help_text="Why, for the delegation's staff: an internal note, never published.",
    )


class RevocationSerializer(ReasonSerializer):
    public_reason = serializers.ChoiceField(
        choices=REVOCATION_REASONS_BY_HAND,
        default=RevocationReason.WITHDRAWN,
        help_text="The reason anyone checking the certificate is told.",
    )


class VerificationSerializer(serializers.Serializer):
    """The public answer: see certificates.verification.public_record."""

    state = serializers.ChoiceField(
        choices=["valid", "revoked", "superseded", "pending", "unknown", "mistyped", "malformed"]
    )
    message = serializers.CharField()
    certificate = serializers.DictField(
        required=False,
        help_text=(
            "Every printed claim. `kind` is completion (a course's edition), attendance (a "
            "network activity) or path (a learning path, whose courses are listed in `courses`: "
            "code, title, completed_on and the course certificate's verify_url)."
        ),
    )
    revoked_on = serializers.DateField(required=False)
    revocation_reason = serializers.CharField(required=False)
    revocation_reason_code = serializers.ChoiceField(
        choices=RevocationReason.choices, required=False
    )
    replaced_by = serializers.DictField(required=False)


class PdfCheckSerializer(serializers.Serializer):
    file = serializers.FileField()


class PdfCheckResultSerializer(serializers.Serializer):
    matches = serializers.BooleanField()
    sha256 = serializers.CharField()

    def to_representation(self, instance: Any) -> Any:
        return instance
