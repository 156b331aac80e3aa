"""Measures reports on a large cohort, on PostgreSQL: the cohort report and its exports, the
delegation report, the roster (page and exports) and the results of 5,000 questionnaire answers.

Usage (needs the real services: `make services-up`, then `source /tmp/aula-services/services.env`):
    .venv/bin/python bench/report.py [--learners 10000] [--answers 5000] [--runs 5]

Sets up, in the database named by DATABASE_URL (the demo is seeded if missing), a bench course
of 40 lessons with 5 activities and one cohort of N learners from the demo's member cities,
with lesson progress, scores and statements, and the demo's end-of-course questionnaire answered
by 5,000 of them (rows written with bulk_create; a previous bench cohort is removed first).
Prints queries, median and fastest time per measure.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

LESSONS = 40
ACTIVITIES = 5
BATCH = 5000
COURSE_CODE = "BENCH-REPORT"
EMAILS = "report-bench-{n}@bench.example"


def bench_course() -> tuple[Any, list[Any], list[Any]]:
    """The bench course with its 40 published lessons (created once, then reused)."""
    from wagtail.models import Locale

    from cms.models import Activity, CataloguePage, CourseLesson, CoursePage, LessonPage, ModulePage
    from courses.models import Course

    course, created = Course.objects.get_or_create(
        code=COURSE_CODE, defaults={"nominal_hours": 20, "status": Course.Status.PUBLISHED}
    )
    if created:
        course.set_current_language("es")
        course.certificate_title = "Curso de medida de informes"
        course.save()
    if not CourseLesson.objects.filter(course=course, is_live=True).count() >= LESSONS:
        catalogue = CataloguePage.objects.filter(
            locale=Locale.objects.get(language_code="es")
        ).first()
        page = catalogue.add_child(
            instance=CoursePage(
                title="Medida de informes",
                slug=f"medida-informes-{uuid.uuid4().hex[:6]}",
                course=course,
                summary="Un curso para medir informes.",
                duration="8 semanas",
            )
        )
        module = page.add_child(instance=ModulePage(title="Módulo", slug="modulo", intro="."))
        for n in range(LESSONS):
            body = [{"type": "paragraph", "value": f"<p>Lección {n}.</p>"}]
            if n % (LESSONS // ACTIVITIES) == 0:
                body.append(
                    {
                        "type": "h5p_activity",
                        "id": str(uuid.uuid4()),
                        "value": {"title": f"Actividad {n}", "package": None, "is_required": True},
                    }
                )
            lesson = module.add_child(
                instance=LessonPage(
                    title=f"Lección {n}", slug=f"leccion-{n}", estimated_minutes=10, body=body
                )
            )
            lesson.save_revision().publish()
    lessons = [
        entry.lesson
        for entry in CourseLesson.objects.filter(course=course, is_live=True).select_related(
            "lesson"
        )
    ][:LESSONS]
    activities = list(Activity.objects.filter(course=course, is_active=True)[:ACTIVITIES])
    return course, lessons, activities


def fresh_cohort(course: Any, lessons: list[Any], activities: list[Any], learners: int) -> Any:
    """A new bench cohort of `learners` people; the previous one and its people are removed."""
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Delegation, MemberCity, User
    from courses.models import Cohort
    from enrollments.models import (
        ActivityResult,
        Enrollment,
        Invitation,
        LessonProgress,
        Statement,
    )

    with transaction.atomic():
        old = Cohort.objects.filter(course=course)
        Enrollment.objects.filter(cohort__in=old).delete()
        old.delete()
        User.objects.filter(email__startswith="report-bench-").delete()
    delegation = Delegation.objects.order_by("pk").first()
    cities = list(MemberCity.objects.all())
    today = timezone.localdate()
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        delegation=delegation,
        title=f"Bench {learners}",
        starts_on=today - datetime.timedelta(days=70),
        ends_on=today + datetime.timedelta(days=20),
        enrollment_opens_at=now - datetime.timedelta(days=80),
        enrollment_closes_at=now + datetime.timedelta(days=10),
        status=Cohort.Status.RUNNING,
    )
    rng = random.Random(2025)
    genders = ["mujer", "hombre", "femme", "homme", "mulher", "homem", "no binarie", ""]
    people = User.objects.bulk_create(
        [
            User(
                email=EMAILS.format(n=n),
                password="!",
                certificate_name=f"Bench {n}",
                member_city=rng.choice(cities) if cities else None,
                position=rng.choice(["elected", "staff", "other"]),
                gender_self_described=(gender := rng.choice(genders)),
                gender_consent_at=now if gender else None,
            )
            for n in range(learners)
        ],
        batch_size=BATCH,
    )
    Invitation.objects.bulk_create(
        [
            Invitation(cohort=cohort, email=p.email, expires_at=now, accepted_at=now)
            for p in people[: learners // 2]
        ],
        batch_size=BATCH,
    )
    rows = []
    for n, learner in enumerate(people):
        started = now - datetime.timedelta(days=rng.randint(30, 70), hours=rng.randint(0, 23))
        done = rng.random() < 0.45
        rows.append(
            Enrollment(
                cohort=cohort,
                learner=learner,
                status="completed" if done else ("withdrawn" if n % 20 == 0 else "active"),
                enrolled_at=started,
                completed_at=started + datetime.timedelta(days=rng.randint(5, 29))
                if done
                else None,
                completed_lessons=LESSONS if done else 0,
                last_activity_at=now - datetime.timedelta(days=rng.randint(0, 29)),
            )
        )
    enrollments = Enrollment.objects.bulk_create(rows, batch_size=BATCH)
    progress, results, statements = [], [], []
    for enrollment in enrollments:
        reached = LESSONS if enrollment.status == "completed" else rng.randint(0, LESSONS)
        for index, lesson in enumerate(lessons[:reached]):
            viewed = enrollment.enrolled_at + datetime.timedelta(
                days=index, hours=rng.randint(0, 23)
            )
            progress.append(
                LessonProgress(
                    enrollment=enrollment,
                    lesson=lesson,
                    viewed_at=viewed,
                    completed_at=viewed + datetime.timedelta(minutes=20),
                )
            )
        for activity in activities[: reached * ACTIVITIES // LESSONS]:
            score = Decimal(rng.randint(40, 100)) / 100
            results.append(
                ActivityResult(
                    enrollment=enrollment,
                    activity=activity,
                    attempts=2,
                    best_scaled=score,
                    last_scaled=score,
                    finished_at=now,
                )
            )
            statements.extend(
                Statement(
                    id=uuid.uuid4(),
                    learner_id=enrollment.learner_id,
                    enrollment=enrollment,
                    activity=activity,
                    verb="http://adlnet.gov/expapi/verbs/answered",
                    scaled_score=score,
                    content_digest="bench",
                    payload={},
                    stored_at=enrollment.enrolled_at + datetime.timedelta(days=rng.randint(0, 30)),
                )
                for _ in range(2)
            )
    LessonProgress.objects.bulk_create(progress, batch_size=BATCH)
    ActivityResult.objects.bulk_create(results, batch_size=BATCH)
    Statement.objects.bulk_create(statements, batch_size=BATCH)
    print(
        f"cohort of {learners} learners: {len(progress)} lesson progress rows, "
        f"{len(results)} scores, {len(statements)} statements"
    )
    return cohort


def answered_questionnaire(cohort: Any, count: int) -> Any:
    """The demo's end-of-course questionnaire on the bench cohort, answered anonymously by
    its first `count` learners (a "has answered" marker each, answers without a name)."""
    from enrollments.demo import seed_questionnaires
    from enrollments.questionnaires.models import Answer, Questionnaire, Respondent, Response

    seed_questionnaires()
    questionnaire = Questionnaire.objects.get(cohort=cohort)
    rng = random.Random(7)
    enrollments = list(cohort.enrollments.order_by("pk").values_list("pk", flat=True)[:count])
    Respondent.objects.bulk_create(
        [Respondent(questionnaire=questionnaire, enrollment_id=pk) for pk in enrollments],
        batch_size=BATCH,
    )
    responses = Response.objects.bulk_create(
        [
            Response(
                questionnaire=questionnaire, language=rng.choice(["es", "pt", "fr", "en", "ca"])
            )
            for _ in enrollments
        ],
        batch_size=BATCH,
    )
    answers: list[Any] = []
    for response in responses:
        answers += [
            Answer(response=response, question="overall", number=rng.randint(1, 5)),
            Answer(response=response, question="useful", number=rng.randint(1, 5)),
            Answer(response=response, question="recommend", number=rng.randint(0, 10)),
            Answer(
                response=response,
                question="format",
                option=rng.choice(["online", "blended", "in-person"]),
            ),
            Answer(response=response, question="topics", option="inclusion"),
        ]
        if rng.random() < 0.2:
            answers.append(Answer(response=response, question="comments", text="Muy útil."))
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    print(f"questionnaire: {len(responses)} responses, {len(answers)} answers")
    return questionnaire


def measure(name: str, run: Callable[[], object], runs: int) -> None:
    from django.db import connection

    run()  # warm caches and connections
    # Counted by a wrapper: a request through the test client empties connection.queries.
    queries: list[str] = []

    def count(execute: Any, sql: str, *rest: Any) -> Any:
        queries.append(sql)
        return execute(sql, *rest)

    with connection.execute_wrapper(count):
        run()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    print(f"{name:<44}{len(queries):>8}{statistics.median(timings):>12.0f}{min(timings):>10.0f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from cms.demo.seed import seed_demo
    from enrollments.questionnaires import results
    from enrollments.reports import aggregates

    if connection.vendor != "postgresql":
        sys.exit("Run the bench on PostgreSQL: source /tmp/aula-services/services.env first.")
    call_command("migrate", verbosity=0)
    seed_demo()
    course, lessons, activities = bench_course()
    cohort = fresh_cohort(course, lessons, activities, args.learners)
    questionnaire = answered_questionnaire(cohort, min(args.answers, args.learners))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    admin = User.objects.filter(is_superuser=True).first()
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(admin)
    api = f"/api/v1/cohorts/{cohort.public_id}/report/"
    roster = f"/api/v1/cohorts/{cohort.public_id}/roster/"

    def get(path: str, **params: str) -> Callable[[], object]:
        def run() -> object:
            response = client.get(path, params)
            assert response.status_code == 200, (path, response.status_code)
            # A streamed download is only made while it is read.
            return b"".join(response.streaming_content) if response.streaming else response.content

        return run

    print(f"{'measure':<44}{'queries':>8}{'median ms':>12}{'min ms':>10}")
    measure("cohort report (aggregates only)", lambda: aggregates.cohort_report(cohort), args.runs)
    measure("GET cohort report (API, JSON)", get(api), args.runs)
    measure("GET cohort report page", get(f"/en/cohorts/{cohort.public_id}/report/"), args.runs)
    measure("GET cohort report ?export=csv", get(api, export="csv"), args.runs)
    measure("GET cohort report ?export=xlsx", get(api, export="xlsx"), args.runs)
    measure(
        "GET delegation report (API, all cohorts)", get("/api/v1/reports/delegation/"), args.runs
    )
    measure("GET roster ?export=csv", get(roster, export="csv"), args.runs)
    measure("GET roster ?export=xlsx", get(roster, export="xlsx"), args.runs)
    measure(
        "GET roster page (first 100)", get(f"/en/cohorts/{cohort.public_id}/roster/"), args.runs
    )
    measure(
        "questionnaire results (aggregates only)",
        lambda: results.results(questionnaire, language="es"),
        args.runs,
    )
    answers = f"/api/v1/questionnaires/{questionnaire.public_id}/results/"
    measure("GET questionnaire results (API, JSON)", get(answers), args.runs)
    measure(
        "GET questionnaire results page",
        get(f"/en/questionnaires/{questionnaire.public_id}/results/"),
        args.runs,
    )
    measure("GET questionnaire results ?export=xlsx", get(answers, export="xlsx"), args.runs)
    print(
        f"({args.learners} learners, {LESSONS} lessons, {questionnaire.responses.count()} "
        "questionnaire responses, PostgreSQL, REPORT_MIN_CELL=5)"
    )


if __name__ == "__main__":
    main()
