"""The demo's sessions: every open edition gets a webinar and a workshop in Rosario; the
finished edition, a past session with its attendance. Running it again changes nothing."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import Counter

from django.utils import timezone

from accounts.models import User
from courses.models import Cohort
from enrollments.models import Enrollment
from meetings.models import Attendance, AttendanceChange, Meeting

ZONE = zoneinfo.ZoneInfo("America/Argentina/Buenos_Aires")
PAST_TITLE = "Encuentro de cierre de la edición piloto"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZONE)


def seed_sessions(*, created: Counter[str], by: User | None) -> None:
    today = timezone.localdate()
    for cohort in Cohort.objects.filter(status=Cohort.Status.OPEN, meetings__isnull=True):
        webinar_day = today + datetime.timedelta(days=7)
        workshop_day = today + datetime.timedelta(days=21)
        webinar = Meeting.objects.create(
            cohort=cohort,
            title="Webinario: la Carta de Ciudades Educadoras hoy",
            title_translations={
                "pt": "Webinário: a Carta das Cidades Educadoras hoje",
                "en": "Webinar: the Charter of Educating Cities today",
            },
            description="Una hora con la formadora, con tiempo para preguntas.",
            kind=Meeting.Kind.ONLINE,
            starts_at=_at(webinar_day, 17),
            ends_at=_at(webinar_day, 18),
            time_zone=ZONE.key,
            meeting_url="https://meet.jit.si/aula-ciudades-educadoras",
            created_by=by,
        )
        workshop = Meeting.objects.create(
            cohort=cohort,
            title="Taller presencial en Rosario",
            title_translations={
                "pt": "Oficina presencial em Rosário",
                "en": "Face-to-face workshop in Rosario",
            },
            kind=Meeting.Kind.FACE_TO_FACE,
            starts_at=_at(workshop_day, 10),
            ends_at=_at(workshop_day, 13),
            time_zone=ZONE.key,
            venue_name="Centro Cultural Parque de España",
            venue_address="Sarmiento y el río",
            venue_city="Rosario",
            seats=40,
            created_by=by,
        )
        for meeting in (webinar, workshop):
            meeting.facilitators.set(cohort.trainers.all())
        created["sessions"] += 2
    _seed_past(created=created, by=by)


def _seed_past(*, created: Counter[str], by: User | None) -> None:
    cohort = Cohort.objects.filter(status=Cohort.Status.CLOSED).order_by("pk").first()
    if cohort is None or cohort.meetings.exists():
        return
    day = cohort.starts_on + datetime.timedelta(days=30)
    meeting = Meeting.objects.create(
        cohort=cohort,
        title=PAST_TITLE,
        kind=Meeting.Kind.ONLINE,
        starts_at=_at(day, 17),
        ends_at=_at(day, 18),
        time_zone=ZONE.key,
        meeting_url="https://meet.jit.si/aula-edicion-piloto",
        created_by=by,
    )
    enrollments = list(Enrollment.objects.filter(cohort=cohort).order_by("pk"))
    for index, enrollment in enumerate(enrollments):
        # Most joined; every seventh was away (one of them excused).
        status = (
            Attendance.Status.PRESENT
            if index % 7
            else (Attendance.Status.EXCUSED if index % 14 else Attendance.Status.ABSENT)
        )
        attendance = Attendance.objects.create(
            meeting=meeting,
            enrollment=enrollment,
            status=status,
            joined_at=meeting.starts_at + datetime.timedelta(minutes=index % 5)
            if status == Attendance.Status.PRESENT
            else None,
            changed_at=meeting.ends_at,
            changed_by=by,
        )
        AttendanceChange.objects.create(
            attendance=attendance,
            status=status,
            source=Attendance.Source.JOINED
            if status == Attendance.Status.PRESENT
            else Attendance.Source.REGISTER,
            changed_at=meeting.ends_at,
            changed_by=by,
        )
    created["sessions"] += 1
