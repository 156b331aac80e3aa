"""Attaching questionnaires to cohorts, answering them once, and reminding who has not."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from accounts import access
from accounts.models import User
from cms.localization import localize_pages
from cms.models import CoursePage, ModulePage
from courses.models import Cohort
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment
from enrollments.questionnaires import eligibility, templates
from enrollments.questionnaires.models import (
    SCALES,
    Answer,
    QuestionKind,
    Questionnaire,
    QuestionnaireTemplate,
    Reminder,
    Respondent,
    Response,
    original_module,
)

MAX_TEXT = 5000


def snapshot(template: QuestionnaireTemplate) -> dict[str, Any]:
    """The template as it is now, in every language it has: what a cohort's learners answer."""
    current = QuestionnaireTemplate.objects.with_content().get(pk=template.pk)
    return {"template": str(template.public_id), **templates.content(current)}


def _check_template(frozen: dict[str, Any]) -> None:
    if not frozen["questions"]:
        raise ValidationError(_("The template has no questions yet."), code="no_questions")
    for question in frozen["questions"]:
        choice = question["kind"] in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        if choice and len(question["options"]) < 2:
            raise ValidationError(
                _("The question “%(key)s” needs at least two options."),
                code="too_few_options",
                params={"key": question["key"]},
            )


def _check_dates(opens_at: datetime, closes_at: datetime) -> None:
    if closes_at <= opens_at:
        raise ValidationError(
            _("A questionnaire must close after it opens."), code="closes_before_opening"
        )


def course_modules(cohort: Cohort) -> list[ModulePage]:
    """The modules of the cohort's course in reading order: the Spanish originals, which
    progress and questionnaires point at."""
    course_page = CoursePage.objects.filter(
        course_id=cohort.course_id, locale=Locale.get_default()
    ).first()
    if course_page is None:
        return []
    return list(ModulePage.objects.child_of(course_page).order_by("path"))


@transaction.atomic
def attach_questionnaire(
    *,
    cohort: Cohort,
    template: QuestionnaireTemplate,
    opens_at: datetime,
    closes_at: datetime,
    by: User,
    is_anonymous: bool = True,
    after_module: ModulePage | None = None,
    reminder_days: int = 7,
) -> tuple[Questionnaire, bool]:
    """The questionnaire and whether it is new. The same request again (a double click, a
    retry) finds the questionnaire it made; another one for the same template and placement
    is refused: that questionnaire changes its dates, or gets a new version."""
    if not access.can_follow_cohort(by, cohort):
        raise NotAllowed(
            _("Only the cohort's trainers and coordinators attach questionnaires."),
            code="forbidden",
        )
    if not access.can_attach_questionnaire_template(by, cohort, template):
        raise NotAllowed(
            _("This template belongs to another delegation; choose one of yours or the network's."),
            code="forbidden",
        )
    _check_dates(opens_at, closes_at)
    if after_module is not None:
        after_module = original_module(after_module, course_id=cohort.course_id)
    frozen = snapshot(template)
    _check_template(frozen)
    # One attach at a time per cohort, so that two at once cannot both find the place empty.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    existing = (
        Questionnaire.objects.filter(cohort=cohort, template=template, after_module=after_module)
        .order_by("-version")
        .first()
    )
    if existing is not None:
        asked = (frozen, opens_at, closes_at, is_anonymous, reminder_days)
        found = (
            existing.questions,
            existing.opens_at,
            existing.closes_at,
            existing.is_anonymous,
            existing.reminder_days,
        )
        if asked == found:
            return existing, False
        raise Conflict(
            _(
                "This cohort already has this questionnaire at that place (version "
                "%(version)s): change its dates, or make a new version of it."
            ),
            code="already_attached",
            params={"version": existing.version},
        )
    latest = (
        Questionnaire.objects.filter(cohort=cohort, template=template).aggregate(v=Max("version"))[
            "v"
        ]
        or 0
    )
    created = Questionnaire.objects.create(
        cohort=cohort,
        template=template,
        version=latest + 1,
        opens_at=opens_at,
        closes_at=closes_at,
        is_anonymous=is_anonymous,
        after_module=after_module,
        reminder_days=reminder_days,
        questions=frozen,
        created_by=by,
    )
    return created, True


@transaction.atomic
def change_questionnaire(
    *, questionnaire: Questionnaire, by: User, **changes: Any
) -> Questionnaire:
    """Dates and reminders may change; anonymity only before it opens; questions never once
    answered (`new_version` attaches the template again instead)."""
    if not access.can_follow_cohort(by, questionnaire.cohort):
        raise NotAllowed(_("You do not follow this cohort."), code="forbidden")
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    changes_anonymity = changes.get("is_anonymous", locked.is_anonymous) != locked.is_anonymous
    if changes_anonymity and locked.opens_at <= timezone.now():
        raise Conflict(
            _("Anonymity is chosen before a questionnaire opens; it cannot change now."),
            code="anonymity_fixed",
        )
    for field in ("opens_at", "closes_at", "is_anonymous", "reminder_days"):
        if field in changes:
            setattr(locked, field, changes[field])
    _check_dates(locked.opens_at, locked.closes_at)
    locked.save()
    return locked


@transaction.atomic
def new_version(*, questionnaire: Questionnaire, by: User) -> Questionnaire:
    """The template's current questions for the same cohort. Without answers yet, the
    questionnaire is refreshed in place; with answers, those stay with the version they
    answered, which closes now, and a new version opens."""
    if not access.can_follow_cohort(by, questionnaire.cohort):
        raise NotAllowed(_("You do not follow this cohort."), code="forbidden")
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    frozen = snapshot(locked.template)
    _check_template(frozen)
    if not locked.respondents.exists():
        locked.questions = frozen
        locked.save(update_fields=["questions"])
        return locked
    now = timezone.now()
    successor = Questionnaire.objects.create(
        cohort=locked.cohort,
        template=locked.template,
        version=locked.version + 1,
        opens_at=max(now, locked.opens_at),
        closes_at=max(locked.closes_at, now + timedelta(days=1)),
        is_anonymous=locked.is_anonymous,
        after_module=locked.after_module,
        reminder_days=locked.reminder_days,
        questions=frozen,
        created_by=by,
    )
    locked.closes_at = max(now, locked.opens_at + timedelta(seconds=1))
    locked.save(update_fields=["closes_at"])
    return successor


def eligible_enrollment(*, questionnaire: Questionnaire, learner: User) -> Enrollment | None:
    """The enrolment the learner answers from, if they may answer now (see `eligibility`)."""
    enrollment = eligibility.seat(questionnaire=questionnaire, learner=learner)
    if enrollment is None or not eligibility.is_eligible(
        questionnaire=questionnaire, enrollment=enrollment
    ):
        return None
    return enrollment


def has_answered(*, questionnaire: Questionnaire, enrollment: Enrollment) -> bool:
    """Any version of the questionnaire counts: a learner is asked once, whatever changed."""
    return Respondent.objects.filter(
        enrollment=enrollment, questionnaire__in=Questionnaire.objects.versions_of(questionnaire)
    ).exists()


def module_title(questionnaire: Questionnaire) -> str:
    """The title of the module a questionnaire follows, in the active language ("" if none)."""
    module = modules_shown([questionnaire]).get(questionnaire.after_module_id or 0)
    return module.title if module is not None else ""


def modules_shown(questionnaires: Iterable[Questionnaire]) -> dict[int, ModulePage]:
    """The modules the questionnaires follow, in the active language where translated, by the
    stored module's id: two queries however many questionnaires."""
    ids = {q.after_module_id for q in questionnaires if q.after_module_id is not None}
    if not ids:
        return {}
    originals = list(ModulePage.objects.filter(pk__in=ids).select_related("locale"))
    shown = localize_pages(originals, select_related=["locale"])
    return {original.pk: page for original, page in zip(originals, shown, strict=True)}


def _problem(question: dict[str, Any], language: str, value: Any) -> ValidationError | None:
    texts: dict[str, str] = question["text"]
    label = texts.get(language) or next(iter(texts.values()), question["key"])
    kind = question["kind"]
    if value in (None, "", []):
        if question["required"]:
            return ValidationError(
                _("“%(question)s” needs an answer."),
                code="answer_required",
                params={"question": label},
            )
        return None
    if kind in SCALES:
        low, high = SCALES[kind]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return ValidationError(
                _("“%(question)s”: choose a whole number from %(low)s to %(high)s."),
                code="out_of_scale",
                params={"question": label, "low": low, "high": high},
            )
        return None
    keys = {option["key"] for option in question["options"]}
    if kind == QuestionKind.SINGLE:
        if not isinstance(value, str) or value not in keys:
            return ValidationError(
                _("“%(question)s”: choose one of the options offered."),
                code="unknown_option",
                params={"question": label},
            )
        return None
    if kind == QuestionKind.MULTIPLE:
        if (
            not isinstance(value, list)
            or not all(isinstance(item, str) and item in keys for item in value)
            or len(set(value)) != len(value)
        ):
            return ValidationError(
                _("“%(question)s”: choose among the options offered, each at most once."),
                code="unknown_option",
                params={"question": label},
            )
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return ValidationError(
            _("“%(question)s”: write at most %(limit)s characters."),
            code="text_too_long",
            params={"question": label, "limit": MAX_TEXT},
        )
    return None


def _answers(question: dict[str, Any], value: Any) -> list[Answer]:
    if value in (None, "", []):
        return []
    key = question["key"]
    kind = question["kind"]
    if kind in SCALES:
        return [Answer(question=key, number=value)]
    if kind == QuestionKind.SINGLE:
        return [Answer(question=key, option=value)]
    if kind == QuestionKind.MULTIPLE:
        return [Answer(question=key, option=item) for item in value]
    return [Answer(question=key, text=value.strip())]


def submit_answers(
    *, questionnaire: Questionnaire, learner: User, answers: dict[str, Any], language: str
) -> Response:
    """All answers or none; once per learner; anonymous answers keep no link to the learner."""
    enrollment = eligibility.seat(questionnaire=questionnaire, learner=learner)
    if enrollment is None:
        raise NotAllowed(
            _("This questionnaire is for the learners of its cohort."), code="not_enrolled"
        )
    if not eligibility.is_eligible(questionnaire=questionnaire, enrollment=enrollment):
        if questionnaire.after_module_id is None:
            raise Conflict(
                _("This questionnaire is about the whole course: finish its lessons first."),
                code="course_not_finished",
            )
        raise Conflict(
            _("This questionnaire is about the module “%(module)s”: finish the module first."),
            code="module_not_finished",
            params={"module": module_title(questionnaire)},
        )
    if has_answered(questionnaire=questionnaire, enrollment=enrollment):
        raise Conflict(_("You have already answered this questionnaire."), code="already_answered")
    now = timezone.now()
    if now < questionnaire.opens_at:
        raise Conflict(_("This questionnaire is not open yet."), code="not_open")
    if now >= questionnaire.closes_at:
        raise Conflict(_("This questionnaire has closed."), code="closed")
    if not isinstance(answers, dict):
        raise ValidationError(_("Send the answers as an object by question."), code="invalid")
    questions = questionnaire.questions["questions"]
    known = {question["key"] for question in questions}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValidationError(
            _("There is no question %(keys)s in this questionnaire."),
            code="unknown_question",
            params={"keys": ", ".join(unknown)},
        )
    problems = [
        problem
        for question in questions
        if (problem := _problem(question, language, answers.get(question["key"]))) is not None
    ]
    if problems:
        raise ValidationError(problems)
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            Respondent.objects.create(questionnaire=questionnaire, enrollment=enrollment)
            response = Response.objects.create(
                questionnaire=questionnaire,
                enrollment=None if questionnaire.is_anonymous else enrollment,
                language=language,
            )
            rows = [
                row
                for question in questions
                for row in _answers(question, answers.get(question["key"]))
            ]
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
    except IntegrityError:
        raise Conflict(
            _("You have already answered this questionnaire."), code="already_answered"
        ) from None
    if questionnaire.cohort.requires_questionnaire:
        from enrollments import progress

        transaction.on_commit(lambda: progress.refresh_completion(enrollment_id=enrollment.pk))
    return response


def has_answered_all(enrollment: Enrollment) -> bool:
    """The completion rule's questionnaire part: every questionnaire of the cohort answered,
    after-module ones included. The versions of one questionnaire (`versions_of`) count as
    one: a learner who answered version 1 is not sent back by version 2, nor asked for it
    (`has_answered`). A questionnaire that closed unanswered holds completion back until
    someone reopens it or completes the enrolment by hand."""
    return not (
        Questionnaire.objects.filter(cohort_id=enrollment.cohort_id)
        .exclude(eligibility.answered(enrollment.pk))
        .exists()
    )


def pending_for(learner: User, *, module: ModulePage | None = None) -> list[Questionnaire]:
    """Open questionnaires the learner may answer now and has not answered, each with
    `enrollment_id`; with `module`, only those placed after it (in any of its languages)."""
    found: QuerySet[Questionnaire] = Questionnaire.objects.open_at(timezone.now())
    if module is not None:
        found = found.filter(after_module__translation_key=module.translation_key)
    return list(eligibility.answerable_by(learner, found).select_related("cohort"))


def remind(*, now: datetime | None = None) -> int:
    """E-mails the learners who may answer an open questionnaire and have not answered any
    version of it, at most once per its rhythm; returns how many were sent. Learners still
    before the questionnaire's module are not reminded: they were not asked yet."""
    from enrollments import tasks

    now = now or timezone.now()
    sent = 0
    for questionnaire in Questionnaire.objects.open_at(now).filter(reminder_days__gt=0):
        last_reminder = Subquery(
            Reminder.objects.filter(questionnaire=questionnaire, enrollment=OuterRef("pk"))
            .order_by("-sent_at")
            .values("sent_at")[:1]
        )
        due = list(
            eligibility.eligible_enrollments(questionnaire)
            .exclude(
                questionnaire_answers__questionnaire__in=Questionnaire.objects.versions_of(
                    questionnaire
                )
            )
            .annotate(last_reminder=last_reminder)
            .filter(
                Q(last_reminder__isnull=True)
                | Q(last_reminder__lte=now - timedelta(days=questionnaire.reminder_days))
            )
            .values_list("pk", flat=True)
        )
        Reminder.objects.bulk_create(
            Reminder(questionnaire=questionnaire, enrollment_id=pk, sent_at=now) for pk in due
        )
        for pk in due:
            transaction.on_commit(
                partial(tasks.send_questionnaire_reminder.delay, questionnaire.pk, pk)
            )
        sent += len(due)
    return sent
