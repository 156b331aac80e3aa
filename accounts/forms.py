from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Gender, MemberCity, User


class ProfileForm(forms.ModelForm):
    gender_consent = forms.BooleanField(
        label=_(
            "I agree that Aula keeps my gender for anonymous diversity reports and balanced "
            "admissions."
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
            "other_city",
            "position",
            "time_zone",
            "gender",
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
        self.fields["time_zone"] = forms.ChoiceField(
            label=self.fields["time_zone"].label,
            help_text=self.fields["time_zone"].help_text,
            choices=[("", _("As the site (UTC)")), *time_zone_choices()],
            required=False,
        )
        if self.instance.pk and not self.instance.time_zone:
            # Someone who never chose one is offered their city's country's.
            self.initial["time_zone"] = self.instance.shown_time_zone
        self.fields["gender"] = gender_field()
        self.fields["gender_self_described"].label = _("Gender, in your own words")
        self.fields["gender_self_described"].help_text = _("Only if you chose “In my own words”.")
        self.fields["mandate_started_on"].help_text = _(
            "Optional. For elected officials: the date your current mandate began."
        )
        if self.instance.pk:
            self.fields["gender_consent"].initial = self.instance.gender_consent_at is not None
            self.fields["mandate_consent"].initial = self.instance.mandate_consent_at is not None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_gender(self, data)
        if data.get("mandate_started_on") and not data.get("mandate_consent"):
            self.add_error(
                "mandate_consent",
                _("Tick the consent box to keep your mandate start date, or leave it empty."),
            )
        return data


def time_zone_choices() -> list[tuple[str, str]]:
    """Region/City zones, as people know them (no Etc/GMT+3 or legacy aliases)."""
    from accounts.models import available_time_zones

    regions = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/")
    zones = sorted(z for z in available_time_zones() if z.startswith(regions))
    return [(zone, zone.replace("_", " ")) for zone in zones]


class SignupStartForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to it: your account is created when you open it."),
    )


class SignupForm(forms.Form):
    """The new account's details: what the profile holds, a password and the privacy notice."""

    certificate_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("Exactly as it must appear on your certificates."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    member_city = forms.ModelChoiceField(
        label=_("Member city"),
        queryset=MemberCity.objects.none(),
        required=False,
        empty_label=_("Not in the list"),
    )
    other_city = forms.CharField(
        label=_("Your city or organisation, if not in the list"), max_length=160, required=False
    )
    position = forms.ChoiceField(label=_("Position"), choices=User.Position.choices)
    preferred_language = forms.ChoiceField(label=_("Language for e-mails and pages"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), help_text=_("Times of sessions and deadlines are shown in it.")
    )
    gender = forms.ChoiceField(required=False)
    gender_self_described = forms.CharField(
        label=_("Gender, in your own words"),
        max_length=80,
        required=False,
        help_text=_("Only if you chose “In my own words”."),
    )
    gender_consent = ProfileForm.base_fields["gender_consent"]
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree that Aula keeps these details."),
    )

    def __init__(self, *args: Any, email: str, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.conf import settings

        self.email = email
        cities = cast(forms.ModelChoiceField, self.fields["member_city"])
        cities.queryset = MemberCity.objects.select_related("country").prefetch_related(
            "translations"
        )
        self.fields["preferred_language"].choices = settings.LANGUAGES  # type: ignore[attr-defined]
        self.fields["preferred_language"].initial = language
        self.fields["time_zone"].choices = time_zone_choices()  # type: ignore[attr-defined]
        self.fields["time_zone"].initial = "America/Bogota"
        self.fields["gender"] = gender_field()

    def clean(self) -> dict[str, Any]:
        from django.contrib.auth import password_validation

        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first, User(email=self.email))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if not data.get("member_city") and not (data.get("other_city") or "").strip():
            self.add_error("other_city", _("Choose your member city, or write where you work."))
        check_gender(self, data)
        return data


class PasswordResetForm(auth_forms.PasswordResetForm):
    """The reset e-mail goes in the person's language, whatever the page's."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from django.utils import translation

        with translation.override(context["user"].preferred_language):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


def gender_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Gender"),
        choices=[("", _("I prefer not to say")), *Gender.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Optional: only for anonymous figures and for balancing admissions."),
    )


def check_gender(form: forms.BaseForm, data: dict[str, Any]) -> None:
    gender = data.get("gender") or ""
    words = (data.get("gender_self_described") or "").strip()
    if words and gender in (Gender.WOMAN, Gender.MAN):
        form.add_error(
            "gender_self_described",
            _("Choose “In my own words” to write your gender, or leave this empty."),
        )
    elif gender == Gender.OWN_WORDS and not words:
        form.add_error("gender_self_described", _("Write your gender in your own words."))
    elif (gender or words) and not data.get("gender_consent"):
        form.add_error(
            "gender_consent",
            _("Tick the consent box to keep your gender, or leave the field empty."),
        )
