from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from enrollments import services as enrollment_services
from meetings.models import Meeting


@pytest.fixture
def enrolled(cohort, learner):
    return enrollment_services.enroll_learner(cohort=cohort, learner=learner)


def make_meeting(cohort, *, in_minutes: int = 10, minutes: int = 90, **fields) -> Meeting:
    starts = timezone.now() + datetime.timedelta(minutes=in_minutes)
    values = {
        "title": "Webinario con la formadora",
        "kind": Meeting.Kind.ONLINE,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(minutes=minutes),
        "time_zone": "America/Mexico_City",
        "meeting_url": "https://meet.jit.si/aula-ciudades",
    }
    values.update(fields)
    return Meeting.objects.create(cohort=cohort, **values)


@pytest.fixture
def online(cohort) -> Meeting:
    return make_meeting(cohort)


@pytest.fixture
def workshop(cohort) -> Meeting:
    return make_meeting(
        cohort,
        in_minutes=-30,
        title="Taller en Rosario",
        kind=Meeting.Kind.FACE_TO_FACE,
        meeting_url="",
        venue_name="Centro Cultural Fontanarrosa",
        venue_address="San Martín 1080",
        venue_city="Rosario",
    )
