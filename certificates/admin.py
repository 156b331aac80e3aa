from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableStackedInline

from certificates import services
from certificates.credentials import codes
from certificates.models import Certificate, CertificateTemplate, Signatory, SigningKey


class SignatoryInline(TranslatableStackedInline):
    model = Signatory
    extra = 0


@admin.register(CertificateTemplate)
class CertificateTemplateAdmin(TranslatableAdmin):
    list_display = ["__str__", "previews", "updated_at"]
    inlines = [SignatoryInline]
    readonly_fields = ["previews"]

    @admin.display(description=_("Preview with sample data"))
    def previews(self, template: CertificateTemplate) -> str:
        if template.pk is None:
            return "—"
        return format_html_join(
            " · ",
            '<a href="{}" target="_blank">{}</a>',
            (
                (
                    reverse(
                        "certificate-template-preview",
                        kwargs={"pk": template.pk, "language": code},
                    ),
                    code,
                )
                for code, _name in settings.LANGUAGES
            ),
        )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["display_code", "holder", "course", "status", "issued_at", "revoked_at"]
    list_filter = ["status", "enrollment__cohort__delegation"]
    search_fields = ["code", "enrollment__learner__email", "enrollment__cohort__title"]
    readonly_fields = [
        f.name for f in Certificate._meta.get_fields() if getattr(f, "concrete", False)
    ]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: a deleted record would look like a forgery

    @admin.display(description=_("verification code"))
    def display_code(self, certificate: Certificate) -> str:
        return codes.display(certificate.code)

    @admin.display(description=_("holder"))
    def holder(self, certificate: Certificate) -> str:
        return str(certificate.claims.get("holder_name", ""))

    @admin.display(description=_("course"))
    def course(self, certificate: Certificate) -> str:
        return format_html("{}", certificate.claims.get("course_title", ""))

    @admin.action(description=_("Revoke (reason: issued in error)"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[Certificate]) -> None:
        for certificate in queryset:
            try:
                services.revoke_certificate(
                    certificate=certificate,
                    by=request.user,  # type: ignore[arg-type]
                    reason=str(_("Issued in error")),
                )
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)


@admin.register(SigningKey)
class SigningKeyAdmin(admin.ModelAdmin):
    list_display = ["key_id", "is_active", "created_at", "retired_at"]
    readonly_fields = ["key_id", "public_key", "is_active", "created_at", "retired_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # keys are made by manage.py create_signing_key

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a retired key must stay published
