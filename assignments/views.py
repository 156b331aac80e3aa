"""Pages: a learner hands in work from the lesson; trainers review it from their queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import access
from accounts.models import User
from assignments import links, services
from assignments.models import Attachment, Review, Submission
from cms.models import LessonPage
from courses.models import Cohort
from enrollments.errors import NotAllowed


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
@require_POST
def work(request: HttpRequest, lesson_id: int, block_id: str) -> HttpResponse:
    """The lesson's assignment form: save the draft, submit it, or remove a file."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    user = _user(request)
    back = f"{lesson.url}#assignment-{block_id}"
    try:
        remove = request.POST.get("remove", "")
        if remove:
            attachment = get_object_or_404(Attachment, public_id=remove)
            services.remove_attachment(learner=user, attachment=attachment)
            messages.success(request, _("The file is removed."))
            return redirect(back)
        services.save_draft(
            learner=user,
            lesson=lesson,
            block_id=block_id,
            text=request.POST.get("text", ""),
            uploads=request.FILES.getlist("files"),
        )
        if request.POST.get("action") == "submit":
            services.submit(learner=user, lesson=lesson, block_id=block_id)
            messages.success(request, _("Your work is submitted: your trainers will review it."))
        else:
            messages.success(request, _("Your draft is saved."))
    except NotAllowed as error:
        raise Http404(" ".join(error.messages)) from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)


@login_required
@require_GET
def attachment_file(request: HttpRequest, token: str) -> HttpResponseBase:
    public_id = links.attachment_id(token)
    if public_id is None:
        raise Http404(_("This link has expired: open the page again for a new one."))
    attachment = get_object_or_404(
        Attachment.objects.select_related("submission__enrollment__cohort"), public_id=public_id
    )
    submission = attachment.submission
    user = _user(request)
    if submission.enrollment.learner_id != user.pk and not services.can_review(user, submission):
        raise Http404(_("There is no such file."))
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


QUEUE_FILTERS = ("submitted", "returned", "accepted", "draft")


@login_required
def queue(request: HttpRequest, public_id: str) -> HttpResponse:
    """The edition's submissions to review, by status, city or lateness; a fixed number of
    queries however many."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    user = _user(request)
    if not access.can_follow_cohort(user, cohort):
        raise Http404(_("There is no such edition."))
    found = Submission.objects.filter(enrollment__cohort=cohort).select_related(
        "enrollment__learner__member_city", "lesson"
    )
    counts = dict(found.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    status = request.GET.get("status", "submitted")
    if status in QUEUE_FILTERS:
        found = found.filter(status=status)
    city = request.GET.get("city", "").strip()
    if city:
        found = found.filter(enrollment__learner__member_city__translations__name__icontains=city)
    late = request.GET.get("late") == "1"
    if late:
        found = found.filter(versions__is_late=True)
    rows = list(
        found.annotate(
            version_count=Count("versions", distinct=True),
            late_count=Count("versions", filter=Q(versions__is_late=True), distinct=True),
        )
        .order_by("submitted_at", "pk")
        .distinct()[:500]
    )
    return render(
        request,
        "assignments/queue.html",
        {
            "cohort": cohort,
            "rows": rows,
            "status": status,
            "city": city,
            "late": late,
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in Submission.Status.choices
            ],
        },
    )


@login_required
def review_page(request: HttpRequest, public_id: str) -> HttpResponse:
    submission = get_object_or_404(
        Submission.objects.select_related("enrollment__cohort", "enrollment__learner", "lesson"),
        public_id=public_id,
    )
    user = _user(request)
    if not services.can_review(user, submission):
        raise Http404(_("There is no such submission."))
    block = services.assignment_in(submission.lesson, submission.block_id)
    rubric = list(block.get("rubric") or []) if block is not None else []
    versions = list(
        submission.versions.prefetch_related("attachments").select_related("review__reviewer")
    )
    status = 200
    error = ""
    if request.method == "POST":
        levels: list[int | None] = []
        for index in range(len(rubric)):
            raw = request.POST.get(f"level-{index}", "")
            levels.append(int(raw) if raw.isdigit() else None)
        try:
            services.review(
                reviewer=user,
                submission=submission,
                decision=request.POST.get("decision", ""),
                feedback=request.POST.get("feedback", ""),
                levels=levels,
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
            status = 400
        else:
            messages.success(request, _("The review is saved and the learner is told."))
            return redirect("assignments:queue", public_id=submission.enrollment.cohort.public_id)
    return render(
        request,
        "assignments/review.html",
        {
            "submission": submission,
            "block": block,
            "rubric": rubric,
            "versions": [
                {
                    "version": version,
                    "files": [(a, links.file_url(a)) for a in version.attachments.all()],
                    "review": getattr(version, "review", None),
                }
                for version in versions
            ],
            "open": submission.status == Submission.Status.SUBMITTED,
            "error": error,
            "posted": request.POST,
            "decisions": Review.Decision.choices,
        },
        status=status,
    )


def panel_context(request: HttpRequest, lesson: Any, block: Any, block_id: str) -> dict[str, Any]:
    """What the lesson's assignment block shows its reader (see the template tag)."""
    context: dict[str, Any] = {"block": block, "block_id": block_id, "lesson": lesson}
    user = request.user
    if not user.is_authenticated:
        return context
    assert isinstance(user, User)
    enrollment = services.enrollment_for(user, lesson)
    context["enrollment"] = enrollment
    if enrollment is None:
        context["follows"] = access.is_trainer(user) or access.is_coordinator(user)
        return context
    submission = (
        Submission.objects.filter(enrollment=enrollment, block_id=str(block_id))
        .prefetch_related("attachments", "versions__review")
        .first()
    )
    versions = list(submission.versions.all()) if submission else []
    context.update(
        {
            "submission": submission,
            "editable": submission is None or submission.status in services.EDITABLE,
            "open": services.is_open(enrollment.cohort),
            "due": services.due_on(enrollment.cohort, block),
            "draft_files": [
                (a, links.file_url(a)) for a in submission.attachments.all() if a.in_draft
            ]
            if submission
            else [],
            "latest_review": next(
                (getattr(v, "review", None) for v in reversed(versions) if hasattr(v, "review")),
                None,
            ),
            "version_count": len(versions),
            "takes_text": block["hand_in"] in ("text", "both"),
            "takes_files": block["hand_in"] in ("files", "both"),
            "accept": ",".join(
                {"pdf": ".pdf", "docx": ".docx", "odt": ".odt", "image": ".png,.jpg,.jpeg"}[k]
                for k in (block.get("file_types") or [])
            ),
        }
    )
    return context
