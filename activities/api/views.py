"""The activities API: the calendar (anyone), an activity, and applying (signed-in people)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import access
from activities import services
from activities.api.serializers import (
    ActivitySerializer,
    ActivityWriteSerializer,
    ApplicationSerializer,
)
from activities.models import NetworkActivity
from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.schema import errors
from enrollments import services as enrolments
from enrollments.errors import Conflict


class ActivityViewSet(viewsets.GenericViewSet):
    """Seminars, study visits, virtual cafés: the published ones for anyone, and drafts for
    their delegation's organisers."""

    serializer_class = ActivitySerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "cohort__public_id"
    lookup_url_kwarg = "public_id"
    lookup_value_regex = "[0-9a-f-]{36}"

    def get_permissions(self) -> Any:
        if self.action == "create":  # organisers only; reading is for anyone
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    def get_queryset(self) -> QuerySet[NetworkActivity]:
        from meetings.models import Meeting

        return (
            NetworkActivity.objects.visible_to(self.request.user)
            .select_related("cohort__delegation", "country")
            .prefetch_related(
                Prefetch("cohort__meetings", queryset=Meeting.objects.order_by("starts_at"))
            )
            .order_by("cohort__starts_on", "pk")
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "kind", str, enum=list(NetworkActivity.Kind.values), description="Only this kind."
            )
        ]
    )
    def list(self, request: Request) -> Response:
        kinds = request.query_params.getlist("kind")
        if len(kinds) > 1:
            raise serializers.ValidationError({"kind": [_("Give it once.")]})
        activities = self.get_queryset()
        if kinds:
            if kinds[0] not in NetworkActivity.Kind.values:
                raise serializers.ValidationError(
                    {"kind": [_("Choose one of: %s.") % ", ".join(NetworkActivity.Kind.values)]}
                )
            activities = activities.filter(kind=kinds[0])
        page = self.paginate_queryset(activities)
        return self.get_paginated_response(ActivitySerializer(page, many=True).data)

    @errors({404: "No such activity, or a draft of another delegation."})
    def retrieve(self, request: Request, public_id: Any) -> Response:
        return Response(ActivitySerializer(self.get_object()).data)

    @extend_schema(
        request=ActivityWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: ActivitySerializer,
            200: OpenApiResponse(
                ActivitySerializer, description="The same Idempotency-Key again: the first one."
            ),
        },
    )
    @errors(
        {
            403: "Not an organiser of that delegation.",
            409: "The Idempotency-Key was sent before with another body.",
        }
    )
    def create(self, request: Request) -> Response:
        user = current_user(request)
        if not (access.is_coordinator(user) or access.is_site_admin(user)):
            raise PermissionDenied(_("Only the delegations' organisers create activities."))
        key = idempotency_key(request)
        digest = hashlib.sha256(
            json.dumps(request.data, sort_keys=True, default=str).encode()
        ).hexdigest()
        body = ActivityWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        if not access.can_manage_delegation(user, data["delegation"]):
            raise PermissionDenied(_("You can only create activities for your own delegations."))
        if key:
            earlier = NetworkActivity.objects.filter(
                cohort__created_by=user, cohort__creation_key=key
            ).first()
            if earlier is not None:
                if earlier.cohort.creation_digest != digest:
                    raise Conflict(
                        _(
                            "This Idempotency-Key already created the activity “%(title)s” "
                            "from another request; change that activity or send a new key."
                        )
                        % {"title": earlier.cohort.title},
                        code="idempotency_key_reused",
                    )
                return Response(ActivitySerializer(self._fresh(earlier)).data)
        activity = services.create_activity(
            by=user,
            key=key,
            digest=digest,
            opens_at=data.pop("applications_open_at"),
            closes_at=data.pop("applications_close_at"),
            **data,
        )
        return Response(
            ActivitySerializer(self._fresh(activity)).data, status=status.HTTP_201_CREATED
        )

    def _fresh(self, activity: NetworkActivity) -> NetworkActivity:
        return self.get_queryset().get(pk=activity.pk)

    @extend_schema(request=None, responses=ActivitySerializer)
    @errors(
        {
            404: "No such activity, or not one the caller organises.",
            409: "The activity has no session yet.",
        }
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def publish(self, request: Request, public_id: Any) -> Response:
        activity = self.get_object()
        if not access.can_manage_cohort(current_user(request), activity.cohort):
            raise NotFound(_("There is no such activity."))
        services.publish(activity=activity)
        return Response(ActivitySerializer(self._fresh(activity)).data)

    @extend_schema(
        request=None,
        responses={
            201: ApplicationSerializer,
            200: OpenApiResponse(
                ApplicationSerializer, description="Applied already: the same application."
            ),
        },
    )
    @errors(
        {
            403: "Applications are closed, or the activity is for others (member cities' "
            "staff, by invitation).",
            404: "No such activity.",
        }
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def apply(self, request: Request, public_id: Any) -> Response:
        activity = self.get_object()
        enrollment, created = enrolments.enroll(
            learner=current_user(request), cohort=activity.cohort
        )
        return Response(
            ApplicationSerializer(enrollment).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
