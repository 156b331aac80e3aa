"""Issuing, revoking and correcting certificates, and publishing the revocation list."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import issuer, rendering
from certificates.claims import ATTENDANCE, COMPLETION, Claims
from certificates.credentials import codes, ob3, status_list
from certificates.models import Certificate, RevocationReason, StatusList
from enrollments.models import Enrollment

log = logging.getLogger(__name__)
ALLOCATION_ATTEMPTS = 8
# What a certificate will say, given its new code and the moment it is created.
ClaimsBuilder = Callable[[str, datetime], Claims]


def verify_url(code: str) -> str:
    return f"{settings.SITE_URL}/verify/{codes.display(code)}"


def certificate_language(enrollment: Enrollment) -> str:
    """The learner's language when Aula speaks it, else the cohort's: fixed at issue."""
    languages = dict(settings.LANGUAGES)
    preferred = enrollment.learner.preferred_language
    return preferred if preferred in languages else enrollment.cohort.language


def attended_hours(enrollment: Enrollment) -> int:
    """Hours of the sessions the learner was present at, when the edition counts them (whole
    hours, rounded down: a certificate never claims more than was attended)."""
    if not enrollment.cohort.session_hours_count:
        return 0
    from meetings.models import Attendance

    present = Attendance.objects.filter(
        enrollment=enrollment, status=Attendance.Status.PRESENT, meeting__cancelled_at__isnull=True
    ).select_related("meeting")
    return int(sum(a.meeting.hours for a in present))


def holder_name(learner: User) -> str:
    """The name a certificate prints: the one the learner chose for certificates, if any."""
    return learner.certificate_name or learner.get_full_name() or learner.email


def translated(model: Any, field: str, language: str) -> str:
    """A django-parler field in the certificate's language, else in any language it has."""
    value = model.safe_translation_getter(field, language_code=language, any_language=True)
    return str(value or "")


def claims_for(enrollment: Enrollment, *, code: str, on: datetime) -> Claims:
    cohort = enrollment.cohort
    course = cohort.course
    language = certificate_language(enrollment)
    learner = enrollment.learner
    completed_at = enrollment.completed_at or on

    return Claims(
        code=code,
        holder_name=holder_name(learner),
        course_code=course.code,
        course_title=translated(course, "certificate_title", language),
        course_description=translated(course, "description", language),
        hours=course.nominal_hours + attended_hours(enrollment),
        cohort_name=str((cohort.title_translations or {}).get(language, "")).strip()
        or cohort.title,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        completed_on=timezone.localdate(completed_at),
        delegation_name=translated(cohort.delegation, "name", language),
        language=language,
        issued_on=timezone.localdate(on),
        verify_url=verify_url(code),
        kind=ATTENDANCE if course.is_activity else COMPLETION,
    )


def _current_status_list() -> StatusList:
    status_list, _created = StatusList.objects.get_or_create(number=1)
    return status_list


def _create(
    *,
    enrollment: Enrollment,
    replaces: Certificate | None,
    issued_by: User | None,
    build: ClaimsBuilder | None = None,
    path_enrollment_id: int | None = None,
) -> Certificate:
    """A pending certificate with its snapshot, code and a random status-list bit."""
    status_list = _current_status_list()
    now = timezone.now()
    if build is None:

        def build(code: str, on: datetime) -> Claims:
            return claims_for(enrollment, code=code, on=on)

    # A path's certificate wears the network's look (the default template), not a course's.
    template = rendering.template_for(
        None if path_enrollment_id is not None else enrollment.cohort.course
    )
    for _attempt in range(ALLOCATION_ATTEMPTS):
        code = codes.new_code()
        index = secrets.randbelow(status_list.size)
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=code,
                    enrollment=enrollment,
                    path_enrollment_id=path_enrollment_id,
                    replaces=replaces,
                    claims=build(code, now).as_json(),
                    template=template,
                    salt=secrets.token_hex(16),
                    status_list=status_list,
                    status_index=index,
                    issued_by=issued_by,
                    created_at=now,
                )
        except IntegrityError:
            # Another worker issued this enrolment's certificate first (the constraint
            # allows one), or, far less likely, the code or status bit was taken: try again.
            existing = _existing(
                enrollment=enrollment, replaces=replaces, path_enrollment_id=path_enrollment_id
            )
            if existing is not None:
                return existing
    raise RuntimeError("Could not allocate a certificate code and status index.")


def _existing(
    *,
    enrollment: Enrollment,
    replaces: Certificate | None,
    path_enrollment_id: int | None = None,
) -> Certificate | None:
    if replaces is not None:
        return Certificate.objects.filter(replaces=replaces).first()
    if path_enrollment_id is not None:
        return Certificate.objects.filter(
            path_enrollment_id=path_enrollment_id, replaces__isnull=True
        ).first()
    return (
        Certificate.objects.of_courses()
        .filter(enrollment=enrollment, replaces__isnull=True)
        .first()
    )


def start_certificate(*, enrollment: Enrollment, issued_by: User | None = None) -> Certificate:
    """The enrolment's one certificate, created pending if it has none; rendering follows in
    a task. Safe to call any number of times, from any number of workers."""
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise ValidationError(
            _("Only a completed enrolment earns a certificate."), code="not_completed"
        )
    certificate = _existing(enrollment=enrollment, replaces=None) or _create(
        enrollment=enrollment, replaces=None, issued_by=issued_by
    )
    if certificate.status == Certificate.Status.PENDING:
        _queue(certificate)
    return certificate


def start_path_certificate(
    *, enrollment: Enrollment, path_enrollment_id: int, build: ClaimsBuilder
) -> Certificate:
    """A learning path's one certificate, anchored on `enrollment` (the path's last completed
    course): `build` says what it prints (kind PATH, the courses as evidence). Safe to repeat."""
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise ValidationError(
            _("Only a completed enrolment earns a certificate."), code="not_completed"
        )
    certificate = _existing(
        enrollment=enrollment, replaces=None, path_enrollment_id=path_enrollment_id
    ) or _create(
        enrollment=enrollment,
        replaces=None,
        issued_by=None,
        build=build,
        path_enrollment_id=path_enrollment_id,
    )
    if certificate.status == Certificate.Status.PENDING:
        _queue(certificate)
    return certificate


def _queue(certificate: Certificate) -> None:
    transaction.on_commit(lambda: _send_issue_task(certificate.pk))


def _send_issue_task(certificate_id: int) -> None:
    from certificates import tasks

    try:
        tasks.issue_certificate.delay(certificate_id)
    except Exception:
        # In-process (no broker) a failure must not break the request that completed the
        # course: the certificate stays pending with its error, and beat or a coordinator
        # finishes it.
        log.exception("Certificate %s stays pending", certificate_id)


def credential_for(certificate: Certificate, *, at: datetime) -> dict[str, Any]:
    claims = certificate.printed
    site = settings.SITE_URL
    unsigned = ob3.build_credential(
        claims,
        credential_id=f"{site}/credentials/{certificate.public_id}",
        issuer_did=issuer.did(),
        issuer_name=issuer.issuer_name(claims.language),
        issuer_url=site,
        holder_email=certificate.enrollment.learner.email,
        salt=certificate.salt,
        status_list_url=status_list_url(certificate.status_list),
        status_index=certificate.status_index,
        achievement_id=f"{site}/paths/{claims.course_code}"
        if claims.is_path
        else f"{site}/courses/{claims.course_code}",
        criteria_narrative=_attended(claims)
        if claims.is_attendance
        else _followed(claims)
        if claims.is_path
        else None,
    )
    return issuer.sign(unsigned, at=at)


def _attended(claims: Any) -> str:
    with translation.override(claims.language):
        return _("Attended %(activity)s (%(hours)s hours).") % {
            "activity": claims.course_title,
            "hours": claims.hours,
        }


def _followed(claims: Claims) -> str:
    with translation.override(claims.language):
        return _("Completed every course of the learning path: %(courses)s.") % {
            "courses": "; ".join(item["title"] for item in claims.evidence)
        }


def status_list_url(status_list: StatusList) -> str:
    return f"{settings.SITE_URL}/credentials/status/{status_list.number}"


def issue_certificate(*, certificate_id: int) -> Certificate:
    """Signs, renders and stores a pending certificate. A second run, or a run that lost a race,
    changes nothing; a failure leaves it pending for the task to retry."""
    certificate = (
        Certificate.objects.select_related("enrollment__learner", "status_list", "template")
        .defer("status_list__bits")  # 16 kB each time, and signing needs only its number
        .get(pk=certificate_id)
    )
    if certificate.status == Certificate.Status.ISSUED:
        return certificate
    if certificate.status_list.credential is None:
        # The credential names this list: it must answer before the credential leaves here,
        # or every verifier that checks revocation would reject a new installation's first
        # certificates.
        publish_status_list(status_list_id=certificate.status_list_id)
    try:
        now = timezone.now()
        credential = credential_for(certificate, at=now)
        document = json.dumps(credential, ensure_ascii=False, indent=2).encode()
        pdf = rendering.render(certificate, credential_json=document)
        digest = hashlib.sha256(pdf).hexdigest()
        storage = Certificate._meta.get_field("pdf").storage  # type: ignore[attr-defined]
        # The hash in the name: a worker that loses the race below cannot overwrite the PDF
        # whose hash the winner recorded.
        name = storage.save(f"{certificate.code}-{digest[:16]}.pdf", ContentFile(pdf))
    except Exception as error:
        Certificate.objects.filter(pk=certificate.pk).update(
            attempts=certificate.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    with transaction.atomic():
        won = Certificate.objects.filter(
            pk=certificate.pk, status=Certificate.Status.PENDING
        ).update(
            status=Certificate.Status.ISSUED,
            credential=credential,
            pdf=name,
            pdf_sha256=digest,
            issued_at=now,
            attempts=certificate.attempts + 1,
            last_error="",
        )
        if won:
            from certificates import tasks

            pk = certificate.pk
            transaction.on_commit(lambda: tasks.send_certificate_ready.delay(pk))
    certificate.refresh_from_db()
    if not won and certificate.pdf.name != name:
        # Rendering is deterministic, so a loser usually wrote the winner's very file; only
        # a file of its own (the claims changed in between) is removed.
        storage.delete(name)
    return certificate


def _set_revoked_bit(certificate: Certificate) -> None:
    status = StatusList.objects.select_for_update().get(pk=certificate.status_list_id)
    status.bits = status_list.with_bit(bytes(status.bits), certificate.status_index, True)
    status.changed_at = timezone.now()
    status.save(update_fields=["bits", "changed_at"])
    from certificates import tasks

    number = status.pk
    transaction.on_commit(lambda: tasks.publish_status_list.delay(number))


# The longest staff note a revocation or correction keeps.
MAX_NOTE = 2000


def _note(reason: str, *, missing: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(missing, code="reason_required")
    if len(reason) > MAX_NOTE:
        raise ValidationError(
            _("Say it in at most %(limit)d characters.") % {"limit": MAX_NOTE},
            code="reason_too_long",
        )
    return reason


@transaction.atomic
def revoke_certificate(
    *,
    certificate: Certificate,
    by: User,
    reason: str,
    public_reason: str = RevocationReason.WITHDRAWN,
) -> Certificate:
    """`reason` is the staff's note, kept internal; `public_reason`, one of RevocationReason,
    is what the verification page and API publish."""
    reason = _note(reason, missing=_("Say why the certificate is revoked."))
    if public_reason not in RevocationReason.values or public_reason == RevocationReason.CORRECTED:
        raise ValidationError(
            _("Choose the reason to publish from the list."), code="invalid_public_reason"
        )
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        return locked  # revoking twice changes nothing
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revocation_note = reason
    locked.public_reason = public_reason
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_note", "public_reason"])
    _set_revoked_bit(locked)
    _forget_answer(locked.code)
    return locked


def _forget_answer(code: str) -> None:
    """The verify API's cached answer for this code goes once the change is committed."""
    from certificates import verification

    transaction.on_commit(lambda: verification.forget(code))


@transaction.atomic
def correct_certificate(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """A new certificate from the learner's current details (say, a corrected name) replaces
    this one, which is revoked and points to its successor."""
    reason = _note(reason, missing=_("Say what the correction is."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    successor = Certificate.objects.filter(replaces=locked).first()
    if successor is not None:
        return successor  # a retried correction changes nothing
    if locked.revoked_at is not None:
        raise ValidationError(_("A revoked certificate cannot be corrected."), code="revoked")
    if locked.status != Certificate.Status.ISSUED:
        raise ValidationError(_("This certificate is still being prepared."), code="pending")
    build: ClaimsBuilder | None = None
    if locked.path_enrollment_id is not None:
        # A path's certificate is corrected from what it printed (its courses do not change),
        # with the holder's name as it is now: what corrections are for.
        printed = locked.printed
        learner = locked.enrollment.learner

        def build(code: str, on: datetime) -> Claims:
            return replace(
                printed,
                code=code,
                holder_name=holder_name(learner),
                issued_on=timezone.localdate(on),
                verify_url=verify_url(code),
            )

    successor = _create(
        enrollment=locked.enrollment,
        replaces=locked,
        issued_by=by,
        build=build,
        path_enrollment_id=locked.path_enrollment_id,
    )
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revocation_note = reason
    locked.public_reason = RevocationReason.CORRECTED
    locked.save(update_fields=["revoked_at", "revoked_by", "revocation_note", "public_reason"])
    _set_revoked_bit(locked)
    _forget_answer(locked.code)
    _queue(successor)
    return successor


def publish_status_list(*, status_list_id: int) -> StatusList:
    """Signs the list as it is now; cheap to repeat, so every change simply republishes."""
    status = StatusList.objects.get(pk=status_list_id)
    now = timezone.now()
    unsigned = status_list.status_list_credential(
        url=status_list_url(status),
        issuer_did=issuer.did(),
        encoded=status_list.encode(bytes(status.bits)),
        valid_from=now,
    )
    signed = issuer.sign(unsigned, at=now)
    StatusList.objects.filter(pk=status.pk, changed_at=status.changed_at).update(
        credential=signed, published_at=now
    )
    status.refresh_from_db()
    return status
