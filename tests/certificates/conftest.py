"""A learner who finishes the test course, and the certificate that follows."""

from __future__ import annotations

import pytest

from certificates.models import Certificate
from enrollments import progress, services
from enrollments.models import Enrollment


@pytest.fixture
def enrollment(cohort, learner) -> Enrollment:
    return services.enroll_learner(cohort=cohort, learner=learner)


def complete(enrollment: Enrollment, by) -> Enrollment:
    return progress.complete_by_hand(actor=by, enrollment=enrollment, reason="Attended in person")


@pytest.fixture
def certificate(enrollment, coordinator, django_capture_on_commit_callbacks) -> Certificate:
    """Issued the way it happens in production: completion → signal → tasks."""
    with django_capture_on_commit_callbacks(execute=True):
        complete(enrollment, coordinator)
    return Certificate.objects.get(enrollment=enrollment)
