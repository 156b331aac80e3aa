from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from accounts import access
from accounts.models import User
from courses.models import Cohort
from enrollments.errors import NotAllowed
from nudges import services
from nudges.forms import MessageForm, PreferenceForm
from nudges.models import Kind


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Which reminders a person receives, one box each."""
    user = _user(request)
    current = services.preference_of(user)
    form = PreferenceForm(
        request.POST or None, initial={kind: current.wants(kind) for kind in Kind.values}
    )
    if request.method == "POST" and form.is_valid():
        services.set_preference(user=user, **{k: form.cleaned_data[k] for k in Kind.values})
        messages.success(request, _("Your choice is saved."))
        return redirect("nudges:preferences")
    return render(request, "nudges/preferences.html", {"form": form})


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From an e-mail: the link shows one button; mail programs post here directly
    (List-Unsubscribe-Post, RFC 8058). The signed token is the key, no sign-in needed."""
    from nudges.emails import read_token

    found = read_token(token)
    if found is None:
        return render(request, "nudges/unsubscribe.html", {"invalid": True}, status=404)
    user, kind = found
    label = Kind(kind).label
    if request.method == "POST":
        services.set_preference(user=user, **{kind: False})
        return render(request, "nudges/unsubscribe.html", {"done": True, "label": label})
    return render(request, "nudges/unsubscribe.html", {"label": label})


@login_required
def at_risk(request: HttpRequest, public_id: str) -> HttpResponse:
    """The edition's learners who have stopped or fallen behind, and a message to those
    ticked, for its trainers and coordinators."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    user = _user(request)
    if not access.can_follow_cohort(user, cohort) or cohort.course.is_activity:
        raise Http404(_("There is no such cohort."))
    language = translation.get_language() or "es"
    form = MessageForm(request.POST or None, language=language)
    chosen = request.POST.getlist("recipients")
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                message, _created = services.send_message(
                    cohort=cohort,
                    by=user,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    recipients=chosen,
                    translations=form.translations(),
                    language=language,
                    key=form.cleaned_data["key"],
                )
            except NotAllowed as refusal:
                raise Http404(str(refusal)) from refusal
            except ValidationError as refused:
                for name, errors in refused.message_dict.items():
                    target = name if name in form.fields else None
                    for error in errors:
                        form.add_error(target, error)
            else:
                count = message.deliveries.count()
                messages.success(
                    request,
                    translation.ngettext(
                        "Your message is on its way to %(count)d learner.",
                        "Your message is on its way to %(count)d learners.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect("nudges:at_risk", public_id=cohort.public_id)
    rows = services.at_risk(cohort)
    return render(
        request,
        "nudges/at_risk.html",
        {
            "cohort": cohort,
            "rows": rows,
            "form": form,
            "chosen": set(chosen),
            "days": cohort.inactivity_nudge_days or services.DEFAULT_INACTIVITY_DAYS,
        },
        status=status,
    )
