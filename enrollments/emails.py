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
