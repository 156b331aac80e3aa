"""The demo's activities: a past face-to-face seminar in Rosario with its attendance, and an
upcoming virtual café with more applicants than seats, ready for the coordinator to admit.
Running it again changes nothing."""

from __future__ import annotations

import datetime
import random
import zoneinfo
from collections import Counter

from django.db import transaction
from django.utils import timezone

from accounts.models import Country, Delegation, User
from activities import services
from activities.models import NetworkActivity
from courses.models import Cohort
from enrollments.demo import TITLE as EVALUATION
from enrollments.demo_edition import seed_answers
from enrollments.models import Enrollment
from enrollments.questionnaires.models import QuestionnaireTemplate

ZONE = zoneinfo.ZoneInfo("America/Argentina/Buenos_Aires")
SEMINAR = "Seminario: la ciudad que educa después de las elecciones"
CAFE = "Café virtual: primeros cien días de gobierno"
PARTICIPANTS = "@demo.aula.example"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZONE)


@transaction.atomic
def seed_activities(*, created: Counter[str], by: User | None) -> None:
    from meetings.models import Attendance, AttendanceChange, Meeting

    people = list(
        User.objects.filter(email__endswith=PARTICIPANTS)
        .select_related("member_city__delegation")
        .order_by("email")
    )
    if (
        len(people) < 20
        or by is None
        or NetworkActivity.objects.filter(cohort__title=CAFE).exists()
    ):
        return
    city = people[0].member_city
    delegation = city.delegation if city is not None else Delegation.objects.first()
    if delegation is None:
        return
    today = timezone.localdate()
    argentina = Country.objects.filter(iso_code="AR").first()

    # A seminar held two months ago in Rosario: 14 took part, most attended.
    held_on = today - datetime.timedelta(days=60)
    seminar = services.create_activity(
        by=by,
        delegation=delegation,
        kind=NetworkActivity.Kind.SEMINAR,
        title=SEMINAR,
        title_translations={
            "pt": "Seminário: a cidade que educa depois das eleições",
            "en": "Seminar: the educating city after the elections",
        },
        description=(
            "Una jornada presencial para las nuevas autoridades: qué hereda cada ciudad, "
            "qué compromisos de la Carta renueva y cómo lo cuenta."
        ),
        description_translations={
            "en": "A face-to-face day for newly elected authorities: what each city inherits, "
            "which commitments of the Charter it renews and how it tells its people."
        },
        language="es",
        audience=Cohort.Visibility.PUBLIC,
        opens_at=_at(held_on - datetime.timedelta(days=40), 9),
        closes_at=_at(held_on - datetime.timedelta(days=10), 9),
        starts_on=held_on,
        ends_on=held_on,
        seats=20,
        max_country_share=60,
        max_per_city=5,
        venue="Centro Cultural Parque de España",
        place="Rosario",
        country=argentina,
    )
    cohort = seminar.cohort
    session = Meeting.objects.create(
        cohort=cohort,
        title=SEMINAR,
        kind=Meeting.Kind.FACE_TO_FACE,
        starts_at=_at(held_on, 9),
        ends_at=_at(held_on, 17),
        time_zone=ZONE.key,
        venue_name="Centro Cultural Parque de España",
        venue_address="Sarmiento y el río",
        venue_city="Rosario",
        seats=20,
        created_by=by,
    )
    Cohort.objects.filter(pk=cohort.pk).update(
        status=Cohort.Status.CLOSED, selection_done_at=session.starts_at
    )
    for index, person in enumerate(people[:14]):
        enrollment = Enrollment.objects.create(
            cohort=cohort,
            learner=person,
            status=Enrollment.Status.ACTIVE,
            waitlisted_at=_at(held_on - datetime.timedelta(days=30), 9),
            enrolled_at=_at(held_on - datetime.timedelta(days=9), 9),
        )
        status = Attendance.Status.PRESENT if index % 5 else Attendance.Status.ABSENT
        attendance = Attendance.objects.create(
            meeting=session,
            enrollment=enrollment,
            status=status,
            joined_at=session.starts_at if status == Attendance.Status.PRESENT else None,
            changed_at=session.ends_at,
            changed_by=by,
        )
        AttendanceChange.objects.create(
            attendance=attendance,
            status=status,
            source=Attendance.Source.REGISTER,
            changed_at=session.ends_at,
            changed_by=by,
        )
    # Those who attended complete it and receive their certificate of attendance; most of
    # them answered the evaluation (anonymous, as every demo questionnaire).
    from meetings import services as sessions

    sessions.refresh_attendees(cohort_id=cohort.pk)
    template = QuestionnaireTemplate.objects.translated("es", title=EVALUATION["es"]).first()
    if template is not None:
        seed_answers(cohort, template, random.Random(13), by)
    created["network activities"] += 1

    # A virtual café in three weeks: 12 seats, the other participants of the demo apply.
    cafe_on = today + datetime.timedelta(days=21)
    cafe = services.create_activity(
        by=by,
        delegation=delegation,
        kind=NetworkActivity.Kind.VIRTUAL_CAFE,
        title=CAFE,
        title_translations={
            "pt": "Café virtual: os primeiros cem dias de governo",
            "en": "Virtual café: the first hundred days in office",
            "fr": "Café virtuel : les cent premiers jours de mandat",
        },
        description=(
            "Una hora de conversación entre ciudades: cada una cuenta en cinco minutos qué "
            "hizo en sus primeros cien días y qué haría distinto."
        ),
        description_translations={
            "pt": "Uma hora de conversa entre cidades: cada uma conta em cinco minutos o que "
            "fez nos primeiros cem dias e o que faria de outra forma.",
            "en": "An hour of conversation between cities: each tells in five minutes what it "
            "did in its first hundred days and what it would do differently.",
        },
        language="es",
        audience=Cohort.Visibility.PUBLIC,
        opens_at=timezone.now() - datetime.timedelta(days=10),
        closes_at=_at(cafe_on - datetime.timedelta(days=3), 23),
        starts_on=cafe_on,
        ends_on=cafe_on,
        seats=12,
        max_country_share=40,
        max_per_city=3,
        network_wide=True,
    )
    Meeting.objects.create(
        cohort=cafe.cohort,
        title=CAFE,
        kind=Meeting.Kind.ONLINE,
        starts_at=_at(cafe_on, 17),
        ends_at=_at(cafe_on, 18),
        time_zone=ZONE.key,
        meeting_url="https://meet.jit.si/aula-cafe-virtual",
        created_by=by,
    )
    services.publish(activity=cafe)
    # Both ask for the demo's evaluation questionnaire, as the demo's editions do.
    from enrollments.demo import seed_questionnaires

    if attached := seed_questionnaires(by=by):
        created["questionnaires"] += attached
    NetworkActivity.objects.filter(pk__in=[seminar.pk, cafe.pk]).update(
        evaluation=QuestionnaireTemplate.objects.translated("es", title=EVALUATION["es"]).first()
    )
    applied = timezone.now() - datetime.timedelta(days=9)
    Enrollment.objects.bulk_create(
        Enrollment(
            cohort=cafe.cohort,
            learner=person,
            status=Enrollment.Status.WAITLISTED,
            waitlisted_at=applied + datetime.timedelta(hours=5 * index),
        )
        for index, person in enumerate(people[2:])
    )
    created["network activities"] += 1
