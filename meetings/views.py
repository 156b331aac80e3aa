"""Pages of sessions: the cohort's list and form, a session's page, joining, checking in, the
register and each person's calendar address."""

from __future__ import annotations

import uuid
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from accounts.models import User
from courses.models import Cohort
from enrollments.models import Enrollment
from meetings import calendars, services
from meetings.forms import MeetingForm
from meetings.models import Attendance, Meeting

REGISTER_PAGE = 100  # participants per page of the register


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _cohort_for_staff(request: HttpRequest, public_id: str) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_follow_cohort(request.user, cohort):
        raise Http404(_("There is no such cohort."))
    return cohort


def _meeting(request: HttpRequest, public_id: str) -> tuple[Meeting, bool, Enrollment | None]:
    """The session, whether the viewer runs it, and their seat; 404 for anyone else."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("cohort__course"), public_id=public_id
    )
    user = _user(request)
    staff = (
        access.can_follow_cohort(user, meeting.cohort)
        or meeting.facilitators.filter(pk=user.pk).exists()
    )
    seat = Enrollment.objects.active().filter(cohort_id=meeting.cohort_id, learner=user).first()
    if not staff and seat is None:
        raise Http404(_("There is no such session."))
    return meeting, staff, seat


@login_required
def cohort_meetings(request: HttpRequest, public_id: str) -> HttpResponse:
    cohort = _cohort_for_staff(request, public_id)
    meetings = list(cohort.meetings.all())
    return render(
        request, "meetings/cohort_meetings.html", {"cohort": cohort, "meetings": meetings}
    )


@login_required
def meeting_new(request: HttpRequest, public_id: str) -> HttpResponse:
    cohort = _cohort_for_staff(request, public_id)
    return _form(request, cohort, None)


@login_required
def meeting_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    meeting, _staff, _seat = _meeting(request, public_id)
    if not access.can_follow_cohort(request.user, meeting.cohort):
        raise Http404(_("There is no such session."))
    if meeting.is_cancelled:
        messages.error(request, _("This session was cancelled; schedule a new one."))
        return HttpResponseRedirect(reverse("meetings:meeting", args=[meeting.public_id]))
    return _form(request, meeting.cohort, meeting)


def _form(request: HttpRequest, cohort: Cohort, meeting: Meeting | None) -> HttpResponse:
    user = _user(request)
    status = 200
    if request.method == "POST":
        form = MeetingForm(request.POST, cohort=cohort, user=user, instance=meeting)
        if form.is_valid():
            try:
                if meeting is None:
                    done = services.schedule_meeting(
                        cohort=cohort,
                        by=user,
                        fields=form.values(),
                        facilitators=form.cleaned_data["facilitators"],
                        creation_key=form.cleaned_data.get("creation_key") or "",
                    )
                else:
                    done = services.change_meeting(
                        meeting=meeting,
                        by=user,
                        fields=form.values(),
                        facilitators=form.cleaned_data["facilitators"],
                    )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The session was scheduled; the edition's people are told by e-mail.")
                    if meeting is None
                    else _("Changes saved; if the time or place changed, people are told."),
                )
                if done.overlapping:
                    messages.warning(
                        request,
                        _("It overlaps another session of this edition: %(titles)s.")
                        % {"titles": ", ".join(m.shown_title() for m in done.overlapping)},
                    )
                return HttpResponseRedirect(
                    reverse("meetings:meeting", args=[done.meeting.public_id])
                )
        status = 400
    else:
        form = MeetingForm(
            cohort=cohort,
            user=user,
            instance=meeting,
            initial={"creation_key": uuid.uuid4().hex},
        )
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "cohort": cohort, "meeting": meeting},
        status=status,
    )


def _add_errors(form: MeetingForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def meeting(request: HttpRequest, public_id: str) -> HttpResponse:
    found, staff, seat = _meeting(request, public_id)
    attendance = Attendance.objects.filter(meeting=found, enrollment=seat).first() if seat else None
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": found,
            "title": found.shown_title(),
            "description": found.shown_description(),
            "staff": staff,
            "manages": access.can_follow_cohort(request.user, found.cohort),
            "attendance": attendance,
            "can_join": found.is_online and found.is_open_to_join(),
            "opens_at": found.starts_at - services.JOIN_OPENS_BEFORE,
            "ended": found.ends_at <= timezone.now(),
            "module": _shown_module(found),
            "booked": bool(seat) and found.bookings.filter(enrollment=seat).exists(),
            "taken": found.bookings.count() if found.seats else 0,
        },
    )


def _shown_module(meeting: Meeting) -> Any:
    if meeting.after_module is None:
        return None
    from cms.localization import localize_pages

    return localize_pages([meeting.after_module])[0]


@login_required
@require_POST
def booking(request: HttpRequest, public_id: str) -> HttpResponse:
    found, _staff, _seat = _meeting(request, public_id)
    user = _user(request)
    if request.POST.get("action") == "cancel":
        services.unbook(meeting=found, user=user)
        messages.success(request, _("Your place is given back."))
    else:
        try:
            services.book(meeting=found, user=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your place is booked."))
    return HttpResponseRedirect(reverse("meetings:meeting", args=[found.public_id]))


@login_required
def join(request: HttpRequest, public_id: str) -> HttpResponse:
    found, _staff, _seat = _meeting(request, public_id)
    try:
        url = services.join(meeting=found, user=_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(reverse("meetings:meeting", args=[found.public_id]))
    except PermissionDenied as error:
        raise Http404(_("There is no such session.")) from error
    return HttpResponseRedirect(url)


@login_required
def calendar_file(request: HttpRequest, public_id: str) -> HttpResponse:
    found, _staff, _seat = _meeting(request, public_id)
    language = translation.get_language() or found.cohort.language
    response = HttpResponse(
        calendars.single(found, language=language), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="session.ics"'
    return response


@login_required
@require_POST
def cancel(request: HttpRequest, public_id: str) -> HttpResponse:
    found, _staff, _seat = _meeting(request, public_id)
    try:
        services.cancel_meeting(meeting=found, by=_user(request))
    except PermissionDenied as error:
        raise Http404(_("There is no such session.")) from error
    messages.success(request, _("The session is cancelled; its people are told by e-mail."))
    return HttpResponseRedirect(reverse("meetings:meeting", args=[found.public_id]))


@login_required
def check_in_screen(request: HttpRequest, public_id: str) -> HttpResponse:
    """What the trainer shows on the room's screen: a QR code that changes every minute."""
    found, staff, _seat = _meeting(request, public_id)
    if not staff:
        raise Http404(_("There is no such session."))
    now = timezone.now()
    context: dict[str, Any] = {"meeting": found, "title": found.shown_title()}
    if found.is_face_to_face and not found.is_cancelled:
        opens = found.starts_at - services.JOIN_OPENS_BEFORE
        context["open"] = opens <= now < found.ends_at
        context["opens_at"] = opens
        if context["open"]:
            code = services.check_in_code(found, at=now)
            url = request.build_absolute_uri(
                reverse("meetings:check_in", args=[found.public_id]) + f"?code={code}"
            )
            context.update(
                code=code,
                url=url,
                qr=segno.make(url, error="m").svg_inline(scale=6, dark="#111", light="#fff"),
                refresh=services.CHECK_IN_PERIOD - int(now.timestamp()) % services.CHECK_IN_PERIOD,
                present=Attendance.objects.filter(
                    meeting=found, status=Attendance.Status.PRESENT
                ).count(),
            )
    return render(request, "meetings/check_in_screen.html", context)


@login_required
def check_in(request: HttpRequest, public_id: str) -> HttpResponse:
    """A learner's phone after scanning: one button to say they are here (a GET changes
    nothing, so a preview of the link cannot check anyone in)."""
    found = get_object_or_404(Meeting.objects.select_related("cohort"), public_id=public_id)
    code = (request.POST.get("code") or request.GET.get("code") or "").strip()
    error = ""
    attendance = None
    status = 200
    if request.method == "POST":
        try:
            attendance = services.check_in(meeting=found, user=_user(request), code=code)
        except ValidationError as problem:
            error = " ".join(problem.messages)
            status = 400
    return render(
        request,
        "meetings/check_in.html",
        {
            "meeting": found,
            "title": found.shown_title(),
            "code": code,
            "error": error,
            "attendance": attendance,
        },
        status=status,
    )


@login_required
def register(request: HttpRequest, public_id: str) -> HttpResponse:
    found, _staff, _seat = _meeting(request, public_id)
    if not access.can_follow_cohort(request.user, found.cohort):
        raise Http404(_("There is no such session."))
    status = 200
    if request.method == "POST":
        statuses: dict[str, str] = {
            key.removeprefix("status-"): str(value)
            for key, value in request.POST.items()
            if key.startswith("status-") and value
        }
        bulk = request.POST.get("all")
        if bulk:
            statuses = dict.fromkeys(request.POST.getlist("person"), bulk) | statuses
        try:
            changed = services.set_attendance(meeting=found, by=_user(request), statuses=statuses)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
        else:
            messages.success(
                request,
                translation.ngettext(
                    "%(count)d attendance changed.", "%(count)d attendances changed.", changed
                )
                % {"count": changed},
            )
            return HttpResponseRedirect(reverse("meetings:register", args=[found.public_id]))
    page = Paginator(
        Enrollment.objects.active()
        .filter(cohort_id=found.cohort_id)
        .select_related("learner__member_city")
        .order_by("learner__last_name", "learner__first_name", "learner__email", "pk"),
        REGISTER_PAGE,
    ).get_page(request.GET.get("page"))
    attendances = {
        a.enrollment_id: a
        for a in Attendance.objects.filter(
            meeting=found, enrollment__in=[e.pk for e in page]
        ).select_related("changed_by")
    }
    rows = [(e, attendances.get(e.pk)) for e in page]
    return render(
        request,
        "meetings/register.html",
        {
            "meeting": found,
            "title": found.shown_title(),
            "rows": rows,
            "register_page": page,
            "statuses": Attendance.Status.choices,
        },
        status=status,
    )


@login_required
def sign_in_sheet(request: HttpRequest, public_id: str) -> HttpResponse:
    from meetings import sheets

    found, _staff, _seat = _meeting(request, public_id)
    if not access.can_follow_cohort(request.user, found.cohort):
        raise Http404(_("There is no such session."))
    response = HttpResponse(sheets.sign_in_sheet(found), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="sign-in-sheet.pdf"'
    return response


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.method == "POST":
        services.reset_feed(user=user)
        messages.success(
            request, _("Your calendar has a new address; the old one no longer works.")
        )
        return HttpResponseRedirect(reverse("meetings:my_calendar"))
    feed = services.feed_of(user=user)
    url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))
    upcoming = [m for m in services.meetings_for_feed(user=user) if m.ends_at > timezone.now()]
    return render(request, "meetings/my_calendar.html", {"feed_url": url, "upcoming": upcoming})


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed a calendar program subscribes to: no session, the token is the key."""
    from meetings.models import CalendarFeed

    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404(_("This calendar address is not valid (it may have been reset)."))
    user = feed.user
    language = user.preferred_language or "en"
    meetings = services.meetings_for_feed(user=user)
    cohorts = (
        Cohort.objects.filter(
            enrollments__learner=user, enrollments__status__in=Enrollment.HOLDING_A_SEAT
        )
        | Cohort.objects.filter(trainers=user)
    ).distinct()
    with translation.override(language):
        deadlines = [
            (
                f"cohort-end-{c.public_id}@aula",
                _("%(title)s ends") % {"title": c.shown_title},
                c.ends_on,
            )
            for c in cohorts
        ]
        body = calendars.feed(
            meetings, deadlines=deadlines, language=language, name=_("Aula: my sessions")
        )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
