"""The admission page: the applicants' balance, the list the rule proposes, and confirming it
(as proposed or adjusted by hand)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import access
from accounts.models import User
from courses.models import Cohort
from enrollments import admission as rules
from enrollments.models import Enrollment


def _rows(counter: Counter[str], labels: dict[str, str] | None = None) -> list[tuple[str, int]]:
    labels = labels or {}
    return sorted(
        ((labels.get(key, key) or _("Not stated"), n) for key, n in counter.items()),
        key=lambda pair: (-pair[1], pair[0]),
    )


def _gender_labels() -> dict[str, str]:
    return {
        rules.WOMEN: _("Women"),
        rules.MEN: _("Men"),
        rules.OTHER: _("Another answer or not stated"),
    }


@login_required
def admission(request: HttpRequest, public_id: str) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not access.can_manage_cohort(request.user, cohort):
        raise Http404(_("There is no such cohort."))
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST" and request.POST.get("close") == "waiting-list":
        try:
            told = rules.close_waiting_list(cohort=cohort, by=user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "The waiting list is closed: %(n)d person was told they were not admitted.",
                    "The waiting list is closed: %(n)d people were told they were not admitted.",
                    told,
                )
                % {"n": told},
            )
        return HttpResponseRedirect(request.path)
    if request.method == "POST":
        try:
            chosen = [int(value) for value in request.POST.getlist("admit")]
        except ValueError:
            chosen = []
        if not chosen:
            messages.error(request, _("Choose at least one person to admit."))
        else:
            try:
                admitted = rules.confirm(cohort=cohort, enrollment_ids=chosen, by=user)
            except ValidationError as refusal:
                messages.error(request, " ".join(refusal.messages))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(n)d person admitted; everyone was told by e-mail.",
                        "%(n)d people admitted; everyone was told by e-mail.",
                        len(admitted),
                    )
                    % {"n": len(admitted)},
                )
                return HttpResponseRedirect(reverse("enrollments:roster", args=[public_id]))
        return HttpResponseRedirect(request.path)
    plan = rules.plan_for(cohort)
    proposed = {a.enrollment_id for a in plan.selection.admitted}
    kept_out = {a.enrollment_id: rule for a, rule in plan.selection.kept_out}
    learners = {
        e.pk: e.learner
        for e in Enrollment.objects.filter(
            pk__in=[a.enrollment_id for a in plan.applicants]
        ).select_related("learner")
    }
    genders = _gender_labels()
    applicants = [
        {
            "applicant": a,
            "learner": learners[a.enrollment_id],
            "gender": genders[a.gender],
            "proposed": a.enrollment_id in proposed,
            "kept_out": kept_out.get(a.enrollment_id, ""),
        }
        for a in plan.applicants
    ]
    everyone = plan.balance(plan.applicants)
    chosen_balance = plan.balance(plan.selection.admitted)
    return render(
        request,
        "enrollments/admission.html",
        {
            "cohort": cohort,
            "plan": plan,
            "applicants": applicants,
            "free": plan.selection.free,
            "reasons": plan.reasons,
            "balance": [
                (
                    _("Gender"),
                    _rows(everyone["genders"], genders),
                    _rows(chosen_balance["genders"], genders),
                ),
                (_("Country"), _rows(everyone["countries"]), _rows(chosen_balance["countries"])),
                (_("Member city"), _rows(everyone["cities"]), _rows(chosen_balance["cities"])),
            ],
        },
    )
