from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import MemberCity, User


class ProfileForm(forms.ModelForm):
    gender_consent = forms.BooleanField(
        label=_(
            "I agree that Aula keeps my self-described gender for anonymous diversity reports."
        ),
        required=False,
    )
    mandate_consent = forms.BooleanField(
        label=_("I agree that Aula keeps my mandate start date for anonymous reports."),
        required=False,
    )

    class Meta:
        model = User
        fields = [
            "certificate_name",
            "preferred_language",
            "member_city",
            "position",
            "gender_self_described",
            "mandate_started_on",
        ]
        widgets = {"mandate_started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["certificate_name"].required = True
        cities = cast(forms.ModelChoiceField, self.fields["member_city"])
        cities.queryset = MemberCity.objects.select_related("country").prefetch_related(
            "translations"
        )
        self.fields["member_city"].required = False
        self.fields["gender_self_described"].help_text = _(
            "Optional. In your own words; leave empty if you prefer not to say."
        )
        self.fields["mandate_started_on"].help_text = _(
            "Optional. For elected officials: the date your current mandate began."
        )
        if self.instance.pk:
            self.fields["gender_consent"].initial = self.instance.gender_consent_at is not None
            self.fields["mandate_consent"].initial = self.instance.mandate_consent_at is not None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("gender_self_described", "").strip() and not data.get("gender_consent"):
            self.add_error(
                "gender_consent",
                _("Tick the consent box to keep your gender, or leave the field empty."),
            )
        if data.get("mandate_started_on") and not data.get("mandate_consent"):
            self.add_error(
                "mandate_consent",
                _("Tick the consent box to keep your mandate start date, or leave it empty."),
            )
        return data
