"""What an edition requires: a running one follows its course (a lesson published meanwhile
counts for whoever has not completed), a closed one keeps what it required when it closed."""

from __future__ import annotations

from cms.models import LessonPage
from courses.models import Cohort
from enrollments import progress, services
from enrollments.models import Enrollment


def publish_a_third_lesson(site) -> LessonPage:
    lesson = site["module"].add_child(
        instance=LessonPage(title="Lección 3", slug="leccion-3", summary="Nueva.", body=[])
    )
    lesson.save_revision().publish()
    return lesson


def shown(enrollment) -> tuple[int, int, str]:
    row = Enrollment.objects.with_required_lessons().get(pk=enrollment.pk)
    return row.completed_lessons, row.required_lessons, row.status


def test_a_closed_edition_keeps_its_count_when_a_lesson_is_published(
    site, cohort, learner, other_learner, signed_in
):
    done = services.enroll_learner(learner=learner, cohort=cohort)
    halfway = services.enroll_learner(learner=other_learner, cohort=cohort)
    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=learner, lesson=lesson)
    progress.mark_lesson_done(learner=other_learner, lesson=site["lesson"])
    cohort.status = Cohort.Status.CLOSED
    cohort.save()

    publish_a_third_lesson(site)
    assert shown(done) == (2, 2, "completed")
    assert shown(halfway) == (1, 2, "active")
    roster = signed_in(learner).get("/en/my-courses/").content.decode()
    assert "2 of 2 lessons completed" in roster

    # Reopened, it follows the course again: the new lesson is required of those not finished.
    cohort.status = Cohort.Status.RUNNING
    cohort.save()
    assert shown(halfway) == (1, 3, "active")
    assert shown(done)[2] == "completed"


def test_a_running_edition_asks_the_new_lesson_of_those_not_finished(
    site, cohort, learner, other_learner
):
    services.enroll_learner(learner=learner, cohort=cohort)
    halfway = services.enroll_learner(learner=other_learner, cohort=cohort)
    progress.mark_lesson_done(learner=other_learner, lesson=site["lesson"])
    new = publish_a_third_lesson(site)
    progress.mark_lesson_done(learner=other_learner, lesson=site["lesson2"])
    assert shown(halfway) == (2, 3, "active")  # not completed with the new lesson undone
    progress.mark_lesson_done(learner=other_learner, lesson=new)
    assert shown(halfway) == (3, 3, "completed")
