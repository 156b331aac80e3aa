"""Learning paths through the API: coordinators list their delegations' paths and enrol
people; a learner lists the paths they are on and those open to join, and joins one."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from config.api import current_user
from config.schema import errors
from paths import services
from paths.api.serializers import (
    EnrolledSerializer,
    EnrolSerializer,
    JoinedSerializer,
    PathSerializer,
)
from paths.models import LearningPath, PathStep


class PathListView(APIView):
    """The paths of the delegations you coordinate, and those you are on."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=PathSerializer(many=True))
    def get(self, request: Request) -> Response:
        user = current_user(request)
        mine = Q(enrollments__learner=user)
        if access.is_site_admin(user):
            mine = Q()
        elif delegations := access.coordinated_delegation_ids(user):
            mine |= Q(delegation__in=delegations)
        paths = (
            LearningPath.objects.filter(mine)
            .distinct()
            .select_related("delegation")
            .prefetch_related(
                Prefetch(
                    "steps", queryset=PathStep.objects.select_related("course").order_by("position")
                )
            )
            .order_by("title")
        )
        return Response(PathSerializer(paths, many=True).data)


class EnrolView(APIView):
    """Puts people (by e-mail) on the path and in the current edition of its first course (or
    of all, when the order is not enforced). Sent again, nobody is enrolled twice."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=EnrolSerializer, responses=EnrolledSerializer)
    @errors({404: "No such path, or not one of your delegations'."})
    def post(self, request: Request, public_id: Any) -> Response:
        path = get_object_or_404(LearningPath, public_id=public_id)
        user = current_user(request)
        if not services.can_manage(user, path):
            raise exceptions.NotFound(_("There is no such path."))
        body = EnrolSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        made, unknown = services.enrol(path=path, by=user, emails=body.validated_data["emails"])
        return Response({"enrolled": len(made), "unknown": unknown})


class OpenPathsView(APIView):
    """The paths any learner may join by themselves, with their courses in order."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=PathSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(PathSerializer(services.open_paths(), many=True).data)


class JoinView(APIView):
    """Puts you on a path open to join, and in the editions of its courses open to you now
    (the first course's when the order is enforced). Sent again, nothing changes (200)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={201: JoinedSerializer, 200: JoinedSerializer})
    @errors({404: "No such path, or not one open to join."})
    def post(self, request: Request, public_id: Any) -> Response:
        user = current_user(request)
        path = LearningPath.objects.filter(public_id=public_id, open_to_join=True).first()
        if path is None:
            raise exceptions.NotFound(_("There is no such path."))
        _entry, created, made = services.join(path=path, learner=user)
        body = {
            "path": path.public_id,
            "joined": created,
            "editions": [enrollment.cohort.public_id for enrollment in made],
        }
        return Response(
            JoinedSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
