"""The bank through the API: anyone lists, searches and reads published experiences and their
counts; people of member cities and delegation staff propose; the delegation's editors list
what waits for them and take the review's steps."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import access
from accounts.models import Country, MemberCity
from assignments.models import Submission
from cms.themes import AREAS, KIND_OF, POPULATIONS
from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.schema import errors
from experiences import search, services
from experiences.api.serializers import (
    ExperienceDecisionSerializer,
    ExperienceFacetsSerializer,
    ExperienceFilterSerializer,
    ExperienceProposalSerializer,
    ExperienceSerializer,
)
from experiences.models import Experience


def _filters(request: Request) -> search.Filters:
    """Refuses what the page would quietly drop (400 with the field), then reads it the same
    way the page does."""
    query = ExperienceFilterSerializer(
        data={
            **{k: v for k, v in request.query_params.items() if k not in LISTED},
            **{k: request.query_params.getlist(k) for k in LISTED if k in request.query_params},
        }
    )
    query.is_valid(raise_exception=True)
    filters = search.Filters.from_params(request.query_params)
    filters.year = query.validated_data.get("year")  # "2020.0" is a year to DRF
    return filters


LISTED = ("principle", "area", "population")
NOT_FOUND = "No such experience, or not published and not yours to see."


def records(request: Request, experiences: list[Experience]) -> list[dict[str, Any]]:
    """Each experience with its shown text, themes and languages: three queries in all."""
    return [
        {
            "experience": row.experience,
            "text": row.text,
            "city": row.city,
            "url": request.build_absolute_uri(
                reverse("experiences:detail", args=[row.experience.public_id])
            ),
            "translations": [lang for lang in row.languages if lang != row.experience.language],
            "principles": [int(c[1:]) for c in row.codes if KIND_OF.get(c) == "principle"],
            "areas": [c for c in row.codes if KIND_OF.get(c) == "area"],
            "populations": [c for c in row.codes if KIND_OF.get(c) == "population"],
        }
        for row in search.shown(experiences, languages=True)
    ]


def _listed() -> QuerySet[Experience]:
    return Experience.objects.select_related("country", "member_city").prefetch_related(
        "member_city__translations", "country__translations"
    )


class ExperienceListView(generics.GenericAPIView):
    """Published experiences, best match first when searching (else newest); `POST` proposes
    one (people of member cities, delegation staff, or a learner with their accepted
    assignment as `submission`)."""

    serializer_class = ExperienceSerializer

    def get_permissions(self) -> list[Any]:
        if self.request.method == "GET":
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def get_queryset(self) -> QuerySet[Experience]:
        return Experience.objects.none()

    @extend_schema(
        parameters=[ExperienceFilterSerializer], responses=ExperienceSerializer(many=True)
    )
    def get(self, request: Request) -> Response:
        filters = _filters(request)
        found = search.ranked(
            filters.apply(_listed().filter(stage=Experience.Stage.PUBLISHED)), filters.query
        )
        page = self.paginate_queryset(found)
        rows = records(request, list(page or []))
        return self.get_paginated_response(ExperienceSerializer(rows, many=True).data)

    @extend_schema(
        request=ExperienceProposalSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: ExperienceSerializer,
            200: OpenApiResponse(ExperienceSerializer, description="Proposed before (same key)."),
        },
    )
    @errors(
        {
            403: "Not of a member city nor delegation staff, or a city of another delegation.",
            404: "No such member city or assignment of yours.",
            409: "The Idempotency-Key was sent with another experience.",
        }
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        body = ExperienceProposalSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        key = idempotency_key(request)
        city = None
        if data["member_city"]:
            city = get_object_or_404(MemberCity, public_id=data["member_city"])
        country = (
            Country.objects.filter(iso_code=data["country"].upper()).first()
            if data["country"]
            else None
        )
        if data["country"] and country is None:
            raise exceptions.ValidationError({"country": [_("No such country in the network.")]})
        facts = services.Facts(
            member_city=city,
            city_name=data["city_name"],
            country=country,
            tags=[f"p{n:02d}" for n in data["principles"]] + data["areas"] + data["populations"],
            year_started=data["year_started"],
            status=data["status"],
            budget=data["budget"],
            partners=data["partners"],
            contact=data["contact"],
            credit=data["credit"],
        )
        story = services.Story(
            language=data["language"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            results=data["results"],
        )
        before = Experience.objects.filter(proposer=user).count()
        if data["submission"]:
            submission = Submission.objects.filter(
                public_id=data["submission"], enrollment__learner=user
            ).first()
            if submission is None:
                raise exceptions.NotFound(_("There is no such work."))
            experience = services.propose_from_submission(
                by=user, submission=submission, facts=facts, story=story, consent=data["consent"]
            )
        else:
            experience = services.propose(
                by=user, facts=facts, story=story, consent=data["consent"], key=key
            )
        made = Experience.objects.filter(proposer=user).count() > before
        rows = records(request, [_listed().get(pk=experience.pk)])
        return Response(
            ExperienceSerializer(rows[0]).data,
            status=status.HTTP_201_CREATED if made else status.HTTP_200_OK,
        )


class FacetsView(generics.GenericAPIView):
    """How many published experiences each filter value would show, the other filters
    applied."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ExperienceFacetsSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Experience]:
        return Experience.objects.none()

    @extend_schema(parameters=[ExperienceFilterSerializer], responses=ExperienceFacetsSerializer)
    def get(self, request: Request) -> Response:
        filters = _filters(request)
        counts = search.facet_counts(filters)
        tags = counts["tags"]
        return Response(
            {
                "total": filters.apply(search.published()).count(),
                "principles": {c: n for c, n in tags.items() if KIND_OF.get(c) == "principle"},
                "areas": {c: tags.get(c, 0) for c, _l in AREAS},
                "populations": {c: tags.get(c, 0) for c, _l in POPULATIONS},
                "countries": counts["country"],
                "years": {str(y): n for y, n in counts["year"].items()},
                "statuses": counts["status"],
            }
        )


class ExperienceView(generics.GenericAPIView):
    """One experience; `?lang=` asks for one of its translations."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ExperienceSerializer

    def get_queryset(self) -> QuerySet[Experience]:
        return Experience.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "lang",
                str,
                enum=[code for code, _name in settings.LANGUAGES],
                description="A language: its translation when there is one, else the original.",
            )
        ]
    )
    @errors({404: NOT_FOUND})
    def get(self, request: Request, public_id: Any) -> Response:
        experience = get_object_or_404(_listed(), public_id=public_id)
        user = request.user
        if not experience.is_published and not (
            user.is_authenticated
            and (experience.proposer_id == user.pk or services.is_editor(user, experience))
        ):
            raise exceptions.NotFound(_("There is no such experience."))
        row = records(request, [experience])[0]
        wanted = request.query_params.get("lang")
        if wanted is not None and wanted not in dict(settings.LANGUAGES):
            raise exceptions.ValidationError({"lang": [_("Choose one of Aula's languages.")]})
        if wanted:
            # Not translated into it: the original, as the page shows (`language` says).
            row["text"] = experience.texts.filter(language=wanted).first() or row["text"]
        return Response(ExperienceSerializer(row).data)


class EditorialView(generics.GenericAPIView):
    """The experiences of the delegations you edit (coordinate), by stage."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ExperienceSerializer

    def get_queryset(self) -> QuerySet[Experience]:
        return Experience.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("stage", str, enum=Experience.Stage.values, default="proposed")
        ],
        responses=ExperienceSerializer(many=True),
    )
    @errors({403: "Not an editor: the delegations' coordinators review experiences."})
    def get(self, request: Request) -> Response:
        user = current_user(request)
        found = _listed()
        if not access.is_site_admin(user):
            delegations = access.coordinated_delegation_ids(user)
            if not delegations:
                raise exceptions.PermissionDenied(
                    _("The editors of a delegation review its experiences.")
                )
            found = found.filter(delegation__in=delegations)
        stage = request.query_params.get("stage", Experience.Stage.PROPOSED)
        if stage not in Experience.Stage.values:
            raise exceptions.ValidationError({"stage": [_("Unknown stage.")]})
        page = self.paginate_queryset(found.filter(stage=stage).order_by("created_at", "pk"))
        rows = records(request, list(page or []))
        return self.get_paginated_response(ExperienceSerializer(rows, many=True).data)


class DecisionView(generics.GenericAPIView):
    """An editor's step: request changes (with a note), approve, publish, unpublish. The step
    just taken, sent again, changes nothing."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ExperienceDecisionSerializer

    def get_queryset(self) -> QuerySet[Experience]:
        return Experience.objects.none()

    @extend_schema(request=ExperienceDecisionSerializer, responses=ExperienceSerializer)
    @errors(
        {
            400: "Not possible at its stage, no note to request changes, or no consent to publish.",
            404: "No such experience, or not one of your delegation's.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        user = current_user(request)
        experience = get_object_or_404(Experience, public_id=public_id)
        if not services.is_editor(user, experience):
            raise exceptions.NotFound(_("There is no such experience."))
        body = ExperienceDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.decide(
            by=user,
            experience=experience,
            action=body.validated_data["action"],
            note=body.validated_data["note"],
        )
        row = records(request, [_listed().get(pk=experience.pk)])[0]
        return Response(ExperienceSerializer(row).data)
