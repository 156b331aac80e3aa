"""Pages of activities: the public calendar and its feed, an activity's page and applying,
and the organisers' list, form and publishing."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from accounts.models import User
from activities import calendars, services
from activities.forms import ActivityForm, CalendarFilters
from activities.models import NetworkActivity
from enrollments import services as enrolments

CALENDAR_PAGE = 20


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def filtered(request: HttpRequest) -> tuple[Any, CalendarFilters]:
    """The listed activities the calendar's filters choose, soonest first."""
    filters = CalendarFilters(request.GET or None)
    activities = NetworkActivity.objects.listed().for_calendar()
    if filters.is_valid():
        data = filters.cleaned_data
        if data.get("kind"):
            activities = activities.filter(kind=data["kind"])
        if data.get("country"):
            activities = activities.filter(country=data["country"])
        if data.get("language"):
            activities = activities.filter(cohort__language=data["language"])
        if data.get("delegation"):
            activities = activities.filter(
                Q(cohort__delegation=data["delegation"]) | Q(network_wide=True)
            )
        if month := data.get("month"):
            first = month.replace(day=1)
            following = (first + datetime.timedelta(days=32)).replace(day=1)
            activities = activities.filter(
                cohort__starts_on__lt=following, cohort__ends_on__gte=first
            )
    return activities.order_by("cohort__starts_on", "pk"), filters


def calendar(request: HttpRequest) -> HttpResponse:
    activities, filters = filtered(request)
    page = Paginator(activities, CALENDAR_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "activities/calendar.html",
        {
            "listing": page,
            "filters": filters,
            "query": query.urlencode(),
            "manages": access.is_coordinator(request.user) or access.is_site_admin(request.user),
        },
    )


def calendar_feed(request: HttpRequest) -> HttpResponse:
    activities, _filters = filtered(request)
    body = calendars.feed(
        activities, language=translation.get_language() or "es", name=_("Aula activities")
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def _activity(request: HttpRequest, public_id: uuid.UUID) -> NetworkActivity:
    found = get_object_or_404(
        NetworkActivity.objects.visible_to(request.user).select_related(
            "cohort__delegation", "country"
        ),
        cohort__public_id=public_id,
    )
    return found


def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    activity = _activity(request, public_id)
    cohort = activity.cohort
    sessions = list(
        cohort.meetings.filter(cancelled_at__isnull=True).order_by("starts_at")  # type: ignore[attr-defined]
    )
    return render(
        request,
        "activities/activity.html",
        {
            "activity": activity,
            "cohort": cohort,
            "sessions": sessions,
            "state": services.apply_state(activity, request.user),
            "organises": access.can_manage_cohort(request.user, cohort),
            "taken": cohort.enrollments.active().count(),  # type: ignore[attr-defined]
        },
    )


@login_required
@require_POST
def apply(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    activity = _activity(request, public_id)
    try:
        _enrolment, created = enrolments.enroll(learner=_user(request), cohort=activity.cohort)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        if created:
            messages.success(
                request,
                _(
                    "Your application is in. The organisers admit applicants together, "
                    "balancing women and men and countries; you will be told by e-mail."
                ),
            )
        else:
            messages.info(request, _("You have already applied to this activity."))
    return HttpResponseRedirect(reverse("activities:detail", args=[public_id]))


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not (access.is_coordinator(user) or access.is_site_admin(user)):
        raise Http404(_("There is nothing here."))
    activities = NetworkActivity.objects.select_related("cohort__delegation").order_by(
        "-cohort__starts_on", "pk"
    )
    if not access.is_site_admin(user):
        activities = activities.filter(
            cohort__delegation__in=access.coordinated_delegation_ids(user)
        )
    page = Paginator(activities, CALENDAR_PAGE).get_page(request.GET.get("page"))
    return render(request, "activities/manage.html", {"listing": page})


def _show_refusal(form: ActivityForm, refusal: ValidationError) -> None:
    """A refusal from the services on the form: on its field when the form has one (the
    cohort's own names, e.g. `enrollment_closes_at`, go above the form), else above it."""
    errors = refusal.message_dict if hasattr(refusal, "error_dict") else {"": refusal.messages}
    for field, messages_ in errors.items():
        target = field if field in form.fields else None
        for error in messages_:
            form.add_error(target, error)


@login_required
def new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not (access.is_coordinator(user) or access.is_site_admin(user)):
        raise Http404(_("There is nothing here."))
    form = ActivityForm(
        request.POST or None, user=user, initial={"key": uuid.uuid4().hex, "language": "es"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(by=user, **form.arguments())
        except ValidationError as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(
                request,
                _("The activity is saved as a draft: schedule its sessions, then publish it."),
            )
            return HttpResponseRedirect(reverse("activities:detail", args=[activity.public_id]))
    return render(request, "activities/activity_form.html", {"form": form})


@login_required
def edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    activity = _activity(request, public_id)
    if not access.can_manage_cohort(user, activity.cohort):
        raise Http404(_("There is no such activity."))
    form = ActivityForm(request.POST or None, user=user, initial=ActivityForm.initial_for(activity))
    del form.fields["key"]
    if request.method == "POST" and form.is_valid():
        arguments = form.arguments()
        arguments.pop("key", None)
        try:
            services.update_activity(activity=activity, by=user, **arguments)
        except ValidationError as refusal:
            _show_refusal(form, refusal)
        else:
            messages.success(request, _("The activity is saved."))
            return HttpResponseRedirect(reverse("activities:detail", args=[public_id]))
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity})


@login_required
@require_POST
def publish(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    activity = _activity(request, public_id)
    if not access.can_manage_cohort(request.user, activity.cohort):
        raise Http404(_("There is no such activity."))
    try:
        services.publish(activity=activity)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The activity is published: people can apply."))
    return HttpResponseRedirect(reverse("activities:detail", args=[public_id]))
