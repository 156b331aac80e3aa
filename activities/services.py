"""NetworkActivity use cases: creating one (with the cohort that carries it), publishing it."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Country, Delegation, User
from activities.models import NetworkActivity
from courses.models import Cohort, Course
from enrollments.errors import Conflict
from enrollments.questionnaires.models import QuestionnaireTemplate

# The evaluation stays open this long after the activity's last session.
EVALUATION_OPEN = datetime.timedelta(days=21)


def _course_code() -> str:
    return f"ACT-{secrets.token_hex(4).upper()}"


@transaction.atomic
def create_activity(
    *,
    by: User,
    delegation: Delegation,
    kind: str,
    title: str,
    title_translations: dict[str, str],
    description: str,
    description_translations: dict[str, str],
    language: str,
    audience: str,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    starts_on: datetime.date,
    ends_on: datetime.date,
    seats: int,
    max_country_share: int | None = None,
    max_per_city: int | None = None,
    venue: str = "",
    place: str = "",
    country: Country | None = None,
    network_wide: bool = False,
    evaluation: QuestionnaireTemplate | None = None,
    key: str = "",
    digest: str = "",
) -> NetworkActivity:
    """A draft activity (published once it has a session). Sent twice with the same `key`, it
    makes one activity. `title` and `description` are the Spanish ones."""
    if key:
        existing = NetworkActivity.objects.filter(
            cohort__created_by=by, cohort__creation_key=key
        ).first()
        if existing is not None:
            return existing
    course = Course(
        code=_course_code(), nominal_hours=0, status=Course.Status.PUBLISHED, is_activity=True
    )
    course.set_current_language("es")
    course.certificate_title = title
    course.description = description
    course.save()
    for code, text in title_translations.items():
        course.set_current_language(code)
        course.certificate_title = text
        course.description = description_translations.get(code, "")
        course.save()
    cohort = Cohort(
        course=course,
        delegation=delegation,
        language=language,
        title=title,
        title_translations=title_translations,
        starts_on=starts_on,
        ends_on=ends_on,
        enrollment_opens_at=opens_at,
        enrollment_closes_at=closes_at,
        capacity=seats,
        has_waiting_list=True,
        visibility=audience,
        admission=Cohort.Admission.SELECTION,
        max_country_share=max_country_share,
        max_per_city=max_per_city,
        status=Cohort.Status.DRAFT,
        # Attending is what an activity asks; its sessions' hours are its certificate's.
        min_sessions_attended=1,
        session_hours_count=True,
        created_by=by,
        creation_key=key,
        creation_digest=digest,
    )
    cohort.full_clean(exclude=["course", "delegation", "created_by"])
    try:
        with transaction.atomic():
            cohort.save()
    except IntegrityError:
        return NetworkActivity.objects.get(cohort__created_by=by, cohort__creation_key=key)
    return NetworkActivity.objects.create(
        cohort=cohort,
        kind=kind,
        description=description,
        description_translations=description_translations,
        venue=venue,
        place=place,
        country=country,
        network_wide=network_wide,
        evaluation=evaluation,
    )


@transaction.atomic
def update_activity(*, activity: NetworkActivity, by: User, **values: Any) -> NetworkActivity:
    """Changes what `create_activity` set (but the creation key). Fewer seats than people
    already admitted is refused. Raised seats go to the waiting list by the balance rule once
    the organisers have admitted a first time (before that they wait for them)."""
    cohort = Cohort.objects.select_for_update().get(pk=activity.cohort_id)
    taken = cohort.enrollments.active().count()  # type: ignore[attr-defined]
    if values["seats"] < taken:
        raise ValidationError(
            {
                "seats": _("%(taken)d people are admitted already: keep at least that many seats.")
                % {"taken": taken}
            }
        )
    cohort.delegation = values["delegation"]
    cohort.language = values["language"]
    cohort.title = values["title"]
    cohort.title_translations = values["title_translations"]
    cohort.starts_on, cohort.ends_on = values["starts_on"], values["ends_on"]
    cohort.enrollment_opens_at = values["opens_at"]
    cohort.enrollment_closes_at = values["closes_at"]
    cohort.capacity = values["seats"]
    cohort.visibility = values["audience"]
    cohort.max_country_share = values.get("max_country_share")
    cohort.max_per_city = values.get("max_per_city")
    cohort.full_clean(exclude=["course", "delegation", "created_by"])
    cohort.save()
    course = cohort.course
    course.set_current_language("es")
    course.certificate_title = values["title"]
    course.description = values["description"]
    course.save()
    for code, text in values["title_translations"].items():
        course.set_current_language(code)
        course.certificate_title = text
        course.description = values["description_translations"].get(code, "")
        course.save()
    activity.cohort = cohort
    activity.kind = values["kind"]
    activity.description = values["description"]
    activity.description_translations = values["description_translations"]
    activity.venue = values.get("venue", "")
    activity.place = values.get("place", "")
    activity.country = values.get("country")
    activity.network_wide = values.get("network_wide", False)
    activity.evaluation = values.get("evaluation")
    activity.save()
    return activity


@transaction.atomic
def publish(*, activity: NetworkActivity) -> NetworkActivity:
    """Opens the activity to applications; refused while it has no session."""
    cohort = Cohort.objects.select_for_update().get(pk=activity.cohort_id)
    if cohort.status != Cohort.Status.DRAFT:
        return activity
    sessions = cohort.meetings.filter(cancelled_at__isnull=True)  # type: ignore[attr-defined]
    if not sessions.exists():
        raise Conflict(
            _("Schedule at least one session before publishing the activity."),
            code="no_sessions",
        )
    cohort.status = Cohort.Status.OPEN
    cohort.save(update_fields=["status"])
    activity.cohort = cohort
    return activity


def apply_state(activity: NetworkActivity, user: Any) -> str:
    """What the activity's page offers this person: "apply", "applied", "admitted",
    "closed", "sign_in"."""
    from enrollments.models import Enrollment

    cohort = activity.cohort
    if user.is_authenticated:
        mine = Enrollment.objects.filter(cohort=cohort, learner=user).first()
        if mine is not None and mine.status == Enrollment.Status.WAITLISTED:
            return "applied"
        if mine is not None and mine.holds_a_seat:
            return "admitted"
    if not cohort.is_enrollment_open():
        return "closed"
    return "apply" if user.is_authenticated else "sign_in"


def open_evaluation(*, activity: NetworkActivity, ended_at: datetime.datetime) -> bool:
    """Attaches the activity's evaluation questionnaire, open to those who attended from the
    end of its last session for three weeks. Again for the same ending, it changes nothing;
    True when it attached it now."""
    from enrollments.questionnaires import services as questionnaires

    cohort = activity.cohort
    if activity.evaluation is None or cohort.created_by is None:
        return False
    try:
        _questionnaire, created = questionnaires.attach_questionnaire(
            cohort=cohort,
            template=activity.evaluation,
            opens_at=ended_at,
            closes_at=ended_at + EVALUATION_OPEN,
            by=cohort.created_by,
        )
    except ValidationError:
        # The organiser lost the right, or attached it by hand with other dates: theirs stays.
        return False
    return created
