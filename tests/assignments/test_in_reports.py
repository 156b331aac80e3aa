"""Issue 15: the cohort report (page, API, exports) and the delegation's show, per assignment,
how many handed it in, how many were accepted and the accepted work's average rubric points,
hidden like every count of people when they are few."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from assignments import services
from assignments.models import Submission
from enrollments.models import Enrollment
from enrollments.reports import aggregates
from tests.factories import CohortFactory, UserFactory, add_assignment
from tests.shared import csv_text

pytestmark = pytest.mark.django_db


def hand_in_and_review(cohort, lesson, block_id, trainer, decisions: list[tuple[str, int]]):
    """One learner per decision: ("accepted", level) or ("returned", level); "" hands in only."""
    for decision, level in decisions:
        learner = UserFactory()
        Enrollment.objects.create(cohort=cohort, learner=learner, status="active")
        services.save_draft(learner=learner, lesson=lesson, block_id=block_id, text="Mi plan")
        services.submit(learner=learner, lesson=lesson, block_id=block_id)
        if decision:
            services.review(
                reviewer=trainer,
                submission=Submission.objects.get(enrollment__learner=learner, block_id=block_id),
                decision=decision,
                feedback="Añade plazos." if decision == "returned" else "",
                levels=[level],
            )


@pytest.fixture
def edition(cohort, trainer):
    cohort.capacity = None
    cohort.save()
    cohort.trainers.add(trainer)
    return cohort


def test_the_cohort_report_shows_work_handed_in_accepted_and_its_average_points(
    edition, site, trainer, coordinator, signed_in
):
    lesson = site["lesson2"]
    plan = add_assignment(lesson, "Los primeros cien días", points=(1, 3))
    memo = add_assignment(lesson, "Una nota al pleno", points=(2, 4))
    # The plan: 5 accepted (3 at 3 points, 2 at 1 point), 1 returned, 1 waiting.
    hand_in_and_review(
        edition, lesson, plan, trainer,
        [("accepted", 1)] * 3 + [("accepted", 0)] * 2 + [("returned", 0), ("", 0)],
    )  # fmt: skip
    # The memo: only two people.
    hand_in_and_review(edition, lesson, memo, trainer, [("accepted", 1), ("", 0)])

    figures = {a.title: a for a in aggregates.cohort_report(edition).assignments}
    assert [a.title for a in aggregates.cohort_report(edition).assignments] == [
        "Los primeros cien días",
        "Una nota al pleno",
    ]
    first = figures["Los primeros cien días"]
    assert (str(first.handed_in), str(first.accepted)) == ("7", "5")
    assert first.average_points == pytest.approx(2.2)
    # Two people: hidden, and so is their average.
    assert str(figures["Una nota al pleno"].handed_in) == "<5"
    assert figures["Una nota al pleno"].average_points is None

    client = signed_in(coordinator)
    page = client.get(f"/en/cohorts/{edition.public_id}/report/").content.decode()
    assert "Assignments reviewed" in page and "Los primeros cien días" in page and "2.2" in page
    data = client.get(f"/api/v1/cohorts/{edition.public_id}/report/").json()
    rows = {row["title"]: row for row in data["assignments"]}
    assert rows["Los primeros cien días"]["handed_in"] == 7
    assert rows["Los primeros cien días"]["accepted"] == 5
    assert rows["Una nota al pleno"]["handed_in"] == "<5"
    assert rows["Una nota al pleno"]["average_points"] is None
    export = client.get(f"/api/v1/cohorts/{edition.public_id}/report/", {"export": "csv"})
    rows_csv = csv.DictReader(io.StringIO(csv_text(export)))
    lines = [r for r in rows_csv if r["section"] == "assignments"]
    shown = {(r["group"], r["measure"]): r["value"] for r in lines}
    assert shown[("Los primeros cien días", "accepted")] == "5"
    assert shown[("Una nota al pleno", "handed_in")] == "<5"


def test_the_titles_follow_the_readers_language_when_the_lesson_is_translated(
    edition, site, trainer, coordinator, signed_in
):
    from wagtail.models import Locale

    lesson = site["lesson2"].specific
    plan = add_assignment(lesson, "Los primeros cien días")
    hand_in_and_review(edition, lesson, plan, trainer, [("accepted", 1)] * 5)
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = lesson.copy_for_translation(english, copy_parents=True)
    translated.body = [
        {**block, "value": {**block["value"], "title": "Your city's first hundred days"}}
        if block["type"] == "assignment"
        else block
        for block in translated.body.raw_data
    ]
    translated.save_revision().publish()

    from django.utils import translation

    with translation.override("en"):
        (english_figure,) = aggregates.cohort_report(edition).assignments
    with translation.override("es"):
        (spanish_figure,) = aggregates.cohort_report(edition).assignments
    assert english_figure.title == "Your city's first hundred days"
    assert spanish_figure.title == "Los primeros cien días"
    assert str(english_figure.accepted) == "5"


def test_the_delegation_report_does_not_give_away_a_cohorts_hidden_figure(edition, site, trainer):
    lesson = site["lesson2"]
    plan = add_assignment(lesson, "Los primeros cien días")
    other = CohortFactory(course=edition.course, delegation=edition.delegation, capacity=None)
    other.trainers.add(trainer)
    hand_in_and_review(edition, lesson, plan, trainer, [("accepted", 1)] * 10)
    hand_in_and_review(other, lesson, plan, trainer, [("accepted", 0)] * 2)

    (alone,) = aggregates.cohort_report(other).assignments
    assert str(alone.accepted) == "<5"
    today = timezone.localdate()
    (together,) = aggregates.delegation_report(
        [edition, other], date_from=today, date_to=today
    ).assignments
    # 12 beside the first edition's 10 would tell the second's 2, and so would an average.
    assert str(together.accepted) != "12"
    assert together.average_points is None
