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


def send_admission_outcome(*, enrollment_id: int, admitted: bool | None) -> None:
    """After the organisers admitted applicants: admitted (True), still on the waiting list
    (False), or not admitted once the waiting list closed (None)."""
    enrollment = Enrollment.objects.select_related("cohort", "learner").get(pk=enrollment_id)
    learner = enrollment.learner
    name = {True: "admitted", False: "still_waiting", None: "not_admitted"}[admitted]
    with translation.override(learner.preferred_language):
        context = {
            "learner": learner,
            "cohort": enrollment.cohort,
            "my_courses_url": f"{settings.SITE_URL}/{learner.preferred_language}/my-courses/",
            "activities_url": f"{settings.SITE_URL}/{learner.preferred_language}/activities/",
        }
        subject = render_to_string(f"enrollments/email/{name}_subject.txt", context).strip()
        body = render_to_string(f"enrollments/email/{name}.txt", context)
    send_mail(subject, body, None, [learner.email])


def send_invitation(*, invitation_id: int) -> None:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils import timezone
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accounts.models import User
    from enrollments.models import Invitation

    invitation = Invitation.objects.select_related("cohort__course").get(pk=invitation_id)
    learner = User.objects.filter(email__iexact=invitation.email).first()
    language = learner.preferred_language if learner else invitation.cohort.language
    set_password_url = ""
    if learner is not None and not learner.has_usable_password():
        uid = urlsafe_base64_encode(force_bytes(learner.pk))
        token = default_token_generator.make_token(learner)
        set_password_url = f"{settings.SITE_URL}/{language}/accounts/password-reset/{uid}/{token}/"
    with translation.override(language):
        context = {
            "invitation": invitation,
            "cohort": invitation.cohort,
            "learner": learner,
            "accept_url": f"{settings.SITE_URL}/{language}/invitations/{invitation.token}/",
            "set_password_url": set_password_url,
        }
        subject = render_to_string("enrollments/email/invitation_subject.txt", context).strip()
        body = render_to_string("enrollments/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
    Invitation.objects.filter(pk=invitation.pk).update(emailed_at=timezone.now())


def send_questionnaire_reminder(*, questionnaire_id: int, enrollment_id: int) -> None:
    from enrollments.questionnaires.models import Questionnaire

    questionnaire = Questionnaire.objects.select_related("cohort").get(pk=questionnaire_id)
    enrollment = Enrollment.objects.select_related("learner").get(pk=enrollment_id)
    from enrollments.questionnaires.services import has_answered

    if has_answered(questionnaire=questionnaire, enrollment=enrollment):
        return  # answered (this version or another) since the reminder was queued
    learner = enrollment.learner
    language = learner.preferred_language
    with translation.override(language):
        context = {
            "learner": learner,
            "cohort": questionnaire.cohort,
            "title": questionnaire.title(language),
            "closes_at": questionnaire.closes_at,
            "answer_url": (
                f"{settings.SITE_URL}/{language}/questionnaires/{questionnaire.public_id}/"
            ),
            "is_anonymous": questionnaire.is_anonymous,
        }
        subject = render_to_string(
            "enrollments/email/questionnaire_reminder_subject.txt", context
        ).strip()
        body = render_to_string("enrollments/email/questionnaire_reminder.txt", context)
    send_mail(subject, body, None, [learner.email])
