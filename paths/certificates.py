"""A learning path's certificate: the same verifiable PDF/A and Open Badges credential as a
course's, issued when every course of the path is completed, listing the courses as evidence.

It is anchored on the enrolment of the path's last completed course (its holder, language and
the coordinators who may revoke or correct it), and prints what the courses' own certificates
printed: their titles, when each was completed, their hours and their public addresses.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from certificates import services as certifying
from certificates.claims import PATH, Claims
from certificates.models import Certificate
from enrollments.models import Enrollment
from paths.models import PathEnrollment

if TYPE_CHECKING:
    from paths.services import Step


def _course_certificates(enrollment_ids: list[int]) -> dict[int, Certificate]:
    """Each enrolment's current course certificate (issued, neither revoked nor replaced)."""
    found: dict[int, Certificate] = {}
    for certificate in (
        Certificate.objects.of_courses()
        .issued()
        .filter(enrollment__in=enrollment_ids, revoked_at__isnull=True)
        .order_by("created_at", "pk")
    ):
        found[certificate.enrollment_id] = certificate
    return found


def _builder(
    path_enrollment: PathEnrollment, done: list[tuple[Step, Enrollment]], anchor: Enrollment
) -> certifying.ClaimsBuilder:
    path = path_enrollment.path
    language = certifying.certificate_language(anchor)
    title = str((path.title_translations or {}).get(language) or "").strip() or path.title
    description = (
        str((path.description_translations or {}).get(language) or "").strip() or path.description
    )
    held = _course_certificates([enrollment.pk for _step, enrollment in done])
    evidence = []
    hours = 0
    for step, enrollment in done:
        course_certificate = held.get(enrollment.pk)
        completed = timezone.localdate(enrollment.completed_at or timezone.now())
        hours += (
            course_certificate.printed.hours
            if course_certificate is not None
            else step.course.nominal_hours
        )
        evidence.append(
            {
                "code": step.course.code,
                "title": certifying.translated(step.course, "certificate_title", language),
                "completed_on": completed.isoformat(),
                "verify_url": course_certificate.printed.verify_url
                if course_certificate is not None
                else "",
            }
        )
    starts_on = min(enrollment.cohort.starts_on for _step, enrollment in done)
    completed_on = max(datetime.date.fromisoformat(item["completed_on"]) for item in evidence)

    def build(code: str, on: datetime.datetime) -> Claims:
        return Claims(
            code=code,
            holder_name=certifying.holder_name(anchor.learner),
            course_code=str(path.public_id),
            course_title=title,
            course_description=description,
            hours=hours,
            cohort_name="",
            starts_on=starts_on,
            ends_on=completed_on,
            completed_on=completed_on,
            delegation_name=certifying.translated(path.delegation, "name", language),
            language=language,
            issued_on=timezone.localdate(on),
            verify_url=certifying.verify_url(code),
            kind=PATH,
            evidence=tuple(evidence),
        )

    return build


def start(path_enrollment: PathEnrollment, steps: list[Step]) -> Certificate | None:
    """The path's one certificate, pending until the task renders it; None while a course is
    unfinished. Safe to call again: it finds the one it made."""
    done = [(step, step.enrollment) for step in steps if step.enrollment is not None]
    if not steps or len(done) != len(steps) or any(step.state != "done" for step in steps):
        return None
    anchor = max(
        (enrollment for _step, enrollment in done),
        key=lambda e: (e.completed_at or timezone.now(), e.pk),
    )
    return certifying.start_path_certificate(
        enrollment=anchor,
        path_enrollment_id=path_enrollment.pk,
        build=_builder(path_enrollment, done, anchor),
    )
