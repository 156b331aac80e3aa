"""Assignments through the API: the edition's trainers and coordinators list its submissions
and review them; a learner lists and reads their own. Files come as signed links."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import access
from assignments import links, services
from assignments.api.serializers import (
    AssignmentSerializer,
    DraftWriteSerializer,
    FileUploadSerializer,
    NoBodySerializer,
    SubmissionDetailSerializer,
    SubmissionReviewWriteSerializer,
    SubmissionSerializer,
)
from assignments.models import Attachment, Review, Submission
from cms.models import LessonPage
from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.parsers import MultiPartParser
from config.schema import errors
from courses.models import Cohort
from enrollments.errors import NotAllowed
from enrollments.models import Enrollment

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
    return SubmissionDetailSerializer(_prepared(submission)).data


def _prepared(submission: Submission) -> Submission:
    """The submission with its draft files and history, as SubmissionDetailSerializer reads."""
    versions = list(submission.versions.prefetch_related("attachments").select_related("review"))
    submission.draft_files = [  # type: ignore[attr-defined]
        {
            "id": a.public_id,
            "name": a.name,
            "size": a.size,
            "content_type": a.content_type,
            "url": links.file_url(a),
        }
        for a in submission.attachments.filter(in_draft=True).order_by("uploaded_at", "pk")
    ]
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
    return submission


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


# Handing in: the learner's side -----------------------------------------------------------------

NO_ASSIGNMENT = "No such lesson or assignment."
NOT_LEARNER = "Only learners of an edition of this course hand in its work."
LARGEST_ID = 2**31 - 1


def _assignment(
    request: Request, lesson_id: int, block_id: str
) -> tuple[LessonPage, Any, Enrollment]:
    """The lesson, the assignment block (its settings) and the caller's edition, or 404/403."""
    if not 0 < lesson_id <= LARGEST_ID:
        raise exceptions.NotFound(_("There is no such assignment."))
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    block = services.assignment_in(lesson, block_id)
    if block is None:
        raise exceptions.NotFound(_("There is no such assignment."))
    enrollment = services.enrollment_for(current_user(request), lesson)
    if enrollment is None:
        raise exceptions.PermissionDenied(
            _("Only learners of an edition of this course hand in its work.")
        )
    return lesson, block, enrollment


def _own(enrollment: Enrollment, block_id: str) -> Submission | None:
    found = _listed().filter(enrollment=enrollment, block_id=str(block_id)).first()
    if found is not None:
        found.late = bool(found.late_count)  # type: ignore[attr-defined]
    return found


def _own_detail(enrollment: Enrollment, block_id: str) -> dict[str, Any]:
    submission = _own(enrollment, block_id)
    assert submission is not None
    return _detail(submission)


def _call(function: Any, **kwargs: Any) -> Any:
    try:
        return function(**kwargs)
    except NotAllowed as refused:
        raise exceptions.PermissionDenied(" ".join(refused.messages)) from refused


ASSIGNMENT_ERRORS = {403: NOT_LEARNER, 404: NO_ASSIGNMENT}
CLOSED_OR_WITH_TRAINERS = (
    "The edition has closed, the work waits for review or was accepted, or the assignment "
    "does not take a text or files."
)


class AssignmentView(generics.GenericAPIView):
    """An assignment as its learner sees it: instructions, what it takes, rubric, due date in
    their edition, and their work on it (draft, draft files, every version and review)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = AssignmentSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @errors(ASSIGNMENT_ERRORS)
    def get(self, request: Request, lesson_id: int, block_id: str) -> Response:
        from wagtail.rich_text import expand_db_html

        lesson, block, enrollment = _assignment(request, lesson_id, block_id)
        shown = services.assignment_in(lesson, block_id, as_written=True) or block
        submission = _own(enrollment, block_id)
        return Response(
            AssignmentSerializer(
                {
                    "lesson": lesson.pk,
                    "assignment": str(block_id),
                    "title": shown["title"],
                    "instructions": expand_db_html(shown["instructions"].source),
                    "hand_in": block["hand_in"],
                    "file_types": list(block.get("file_types") or []),
                    "max_file_mb": int(block.get("max_file_mb") or 10),
                    "max_files": services.MAX_FILES,
                    "rubric": [
                        {
                            "criterion": criterion["criterion"],
                            "levels": [
                                {"label": level["label"], "points": level["points"]}
                                for level in criterion["levels"]
                            ],
                        }
                        for criterion in shown.get("rubric") or []
                    ],
                    "edition": enrollment.cohort.public_id,
                    "due_on": services.due_on(enrollment.cohort, block),
                    "open": services.is_open(enrollment.cohort),
                    "submission": _prepared(submission) if submission else None,
                }
            ).data
        )


class DraftView(generics.GenericAPIView):
    """Saves the draft's text (sent again, the same text changes nothing)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = DraftWriteSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    def get_object(self) -> Any:
        # What OPTIONS asks before describing PUT: the assignment, or its 403/404.
        return _assignment(self.request, self.kwargs["lesson_id"], self.kwargs["block_id"])

    @extend_schema(request=DraftWriteSerializer, responses=SubmissionDetailSerializer)
    @errors({400: CLOSED_OR_WITH_TRAINERS, **ASSIGNMENT_ERRORS})
    def put(self, request: Request, lesson_id: int, block_id: str) -> Response:
        lesson, _block, enrollment = _assignment(request, lesson_id, block_id)
        body = DraftWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call(
            services.save_draft,
            learner=current_user(request),
            lesson=lesson,
            block_id=block_id,
            text=body.validated_data["text"],
        )
        return Response(_own_detail(enrollment, block_id))


class DraftFilesView(generics.GenericAPIView):
    """Attaches one file to the draft (multipart, field `file`). With an Idempotency-Key, the
    same file sent again attaches nothing more."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = FileUploadSerializer
    parser_classes = [MultiPartParser]

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(
        request={"multipart/form-data": FileUploadSerializer},
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: SubmissionDetailSerializer,
            200: OpenApiResponse(SubmissionDetailSerializer, description="The same key again."),
        },
    )
    @errors(
        {
            400: "A file that is not what it says, an archive, a program, too large, one file "
            "too many, or " + CLOSED_OR_WITH_TRAINERS[0].lower() + CLOSED_OR_WITH_TRAINERS[1:],
            409: "The Idempotency-Key was sent with another file.",
            **ASSIGNMENT_ERRORS,
        }
    )
    def post(self, request: Request, lesson_id: int, block_id: str) -> Response:
        lesson, _block, enrollment = _assignment(request, lesson_id, block_id)
        body = FileUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _attachment, created = _call(
            services.attach,
            learner=current_user(request),
            lesson=lesson,
            block_id=block_id,
            upload=body.validated_data["file"],
            key=idempotency_key(request),
        )
        return Response(
            _own_detail(enrollment, block_id),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class DraftFileView(generics.GenericAPIView):
    """Removes a file from the draft (a file of a submitted version stays in that version)."""

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(responses={204: None})
    @errors({400: CLOSED_OR_WITH_TRAINERS, **ASSIGNMENT_ERRORS})
    def delete(self, request: Request, lesson_id: int, block_id: str, file_id: Any) -> Response:
        _lesson, _block, enrollment = _assignment(request, lesson_id, block_id)
        attachment = Attachment.objects.filter(
            public_id=file_id,
            in_draft=True,
            submission__block_id=str(block_id),
            submission__enrollment=enrollment,
        ).first()
        if attachment is None:
            raise exceptions.NotFound(_("There is no such file in your draft."))
        _call(services.remove_attachment, learner=current_user(request), attachment=attachment)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SubmitView(generics.GenericAPIView):
    """Submits the draft for review as a new version. Sent again while it waits, it returns
    the same version."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = NoBodySerializer  # for OPTIONS: the request has no body

    def get_queryset(self) -> QuerySet[Submission]:
        return Submission.objects.none()

    @extend_schema(request=None, responses=SubmissionDetailSerializer)
    @errors(
        {
            400: "Nothing written or attached, the work was accepted already, or the edition "
            "has closed.",
            **ASSIGNMENT_ERRORS,
        }
    )
    def post(self, request: Request, lesson_id: int, block_id: str) -> Response:
        lesson, _block, enrollment = _assignment(request, lesson_id, block_id)
        _call(services.submit, learner=current_user(request), lesson=lesson, block_id=block_id)
        return Response(_own_detail(enrollment, block_id))
