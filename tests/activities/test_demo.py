"""The demo has a past seminar with its attendance and a virtual café ready to admit."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from activities.models import NetworkActivity
from enrollments import admission
from enrollments.models import Enrollment
from meetings.models import Attendance

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_past_seminar_and_a_cafe_with_more_applicants_than_seats(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    seminar = NetworkActivity.objects.get(kind=NetworkActivity.Kind.SEMINAR)
    cafe = NetworkActivity.objects.get(kind=NetworkActivity.Kind.VIRTUAL_CAFE)
    assert seminar.cohort.ends_on < timezone.localdate()
    assert seminar.place == "Rosario"
    assert Attendance.objects.filter(
        enrollment__cohort=seminar.cohort, status=Attendance.Status.PRESENT
    ).exists()
    from certificates.models import Certificate

    attended = Certificate.objects.filter(enrollment__cohort=seminar.cohort)
    assert attended.exists() and all(c.printed.kind == "attendance" for c in attended)
    from enrollments.questionnaires.models import Response

    assert Response.objects.filter(questionnaire__cohort=seminar.cohort).exists()
    # Both ask for the network's evaluation, which the café opens once it is over.
    assert seminar.evaluation is not None and cafe.evaluation == seminar.evaluation
    waiting = Enrollment.objects.filter(cohort=cafe.cohort, status="waitlisted").count()
    assert waiting > cafe.cohort.capacity
    plan = admission.plan_for(cafe.cohort)
    assert len(plan.selection.admitted) == cafe.cohort.capacity
    assert NetworkActivity.objects.listed().filter(pk=cafe.pk).exists()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)
    assert NetworkActivity.objects.count() == 2
    assert "nothing changed" in out.getvalue()
