"""The delegation report's question: which dates, and optionally which delegation."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough for several editions, short enough to stay one page.
MAX_DAYS = 366 * 5


class PeriodForm(forms.Form):
    """`from` and `to` are the parameters' names, which are not Python names: added below."""

    delegation = forms.SlugField(label=_("Delegation"), required=False)
    what = forms.ChoiceField(
        label=_("Covering"),
        required=False,
        choices=[
            ("", _("Courses and activities")),
            ("courses", _("Courses' editions")),
            ("activities", _("Network activities")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            initial=today - datetime.timedelta(days=365),
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            initial=today,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
        self.order_fields(["from", "to", "delegation", "what"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        data["to"] = data.get("to") or today
        data["from"] = data.get("from") or data["to"] - datetime.timedelta(days=365)
        if data["from"] > data["to"]:
            raise forms.ValidationError(_("The start date must come before the end date."))
        if (data["to"] - data["from"]).days > MAX_DAYS:
            raise forms.ValidationError(_("Ask for five years at most."))
        return data
