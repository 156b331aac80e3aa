"""Learners answer a questionnaire on a page; trainers and coordinators write templates,
attach them to their cohorts and read the results."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from accounts.models import Delegation, User
from courses.models import Cohort
from enrollments.questionnaires import (
    charts,
    eligibility,
    exports,
    forms,
    results,
    services,
    templates,
)
from enrollments.questionnaires.api import localised
from enrollments.questionnaires.models import (
    SCALES,
    QuestionKind,
    Questionnaire,
    QuestionnaireTemplate,
)
from enrollments.refusals import forbidden


def _answers_from(request: HttpRequest, questions: list[dict[str, Any]]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questions:
        name = f"q-{question['key']}"
        if question["kind"] == QuestionKind.MULTIPLE:
            answers[question["key"]] = request.POST.getlist(name)
            continue
        value = request.POST.get(name, "").strip()
        if question["kind"] in SCALES and value:
            try:
                answers[question["key"]] = int(value)
            except ValueError:
                answers[question["key"]] = value  # refused, with its message, by the service
        else:
            answers[question["key"]] = value
    return answers


@login_required
def answer(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    questionnaire = get_object_or_404(
        Questionnaire.objects.select_related("cohort"), public_id=public_id
    )
    enrollment = eligibility.seat(questionnaire=questionnaire, learner=user)
    if enrollment is None:
        raise Http404
    # A learner still before the questionnaire's module is told so; the form waits.
    eligible = eligibility.is_eligible(questionnaire=questionnaire, enrollment=enrollment)
    module = services.module_title(questionnaire)
    language = translation.get_language()
    shown = localised(questionnaire, language)
    answered = services.has_answered(questionnaire=questionnaire, enrollment=enrollment)
    errors: list[str] = []
    given: dict[str, Any] = {}
    if request.method == "POST" and eligible and not answered:
        given = _answers_from(request, shown["questions"])
        try:
            services.submit_answers(
                questionnaire=questionnaire, learner=user, answers=given, language=language
            )
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect("enrollments:my_courses")
    for question in shown["questions"]:
        if question["kind"] in SCALES:
            low, high = SCALES[question["kind"]]
            question["scale"] = [str(value) for value in range(low, high + 1)]
        value = given.get(question["key"])
        question["given"] = value if isinstance(value, list) else [str(value or "")]
    return render(
        request,
        "enrollments/questionnaires/answer.html",
        {
            "questionnaire": questionnaire,
            "shown": shown,
            "module": module,
            "eligible": eligible,
            "answered": answered,
            "is_open": questionnaire.is_open(timezone.now()),
            "errors": errors,
        },
        status=400 if errors else 200 if eligible else 403,
    )


@login_required
def results_page(request: HttpRequest, public_id: str) -> HttpResponseBase:
    questionnaire = get_object_or_404(
        Questionnaire.objects.select_related("cohort"), public_id=public_id
    )
    if not access.can_follow_cohort(request.user, questionnaire.cohort):
        raise Http404
    found = results.results(questionnaire, language=translation.get_language())
    kind = request.GET.get("export")
    if kind in ("csv", "xlsx"):
        return exports.export(found, kind)
    rows = [
        {"result": question, "chart": charts.bars(question.text, question.bars)}
        for question in found.questions
    ]
    return render(
        request,
        "enrollments/questionnaires/results.html",
        {"questionnaire": questionnaire, "found": found, "rows": rows},
    )


def _staff(request: HttpRequest) -> User | None:
    user = request.user
    if isinstance(user, User) and access.can_use_questionnaire_templates(user):
        return user
    return None


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    if user is None:
        return forbidden(request, _("Questionnaire templates are for trainers and coordinators."))
    found = list(
        QuestionnaireTemplate.objects.visible_to(user)
        .select_related("delegation")
        .prefetch_related("translations", "delegation__translations")
        .annotate(
            question_count=Count("questions", distinct=True),
            attached=Count("questionnaires", distinct=True),
        )
        .order_by("-updated_at", "pk")
    )
    for template in found:
        template.can_edit = access.can_edit_questionnaire_template(user, template)  # type: ignore[attr-defined]
    return render(
        request,
        "enrollments/questionnaires/template_list.html",
        {
            "templates": found,
            "may_write": bool(_writable_delegations(user)) or access.is_site_admin(user),
        },
    )


def _writable_delegations(user: User) -> list[Delegation]:
    found = Delegation.objects.prefetch_related("translations")
    if not access.is_site_admin(user):
        found = found.filter(pk__in=access.staff_delegation_ids(user))
    return list(found)


@login_required
def template_edit(request: HttpRequest, public_id: str | None = None) -> HttpResponse:
    """Creates (no id) or edits a template; read-only for a template one may only use.
    "Add a question" and "Add an option" are submit buttons: the page comes back with a row more."""
    user = _staff(request)
    if user is None:
        return forbidden(request, _("Questionnaire templates are for trainers and coordinators."))
    template = None
    if public_id is not None:
        template = get_object_or_404(
            QuestionnaireTemplate.objects.visible_to(user).with_content(), public_id=public_id
        )
    editable = template is None or access.can_edit_questionnaire_template(user, template)
    delegations = _writable_delegations(user)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        if not editable:
            return forbidden(request, _("You may use this template, not change it."))
        action = request.POST.get("action", "save")
        given = forms.read_template(request.POST, editing=action != "save")
        chosen = request.POST.get("delegation", "")
        if action != "save":
            given = forms.with_row_added(given, action)
        else:
            delegation = next((d for d in delegations if d.code == chosen), None)
            try:
                if chosen and delegation is None:
                    raise ValidationError(_("Choose one of your delegations."), code="invalid")
                if template is None:
                    template = templates.create_template(
                        by=user,
                        delegation=delegation,
                        given=given,
                        key=request.POST.get("creation_key", ""),
                    )
                else:
                    template = templates.update_template(
                        template=template, by=user, delegation=delegation, given=given
                    )
            except ValidationError as error:
                errors = forms.errors_by_field(error)
                status = getattr(error, "status_code", 400)
            else:
                messages.success(request, _("The template is saved."))
                return redirect("enrollments:questionnaire_templates")
    else:
        chosen = template.delegation.code if template and template.delegation else ""
        if template is None and delegations and not access.is_site_admin(user):
            chosen = delegations[0].code
        given = _starting_point(request, user, template)
    return render(
        request,
        "enrollments/questionnaires/template_edit.html",
        {
            "template": template,
            "editable": editable,
            "rows": forms.editor_rows(given, errors),
            "kinds": QuestionKind.choices,
            "delegations": delegations,
            "chosen": chosen,
            "network_allowed": access.is_site_admin(user),
            # Sent back with every submit of a new template, so a double click makes one.
            "creation_key": request.POST.get("creation_key", "")[:64] or uuid.uuid4().hex,
        },
        status=status,
    )


def _starting_point(
    request: HttpRequest, user: User, template: QuestionnaireTemplate | None
) -> templates.Content:
    """The template's content; for a new one, a copy of `?from=<id>` or one empty question."""
    if template is not None:
        return templates.content(template)
    source = request.GET.get("from", "")
    if _is_uuid(source):
        found = QuestionnaireTemplate.objects.visible_to(user).with_content()
        copied = found.filter(public_id=source).first()
        if copied is not None:
            return templates.content(copied)
    return {"title": {}, "introduction": {}, "questions": [forms.blank_question()]}


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@login_required
@require_POST
def template_delete(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _staff(request)
    if user is None:
        return forbidden(request, _("Questionnaire templates are for trainers and coordinators."))
    template = get_object_or_404(
        QuestionnaireTemplate.objects.visible_to(user), public_id=public_id
    )
    try:
        templates.delete_template(template=template, by=user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The template is deleted."))
    return redirect("enrollments:questionnaire_templates")


@login_required
def attach(request: HttpRequest, public_id: str) -> HttpResponse:
    """Attaches a template to a cohort: the questions are frozen as they are now."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    user = request.user
    if not (isinstance(user, User) and access.can_follow_cohort(user, cohort)):
        return forbidden(
            request, _("Only the cohort's trainers and coordinators attach questionnaires.")
        )
    form = forms.AttachForm(request.POST or None, cohort=cohort, user=user)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            questionnaire, _created = services.attach_questionnaire(
                cohort=cohort,
                template=values["template"],
                opens_at=values["opens_at"],
                closes_at=values["closes_at"],
                is_anonymous=values["anonymity"] == "anonymous",
                after_module=values["after_module"],
                reminder_days=values["reminder_days"],
                by=user,
            )
        except ValidationError as refusal:
            field = {
                "closes_before_opening": "closes_at",
                "module_of_another_course": "after_module",
            }
            for item in refusal.error_list:
                form.add_error(field.get(str(item.code)), item)
        else:
            messages.success(
                request,
                _("The questionnaire is attached; it opens on %(date)s.")
                % {
                    "date": date_format(
                        timezone.localtime(questionnaire.opens_at), "DATETIME_FORMAT"
                    )
                },
            )
            return redirect("enrollments:roster", public_id=cohort.public_id)
    return render(
        request,
        "enrollments/questionnaires/attach.html",
        {"cohort": cohort, "form": form},
        status=400 if form.errors else 200,
    )
