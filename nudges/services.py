"""What learners have due, who is at risk in an edition, messages to a selection of its
learners, and each person's choice of reminders."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from cms.localization import localize_pages
from cms.models import CourseLesson, ModulePage
from courses.models import Cohort
from enrollments.errors import NotAllowed
from enrollments.models import Enrollment, LessonProgress, ModuleRelease, OptionalLesson
from nudges.models import Delivery, Kind, Message, Preference
from nudges.rules import required_lesson_ids, unfinished

DEFAULT_INACTIVITY_DAYS = 14
MAX_SUBJECT = 150
MAX_BODY = 5000


# Preferences ------------------------------------------------------------------------------


def preference_of(user: User) -> Preference:
    """Their saved choice, or everything on (not saved) when they never chose."""
    return Preference.objects.filter(user=user).first() or Preference(user=user)


def set_preference(*, user: User, **wanted: bool) -> Preference:
    unknown = set(wanted) - set(Kind.values)
    if unknown:
        raise ValueError(f"Unknown reminders: {sorted(unknown)}")
    preference, _created = Preference.objects.update_or_create(user=user, defaults=wanted)
    return preference


# What a learner has due --------------------------------------------------------------------


@dataclass
class Due:
    cohort: Cohort
    module: ModulePage
    due_on: datetime.date
    finished: bool
    lessons_left: int

    @property
    def overdue(self) -> bool:
        return not self.finished and self.due_on < timezone.localdate()


def due_for(user: User, *, recent_days: int = 7) -> list[Due]:
    """Deadlines of the learner's active editions: the coming ones, those passed unfinished,
    and those finished in the last `recent_days`. Five queries, however many."""
    today = timezone.localdate()
    enrollments = {
        e.cohort_id: e
        for e in Enrollment.objects.filter(
            learner=user, status=Enrollment.Status.ACTIVE
        ).select_related("cohort")
    }
    if not enrollments:
        return []
    releases = list(
        ModuleRelease.objects.filter(cohort_id__in=enrollments, due_on__isnull=False)
        .select_related("module")
        .order_by("due_on")
    )
    if not releases:
        return []
    courses = {enrollments[r.cohort_id].cohort.course_id for r in releases}
    lessons = list(
        CourseLesson.objects.filter(course_id__in=courses, is_live=True).values_list(
            "course_id", "lesson_id", "path"
        )
    )
    optional = set(
        OptionalLesson.objects.filter(cohort_id__in=enrollments).values_list(
            "cohort_id", "lesson_id"
        )
    )
    done = set(
        LessonProgress.objects.filter(
            enrollment__in=enrollments.values(), completed_at__isnull=False
        ).values_list("enrollment_id", "lesson_id")
    )
    shown = localize_pages([r.module for r in releases])
    found = []
    for release, module in zip(releases, shown, strict=True):
        enrollment = enrollments[release.cohort_id]
        course = enrollment.cohort.course_id
        required = [
            lesson
            for course_id, lesson, path in lessons
            if course_id == course
            and path.startswith(release.module.path)
            and (release.cohort_id, lesson) not in optional
        ]
        left = sum(1 for lesson in required if (enrollment.pk, lesson) not in done)
        due_on = release.due_on
        assert due_on is not None  # filtered above
        item = Due(enrollment.cohort, module, due_on, left == 0, left)
        if item.finished and due_on < today - datetime.timedelta(days=recent_days):
            continue
        found.append(item)
    return found


# Who is at risk ---------------------------------------------------------------------------


@dataclass
class AtRisk:
    enrollment: Enrollment
    seen: datetime.datetime | None
    inactive: bool
    behind: list[tuple[ModulePage, datetime.date]] = field(default_factory=list)
    city: str = ""


def at_risk(cohort: Cohort, *, now: datetime.datetime | None = None) -> list[AtRisk]:
    """Active learners who have not taken part for the edition's number of days (14 when it
    sends no nudge), or have not finished a module past its deadline. A fixed number of
    queries per deadline passed, none per learner."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    days = cohort.inactivity_nudge_days or DEFAULT_INACTIVITY_DAYS
    active = Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.ACTIVE)
    behind: dict[int, list[tuple[ModulePage, datetime.date]]] = defaultdict(list)
    releases = list(
        ModuleRelease.objects.filter(cohort=cohort, due_on__lt=today)
        .select_related("cohort", "module")
        .order_by("due_on")
    )
    shown = localize_pages([r.module for r in releases])
    for release, module in zip(releases, shown, strict=True):
        lessons = required_lesson_ids(release)
        if not lessons:
            continue
        for pk in unfinished(active, lessons).values_list("pk", flat=True):
            assert release.due_on is not None
            behind[pk].append((module, release.due_on))
    started = cohort.starts_on <= today - datetime.timedelta(days=days)
    threshold = now - datetime.timedelta(days=days)
    candidates = active.annotate(seen=Coalesce("last_activity_at", "enrolled_at"))
    if started:
        candidates = candidates.filter(Q(seen__lt=threshold) | Q(pk__in=list(behind)))
    else:
        candidates = candidates.filter(pk__in=list(behind))
    from enrollments.roster import city_names

    found = list(
        candidates.with_required_lessons()
        .select_related("learner__member_city__country")
        .order_by(F("seen").asc(), "pk")
    )
    cities = city_names(e.learner.member_city_id for e in found)
    rows = []
    for enrollment in found:
        seen = enrollment.seen  # type: ignore[attr-defined]
        rows.append(
            AtRisk(
                enrollment=enrollment,
                seen=enrollment.last_activity_at,
                inactive=started and seen is not None and seen < threshold,
                behind=behind.get(enrollment.pk, []),
                city=cities.get(enrollment.learner.member_city_id or 0, ""),
            )
        )
    return rows


# Messages ---------------------------------------------------------------------------------


def _clean_translations(value: Any) -> dict[str, dict[str, str]]:
    languages = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, dict):
        raise ValidationError(
            {
                "translations": ValidationError(
                    _("Give the other languages as an object."), code="invalid"
                )
            }
        )
    cleaned = {}
    for language, version in value.items():
        if language not in languages or not isinstance(version, dict):
            raise ValidationError(
                {
                    "translations": _("“%(language)s” is not a language of Aula.")
                    % {"language": language}
                }
            )
        subject = str(version.get("subject") or "").strip()
        body = str(version.get("body") or "").strip()
        if not subject and not body:
            continue
        if not subject or not body:
            raise ValidationError(
                {"translations": _("Each other language needs both a subject and a message.")}
            )
        if len(subject) > MAX_SUBJECT or len(body) > MAX_BODY:
            raise ValidationError({"translations": _("A version in another language is too long.")})
        cleaned[language] = {"subject": subject, "body": body}
    return cleaned


def send_message(
    *,
    cohort: Cohort,
    by: User,
    subject: str,
    body: str,
    recipients: list[Any],
    translations: Any = None,
    language: str = "",
    key: str = "",
) -> tuple[Message, bool]:
    """A message to these learners of the edition (their enrolments' public ids), queued to
    each in their language. The same `key` again returns the first message, sent once."""
    from nudges import tasks

    if not access.can_follow_cohort(by, cohort):
        raise NotAllowed(_("Only the edition's trainers and coordinators write to its learners."))
    if key and (earlier := Message.objects.filter(sent_by=by, creation_key=key).first()):
        return earlier, False
    subject, body = (subject or "").strip(), (body or "").strip()
    errors: dict[str, ValidationError] = {}
    if not subject:
        errors["subject"] = ValidationError(_("Write a subject."), code="required")
    elif len(subject) > MAX_SUBJECT:
        errors["subject"] = ValidationError(
            _("Say it in at most %(limit)d characters.") % {"limit": MAX_SUBJECT}, code="too_long"
        )
    if not body:
        errors["body"] = ValidationError(_("Write the message."), code="required")
    elif len(body) > MAX_BODY:
        errors["body"] = ValidationError(
            _("Say it in at most %(limit)d characters.") % {"limit": MAX_BODY}, code="too_long"
        )
    ids = {str(r) for r in recipients or []}
    chosen: list[int] = []
    if not ids:
        errors["recipients"] = ValidationError(
            _("Choose at least one learner."), code="no_recipients"
        )
    else:
        try:
            chosen = list(
                Enrollment.objects.filter(
                    cohort=cohort, public_id__in=ids, status__in=Enrollment.HOLDING_A_SEAT
                ).values_list("pk", flat=True)
            )
        except ValidationError:
            chosen = []
        if len(chosen) != len(ids):
            errors["recipients"] = ValidationError(
                _("Some of the chosen learners are not in this edition."), code="not_in_cohort"
            )
    if errors:
        raise ValidationError(errors)
    versions = _clean_translations(translations or {})
    try:
        with transaction.atomic():
            message = Message.objects.create(
                cohort=cohort,
                sent_by=by,
                language=language or by.preferred_language or cohort.language,
                subject=subject,
                body=body,
                translations=versions,
                creation_key=key,
            )
            deliveries = Delivery.objects.bulk_create(
                [Delivery(message=message, enrollment_id=pk) for pk in chosen]
            )
    except IntegrityError:  # the same key sent twice at once: the other request made it
        return Message.objects.get(sent_by=by, creation_key=key), False
    delivery_ids = [d.pk for d in deliveries]
    batch = 200

    def queue() -> None:
        for start in range(0, len(delivery_ids), batch):
            tasks.send_message.delay(message.pk, delivery_ids[start : start + batch])

    transaction.on_commit(queue)
    return message, True
