from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from cms.api.serializers import (
    H5PPackageSerializer,
    H5PUploadResultSerializer,
    H5PUploadSerializer,
    TranslationStatusSerializer,
)
from cms.h5p import packages
from cms.h5p.validation import PackageError
from cms.models import H5PPackage
from config.api import current_user


class CanUploadH5P(permissions.BasePermission):
    message = "Only trainers and coordinators manage H5P packages."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return access.can_upload_h5p(request.user)


class H5PPackageViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """H5P packages for staff: upload one (201 stored, 200 the same file again, 202 being
    processed by a worker: poll it), list them, read one's status. Trainers and coordinators
    see the network's packages and their own delegations'; another delegation's is a 404."""

    serializer_class = H5PPackageSerializer
    permission_classes = [permissions.IsAuthenticated, CanUploadH5P]
    parser_classes = [MultiPartParser]
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[H5PPackage]:
        return (
            H5PPackage.objects.visible_to(self.request.user)
            .select_related("main_library")
            .order_by("-uploaded_at")
        )

    @extend_schema(
        request=H5PUploadSerializer,
        responses={
            201: H5PUploadResultSerializer,
            200: H5PUploadResultSerializer,
            202: H5PUploadResultSerializer,
        },
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        upload = H5PUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            result = packages.upload_package(
                file=upload.validated_data["file"],
                uploaded_by=current_user(request),
                title=upload.validated_data["title"],
                language=upload.validated_data["language"],
            )
        except PackageError as error:
            raise ValidationError(error.message, code=error.code) from None
        package = result.package
        code: int
        if result.reused:
            code = status.HTTP_200_OK
        elif package.status == H5PPackage.Status.READY:
            code = status.HTTP_201_CREATED
        else:
            code = status.HTTP_202_ACCEPTED
        data = self.get_serializer(package).data
        data["notices"] = list(result.notices)
        data["installed"] = list(result.installed)
        return Response(data, status=code)


class FollowsTranslations(permissions.BasePermission):
    message = "Only trainers and coordinators follow the courses' translations."

    def has_permission(self, request: Request, view: APIView) -> bool:
        from cms.translation_views import can_follow_translations

        return can_follow_translations(request.user)


class TranslationStatusView(APIView):
    """Per course and language: the course's pages, those translated and up to date, out of
    date (the Spanish original published again since) and missing."""

    permission_classes = [permissions.IsAuthenticated, FollowsTranslations]

    @extend_schema(responses=TranslationStatusSerializer(many=True))
    def get(self, request: Request) -> Response:
        from cms import translation_status

        return Response(
            [
                {
                    "course": status.course_page.course.code,
                    "title": status.course_page.title,
                    "languages": {
                        language.language: {
                            "pages": language.total,
                            "translated": language.translated,
                            "outdated": language.outdated,
                            "missing": language.missing,
                            "percent": language.percent,
                        }
                        for language in status.languages
                    },
                }
                for status in translation_status.statuses()
            ]
        )
