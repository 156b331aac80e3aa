from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.signals import personal_data_requested
from enrollments.models import Enrollment
from enrollments.signals import enrollment_completed

log = logging.getLogger(__name__)


@receiver(enrollment_completed, sender=Enrollment)
def start_certificate(sender: type, enrollment: Enrollment, **kwargs: Any) -> None:
    from certificates import tasks

    try:
        tasks.start_certificate.delay(enrollment.pk)
    except Exception:
        # In-process (no broker), a failure must not break the learner's request: the
        # certificate stays pending and beat's issue_pending, or a coordinator, finishes it.
        log.exception("Could not issue the certificate of enrolment %s now", enrollment.pk)


@receiver(personal_data_requested, sender=User)
def certificate_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    """Erasure leaves certificates alone: they are the holder's proof, printed as issued."""
    from certificates.credentials import codes
    from certificates.models import Certificate

    return "certificates", [
        {
            "code": codes.display(certificate.code),
            "status": certificate.status,
            "claims": certificate.claims,
            "issued_at": certificate.issued_at,
            "revoked_at": certificate.revoked_at,
            "revocation_reason": certificate.get_public_reason_display(),
            "revocation_note": certificate.revocation_note,
            "credential": certificate.credential,
        }
        for certificate in Certificate.objects.for_holder(user).order_by("created_at")
    ]
