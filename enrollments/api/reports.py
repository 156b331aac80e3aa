"""Report endpoints: a cohort's report, a delegation's over a period, and the open figures.

Every count of people is a number, or a text when it is hidden: "<5" (fewer than 5 people,
with the configured threshold), "≥5" (5 or more, hidden so that a smaller group cannot be
worked out from the total) or "—" (not published).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from accounts.models import Delegation
from courses.models import Cohort
from enrollments import spreadsheets
from enrollments.reports import aggregates, exports
from enrollments.reports.figures import Report
from enrollments.reports.forms import PeriodForm
from enrollments.reports.suppression import Cell

COUNT_SCHEMA = {
    "oneOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": "^(<[0-9]+|≥[0-9]+|—)$"},
    ],
    "description": 'A count of people, or "<N" (fewer than REPORT_MIN_CELL, N being it), '
    '"≥N" (hidden so that a smaller group cannot be worked out) or "—" (withheld).',
}


@extend_schema_field(COUNT_SCHEMA)
class CountField(serializers.Field):
    def to_representation(self, value: Cell) -> int | str:
        return value.published


class FunnelSerializer(serializers.Serializer):
    invited = CountField()
    applied = CountField(
        help_text="asked for a seat: enrolled, on the waiting list, or not admitted"
    )
    enrolled = CountField(
        help_text="ever held a seat (active, completed, or withdrawn after); for an activity, "
        "admitted"
    )
    active = CountField(help_text="enrolled and opened a lesson or sent a statement")
    completed = CountField(help_text="for an activity, attended")
    certified = CountField(help_text="completed, with an issued certificate")
    completion_rate = serializers.FloatField(allow_null=True, help_text="completed / enrolled")
    median_days_to_complete = serializers.FloatField(source="median_days", allow_null=True)


class CohortSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    title = serializers.CharField()
    course = serializers.CharField(source="course_code")
    delegation = serializers.CharField(source="delegation_code")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    funnel = FunnelSerializer()


class WeekSerializer(serializers.Serializer):
    week = serializers.CharField(source="label", help_text="ISO week, e.g. 2025-W03")
    starts_on = serializers.DateField()
    active = CountField()


class ActivityScoreSerializer(serializers.Serializer):
    activity = serializers.UUIDField(source="key")
    title = serializers.CharField()
    people = CountField(help_text="people with a score")
    average_score = serializers.FloatField(
        source="average", allow_null=True, help_text="mean best scaled score, 0 to 1"
    )


class AssignmentFigureSerializer(serializers.Serializer):
    assignment = serializers.CharField(source="key", help_text="the assignment block's id")
    title = serializers.CharField()
    handed_in = CountField(help_text="people who handed it in at least once")
    accepted = CountField(help_text="people whose work the trainers accepted")
    average_points = serializers.FloatField(
        allow_null=True, help_text="mean rubric points of the accepted work (hidden with few)"
    )


class GroupSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="ISO code, city id, position, or the answer given")
    name = serializers.CharField(source="label")
    enrolled = CountField()
    completed = CountField()


class TableSerializer(serializers.Serializer):
    dimension = serializers.ChoiceField(choices=["country", "city", "position", "gender"])
    title = serializers.CharField()
    withheld = serializers.BooleanField(help_text="too few people to show any group safely")
    note = serializers.CharField()
    groups = GroupSerializer(many=True)


class ReportSerializer(serializers.Serializer):
    min_cell = serializers.IntegerField()
    date_from = serializers.DateField(allow_null=True)
    date_to = serializers.DateField(allow_null=True)
    cohorts = CohortSummarySerializer(many=True)
    funnel = FunnelSerializer(help_text="over several cohorts, the sums of their enrolments")
    people = CountField(help_text="people enrolled, each counted once: the breakdowns' total")
    people_completed = CountField()
    activity_by_week = WeekSerializer(source="weeks", many=True)
    activity_scores = ActivityScoreSerializer(source="scores", many=True)
    assignments = AssignmentFigureSerializer(many=True)
    breakdowns = TableSerializer(source="tables", many=True)
    of_activities = serializers.BooleanField(
        help_text="every cohort is a network activity's: enrolled means admitted, completed "
        "means attended"
    )


class GenderShareSerializer(serializers.Serializer):
    answer = serializers.CharField(source="label")
    people = CountField()
    percent = serializers.IntegerField(allow_null=True)


class OpenFigureSerializer(serializers.Serializer):
    course = serializers.CharField(source="course_code")
    title = serializers.CharField(source="course_title")
    year = serializers.IntegerField()
    participants = CountField()
    countries = serializers.IntegerField(allow_null=True)
    completion_rate = serializers.FloatField(allow_null=True)
    gender = GenderShareSerializer(many=True)
    gender_withheld = serializers.BooleanField()


class ActivityFigureSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    held = serializers.IntegerField(help_text="Activities held (seminars, visits, cafés…).")
    participants = CountField()
    countries = serializers.IntegerField(allow_null=True)
    gender = GenderShareSerializer(many=True)
    gender_withheld = serializers.BooleanField()


class OpenFiguresSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True)
    min_cell = serializers.IntegerField()
    figures = OpenFigureSerializer(many=True)
    activities = ActivityFigureSerializer(
        many=True, help_text="The network's activities per year, apart from courses."
    )


def report_export(report: Report, kind: str, name: str) -> HttpResponseBase:
    if kind == "xlsx":
        return spreadsheets.xlsx_response(name, exports.sections(report))
    return spreadsheets.csv_response(name, exports.CSV_COLUMNS, exports.csv_rows(report))


class CohortReportView(APIView):
    """A cohort's report, for its trainers and coordinators; `?export=csv|xlsx` downloads it."""

    @extend_schema(
        responses={
            (200, "application/json"): ReportSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiTypes.BINARY,
        },
        parameters=[OpenApiParameter("export", str, enum=["csv", "xlsx"])],
    )
    def get(self, request: Request, public_id: str) -> Response | HttpResponseBase:
        cohort = get_object_or_404(
            Cohort.objects.visible_to(request.user).select_related("course", "delegation"),
            public_id=public_id,
        )
        if not access.can_view_cohort_report(request.user, cohort):
            raise PermissionDenied(_("Only the cohort's trainers and coordinators see its report."))
        report = aggregates.cohort_report(cohort)
        if (export := request.query_params.get("export")) in ("csv", "xlsx"):
            return report_export(report, export, f"report-{cohort.public_id}")
        return Response(ReportSerializer(report).data)


def period_or_400(params: Any) -> dict[str, Any]:
    # A form sends empty fields for dates not given; an API client leaves them out.
    for name in ("from", "to"):
        if name in params and not params[name]:
            raise serializers.ValidationError(
                {name: [_("Give a date such as 2026-04-03, or leave the parameter out.")]}
            )
    form = PeriodForm(params)
    if not form.is_valid():
        raise serializers.ValidationError(
            {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        )
    return form.cleaned_data


def delegation_or_403(user: Any, code: str) -> Delegation | None:
    if not code:
        return None
    delegation = Delegation.objects.filter(code=code).first()
    if delegation is None:
        raise NotFound(_("There is no such delegation."))
    if not access.can_view_delegation_report(user, delegation):
        raise PermissionDenied(_("You do not coordinate this delegation."))
    return delegation


class DelegationReportView(APIView):
    """Figures over the cohorts a person may see that run between two dates (a year to today
    by default): coordinators see their delegations', trainers their own cohorts'."""

    @extend_schema(
        responses=ReportSerializer,
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE),
            OpenApiParameter("to", OpenApiTypes.DATE),
            OpenApiParameter("delegation", str, description="a delegation's code"),
            OpenApiParameter(
                "what",
                str,
                enum=[aggregates.COURSES, aggregates.ACTIVITIES],
                description="only courses' editions, or only the network's activities "
                "(seminars, visits…); both when left out",
            ),
        ],
    )
    def get(self, request: Request) -> Response:
        if not access.can_view_reports(request.user):
            raise PermissionDenied(_("Reports are for coordinators and trainers."))
        period = period_or_400(request.query_params)
        delegation = delegation_or_403(request.user, period["delegation"])
        cohorts = aggregates.reported_cohorts(
            request.user,
            date_from=period["from"],
            date_to=period["to"],
            delegation_id=delegation.pk if delegation else None,
            what=period["what"],
        )
        report = aggregates.delegation_report(
            cohorts, date_from=period["from"], date_to=period["to"]
        )
        return Response(ReportSerializer(report).data)


class OpenFiguresView(APIView):
    """Open figures per course and year, for anyone: every group of fewer than REPORT_MIN_CELL
    people is hidden."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        responses=OpenFiguresSerializer,
        parameters=[
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                description="the year cohorts started",
            )
        ],
    )
    def get(self, request: Request) -> Response:
        year = year_or_400(request.query_params.get("year"))
        figures = aggregates.open_figures(year=year)
        return Response(
            OpenFiguresSerializer(
                {
                    "year": year,
                    "min_cell": aggregates.min_cell(),
                    "figures": figures,
                    "activities": aggregates.open_activity_figures(year=year),
                }
            ).data
        )


def year_or_400(value: str | None) -> int | None:
    if value is None:  # left out: every year; given empty, it is not a year
        return None
    if not (value.isdigit() and len(value) == 4):
        raise serializers.ValidationError({"year": [_("Give a year such as 2025.")]})
    return int(value)
