"""Progress is kept per lesson in every language; statements are stored once and complete work."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError

from cms.models import Activity, activity_iri
from enrollments import progress, services
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import ActivityResult, Enrollment, LessonProgress, Statement
from enrollments.signals import enrollment_completed
from tests.factories import CohortFactory, add_activity, translate

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"


def statement(key: str, *, raw=None, maximum=10, verb=ANSWERED, **extra) -> dict:
    body = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:someone-else@example.org"},
        "verb": {"id": verb},
        "object": {"id": activity_iri(key), "objectType": "Activity"},
        **extra,
    }
    if raw is not None:
        body["result"] = {"score": {"raw": raw, "max": maximum, "scaled": 1.0}}
    return body


@pytest.fixture
def enrollment(learner, cohort):
    return services.enroll_learner(learner=learner, cohort=cohort)


@pytest.fixture
def completions():
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    enrollment_completed.connect(receiver)
    yield received
    enrollment_completed.disconnect(receiver)


def test_viewing_a_lesson_records_it_and_where_the_learner_left_off(learner, enrollment, site):
    progress.record_lesson_view(learner=learner, lesson=site["lesson2"])
    progress.record_lesson_view(learner=learner, lesson=site["lesson2"])
    entry = LessonProgress.objects.get(enrollment=enrollment)
    assert entry.lesson_id == site["lesson2"].pk
    assert entry.viewed_at is not None and entry.completed_at is None
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == site["lesson2"].pk


def test_progress_made_in_one_language_is_kept_in_another(learner, enrollment, site):
    lesson_pt = translate(site["lesson"], "pt", title="Lição 1")
    progress.mark_lesson_done(learner=learner, lesson=lesson_pt)
    entry = LessonProgress.objects.get(enrollment=enrollment)
    assert entry.lesson_id == site["lesson"].pk  # the Spanish original
    assert entry.completed_at is not None


def test_a_lesson_with_activities_is_not_marked_done_by_hand(learner, enrollment, site):
    add_activity(site["lesson"])
    with pytest.raises(ValidationError) as refused:
        progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
    assert refused.value.code == "lesson_has_activities"


def test_a_learner_not_enrolled_cannot_mark_lessons_done(other_learner, site, cohort):
    with pytest.raises(NotAllowed):
        progress.mark_lesson_done(learner=other_learner, lesson=site["lesson"])


def test_finishing_every_lesson_completes_the_enrolment_and_says_so_once(
    learner, enrollment, site, completions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        progress.mark_lesson_done(learner=learner, lesson=site["lesson"])
        enrollment.refresh_from_db()
        assert enrollment.status == "active"
        assert enrollment.completed_lessons == 1
        progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
        progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"
    assert completions == [enrollment.pk]


def test_a_statement_is_bound_to_the_learner_and_scored_by_the_server(learner, enrollment, site):
    key = add_activity(site["lesson"])
    sent = statement(key, raw=7, maximum=10)
    ids = progress.record_statements(learner=learner, statements=sent)
    stored = Statement.objects.get()
    assert ids == [sent["id"]]
    assert stored.learner == learner  # whatever the actor said
    assert str(stored.scaled_score) == "0.7000"  # not the client's 1.0
    assert stored.stored_at is not None


def test_the_same_statement_sent_again_is_accepted_once(learner, enrollment, site):
    key = add_activity(site["lesson"])
    sent = statement(key, raw=5)
    progress.record_statements(learner=learner, statements=sent)
    again = {**sent, "actor": {"mbox": "mailto:retry@example.org"}, "timestamp": "2026-01-01"}
    assert progress.record_statements(learner=learner, statements=[again]) == [sent["id"]]
    assert Statement.objects.count() == 1
    assert ActivityResult.objects.get().attempts == 1


def test_the_same_id_with_other_content_is_a_conflict(learner, other_learner, enrollment, site):
    key = add_activity(site["lesson"])
    sent = statement(key, raw=5)
    progress.record_statements(learner=learner, statements=sent)
    with pytest.raises(Conflict) as conflict:
        progress.record_statements(learner=learner, statements={**sent, "verb": {"id": ATTEMPTED}})
    assert conflict.value.code == "statement_conflict"
    assert Statement.objects.get().verb == ANSWERED


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"verb": {"id": ANSWERED}}, "missing_statement_id"),
        (
            {"id": "not-a-uuid", "verb": {"id": ANSWERED}, "object": {"id": "http://x.org/1"}},
            "missing_statement_id",
        ),
        ({"id": str(uuid.uuid4()), "verb": "answered"}, "malformed_statement"),
        (
            {"id": str(uuid.uuid4()), "verb": {"id": ANSWERED}, "object": {"id": "http://x.org/1"}},
            "unknown_activity",
        ),
    ],
)
def test_malformed_statements_are_refused_with_a_specific_code(learner, enrollment, body, code):
    with pytest.raises(ValidationError) as refused:
        progress.record_statements(learner=learner, statements=body)
    assert refused.value.code == code


@pytest.mark.parametrize(("raw", "maximum"), [(11, 10), (-1, 10), (1, 0)])
def test_scores_out_of_range_are_refused(learner, enrollment, site, raw, maximum):
    key = add_activity(site["lesson"])
    with pytest.raises(ValidationError) as refused:
        progress.record_statements(
            learner=learner, statements=statement(key, raw=raw, maximum=maximum)
        )
    assert refused.value.code == "score_out_of_range"
    assert not Statement.objects.exists()


def test_an_unknown_activity_is_refused(learner, enrollment):
    with pytest.raises(ValidationError) as refused:
        progress.record_statements(learner=learner, statements=statement(str(uuid.uuid4())))
    assert refused.value.code == "unknown_activity"


def test_an_activity_outside_the_learners_cohorts_is_refused(other_learner, site, cohort):
    key = add_activity(site["lesson"])
    with pytest.raises(NotAllowed) as refused:
        progress.record_statements(learner=other_learner, statements=statement(key, raw=1))
    assert refused.value.code == "activity_not_in_your_cohorts"


def test_a_bad_statement_in_a_batch_stores_none_of_it(learner, enrollment, site):
    key = add_activity(site["lesson"])
    batch = [statement(key, raw=3), statement(key, raw=30)]
    with pytest.raises(ValidationError):
        progress.record_statements(learner=learner, statements=batch)
    assert not Statement.objects.exists()


def test_attempts_are_kept_and_the_cohort_says_which_counts(learner, enrollment, site, cohort):
    key = add_activity(site["lesson"])
    for raw in (9, 4):
        progress.record_statements(learner=learner, statements=statement(key, raw=raw))
    result = ActivityResult.objects.get()
    assert result.attempts == 2
    assert (str(result.best_scaled), str(result.last_scaled)) == ("0.9000", "0.4000")
    cohort.min_score = 60
    cohort.save()
    enrollment.refresh_from_db()
    assert progress.passed(enrollment=enrollment, result=result) is True
    cohort.score_policy = "last"
    cohort.save()
    enrollment.refresh_from_db()
    assert progress.passed(enrollment=enrollment, result=result) is False


def test_a_child_question_does_not_finish_its_activity(learner, enrollment, site):
    key = add_activity(site["lesson"])
    child = statement(
        key,
        raw=1,
        maximum=1,
        context={"contextActivities": {"parent": [{"id": activity_iri(key)}]}},
    )
    progress.record_statements(learner=learner, statements=child)
    assert ActivityResult.objects.get().finished_at is None
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_finishing_the_required_activities_completes_the_lesson(learner, enrollment, site):
    required = add_activity(site["lesson"], "Obligatoria")
    add_activity(site["lesson"], "Opcional", required=False)
    progress.record_statements(learner=learner, statements=statement(required, verb=ATTEMPTED))
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    progress.record_statements(learner=learner, statements=statement(required, raw=8))
    entry = LessonProgress.objects.get(lesson=site["lesson"])
    assert entry.completed_at is not None


def test_the_minimum_score_holds_back_completion_until_met(
    learner, enrollment, site, cohort, completions, django_capture_on_commit_callbacks
):
    cohort.min_score = 70
    cohort.save()
    key = add_activity(site["lesson"])
    progress.mark_lesson_done(learner=learner, lesson=site["lesson2"])
    with django_capture_on_commit_callbacks(execute=True):
        progress.record_statements(learner=learner, statements=statement(key, raw=5))
    enrollment.refresh_from_db()
    assert enrollment.status == "active"  # every lesson done, but 50 % < 70 %
    with django_capture_on_commit_callbacks(execute=True):
        progress.record_statements(learner=learner, statements=statement(key, raw=9))
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"
    assert completions == [enrollment.pk]


def test_trainers_complete_by_hand_with_a_reason_that_is_kept(
    trainer, coordinator, other_learner, learner, enrollment, cohort, site
):
    cohort.trainers.add(trainer)
    with pytest.raises(ValidationError):
        progress.complete_by_hand(actor=trainer, enrollment=enrollment, reason="  ")
    with pytest.raises(NotAllowed):
        progress.complete_by_hand(actor=other_learner, enrollment=enrollment, reason="yo")
    progress.complete_by_hand(
        actor=trainer, enrollment=enrollment, lesson=site["lesson"], reason="Hizo la tarea en papel"
    )
    assert LessonProgress.objects.get(lesson=site["lesson"]).completed_by == trainer
    done = progress.complete_by_hand(actor=coordinator, enrollment=enrollment, reason="Certificado")
    assert done.status == "completed"
    assert done.completed_by == coordinator
    assert [m.reason for m in done.manual_completions.all()] == [
        "Certificado",
        "Hizo la tarea en papel",
    ]


def test_publishing_a_lesson_rebuilds_its_activity_index(site):
    key = add_activity(site["lesson"], "Primera")
    assert Activity.objects.get(key=key).is_active
    lesson = site["lesson"].specific
    lesson.refresh_from_db()
    lesson.body = [b for b in lesson.body.raw_data if b["id"] != key]
    lesson.save_revision().publish()
    assert not Activity.objects.get(key=key).is_active


def test_recording_a_statement_costs_the_same_queries_with_5_or_200_lessons_and_1000_learners(
    learner, site
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import LessonPage

    cohort = CohortFactory(course=site["course"].course, capacity=None)
    services.enroll_learner(learner=learner, cohort=cohort)
    key = add_activity(site["lesson"])
    progress.record_statements(learner=learner, statements=statement(key, raw=1))

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            progress.record_statements(learner=learner, statements=statement(key, raw=2))
        return len(queries)

    few = cost()
    for n in range(195):
        site["module"].add_child(
            instance=LessonPage(title=f"Extra {n}", slug=f"extra-{n}")
        ).save_revision().publish()
    bulk_enroll(cohort, 1000)
    for _ in range(20):
        progress.record_statements(learner=learner, statements=statement(key, raw=3))
    assert cost() == few <= 10
    assert Enrollment.objects.filter(cohort=cohort).count() == 1001


def bulk_enroll(cohort, count: int) -> None:
    """Many learners at once: no password hashing, one INSERT per table."""
    from django.utils import timezone

    from accounts.models import User

    people = User.objects.bulk_create(
        [User(email=f"bulk{n}@many.example", password="!") for n in range(count)]
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(cohort=cohort, learner=person, status="active", enrolled_at=timezone.now())
            for person in people
        ]
    )


def test_storing_a_statement_takes_the_same_queries_however_many_are_stored(
    learner, enrollment, site, django_assert_max_num_queries
):
    """The hot path of every H5P activity: on PostgreSQL the enrolment, the row, the result and
    the enrolment's last activity are one statement; elsewhere a handful, never more with rows."""
    from django.db import connection

    key = add_activity(site["lesson"])
    progress.record_statements(learner=learner, statements=statement(key, raw=5))  # finishes it
    progressed = "http://adlnet.gov/expapi/verbs/progressed"
    limit = 1 if connection.vendor == "postgresql" else 7
    with django_assert_max_num_queries(limit):
        progress.record_statements(learner=learner, statements=statement(key, verb=progressed))
    progress.record_statements(
        learner=learner, statements=[statement(key, verb=progressed) for _ in range(30)]
    )
    with django_assert_max_num_queries(limit):
        progress.record_statements(learner=learner, statements=statement(key, verb=progressed))
    assert ActivityResult.objects.get().attempts == 33
    assert Statement.objects.count() == 33
