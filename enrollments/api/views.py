from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from config.api import ERROR_409_KEY, IDEMPOTENCY_KEY, current_user, idempotency_key
from config.authentication import TokenBearer, speak
from config.parsers import MultiPartParser, json_body_or_none
from config.schema import errors
from courses.models import Cohort
from enrollments import imports, invitations, progress, services, spreadsheets
from enrollments import roster as rosters
from enrollments.api.serializers import (
    AdmitSerializer,
    CohortSerializer,
    CohortWriteSerializer,
    CompleteByHandSerializer,
    EnrollInputSerializer,
    EnrollmentSerializer,
    ImportInputSerializer,
    ImportJobSerializer,
    InviteSerializer,
    RerunSerializer,
    RosterRowSerializer,
)
from enrollments.errors import Conflict
from enrollments.models import Enrollment, ImportJob


class CohortViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Cohorts: the public sees listed ones; trainers and coordinators also see their own;
    coordinators create and change the cohorts of their delegations."""

    serializer_class = CohortSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "public_id"

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action in ("create", "update", "partial_update"):
            return CohortWriteSerializer
        return CohortSerializer

    def get_permissions(self) -> Any:
        if self.action in ("create", "update", "partial_update"):
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    def perform_create(
        self,
        serializer: serializers.BaseSerializer,
        *,
        created_by: Any = None,
        key: str = "",
        digest: str = "",
    ) -> None:
        delegation = serializer.validated_data["delegation"]
        if not access.can_manage_delegation(self.request.user, delegation):
            raise PermissionDenied(_("You can only create cohorts for your own delegations."))
        serializer.save(created_by=created_by, creation_key=key, creation_digest=digest)

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        cohort = cast(Cohort, serializer.instance)
        target = serializer.validated_data.get("delegation", cohort.delegation)
        if not (
            access.can_manage_cohort(self.request.user, cohort)
            and access.can_manage_delegation(self.request.user, target)
        ):
            raise PermissionDenied(_("Only the cohort's coordinators can change it."))
        serializer.save()

    @extend_schema(
        request=CohortWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: CohortSerializer,
            200: OpenApiResponse(
                CohortSerializer, description="The same request with the same key again."
            ),
            409: ERROR_409_KEY,
        },
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = idempotency_key(request)
        user = current_user(request)
        digest = hashlib.sha256(
            json.dumps(request.data, sort_keys=True, default=str).encode()
        ).hexdigest()
        if key and (earlier := self._made_with(user, key, digest)) is not None:
            return Response(CohortSerializer(earlier).data, status=status.HTTP_200_OK)
        serializer = CohortWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                self.perform_create(serializer, created_by=user, key=key, digest=digest)
        except IntegrityError:
            earlier = self._made_with(user, key, digest) if key else None
            if earlier is None:
                raise
            return Response(CohortSerializer(earlier).data, status=status.HTTP_200_OK)
        cohort = self.get_queryset().get(pk=cast(Cohort, serializer.instance).pk)
        return Response(CohortSerializer(cohort).data, status=status.HTTP_201_CREATED)

    def _made_with(self, user: Any, key: str, digest: str) -> Cohort | None:
        """The cohort `key` made already, if any; refused if it was made from another body."""
        earlier = self.get_queryset().filter(created_by=user, creation_key=key).first()
        if earlier is not None and earlier.creation_digest != digest:
            raise Conflict(
                _(
                    "This Idempotency-Key already created the cohort “%(title)s” from another "
                    "request; change that cohort or send a new key."
                )
                % {"title": earlier.title},
                code="idempotency_key_reused",
            )
        return earlier

    @extend_schema(request=CohortWriteSerializer, responses=CohortSerializer)
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Permission first: the input (trainers' e-mails) must not tell a stranger which
        # accounts exist.
        cohort = self._cohort(
            access.can_manage_cohort, _("Only the cohort's coordinators can change it.")
        )
        serializer = CohortWriteSerializer(
            cohort, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(CohortSerializer(self.get_queryset().get(pk=cohort.pk)).data)

    def _cohort(self, may: Callable[[Any, Cohort], bool], refusal: str) -> Cohort:
        """The cohort of the URL for an action `may` allow: 404 when the caller cannot see it
        (a draft or invitation-only cohort of others exists for them no more than a missing
        one), 403 when they see it but may not do this."""
        cohort = self.get_object()
        if not may(self.request.user, cohort):
            raise PermissionDenied(refusal)
        return cohort

    def get_queryset(self) -> QuerySet[Cohort]:
        user = self.request.user
        cohorts = (
            Cohort.objects.visible_to(user)
            .select_related("course", "delegation")
            .annotate(
                seats_taken=Count(
                    "enrollments",
                    filter=Q(enrollments__status__in=Enrollment.HOLDING_A_SEAT),
                    distinct=True,
                )
            )
            .order_by("starts_on", "pk")
            .distinct()
        )
        if course := self.request.query_params.get("course"):
            cohorts = cohorts.filter(course__code=course)
        if self.request.query_params.get("trained") == "true" and user.is_authenticated:
            cohorts = cohorts.filter(trainers=user.pk)
        return cohorts

    @extend_schema(request=EnrollInputSerializer, responses=EnrollmentSerializer)
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    @errors({409: "The cohort is full and keeps no waiting list (`cohort_full`)."})
    def enroll(self, request: Request, public_id: str) -> Response:
        cohort = get_object_or_404(Cohort, public_id=public_id)
        payload = EnrollInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        enrollment, created = services.enroll(
            learner=current_user(request), cohort=cohort, key=payload.validated_data["key"]
        )
        enrollment = (
            Enrollment.objects.with_required_lessons()
            .select_related("cohort__course")
            .get(pk=enrollment.pk)
        )
        return Response(
            EnrollmentSerializer(enrollment).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        request=RerunSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: CohortSerializer,
            200: OpenApiResponse(CohortSerializer, description="The same key again: the first."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    @errors({403: "Not a coordinator of the edition.", 404: "No such edition."})
    def rerun(self, request: Request, public_id: str) -> Response:
        """ "New edition from this one": its settings, questionnaires, trainers and sessions
        with every date shifted to the new start; a draft until opened."""
        from enrollments import reruns

        source = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
        if not access.can_manage_cohort(current_user(request), source):
            raise PermissionDenied(_("Only the edition's coordinators run it again."))
        payload = RerunSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        copy, created = reruns.rerun(
            source=source,
            by=current_user(request),
            title=data["title"],
            title_translations=data.get("title_translations") or {},
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            key=idempotency_key(request),
        )
        return Response(
            CohortSerializer(copy, context={"request": request}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(request=InviteSerializer, responses={200: dict})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def invitations(self, request: Request, public_id: str) -> Response:
        cohort = self._cohort(
            access.can_manage_cohort, _("Only the cohort's coordinators send invitations.")
        )
        payload = InviteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        sent = invitations.invite_many(
            cohort=cohort, emails=payload.validated_data["emails"], invited_by=current_user(request)
        )
        return Response(
            {"invited": sent, "already_invited": len(payload.validated_data["emails"]) - sent}
        )

    @extend_schema(
        request={"multipart/form-data": ImportInputSerializer}, responses={202: ImportJobSerializer}
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[permissions.IsAuthenticated],
        parser_classes=[MultiPartParser],
    )
    def imports(self, request: Request, public_id: str) -> Response:
        cohort = self._cohort(
            access.can_manage_cohort, _("Only the cohort's coordinators import learners.")
        )
        payload = ImportInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        job = imports.start_import(
            cohort=cohort,
            created_by=current_user(request),
            file=upload,
            file_name=upload.name,
            dry_run=payload.validated_data["dry_run"],
        )
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        responses=RosterRowSerializer(many=True),
        parameters=[
            OpenApiParameter("status", str),
            OpenApiParameter("country", str, description="ISO code"),
            OpenApiParameter("city", str, description="member city id"),
            OpenApiParameter("position", str),
            OpenApiParameter("q", str, description="part of a name or e-mail address"),
            OpenApiParameter("export", str, enum=["csv", "xlsx"]),
        ],
    )
    @action(detail=True, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def roster(self, request: Request, public_id: str) -> Response | HttpResponseBase:
        cohort = self._cohort(
            access.can_follow_cohort,
            _("Only the cohort's trainers and coordinators see its roster."),
        )
        rows = rosters.rows(cohort=cohort, filters=request.query_params)
        if kind := request.query_params.get("export"):
            if kind not in spreadsheets.FORMATS:
                raise serializers.ValidationError(
                    {"export": _("Export as csv or xlsx, not %(kind)s.") % {"kind": kind}}
                )
            return rosters.export(cohort, rows, kind)
        page = self.paginate_queryset(rows) or []
        names = rosters.city_names(row.learner.member_city_id for row in page)
        serialized = RosterRowSerializer(page, many=True, context={"city_names": names})
        return self.get_paginated_response(serialized.data)


class EnrollmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A learner's own enrolments, with progress; trainers and coordinators reach theirs by id."""

    serializer_class = EnrollmentSerializer
    lookup_field = "public_id"

    def get_queryset(self) -> QuerySet[Enrollment]:
        enrollments = Enrollment.objects.with_required_lessons().select_related("cohort__course")
        if self.action == "list":
            return enrollments.filter(learner=current_user(self.request)).order_by(
                "-enrolled_at", "pk"
            )
        return enrollments

    def get_object(self) -> Enrollment:
        enrollment = super().get_object()
        if not access.can_view_enrollment(self.request.user, enrollment):
            raise NotFound()
        return enrollment

    @extend_schema(request=None, responses=EnrollmentSerializer)
    @action(detail=True, methods=["post"])
    @errors({409: "A completed enrolment cannot be withdrawn."})
    def withdraw(self, request: Request, public_id: str) -> Response:
        enrollment = self.get_object()
        if enrollment.learner_id != request.user.pk and not access.can_manage_cohort(
            request.user, enrollment.cohort
        ):
            raise PermissionDenied(_("Only the learner or a coordinator can withdraw it."))
        services.withdraw(enrollment=enrollment, by=current_user(request))
        return Response(EnrollmentSerializer(self.get_queryset().get(pk=enrollment.pk)).data)

    @extend_schema(request=AdmitSerializer, responses=EnrollmentSerializer)
    @action(detail=True, methods=["post"])
    @errors({409: "Not on the waiting list, or every seat is taken (send add_seat)."})
    def admit(self, request: Request, public_id: str) -> Response:
        """A coordinator gives someone on the waiting list a seat, out of turn: a free one, or
        with `add_seat` one more than the edition had."""
        enrollment = self.get_object()
        if not access.can_manage_cohort(request.user, enrollment.cohort):
            raise PermissionDenied(_("Only the cohort's coordinators give seats."))
        data = AdmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.admit(
            enrollment=enrollment,
            by=current_user(request),
            add_seat=data.validated_data["add_seat"],
        )
        return Response(EnrollmentSerializer(self.get_queryset().get(pk=enrollment.pk)).data)

    @extend_schema(request=CompleteByHandSerializer, responses=EnrollmentSerializer)
    @action(detail=True, methods=["post"])
    @errors({409: "Only an active enrolment can be completed, and not before its edition starts."})
    def complete(self, request: Request, public_id: str) -> Response:
        enrollment = self.get_object()
        payload = CompleteByHandSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        lesson = None
        if key := payload.validated_data.get("lesson"):
            lesson = progress.lesson_by_key(key, live=False)
            if lesson is None:
                raise NotFound(_("There is no such lesson."))
        progress.complete_by_hand(
            actor=current_user(request),
            enrollment=enrollment,
            reason=payload.validated_data["reason"],
            lesson=lesson,
            force=payload.validated_data["force"],
        )
        return Response(EnrollmentSerializer(self.get_queryset().get(pk=enrollment.pk)).data)


class ImportJobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The status of an import, to poll until it is done or failed."""

    serializer_class = ImportJobSerializer
    lookup_field = "public_id"

    def get_queryset(self) -> QuerySet[ImportJob]:
        managed = Cohort.objects.filter(access.managed_cohorts_filter(self.request.user))
        return ImportJob.objects.select_related("cohort").filter(cohort__in=managed)


class LessonDoneView(APIView):
    """A learner marks a lesson without required activities as done."""

    @extend_schema(request=None, responses=EnrollmentSerializer(many=True))
    def post(self, request: Request, translation_key: str) -> Response:
        lesson = progress.lesson_by_key(translation_key)
        if lesson is None:
            raise NotFound(_("There is no such lesson."))
        enrollments = progress.mark_lesson_done(learner=current_user(request), lesson=lesson)
        fresh = Enrollment.objects.with_required_lessons().select_related("cohort__course")
        return Response(
            EnrollmentSerializer(fresh.filter(pk__in=[e.pk for e in enrollments]), many=True).data
        )


class StatementsView(APIView):
    """xAPI: one statement or a list; stored once per id, bound to the signed-in learner."""

    # The busiest endpoint: a token's holder is looked up in the same SQL statement that
    # stores one statement (progress.record_by_token); anything else looks it up first.
    defers_token_lookup = True

    @extend_schema(request=dict, responses={200: list[str]})
    @errors({409: "A different statement with this id is stored.", 413: "A statement above 64 kB."})
    def post(self, request: Request) -> Response:
        bearer = request.user
        if isinstance(bearer, TokenBearer):
            body = json_body_or_none(request)
            if body is not None:
                stored = progress.record_by_token(
                    key=bearer.key,
                    statements=body,
                    speak=lambda language: speak(request, language),
                )
                if stored is not None:
                    return Response([stored], status=status.HTTP_200_OK)
        ids = progress.record_statements(learner=current_user(request), statements=request.data)
        return Response(ids, status=status.HTTP_200_OK)
