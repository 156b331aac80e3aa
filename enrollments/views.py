"""Learner pages: my courses, and the forms that enrol, withdraw and mark lessons done."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Country, User
from cms.localization import url_in_active_language
from cms.models import CourseLesson, CoursePage, LessonPage
from courses.models import Cohort
from enrollments import progress, services
from enrollments import roster as rosters
from enrollments.invitations import pending as invitations_pending
from enrollments.models import Enrollment, Invitation, LessonProgress

# Learners per roster page; the export has them all.
ROSTER_PAGE = 100


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = fallback
    return HttpResponseRedirect(target or fallback)


def _course_rows(enrollments: list[Enrollment], request: HttpRequest) -> list[dict[str, object]]:
    """Each enrolment with its course's title in the reader's language and where to go on: the
    first unfinished lesson after the last one opened (else the first unfinished one), or, once
    every lesson is done, the course page. A fixed number of queries, however many rows."""
    courses = {e.cohort.course_id for e in enrollments}
    lessons: dict[int, list[LessonPage]] = {}
    for entry in (
        CourseLesson.objects.filter(course__in=courses, is_live=True)
        .select_related("lesson__locale")
        .order_by("course", "path")
    ):
        lessons.setdefault(entry.course_id, []).append(entry.lesson)
    done = set(
        LessonProgress.objects.filter(
            enrollment__in=enrollments, completed_at__isnull=False
        ).values_list("enrollment_id", "lesson_id")
    )
    language = translation.get_language()
    pages: dict[int, CoursePage] = {}
    for page in CoursePage.objects.live().filter(course__in=courses).select_related("locale"):
        if page.course_id not in pages or page.locale.language_code == language:
            pages[page.course_id] = page
    rows = []
    for enrollment in enrollments:
        course_lessons = lessons.get(enrollment.cohort.course_id, [])
        unfinished = [lesson for lesson in course_lessons if (enrollment.pk, lesson.pk) not in done]
        opened = enrollment.last_lesson_id
        position = {lesson.pk: index for index, lesson in enumerate(course_lessons)}
        after = position.get(opened, -1)
        following = [lesson for lesson in unfinished if position[lesson.pk] > after]
        candidates = following or unfinished
        next_lesson = candidates[0] if candidates else None
        page = pages.get(enrollment.cohort.course_id)
        rows.append(
            {
                "enrollment": enrollment,
                "course_title": page.title if page else enrollment.cohort.shown_title,
                "course_url": url_in_active_language(page, request) if page else "",
                "continue_url": url_in_active_language(next_lesson, request) if next_lesson else "",
                "started": bool(opened) or len(unfinished) < len(course_lessons),
                # As completion counts: optional lessons may stay undone.
                "finished": enrollment.has_done_required_lessons,
            }
        )
    return rows


@login_required
def my_courses(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    enrollments = list(
        Enrollment.objects.of_learner(user.pk)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        # Activities (seminars, visits, cafés) are listed apart, by the activities app's tag.
        .filter(cohort__activity__isnull=True)
        .with_required_lessons()
        .select_related("cohort__course")
        # By name: the certificates app sits above this one and shows them on the page.
        .prefetch_related("certificates")
        .order_by("-enrolled_at", "-waitlisted_at")
    )
    rows = _course_rows(enrollments, request)
    from accounts import access

    followed = []
    if access.is_trainer(user) or access.is_coordinator(user):
        followed = list(
            Cohort.objects.filter(access.followed_cohorts_filter(user))
            .select_related("course")
            .prefetch_related("questionnaires")
            .distinct()
            .order_by("-starts_on")
        )
        language = translation.get_language()
        for cohort in followed:
            for questionnaire in cohort.questionnaires.all():  # prefetched: no query
                questionnaire.shown_title = questionnaire.title(language)  # type: ignore[attr-defined]
    from enrollments.questionnaires import services as questionnaires

    pending = questionnaires.pending_for(user)
    modules = questionnaires.modules_shown(pending)
    return render(
        request,
        "enrollments/my_courses.html",
        {
            "rows": rows,
            "followed": followed,
            "questionnaires": [
                {"questionnaire": q, "module": modules.get(q.after_module_id or 0)} for q in pending
            ],
            "builds_questionnaires": access.can_use_questionnaire_templates(user),
            "creates_editions": access.is_coordinator(user) or access.is_site_admin(user),
        },
    )


@login_required
@require_POST
def enroll(request: HttpRequest, public_id: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    cohort = get_object_or_404(Cohort, public_id=public_id)
    try:
        enrollment = services.enroll_learner(
            learner=user, cohort=cohort, key=request.POST.get("key", "")
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _back(request, "/")
    if enrollment.status == Enrollment.Status.WAITLISTED:
        messages.info(
            request,
            _("The cohort is full: you are on its waiting list and will be told by e-mail."),
        )
    else:
        messages.success(
            request, _("You are enrolled in %(cohort)s.") % {"cohort": cohort.shown_title}
        )
    return _back(request, "/")


@login_required
@require_POST
def lesson_done(request: HttpRequest, translation_key: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    lesson = progress.lesson_by_key(translation_key)
    if lesson is None:
        raise Http404(_("There is no such lesson."))
    try:
        progress.mark_lesson_done(learner=user, lesson=lesson)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("Lesson marked as done."))
    return _back(request, "/")


def _enrollment_for(request: HttpRequest, public_id: str, *, own: bool) -> Enrollment:
    """The enrolment, for its cohort's coordinators (and, with `own`, its learner); anyone else
    is told it does not exist."""
    from accounts import access

    enrollment = get_object_or_404(
        Enrollment.objects.select_related("cohort", "learner"), public_id=public_id
    )
    mine = own and enrollment.learner_id == request.user.pk
    if not mine and not access.can_manage_cohort(request.user, enrollment.cohort):
        raise Http404(_("There is no such enrolment."))
    return enrollment


@login_required
@require_POST
def withdraw(request: HttpRequest, public_id: str) -> HttpResponse:
    """A learner leaves an edition (or its waiting list); a coordinator withdraws someone."""
    user = request.user
    assert isinstance(user, User)
    enrollment = _enrollment_for(request, public_id, own=True)
    own = enrollment.learner_id == user.pk
    try:
        services.withdraw(enrollment=enrollment, by=user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("You left %(cohort)s.") % {"cohort": enrollment.cohort.shown_title}
            if own
            else _("%(person)s was withdrawn from %(cohort)s.")
            % {"person": enrollment.learner.display_name, "cohort": enrollment.cohort.shown_title},
        )
    return _back(request, reverse("enrollments:my_courses"))


@login_required
@require_POST
def admit(request: HttpRequest, public_id: str) -> HttpResponse:
    """A coordinator gives someone on the waiting list a seat."""
    user = request.user
    assert isinstance(user, User)
    enrollment = _enrollment_for(request, public_id, own=False)
    try:
        services.admit(enrollment=enrollment, by=user, add_seat=bool(request.POST.get("add_seat")))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("%(person)s has a seat in %(cohort)s and was told by e-mail.")
            % {"person": enrollment.learner.display_name, "cohort": enrollment.cohort.shown_title},
        )
    return _back(request, reverse("enrollments:roster", args=[enrollment.cohort.public_id]))


def _managed_invitation(request: HttpRequest, pk: int) -> Invitation:
    from accounts import access

    found = get_object_or_404(Invitation.objects.select_related("cohort"), pk=pk)
    if not access.can_manage_cohort(request.user, found.cohort):
        raise Http404(_("There is no such invitation."))
    return found


@login_required
@require_POST
def invite_from_roster(request: HttpRequest, public_id: str) -> HttpResponse:
    """Invitations typed on the roster page: addresses separated by commas, spaces or lines."""
    import re

    from django.core.validators import validate_email

    from accounts import access
    from enrollments import invitations

    user = request.user
    assert isinstance(user, User)
    cohort = get_object_or_404(Cohort, public_id=public_id)
    if not access.can_manage_cohort(user, cohort):
        raise Http404(_("There is no such cohort."))
    back = reverse("enrollments:roster", args=[cohort.public_id])
    addresses = [a for a in re.split(r"[\s,;]+", request.POST.get("emails", "")) if a]
    wrong = []
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            wrong.append(address)
    if wrong or not addresses:
        messages.error(
            request,
            _("Not an e-mail address: %(wrong)s. Nothing was sent.") % {"wrong": ", ".join(wrong)}
            if wrong
            else _("Write at least one e-mail address."),
        )
        return HttpResponseRedirect(back)
    if len(addresses) > 200:
        messages.error(request, _("At most 200 addresses at once; import a file for more."))
        return HttpResponseRedirect(back)
    sent = invitations.invite_many(cohort=cohort, emails=addresses, invited_by=user)
    messages.success(
        request,
        _("%(sent)d invitations sent; %(already)d had been invited already.")
        % {"sent": sent, "already": len(addresses) - sent},
    )
    return HttpResponseRedirect(back)


@login_required
@require_POST
def resend_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    from enrollments import invitations

    return _on_invitation(
        request, pk, invitations.resend, _("The invitation to %(email)s was sent again.")
    )


@login_required
@require_POST
def cancel_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    from enrollments import invitations

    return _on_invitation(
        request, pk, invitations.cancel, _("The invitation to %(email)s was cancelled.")
    )


def _on_invitation(request: HttpRequest, pk: int, act: Any, done: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    found = _managed_invitation(request, pk)
    try:
        act(invitation=found, by=user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, done % {"email": found.email})
    return HttpResponseRedirect(reverse("enrollments:roster", args=[found.cohort.public_id]))


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Shows an invitation; accepting it (signed in as the invited address) enrols the learner.
    Someone invited without an account creates it here and is enrolled in the same step: the
    invitation, e-mailed to that address, already proves it is theirs."""
    from accounts.forms import SignupForm
    from enrollments import invitations

    found = Invitation.objects.select_related("cohort__course").filter(token=token).first()
    if found is None:
        return render(request, "enrollments/invitation.html", {"unknown": True}, status=404)
    has_account = User.objects.filter(email__iexact=found.email).exists()
    signup = None
    if not request.user.is_authenticated and not has_account and found.accepted_at is None:
        signup = SignupForm(
            request.POST if request.method == "POST" else None,
            email=found.email,
            language=translation.get_language(),
        )
    if request.method == "POST":
        if signup is not None:
            return _sign_up_and_accept(request, found, signup)
        if not request.user.is_authenticated:
            return HttpResponseRedirect(f"{reverse('accounts:login')}?next={request.path}")
        user = request.user
        assert isinstance(user, User)
        try:
            invitations.accept_invitation(token=token, learner=user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return HttpResponseRedirect(request.path)
        messages.success(
            request, _("You are enrolled in %(cohort)s.") % {"cohort": found.cohort.shown_title}
        )
        return HttpResponseRedirect(reverse("enrollments:my_courses"))
    return render(request, "enrollments/invitation.html", {"invitation": found, "form": signup})


def _sign_up_and_accept(request: HttpRequest, found: Invitation, form: Any) -> HttpResponse:
    from django.contrib.auth import login

    from accounts import signup as signups
    from enrollments import invitations

    if not form.is_valid():
        return render(
            request, "enrollments/invitation.html", {"invitation": found, "form": form}, status=400
        )
    with transaction.atomic():
        user = signups.create_from_form(
            invitation=signups.Invitation(email=found.email, next_url=""), data=form.cleaned_data
        )
        if user is None:  # made meanwhile (another tab): sign in to accept
            return HttpResponseRedirect(f"{reverse('accounts:login')}?next={request.path}")
        try:
            invitations.accept_invitation(token=found.token, learner=user)
        except ValidationError as refusal:
            transaction.set_rollback(True)  # no account without the enrolment it was made for
            messages.error(request, " ".join(refusal.messages))
            return HttpResponseRedirect(request.path)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    with translation.override(user.preferred_language):
        messages.success(
            request,
            _("Welcome to Aula! You are enrolled in %(cohort)s.")
            % {"cohort": found.cohort.shown_title},
        )
        target = reverse("enrollments:my_courses")
    response = HttpResponseRedirect(target)
    response.set_cookie("django_language", user.preferred_language, samesite="Lax")
    return response


@login_required
def roster(request: HttpRequest, public_id: str) -> HttpResponse:
    """The cohort's learners and their progress, for its trainers and coordinators."""
    from accounts import access

    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_follow_cohort(request.user, cohort):
        return render(request, "enrollments/forbidden.html", status=403)
    page = Paginator(rosters.rows(cohort=cohort, filters=request.GET), ROSTER_PAGE).get_page(
        request.GET.get("page")
    )
    names = rosters.city_names(row.learner.member_city_id for row in page)
    filters = request.GET.copy()
    filters.pop("page", None)
    codes = (
        Enrollment.objects.filter(cohort=cohort, learner__member_city__isnull=False)
        .values("learner__member_city__country__iso_code")
        .distinct()
    )
    countries = sorted(
        (
            (country.iso_code, country.safe_translation_getter("name", any_language=True))
            for country in Country.objects.filter(iso_code__in=codes).prefetch_related(
                "translations"
            )
        ),
        key=lambda pair: pair[1] or pair[0],
    )
    return render(
        request,
        "enrollments/roster.html",
        {
            "cohort": cohort,
            "roster_page": page,
            # By name: sessions live in the `meetings` app, above this one.
            "has_sessions": cohort.meetings.exists(),  # type: ignore[attr-defined]
            "rows": [(row, names.get(row.learner.member_city_id or 0, "")) for row in page],
            "filters": request.GET,
            "countries": countries,
            "statuses": Enrollment.Status.choices,
            "positions": User.Position.choices,
            "query": filters.urlencode(),
            "manages": access.can_manage_cohort(request.user, cohort),
            "invitations": invitations_pending(cohort)
            if access.can_manage_cohort(request.user, cohort)
            else [],
            "full": cohort.capacity is not None
            and Enrollment.objects.filter(cohort=cohort).active().count() >= cohort.capacity,
        },
    )


@login_required
def record(request: HttpRequest, public_id: str) -> HttpResponse:
    """One learner's record in an edition: for its trainers and coordinators, and the learner."""
    from accounts import access
    from enrollments import records

    enrollment = get_object_or_404(
        Enrollment.objects.with_required_lessons().select_related(
            "cohort__course", "learner__member_city", "completed_by"
        ),
        public_id=public_id,
    )
    if not access.can_view_enrollment(request.user, enrollment):
        raise Http404(_("There is no such enrolment."))
    return render(
        request,
        "enrollments/record.html",
        {
            "record": records.record(enrollment),
            "enrollment": enrollment,
            "follows": access.can_follow_cohort(request.user, enrollment.cohort),
            "manages": access.can_manage_cohort(request.user, enrollment.cohort),
            "own": enrollment.learner_id == request.user.pk,
            "max_reason": progress.MAX_REASON,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def complete_by_hand(request: HttpRequest, public_id: str) -> HttpResponse:
    """A trainer or coordinator completes a lesson, or the whole enrolment, saying why."""
    from accounts import access

    user = request.user
    assert isinstance(user, User)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("cohort", "learner"), public_id=public_id
    )
    if not access.can_follow_cohort(user, enrollment.cohort):
        raise Http404(_("There is no such enrolment."))
    back = reverse("enrollments:record", args=[enrollment.public_id])
    lesson = None
    if key := request.POST.get("lesson", ""):
        try:
            lesson = progress.lesson_by_key(uuid.UUID(key))
        except ValueError:
            lesson = None
        if lesson is None:
            messages.error(request, _("There is no such lesson."))
            return HttpResponseRedirect(back)
    try:
        progress.complete_by_hand(
            actor=user,
            enrollment=enrollment,
            reason=request.POST.get("reason", ""),
            lesson=lesson,
            force=bool(request.POST.get("force")),
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("The lesson “%(lesson)s” was marked as done.") % {"lesson": lesson.title}
            if lesson is not None
            else _("%(person)s has completed %(cohort)s.")
            % {"person": enrollment.learner.display_name, "cohort": enrollment.cohort.shown_title},
        )
    return HttpResponseRedirect(back)


@login_required
def edition_new(request: HttpRequest) -> HttpResponse:
    """A coordinator creates an edition of a course for one of their delegations."""
    from accounts import access

    user = request.user
    assert isinstance(user, User)
    if not (access.is_coordinator(user) or access.is_site_admin(user)):
        return render(request, "enrollments/forbidden.html", status=403)
    return _edition_form(request, Cohort(language=translation.get_language() or "es"))


@login_required
def edition_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    """The edition's coordinators change its dates, seats, trainers and completion rule."""
    from accounts import access

    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_manage_cohort(request.user, cohort):
        raise Http404(_("There is no such cohort."))
    return _edition_form(request, cohort)


@login_required
def rerun(request: HttpRequest, public_id: str) -> HttpResponse:
    """ "New edition from this one": the settings, questionnaires, trainers and sessions of
    the edition, shifted to new dates; a draft until opened."""
    import uuid as uuids

    from django.core.exceptions import ValidationError

    from accounts import access
    from config.forms import title_translations
    from enrollments import editions, reruns

    source = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    user = request.user
    assert isinstance(user, User)
    if not access.can_manage_cohort(user, source) or source.course.is_activity:
        raise Http404(_("There is no such cohort."))
    form = editions.RerunForm(
        request.POST or None,
        source=source,
        initial={"title": source.title, "key": uuids.uuid4().hex},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            copy, _created = reruns.rerun(
                source=source,
                by=user,
                title=data["title"],
                title_translations=title_translations(data),
                starts_on=data["starts_on"],
                ends_on=data.get("ends_on"),
                key=data.get("key") or "",
            )
        except ValidationError as refused:
            for field, texts in refused.message_dict.items():
                for text in texts:
                    form.add_error(field if field in form.fields else None, text)
        else:
            messages.success(
                request,
                _("The edition %(title)s is ready as a draft: check it, then open it.")
                % {"title": copy.title},
            )
            return HttpResponseRedirect(reverse("enrollments:edition_edit", args=[copy.public_id]))
    return render(
        request,
        "enrollments/rerun.html",
        {"form": form, "cohort": source},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def release(request: HttpRequest, public_id: str) -> HttpResponse:
    """The edition's coordinators say when each module opens."""
    from accounts import access
    from enrollments import editions

    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_manage_cohort(request.user, cohort):
        raise Http404(_("There is no such cohort."))
    form = editions.ReleaseForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return HttpResponseRedirect(reverse("enrollments:release", args=[cohort.public_id]))
    return render(
        request,
        "enrollments/release.html",
        {"form": form, "cohort": cohort},
        status=400 if request.method == "POST" else 200,
    )


def _edition_form(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    import uuid as uuids

    from enrollments import editions

    user = request.user
    assert isinstance(user, User)
    creating = cohort.pk is None
    if request.method == "POST":
        form = editions.EditionForm(request.POST, instance=cohort, user=user)
        if form.is_valid():
            saved = editions.save(form=form)
            messages.success(
                request,
                (_("The edition %(title)s was created.") if creating else _("Changes saved."))
                % {"title": saved.title},
            )
            return HttpResponseRedirect(reverse("enrollments:roster", args=[saved.public_id]))
        status = 400
    else:
        form = editions.EditionForm(
            instance=cohort, user=user, initial={"creation_key": uuids.uuid4().hex}
        )
        status = 200
    return render(
        request,
        "enrollments/edition_form.html",
        {"form": form, "cohort": cohort, "creating": creating},
        status=status,
    )


def _managed_cohort(request: HttpRequest, public_id: str) -> Cohort:
    from accounts import access

    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_manage_cohort(request.user, cohort):
        raise Http404(_("There is no such cohort."))
    return cohort


@login_required
def import_form(request: HttpRequest, public_id: str) -> HttpResponse:
    """A coordinator sends a file of people to invite; it is checked first (nothing is written)
    and imported only once they confirm what the check found."""
    from enrollments import imports

    cohort = _managed_cohort(request, public_id)
    user = request.user
    assert isinstance(user, User)
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = _("Choose a .csv or .xlsx file.")
        else:
            try:
                job = imports.start_import(
                    cohort=cohort,
                    created_by=user,
                    file=upload,
                    file_name=upload.name or "",
                    dry_run=True,
                )
            except ValidationError as refusal:
                error = " ".join(refusal.messages)
            else:
                return HttpResponseRedirect(reverse("enrollments:import_job", args=[job.public_id]))
    return render(
        request,
        "enrollments/import_form.html",
        {
            "cohort": cohort,
            "error": error,
            "columns": imports.COLUMNS,
            "max_rows": imports.MAX_ROWS,
        },
        status=400 if error else 200,
    )


def _managed_job(request: HttpRequest, public_id: str) -> Any:
    from accounts import access
    from enrollments.models import ImportJob

    job = get_object_or_404(
        ImportJob.objects.select_related("cohort", "confirmed_by"), public_id=public_id
    )
    if not access.can_manage_cohort(request.user, job.cohort):
        raise Http404(_("There is no such import."))
    return job


@login_required
def import_job(request: HttpRequest, public_id: str) -> HttpResponse:
    """What a check or an import found; refreshes itself while a worker is on it."""
    job = _managed_job(request, public_id)
    running = job.status in ("pending", "running")
    percent = round(100 * job.processed_rows / job.total_rows) if job.total_rows else 0
    confirmed = getattr(job, "confirmed_by", None)
    return render(
        request,
        "enrollments/import_job.html",
        {"job": job, "running": running, "percent": percent, "confirmed": confirmed},
    )


@login_required
@require_POST
def import_confirm(request: HttpRequest, public_id: str) -> HttpResponse:
    from enrollments import imports

    job = _managed_job(request, public_id)
    user = request.user
    assert isinstance(user, User)
    try:
        started = imports.confirm(check=job, by=user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return HttpResponseRedirect(reverse("enrollments:import_job", args=[job.public_id]))
    return HttpResponseRedirect(reverse("enrollments:import_job", args=[started.public_id]))
