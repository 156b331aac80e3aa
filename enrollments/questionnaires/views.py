"""Learners answer a questionnaire on a page; trainers and coordinators read its results."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from enrollments.questionnaires import charts, eligibility, exports, results, services
from enrollments.questionnaires.api import localised
from enrollments.questionnaires.models import SCALES, QuestionKind, Questionnaire


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
