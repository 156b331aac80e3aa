from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from cms.api.serializers import (
    H5PPackageSerializer,
    H5PUploadResultSerializer,
    H5PUploadSerializer,
    TranslationImportedSerializer,
    TranslationStatusSerializer,
    TranslationUploadSerializer,
)
from cms.h5p import packages
from cms.h5p.validation import PackageError
from cms.models import H5PPackage
from config.api import current_user
from config.parsers import MultiPartParser
from config.schema import errors


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
    date (the Spanish original published again since) and missing, and how far the pages being
    translated are, in texts."""

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
                            "texts_translated": language.texts[0],
                            "texts": language.texts[1],
                        }
                        for language in status.languages
                    },
                }
                for status in translation_status.statuses()
            ]
        )


class TranslatesCourses(permissions.BasePermission):
    message = "Only trainers translate course pages."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return access.is_trainer(request.user) or access.is_site_admin(request.user)


class TranslationFileView(APIView):
    """A course page's translation into a language, as a PO file: GET downloads it (the
    Spanish original's texts and what is translated already); POST uploads it back, checked
    whole before anything changes, and publishes the page with `publish=true` once every text
    is translated."""

    permission_classes = [permissions.IsAuthenticated, TranslatesCourses]
    parser_classes = [MultiPartParser]

    def _page(self, page_id: int) -> Any:
        from django.shortcuts import get_object_or_404
        from wagtail.models import Page

        from cms.models import CoursePage, LessonPage, ModulePage

        page = get_object_or_404(Page, pk=page_id)
        if not isinstance(page.specific, (CoursePage, ModulePage, LessonPage)):
            from rest_framework.exceptions import NotFound

            raise NotFound("Not a course page.")
        return page

    @extend_schema(responses={(200, "text/x-gettext-translation"): bytes})
    @errors({400: "Not a language to translate into.", 404: "No such course page."})
    def get(self, request: Request, page_id: int, language: str) -> Any:
        from django.http import HttpResponse

        from cms import po

        text = po.export_po(page=self._page(page_id), language=language)
        response = HttpResponse(text, content_type="text/x-gettext-translation; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="page-{page_id}-{language}.po"'
        return response

    @extend_schema(request=TranslationUploadSerializer, responses=TranslationImportedSerializer)
    @errors(
        {
            400: "Not a PO file, one for another page or language, or translations that lose "
            "links, formatting or placeholders: nothing is changed.",
            404: "No such course page.",
        }
    )
    def post(self, request: Request, page_id: int, language: str) -> Response:
        from cms import po

        body = TranslationUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError("The file is not UTF-8 text.", code="po_invalid") from error
        done = po.import_po(
            page=self._page(page_id),
            language=language,
            text=text,
            by=current_user(request),
            publish=body.validated_data["publish"],
        )
        return Response(
            {"translated": done.translated, "total": done.total, "published": done.published}
        )
