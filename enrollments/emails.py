"""E-mails to learners, each rendered in the learner's own language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from enrollments.models import Enrollment


def send_seat_offered(*, enrollment_id: int) -> None:
    enrollment = Enrollment.objects.select_related("cohort", "learner").get(pk=enrollment_id)
    learner = enrollment.learner
    with translation.override(learner.preferred_language):
        context = {
            "enrollment": enrollment,
            "learner": learner,
            "cohort": enrollment.cohort,
            "my_courses_url": f"{settings.SITE_URL}/{learner.preferred_language}/my-courses/",
        }
        subject = render_to_string("enrollments/email/seat_offered_subject.txt", context).strip()
        body = render_to_string("enrollments/email/seat_offered.txt", context)
    send_mail(subject, body, None, [learner.email])
