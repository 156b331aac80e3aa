"""Finishing a course issues exactly one certificate: a PDF with its code, QR and signed
credential, stored with its hash, announced by e-mail in the learner's language."""

from __future__ import annotations

import hashlib
import json
import threading

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

from certificates import issuer, services
from certificates.credentials import codes, offline, signing
from certificates.models import Certificate
from certificates.pdf.read import attached_credential
from tests.certificates.conftest import complete


def stored_pdf(certificate: Certificate) -> bytes:
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        return handle.read()


def test_completing_the_course_issues_a_signed_certificate_with_its_pdf(certificate, learner):
    assert certificate.status == Certificate.Status.ISSUED
    claims = certificate.printed
    assert claims.holder_name == "Ana Gutiérrez"
    assert claims.cohort_name == "Abril"
    assert claims.hours == certificate.enrollment.cohort.course.nominal_hours
    assert claims.verify_url == f"{settings.SITE_URL}/verify/{claims.display_code}"
    assert codes.parse(claims.display_code) == certificate.code

    pdf = stored_pdf(certificate)
    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256
    attached = json.loads(attached_credential(pdf) or b"{}")
    assert attached == certificate.credential
    signing.verify(attached, did_document=issuer.did_document())
    assert (
        offline.check(attached, did_document=issuer.did_document(), fetch_status=None).claims[
            "holder_name"
        ]
        == "Ana Gutiérrez"
    )


def test_the_learner_is_told_by_e_mail_in_their_language(
    enrollment, coordinator, learner, mailoutbox, django_capture_on_commit_callbacks
):
    learner.preferred_language = "pt"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        complete(enrollment, coordinator)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.printed.language == "pt"
    message = mailoutbox[-1]
    assert message.to == [learner.email]
    assert "certificado" in message.subject
    assert certificate.printed.display_code in message.body


def test_duplicate_signals_and_retried_tasks_change_nothing(
    certificate, enrollment, django_capture_on_commit_callbacks
):
    from enrollments.signals import enrollment_completed

    enrollment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            enrollment_completed.send(sender=type(enrollment), enrollment=enrollment)
        services.start_certificate(enrollment=enrollment)
        services.issue_certificate(certificate_id=certificate.pk)

    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    again = Certificate.objects.get(pk=certificate.pk)
    assert (again.code, again.pdf_sha256) == (certificate.code, certificate.pdf_sha256)


def test_an_unfinished_enrolment_earns_no_certificate(enrollment):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Only a completed enrolment"):
        services.start_certificate(enrollment=enrollment)
    assert not Certificate.objects.exists()


def test_a_failed_upload_leaves_it_pending_and_the_retry_finishes_it(
    enrollment, coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    storage = storages["certificates"]
    real_save = storage.save

    def broken_save(name, content, **kwargs):
        raise OSError("storage unreachable")

    monkeypatch.setattr(storage, "save", broken_save)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete(enrollment, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:  # the completion signal: start, then issue (which fails)
            callback()
    pending = Certificate.objects.get(enrollment=enrollment)
    assert pending.status == Certificate.Status.PENDING
    assert "storage unreachable" in pending.last_error
    assert not pending.pdf and not pending.credential

    monkeypatch.setattr(storage, "save", real_save)
    issued = services.issue_certificate(certificate_id=pending.pk)
    assert issued.status == Certificate.Status.ISSUED
    assert issued.code == pending.code  # the same certificate, not a second one
    assert storage.exists(issued.pdf.name)


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="concurrent writers are tested on PostgreSQL (SQLite serialises every write)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_issue_exactly_one_certificate(cohort, learner, coordinator):
    from enrollments import services as enrollment_services

    enrollment = enrollment_services.enroll_learner(cohort=cohort, learner=learner)
    enrollment = complete(enrollment, coordinator)  # (its own signal runs in-process too)
    Certificate.objects.all().delete()
    barrier = threading.Barrier(8)
    made: list[int] = []

    def worker() -> None:
        try:
            barrier.wait()
            certificate = services.start_certificate(enrollment=enrollment)
            services.issue_certificate(certificate_id=certificate.pk)
            made.append(certificate.pk)
        finally:
            connection.close()  # a connection left open would block the flush after the test

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(made)) == 1
    only = Certificate.objects.get(enrollment=enrollment)
    assert only.status == Certificate.Status.ISSUED
    # Whoever lost the race could not overwrite the PDF whose hash the winner recorded.
    assert hashlib.sha256(stored_pdf(only)).hexdigest() == only.pdf_sha256


@pytest.mark.skipif(not settings.CELERY_BROKER_URL, reason="needs a broker and a worker")
@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_workers_given_the_same_completion_many_times_issue_one(cohort, learner, coordinator):
    import time

    from certificates import tasks
    from enrollments import services as enrollment_services

    enrollment = enrollment_services.enroll_learner(cohort=cohort, learner=learner)
    complete(enrollment, coordinator)
    for _ in range(6):
        tasks.start_certificate.delay(enrollment.pk)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        issued = Certificate.objects.filter(enrollment=enrollment, status="issued")
        if issued.exists():
            break
        time.sleep(0.5)
    time.sleep(2)  # let the duplicates finish too
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    assert hashlib.sha256(stored_pdf(certificate)).hexdigest() == certificate.pdf_sha256
    from tests.shared import wait_for_idle_worker

    wait_for_idle_worker()  # the certificate's e-mail, sent after issuing
