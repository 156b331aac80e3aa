"""Celery entry points of enrolments: each runs one service."""

from __future__ import annotations

from celery import shared_task

from enrollments import emails


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="enrollments.seat_offered"
)
def send_seat_offered_email(enrollment_id: int) -> None:
    emails.send_seat_offered(enrollment_id=enrollment_id)


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="enrollments.admitted"
)
def send_admitted_email(enrollment_id: int) -> None:
    emails.send_admission_outcome(enrollment_id=enrollment_id, admitted=True)


@shared_task(name="enrollments.not_admitted")
def send_not_admitted_emails(enrollment_ids: list[int]) -> None:
    for enrollment_id in enrollment_ids:
        emails.send_admission_outcome(enrollment_id=enrollment_id, admitted=None)


@shared_task(name="enrollments.still_waiting")
def send_still_waiting_emails(enrollment_ids: list[int]) -> None:
    for enrollment_id in enrollment_ids:
        emails.send_admission_outcome(enrollment_id=enrollment_id, admitted=False)


@shared_task(
    autoretry_for=(OSError,), retry_backoff=True, max_retries=5, name="enrollments.invitation"
)
def send_invitation_email(invitation_id: int) -> None:
    emails.send_invitation(invitation_id=invitation_id)


@shared_task(name="enrollments.run_import")
def run_import(job_id: int) -> None:
    from django.utils import translation

    from enrollments import imports
    from enrollments.models import ImportJob

    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    # The problems found are written in the language of whoever sent the file.
    with translation.override(job.created_by.preferred_language):
        imports.run_import(job=job)


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
    name="enrollments.questionnaire_reminder",
)
def send_questionnaire_reminder(questionnaire_id: int, enrollment_id: int) -> None:
    emails.send_questionnaire_reminder(
        questionnaire_id=questionnaire_id, enrollment_id=enrollment_id
    )


@shared_task(name="enrollments.remind_questionnaires")
def remind_questionnaires() -> int:
    from enrollments.questionnaires import services

    return services.remind()


@shared_task(name="enrollments.complete_after_waiting")
def complete_after_waiting() -> int:
    """Enrolments that had done everything complete once their edition's minimum days pass."""
    from enrollments import progress

    return progress.complete_after_waiting()
