"""Progress use cases: lessons viewed and done, xAPI statements, completion."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Avg, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token
from wagtail.models import Locale

from accounts import access
from accounts.models import User
from cms.models import Activity, CourseLesson, CoursePage, LessonPage
from cms.services import ActivityRef, find_activity
from config.db import prepared_cursor
from courses.models import Cohort
from enrollments import xapi
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import (
    ActivityResult,
    Enrollment,
    LessonProgress,
    ManualCompletion,
    OptionalLesson,
    Statement,
)
from enrollments.questionnaires import services as questionnaires
from enrollments.signals import enrollment_completed

VERBS = "http://adlnet.gov/expapi/verbs/"
FINISHING_VERBS = {
    f"{VERBS}{verb}" for verb in ("completed", "answered", "passed", "failed", "mastered")
}
MAX_BATCH = 100
LAST_ACTIVITY_PRECISION = datetime.timedelta(minutes=1)
MAX_REASON = 2000


def lesson_by_key(translation_key: object, *, live: bool = True) -> LessonPage | None:
    """The lesson a translation key names, original first: a translated lesson shares its key
    with the original, so the key alone matches one page per language."""
    pages = LessonPage.objects.live() if live else LessonPage.objects.all()
    default = Locale.get_default().pk
    found = list(pages.filter(translation_key=translation_key))
    found.sort(key=lambda page: page.locale_id != default)
    return found[0] if found else None


def original_lesson(lesson: LessonPage) -> LessonPage:
    """Progress belongs to the Spanish original, whatever language the learner reads."""
    if lesson.locale_id == Locale.get_default().pk:
        return lesson
    original = lesson.get_translation_or_none(Locale.get_default())
    return original.specific if original is not None else lesson


def enrollments_for_lesson(*, learner: User, lesson: LessonPage) -> list[Enrollment]:
    course_page = CoursePage.objects.ancestor_of(lesson).only("course_id").first()
    if course_page is None or not learner.is_authenticated:
        return []
    return list(
        Enrollment.objects.filter(learner=learner, cohort__course_id=course_page.course_id).active()
    )


@transaction.atomic
def record_lesson_view(*, learner: User, lesson: LessonPage) -> None:
    """Notes the first view of a lesson and where the learner left off, in each of their cohorts."""
    lesson = original_lesson(lesson)
    now = timezone.now()
    for enrollment in enrollments_for_lesson(learner=learner, lesson=lesson):
        # The enrolment row first, as a statement locks it before the lesson's progress: two
        # requests locking them in opposite orders deadlock on PostgreSQL.
        Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson, last_activity_at=now)
        LessonProgress.objects.get_or_create(
            enrollment=enrollment, lesson=lesson, defaults={"viewed_at": now}
        )


@transaction.atomic
def opens_on(*, enrollment: Enrollment, lesson: LessonPage) -> datetime.date | None:
    """The day the (original) lesson's module opens for this learner, while it is closed;
    None when it is open. One query (the module is the lesson's parent in the page tree)."""
    return module_opens_on(enrollment=enrollment, module_path=lesson.path[: -LessonPage.steplen])


def module_opens_on(*, enrollment: Enrollment, module_path: str) -> datetime.date | None:
    """The day the module (the original, by its tree path) opens for this learner, while it
    is closed; None when it is open."""
    from enrollments.models import ModuleRelease

    release = ModuleRelease.objects.filter(
        cohort_id=enrollment.cohort_id, module__path=module_path
    ).first()
    day = release.opens_for(enrollment) if release is not None else None
    return day if day is not None and day > timezone.localdate() else None


# Whether a course has an edition with a module that opens later, per course, kept a few
# seconds: statements of courses without dated release (most) cost no query for it. Saving or
# deleting a release empties it in this process (enrollments.receivers); others follow within
# the delay.
_RELEASED: dict[int, tuple[float, bool]] = {}
_RELEASED_FOR_SECONDS = 30.0


def course_releases_modules(course_id: int) -> bool:
    from enrollments.models import ModuleRelease

    now = time.monotonic()
    cached = _RELEASED.get(course_id)
    if cached is not None and cached[0] > now:
        return cached[1]
    found = (
        ModuleRelease.objects.filter(cohort__course_id=course_id)
        .filter(Q(opens_on__gt=timezone.localdate()) | Q(opens_after_days__gt=0))
        .exists()
    )
    if len(_RELEASED) > 10_000:
        _RELEASED.clear()
    _RELEASED[course_id] = (now + _RELEASED_FOR_SECONDS, found)
    return found


def forget_releases() -> None:
    _RELEASED.clear()


def _refuse_if_closed(*, learner: User, activity: ActivityRef) -> None:
    """A statement for an activity of a module not yet open to the learner (in any of their
    editions of the course) is refused: the lesson shows no activity until then."""
    lesson = LessonPage.objects.only("path").filter(pk=activity.lesson_id).first()
    enrollments = list(
        Enrollment.objects.filter(learner=learner, cohort__course_id=activity.course_id).active()
    )
    if lesson is None or not enrollments:
        return  # refused later as "not in your cohorts"
    closed = [opens_on(enrollment=e, lesson=lesson) for e in enrollments]
    if all(closed):
        day = min(d for d in closed if d is not None)
        raise NotAllowed(
            _("This module opens on %(date)s.") % {"date": formats.date_format(day)},
            code="module_closed",
        )


def mark_lesson_done(*, learner: User, lesson: LessonPage) -> list[Enrollment]:
    """A learner closes a lesson that has no required activity; activities complete the others."""
    lesson = original_lesson(lesson)
    if Activity.objects.required().filter(lesson=lesson).exists():
        raise ValidationError(
            _("This lesson is completed by finishing its activities."), code="lesson_has_activities"
        )
    enrollments = enrollments_for_lesson(learner=learner, lesson=lesson)
    if not enrollments:
        raise NotAllowed(_("You are not enrolled in a cohort of this course."), code="not_enrolled")
    closed = {e.pk: opens_on(enrollment=e, lesson=lesson) for e in enrollments}
    if all(closed.values()):
        day = min(d for d in closed.values() if d is not None)
        raise NotAllowed(
            _("This module opens on %(date)s.") % {"date": formats.date_format(day)},
            code="module_closed",
        )
    enrollments = [e for e in enrollments if not closed[e.pk]]
    for enrollment in enrollments:
        _complete_lesson(enrollment=enrollment, lesson=lesson)
    return enrollments


@transaction.atomic
def complete_by_hand(
    *,
    actor: User,
    enrollment: Enrollment,
    reason: str,
    lesson: LessonPage | None = None,
    force: bool = False,
) -> Enrollment:
    """A trainer or coordinator completes a lesson, or the whole enrolment, with a reason.
    Completing the enrolment before its edition starts is refused unless `force`d: a
    certificate must not say someone took a course that has not begun."""
    if not access.can_follow_cohort(actor, enrollment.cohort):
        raise NotAllowed(_("You do not follow this cohort."), code="forbidden")
    if not reason.strip():
        raise ValidationError(_("Say why you complete it by hand."), code="reason_required")
    if len(reason.strip()) > MAX_REASON:
        raise ValidationError(
            _("Say it in at most %(limit)d characters.") % {"limit": MAX_REASON},
            code="reason_too_long",
        )
    enrollment = (
        Enrollment.objects.select_for_update().select_related("cohort").get(pk=enrollment.pk)
    )
    if enrollment.status not in (Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED):
        raise Conflict(_("Only an active enrolment can be completed."), code="not_active")
    if lesson is None and not force and timezone.localdate() < enrollment.cohort.starts_on:
        raise Conflict(
            _(
                "The edition starts on %(date)s: completing it before then needs “force” and a "
                "reason that says why."
            )
            % {"date": formats.date_format(enrollment.cohort.starts_on, "DATE_FORMAT")},
            code="before_start",
        )
    if (
        lesson is not None
        and not CourseLesson.objects.filter(
            course_id=enrollment.cohort.course_id, lesson=original_lesson(lesson)
        ).exists()
    ):
        raise ValidationError(
            _("This lesson is not part of the edition's course."), code="other_course"
        )
    ManualCompletion.objects.create(
        enrollment=enrollment, lesson=lesson, granted_by=actor, reason=reason.strip()
    )
    if lesson is not None:
        _complete_lesson(
            enrollment=enrollment, lesson=original_lesson(lesson), by=actor, reason=reason
        )
    else:
        _mark_enrollment_complete(enrollment=enrollment, by=actor, reason=reason)
    enrollment.refresh_from_db()
    return enrollment


# Statements ----------------------------------------------------------------------------------


def record_statements(*, learner: User, statements: Any) -> list[str]:
    """Stores xAPI statements for `learner`; all of a batch or none. Returns their ids."""
    if isinstance(statements, dict):
        statements = [statements]
    if not isinstance(statements, list) or not statements:
        raise ValidationError(
            _("Send one xAPI statement or a list of them."), code="malformed_statement"
        )
    if len(statements) > MAX_BATCH:
        raise ValidationError(
            _("Send at most %(count)d statements at once.") % {"count": MAX_BATCH},
            code="batch_too_large",
        )
    parsed = [_parse(statement) for statement in statements]
    if len(parsed) == 1 and connection.vendor == "postgresql":
        # One statement is one SQL statement there, atomic on its own: no BEGIN and COMMIT
        # round trips (what completion does after it has a transaction of its own).
        return [_store(learner=learner, **parsed[0])]
    with transaction.atomic():
        return [_store(learner=learner, **item) for item in parsed]


def record_by_token(*, key: str, statements: Any, speak: Callable[[str], None]) -> str | None:
    """One statement sent with an API token, on PostgreSQL: the token's holder is found in
    the same SQL statement that stores it, a round trip fewer than authenticating first
    (bench/ingest.py). `speak` is given the learner's language before any completion work.

    None, with nothing written, when the statement needs the ordinary path, which
    authenticates first (a wrong token is answered 401 before anything about the body) and
    answers in the learner's language: a batch, a statement refused for its shape or its
    activity, a token no active account holds, a learner not enrolled, a statement stored
    before (a retry or a conflict), an activity in a course that opens modules over time."""
    if connection.vendor != "postgresql":
        return None
    if isinstance(statements, list) and len(statements) == 1:
        statements = statements[0]
    if not isinstance(statements, dict):
        return None
    try:
        parsed = _parse(statements)
    except ValidationError:
        return None
    activity = find_activity(parsed["activity_key"])
    if activity is None or course_releases_modules(activity.course_id):
        return None
    now = timezone.now()
    statement = _statement(activity=activity, at=now, **parsed)
    stored = _store_in_one_round_trip(
        statement,
        activity=activity,
        scaled=parsed["scaled"],
        finishes=parsed["finishes"],
        token=key,
    )
    if stored is None or not stored.inserted:
        return None
    speak(stored.language)
    if parsed["finishes"]:
        _after_finishing(stored, activity=activity, scaled=parsed["scaled"], at=now)
    return str(parsed["statement_id"])


def _statement(
    *,
    activity: ActivityRef,
    at: datetime.datetime,
    learner: User | None = None,
    statement_id: uuid.UUID,
    verb: str,
    raw: Decimal | None,
    maximum: Decimal | None,
    scaled: Decimal | None,
    success: bool | None,
    finishes: bool,
    digest: str,
    payload: dict[str, Any],
    **_parsed: Any,
) -> Statement:
    """The row a parsed statement becomes (its learner is found with its token by
    `record_by_token`)."""
    return Statement(
        id=statement_id,
        learner=learner,
        activity_id=activity.pk,
        verb=verb,
        raw_score=raw,
        max_score=maximum,
        scaled_score=scaled,
        success=success,
        finishes_activity=finishes,
        content_digest=digest,
        payload=payload,
        stored_at=at,
    )


def _parse(statement: Any) -> dict[str, Any]:
    xapi.check_shape(statement)
    key = xapi.activity_key(statement["object"]["id"])
    if key is None:
        raise ValidationError(
            _("The statement's object is not an Aula activity."),
            code="unknown_activity",
            params={"at": "object.id"},
        )
    result = statement.get("result") or {}
    raw, maximum = xapi.score(result)
    scaled = None
    if raw is not None and maximum is not None:
        scaled = (raw / maximum).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    parents = (statement.get("context") or {}).get("contextActivities", {}).get("parent")
    verb = statement["verb"]["id"]
    # Digest what identifies the statement; the actor and times are the server's to set.
    content = {
        k: v for k, v in statement.items() if k not in {"actor", "timestamp", "stored", "authority"}
    }
    return {
        "statement_id": uuid.UUID(statement["id"]),
        "activity_key": key,
        "verb": verb,
        "raw": raw,
        "maximum": maximum,
        "scaled": scaled,
        "success": result.get("success"),
        "finishes": verb in FINISHING_VERBS and not parents,
        "digest": hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest(),
        "payload": statement,
    }


def _store(
    *,
    learner: User,
    statement_id: uuid.UUID,
    activity_key: uuid.UUID,
    verb: str,
    raw: Decimal | None,
    maximum: Decimal | None,
    scaled: Decimal | None,
    success: bool | None,
    finishes: bool,
    digest: str,
    payload: dict[str, Any],
) -> str:
    activity = find_activity(activity_key)
    if activity is None:
        raise ValidationError(_("There is no such activity."), code="unknown_activity")
    if course_releases_modules(activity.course_id):
        _refuse_if_closed(learner=learner, activity=activity)
    now = timezone.now()
    statement = _statement(
        activity=activity,
        at=now,
        learner=learner,
        statement_id=statement_id,
        verb=verb,
        raw=raw,
        maximum=maximum,
        scaled=scaled,
        success=success,
        finishes=finishes,
        digest=digest,
        payload=payload,
    )
    stored = (
        _store_in_one_round_trip(
            statement, activity=activity, scaled=scaled, finishes=finishes, learner=learner.pk
        )
        if connection.vendor == "postgresql"
        else _store_step_by_step(statement, activity=activity, scaled=scaled, finishes=finishes)
    )
    if stored is None:
        raise NotAllowed(
            _("This activity is not in a cohort you are enrolled in."),
            code="activity_not_in_your_cohorts",
        )
    if not stored.inserted:
        # Stored already (a retry, or the same id sent twice at once): judge this copy by it.
        known = (
            Statement.objects.filter(pk=statement_id).values("learner_id", "content_digest").first()
        )
        _already_stored(known, learner=learner, digest=digest, statement_id=statement_id)
        if finishes:
            # Had the first copy's completion work failed after it was stored, the retry does
            # it (it is idempotent): a learner never stays one lesson short.
            with transaction.atomic():
                enrollment = Enrollment.objects.select_related("cohort").get(
                    pk=stored.enrollment_id
                )
                _refresh_lesson(enrollment=enrollment, lesson_id=activity.lesson_id)
        return str(statement_id)
    if finishes:
        _after_finishing(stored, activity=activity, scaled=scaled, at=now)
    return str(statement_id)


@dataclass(frozen=True)
class Stored:
    """What storing a statement changed, and what completion needs to know of it."""

    inserted: bool
    enrollment_id: int
    learner_id: int
    status: str
    completed_lessons: int
    score_policy: str
    min_score: int | None
    required_lessons: int | None  # None: not counted (the step-by-step path counts if needed)
    cohort_id: int
    best: Any = None
    last: Any = None
    finished: Any = None
    language: str = ""  # the learner's preferred language, read with their token


def _store_step_by_step(
    statement: Statement, *, activity: ActivityRef, scaled: Decimal | None, finishes: bool
) -> Stored | None:
    """The portable path (SQLite): the enrolment, the row, the result, each on its own."""
    enrollment = (
        Enrollment.objects.filter(learner=statement.learner, cohort__course_id=activity.course_id)
        .active()
        .select_related("cohort")
        .order_by("-enrolled_at")
        .first()
    )
    if enrollment is None:
        return None
    statement.enrollment = enrollment
    found = Stored(
        inserted=False,
        enrollment_id=enrollment.pk,
        learner_id=enrollment.learner_id,
        status=enrollment.status,
        completed_lessons=enrollment.completed_lessons,
        score_policy=enrollment.cohort.score_policy,
        min_score=enrollment.cohort.min_score,
        required_lessons=None,
        cohort_id=enrollment.cohort_id,
    )
    if not _insert_once(statement):
        return found
    best, last, finished = _upsert_result(
        enrollment_id=enrollment.pk,
        activity_id=activity.pk,
        scaled=scaled,
        finished_at=statement.stored_at if finishes else None,
    )
    Enrollment.objects.filter(pk=enrollment.pk).filter(
        Q(last_activity_at__isnull=True)
        | Q(last_activity_at__lt=statement.stored_at - LAST_ACTIVITY_PRECISION)
    ).update(last_activity_at=statement.stored_at)
    return dataclasses.replace(found, inserted=True, best=best, last=last, finished=finished)


@functools.cache
def _one_round_trip_sql(*, by_token: bool) -> tuple[list[Any], str]:
    """The statement's columns and the SQL, built once per process (the field types alone
    cost a fifth of a millisecond). `by_token`: the learner is whoever holds the token given
    as the first parameter, an active account (`record_by_token`), instead of a user id."""
    from_enrollment = {"enrollment_id", "learner_id"}
    fields = [f for f in Statement._meta.concrete_fields if f.attname not in from_enrollment]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    # Typed: the statement is prepared (config.db), and PostgreSQL then needs each type.
    typed = ", ".join(f"%s::{f.cast_db_type(connection)}" for f in fields)
    score_type = ActivityResult._meta.get_field("best_scaled").cast_db_type(connection)
    token_table = quote(Token._meta.db_table)
    learner = (
        f"""JOIN accounts_user u ON u.id = en.learner_id
            JOIN {token_table} t ON t.user_id = u.id
            WHERE t.key = %s::varchar AND u.is_active"""
        if by_token
        else "WHERE en.learner_id = %s::bigint"
    )
    language = "u.preferred_language" if by_token else "NULL::varchar"
    sql = f"""
        WITH e AS (
            SELECT en.id, en.learner_id, en.status, en.completed_lessons, en.cohort_id,
                   co.score_policy, co.min_score, co.course_id, co.required_lessons_at_close,
                   {language} AS language
            FROM enrollments_enrollment en JOIN courses_cohort co ON co.id = en.cohort_id
            {learner} AND co.course_id = %s::bigint
              AND en.status = ANY(%s::varchar[])
            ORDER BY en.enrolled_at DESC LIMIT 1
        ),
        ins AS (
            INSERT INTO enrollments_statement ({columns}, learner_id, enrollment_id)
            SELECT {typed}, e.learner_id, e.id FROM e
            ON CONFLICT (id) DO NOTHING
            RETURNING enrollment_id
        ),
        res AS (
            INSERT INTO enrollments_activityresult AS r
                (enrollment_id, activity_id, attempts, best_scaled, last_scaled, finished_at)
            SELECT ins.enrollment_id, %s::bigint, 1, %s::{score_type}, %s::{score_type},
                   %s::timestamptz FROM ins
            ON CONFLICT (enrollment_id, activity_id) DO UPDATE SET
              attempts = r.attempts + 1,
              best_scaled = CASE
                WHEN r.best_scaled IS NULL OR excluded.best_scaled > r.best_scaled
                THEN excluded.best_scaled ELSE r.best_scaled END,
              last_scaled = COALESCE(excluded.last_scaled, r.last_scaled),
              finished_at = COALESCE(r.finished_at, excluded.finished_at)
            RETURNING best_scaled, last_scaled, finished_at
        ),
        touched AS (
            UPDATE enrollments_enrollment SET last_activity_at = %s::timestamptz
            WHERE id IN (SELECT enrollment_id FROM ins)
              AND (last_activity_at IS NULL OR last_activity_at < %s::timestamptz)
            RETURNING id
        )
        SELECT e.id, e.learner_id, e.language, e.status, e.completed_lessons, e.score_policy,
               e.min_score, e.cohort_id, (SELECT count(*) FROM ins) > 0,
               res.best_scaled, res.last_scaled, res.finished_at,
               -- Only an edition with a minimum score completes on a score (_after_finishing).
               CASE WHEN e.min_score IS NOT NULL THEN COALESCE(e.required_lessons_at_close, (
                 SELECT count(*) FROM cms_courselesson cl
                 WHERE cl.course_id = e.course_id AND cl.is_live
                   AND cl.lesson_id NOT IN (
                     SELECT ol.lesson_id FROM enrollments_optionallesson ol
                     WHERE ol.cohort_id = e.cohort_id))) END
        FROM e LEFT JOIN res ON true
    """
    return fields, sql


def _store_in_one_round_trip(
    statement: Statement,
    *,
    activity: ActivityRef,
    scaled: Decimal | None,
    finishes: bool,
    learner: int | None = None,
    token: str | None = None,
) -> Stored | None:
    """PostgreSQL: finds the learner's enrolment (the learner by id, or by the API token they
    hold), inserts the statement once, keeps the result's attempts and scores and touches the
    enrolment in one statement (data-modifying CTEs), so a statement costs one round trip;
    bench/ingest.py measures it. None: no active enrolment in the course (or, by token, no
    active account holds it)."""
    fields, sql = _one_round_trip_sql(by_token=token is not None)
    values = [f.get_db_prep_save(getattr(statement, f.attname), connection) for f in fields]
    result = ActivityResult._meta
    score = result.get_field("best_scaled").get_db_prep_save(scaled, connection)
    stamp = result.get_field("finished_at").get_db_prep_save(
        statement.stored_at if finishes else None, connection
    )
    holding = list(Enrollment.HOLDING_A_SEAT)
    params = [
        token if token is not None else learner,
        activity.course_id,
        holding,
        *values,
        activity.pk,
        score,
        score,
        stamp,
        statement.stored_at,
        # Kept to the minute: a learner answering question after question does not rewrite
        # their enrolment's row with every answer.
        statement.stored_at - LAST_ACTIVITY_PRECISION,
    ]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    (pk, learner_id, language, status, done, policy, min_score, cohort_id, inserted) = row[:9]
    best, last, finished, required = row[9:]
    return Stored(
        inserted=bool(inserted),
        learner_id=learner_id,
        language=language or "",
        enrollment_id=pk,
        status=status,
        completed_lessons=done,
        score_policy=policy,
        min_score=min_score,
        required_lessons=required,
        cohort_id=cohort_id,
        best=best,
        last=last,
        finished=finished,
    )


def _insert_once(statement: Statement) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: one round trip, and True only for the first copy."""
    fields = Statement._meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    values = [f.get_db_prep_save(getattr(statement, f.attname), connection) for f in fields]
    sql = (
        f"INSERT INTO {quote(Statement._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote('id')}) DO NOTHING RETURNING {quote('id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone() is not None


def _already_stored(known: Any, *, learner: User, digest: str, statement_id: uuid.UUID) -> str:
    if known is None or known["learner_id"] != learner.pk or known["content_digest"] != digest:
        raise Conflict(
            _("A different statement with this id was stored already."), code="statement_conflict"
        )
    return str(statement_id)


def _upsert_result(
    *,
    enrollment_id: int,
    activity_id: int,
    scaled: Decimal | None,
    finished_at: datetime.datetime | None,
) -> tuple[Any, Any, Any]:
    """Counts the attempt and keeps the best and last scores, in one upsert."""
    table = ActivityResult._meta.db_table
    stamp = ActivityResult._meta.get_field("finished_at").get_db_prep_save(finished_at, connection)
    score = ActivityResult._meta.get_field("best_scaled").get_db_prep_save(scaled, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (enrollment_id, activity_id, attempts, best_scaled, last_scaled,
                                 finished_at)
            VALUES (%s, %s, 1, %s, %s, %s)
            ON CONFLICT (enrollment_id, activity_id) DO UPDATE SET
              attempts = {table}.attempts + 1,
              best_scaled = CASE
                WHEN {table}.best_scaled IS NULL OR excluded.best_scaled > {table}.best_scaled
                THEN excluded.best_scaled ELSE {table}.best_scaled END,
              last_scaled = COALESCE(excluded.last_scaled, {table}.last_scaled),
              finished_at = COALESCE({table}.finished_at, excluded.finished_at)
            RETURNING best_scaled, last_scaled, finished_at
            """,
            [enrollment_id, activity_id, score, score, stamp],
        )
        best, last, finished = cursor.fetchone()
    return best, last, finished


def _after_finishing(
    stored: Stored, *, activity: ActivityRef, scaled: Decimal | None, at: datetime.datetime
) -> None:
    """A finishing statement may complete its lesson (the first time it finishes the activity)
    or, with a minimum score, the enrolment (when it raises the counted score). A transaction
    only where there is work: most answers change neither."""
    if _same_instant(stored.finished, at):  # this statement finished the activity
        with transaction.atomic():
            enrollment = Enrollment.objects.select_related("cohort").get(pk=stored.enrollment_id)
            _refresh_lesson(enrollment=enrollment, lesson_id=activity.lesson_id)
        return
    counted = stored.best if stored.score_policy == Cohort.ScorePolicy.BEST else stored.last
    if (
        scaled is None
        or counted is None
        or Decimal(str(counted)) != scaled
        or stored.status != Enrollment.Status.ACTIVE
        or stored.min_score is None
    ):
        return
    # Only a learner with every lesson done can be waiting on their score.
    if stored.required_lessons is not None and stored.completed_lessons < stored.required_lessons:
        return
    with transaction.atomic():
        enrollment = Enrollment.objects.select_related("cohort").get(pk=stored.enrollment_id)
        if stored.completed_lessons < required_lesson_count(enrollment.cohort):
            return
        _refresh_enrollment(enrollment)  # the counted score may now meet the minimum


def _same_instant(stored: Any, moment: datetime.datetime) -> bool:
    """Compares a timestamp read back from raw SQL (aware, naive UTC or text) with `moment`."""
    if stored is None:
        return False
    if isinstance(stored, str):
        stored = datetime.datetime.fromisoformat(stored)
    if timezone.is_naive(stored):
        stored = timezone.make_aware(stored, datetime.UTC)
    return bool(stored == moment)


# Completion ----------------------------------------------------------------------------------


def _refresh_lesson(*, enrollment: Enrollment, lesson_id: int) -> None:
    required = Activity.objects.required().filter(lesson_id=lesson_id)
    finished = ActivityResult.objects.filter(
        enrollment=enrollment, activity__in=required, finished_at__isnull=False
    ).count()
    if finished >= required.count():
        _complete_lesson(enrollment=enrollment, lesson=LessonPage(pk=lesson_id))


@transaction.atomic
def _complete_lesson(
    *, enrollment: Enrollment, lesson: LessonPage, by: User | None = None, reason: str = ""
) -> None:
    now = timezone.now()
    # The enrolment row first, as viewing a lesson does (record_lesson_view): locking the
    # lesson's progress and then the enrolment, while a view of the lesson locks them the
    # other way round, deadlocked on PostgreSQL.
    Enrollment.objects.select_for_update().filter(pk=enrollment.pk).values_list("pk").first()
    progress, created = LessonProgress.objects.get_or_create(
        enrollment=enrollment,
        lesson_id=lesson.pk,
        defaults={
            "viewed_at": now,
            "completed_at": now,
            "completed_by": by,
            "completion_reason": reason,
        },
    )
    if not created:
        updated = LessonProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
            completed_at=now, completed_by=by, completion_reason=reason
        )
        if not updated:
            return
    _refresh_enrollment(enrollment)


def required_lesson_count(cohort: Cohort) -> int:
    """What the edition requires: fixed once it closed, else its course's live lessons less
    those it makes optional (a lesson published while it runs counts for whoever has not
    completed yet; completed enrolments stay completed)."""
    if cohort.required_lessons_at_close is not None:
        return cohort.required_lessons_at_close
    return live_required_lesson_count(cohort)


def live_required_lesson_count(cohort: Cohort) -> int:
    return (
        CourseLesson.objects.filter(course_id=cohort.course_id, is_live=True)
        .exclude(lesson__in=OptionalLesson.objects.filter(cohort=cohort).values("lesson"))
        .count()
    )


def _refresh_enrollment(enrollment: Enrollment) -> None:
    cohort = enrollment.cohort
    optional = OptionalLesson.objects.filter(cohort=cohort).values("lesson")
    done = (
        LessonProgress.objects.filter(enrollment=enrollment, completed_at__isnull=False)
        .exclude(lesson__in=optional)
        .count()
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_lessons=done)
    required = required_lesson_count(cohort)
    # A course with no indexed lesson is never completed by accident: only by hand. A network
    # activity (its course record has no lessons) is completed by attending its sessions.
    by_attendance = not required and cohort.course.is_activity
    if not by_attendance and (not required or done < required):
        return
    if by_attendance and _sessions_to_come(cohort):
        return  # its certificate states the hours attended: only once every session is over
    if cohort.requires_questionnaire and not questionnaires.has_answered_all(enrollment):
        return
    if cohort.min_score is not None and average_score(enrollment) * 100 < cohort.min_score:
        return
    if sessions_missing(enrollment):
        return  # attendance set later re-evaluates completion (meetings.services)
    if posts_missing(enrollment):
        return  # a post written later re-evaluates completion (discussions.services)
    if assignments_missing(enrollment):
        return  # a review accepting the work re-evaluates completion (assignments.services)
    if (ready_on := completes_on(enrollment)) is not None and timezone.now() < ready_on:
        return  # complete_after_waiting completes it on the day
    _mark_enrollment_complete(enrollment=enrollment)


def _sessions_to_come(cohort: Cohort) -> bool:
    """Whether a session of the cohort has not ended yet (by name: sessions live above)."""
    sessions = cohort.meetings.filter(cancelled_at__isnull=True)  # type: ignore[attr-defined]
    return bool(sessions.filter(ends_at__gt=timezone.now()).exists())


def sessions_missing(enrollment: Enrollment) -> int:
    """How many more sessions the learner must attend: the edition's minimum, and every session
    marked as required. Cancelled sessions do not count; an excused absence is no presence.
    By name: sessions live in the `meetings` app, above this one."""
    cohort = enrollment.cohort
    sessions = cohort.meetings.filter(cancelled_at__isnull=True)  # type: ignore[attr-defined]
    required = sessions.filter(is_required=True)
    if not cohort.min_sessions_attended and not required.exists():
        return 0
    present = enrollment.attendances.filter(  # type: ignore[attr-defined]
        status="present", meeting__cancelled_at__isnull=True
    )
    attended = present.count()
    missed_required = required.exclude(pk__in=present.values("meeting_id")).count()
    short = max(0, (cohort.min_sessions_attended or 0) - attended)
    return max(short, missed_required)


def posts_missing(enrollment: Enrollment) -> int:
    """How many more posts or replies the edition asks of the learner in its discussions
    (hidden and deleted ones do not count). By name: discussions live above this app."""
    wanted = enrollment.cohort.min_discussion_posts
    if not wanted:
        return 0
    written = enrollment.learner.discussion_posts.filter(  # type: ignore[attr-defined]
        thread__cohort_id=enrollment.cohort_id, hidden_at=None, deleted_at=None
    ).count()
    return max(0, wanted - written)


def assignments_missing(enrollment: Enrollment) -> int:
    """How many of the course's assignments still wait for the trainers to accept the learner's
    work, when the edition asks for it. The assignments are the blocks of the course's live
    lessons (by id, as submissions name them); submissions are read by name (`assignments`
    lives above this app)."""
    if not enrollment.cohort.requires_accepted_assignments:
        return 0
    wanted = assignment_ids(enrollment.cohort.course_id)
    accepted = enrollment.submissions.filter(  # type: ignore[attr-defined]
        status="accepted", block_id__in=wanted
    ).count()
    return max(0, len(wanted) - accepted)


def assignment_ids(course_id: int) -> set[str]:
    """The ids of the assignment blocks in the course's live lessons (the originals)."""
    lessons = LessonPage.objects.filter(
        pk__in=CourseLesson.objects.filter(course_id=course_id, is_live=True).values("lesson")
    ).only("body")
    return {
        str(block["id"])
        for lesson in lessons
        for block in lesson.body.raw_data
        if block.get("type") == "assignment" and block.get("id")
    }


def completes_on(enrollment: Enrollment) -> datetime.datetime | None:
    """The earliest moment the edition lets this enrolment complete (None: no wait)."""
    days = enrollment.cohort.min_days_enrolled
    if not days or enrollment.enrolled_at is None:
        return None
    return enrollment.enrolled_at + datetime.timedelta(days=days)


def complete_after_waiting() -> int:
    """Completes the enrolments that had done everything and were waiting for the edition's
    minimum days to pass (a scheduled job; run again, it changes nothing). Returns how many."""
    now = timezone.now()
    # Only those still active in editions with a wait: a short list, read once.
    waiting = (
        Enrollment.objects.filter(
            status=Enrollment.Status.ACTIVE,
            cohort__min_days_enrolled__isnull=False,
            enrolled_at__isnull=False,
        )
        .with_required_lessons()
        .select_related("cohort")
    )
    ids = [
        enrollment.pk
        for enrollment in waiting
        if enrollment.has_done_required_lessons
        and (ready := completes_on(enrollment)) is not None
        and ready <= now
    ]
    for enrollment_id in ids:
        refresh_completion(enrollment_id=enrollment_id)
    return len(ids)


@dataclass
class Standing:
    """Where a learner stands once every required lesson is done: what completes the course,
    or that it is complete; for the lesson page to say what happens next."""

    done_all_lessons: bool
    completed: bool = False
    needs_questionnaire: bool = False
    score: int | None = None  # the average that counts, in %, when below the minimum
    min_score: int | None = None
    completes_on: datetime.datetime | None = None
    sessions_missing: int = 0


def standing(enrollment: Enrollment) -> Standing:
    cohort = enrollment.cohort
    if enrollment.status == Enrollment.Status.COMPLETED:
        return Standing(done_all_lessons=True, completed=True)
    required = required_lesson_count(cohort)
    if not required or enrollment.completed_lessons < required:
        return Standing(done_all_lessons=False)
    result = Standing(done_all_lessons=True)
    if cohort.requires_questionnaire and not questionnaires.has_answered_all(enrollment):
        result.needs_questionnaire = True
    if cohort.min_score is not None:
        score = round(average_score(enrollment) * 100)
        if score < cohort.min_score:
            result.score, result.min_score = score, cohort.min_score
    result.sessions_missing = sessions_missing(enrollment)
    ready_on = completes_on(enrollment)
    if ready_on is not None and timezone.now() < ready_on:
        result.completes_on = ready_on
    return result


def refresh_completion(*, enrollment_id: int) -> None:
    """Completion looked at again, e.g. once the cohort's questionnaire is answered."""
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update().select_related("cohort").get(pk=enrollment_id)
        )
        if enrollment.status == Enrollment.Status.ACTIVE:
            _refresh_enrollment(enrollment)


def average_score(enrollment: Enrollment) -> Decimal:
    """The average over required activities of the attempt the cohort counts (0 if unscored)."""
    field = (
        "best_scaled"
        if enrollment.cohort.score_policy == Cohort.ScorePolicy.BEST
        else "last_scaled"
    )
    required = Activity.objects.required().filter(course_id=enrollment.cohort.course_id)
    scored = ActivityResult.objects.filter(enrollment=enrollment, activity__in=required)
    count = required.count()
    if not count:
        return Decimal(1)
    total = scored.aggregate(total=Avg(field))["total"] or Decimal(0)
    # Unattempted required activities count as zero.
    return Decimal(total) * scored.filter(**{f"{field}__isnull": False}).count() / count


def _mark_enrollment_complete(
    *, enrollment: Enrollment, by: User | None = None, reason: str = ""
) -> None:
    # Conditional update: a second caller finds the row completed and sends nothing.
    updated = Enrollment.objects.filter(pk=enrollment.pk, status=Enrollment.Status.ACTIVE).update(
        status=Enrollment.Status.COMPLETED,
        completed_at=timezone.now(),
        completed_by=by,
        completion_reason=reason,
    )
    if updated:
        transaction.on_commit(
            lambda: enrollment_completed.send(
                sender=Enrollment, enrollment=Enrollment.objects.get(pk=enrollment.pk)
            )
        )


def passed(*, enrollment: Enrollment, result: ActivityResult) -> bool | None:
    """Pass or fail by the cohort's minimum score, not the package's own mark."""
    if enrollment.cohort.min_score is None or result.finished_at is None:
        return None
    field = (
        result.best_scaled
        if enrollment.cohort.score_policy == Cohort.ScorePolicy.BEST
        else result.last_scaled
    )
    return field is not None and field * 100 >= enrollment.cohort.min_score
