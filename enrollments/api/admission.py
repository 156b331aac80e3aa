"""Balanced admission over the API: the proposal, and confirming it (as is or adjusted)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from config.api import current_user
from config.schema import errors
from courses.models import Cohort
from enrollments import admission as rules
from enrollments.models import Enrollment


class ApplicantSerializer(serializers.Serializer):
    enrollment = serializers.UUIDField()
    name = serializers.CharField()
    gender = serializers.ChoiceField(
        choices=[rules.WOMEN, rules.MEN, rules.OTHER],
        help_text="woman, man, or other (another answer, or none: never guessed).",
    )
    country = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_blank=True, help_text="A member city; empty otherwise.")
    applied_at = serializers.DateTimeField()
    proposed = serializers.BooleanField(help_text="The rule gives this person a seat.")
    kept_out = serializers.ChoiceField(
        choices=["", "country", "city"],
        allow_blank=True,
        help_text="The share rule that keeps this person out in this round, if one does.",
    )


class ProposalSerializer(serializers.Serializer):
    seats = serializers.IntegerField(allow_null=True)
    free = serializers.IntegerField()
    country_limit = serializers.IntegerField(allow_null=True)
    city_limit = serializers.IntegerField(allow_null=True)
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="Why seats would stay empty, if they would."
    )
    applicants = ApplicantSerializer(many=True)


class ConfirmSerializer(serializers.Serializer):
    admit = serializers.ListField(
        child=serializers.UUIDField(),
        allow_empty=False,
        max_length=10000,
        help_text="The enrolments to admit: the proposal's, or the organiser's adjustment.",
    )


class AdmittedSerializer(serializers.Serializer):
    admitted = serializers.ListField(
        child=serializers.UUIDField(), help_text="Admitted by this call (none when repeated)."
    )


class AdmissionView(APIView):
    """The applicants of an edition or activity admitted by application, and their admission
    with balance between women and men, countries and cities (its organisers only)."""

    permission_classes = [permissions.IsAuthenticated]

    def _cohort(self, request: Request, public_id: Any) -> Cohort:
        cohort = Cohort.objects.filter(public_id=public_id).first()
        if cohort is None or not access.can_manage_cohort(current_user(request), cohort):
            raise NotFound(_("There is no such cohort."))
        return cohort

    @extend_schema(responses=ProposalSerializer)
    @errors({404: "No such edition, or not one the caller organises."})
    def get(self, request: Request, public_id: Any) -> Response:
        cohort = self._cohort(request, public_id)
        plan = rules.plan_for(cohort)
        proposed = {a.enrollment_id for a in plan.selection.admitted}
        kept_out = {a.enrollment_id: rule for a, rule in plan.selection.kept_out}
        people = {
            row["pk"]: row
            for row in Enrollment.objects.filter(
                pk__in=[a.enrollment_id for a in plan.applicants]
            ).values("pk", "public_id", "learner__certificate_name", "learner__email")
        }
        return Response(
            ProposalSerializer(
                {
                    "seats": cohort.capacity,
                    "free": plan.selection.free,
                    "country_limit": plan.selection.country_limit,
                    "city_limit": plan.selection.city_limit,
                    "reasons": plan.reasons,
                    "applicants": [
                        {
                            "enrollment": people[a.enrollment_id]["public_id"],
                            "name": people[a.enrollment_id]["learner__certificate_name"]
                            or people[a.enrollment_id]["learner__email"],
                            "gender": a.gender,
                            "country": a.country,
                            "city": a.city,
                            "applied_at": a.applied_at,
                            "proposed": a.enrollment_id in proposed,
                            "kept_out": kept_out.get(a.enrollment_id, ""),
                        }
                        for a in plan.applicants
                    ],
                }
            ).data
        )

    @extend_schema(request=ConfirmSerializer, responses=AdmittedSerializer)
    @errors(
        {
            404: "No such edition, or not one the caller organises.",
            409: "More people than free seats, or someone chosen is not waiting any more; "
            "nothing changed.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        cohort = self._cohort(request, public_id)
        body = ConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        wanted = set(body.validated_data["admit"])
        found = dict(
            Enrollment.objects.filter(cohort=cohort, public_id__in=wanted).values_list(
                "public_id", "pk"
            )
        )
        if len(found) != len(wanted):
            raise serializers.ValidationError(
                {"admit": [_("Some of these are not applicants of this edition.")]}
            )
        admitted = rules.confirm(
            cohort=cohort, enrollment_ids=list(found.values()), by=current_user(request)
        )
        return Response({"admitted": [e.public_id for e in admitted]})
