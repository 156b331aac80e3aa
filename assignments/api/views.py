"""Assignments through the API: the edition's trainers and coordinators list its submissions
and review them; a learner lists and reads their own. Files come as signed links."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, permissions
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import access
from assignments import links, services
from assignments.api.serializers import (
    SubmissionDetailSerializer,
    SubmissionReviewWriteSerializer,
    SubmissionSerializer,
)
from assignments.models import Review, Submission
from config.api import current_user
from config.schema import errors
from courses.models import Cohort

NOT_YOURS = "No such submission, or not yours nor of an edition you train or coordinate."


def _listed() -> QuerySet[Submission]:
    latest_points = (
        Review.objects.filter(version__submission=OuterRef("pk"))
        .order_by("-version__number")
        .values("points")[:1]
    )
    return (
        Submission.objects.select_related("enrollment__cohort", "enrollment__learner", "lesson")
        .annotate(
            version_count=Count("versions", distinct=True),
            late_count=Count("versions", filter=Q(versions__is_late=True), distinct=True),
            points=Subquery(latest_points),
        )
        .order_by("submitted_at", "pk")
    )


def _late(rows: Any) -> Any:
    for row in rows:
        row.late = bool(row.late_count)
    return rows


class CohortSubmissionsView(generics.GenericAPIView):
    """An edition's submissions (drafts aside), for its trainers and coordinators."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status", str, enum=["submitted", "returned", "accepted"],
                description="Only these; every status but drafts without it.",
            )
        ],
        responses=SubmissionSerializer(many=True),
    )  # fmt: skip
    @errors({404: "No such edition, or not one you train or coordinate."})
    def get(self, request: Request, public_id: Any) -> Response:
        cohort = get_object_or_404(Cohort, public_id=public_id)
        if not access.can_follow_cohort(current_user(request), cohort):
            raise exceptions.NotFound(_("There is no such edition."))
        found = _listed().filter(enrollment__cohort=cohort).exclude(status="draft")
        wanted = request.query_params.get("status")
        if wanted is not None:
            if wanted not in ("submitted", "returned", "accepted"):
                raise exceptions.ValidationError({"status": [_("Unknown status.")]})
            found = found.filter(status=wanted)
        page = self.paginate_queryset(found)
        return self.get_paginated_response(SubmissionSerializer(_late(page), many=True).data)


class MySubmissionsView(generics.GenericAPIView):
    """Your own work, in every edition."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(responses=SubmissionSerializer(many=True))
    def get(self, request: Request) -> Response:
        found = _listed().filter(enrollment__learner=current_user(request))
        page = self.paginate_queryset(found)
        return self.get_paginated_response(SubmissionSerializer(_late(page), many=True).data)


def _detail(submission: Submission) -> dict[str, Any]:
    versions = list(submission.versions.prefetch_related("attachments").select_related("review"))
    submission.history = [  # type: ignore[attr-defined]
        {
            "number": v.number,
            "text": v.text,
            "submitted_at": v.submitted_at,
            "is_late": v.is_late,
            "files": [
                {
                    "name": a.name,
                    "size": a.size,
                    "content_type": a.content_type,
                    "url": links.file_url(a),
                }
                for a in v.attachments.all()
            ],
            "review": getattr(v, "review", None),
        }
        for v in versions
    ]
    return SubmissionDetailSerializer(submission).data


def _readable(request: Request, public_id: Any) -> Submission:
    submission = get_object_or_404(_listed(), public_id=public_id)
    user = current_user(request)
    if submission.enrollment.learner_id != user.pk and not services.can_review(user, submission):
        raise exceptions.NotFound(_("There is no such submission."))
    submission.late = bool(submission.late_count)  # type: ignore[attr-defined]
    return submission


class SubmissionView(generics.GenericAPIView):
    """One submission with every version, its files and reviews: for its learner and the
    edition's trainers and coordinators."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionDetailSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @errors({404: NOT_YOURS})
    def get(self, request: Request, public_id: Any) -> Response:
        return Response(_detail(_readable(request, public_id)))


class ReviewView(generics.GenericAPIView):
    """Reviews the latest version: accept, or return with feedback; rubric levels by
    criterion. Sent again, it returns the first review and changes nothing."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SubmissionReviewWriteSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(request=SubmissionReviewWriteSerializer, responses=SubmissionDetailSerializer)
    @errors(
        {
            400: "Nothing submitted, no feedback to return it, or a rubric level missing.",
            404: "No such submission, or not of an edition you train or coordinate.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        user = current_user(request)
        submission = get_object_or_404(Submission, public_id=public_id)
        if not services.can_review(user, submission):
            raise exceptions.NotFound(_("There is no such submission."))
        body = SubmissionReviewWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.review(
            reviewer=user,
            submission=submission,
            decision=body.validated_data["decision"],
            feedback=body.validated_data["feedback"],
            levels=body.validated_data["levels"],
        )
        return Response(_detail(_readable(request, public_id)))
