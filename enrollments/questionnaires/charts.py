"""Horizontal bar charts as inline SVG: no JavaScript, readable by screen readers (the same
figures are in a table beside each chart)."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from enrollments.questionnaires.results import Bar

ROW = 26
LABEL = 180
WIDTH = 520
VALUE = 110  # room right of the longest bar for "1234 (100,0 %)"


def bars(title: str, values: list[Bar]) -> SafeString:
    if not values:
        return mark_safe("")
    longest = max((bar.count for bar in values), default=0) or 1
    height = ROW * len(values) + 8
    rows = []
    for index, bar in enumerate(values):
        y = 4 + index * ROW
        length = round((WIDTH - LABEL - VALUE) * bar.count / longest)
        rows.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
                '<text x="{}" y="{}" class="chart-value">{} ({} %)</text>',
                LABEL - 8,
                y + 16,
                bar.label[:28],
                LABEL,
                y + 3,
                length,
                ROW - 8,
                LABEL + length + 6,
                y + 16,
                bar.count,
                number_format(bar.percent, decimal_pos=1),
            )
        )
    summary = _("%(title)s: %(values)s") % {
        "title": title,
        "values": "; ".join(f"{bar.label} {bar.count}" for bar in values),
    }
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%">'
        "<title>{}</title>{}</svg>",
        summary,
        WIDTH,
        height,
        escape(title),
        mark_safe("".join(rows)),
    )
