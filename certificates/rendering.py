"""From a certificate template to PDF bytes, with one renderer per template and language.

A renderer holds everything the certificates of one template and language share (styles,
fonts, logo, signatures), so a cohort's thousand certificates pay for it once per worker.
"""

from __future__ import annotations

import threading
from datetime import date
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from certificates import issuer
from certificates.claims import ATTENDANCE, COMPLETION, PATH, Claims
from certificates.models import Certificate, CertificateTemplate
from certificates.pdf.design import Design, Signatory
from certificates.pdf.render import CertificateRenderer
from courses.models import Course

_lock = threading.Lock()


def template_for(course: Course | None) -> CertificateTemplate | None:
    """The course's own template, else the network's default (a learning path's always)."""
    return (
        course is not None and CertificateTemplate.objects.filter(course=course).first()
    ) or CertificateTemplate.objects.filter(course__isnull=True).first()


def default_title(kind: str = COMPLETION) -> str:
    if kind == ATTENDANCE:
        return _("Certificate of attendance")
    return _("Certificate of completion")


def default_body(kind: str = COMPLETION) -> str:
    # Printed between the holder's name and the course's title, above the line with the hours,
    # edition, dates and delegation: it says only what joins them, nothing twice.
    if kind == ATTENDANCE:
        return pgettext("certificate body, before the activity's title", "attended")
    if kind == PATH:
        return _("has completed every course of the learning path")
    return _("has completed the course")


def _read(field: object) -> bytes | None:
    if not field:
        return None
    with field.open("rb") as handle:  # type: ignore[attr-defined]
        data: bytes = handle.read()
    return data


def design_for(
    template: CertificateTemplate | None, language: str, kind: str = COMPLETION
) -> Design:
    """The template's look; its title and body are a course's, so an activity's certificate
    of attendance, or a learning path's, says so in its own words (the template's logo,
    colours and signatories stay)."""

    with translation.override(language):
        if template is None:
            return Design(
                title=default_title(kind),
                body=default_body(kind),
                signatories=(),
                logo=None,
                primary_color="#1d4e89",
                accent_color="#c8102e",
                issuer_name=issuer.issuer_name(language),
            )
        signatories = tuple(
            Signatory(
                name=person.name,
                role=str(
                    person.safe_translation_getter(
                        "role", language_code=language, any_language=True
                    )
                    or ""
                ),
                signature=_read(person.signature),
            )
            for person in template.signatories.all()
        )
        return Design(
            title=default_title(kind)
            if kind != COMPLETION
            else str(
                template.safe_translation_getter("title", language_code=language) or default_title()
            ),
            body=default_body(kind)
            if kind != COMPLETION
            else str(
                template.safe_translation_getter("body", language_code=language) or default_body()
            ),
            signatories=signatories,
            logo=_read(template.logo),
            primary_color=template.primary_colour,
            accent_color=template.accent_colour,
            issuer_name=issuer.issuer_name(language),
        )


@lru_cache(maxsize=64)
def _renderer(
    template_id: int | None, version: str, language: str, kind: str
) -> CertificateRenderer:
    template = CertificateTemplate.objects.get(pk=template_id) if template_id is not None else None
    return CertificateRenderer(design_for(template, language, kind), language)


def renderer_for(
    template: CertificateTemplate | None, language: str, kind: str = COMPLETION
) -> CertificateRenderer:
    # The template's last change is part of the key: an edited template gets a new renderer.
    version = template.updated_at.isoformat() if template is not None else "default"
    with _lock:
        return _renderer(template.pk if template else None, version, language, kind)


def render(certificate: Certificate, *, credential_json: bytes) -> bytes:
    claims = certificate.printed
    return renderer_for(certificate.template, claims.language, claims.kind).render(
        claims, credential_json=credential_json
    )


def sample_claims(language: str) -> Claims:
    """What trainers see when they preview a template."""
    with translation.override(language):
        return Claims(
            code="0000000000000000",
            holder_name="María Fernanda Gómez Ruiz",
            course_code="SAMPLE",
            course_title=_("Sample course"),
            course_description="",
            hours=20,
            cohort_name=_("Sample edition"),
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 4, 24),
            completed_on=date(2026, 4, 20),
            delegation_name=_("Latin America"),
            language=language,
            issued_on=date(2026, 4, 20),
            verify_url="https://aula.example.org/verify/0000-0000-0000-0000",
        )
