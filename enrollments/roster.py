"""The cohort roster: who is enrolled and how far they are, for its page, the API and exports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Avg, Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponseBase

from accounts.models import MemberCity
from courses.models import Cohort
from enrollments import spreadsheets
from enrollments.models import ActivityResult, Enrollment


def rows(*, cohort: Cohort, filters: Any) -> QuerySet[Enrollment]:
    """Enrolments with progress and average score, by name; `filters` come from the query."""
    found = (
        Enrollment.objects.filter(cohort=cohort)
        .with_required_lessons()
        .select_related("learner__member_city__country", "completed_by")
        .annotate(
            average_score=_average_score(),
            sessions_attended=_sessions_attended(),
            discussion_posts=_discussion_posts(),
            assignments_accepted=_assignments_accepted(),
            assignment_points=_assignment_points(),
        )
        .order_by("learner__certificate_name", "pk")
    )
    if value := filters.get("status"):
        found = found.filter(status=value)
    if value := filters.get("country"):
        found = found.filter(learner__member_city__country__iso_code=value.upper())
    if value := filters.get("city"):
        found = found.filter(learner__member_city__public_id=value)
    if value := filters.get("position"):
        found = found.filter(learner__position=value)
    if value := (filters.get("q") or "").replace("\x00", "").strip()[:100]:
        found = found.filter(
            Q(learner__certificate_name__icontains=value)
            | Q(learner__first_name__icontains=value)
            | Q(learner__last_name__icontains=value)
            | Q(learner__email__icontains=value)
        )
    return found


def _sessions_attended() -> Coalesce:
    """Sessions the learner was present at (not cancelled ones). The `meetings` app sits above
    this one: its model is looked up by name, never imported."""
    from django.apps import apps

    attendance = apps.get_model("meetings", "Attendance")
    return Coalesce(
        Subquery(
            attendance.objects.filter(
                enrollment=OuterRef("pk"), status="present", meeting__cancelled_at__isnull=True
            )
            .order_by()
            .values("enrollment")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _discussion_posts() -> Coalesce:
    """Posts and replies the learner wrote in the cohort's discussions (not hidden or deleted);
    by name, as `discussions` sits above this app."""
    from django.apps import apps

    post = apps.get_model("discussions", "Post")
    return Coalesce(
        Subquery(
            post.objects.filter(
                author=OuterRef("learner"),
                thread__cohort=OuterRef("cohort"),
                hidden_at=None,
                deleted_at=None,
            )
            .order_by()
            .values("author")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _assignments_accepted() -> Coalesce:
    """The learner's work accepted by the trainers; by name (`assignments` sits above)."""
    from django.apps import apps

    submission = apps.get_model("assignments", "Submission")
    return Coalesce(
        Subquery(
            submission.objects.filter(enrollment=OuterRef("pk"), status="accepted")
            .order_by()
            .values("enrollment")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _assignment_points() -> Subquery:
    """Rubric points of the accepted work (empty without a scored review); by name."""
    from django.apps import apps

    review = apps.get_model("assignments", "Review")
    return Subquery(
        review.objects.filter(
            version__submission__enrollment=OuterRef("pk"),
            decision="accepted",
            points__isnull=False,
        )
        .order_by()
        .values("version__submission__enrollment")
        .annotate(total=Sum("points"))
        .values("total")
    )


def _average_score() -> Subquery:
    # A subquery, not a join and GROUP BY: a page of 100 learners then averages 100 people's
    # scores, not the whole cohort's before sorting.
    return Subquery(
        ActivityResult.objects.filter(enrollment=OuterRef("pk"))
        .order_by()
        .values("enrollment")
        .annotate(average=Avg("best_scaled"))
        .values("average")
    )


def city_names(city_ids: Iterable[int | None] | QuerySet[Any]) -> dict[int, str]:
    """Member city names in the active language, looked up once for however many rows: a
    translated name read row by row costs a cache round trip each (3.5 s for 10,000)."""
    cities = MemberCity.objects.filter(pk__in=city_ids).prefetch_related("translations")
    return {city.pk: str(city) for city in cities}


def export(cohort: Cohort, found: QuerySet[Enrollment], kind: str) -> HttpResponseBase:
    """The roster as CSV (streamed) or XLSX, with the API's columns."""
    from enrollments.api.serializers import RosterRowSerializer

    fields = RosterRowSerializer.Meta.fields
    names = city_names(found.values("learner__member_city"))

    # One serializer for every row: building its fields costs more than using them.
    serializer = RosterRowSerializer(context={"city_names": names})

    def table() -> Iterator[list[Any]]:
        for enrollment in found.iterator(chunk_size=2000):
            row = serializer.to_representation(enrollment)
            yield [row[field] for field in fields]

    name = f"roster-{cohort.public_id}"
    if kind == "xlsx":
        return spreadsheets.xlsx_response(name, [("Roster", fields, table())])
    return spreadsheets.csv_response(name, fields, table())
