"""Report pages: a cohort's report, a delegation's over a period, and the open figures."""

from __future__ import annotations

from typing import Any

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
        what=period["what"],
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
            "cohorts": cohorts,
            "charts": charts.report_charts(report),
        },
    )


def open_figures(request: HttpRequest) -> HttpResponse:
    """Open to anyone: every group of fewer than REPORT_MIN_CELL people is hidden. The same
    figures as a chart and a table, a CSV file (`?format=csv`) and JSON (the API)."""
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    figures = aggregates.open_figures(year=year)
    activities = aggregates.open_activity_figures(year=year)
    k = aggregates.min_cell()
    if request.GET.get("format") == "csv":
        return _figures_csv(figures, activities, year)
    query = f"?year={year}" if year else ""
    chart = charts.bar_chart(
        chart_id="participants-chart",
        title=_("Participants per course and year"),
        bars=[
            charts.Bar(label=f"{figure.course_code} {figure.year}", cell=figure.participants)
            for figure in figures
        ],
    )
    return render(
        request,
        "enrollments/reports/figures.html",
        {
            "figures": figures,
            "activities": activities,
            "year": year,
            "min_cell": k,
            "small_mark": f"<{k}",
            "hidden_mark": f"≥{k}",
            "chart": chart if figures else None,
            "csv_url": f"{request.path}?format=csv" + (f"&year={year}" if year else ""),
            "json_url": f"/api/v1/reports/open/{query}",
        },
    )


def _gender_text(figure: Any) -> str:
    if figure.gender_withheld:
        return ""
    return "; ".join(
        f"{share.label}: {share.people}"
        + (f" ({share.percent} %)" if share.percent is not None else "")
        for share in figure.gender
    )


def _figures_csv(figures: list[Any], activities: list[Any], year: int | None) -> HttpResponse:
    """The open figures as a spreadsheet reads them; hidden figures stay "<5" text. A line per
    course and year, then a line per year for the network's activities (seminars, visits…)."""
    import csv

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"aula-open-figures-{year}.csv" if year else "aula-open-figures.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # so that spreadsheets read it as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Course code"),
            _("Course"),
            _("Year"),
            _("Participants"),
            _("Countries"),
            _("Completion rate"),
            _("Gender balance"),
            _("Activities held"),
        ]
    )
    for figure in figures:
        writer.writerow(
            [
                figure.course_code,
                figure.course_title,
                figure.year,
                figure.participants.published,
                "" if figure.countries is None else figure.countries,
                "" if figure.completion_rate is None else f"{figure.completion_rate * 100:.0f} %",
                _gender_text(figure),
                "",
            ]
        )
    for held in activities:
        writer.writerow(
            [
                "",
                _("Network activities"),
                held.year,
                held.participants.published,
                "" if held.countries is None else held.countries,
                "",
                _gender_text(held),
                held.held,
            ]
        )
    return response
