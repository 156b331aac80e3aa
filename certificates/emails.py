"""The e-mail that tells a learner their certificate is ready, in the certificate's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from certificates.models import Certificate


def send_certificate_ready(*, certificate_id: int) -> None:
    certificate = Certificate.objects.select_related("enrollment__learner").get(pk=certificate_id)
    claims = certificate.printed
    learner = certificate.enrollment.learner
    with translation.override(claims.language):
        context = {
            "claims": claims,
            "learner": learner,
            "my_courses_url": f"{settings.SITE_URL}/{claims.language}/my-courses/",
        }
        subject = render_to_string("certificates/email/ready_subject.txt", context).strip()
        body = render_to_string("certificates/email/ready.txt", context)
    send_mail(subject, body, None, [learner.email])
