"""The questionnaire API: write templates, attach them to a cohort, answer once, read results."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import access
from accounts.models import Delegation
from cms.models import ModulePage
from config.api import IDEMPOTENCY_KEY, current_user
from config.schema import errors
from courses.models import Cohort
from enrollments.models import Enrollment
from enrollments.questionnaires import exports, results, services, templates
from enrollments.questionnaires.models import QuestionKind, Questionnaire, QuestionnaireTemplate


def localised(
    questionnaire: Questionnaire, language: str, module: ModulePage | None = None
) -> dict[str, Any]:
    """`module` is the questionnaire's module as shown (`services.modules_shown`), if any."""
    frozen = questionnaire.questions

    def pick(texts: dict[str, str]) -> str:
        return texts.get(language) or next(iter(texts.values()), "")

    return {
        "id": str(questionnaire.public_id),
        "cohort": str(questionnaire.cohort.public_id),
        "title": pick(frozen["title"]),
        "introduction": pick(frozen["introduction"]),
        "opens_at": questionnaire.opens_at,
        "closes_at": questionnaire.closes_at,
        "anonymous": questionnaire.is_anonymous,
        "version": questionnaire.version,
        "after_module": (
            {"id": str(module.translation_key), "title": module.title} if module else None
        ),
        "questions": [
            {
                "key": question["key"],
                "kind": question["kind"],
                "required": question["required"],
                "text": pick(question["text"]),
                "options": [
                    {"key": option["key"], "label": pick(option["label"])}
                    for option in question["options"]
                ],
            }
            for question in frozen["questions"]
        ],
    }


def shown(questionnaires: list[Questionnaire], language: str) -> list[dict[str, Any]]:
    modules = services.modules_shown(questionnaires)
    return [localised(q, language, modules.get(q.after_module_id or 0)) for q in questionnaires]


class PlacementSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        help_text="The module's translation key: the same for the module in every language."
    )
    title = serializers.CharField(help_text="The module's title in the reader's language.")


class QuestionnaireSerializer(serializers.Serializer):
    """A questionnaire in the reader's language (the `Accept-Language` header or `?lang=`)."""

    id = serializers.UUIDField()
    cohort = serializers.UUIDField()
    title = serializers.CharField()
    introduction = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    anonymous = serializers.BooleanField()
    version = serializers.IntegerField()
    after_module = PlacementSerializer(
        allow_null=True,
        help_text="The module after which learners answer, once they have completed its "
        "required lessons; null: at the end of the course.",
    )
    questions = serializers.ListField(child=serializers.DictField())


class AttachSerializer(serializers.Serializer):
    template = serializers.SlugRelatedField(
        slug_field="public_id", queryset=QuestionnaireTemplate.objects.all()
    )
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    anonymous = serializers.BooleanField(default=True)
    reminder_days = serializers.IntegerField(min_value=0, max_value=60, default=7)
    after_module = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="The translation key of a module of the cohort's course, to ask once a "
        "learner has finished it; empty: at the end of the course.",
    )

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            template = cast(serializers.SlugRelatedField, fields["template"])
            template.queryset = QuestionnaireTemplate.objects.visible_to(request.user)  # type: ignore[arg-type]
        return fields

    def validate_after_module(self, value: Any) -> ModulePage | None:
        if value is None:
            return None
        module = ModulePage.objects.filter(translation_key=value).first()
        if module is None:
            raise serializers.ValidationError(_("There is no such module."))
        return module


class ChangeSerializer(serializers.Serializer):
    opens_at = serializers.DateTimeField(required=False)
    closes_at = serializers.DateTimeField(required=False)
    anonymous = serializers.BooleanField(required=False)
    reminder_days = serializers.IntegerField(min_value=0, max_value=60, required=False)


class AnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        help_text="By question key: a number for scales, an option key, a list of option keys, "
        "or a text."
    )


class BarSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()
    percent = serializers.FloatField()


class QuestionResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    text = serializers.CharField()
    answered = serializers.IntegerField()
    average = serializers.FloatField(allow_null=True)
    net_promoter = serializers.FloatField(allow_null=True)
    distribution = BarSerializer(many=True)
    texts = serializers.ListField(child=serializers.CharField())


class ComparisonGroupSerializer(serializers.Serializer):
    cohort = serializers.CharField()
    language = serializers.CharField()
    responses = serializers.CharField(help_text='A count, or "<N" for a group under N.')
    average = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


class ComparisonSerializer(serializers.Serializer):
    question = serializers.CharField()
    text = serializers.CharField()
    groups = ComparisonGroupSerializer(many=True)


class ResultsSerializer(serializers.Serializer):
    questionnaire = serializers.UUIDField()
    responses = serializers.IntegerField()
    anonymous = serializers.BooleanField()
    min_cell = serializers.IntegerField()
    questions = QuestionResultSerializer(many=True)
    comparisons = ComparisonSerializer(many=True)


def visible_questionnaires(user: Any) -> QuerySet[Questionnaire]:
    """Learners see those of their cohorts; trainers and coordinators those they follow.

    Cohorts are picked by subquery: joining the enrolments would drag every learner of a
    large cohort through a DISTINCT (400 ms at 10,000)."""
    mine = Enrollment.objects.filter(learner=user.pk, status__in=Enrollment.HOLDING_A_SEAT).values(
        "cohort"
    )
    followed = Cohort.objects.filter(access.followed_cohorts_filter(user)).values("pk")
    return (
        Questionnaire.objects.filter(Q(cohort__in=mine) | Q(cohort__in=followed))
        .select_related("cohort")
        .order_by("opens_at", "pk")
    )


class QuestionnaireViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = QuestionnaireSerializer
    lookup_field = "public_id"

    def get_queryset(self) -> QuerySet[Questionnaire]:
        return visible_questionnaires(self.request.user)

    def _language(self) -> str:
        return str(self.request.query_params.get("lang") or translation.get_language())

    def _one(self, questionnaire: Questionnaire) -> dict[str, Any]:
        return shown([questionnaire], self._language())[0]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "pending",
                bool,
                description="Only the open questionnaires the signed-in learner may answer now "
                "(after-module ones once the module is finished) and has not answered.",
            )
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        found: Any = self.get_queryset()
        pending = request.query_params.getlist("pending")
        if pending and (len(pending) > 1 or pending[0] not in ("true", "false")):
            raise serializers.ValidationError({"pending": [_("Say true or false.")]})
        if pending == ["true"]:
            found = services.pending_for(current_user(request))
        page = self.paginate_queryset(found)
        return self.get_paginated_response(shown(list(page or []), self._language()))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self._one(self.get_object()))

    @extend_schema(request=ChangeSerializer, responses=QuestionnaireSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        questionnaire = self.get_object()
        data = ChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        if "anonymous" in changes:
            changes["is_anonymous"] = changes.pop("anonymous")
        changed = services.change_questionnaire(
            questionnaire=questionnaire, by=current_user(request), **changes
        )
        return Response(self._one(changed))

    @extend_schema(request=AnswersSerializer, responses={201: None})
    @action(detail=True, methods=["post"])
    @errors({409: "Answered already, or the questionnaire is not open."})
    def answers(self, request: Request, public_id: str) -> Response:
        questionnaire = self.get_object()
        data = AnswersSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.submit_answers(
            questionnaire=questionnaire,
            learner=current_user(request),
            answers=data.validated_data["answers"],
            language=self._language(),
        )
        return Response({"detail": _("Thank you: your answers are saved.")}, status=201)

    @extend_schema(
        request=None,
        parameters=[OpenApiParameter("export", str, enum=["csv", "xlsx"])],
        responses={200: ResultsSerializer},
    )
    @action(detail=True, methods=["get"])
    def results(self, request: Request, public_id: str) -> Any:
        questionnaire = self.get_object()
        if not access.can_follow_cohort(request.user, questionnaire.cohort):
            raise PermissionDenied(
                _("Only the cohort's trainers and coordinators see the results.")
            )
        found = results.results(questionnaire, language=self._language())
        kind = request.query_params.get("export")
        if kind in ("csv", "xlsx"):
            return exports.export(found, kind)
        return Response(results.as_json(found))

    @extend_schema(request=None, responses=QuestionnaireSerializer)
    @action(detail=True, methods=["post"], url_path="new-version")
    def new_version(self, request: Request, public_id: str) -> Response:
        successor = services.new_version(questionnaire=self.get_object(), by=current_user(request))
        return Response(self._one(successor), status=status.HTTP_201_CREATED)


class AttachView(APIView):
    """Trainers and coordinators attach a template to a cohort, frozen as it is now."""

    @extend_schema(
        request=AttachSerializer,
        responses={
            201: QuestionnaireSerializer,
            200: OpenApiResponse(
                QuestionnaireSerializer, description="The same request again: nothing changed."
            ),
            409: OpenApiResponse(
                description="The cohort has this template at that place with other settings."
            ),
        },
    )
    def post(self, request: Request, public_id: str) -> Response:
        # 404 for a cohort the caller may not know of, 403 for one they see but do not follow,
        # before the input is read: a template of others is as unknown as a missing one.
        cohort = get_object_or_404(Cohort.objects.visible_to(request.user), public_id=public_id)
        if not access.can_follow_cohort(request.user, cohort):
            raise PermissionDenied(_("You do not follow this cohort."))
        data = AttachSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        questionnaire, created = services.attach_questionnaire(
            cohort=cohort,
            template=values["template"],
            opens_at=values["opens_at"],
            closes_at=values["closes_at"],
            is_anonymous=values["anonymous"],
            reminder_days=values["reminder_days"],
            after_module=values.get("after_module"),
            by=current_user(request),
        )
        return Response(
            shown([questionnaire], translation.get_language())[0],
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class TextsSerializer(serializers.Serializer):
    """One text per language code (es, pt, fr, en, ca); a language left out has no text."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            code: serializers.CharField(required=False, allow_blank=True, label=str(name))
            for code, name in settings.LANGUAGES
        }


class TemplateOptionSerializer(serializers.Serializer):
    key = serializers.SlugField(max_length=templates.KEY_LENGTH)
    label = TextsSerializer()  # type: ignore[assignment]


class TemplateQuestionSerializer(serializers.Serializer):
    key = serializers.SlugField(
        max_length=templates.KEY_LENGTH, help_text="Names the answers in results and exports."
    )
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    required = serializers.BooleanField(default=True)  # type: ignore[assignment]
    text = TextsSerializer()
    options = TemplateOptionSerializer(
        many=True, default=list, help_text="Two or more for single and multiple; none otherwise."
    )


class QuestionnaireTemplateSerializer(serializers.Serializer):
    """A template in every language it has. PUT replaces it whole; the same PUT again changes
    nothing. Questionnaires already attached keep the questions they were attached with."""

    id = serializers.UUIDField(read_only=True)
    delegation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Delegation.objects.all(),
        allow_null=True,
        help_text="The owning delegation's code; null for a network-wide template (site admins).",
    )
    title = TextsSerializer()
    introduction = TextsSerializer(required=False, default=dict)
    questions = TemplateQuestionSerializer(many=True)
    can_edit = serializers.BooleanField(read_only=True)
    attached = serializers.IntegerField(
        read_only=True, help_text="Questionnaires made from it; a template in use is not deleted."
    )
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


def described(template: QuestionnaireTemplate, user: Any) -> dict[str, Any]:
    """What the serializer shows; `template` comes from `with_content()` with `attached`."""
    return {
        "id": template.public_id,
        "delegation": template.delegation,
        **templates.content(template),
        "can_edit": access.can_edit_questionnaire_template(user, template),
        "attached": template.attached,  # type: ignore[attr-defined]
        "created_at": template.created_at,
        "updated_at": template.updated_at,
    }


class UsesQuestionnaireTemplates(permissions.BasePermission):
    message = gettext_lazy("Only trainers and coordinators use questionnaire templates.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.can_use_questionnaire_templates(request.user)


class QuestionnaireTemplateViewSet(viewsets.ModelViewSet):
    """Trainers and coordinators write their delegation's templates; everyone staff-like
    reads and attaches the network's and their own delegations'."""

    serializer_class = QuestionnaireTemplateSerializer
    permission_classes = [permissions.IsAuthenticated, UsesQuestionnaireTemplates]
    lookup_field = "public_id"
    http_method_names = ["get", "post", "put", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[QuestionnaireTemplate]:
        found = (
            QuestionnaireTemplate.objects.with_content()
            .annotate(attached=Count("questionnaires"))
            .order_by("-updated_at", "pk")
        )
        # A template the caller cannot see is missing for them (404), whatever they ask; one
        # they see but may not change is refused by the service with its reason (403).
        return found.visible_to(self.request.user)

    def _shown(self, template: QuestionnaireTemplate, **kwargs: Any) -> Response:
        template = self.get_queryset().get(pk=template.pk)
        data = QuestionnaireTemplateSerializer(described(template, self.request.user)).data
        return Response(data, **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        data = QuestionnaireTemplateSerializer(
            [described(template, request.user) for template in page], many=True
        ).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        found = self.get_object()
        return Response(QuestionnaireTemplateSerializer(described(found, request.user)).data)

    @extend_schema(parameters=[IDEMPOTENCY_KEY])
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = QuestionnaireTemplateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        values = dict(given.validated_data)
        template = templates.create_template(
            by=current_user(request),
            delegation=values.pop("delegation"),
            given=values,
            key=request.headers.get("Idempotency-Key", ""),
        )
        return self._shown(template, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        template = self.get_object()
        given = QuestionnaireTemplateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        values = dict(given.validated_data)
        changed = templates.update_template(
            template=template,
            by=current_user(request),
            delegation=values.pop("delegation"),
            given=values,
        )
        return self._shown(changed)

    @extend_schema(
        responses={
            204: None,
            403: OpenApiResponse(description="Not a template this person writes."),
            409: OpenApiResponse(description="Attached to a cohort at least once: it stays."),
        }
    )
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        templates.delete_template(template=self.get_object(), by=current_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
