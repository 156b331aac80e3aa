"""Report figures: aggregates computed in the database, returned as plain dataclasses in which
every count of people is already suppressed (`publishing`, `suppression`).

A report covers one cohort or several (a delegation's over a period). Each cohort's figures are
computed as its own report shows them, so that figures over several cohorts can be checked
against them: a figure over the cohorts is hidden when, beside the cohorts' own, it would give
a hidden one away. The number of queries depends on neither learners, lessons nor cohorts.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import ExtractYear, TruncWeek
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import Country, MemberCity, User
from cms.models import Activity, CourseLesson, LessonPage
from courses.models import Cohort, Course
from enrollments.models import ActivityResult, Enrollment, Invitation, LessonProgress, Statement
from enrollments.reports.figures import (
    RANK,
    ActivityFigure,
    ActivityScore,
    AssignmentFigure,
    CohortSummary,
    Funnel,
    GenderShare,
    OpenFigure,
    Report,
    Week,
)
from enrollments.reports.publishing import (
    STAGES,
    Counts,
    Names,
    Published,
    add,
    consented_gender,
    gender_label,
    normalised_gender,
    pool_genders,
    publish,
    rate,
    tables,
)
from enrollments.reports.suppression import Breakdown, breakdown, count

# Ever held a seat: active or completed now, or withdrawn after being enrolled.
ENROLLED = Q(status__in=Enrollment.HOLDING_A_SEAT) | Q(
    status=Enrollment.Status.WITHDRAWN, enrolled_at__isnull=False
)
COMPLETED = ENROLLED & Q(completed_at__isnull=False)
STARTED = ENROLLED & (
    Q(last_activity_at__isnull=False)
    | Q(Exists(LessonProgress.objects.filter(enrollment=OuterRef("pk"))))
)
# By name: certificates sit above this app, which must not import them.
CERTIFIED = ENROLLED & Q(
    Exists(
        Enrollment.objects.filter(
            pk=OuterRef("pk"),
            certificates__status="issued",
            certificates__path_enrollment__isnull=True,
        )
    )
)
CONSENTED_GENDER = consented_gender("learner__")

# What a delegation's report covers, beside everything.
COURSES, ACTIVITIES = "courses", "activities"


def min_cell() -> int:
    return settings.REPORT_MIN_CELL


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5), here over durations."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


# Reports ----------------------------------------------------------------------------------------


def cohort_report(cohort: Cohort) -> Report:
    return _report([cohort])


def delegation_report(
    cohorts: Iterable[Cohort], *, date_from: datetime.date, date_to: datetime.date
) -> Report:
    return _report(list(cohorts), date_from=date_from, date_to=date_to)


def reported_cohorts(
    user: User | Any,
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    delegation_id: int | None = None,
    what: str = "",
) -> QuerySet[Cohort]:
    """The cohorts a person may see in reports that run at some point between the two dates;
    `what`: "courses" (their editions) or "activities" (the network's seminars, visits…), or
    both when empty."""
    cohorts = (
        Cohort.objects.filter(access.reported_cohorts_filter(user))
        .exclude(status=Cohort.Status.DRAFT)
        .filter(starts_on__lte=date_to, ends_on__gte=date_from)
    )
    if delegation_id is not None:
        cohorts = cohorts.filter(delegation_id=delegation_id)
    if what:
        cohorts = cohorts.filter(course__is_activity=what == ACTIVITIES)
    return cohorts.select_related("course", "delegation").distinct().order_by("starts_on", "pk")


def _report(
    cohorts: list[Cohort],
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> Report:
    k = min_cell()
    ids = [cohort.pk for cohort in cohorts]
    per, whole = _collect(ids, overall=len(ids) > 1)
    published = {pk: publish(per[pk], k=k) for pk in ids}
    scope: Published
    if len(ids) > 1:
        scope = publish(whole, k=k, within=[(per[pk], published[pk]) for pk in ids])
    elif ids:
        whole, scope = per[ids[0]], published[ids[0]]
    else:
        scope = publish(whole, k=k)
    names = _names(whole)
    of_activities = bool(cohorts) and all(cohort.course.is_activity for cohort in cohorts)

    def shown(funnel: Funnel) -> Funnel:
        return dataclasses.replace(funnel, of_activities=of_activities)

    activities = {
        a["pk"]: a
        for a in Activity.objects.filter(pk__in=list(whole.scores)).values(
            "pk", "key", "title", "course_id", "lesson__path", "position"
        )
    }
    return Report(
        min_cell=k,
        cohorts=[
            CohortSummary(
                public_id=str(cohort.public_id),
                title=cohort.shown_title,
                course_code=cohort.course.code,
                delegation_code=cohort.delegation.code,
                starts_on=cohort.starts_on,
                ends_on=cohort.ends_on,
                funnel=shown(published[cohort.pk].funnel),
            )
            for cohort in cohorts
        ],
        funnel=shown(scope.funnel),
        people=scope.people,
        people_completed=scope.people_completed,
        weeks=_weeks(
            scope.weeks,
            first=min((c.starts_on for c in cohorts), default=None),
            last=max((c.ends_on for c in cohorts), default=None),
        ),
        scores=[
            ActivityScore(
                key=str(activities[pk]["key"]),
                title=activities[pk]["title"],
                people=cell,
                average=scope.averages.get(pk),
            )
            for pk, cell in sorted(
                scope.scores.cells.items(),
                key=lambda item: (
                    activities[item[0]]["course_id"],
                    activities[item[0]]["lesson__path"],
                    activities[item[0]]["position"],
                ),
            )
        ],
        tables=tables(scope, names),
        assignments=_assignments(cohorts, scope),
        date_from=date_from,
        date_to=date_to,
        of_activities=of_activities,
    )


def _assignments(cohorts: list[Cohort], scope: Published) -> list[AssignmentFigure]:
    """Assignments of the course, in reading order; those of lessons no longer in it last."""
    keys = list(scope.handed_in.cells)
    titles = _assignment_titles(cohorts, keys)
    ordered = sorted(keys, key=lambda key: (key not in titles, titles.get(key, ("", key))[1]))
    return [
        AssignmentFigure(
            key=key,
            title=titles.get(key, ("", ""))[0] or _("An assignment no longer in the course"),
            handed_in=scope.handed_in.cells[key],
            accepted=scope.accepted.cells[key],
            average_points=scope.average_points.get(key),
        )
        for key in ordered
    ]


def _weeks(
    published: Breakdown[datetime.date],
    *,
    first: datetime.date | None = None,
    last: datetime.date | None = None,
) -> list[Week]:
    """Every week from the first to the last with activity, within the editions' dates (from
    the week the first starts to the week the last ends); weeks without any show 0."""
    if published.withheld or not published.cells:
        return []
    day, end = min(published.cells), max(published.cells)
    if first is not None:
        day = max(day, first - datetime.timedelta(days=first.weekday()))
    if last is not None:
        end = min(end, last)
    last = end
    weeks = []
    while day <= last:
        weeks.append(Week(day, published.cells.get(day) or count(0, min_cell=1)))
        day += datetime.timedelta(days=7)
    return weeks


def _names(counts: Counts) -> Names:
    """Names in the active language: one query per kind, and one for its translations."""
    country_ids = {country for country, _city in counts.places if country}
    city_ids = {city for _country, city in counts.places if city}
    return Names(
        countries={
            c.pk: (str(c), c.iso_code)
            for c in Country.objects.filter(pk__in=country_ids).prefetch_related("translations")
        },
        cities={
            c.pk: (str(c), str(c.public_id))
            for c in MemberCity.objects.filter(pk__in=city_ids).prefetch_related("translations")
        },
    )


# Counting ---------------------------------------------------------------------------------------


def _collect(cohort_ids: Sequence[int], *, overall: bool) -> tuple[dict[int, Counts], Counts]:
    """Counts per cohort and, when `overall`, over all of them (each person counted once)."""
    per = {pk: Counts() for pk in cohort_ids}
    whole = Counts()
    if not cohort_ids:
        return per, whole
    scope = Enrollment.objects.filter(cohort__in=cohort_ids)
    _collect_funnels(scope, cohort_ids, per, whole, overall=overall)
    for (cohort_id, week), n in _active_weeks(cohort_ids, per_cohort=True).items():
        per[cohort_id].weeks[week] = n
    if overall:
        whole.weeks = {week: n for (_c, week), n in _active_weeks(cohort_ids).items()}
    _collect_scores(cohort_ids, per, whole, overall=overall)
    _collect_assignments(cohort_ids, per, whole, overall=overall)
    _collect_groups(scope, per, whole, overall=overall)
    for counts in per.values():
        counts.people, counts.people_completed = counts.enrolled, counts.completed
    if overall:
        for counts in per.values():
            for stage in STAGES:
                setattr(whole, stage, getattr(whole, stage) + getattr(counts, stage))
        whole.people = sum(e for e, _c in whole.positions.values())
        whole.people_completed = sum(c for _e, c in whole.positions.values())
    return per, whole


def _collect_funnels(
    scope: QuerySet[Enrollment],
    cohort_ids: Sequence[int],
    per: dict[int, Counts],
    whole: Counts,
    *,
    overall: bool,
) -> None:
    in_database = connection.vendor == "postgresql"
    took = F("completed_at") - F("enrolled_at")
    timed = COMPLETED & Q(enrolled_at__isnull=False)
    funnels = scope.values("cohort_id").annotate(
        applied=Count("pk"),
        enrolled=Count("pk", filter=ENROLLED),
        active=Count("pk", filter=STARTED),
        completed=Count("pk", filter=COMPLETED),
        certified=Count("pk", filter=CERTIFIED),
    )
    if in_database:
        funnels = funnels.annotate(median=Median(took, filter=timed))
    for funnel in funnels.order_by():
        counts = per[funnel["cohort_id"]]
        counts.applied = funnel["applied"]
        counts.enrolled, counts.active = funnel["enrolled"], funnel["active"]
        counts.completed, counts.certified = funnel["completed"], funnel["certified"]
        counts.median = funnel.get("median")  # type: ignore[assignment]
    for invited in (
        Invitation.objects.filter(cohort__in=cohort_ids)
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        per[invited["cohort_id"]].invited = invited["n"]
    if in_database:
        if overall:
            whole.median = scope.filter(timed).aggregate(median=Median(took))["median"]
        return
    # SQLite has no percentile: fetch only the durations of completed enrolments.
    durations: dict[int, list[datetime.timedelta]] = defaultdict(list)
    for cohort_id, started, finished in scope.filter(timed).values_list(
        "cohort_id", "enrolled_at", "completed_at"
    ):
        if started is not None and finished is not None:
            durations[cohort_id].append(finished - started)
    for cohort_id, found in durations.items():
        per[cohort_id].median = _median(found)
    whole.median = _median([d for found in durations.values() for d in found])


def _median(durations: list[datetime.timedelta]) -> datetime.timedelta | None:
    if not durations:
        return None
    ordered = sorted(durations)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _active_weeks(
    cohort_ids: Sequence[int], *, per_cohort: bool = False
) -> dict[tuple[int, datetime.date], int]:
    """People active per ISO week: who opened or completed a lesson, or sent a statement."""
    in_scope = {"enrollment__cohort__in": cohort_ids}
    events = [
        LessonProgress.objects.filter(viewed_at__isnull=False, **in_scope).values(
            c_id=F("enrollment__cohort_id"),
            l_id=F("enrollment__learner_id"),
            wk=TruncWeek("viewed_at"),
        ),
        LessonProgress.objects.filter(completed_at__isnull=False, **in_scope).values(
            c_id=F("enrollment__cohort_id"),
            l_id=F("enrollment__learner_id"),
            wk=TruncWeek("completed_at"),
        ),
        Statement.objects.filter(**in_scope).values(
            c_id=F("enrollment__cohort_id"), l_id=F("learner_id"), wk=TruncWeek("stored_at")
        ),
    ]
    union = events[0].order_by().union(*(e.order_by() for e in events[1:]), all=True)
    inner, params = union.query.sql_with_params()
    select = "c_id" if per_cohort else "0"
    # The ORM cannot aggregate over a UNION; the counting stays in the database all the same.
    # DISTINCT first, then COUNT(*): PostgreSQL hashes the former, but sorts for COUNT(DISTINCT).
    sql = (
        f"SELECT c, wk, COUNT(*) FROM (SELECT DISTINCT {select} AS c, l_id, wk "
        f"FROM ({inner}) AS events) AS active GROUP BY c, wk"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(cohort_id, _as_date(week)): n for cohort_id, week, n in cursor.fetchall()}


def _as_date(value: Any) -> datetime.date:
    # PostgreSQL returns a datetime; SQLite, through a raw cursor, its text.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _collect_scores(
    cohort_ids: Sequence[int], per: dict[int, Counts], whole: Counts, *, overall: bool
) -> None:
    scored = ActivityResult.objects.filter(
        enrollment__cohort__in=cohort_ids, best_scaled__isnull=False
    )
    for result in (
        scored.values("enrollment__cohort_id", "activity_id")
        .annotate(
            people=Count("enrollment__learner", distinct=True),
            n=Count("pk"),
            total=Sum("best_scaled"),
        )
        .order_by()
    ):
        per[result["enrollment__cohort_id"]].scores[result["activity_id"]] = (
            result["people"],
            result["n"],
            result["total"],
        )
    if not overall:
        return
    sums: dict[int, tuple[int, Decimal]] = defaultdict(lambda: (0, Decimal(0)))
    for counts in per.values():
        for activity, (_people, n, total) in counts.scores.items():
            sums[activity] = (sums[activity][0] + n, sums[activity][1] + total)
    for people in (
        scored.values("activity_id")
        .annotate(people=Count("enrollment__learner", distinct=True))
        .order_by()
    ):
        n, total = sums[people["activity_id"]]
        whole.scores[people["activity_id"]] = (people["people"], n, total)


HANDED_IN = ("submitted", "returned", "accepted")


def _collect_assignments(
    cohort_ids: Sequence[int], per: dict[int, Counts], whole: Counts, *, overall: bool
) -> None:
    """Per assignment: people who handed it in, people whose work was accepted, and the rubric
    points of accepted work. Read by name: `assignments` sits above this app."""
    from django.apps import apps

    submission = apps.get_model("assignments", "Submission")
    review = apps.get_model("assignments", "Review")
    handed = submission.objects.filter(enrollment__cohort__in=cohort_ids, status__in=HANDED_IN)
    handed = handed.annotate(cohort=F("enrollment__cohort_id"), learner=F("enrollment__learner"))
    scored = review.objects.filter(
        version__submission__enrollment__cohort__in=cohort_ids,
        version__submission__status="accepted",
        decision="accepted",
        points__isnull=False,
    ).annotate(
        cohort=F("version__submission__enrollment__cohort_id"),
        block_id=F("version__submission__block_id"),
        learner=F("version__submission__enrollment__learner"),
    )
    groupings: list[tuple[Counts | None, tuple[str, ...]]] = [(None, ("cohort", "block_id"))]
    if overall:
        groupings.append((whole, ("block_id",)))
    for target, fields in groupings:
        for row in (
            handed.values(*fields)
            .annotate(
                people=Count("learner", distinct=True),
                accepted=Count("learner", distinct=True, filter=Q(status="accepted")),
            )
            .order_by()
        ):
            counts = target or per[row["cohort"]]
            counts.handed_in[row["block_id"]] = row["people"]
            counts.accepted[row["block_id"]] = row["accepted"]
        for row in (
            scored.values(*fields)
            .annotate(people=Count("learner", distinct=True), n=Count("pk"), total=Sum("points"))
            .order_by()
        ):
            counts = target or per[row["cohort"]]
            counts.points[row["block_id"]] = (row["people"], row["n"], Decimal(row["total"]))


def _assignment_titles(cohorts: list[Cohort], keys: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each assignment's title in the reader's language when its lesson is translated (else the
    original's) and its place in the course: two queries."""
    wanted = set(keys)
    if not wanted:
        return {}
    indexed = CourseLesson.objects.filter(
        course__in={cohort.course_id for cohort in cohorts}, is_live=True
    )
    originals = LessonPage.objects.filter(pk__in=indexed.values("lesson")).annotate(
        order=Subquery(indexed.filter(lesson=OuterRef("pk")).values("path")[:1])
    )
    lessons = list(originals.only("body", "translation_key"))
    translated = {
        page.translation_key: page
        for page in LessonPage.objects.filter(
            translation_key__in=[lesson.translation_key for lesson in lessons],
            locale__language_code=get_language() or settings.LANGUAGE_CODE,
        ).only("body", "translation_key")
    }
    titles: dict[str, tuple[str, str]] = {}
    for lesson in lessons:
        shown = {
            str(block.get("id")): block.get("value", {}).get("title", "")
            for block in translated.get(lesson.translation_key, lesson).body.raw_data
            if block.get("type") == "assignment"
        }
        for position, block in enumerate(lesson.body.raw_data):
            key = str(block.get("id"))
            if block.get("type") == "assignment" and key in wanted:
                original = block.get("value", {}).get("title", "")
                titles[key] = (shown.get(key) or original, f"{lesson.order}/{position:04d}")
    return titles


def _collect_groups(
    scope: QuerySet[Enrollment], per: dict[int, Counts], whole: Counts, *, overall: bool
) -> None:
    """Enrolled and completed per country and city, position and gender."""
    enrolled = scope.filter(ENROLLED).annotate(gender=CONSENTED_GENDER)
    dimensions: dict[str, tuple[str, ...]] = {
        "places": ("learner__member_city__country_id", "learner__member_city_id"),
        "positions": ("learner__position",),
        "genders": ("gender",),
    }
    for name, fields in dimensions.items():
        for group in (
            enrolled.values("cohort_id", *fields)
            .annotate(e=Count("pk"), c=Count("pk", filter=COMPLETED))
            .order_by()
        ):
            add(getattr(per[group["cohort_id"]], name), _key(name, group), group["e"], group["c"])
        if overall:
            for group in (
                enrolled.values(*fields)
                .annotate(
                    e=Count("learner", distinct=True),
                    c=Count("learner", distinct=True, filter=COMPLETED),
                )
                .order_by()
            ):
                add(getattr(whole, name), _key(name, group), group["e"], group["c"])


def _key(dimension: str, group: Any) -> Any:
    if dimension == "places":
        return (
            group["learner__member_city__country_id"] or 0,
            group["learner__member_city_id"] or 0,
        )
    if dimension == "positions":
        return group["learner__position"]
    return normalised_gender(group["gender"])


# Open figures ----------------------------------------------------------------------------------


def open_figures(*, year: int | None = None) -> list[OpenFigure]:
    """Figures anyone may see, per course and year its cohorts started: people who held a
    seat, their countries, the share who completed and the gender balance, all suppressed."""
    k = min_cell()
    people = Enrollment.objects.filter(ENROLLED).exclude(cohort__status=Cohort.Status.DRAFT)
    # The network's activities (seminars, visits…) are counted apart: open_activity_figures.
    people = people.filter(cohort__course__is_activity=False)
    if year is not None:
        people = people.filter(cohort__starts_on__year=year)
    people = people.annotate(year=ExtractYear("cohort__starts_on"), gender=CONSENTED_GENDER)
    rows = list(
        people.values("cohort__course_id", "year")
        .annotate(
            participants=Count("learner", distinct=True),
            completed=Count("learner", distinct=True, filter=COMPLETED),
            countries=Count("learner__member_city__country", distinct=True),
        )
        .order_by()
    )
    genders: dict[tuple[int, int], dict[str, tuple[int, int]]] = defaultdict(dict)
    for answer in (
        people.values("cohort__course_id", "year", "gender")
        .annotate(n=Count("learner", distinct=True))
        .order_by()
    ):
        add(
            genders[(answer["cohort__course_id"], answer["year"])],
            normalised_gender(answer["gender"]),
            answer["n"],
            0,
        )
    courses = {
        course.pk: course
        for course in Course.objects.filter(
            pk__in={row["cohort__course_id"] for row in rows}
        ).prefetch_related("translations")
    }
    figures = []
    for row in rows:
        course = courses[row["cohort__course_id"]]
        participants = count(row["participants"], min_cell=k)
        shares, withheld = _gender_balance(
            genders[(course.pk, row["year"])], participants, row["participants"], k
        )
        figures.append(
            OpenFigure(
                course_code=course.code,
                course_title=course.safe_translation_getter("certificate_title", any_language=True)
                or course.code,
                year=row["year"],
                participants=participants,
                countries=row["countries"] if participants.value is not None else None,
                completion_rate=rate(count(row["completed"], min_cell=k), participants),
                gender=shares,
                gender_withheld=withheld,
            )
        )
    return sorted(figures, key=lambda f: (-f.year, f.course_code))


def open_activity_figures(*, year: int | None = None) -> list[ActivityFigure]:
    """The network's activities per year they were held (started, not drafts): how many, and
    the people who took part in them (each once a year), suppressed as every open figure."""
    k = min_cell()
    held = Cohort.objects.filter(course__is_activity=True, starts_on__lte=timezone.localdate())
    held = held.exclude(status=Cohort.Status.DRAFT)
    if year is not None:
        held = held.filter(starts_on__year=year)
    counts = {
        row["year"]: row["n"]
        for row in held.annotate(year=ExtractYear("starts_on"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by()
    }
    people = Enrollment.objects.filter(ENROLLED, cohort__in=held).annotate(
        year=ExtractYear("cohort__starts_on"), gender=CONSENTED_GENDER
    )
    rows = {
        row["year"]: row
        for row in people.values("year")
        .annotate(
            participants=Count("learner", distinct=True),
            countries=Count("learner__member_city__country", distinct=True),
        )
        .order_by()
    }
    genders: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for answer in (
        people.values("year", "gender").annotate(n=Count("learner", distinct=True)).order_by()
    ):
        add(genders[answer["year"]], normalised_gender(answer["gender"]), answer["n"], 0)
    figures = []
    for held_in, number in counts.items():
        row = rows.get(held_in, {"participants": 0, "countries": 0})
        participants = count(row["participants"], min_cell=k)
        shares, withheld = _gender_balance(genders[held_in], participants, row["participants"], k)
        figures.append(
            ActivityFigure(
                year=held_in,
                held=number,
                participants=participants,
                countries=row["countries"] if participants.value is not None else None,
                gender=shares,
                gender_withheld=withheld,
            )
        )
    return sorted(figures, key=lambda f: -f.year)


def _gender_balance(
    answers: dict[str, tuple[int, int]], participants: Any, total: int, k: int
) -> tuple[list[GenderShare], bool]:
    if participants.value is None:
        return [], True
    pooled, _any = pool_genders(answers, k)
    balance = breakdown(
        {answer: n for answer, (n, _c) in pooled.items()}, min_cell=k, total=participants
    )
    shares = [
        GenderShare(
            gender_label(answer),
            cell,
            round(100 * cell.value / total) if cell.value is not None else None,
        )
        for answer, cell in balance.cells.items()
    ]
    shares.sort(key=lambda s: (RANK[s.people.kind], -(s.people.value or 0), s.label.casefold()))
    return shares, balance.withheld
