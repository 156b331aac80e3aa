"""The printable sign-in sheet of a face-to-face session, for venues where phones are not used:
participants, city, position and a column to sign, in the session's language."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from enrollments.models import Enrollment
from meetings.models import Meeting


def sign_in_sheet(meeting: Meeting) -> bytes:
    language = meeting.cohort.language
    enrollments = (
        Enrollment.objects.active()
        .filter(cohort_id=meeting.cohort_id)
        .select_related("learner__member_city")
        .order_by("learner__last_name", "learner__first_name", "learner__certificate_name")
    )
    with translation.override(language), timezone.override(meeting.zone):
        html = render_to_string(
            "meetings/sign_in_sheet.html",
            {
                "meeting": meeting,
                "title": meeting.shown_title(language),
                "cohort_title": meeting.cohort.shown_title,
                "rows": list(enrollments),
                "zone": meeting.zone.key,
            },
        )
    # Nothing to fetch: no file or network address may be read while rendering.
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",))).write_pdf()
    return pdf
