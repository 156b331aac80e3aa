"""The e-mail telling a learner their work was reviewed, in their language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from assignments.models import Review
from assignments.services import assignment_in


def send_reviewed(*, review_id: int) -> None:
    review = Review.objects.select_related(
        "version__submission__enrollment__learner", "version__submission__lesson"
    ).get(pk=review_id)
    submission = review.version.submission
    learner = submission.enrollment.learner
    language = translation.get_supported_language_variant(learner.preferred_language or "es")
    with translation.override(language):
        lesson = submission.lesson.localized
        block = assignment_in(submission.lesson, submission.block_id)
        context = {
            "learner": learner,
            "review": review,
            "title": block["title"] if block is not None else lesson.title,
            "url": f"{settings.SITE_URL}{lesson.url}#assignment-{submission.block_id}",
        }
        subject = render_to_string("assignments/email/reviewed_subject.txt", context).strip()
        body = render_to_string("assignments/email/reviewed.txt", context)
    send_mail(subject, body, None, [learner.email])
