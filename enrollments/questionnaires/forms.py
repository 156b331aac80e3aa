"""The template editor's rows (read from a POST, shown with their errors) and the attach form."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.localization import localize_pages
from cms.models import ModulePage
from courses.models import Cohort
from enrollments.questionnaires import services, templates
from enrollments.questionnaires.models import QuestionKind, QuestionnaireTemplate

# The editor's field names: title-es, q-0-key, q-0-text-es, q-0-o-1-label-es, …, plus the
# row counts `questions` and `q-0-options`, as a formset's management form would carry them.


def _texts(post: QueryDict, prefix: str) -> dict[str, str]:
    return {code: post.get(f"{prefix}-{code}", "") for code, _name in settings.LANGUAGES}


def _derived_key(given: str, texts: dict[str, str], fallback: str) -> str:
    """A key typed, else one made from the Spanish (or first) text: fewer boxes to fill in."""
    if given.strip():
        return given.strip()
    text = texts.get(settings.LANGUAGE_CODE) or next((t for t in texts.values() if t), "")
    return slugify(text)[: templates.KEY_LENGTH].strip("-_") or fallback


def _count(post: QueryDict, name: str, limit: int) -> int:
    try:
        return max(0, min(int(post.get(name, "0")), limit))
    except ValueError:
        return 0


def _blank(*values: Any) -> bool:
    return not any(str(value).strip() for value in values)


def read_template(post: QueryDict, *, editing: bool = False) -> templates.Content:
    """The structure the editor sent. Rows ticked for removal are dropped; so are rows left
    empty when saving, but not while `editing` (adding or moving rows): the page must come
    back with the rows it showed, at the same places, for its buttons to point at them."""
    questions = []
    for i in range(_count(post, "questions", templates.MAX_QUESTIONS + 10)):
        prefix = f"q-{i}"
        removed = bool(post.get(f"{prefix}-remove"))
        if removed and not editing:
            continue
        text = _texts(post, f"{prefix}-text")
        options = []
        for j in range(_count(post, f"{prefix}-options", templates.MAX_OPTIONS + 10)):
            option_prefix = f"{prefix}-o-{j}"
            label = _texts(post, f"{option_prefix}-label")
            key = post.get(f"{option_prefix}-key", "")
            if post.get(f"{option_prefix}-remove"):
                continue
            if _blank(key, *label.values()):
                if editing:
                    options.append({"key": "", "label": label})
                continue
            options.append({"key": _derived_key(key, label, f"option-{j + 1}"), "label": label})
        key = post.get(f"{prefix}-key", "")
        blank = _blank(key, *text.values())
        if blank and not any(option["key"] for option in options) and not editing:
            continue
        questions.append(
            {
                "key": "" if blank else _derived_key(key, text, f"question-{i + 1}"),
                "kind": post.get(f"{prefix}-kind", ""),
                "required": bool(post.get(f"{prefix}-required")),
                "text": text,
                "options": options,
                **({"remove": True} if removed else {}),
            }
        )
    return {
        "title": _texts(post, "title"),
        "introduction": _texts(post, "introduction"),
        "questions": questions,
    }


def blank_question() -> dict[str, Any]:
    blank_option: dict[str, Any] = {"key": "", "label": {}}
    return {
        "key": "",
        "kind": QuestionKind.RATING,
        "required": True,
        "text": {},
        "options": [dict(blank_option), dict(blank_option)],
    }


def _position(action: str, prefix: str, count: int) -> int | None:
    position = action.removeprefix(prefix)
    return int(position) if position.isdigit() and int(position) < count else None


def with_row_added(given: templates.Content, action: str) -> templates.Content:
    """`add-question`; `add-option-<n>` for the question at position n; `up-<n>` to move the
    question at position n before the one above it."""
    questions = given["questions"]
    if action == "add-question":
        questions.append(blank_question())
    elif (n := _position(action, "add-option-", len(questions))) is not None:
        questions[n]["options"].append({"key": "", "label": {}})
    elif (n := _position(action, "up-", len(questions))) is not None and n > 0:
        questions[n - 1], questions[n] = questions[n], questions[n - 1]
    return given


def errors_by_field(error: ValidationError) -> dict[str, list[str]]:
    """Messages by where they belong (`questions.0.key`); "" for the form as a whole."""
    found: dict[str, list[str]] = {}
    for item in error.error_list:
        at = str((item.params or {}).get("at", ""))
        found.setdefault(at, []).extend(item.messages)
    return found


def _language_rows(texts: dict[str, str], name: str) -> list[dict[str, str]]:
    return [
        {
            "code": code,
            "language": str(language),
            "name": f"{name}-{code}",
            "value": texts.get(code, ""),
        }
        for code, language in settings.LANGUAGES
    ]


def editor_rows(given: templates.Content, errors: dict[str, list[str]]) -> dict[str, Any]:
    """What the editor's template draws: each box with its name, value and errors."""
    questions = []
    for i, question in enumerate(given["questions"]):
        at = f"questions.{i}"
        options = [
            {
                "prefix": f"q-{i}-o-{j}",
                "key": option["key"],
                "labels": _language_rows(option["label"], f"q-{i}-o-{j}-label"),
                "errors": errors.get(f"{at}.options.{j}", [])
                + errors.get(f"{at}.options.{j}.key", [])
                + errors.get(f"{at}.options.{j}.label", []),
            }
            for j, option in enumerate(question["options"])
        ]
        questions.append(
            {
                "prefix": f"q-{i}",
                "number": i + 1,
                "key": question["key"],
                "kind": question["kind"],
                "required": question["required"],
                "remove": question.get("remove", False),
                "texts": _language_rows(question["text"], f"q-{i}-text"),
                "options": options,
                "errors": {
                    part: errors.get(f"{at}.{part}", [])
                    for part in ("key", "kind", "required", "text", "options")
                },
                "row_errors": errors.get(at, []),
            }
        )
    return {
        "titles": _language_rows(given["title"], "title"),
        "introductions": _language_rows(given["introduction"], "introduction"),
        "questions": questions,
        "errors": {
            "title": errors.get("title", []),
            "introduction": errors.get("introduction", []),
            "questions": errors.get("questions", []),
            "form": errors.get("", []),
        },
    }


class AttachForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"),
        queryset=QuestionnaireTemplate.objects.none(),
        to_field_name="public_id",
    )
    opens_at = forms.DateTimeField(
        label=_("Opens at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    anonymity = forms.ChoiceField(
        label=_("Who answered what"),
        choices=[
            ("anonymous", _("Anonymous: answers keep no link to who gave them")),
            ("named", _("Named: each answer shows who gave it")),
        ],
        initial="anonymous",
        widget=forms.RadioSelect,
        help_text=_("Fixed once the questionnaire opens: it cannot change afterwards."),
    )
    after_module = forms.ModelChoiceField(
        label=_("Offered after the module"),
        queryset=ModulePage.objects.none(),
        required=False,
        empty_label=_("At the end of the course"),
    )
    reminder_days = forms.IntegerField(
        label=_("Remind who has not answered every (days)"),
        min_value=0,
        max_value=60,
        initial=7,
        help_text=_("0: no reminders."),
    )

    def __init__(self, *args: Any, cohort: Cohort, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
        self.fields["opens_at"].initial = now + datetime.timedelta(hours=1)
        self.fields["closes_at"].initial = now + datetime.timedelta(days=14, hours=1)
        self.fields["template"].queryset = (  # type: ignore[attr-defined]
            QuestionnaireTemplate.objects.visible_to(user)
            .filter(Q(delegation__isnull=True) | Q(delegation=cohort.delegation_id))
            .prefetch_related("translations")
            .order_by("-updated_at")
        )
        modules = services.course_modules(cohort)
        titles = {
            module.pk: shown.title
            for module, shown in zip(modules, localize_pages(modules), strict=True)
        }
        field = self.fields["after_module"]
        field.queryset = ModulePage.objects.filter(pk__in=titles).order_by("path")  # type: ignore[attr-defined]
        field.label_from_instance = lambda module: titles.get(module.pk, module.title)  # type: ignore[attr-defined]
