"""Handing in work for an assignment and reviewing it.

A learner writes a draft (text and files), submits it (a version, frozen), and may change and
submit again only once it is returned for revision. The edition's trainers and coordinators
review the latest version: rubric levels, written feedback, accepted or returned; the learner
is told by e-mail in their language. Every step is idempotent: a double click or a retried
request changes nothing the second time."""

from __future__ import annotations

import datetime
import os
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from assignments import files as checks
from assignments.models import Attachment, Review, Submission, Version
from cms.models import LessonPage
from courses.models import Cohort
from enrollments import progress
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment

MAX_FILES = 5
EDITABLE = (Submission.Status.DRAFT, Submission.Status.RETURNED)


def assignment_in(lesson: LessonPage, block_id: str, *, as_written: bool = False) -> Any | None:
    """The assignment block with this id in the lesson: its settings are the original's;
    `as_written`, the block of the lesson given (a translation's words), else the original's."""
    pages = [lesson.specific, progress.original_lesson(lesson)] if as_written else []
    for page in pages or [progress.original_lesson(lesson)]:
        for block in page.body:
            if block.block_type == "assignment" and str(block.id) == str(block_id):
                return block.value
    return None


def enrollment_for(learner: User, lesson: LessonPage) -> Enrollment | None:
    found = progress.enrollments_for_lesson(
        learner=learner, lesson=progress.original_lesson(lesson)
    )
    return max(found, key=lambda e: (e.enrolled_at, e.pk)) if found else None


def due_on(cohort: Cohort, block: Any) -> datetime.date | None:
    days = block.get("due_days")
    if days is None or cohort.starts_on is None:
        return None
    return cohort.starts_on + datetime.timedelta(days=int(days))


def is_open(cohort: Cohort) -> bool:
    if cohort.status in (Cohort.Status.CLOSED, Cohort.Status.ARCHIVED):
        return False
    return cohort.ends_on is None or timezone.localdate() <= cohort.ends_on


def _mine(*, learner: User, lesson: LessonPage, block_id: str) -> tuple[Any, Enrollment]:
    block = assignment_in(lesson, block_id)
    if block is None:
        raise ValidationError(_("There is no such assignment."), code="unknown_assignment")
    enrollment = enrollment_for(learner, lesson)
    if enrollment is None:
        raise NotAllowed(_("Only learners of an edition of this course hand in its work."))
    if not is_open(enrollment.cohort):
        raise ValidationError(
            _("The edition has closed: work can no longer be handed in."), code="closed"
        )
    return block, enrollment


def _submission(enrollment: Enrollment, lesson: LessonPage, block_id: str) -> Submission:
    submission, _created = Submission.objects.get_or_create(
        enrollment=enrollment,
        block_id=str(block_id),
        defaults={"lesson": progress.original_lesson(lesson)},
    )
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def save_draft(
    *,
    learner: User,
    lesson: LessonPage,
    block_id: str,
    text: str,
    uploads: list[UploadedFile] | tuple[()] = (),
) -> Submission:
    """Keeps the text and adds the files to the draft. Refused while waiting for review or
    once accepted; nothing is kept if one file is refused."""
    block, enrollment = _mine(learner=learner, lesson=lesson, block_id=block_id)
    submission = _submission(enrollment, lesson, block_id)
    resent = not uploads and text.strip() == submission.text
    if submission.status == Submission.Status.SUBMITTED and resent:
        return submission  # the same form sent twice (a double click on "Submit")
    _keep(block, submission, text, uploads)
    return submission


@transaction.atomic
def attach(
    *, learner: User, lesson: LessonPage, block_id: str, upload: UploadedFile, key: str = ""
) -> tuple[Attachment, bool]:
    """Adds one file to the draft (the API's way); with `key`, the same upload sent again
    returns the first attachment and adds nothing. Returns the attachment and whether it is
    new."""
    block, enrollment = _mine(learner=learner, lesson=lesson, block_id=block_id)
    submission = _submission(enrollment, lesson, block_id)
    name = _name(upload)
    if key:
        earlier = submission.attachments.filter(creation_key=key).first()
        if earlier is not None:
            if (earlier.name, earlier.size) != (name, upload.size or 0):
                raise Conflict(
                    _("This Idempotency-Key was sent before with another file; send a new key."),
                    code="idempotency_key_reused",
                )
            return earlier, False
    (attachment,) = _keep(block, submission, submission.text, [upload], key=key)
    return attachment, True


def _name(upload: UploadedFile) -> str:
    return os.path.basename(upload.name or "file")[-200:] or "file"


def _keep(
    block: Any,
    submission: Submission,
    text: str,
    uploads: list[UploadedFile] | tuple[()],
    *,
    key: str = "",
) -> list[Attachment]:
    if submission.status not in EDITABLE:
        raise ValidationError(
            _("This work is with the trainers: it can be changed once they return it."),
            code="not_editable",
        )
    takes_text = block["hand_in"] in ("text", "both")
    takes_files = block["hand_in"] in ("files", "both")
    if text.strip() and not takes_text:
        raise ValidationError(_("This assignment takes files only."), code="text_not_taken")
    if uploads and not takes_files:
        raise ValidationError(_("This assignment takes a text only."), code="files_not_taken")
    if len(uploads) + submission.attachments.filter(in_draft=True).count() > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many_files"
        )
    checked = []
    for upload in uploads:
        try:
            found = checks.check(
                upload,
                size=upload.size or 0,
                allowed=list(block.get("file_types") or []),
                max_mb=int(block.get("max_file_mb") or 10),
            )
        except ValidationError as error:
            raise ValidationError(
                f"{os.path.basename(upload.name or '')}: {' '.join(error.messages)}",
                code=error.code,
            ) from error
        checked.append((upload, found))
    submission.text = text.strip()
    submission.save(update_fields=["text", "updated_at"])
    return [
        Attachment.objects.create(
            submission=submission,
            name=_name(upload),
            file=_stored_as(upload, found),
            content_type=found.content_type,
            size=upload.size or 0,
            creation_key=key,
        )
        for upload, found in checked
    ]


def _stored_as(upload: UploadedFile, found: checks.Checked) -> UploadedFile:
    # Stored under a random name: a learner's file name says nothing in the bucket. The
    # extension follows what the file was found to be, never what the browser said.
    extension = {
        "application/pdf": ".pdf",
        "image/png": ".png",
        "image/jpeg": ".jpg",
        checks.ODT.decode(): ".odt",
    }.get(found.content_type, ".docx" if found.kind == "docx" else "")
    upload.name = f"{uuid.uuid4().hex}{extension}"
    return upload


@transaction.atomic
def remove_attachment(*, learner: User, attachment: Attachment) -> None:
    submission = Submission.objects.select_for_update().get(pk=attachment.submission_id)
    if submission.enrollment.learner_id != learner.pk:
        raise NotAllowed(_("This is not your file."))
    if submission.status not in EDITABLE:
        raise ValidationError(
            _("This work is with the trainers: it can be changed once they return it."),
            code="not_editable",
        )
    if attachment.versions.exists():
        Attachment.objects.filter(pk=attachment.pk).update(in_draft=False)  # kept for the record
    else:
        attachment.file.delete(save=False)
        attachment.delete()


@transaction.atomic
def submit(*, learner: User, lesson: LessonPage, block_id: str) -> Version:
    """Freezes the draft as a new version for review. Submitting again while it waits returns
    the same version."""
    block, enrollment = _mine(learner=learner, lesson=lesson, block_id=block_id)
    submission = _submission(enrollment, lesson, block_id)
    if submission.status == Submission.Status.SUBMITTED:
        return submission.versions.order_by("-number").first()  # type: ignore[return-value]
    if submission.status == Submission.Status.ACCEPTED:
        raise ValidationError(_("This work was accepted already."), code="accepted")
    draft_files = list(submission.attachments.filter(in_draft=True))
    if not submission.text and not draft_files:
        raise ValidationError(_("Write your text or attach a file first."), code="empty")
    if block["hand_in"] == "files" and not draft_files:
        raise ValidationError(_("Attach your file first."), code="no_file")
    if block["hand_in"] == "text" and not submission.text:
        raise ValidationError(_("Write your text first."), code="no_text")
    now = timezone.now()
    due = due_on(enrollment.cohort, block)
    number = submission.versions.count() + 1
    version = Version.objects.create(
        submission=submission,
        number=number,
        text=submission.text,
        submitted_at=now,
        is_late=due is not None and timezone.localdate(now) > due,
    )
    version.attachments.set(draft_files)
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = now
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    return version


def can_review(user: Any, submission: Submission) -> bool:
    return access.can_follow_cohort(user, submission.enrollment.cohort)


@transaction.atomic
def review(
    *,
    reviewer: User,
    submission: Submission,
    decision: str,
    feedback: str,
    levels: list[int | None],
) -> Review:
    """The review of the latest version. Reviewing it again returns the first review."""
    locked = (
        Submission.objects.select_for_update()
        .select_related("enrollment__cohort")
        .get(pk=submission.pk)
    )
    if not can_review(reviewer, locked):
        raise NotAllowed(_("Only the edition's trainers and coordinators review its work."))
    version = locked.versions.order_by("-number").first()
    if version is None:
        raise ValidationError(_("Nothing was submitted yet."), code="nothing_submitted")
    existing = Review.objects.filter(version=version).first()
    if existing is not None:
        return existing
    if decision not in Review.Decision.values:
        raise ValidationError(_("Accept the work or return it for revision."), code="decision")
    if decision == Review.Decision.RETURNED and not feedback.strip():
        raise ValidationError(
            _("Say what to revise: the learner reads it."), code="feedback_required"
        )
    block = assignment_in(locked.lesson, locked.block_id)
    rubric = list(block.get("rubric") or []) if block is not None else []
    points = _points(rubric, levels)
    made = Review.objects.create(
        version=version,
        reviewer=reviewer,
        decision=decision,
        feedback=feedback.strip(),
        levels=list(levels[: len(rubric)]),
        points=points,
    )
    locked.status = (
        Submission.Status.ACCEPTED
        if decision == Review.Decision.ACCEPTED
        else Submission.Status.RETURNED
    )
    locked.save(update_fields=["status", "updated_at"])
    review_id = made.pk
    transaction.on_commit(lambda: _tell_learner(review_id))
    if (
        decision == Review.Decision.ACCEPTED
        and locked.enrollment.cohort.requires_accepted_assignments
    ):
        # The edition may have waited for this work to complete (and certify) the learner.
        enrollment_id = locked.enrollment_id
        transaction.on_commit(lambda: progress.refresh_completion(enrollment_id=enrollment_id))
    return made


def _points(rubric: list[Any], levels: list[int | None]) -> int | None:
    if not rubric:
        return None
    if len(levels) < len(rubric) or any(level is None for level in levels[: len(rubric)]):
        raise ValidationError(
            _("Choose a level for every criterion of the rubric."), code="levels_required"
        )
    total = 0
    for criterion, level in zip(rubric, levels, strict=False):
        options = list(criterion["levels"])
        if not isinstance(level, int) or not 0 <= level < len(options):
            raise ValidationError(_("Choose one of the criterion's levels."), code="level")
        total += int(options[level]["points"])
    return total


def _tell_learner(review_id: int) -> None:
    from assignments import emails

    emails.send_reviewed(review_id=review_id)
