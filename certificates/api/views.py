from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, Throttled
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from certificates import services, verification
from certificates.api.serializers import (
    CertificateSerializer,
    PdfCheckResultSerializer,
    PdfCheckSerializer,
    ReasonSerializer,
    RevocationSerializer,
    VerificationSerializer,
)
from certificates.models import Certificate
from config.api import current_user
from config.parsers import MultiPartParser
from config.schema import errors
from enrollments.models import Enrollment

OPEN_CORS = {"Access-Control-Allow-Origin": "*", "X-Robots-Tag": "noindex"}


def visible_certificates(user: Any) -> QuerySet[Certificate]:
    """Learners see their own; trainers and coordinators those of the cohorts they follow."""
    return (
        Certificate.objects.filter(access.certificates_filter(user))
        .select_related("enrollment__cohort", "replaced_by")
        .distinct()
        .order_by("-created_at", "-pk")
    )


class CertificateViewSet(viewsets.ReadOnlyModelViewSet):
    """Certificates: a learner's own, or those of a coordinator's delegations. Coordinators
    revoke them or replace them with a corrected one."""

    serializer_class = CertificateSerializer
    lookup_field = "public_id"

    def get_queryset(self) -> QuerySet[Certificate]:
        return visible_certificates(self.request.user)

    def _managed(self) -> Certificate:
        certificate: Certificate = self.get_object()
        if not access.can_manage_cohort(current_user(self.request), certificate.enrollment.cohort):
            raise PermissionDenied(
                _("Only the cohort's coordinators revoke or correct its certificates.")
            )
        return certificate

    @extend_schema(request=RevocationSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request: Request, public_id: str) -> Response:
        certificate = self._managed()
        data = RevocationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.revoke_certificate(
            certificate=certificate,
            by=current_user(request),
            reason=data.validated_data["reason"],
            public_reason=data.validated_data["public_reason"],
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=revoked.pk)).data)

    @extend_schema(request=ReasonSerializer, responses={201: CertificateSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, public_id: str) -> Response:
        certificate = self._managed()
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        successor = services.correct_certificate(
            certificate=certificate, by=current_user(request), reason=data.validated_data["reason"]
        )
        return Response(
            self.get_serializer(self.get_queryset().get(pk=successor.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class IssueByHandView(APIView):
    """Coordinators issue the certificate of a completed enrolment by hand (once: asking again
    returns the same certificate)."""

    @extend_schema(request=None, responses={201: CertificateSerializer, 200: CertificateSerializer})
    def post(self, request: Request, public_id: str) -> Response:
        enrollment = get_object_or_404(
            Enrollment.objects.select_related("cohort", "learner"), public_id=public_id
        )
        if not access.can_manage_cohort(current_user(request), enrollment.cohort):
            raise PermissionDenied(_("Only the cohort's coordinators issue its certificates."))
        existed = enrollment.certificates.of_courses().filter(replaces__isnull=True).exists()
        certificate = services.start_certificate(
            enrollment=enrollment, issued_by=current_user(request)
        )
        fresh = visible_certificates(request.user).get(pk=certificate.pk)
        return Response(
            CertificateSerializer(fresh, context={"request": request}).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


def _look_up(request: Request, code: str) -> verification.Outcome:
    try:
        return verification.look_up_for(request._request, code)
    except verification.TooManyMisses:
        raise Throttled(
            wait=verification.TooManyMisses.retry_after,
            detail=_("Too many unknown codes from your address; try again later."),
        ) from None


class VerifyView(APIView):
    """Public: what a certificate says and whether it is valid, from its code."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        responses={
            200: VerificationSerializer,
            400: VerificationSerializer,
            404: VerificationSerializer,
        }
    )
    @errors({429: "Too many unknown codes from this address; see Retry-After."})
    def get(self, request: Request, code: str) -> HttpResponse:
        language = translation.get_language()
        parsed = verification.well_formed(code)
        if isinstance(parsed, str):
            cached = verification.cached_answer(parsed, language)
            if cached is not None:
                return _json(*cached)
        outcome = _look_up(request, code)
        found = outcome.found
        answer = (
            status.HTTP_200_OK
            if found
            else (
                status.HTTP_404_NOT_FOUND
                if outcome.state == "unknown"
                else status.HTTP_400_BAD_REQUEST
            )
        )
        body = verification.answer_bytes(verification.public_record(outcome))
        verification.keep_answer(outcome, language, answer, body)
        return _json(answer, body)


def _json(answer: int, body: bytes) -> HttpResponse:
    response = HttpResponse(body, status=answer, content_type="application/json")
    for header, value in OPEN_CORS.items():
        response[header] = value
    return response


class VerifyPdfView(APIView):
    """Public: does this PDF file match the certificate's recorded SHA-256?"""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": PdfCheckSerializer},
        responses={200: PdfCheckResultSerializer, 404: VerificationSerializer},
    )
    @errors({429: "Too many unknown codes from this address; see Retry-After."})
    def post(self, request: Request, code: str) -> Response:
        outcome = _look_up(request, code)
        if outcome.certificate is None:
            return Response(
                verification.public_record(outcome),
                status=status.HTTP_404_NOT_FOUND,
                headers=OPEN_CORS,
            )
        data = PdfCheckSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        digest = verification.pdf_digest(upload)
        return Response(
            {"matches": digest == outcome.certificate.pdf_sha256, "sha256": digest},
            headers=OPEN_CORS,
        )
