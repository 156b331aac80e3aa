from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from certificates import views
from certificates.credentials import codes
from certificates.models import Certificate

register = template.Library()


@register.simple_tag
def current_certificate(enrollment: Any) -> dict[str, Any] | None:
    """The newest certificate of an enrolment (a correction is newer than what it replaced),
    read from the `certificates` the view prefetched; a learning path's certificate anchored on
    it is the path's, not the edition's."""
    certificates = sorted(
        (c for c in enrollment.certificates.all() if c.path_enrollment_id is None),
        key=lambda c: (c.created_at, c.pk),
        reverse=True,
    )
    if not certificates:
        return None
    certificate: Certificate = certificates[0]
    issued = certificate.status == Certificate.Status.ISSUED
    return {
        "code": codes.display(certificate.code),
        "is_issued": issued,
        "is_revoked": certificate.revoked_at is not None,
        "pdf_url": reverse("certificate-pdf", kwargs={"public_id": certificate.public_id})
        if issued
        else "",
        "verify_url": certificate.printed.verify_url,
        "linkedin_url": views.linkedin_url(certificate) if issued else "",
    }


@register.simple_tag
def certificates_of(enrollment: Any) -> list[dict[str, Any]]:
    """Every certificate of an enrolment, newest first, for its record page: what a coordinator
    needs to revoke or correct one (its code, state and public address, never its internal id)."""
    from certificates.models import REVOCATION_REASONS_BY_HAND

    found = (
        Certificate.objects.filter(enrollment=enrollment)
        .select_related("revoked_by", "issued_by")
        .order_by("-created_at", "-pk")
    )
    return [
        {
            "certificate": certificate,
            "code": codes.display(certificate.code),
            "is_issued": certificate.status == Certificate.Status.ISSUED,
            "is_revoked": certificate.revoked_at is not None,
            "pdf_url": reverse("certificate-pdf", kwargs={"public_id": certificate.public_id}),
            # This site's page in the reader's language, not the address printed on the PDF.
            "verify_url": reverse(
                "certificates:verify", kwargs={"code": codes.display(certificate.code)}
            ),
            "reasons": REVOCATION_REASONS_BY_HAND,
            # A learning path's certificate, anchored on this enrolment as the path's last course.
            "path_title": certificate.printed.course_title
            if certificate.path_enrollment_id
            else "",
        }
        for certificate in found
    ]
