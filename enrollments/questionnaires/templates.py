"""Writing questionnaire templates from one plain structure, whole or not at all."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import access
from accounts.models import Delegation, User
from enrollments.errors import Conflict, NotAllowed
from enrollments.questionnaires.models import (
    QuestionKind,
    QuestionnaireTemplate,
    TemplateOption,
    TemplateQuestion,
)

# The structure the API and the pages send, and `content` returns:
# {title: {lang: text}, introduction: {lang: text},
#  questions: [{key, kind, required, text: {lang: text}, options: [{key, label: {lang: text}}]}]}
Content = dict[str, Any]

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
MAX_QUESTIONS = 60
MAX_OPTIONS = 30
KEY_LENGTH = 40
TITLE_LENGTH = 200
INTRODUCTION_LENGTH = 5000
QUESTION_LENGTH = 400
LABEL_LENGTH = 200


def required_languages() -> list[str]:
    """Spanish is every translated field's fallback, so nothing may lack it."""
    return [settings.LANGUAGE_CODE]


def _language_names() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


def _texts_of(model: Any, field: str) -> dict[str, str]:
    return {
        translation.language_code: getattr(translation, field)
        for translation in model.translations.all()
        if getattr(translation, field)
    }


def content(template: QuestionnaireTemplate) -> Content:
    """The template as the plain structure; load it `with_content()` to read it in a few queries."""
    return {
        "title": _texts_of(template, "title"),
        "introduction": _texts_of(template, "introduction"),
        "questions": [
            {
                "key": question.key,
                "kind": question.kind,
                "required": question.is_required,
                "text": _texts_of(question, "text"),
                "options": [
                    {"key": option.key, "label": _texts_of(option, "label")}
                    for option in question.options.all()
                ],
            }
            for question in template.questions.all()
        ],
    }


class _Problems:
    """Every problem found, each saying where (`at`, e.g. `questions.1.options`) for the pages."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def add(self, at: str, message: str, code: str, **params: Any) -> None:
        self.errors.append(ValidationError(message, code=code, params={"at": at, **params}))


def _texts(
    value: Any, *, at: str, what: str, limit: int, required: bool, problems: _Problems
) -> dict[str, str]:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        problems.add(at, _("%(what)s: give one text per language."), "invalid", what=what)
        return {}
    names = _language_names()
    texts: dict[str, str] = {}
    refused: set[str] = set()
    for language, text in value.items():
        if language not in names:
            problems.add(
                at,
                _("%(what)s: “%(language)s” is not one of Aula's languages."),
                "unknown_language",
                what=what,
                language=language,
            )
        elif text is not None and not isinstance(text, str):
            refused.add(language)
            problems.add(at, _("%(what)s: give one text per language."), "invalid", what=what)
        elif text and len(text.strip()) > limit:
            refused.add(language)
            problems.add(
                at,
                _("%(what)s in %(language)s: write at most %(limit)s characters."),
                "too_long",
                what=what,
                language=names[language],
                limit=limit,
            )
        elif text and text.strip():
            texts[language] = text.strip()
    missing = [code for code in required_languages() if code not in texts and code not in refused]
    if required and missing:
        problems.add(
            at,
            _("%(what)s needs a text in %(language)s."),
            "missing_translation",
            what=what,
            language=", ".join(names[code] for code in missing),
        )
    return texts


def _key(value: Any, *, at: str, what: str, problems: _Problems) -> str:
    key = value.strip() if isinstance(value, str) else ""
    try:
        validate_slug(key)
        if len(key) > KEY_LENGTH:
            raise ValidationError("too long")
    except ValidationError:
        problems.add(
            at,
            _(
                "%(what)s needs a key of at most %(limit)s letters, digits, hyphens or "
                "underscores, e.g. “overall”."
            ),
            "invalid_key",
            what=what,
            limit=KEY_LENGTH,
        )
    return key


def _option(value: Any, *, at: str, what: str, problems: _Problems) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.add(
            at, _("%(what)s: send it as an object with a key and labels."), "invalid", what=what
        )
        return None
    return {
        "key": _key(value.get("key"), at=f"{at}.key", what=what, problems=problems),
        "label": _texts(
            value.get("label"),
            at=f"{at}.label",
            what=what,
            limit=LABEL_LENGTH,
            required=True,
            problems=problems,
        ),
    }


def _question(value: Any, *, number: int, at: str, problems: _Problems) -> dict[str, Any] | None:
    what = _("Question %(number)s") % {"number": number}
    if not isinstance(value, dict):
        problems.add(at, _("%(what)s: send it as an object."), "invalid", what=what)
        return None
    kind = value.get("kind")
    if kind not in QuestionKind.values:
        problems.add(
            f"{at}.kind", _("%(what)s: choose a kind of question."), "unknown_kind", what=what
        )
    required = value.get("required", True)
    if not isinstance(required, bool):
        problems.add(
            f"{at}.required", _("%(what)s: say yes or no to “required”."), "invalid", what=what
        )
    question: dict[str, Any] = {
        "key": _key(value.get("key"), at=f"{at}.key", what=what, problems=problems),
        "kind": kind,
        "required": bool(required),
        "text": _texts(
            value.get("text"),
            at=f"{at}.text",
            what=what,
            limit=QUESTION_LENGTH,
            required=True,
            problems=problems,
        ),
        "options": [],
    }
    given = value.get("options") or []
    if not isinstance(given, list):
        problems.add(
            f"{at}.options", _("%(what)s: send the options as a list."), "invalid", what=what
        )
        return question
    if kind in QuestionKind.values:
        label = QuestionKind(kind).label
        if kind in CHOICE_KINDS and len(given) < 2:
            problems.add(
                f"{at}.options",
                _("%(what)s (%(kind)s) needs at least two options."),
                "too_few_options",
                what=what,
                kind=label,
            )
        elif kind not in CHOICE_KINDS and given:
            problems.add(
                f"{at}.options",
                _("%(what)s (%(kind)s) takes no options."),
                "options_not_allowed",
                what=what,
                kind=label,
            )
            return question
    if len(given) > MAX_OPTIONS:
        problems.add(
            f"{at}.options",
            _("%(what)s: at most %(limit)s options."),
            "too_many_options",
            what=what,
            limit=MAX_OPTIONS,
        )
        return question
    options: list[dict[str, Any]] = question["options"]
    seen: set[str] = set()
    for position, item in enumerate(given):
        option_what = _("Question %(number)s, option %(option)s") % {
            "number": number,
            "option": position + 1,
        }
        option = _option(item, at=f"{at}.options.{position}", what=option_what, problems=problems)
        if option is None:
            continue
        if option["key"] and option["key"] in seen:
            problems.add(
                f"{at}.options.{position}.key",
                _("%(what)s: another option already has the key “%(key)s”."),
                "duplicate_key",
                what=option_what,
                key=option["key"],
            )
        seen.add(option["key"])
        options.append(option)
    return question


def validate(given: Any) -> Content:
    """The structure, cleaned (texts trimmed, empty translations dropped), or every problem."""
    problems = _Problems()
    if not isinstance(given, dict):
        raise ValidationError(
            _("Send the template as an object with a title and questions."), code="invalid"
        )
    cleaned: Content = {
        "title": _texts(
            given.get("title"),
            at="title",
            what=_("The title"),
            limit=TITLE_LENGTH,
            required=True,
            problems=problems,
        ),
        "introduction": _texts(
            given.get("introduction"),
            at="introduction",
            what=_("The introduction"),
            limit=INTRODUCTION_LENGTH,
            required=False,
            problems=problems,
        ),
        "questions": [],
    }
    questions = given.get("questions")
    if not isinstance(questions, list) or not questions:
        problems.add("questions", _("Add at least one question."), "no_questions")
    elif len(questions) > MAX_QUESTIONS:
        problems.add(
            "questions",
            _("A template holds at most %(limit)s questions."),
            "too_many_questions",
            limit=MAX_QUESTIONS,
        )
    else:
        seen: set[str] = set()
        for position, item in enumerate(questions):
            question = _question(
                item, number=position + 1, at=f"questions.{position}", problems=problems
            )
            if question is None:
                continue
            if question["key"] and question["key"] in seen:
                problems.add(
                    f"questions.{position}.key",
                    _("Question %(number)s: another question already has the key “%(key)s”."),
                    "duplicate_key",
                    number=position + 1,
                    key=question["key"],
                )
            seen.add(question["key"])
            cleaned["questions"].append(question)
    if problems.errors:
        raise ValidationError(problems.errors)
    return cleaned


def _check_may_write(by: User, delegation_id: int | None) -> None:
    if access.can_write_questionnaire_templates_for(by, delegation_id):
        return
    if not access.can_use_questionnaire_templates(by):
        message = _("Only trainers and coordinators write questionnaire templates.")
    elif delegation_id is None:
        message = _("Network-wide templates are written by site admins only.")
    else:
        message = _("You write the templates of your own delegations only.")
    raise NotAllowed(message, code="forbidden")


def _translate(row: Any, values: dict[str, dict[str, str]]) -> None:
    """Sets each field's text per language and saves; languages no longer given are deleted."""
    had = set(row.get_available_languages()) if row.pk else set()
    languages = {language for texts in values.values() for language in texts}
    reader = row.get_current_language()
    for language in sorted(languages):
        row.set_current_language(language)
        for field, texts in values.items():
            setattr(row, field, texts.get(language, ""))
    row.save()
    row.set_current_language(reader)
    for language in had - languages:
        row.delete_translation(language)


def write(template: QuestionnaireTemplate, cleaned: Content) -> None:
    """Stores `cleaned` (from `validate`) as the template's content. It checks no permission:
    `create_template` and `update_template` do, and the demo seed writes as the network."""
    template.updated_at = timezone.now()
    _translate(template, {"title": cleaned["title"], "introduction": cleaned["introduction"]})
    # Wholesale: questionnaires already attached keep their own frozen copy of the questions.
    template.questions.all().delete()
    for order, spec in enumerate(cleaned["questions"]):
        question = TemplateQuestion(
            template=template,
            key=spec["key"],
            kind=spec["kind"],
            is_required=spec["required"],
            sort_order=order,
        )
        _translate(question, {"text": spec["text"]})
        for position, choice in enumerate(spec["options"]):
            option = TemplateOption(question=question, key=choice["key"], sort_order=position)
            _translate(option, {"label": choice["label"]})


KEY_MAX = 64


def create_template(
    *, by: User, delegation: Delegation | None, given: Any, key: str = ""
) -> QuestionnaireTemplate:
    """A new template. With `key`, the same request sent again returns the template the first
    one made and changes nothing; the key sent with something else is refused."""
    key = key.strip()
    if len(key) > KEY_MAX:
        raise ValidationError(
            _("An idempotency key has at most %(limit)s characters."),
            code="invalid_idempotency_key",
            params={"limit": KEY_MAX},
        )
    _check_may_write(by, delegation.pk if delegation else None)
    cleaned = validate(given)
    owner = delegation.pk if delegation else None
    if key and (earlier := _made_with(by, key, cleaned, owner)) is not None:
        return earlier
    try:
        with transaction.atomic():
            template = QuestionnaireTemplate(delegation=delegation, created_by=by, creation_key=key)
            write(template, cleaned)
    except IntegrityError:
        earlier = _made_with(by, key, cleaned, owner) if key else None
        if earlier is None:
            raise
        return earlier  # the same request, sent at the same moment, won
    return template


def _made_with(
    by: User, key: str, cleaned: Content, owner: int | None
) -> QuestionnaireTemplate | None:
    """The template `key` made already, if any; refused if it was made from something else."""
    earlier = (
        QuestionnaireTemplate.objects.with_content().filter(created_by=by, creation_key=key).first()
    )
    if earlier is None:
        return None
    if content(earlier) != cleaned or earlier.delegation_id != owner:
        raise Conflict(
            _(
                "This request already made the template “%(title)s”; change that template "
                "instead of creating it again."
            ),
            code="idempotency_key_reused",
            params={"title": str(earlier)},
        )
    return earlier


@transaction.atomic
def update_template(
    *, template: QuestionnaireTemplate, by: User, delegation: Delegation | None, given: Any
) -> QuestionnaireTemplate:
    """Replaces title, introduction and questions; the same structure again changes nothing."""
    _check_may_write(by, template.delegation_id)
    _check_may_write(by, delegation.pk if delegation else None)
    cleaned = validate(given)
    # Locked, so that two editors saving at once write one after the other, not interleaved.
    locked = (
        QuestionnaireTemplate.objects.select_for_update(of=("self",))
        .with_content()
        .get(pk=template.pk)
    )
    new_owner = delegation.pk if delegation else None
    if content(locked) == cleaned and locked.delegation_id == new_owner:
        return locked
    locked.delegation = delegation
    write(locked, cleaned)
    return locked


@transaction.atomic
def delete_template(*, template: QuestionnaireTemplate, by: User) -> None:
    """Only a template never attached: the questionnaires it made keep pointing at it."""
    _check_may_write(by, template.delegation_id)
    attached = template.questionnaires.count()
    if attached:
        raise _in_use(attached)
    try:
        template.delete()
    except ProtectedError:  # attached meanwhile
        raise _in_use(template.questionnaires.count()) from None


def _in_use(attached: int) -> Conflict:
    return Conflict(
        ngettext(
            "This template is attached to %(count)s questionnaire, so it stays.",
            "This template is attached to %(count)s questionnaires, so it stays.",
            attached,
        ),
        code="template_in_use",
        params={"count": attached},
    )
