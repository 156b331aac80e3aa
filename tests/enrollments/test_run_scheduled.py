"""Without a broker there is no beat: `run_scheduled` (started by `make run`) runs the scheduled
jobs in-process, so a certificate whose task was lost is issued in the demo too."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from certificates import services as certificates
from certificates.models import Certificate
from enrollments import progress, services


def test_scheduled_jobs_run_once_in_process_and_issue_a_lost_certificate(
    cohort, learner, coordinator
):
    enrollment = services.enroll_learner(cohort=cohort, learner=learner)
    progress.complete_by_hand(actor=coordinator, enrollment=enrollment, reason="In person")
    enrollment.refresh_from_db()
    # Its task was lost (a worker killed mid-way): the certificate waits, pending.
    certificate = certificates.start_certificate(enrollment=enrollment, issued_by=coordinator)
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.PENDING

    out = io.StringIO()
    call_command("run_scheduled", "--once", stdout=out)

    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.ISSUED
    said = out.getvalue()
    assert "issue-pending-certificates: done" in said
    assert "remind-questionnaires: done" in said
