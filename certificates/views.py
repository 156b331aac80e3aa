"""Public verification pages, the issuer's DID document and status lists, and downloads."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import access
from accounts.models import User
from certificates import issuer, rendering, verification
from certificates.credentials import codes
from certificates.models import Certificate, CertificateTemplate, StatusList
from enrollments.models import Enrollment

PUBLIC_JSON = {"Access-Control-Allow-Origin": "*", "X-Robots-Tag": "noindex"}


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("code", "").strip()
    if text:
        parsed = verification.well_formed(text)  # the code's own page asks the database
        if isinstance(parsed, str):
            return HttpResponseRedirect(
                reverse("certificates:verify", kwargs={"code": codes.display(parsed)})
            )
        return render(
            request, "certificates/verify_form.html", {"text": text, "outcome": parsed}, status=400
        )
    return render(request, "certificates/verify_form.html", {})


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, code: str) -> HttpResponse:
    try:
        outcome = verification.look_up_for(request, code)
    except verification.TooManyMisses:
        response = render(request, "certificates/throttled.html", status=429)
        response["Retry-After"] = str(verification.TooManyMisses.retry_after)
        return response
    context: dict[str, object] = {
        "outcome": outcome,
        "record": verification.public_record(outcome),
        "text": code,
    }
    if request.method == "POST" and outcome.certificate is not None:
        upload = request.FILES.get("file")
        if upload is None:
            context["pdf_error"] = _("Choose the PDF file to compare.")
        else:
            context["pdf_matches"] = verification.pdf_matches(outcome.certificate, upload)
    status = 200 if outcome.found else (404 if outcome.state == "unknown" else 400)
    response = render(request, "certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@cache_control(max_age=300, public=True)
def did_document(request: HttpRequest) -> JsonResponse:
    return JsonResponse(issuer.did_document(), headers=PUBLIC_JSON)


@require_GET
def status_list(request: HttpRequest, number: int) -> JsonResponse:
    listed = get_object_or_404(StatusList, number=number)
    if listed.credential is None:
        raise Http404(_("This status list has not been published yet."))
    response = JsonResponse(listed.credential, headers=PUBLIC_JSON)
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def credential(request: HttpRequest, public_id: str) -> JsonResponse:
    """The signed credential, for anyone holding its address to check without Aula."""
    certificate = get_object_or_404(
        Certificate.objects.issued().only("credential"), public_id=public_id
    )
    return JsonResponse(certificate.credential, headers=PUBLIC_JSON)


def _visible(request: HttpRequest, public_id: str) -> Certificate:
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__cohort"), public_id=public_id
    )
    if not access.can_view_enrollment(request.user, certificate.enrollment):
        raise Http404
    return certificate


@require_GET
def pdf(request: HttpRequest, public_id: str) -> HttpResponseBase:
    certificate = _visible(request, public_id)
    if certificate.is_revoked:
        # A revoked certificate's file is not handed out again: the page says so, why, and
        # where the certificate that replaces it is.
        replacement = Certificate.objects.filter(replaces=certificate).first()
        return render(
            request,
            "certificates/revoked.html",
            {"certificate": certificate, "replacement": replacement},
            status=410,
        )
    if certificate.status != Certificate.Status.ISSUED:
        raise Http404(_("This certificate is still being prepared."))
    name = f"certificate-{codes.display(certificate.code)}.pdf"
    return FileResponse(certificate.pdf.open("rb"), as_attachment=True, filename=name)


def linkedin_url(certificate: Certificate) -> str:
    claims = certificate.printed
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": claims.course_title,
        "organizationName": issuer.issuer_name(claims.language),
        "issueYear": claims.issued_on.year,
        "issueMonth": claims.issued_on.month,
        "certUrl": claims.verify_url,
        "certId": claims.display_code,
    }
    return "https://www.linkedin.com/profile/add?" + urlencode(query)


def _may_preview(request: HttpRequest) -> bool:
    return access.is_trainer(request.user) or access.is_coordinator(request.user)


@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    if not _may_preview(request):
        raise Http404
    templates = CertificateTemplate.objects.select_related("course").prefetch_related(
        "translations"
    )
    return render(
        request,
        "certificates/template_list.html",
        {"templates": templates, "languages": settings.LANGUAGES},
    )


@require_GET
def template_preview(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    """Trainers see a template with sample data in any of the five languages; 0 is the
    built-in design used when no template exists."""
    if not _may_preview(request):
        raise Http404
    if language not in dict(settings.LANGUAGES):
        raise Http404
    template = get_object_or_404(CertificateTemplate, pk=pk) if pk else None
    sample = rendering.sample_claims(language)
    with translation.override(language):
        document = rendering.renderer_for(template, language).render(
            sample, credential_json=json.dumps({"sample": True}).encode()
        )
    return HttpResponse(
        document,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="preview-{language}.pdf"'},
    )


def _managed(request: HttpRequest, public_id: str) -> Certificate:
    """A certificate its cohort's coordinators act on; to anyone else it does not exist."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__cohort", "enrollment__learner"),
        public_id=public_id,
    )
    if not access.can_manage_cohort(request.user, certificate.enrollment.cohort):
        raise Http404(_("There is no such certificate."))
    return certificate


def _to_record(certificate: Certificate) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        reverse("enrollments:record", args=[certificate.enrollment.public_id])
    )


@login_required
@require_POST
def revoke(request: HttpRequest, public_id: str) -> HttpResponse:
    """A coordinator revokes a certificate from the learner's record: an internal note, and
    the reason the verification page publishes, chosen from a list."""
    from certificates import services

    certificate = _managed(request, public_id)
    user = request.user
    assert isinstance(user, User)
    try:
        services.revoke_certificate(
            certificate=certificate,
            by=user,
            reason=request.POST.get("reason", ""),
            public_reason=request.POST.get("public_reason", ""),
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("Certificate %(code)s is revoked.") % {"code": codes.display(certificate.code)},
        )
    return _to_record(certificate)


@login_required
@require_POST
def correct(request: HttpRequest, public_id: str) -> HttpResponse:
    """A coordinator replaces a certificate with one made from the learner's current details."""
    from certificates import services

    certificate = _managed(request, public_id)
    user = request.user
    assert isinstance(user, User)
    try:
        successor = services.correct_certificate(
            certificate=certificate,
            by=user,
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("Certificate %(code)s replaces %(old)s; it is being prepared.")
            % {"code": codes.display(successor.code), "old": codes.display(certificate.code)},
        )
    return _to_record(certificate)


@login_required
@require_POST
def issue_by_hand(request: HttpRequest, public_id: str) -> HttpResponse:
    """A coordinator issues the certificate of a completed enrolment (once)."""
    from certificates import services

    enrollment = get_object_or_404(
        Enrollment.objects.select_related("cohort", "learner"), public_id=public_id
    )
    if not access.can_manage_cohort(request.user, enrollment.cohort):
        raise Http404(_("There is no such enrolment."))
    user = request.user
    assert isinstance(user, User)
    try:
        certificate = services.start_certificate(enrollment=enrollment, issued_by=user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("Certificate %(code)s is being prepared.")
            % {"code": codes.display(certificate.code)},
        )
    return HttpResponseRedirect(reverse("enrollments:record", args=[enrollment.public_id]))
