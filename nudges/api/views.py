"""Reminders: who is at risk in an edition and messages to them (its trainers and
coordinators), and each person's choice of reminders (their own)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.schema import errors
from courses.models import Cohort
from nudges import services
from nudges.api.serializers import (
    AtRiskSerializer,
    MessageSerializer,
    MessageWriteSerializer,
    PreferenceSerializer,
)

NOT_FOLLOWED = "Not one of the edition's trainers or coordinators."


def _followed_cohort(request: Request, public_id: Any) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if cohort.course.is_activity or not access.can_follow_cohort(request.user, cohort):
        raise exceptions.NotFound(_("There is no such cohort."))
    return cohort


class AtRiskView(APIView):
    """Active learners who have stopped taking part or not finished a module past its
    deadline."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=AtRiskSerializer(many=True))
    @errors({404: "No such cohort, or not one you follow."})
    def get(self, request: Request, public_id: Any) -> Response:
        cohort = _followed_cohort(request, public_id)
        return Response(AtRiskSerializer(services.at_risk(cohort), many=True).data)


class MessagesView(APIView):
    """Writes to a selection of the edition's learners; each receives it in their language
    when a version in it is given."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=MessageWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: MessageSerializer,
            200: OpenApiResponse(MessageSerializer, description="The same key again: sent once."),
        },
    )
    @errors(
        {
            400: "No subject or message, no recipients, or some not in the edition.",
            404: "No such cohort, or not one you follow.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        cohort = _followed_cohort(request, public_id)
        body = MessageWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        message, created = services.send_message(
            cohort=cohort,
            by=current_user(request),
            subject=data["subject"],
            body=data["body"],
            recipients=data["recipients"],
            translations=data["translations"],
            language=translation.get_language() or "",
            key=idempotency_key(request),
        )
        return Response(
            MessageSerializer(message).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PreferenceView(APIView):
    """Which reminders the signed-in person receives (all until they choose)."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser]

    @extend_schema(responses=PreferenceSerializer)
    def get(self, request: Request) -> Response:
        return Response(PreferenceSerializer(services.preference_of(current_user(request))).data)

    @extend_schema(request=PreferenceSerializer, responses=PreferenceSerializer)
    @errors({400: "A choice that is not true or false."})
    def patch(self, request: Request) -> Response:
        body = PreferenceSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        preference = services.set_preference(user=current_user(request), **body.validated_data)
        return Response(PreferenceSerializer(preference).data)
