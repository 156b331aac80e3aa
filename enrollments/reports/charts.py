"""Charts drawn on the server as inline SVG: no JavaScript, and the same figures are in a table
beside each chart. A chart is an image with a title and a description listing its figures; a
hidden "<5" draws no bar, only its text, so that its length tells nothing; a "≥5" (hidden only
to protect a smaller group) draws the bar it is known to reach at least, dashed and open-ended."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from enrollments.reports.figures import Report, Table, Week
from enrollments.reports.suppression import Cell

# Drawn small and scaled up: at 440 units wide a 13-unit label stays about 10 px on a 375 px
# phone and about 16 px on a desktop, where .chart is at most 34rem wide.
WIDTH = 440
LABEL_WIDTH = 150
VALUE_WIDTH = 44
ROW_HEIGHT = 24
BAR_HEIGHT = 16
# Fallback colours when the stylesheet is not there (a saved page); aula.css sets the real ones.
BAR_FILL = "#0b5a8a"
INK = "#1b1b1f"
MUTED = "#4a4a55"


@dataclass(frozen=True)
class Bar:
    label: str
    cell: Cell


def _shorten(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _description(bars: Sequence[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.cell}" for bar in bars)


def bar_chart(*, chart_id: str, title: str, bars: Sequence[Bar]) -> SafeString:
    """Horizontal bars, one per group, scaled to the largest shown figure."""
    largest = max((bar.cell.value or 0 for bar in bars), default=0) or 1
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW_HEIGHT * len(bars) + 8
    rows = []
    for index, bar in enumerate(bars):
        y = 4 + index * ROW_HEIGHT
        low, _high = bar.cell.bounds
        at_least = bar.cell.value is None and low >= bar.cell.min_cell
        length = round(area * (bar.cell.value or (low if at_least else 0)) / largest)
        if bar.cell.value:
            rect = format_html(
                '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                BAR_FILL,
            )
        elif at_least:
            rect = format_html(
                '<rect class="chart-bar chart-at-least" x="{}" y="{}" width="{}" height="{}" '
                'fill="none" stroke="{}" stroke-dasharray="4 3"></rect>',
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                BAR_FILL,
            )
        else:
            rect = SafeString("")
        rows.append(
            format_html(
                '<g><text class="chart-label" x="{}" y="{}" text-anchor="end" fill="{}">{}</text>'
                '{}<text class="chart-value{}" x="{}" y="{}" fill="{}">{}</text></g>',
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 4,
                INK,
                _shorten(bar.label),
                rect,
                " chart-hidden" if bar.cell.is_suppressed else "",
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT - 4,
                MUTED if bar.cell.is_suppressed else INK,
                str(bar.cell),
            )
        )
    return _svg(chart_id, title, _description(bars), WIDTH, height, SafeString("".join(rows)))


def column_chart(*, chart_id: str, title: str, weeks: Sequence[Week]) -> SafeString:
    """Vertical bars, one per ISO week; every few weeks are labelled below the axis."""
    plot_top, plot_height, left, bottom_space = 10, 150, 40, 40
    count = max(len(weeks), 1)
    step = (WIDTH - left - 10) / count
    largest = max((week.active.value or 0 for week in weeks), default=0) or 1
    label_every = max(1, round(count / 8))
    baseline = plot_top + plot_height
    parts = [
        format_html(
            '<line class="chart-axis" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text class="chart-value" x="{}" y="{}" text-anchor="end" fill="{}">{}</text>'
            '<text class="chart-value" x="{}" y="{}" text-anchor="end" fill="{}">0</text>',
            left,
            baseline,
            WIDTH - 10,
            baseline,
            MUTED,
            left - 6,
            plot_top + 10,
            INK,
            largest,
            left - 6,
            baseline,
            INK,
        )
    ]
    for index, week in enumerate(weeks):
        x = left + index * step
        if week.active.value:
            bar_height = round(plot_height * week.active.value / largest)
            parts.append(
                format_html(
                    '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}" '
                    'fill="{}"><title>{}: {}</title></rect>',
                    f"{x + step * 0.1:.1f}",
                    baseline - bar_height,
                    f"{step * 0.8:.1f}",
                    bar_height,
                    BAR_FILL,
                    week.label,
                    week.active,
                )
            )
        elif week.active.is_suppressed:
            parts.append(
                format_html(
                    '<text class="chart-value chart-hidden" x="{}" y="{}" '
                    'text-anchor="middle" fill="{}">{}</text>',
                    f"{x + step / 2:.1f}",
                    baseline - 4,
                    MUTED,
                    week.active,
                )
            )
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text class="chart-label" x="{}" y="{}" text-anchor="middle" '
                    'fill="{}">{}</text>',
                    f"{x + step / 2:.1f}",
                    baseline + 16,
                    INK,
                    week.label,
                )
            )
    description = "; ".join(f"{week.label}: {week.active}" for week in weeks)
    return _svg(
        chart_id,
        title,
        description,
        WIDTH,
        plot_top + plot_height + bottom_space,
        SafeString("".join(parts)),
    )


def _svg(
    chart_id: str, title: str, description: str, width: int, height: int, body: SafeString
) -> SafeString:
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" aria-describedby="{}-desc" '
        'viewBox="0 0 {} {}" width="100%" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        title,
        chart_id,
        width,
        height,
        chart_id,
        title,
        chart_id,
        description,
        body,
    )


@dataclass(frozen=True)
class ReportCharts:
    funnel: SafeString
    weeks: SafeString
    tables: list[tuple[Table, SafeString]]


def report_charts(report: Report) -> ReportCharts:
    return ReportCharts(
        funnel=bar_chart(
            chart_id="chart-funnel",
            title=_("From invitation to certificate"),
            bars=[Bar(label, cell) for _key, label, cell in report.funnel.stages()],
        ),
        weeks=column_chart(
            chart_id="chart-weeks", title=_("People active per week"), weeks=report.weeks
        ),
        tables=[
            (
                table,
                bar_chart(
                    chart_id=f"chart-{table.dimension}",
                    title=(
                        _("%(breakdown)s: people admitted")
                        if report.of_activities
                        else _("%(breakdown)s: people enrolled")
                    )
                    % {"breakdown": table.title},
                    bars=[Bar(group.label, group.enrolled) for group in table.groups],
                )
                if table.groups
                else SafeString(""),
            )
            for table in report.tables
        ],
    )
