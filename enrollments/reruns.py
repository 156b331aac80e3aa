"""Running an edition again: "New edition from this one" copies its settings (visibility,
seats, waiting list, admission, completion rule, required lessons, when modules open,
questionnaires, trainers)
and, through the `edition_rerun` signal, its sessions, every date shifted by the difference
between the two starts. The copy is a draft until its coordinators open it."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from config.validators import plausible_date
from courses.models import Cohort
from enrollments import progress
from enrollments.errors import NotAllowed
from enrollments.models import ModuleRelease, OptionalLesson
from enrollments.signals import edition_rerun

# What a re-run copies as it is; dates are shifted, the rest starts afresh.
COPIED = [
    "course", "delegation", "language", "visibility", "capacity", "has_waiting_list",
    "enrollment_key", "score_policy", "min_score", "requires_questionnaire", "min_days_enrolled",
    "min_sessions_attended", "min_discussion_posts", "requires_accepted_assignments",
    "session_reminders", "session_hours_count", "inactivity_nudge_days", "admission",
    "max_country_share", "max_per_city",
]  # fmt: skip


def rerun(
    *,
    source: Cohort,
    by: User,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    title_translations: dict[str, str] | None = None,
    key: str = "",
) -> tuple[Cohort, bool]:
    """The new edition and whether it is new: the same `key` again returns the first."""
    if key and (earlier := Cohort.objects.filter(created_by=by, creation_key=key).first()):
        return earlier, False
    if not access.can_manage_cohort(by, source) or source.course.is_activity:
        raise NotAllowed(_("Only the edition's coordinators run it again."))
    title = (title or "").strip()
    errors: dict[str, Any] = {}
    if not title:
        errors["title"] = _("Give the new edition a title.")
    if starts_on < timezone.localdate():
        errors["starts_on"] = _("The new edition cannot start in the past.")
    for name, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        try:
            plausible_date(day)
        except ValidationError as refused:
            errors.setdefault(name, refused)
    if errors:
        raise ValidationError(errors)
    ends_on = ends_on or starts_on + (source.ends_on - source.starts_on)
    if ends_on < starts_on:
        errors["ends_on"] = _("An edition cannot end before it starts.")
    if errors:
        raise ValidationError(errors)
    from django.conf import settings

    languages = {code for code, _name in settings.LANGUAGES}
    title_translations = {
        code: text.strip()
        for code, text in (title_translations or {}).items()
        if code in languages and (text or "").strip()
    }
    shift = datetime.timedelta(days=(starts_on - source.starts_on).days)
    now = timezone.now()
    opens_at = max(source.enrollment_opens_at + shift, now)
    closes_at = source.enrollment_closes_at + shift
    if closes_at <= opens_at:
        closes_at = datetime.datetime.combine(ends_on, datetime.time(23, 59), tzinfo=datetime.UTC)
    copy = Cohort(
        **{f"{name}_id" if name in ("course", "delegation") else name:
           getattr(source, f"{name}_id" if name in ("course", "delegation") else name)
           for name in COPIED},
        title=title,
        title_translations=title_translations,
        starts_on=starts_on,
        ends_on=ends_on,
        enrollment_opens_at=opens_at,
        enrollment_closes_at=closes_at,
        status=Cohort.Status.DRAFT,
        created_by=by,
        creation_key=key,
    )  # fmt: skip
    copy.full_clean(exclude=["course", "delegation", "created_by", "trainers"])
    try:
        with transaction.atomic():
            copy.save()
            copy.trainers.set(source.trainers.all())
            OptionalLesson.objects.bulk_create(
                [
                    OptionalLesson(cohort=copy, lesson_id=lesson)
                    for lesson in OptionalLesson.objects.filter(cohort=source).values_list(
                        "lesson_id", flat=True
                    )
                ]
            )
            ModuleRelease.objects.bulk_create(
                [
                    ModuleRelease(
                        cohort=copy,
                        module_id=r.module_id,
                        opens_on=r.opens_on + shift if r.opens_on else None,
                        opens_after_days=r.opens_after_days,
                        due_on=r.due_on + shift if r.due_on else None,
                    )
                    for r in ModuleRelease.objects.filter(cohort=source)
                ]
            )
            progress.forget_releases()  # bulk_create sends no signal
            _copy_questionnaires(source, copy, shift, by)
            edition_rerun.send(sender=Cohort, source=source, copy=copy, shift=shift, by=by)
    except IntegrityError:
        earlier = Cohort.objects.filter(created_by=by, creation_key=key).first() if key else None
        if earlier is None:
            raise
        return earlier, False
    return copy, True


def _copy_questionnaires(source: Cohort, copy: Cohort, shift: datetime.timedelta, by: User) -> None:
    """The latest version of each questionnaire, with its questions as frozen then."""
    from enrollments.questionnaires.models import Questionnaire

    latest: dict[tuple[int, int | None], Questionnaire] = {}
    for questionnaire in Questionnaire.objects.filter(cohort=source).order_by("version"):
        latest[(questionnaire.template_id, questionnaire.after_module_id)] = questionnaire
    Questionnaire.objects.bulk_create(
        [
            Questionnaire(
                cohort=copy,
                template_id=q.template_id,
                version=1,
                after_module_id=q.after_module_id,
                opens_at=q.opens_at + shift,
                closes_at=q.closes_at + shift,
                is_anonymous=q.is_anonymous,
                reminder_days=q.reminder_days,
                questions=q.questions,
                created_by=by,
            )
            for q in latest.values()
        ]
    )
