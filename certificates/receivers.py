from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

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
