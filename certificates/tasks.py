"""Celery entry points of certificates: each runs one service."""

from __future__ import annotations

from celery import shared_task

# Rendering or uploading can fail for passing reasons (storage down, a worker killed): the
# certificate stays pending and the task tries again, backing off.
RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 8}


@shared_task(name="certificates.issue", acks_late=True, **RETRY)
def issue_certificate(certificate_id: int) -> None:
    from certificates import services
    from certificates.models import Certificate

    try:
        services.issue_certificate(certificate_id=certificate_id)
    except Certificate.DoesNotExist:
        return  # gone (its enrolment's data was erased in a test, say): nothing to retry


@shared_task(name="certificates.start", acks_late=True, **RETRY)
def start_certificate(enrollment_id: int) -> None:
    from certificates import services
    from enrollments.models import Enrollment

    enrollment = Enrollment.objects.filter(pk=enrollment_id).first()
    if enrollment is None:
        return  # nothing to certify any more; retrying would not change that
    services.start_certificate(enrollment=enrollment)


@shared_task(name="certificates.publish_status_list", **RETRY)
def publish_status_list(status_list_id: int) -> None:
    from certificates import services

    services.publish_status_list(status_list_id=status_list_id)


@shared_task(name="certificates.ready_email", autoretry_for=(OSError,), retry_backoff=True)
def send_certificate_ready(certificate_id: int) -> None:
    from certificates import emails

    emails.send_certificate_ready(certificate_id=certificate_id)


@shared_task(name="certificates.issue_pending")
def issue_pending_certificates() -> int:
    """Beat's safety net: pending certificates whose task was lost are queued again."""
    from datetime import timedelta

    from django.utils import timezone

    from certificates.models import Certificate

    stale = Certificate.objects.filter(
        status=Certificate.Status.PENDING, created_at__lt=timezone.now() - timedelta(minutes=10)
    ).values_list("pk", flat=True)[:500]
    for pk in stale:
        issue_certificate.delay(pk)
    return len(stale)
