"""Validators for what people type, shared by models, forms and the API."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# Characters that reorder the text around them (U+202A to U+202E embeddings and overrides,
# U+2066 to U+2069 isolates): in a title they can make "fdp.exe" read "exe.pdf". The marks
# U+200E/U+200F, which right-to-left scripts need, are allowed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
EARLIEST_YEAR = 2000
YEARS_AHEAD = 10


def no_bidi_controls(value: str) -> None:
    if BIDI_CONTROLS.search(value or ""):
        raise ValidationError(
            _("Remove the invisible characters that change the direction of the text."),
            code="bidi_control",
        )


def plausible_date(value: Any) -> None:
    """A date (or moment) of a training: from EARLIEST_YEAR to YEARS_AHEAD years from now."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime.datetime) else value
    latest = timezone.localdate().year + YEARS_AHEAD
    if not (EARLIEST_YEAR <= day.year <= latest):
        raise ValidationError(
            _("Give a date from %(first)s to %(last)s.") % {"first": EARLIEST_YEAR, "last": latest},
            code="implausible_date",
        )
