"""Certificate PDFs (PDF/A-3b, A4 landscape) with the signed credential attached.

A renderer is built once per design and language. It draws what all its certificates share
(frame, logo, title, signatures, labels) once, as a common layer; each certificate then lays
out only its own text and QR code, and the common layer is copied under it. See
`certificates/pdf/layers.py` for how, and `bench/render_certificates.py` for what it saves.
"""

from __future__ import annotations

import base64
import threading
from datetime import UTC, date, datetime, time
from typing import Any

import pydyf
import segno
from django.conf import settings
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from certificates.claims import Claims
from certificates.pdf.design import Design, image_type
from certificates.pdf.layers import CommonLayer
from certificates.pdf.read import CREDENTIAL_NAME

PDF_VARIANT = "pdf/a-3b"
TEMPLATE = "certificates/pdf/certificate.html"
STYLES = "certificates/pdf/certificate.css"
# Past these lengths a holder's name would need a second line at the full size.
_LONG_NAME, _LONGER_NAME = 36, 56
# WeasyPrint, Pango and HarfBuzz keep caches that are not safe to use from two threads at once.
# A worker process renders one certificate at a time anyway.
_weasyprint = threading.Lock()


class CertificateRenderer:
    def __init__(self, design: Design, language: str) -> None:
        if language not in dict(settings.LANGUAGES):
            raise ValueError(f"No certificates in {language!r}: not one of settings.LANGUAGES.")
        self.design = design
        self.language = language
        self._fonts = FontConfiguration()
        # Everything a certificate draws is in its HTML: it never fetches a file or a URL.
        self._fetcher = URLFetcher(allowed_protocols=("data",))
        self._styles = _styles(design, self._fonts, self._fetcher)
        self._template = engines["django"].get_template(TEMPLATE)
        self._shared = _shared_context(design, language)
        common = self._template.render({**self._shared, "common": True, "variable": False})
        with _weasyprint:
            self._common = CommonLayer.from_pdf(self._write(common, attachments=[]))

    def render(self, claims: Claims, *, credential_json: bytes) -> bytes:
        if claims.language != self.language:
            raise ValueError(
                f"A {claims.language!r} certificate given to a {self.language!r} renderer."
            )
        context = {
            **self._shared,
            **_claims_context(self.design, claims),
            "common": False,
            "variable": True,
        }
        html = self._template.render(context)
        attachment = _credential(credential_json, claims, context["credential_description"])
        with _weasyprint:
            return self._write(html, attachments=[attachment], finisher=self._finish)

    def _finish(self, document: Any, pdf: pydyf.PDF) -> None:
        self._common.draw_under(document, pdf)
        _list_attachments_once(pdf)

    def _write(self, html: str, *, attachments: list[Attachment], finisher: Any = None) -> bytes:
        pdf: bytes = HTML(string=html, url_fetcher=self._fetcher).write_pdf(
            stylesheets=[self._styles],
            font_config=self._fonts,
            pdf_variant=PDF_VARIANT,
            attachments=attachments,
            finisher=finisher,
        )
        return pdf


def render_in_one_pass(design: Design, claims: Claims, *, credential_json: bytes) -> bytes:
    """The same certificate drawn in one WeasyPrint pass with nothing kept between calls: what
    a renderer saves is measured against this, and its output is tested against this."""
    fonts = FontConfiguration()
    fetcher = URLFetcher(allowed_protocols=("data",))
    context = {
        **_shared_context(design, claims.language),
        **_claims_context(design, claims),
        "common": True,
        "variable": True,
    }
    html = render_to_string(TEMPLATE, context)
    attachment = _credential(credential_json, claims, context["credential_description"])
    with _weasyprint:
        pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf(
            stylesheets=[_styles(design, fonts, fetcher)],
            font_config=fonts,
            pdf_variant=PDF_VARIANT,
            attachments=[attachment],
            finisher=lambda document, pdf: _list_attachments_once(pdf),
        )
    return pdf


def _list_attachments_once(pdf: pydyf.PDF) -> None:
    # WeasyPrint 70 lists each attachment twice in the catalogue's /AF (once from the names
    # tree, once from the file specification); a validator may count the file twice.
    references = pdf.catalog.get("AF")
    if references is not None:
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(references))


def _styles(design: Design, fonts: FontConfiguration, fetcher: URLFetcher) -> CSS:
    colours = {"primary_color": design.primary_color, "accent_color": design.accent_color}
    return CSS(string=render_to_string(STYLES, colours), font_config=fonts, url_fetcher=fetcher)


def _shared_context(design: Design, language: str) -> dict[str, Any]:
    with translation.override(language):
        return {
            "language": language,
            "issuer_name": design.issuer_name,
            "title": design.title,
            "logo": _data_uri(design.logo) if design.logo else None,
            "signatories": [
                {
                    "name": signatory.name,
                    "role": signatory.role,
                    "signature": _data_uri(signatory.signature) if signatory.signature else None,
                }
                for signatory in design.signatories
            ],
            "labels": {"code": _("Verification code"), "check": _("Check it at")},
            "credential_description": _("Signed digital credential of this certificate"),
        }


def _claims_context(design: Design, claims: Claims) -> dict[str, Any]:
    with translation.override(claims.language):
        starts_on = _date(claims.starts_on)
        ends_on = _date(claims.ends_on)
        hours = number_format(claims.hours)
        body = design.body.format(
            holder_name=claims.holder_name,
            course_title=claims.course_title,
            hours=hours,
            cohort_name=claims.cohort_name,
            starts_on=starts_on,
            ends_on=ends_on,
            delegation_name=claims.delegation_name,
        )
        return {
            "claims": claims,
            "document_title": f"{design.title} – {claims.holder_name}",
            "name_size": (
                "longer"
                if len(claims.holder_name) > _LONGER_NAME
                else "long"
                if len(claims.holder_name) > _LONG_NAME
                else ""
            ),
            "body": body,
            "hours": ngettext("%(hours)s hour", "%(hours)s hours", claims.hours) % {"hours": hours},
            # Learners know cohorts as editions (of a course); a path has none.
            "cohort": _("Edition: %(edition)s") % {"edition": claims.cohort_name}
            if claims.cohort_name
            else "",
            "courses": [
                {
                    "title": item["title"],
                    "completed_on": _date(date.fromisoformat(item["completed_on"])),
                }
                for item in claims.evidence
            ],
            "period": _("From %(starts_on)s to %(ends_on)s")
            % {"starts_on": starts_on, "ends_on": ends_on},
            "issued": _("Issued on %(date)s") % {"date": _date(claims.issued_on)},
            "qr": qr_code(claims.verify_url).png_data_uri(border=4, scale=1),
        }


QR_MASK = 2


def qr_code(url: str) -> segno.QRCode:
    """The QR code printed on a certificate for `url`. Any of the eight masks is valid; a fixed
    one spares scoring all eight for each certificate (most of the code's cost)."""
    return segno.make(url, error="m", micro=False, mask=QR_MASK)


def _credential(credential_json: bytes, claims: Claims, description: str) -> Attachment:
    # Dated like the certificate, not like the render, so that rendering the same claims again
    # gives the same bytes (and the same SHA-256).
    issued_at = datetime.combine(claims.issued_on, time(), tzinfo=UTC)
    return Attachment(
        string=credential_json,
        name=CREDENTIAL_NAME,
        description=description,
        relationship="Source",
        created=issued_at,
        modified=issued_at,
    )


def _date(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def _data_uri(data: bytes) -> str:
    return f"data:{image_type(data)};base64,{base64.b64encode(data).decode('ascii')}"
