from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts import access
from accounts.models import Delegation, User
from paths import services
from paths.forms import EnrolForm, PathForm
from paths.models import LearningPath, PathEnrollment


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _delegations(user: User) -> Any:
    if access.is_site_admin(user):
        return Delegation.objects.all()
    return Delegation.objects.filter(pk__in=access.coordinated_delegation_ids(user))


def open_paths(request: HttpRequest) -> HttpResponse:
    """The paths learners may join by themselves, each with its courses in order; anyone may
    read the list, a signed-in learner joins with one button."""
    user = request.user
    joined: set[int] = set()
    if isinstance(user, User):
        joined = set(PathEnrollment.objects.filter(learner=user).values_list("path_id", flat=True))
    paths = list(services.open_paths())
    return render(request, "paths/open.html", {"paths": paths, "joined": joined})


@login_required
@require_POST
def join(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _user(request)
    path = get_object_or_404(LearningPath, public_id=public_id, open_to_join=True)
    _entry, created, made = services.join(path=path, learner=user)
    if not created:
        messages.info(
            request,
            _("You are already on “%(path)s”.") % {"path": path.shown_title},
        )
    elif made:
        messages.success(
            request,
            _("You are on “%(path)s”, and enrolled in %(editions)s.")
            % {
                "path": path.shown_title,
                "editions": ", ".join(
                    _("“%(edition)s”") % {"edition": e.cohort.shown_title} for e in made
                ),
            },
        )
    else:
        messages.success(
            request,
            _(
                "You are on “%(path)s”. No edition of its first course is open to you yet: "
                "you will be enrolled when one opens."
            )
            % {"path": path.shown_title},
        )
    return redirect("enrollments:my_courses")


@login_required
def path_list(request: HttpRequest) -> HttpResponse:
    """The paths of the delegations a coordinator runs."""
    user = _user(request)
    if not (access.is_coordinator(user) or access.is_site_admin(user)):
        raise Http404(_("There is no such page."))
    paths = (
        LearningPath.objects.filter(delegation__in=_delegations(user))
        .annotate(
            people=Count("enrollments", distinct=True),
            finished=Count(
                "enrollments", filter=Q(enrollments__completed_at__isnull=False), distinct=True
            ),
            steps_count=Count("steps", distinct=True),
        )
        .order_by("title")
    )
    return render(request, "paths/list.html", {"paths": paths})


@login_required
def path_form(request: HttpRequest, public_id: str | None = None) -> HttpResponse:
    user = _user(request)
    path = None
    if public_id is not None:
        path = get_object_or_404(LearningPath, public_id=public_id)
        if not services.can_manage(user, path):
            raise Http404(_("There is no such path."))
    elif not (access.is_coordinator(user) or access.is_site_admin(user)):
        raise Http404(_("There is no such page."))
    form = PathForm(request.POST or None, user=user, delegations=_delegations(user), path=path)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_path(
                by=user,
                delegation=form.cleaned_data["delegation"],
                title=form.cleaned_data["title"],
                courses=form.courses(),
                enforce_order=form.cleaned_data["enforce_order"],
                open_to_join=form.cleaned_data["open_to_join"],
                description=form.cleaned_data["description"],
                title_translations=form.titles(),
                description_translations=form.descriptions(),
                path=path,
                key=form.cleaned_data["key"],
            )
        except ValidationError as refused:
            for name, errors in refused.message_dict.items():
                target = "course_1" if name == "courses" else name if name in form.fields else None
                for error in errors:
                    form.add_error(target, error)
        else:
            messages.success(request, _("The path is saved."))
            return redirect("paths:detail", public_id=saved.public_id)
    return render(
        request,
        "paths/form.html",
        {"form": form, "path": path},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def path_page(request: HttpRequest, public_id: str) -> HttpResponse:
    """A path for its delegation's coordinators: its courses, enrolling people, and where
    each person is."""
    user = _user(request)
    path = get_object_or_404(LearningPath.objects.select_related("delegation"), public_id=public_id)
    if not services.can_manage(user, path):
        raise Http404(_("There is no such path."))
    form = EnrolForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            made, unknown = services.enrol(path=path, by=user, emails=form.addresses())
            if unknown:
                form.add_error(
                    "emails",
                    _(
                        "No account has these addresses: %(emails)s. "
                        "Invite them to an edition first."
                    )
                    % {"emails": ", ".join(unknown)},
                )
            if made:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d person is now on the path.",
                        "%(count)d people are now on the path.",
                        len(made),
                    )
                    % {"count": len(made)},
                )
            if not unknown:
                return redirect("paths:detail", public_id=path.public_id)
    steps = list(path.steps.select_related("course").order_by("position"))
    people = []
    for entry, standing in services.people_on(path):
        newest = next(iter(entry.certificates.all()), None)
        people.append(
            {
                "entry": entry,
                "done": sum(1 for s in standing if s.state == "done"),
                "steps": standing,
                "certificate": newest.printed.display_code
                if newest is not None and newest.revoked_at is None
                else "",
            }
        )
    return render(
        request,
        "paths/detail.html",
        {"path": path, "steps": steps, "people": people, "form": form},
        status=status,
    )
