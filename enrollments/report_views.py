"""Report pages: a cohort's report, a delegation's over a period, and the open figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import Delegation
from courses.models import Cohort
from enrollments.refusals import forbidden
from enrollments.reports import aggregates, charts
from enrollments.reports.forms import PeriodForm


@login_required
def cohort_report(request: HttpRequest, public_id: str) -> HttpResponse:
    cohort = get_object_or_404(
        Cohort.objects.select_related("course", "delegation"), public_id=public_id
    )
    if not access.can_view_cohort_report(request.user, cohort):
        return forbidden(request, _("Only the cohort's trainers and coordinators see its report."))
    report = aggregates.cohort_report(cohort)
    return render(
        request,
        "enrollments/reports/cohort.html",
        {"cohort": cohort, "report": report, "charts": charts.report_charts(report)},
    )


@login_required
def delegation_report(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not access.can_view_reports(user):
        return forbidden(request, _("Reports are for coordinators and trainers."))
    delegations = list(
        Delegation.objects.filter(access.report_delegations_filter(user))
        .prefetch_related("translations")
        .distinct()
        .order_by("code")
    )
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "enrollments/reports/delegation.html",
            {"form": form, "delegations": delegations, "period": form.data},
            status=400,
        )
    period = form.cleaned_data
    chosen = None
    if period["delegation"]:
        chosen = next((d for d in delegations if d.code == period["delegation"]), None)
        if chosen is None or not access.can_view_delegation_report(user, chosen):
            return forbidden(request, _("You do not coordinate this delegation."))
    cohorts = aggregates.reported_cohorts(
        user,
        date_from=period["from"],
        date_to=period["to"],
        delegation_id=chosen.pk if chosen else None,
    )
    report = aggregates.delegation_report(cohorts, date_from=period["from"], date_to=period["to"])
    return render(
        request,
        "enrollments/reports/delegation.html",
        {
            "form": form,
            "delegations": delegations,
            "period": period,
            "report": report,
            "charts": charts.report_charts(report),
        },
    )


def open_figures(request: HttpRequest) -> HttpResponse:
    """Open to anyone: every group of fewer than REPORT_MIN_CELL people is hidden."""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    figures = aggregates.open_figures(year=year)
    k = aggregates.min_cell()
    return render(
        request,
        "enrollments/reports/figures.html",
        {
            "figures": figures,
            "year": year,
            "min_cell": k,
            "small_mark": f"<{k}",
            "hidden_mark": f"≥{k}",
        },
    )
