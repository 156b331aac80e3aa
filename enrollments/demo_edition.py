"""A finished demo edition with forty participants, so that the reports, the questionnaire
results and the open figures have something to show (and some small groups to hide).

Rows are written back-dated, as a real edition would have left them; certificates are issued
through the usual signal. Running it again changes nothing."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Delegation, MemberCity, User
from cms.models import Activity, CourseLesson
from courses.models import Cohort, Course
from enrollments.demo import TITLE as QUESTIONNAIRE
from enrollments.models import ActivityResult, Enrollment, Invitation, LessonProgress
from enrollments.questionnaires import services as questionnaires
from enrollments.questionnaires.models import (
    Answer,
    Questionnaire,
    QuestionnaireTemplate,
    Respondent,
    Response,
)
from enrollments.signals import enrollment_completed

COURSE = "CEC-101"
TITLE = "Ciudades educadoras · edición piloto 2026"
EMAIL = "participante{n:02d}@demo.aula.example"
# Uneven on purpose: Santos and Montevideo send fewer than five people.
CITIES = ["Rosario"] * 12 + ["Córdoba"] * 8 + ["Medellín"] * 9 + ["Guadalajara"] * 7
CITIES += ["Santos"] * 3 + ["Montevideo"]
GIVEN = ["Ana", "Bruno", "Camila", "Diego", "Elena", "Fernando", "Gabriela", "Héctor", "Inés"]
GIVEN += ["Jorge", "Karina", "Luis", "María", "Nicolás", "Olga", "Pablo", "Rosa", "Sergio"]
FAMILY = ["Acosta", "Benítez", "Castro", "Domínguez", "Espinosa", "Flores", "García", "Herrera"]
FAMILY += ["Ibarra", "Juárez", "López", "Méndez", "Núñez", "Ortiz", "Pereira", "Quiroga"]


def seed_past_edition(*, by: User | None = None) -> int:
    """Returns how many participants it created (0 when the edition is already there)."""
    course = Course.objects.filter(code=COURSE).first()
    template = QuestionnaireTemplate.objects.translated("es", title=QUESTIONNAIRE["es"]).first()
    lessons = list(
        CourseLesson.objects.filter(course=course, is_live=True)
        .order_by("path")
        .values_list("lesson_id", flat=True)
    )
    if course is None or template is None or not lessons:
        return 0
    if Cohort.objects.filter(course=course, title=TITLE).exists():
        return 0
    rng = random.Random(2026)
    today = timezone.localdate()
    starts_on = today - datetime.timedelta(days=200)
    cities = {
        city.safe_translation_getter("name", any_language=True): city
        for city in MemberCity.objects.select_related("country").prefetch_related("translations")
    }
    if not set(CITIES) <= set(cities):
        return 0
    with transaction.atomic():
        cohort = _cohort(course, cities["Rosario"].delegation, starts_on, by)
        completed = _participants(cohort, lessons, cities, rng)
        seed_answers(cohort, template, rng, by)
    # Certificates, as if each had finished then (issued in the learner's language).
    for enrollment in completed:
        enrollment_completed.send(sender=Enrollment, enrollment=enrollment)
    return len(CITIES)


def _cohort(
    course: Course, delegation: Delegation, starts_on: datetime.date, by: User | None
) -> Cohort:
    begins = timezone.make_aware(datetime.datetime.combine(starts_on, datetime.time(9)))
    cohort = Cohort.objects.create(
        course=course,
        delegation=delegation,
        language="es",
        title=TITLE,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=90),
        enrollment_opens_at=begins - datetime.timedelta(days=30),
        enrollment_closes_at=begins + datetime.timedelta(days=14),
        capacity=60,
        status=Cohort.Status.CLOSED,
        min_score=60,
    )
    trainer = User.objects.filter(email="trainer@aula.example").first()
    if trainer is not None:
        cohort.trainers.add(trainer)
    for n in range(len(CITIES) + 8):  # eight invitations never taken up
        Invitation.objects.create(
            cohort=cohort,
            email=EMAIL.format(n=n + 1),
            invited_by=by,
            expires_at=begins + datetime.timedelta(days=14),
            accepted_at=begins if n < len(CITIES) else None,
        )
    return cohort


def _participants(
    cohort: Cohort, lessons: list[int], cities: dict[str, MemberCity], rng: random.Random
) -> list[Enrollment]:
    begins = timezone.make_aware(datetime.datetime.combine(cohort.starts_on, datetime.time(9)))
    activities = {
        activity.lesson_id: activity
        for activity in Activity.objects.required().filter(course_id=cohort.course_id)
    }
    completed = []
    for n, city_name in enumerate(CITIES):
        person = _person(n, cities[city_name], rng, begins)
        enrolled_at = begins - datetime.timedelta(days=rng.randint(0, 20))
        # About half finish, a third stop half-way, the rest barely start.
        share = rng.choice([1.0] * 10 + [0.5] * 6 + [0.1] * 3 + [0.0])
        done = round(len(lessons) * share)
        moment = max(enrolled_at, begins)  # reading starts with the edition
        moments = []
        for _lesson in lessons[:done]:
            moment += datetime.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8))
            moments.append(moment)
        enrollment = Enrollment.objects.create(
            cohort=cohort,
            learner=person,
            status=Enrollment.Status.COMPLETED if done == len(lessons) else "active",
            enrolled_at=enrolled_at,
            completed_at=moment if done == len(lessons) else None,
            completed_lessons=done,
            last_lesson_id=lessons[done - 1] if done else None,
            last_activity_at=moment if done else None,
        )
        LessonProgress.objects.bulk_create(
            LessonProgress(
                enrollment=enrollment, lesson_id=lesson_id, viewed_at=at, completed_at=at
            )
            for lesson_id, at in zip(lessons, moments, strict=False)
        )
        # The Charter's activity closes the first lesson: whoever finished it has a score.
        if moments and (activity := activities.get(lessons[0])) is not None:
            best = Decimal(rng.choice([6, 7, 8, 8, 9, 10])) / 10
            ActivityResult.objects.create(
                enrollment=enrollment,
                activity=activity,
                attempts=rng.randint(1, 3),
                best_scaled=best,
                last_scaled=best,
                finished_at=moments[0],
            )
        if enrollment.status == Enrollment.Status.COMPLETED:
            completed.append(enrollment)
    return completed


def _person(n: int, city: MemberCity, rng: random.Random, begins: datetime.datetime) -> User:
    person = User(
        email=EMAIL.format(n=n + 1),
        certificate_name=f"{GIVEN[n % len(GIVEN)]} {FAMILY[(n * 7) % len(FAMILY)]}",
        member_city=city,
        preferred_language="es" if city.country.iso_code != "BR" else "pt",
        position=rng.choice(["elected"] * 2 + ["staff"] * 3 + ["other"]),
    )
    # Gender only for those who said it and agreed it be used; one rare answer gets pooled.
    gender = rng.choice(["woman"] * 5 + ["man"] * 4 + [""] * 2)
    if gender:
        person.gender = gender
        person.gender_consent_at = begins
    if n == 17:  # in their own words
        person.gender, person.gender_self_described = "own_words", "No binarie"
        person.gender_consent_at = begins
    person.set_unusable_password()
    person.save()
    return person


def seed_answers(
    cohort: Cohort, template: QuestionnaireTemplate, rng: random.Random, by: User | None
) -> None:
    """The end-of-course questionnaire, closed now, answered anonymously by most finishers."""
    closes = timezone.make_aware(
        datetime.datetime.combine(cohort.ends_on, datetime.time(23, 59))
    ) + datetime.timedelta(days=21)
    questionnaire = Questionnaire.objects.create(
        cohort=cohort,
        template=template,
        opens_at=closes - datetime.timedelta(days=35),
        closes_at=closes,
        questions=questionnaires.snapshot(template),
        created_by=by,
        reminder_days=0,
    )
    answered = [
        enrollment
        for enrollment in cohort.enrollments.select_related("learner").order_by("pk")
        if enrollment.status == Enrollment.Status.COMPLETED or rng.random() < 0.2
    ]
    for enrollment in answered:
        day = closes.date() - datetime.timedelta(days=rng.randint(1, 30))
        Respondent.objects.create(
            questionnaire=questionnaire, enrollment=enrollment, answered_on=day
        )
        response = Response.objects.create(
            questionnaire=questionnaire,
            language=enrollment.learner.preferred_language,
            submitted_on=day,
        )
        values: list[dict[str, Any]] = [
            {"question": "overall", "number": rng.choice([3, 4, 4, 5, 5, 5])},
            {"question": "useful", "number": rng.choice([2, 3, 4, 4, 5])},
            {"question": "recommend", "number": rng.choice([6, 7, 8, 9, 9, 10, 10])},
            {"question": "format", "option": rng.choice(["online", "online", "blended"])},
        ]
        values += [
            {"question": "topics", "option": topic}
            for topic in ("participation", "inclusion", "public-space")
            if rng.random() < 0.5
        ]
        if rng.random() < 0.3:
            values.append({"question": "comments", "text": rng.choice(COMMENTS)})
        Answer.objects.bulk_create(Answer(response=response, **value) for value in values)


COMMENTS = [
    "Muy útil para el primer año de mandato.",
    "Me gustaría más casos de ciudades pequeñas.",
    "Los foros con otras ciudades fueron lo mejor.",
    "Gostei muito dos exemplos práticos.",
    "Faltó tiempo para el trabajo final.",
]
