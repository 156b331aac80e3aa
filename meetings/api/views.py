"""The sessions API: schedule, change and cancel (the cohort's staff), join and check in
(its learners), the register, and one's calendar address."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.schema import errors
from courses.models import Cohort
from enrollments.models import Enrollment
from meetings import services
from meetings.api.serializers import (
    AttendanceSerializer,
    BookingSerializer,
    CheckInSerializer,
    FeedSerializer,
    JoinSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    RegisterSerializer,
)
from meetings.models import Attendance, Meeting


def visible_meetings(user: Any) -> QuerySet[Meeting]:
    """A learner's cohorts' sessions (holding a seat), and those of the cohorts one runs."""
    followed = Cohort.objects.filter(access.followed_cohorts_filter(user)).values("pk")
    seated = Enrollment.objects.active().filter(learner_id=user.pk).values("cohort_id")
    return Meeting.objects.filter(
        Q(cohort__in=followed) | Q(cohort__in=seated) | Q(facilitators=user)
    ).distinct()


class SessionQuerySerializer(serializers.Serializer):
    cohort = serializers.UUIDField(required=False)
    upcoming = serializers.BooleanField(required=False)


class MeetingViewSet(viewsets.GenericViewSet):
    """Sessions of the cohorts one takes part in or runs."""

    serializer_class = MeetingSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "public_id"
    lookup_value_regex = "[0-9a-f-]{36}"

    def get_queryset(self) -> QuerySet[Meeting]:
        return (
            visible_meetings(current_user(self.request))
            .select_related("cohort")
            .order_by("starts_at", "pk")
        )

    def _manageable(self) -> Meeting:
        meeting = self.get_object()
        if not access.can_follow_cohort(current_user(self.request), meeting.cohort):
            raise PermissionDenied(_("Only the edition's trainers and coordinators may do this."))
        return meeting

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "cohort", OpenApiTypes.UUID, description="Only this edition's sessions (its id)."
            ),
            OpenApiParameter("upcoming", bool, description="Only sessions not yet over."),
        ]
    )
    def list(self, request: Request) -> Response:
        for name in ("cohort", "upcoming"):
            if len(request.query_params.getlist(name)) > 1:
                raise serializers.ValidationError({name: [_("Give it once.")]})
        cohort = request.query_params.get("cohort")
        if cohort is not None and not services.is_uuid(cohort):
            raise serializers.ValidationError({"cohort": [_("“cohort” must be an edition's id.")]})
        upcoming = request.query_params.get("upcoming")
        if upcoming is not None and upcoming not in ("true", "false"):
            raise serializers.ValidationError({"upcoming": [_("Say true or false.")]})
        query = SessionQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        meetings = self.get_queryset()
        if cohort := query.validated_data.get("cohort"):
            meetings = meetings.filter(cohort__public_id=cohort)
        if query.validated_data.get("upcoming"):
            meetings = meetings.filter(cancelled_at__isnull=True, ends_at__gt=timezone.now())
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(MeetingSerializer(page, many=True).data)

    def retrieve(self, request: Request, public_id: str) -> Response:
        return Response(MeetingSerializer(self.get_object()).data)

    @extend_schema(
        request=MeetingWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: MeetingSerializer,
            200: OpenApiResponse(
                MeetingSerializer, description="The same Idempotency-Key again: the first session."
            ),
        },
    )
    @errors({404: "No such edition, or not one the caller runs."})
    def create(self, request: Request) -> Response:
        key = idempotency_key(request)
        user = current_user(request)
        serializer = MeetingWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cohort_id = serializer.validated_data.get("cohort")
        if cohort_id is None:
            return Response(
                {"detail": _("Say which edition: “cohort”."), "code": "required"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        cohort = Cohort.objects.filter(public_id=cohort_id).first()
        if cohort is None or not access.can_follow_cohort(user, cohort):
            raise NotFound(_("There is no such cohort."))
        existed = bool(key) and Meeting.objects.filter(cohort=cohort, creation_key=key).exists()
        done = services.schedule_meeting(
            cohort=cohort, by=user, fields=serializer.fields_for_model(), creation_key=key
        )
        return Response(
            MeetingSerializer(done.meeting).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )

    @extend_schema(request=MeetingWriteSerializer, responses=MeetingSerializer)
    @errors({409: "The session was cancelled; schedule a new one."})
    def partial_update(self, request: Request, public_id: str) -> Response:
        meeting = self._manageable()
        serializer = MeetingWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if meeting.is_cancelled:
            return Response(
                {
                    "detail": _("This session was cancelled; schedule a new one."),
                    "code": "cancelled",
                },
                status=status.HTTP_409_CONFLICT,
            )
        done = services.change_meeting(
            meeting=meeting, by=current_user(request), fields=serializer.fields_for_model()
        )
        return Response(MeetingSerializer(done.meeting).data)

    @extend_schema(request=None, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, public_id: str) -> Response:
        meeting = self._manageable()
        return Response(
            MeetingSerializer(
                services.cancel_meeting(meeting=meeting, by=current_user(request))
            ).data
        )

    @extend_schema(request=None, responses=JoinSerializer)
    @action(detail=True, methods=["post"])
    def join(self, request: Request, public_id: str) -> Response:
        """Records that the learner joins and gives the meeting's link; from 15 minutes before
        the start until the end."""
        url = services.join(meeting=self.get_object(), user=current_user(request))
        return Response({"url": url})

    @extend_schema(
        methods=["POST"],
        request=None,
        responses=BookingSerializer,
        description="Takes one of the session's places (asking twice keeps the one place).",
    )
    @extend_schema(methods=["DELETE"], request=None, responses={204: None})
    @action(detail=True, methods=["post", "delete"])
    def booking(self, request: Request, public_id: str) -> Response:
        meeting = self.get_object()
        user = current_user(request)
        if request.method == "DELETE":
            services.unbook(meeting=meeting, user=user)
            return Response(status=status.HTTP_204_NO_CONTENT)
        booked = services.book(meeting=meeting, user=user)
        return Response(
            {"session": str(meeting.public_id), "booked_at": booked.created_at},
            status=status.HTTP_200_OK,
        )

    @extend_schema(request=CheckInSerializer, responses=AttendanceSerializer)
    @action(detail=True, methods=["post"], url_path="check-in")
    def check_in(self, request: Request, public_id: str) -> Response:
        """Marks the learner present with the code on the room's screen; twice changes nothing."""
        meeting = self.get_object()
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attendance = services.check_in(
            meeting=meeting, user=current_user(request), code=serializer.validated_data["code"]
        )
        attendance = Attendance.objects.select_related("enrollment__learner").get(pk=attendance.pk)
        return Response(AttendanceSerializer(attendance).data)

    @extend_schema(
        methods=["GET"],
        responses=AttendanceSerializer(many=True),
        description="Staff get everyone's attendance; a learner gets their own only.",
    )
    @extend_schema(
        methods=["POST"], request=RegisterSerializer, responses=AttendanceSerializer(many=True)
    )
    @action(detail=True, methods=["get", "post"])
    def attendance(self, request: Request, public_id: str) -> Response:
        meeting = self.get_object()
        user = current_user(request)
        staff = access.can_follow_cohort(user, meeting.cohort)
        if request.method == "POST":
            if not staff:
                raise PermissionDenied(
                    _("Only the edition's trainers and coordinators may do this.")
                )
            serializer = RegisterSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            services.set_attendance(
                meeting=meeting, by=user, statuses=serializer.validated_data["statuses"]
            )
        rows = Attendance.objects.filter(meeting=meeting).select_related("enrollment__learner")
        if not staff:
            rows = rows.filter(enrollment__learner=user)
        return Response(AttendanceSerializer(rows.order_by("pk"), many=True).data)


class CalendarFeedView(APIView):
    """One's private calendar address (sessions and editions' end dates); POST makes a new one
    and the old one stops working."""

    permission_classes = [permissions.IsAuthenticated]

    def _answer(self, request: Request, feed: Any) -> Response:
        from django.urls import reverse

        return Response(
            {"url": request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))}
        )

    @extend_schema(responses=FeedSerializer)
    def get(self, request: Request) -> Response:
        return self._answer(request, services.feed_of(user=current_user(request)))

    @extend_schema(request=None, responses=FeedSerializer)
    def post(self, request: Request) -> Response:
        return self._answer(request, services.reset_feed(user=current_user(request)))


class SessionFiguresSerializer(serializers.Serializer):
    session = serializers.UUIDField(source="meeting.public_id")
    title = serializers.SerializerMethodField()
    starts_at = serializers.DateTimeField(source="meeting.starts_at")
    present = serializers.SerializerMethodField(help_text='A number, or "<5" for a small group.')
    breakdowns = serializers.SerializerMethodField(
        help_text='By "gender", "country" and "city": each a list of {group, present}.'
    )

    def get_title(self, figures: Any) -> str:
        return str(figures.meeting.shown_title())

    def get_present(self, figures: Any) -> int | str:
        return figures.present.published  # type: ignore[no-any-return]

    def get_breakdowns(self, figures: Any) -> dict[str, list[dict[str, Any]]]:
        return {
            name: [{"group": row.label, "present": row.cell.published} for row in rows]
            for name, rows in figures.breakdowns.items()
        }


class AttendanceReportView(APIView):
    """Attendance per session of an edition, by gender, country and city, small groups hidden;
    for its trainers and coordinators. `?export=csv|xlsx` downloads it."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses={
            (200, "application/json"): SessionFiguresSerializer(many=True),
            (200, "text/csv"): OpenApiTypes.STR,
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiTypes.BINARY,
        },
        parameters=[OpenApiParameter("export", str, enum=["csv", "xlsx"])],
    )
    def get(self, request: Request, public_id: str) -> Any:
        from enrollments import spreadsheets
        from meetings import reports

        cohort = Cohort.objects.filter(public_id=public_id).first()
        if cohort is None or not access.can_follow_cohort(current_user(request), cohort):
            raise NotFound(_("There is no such cohort."))
        figures = reports.attendance(cohort)
        export = request.query_params.get("export")
        if export not in (None, "csv", "xlsx"):
            raise serializers.ValidationError({"export": [_("Say csv or xlsx.")]})
        data = SessionFiguresSerializer(figures, many=True).data
        if export is None:
            return Response(data)
        header = [_("Session"), _("Starts at"), _("Group"), _("Present")]
        rows = [
            [item["title"], item["starts_at"], name_or_total, present]
            for item in data
            for name_or_total, present in [(_("Total"), item["present"])]
            + [
                (row["group"], row["present"])
                for rows_ in item["breakdowns"].values()
                for row in rows_
            ]
        ]
        name = f"attendance-{cohort.public_id}"
        if export == "csv":
            return spreadsheets.csv_response(name, header, rows)
        return spreadsheets.xlsx_response(name, [(str(_("Attendance")), header, rows)])
