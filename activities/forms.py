from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import access
from accounts.models import Country, Delegation, User
from activities.models import NetworkActivity
from config.forms import title_translation_fields, title_translations
from config.validators import no_bidi_controls
from courses.models import Cohort
from enrollments.questionnaires.models import QuestionnaireTemplate

EVALUATION_ELSEWHERE = _(
    "This template belongs to another delegation; choose one of yours or the network's."
)


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkActivity.Kind.choices)
    title = forms.CharField(
        label=_("Title in Spanish"), max_length=200, validators=[no_bidi_controls]
    )
    description = forms.CharField(
        label=_("Description in Spanish"), widget=forms.Textarea(attrs={"rows": 4})
    )
    delegation = forms.ModelChoiceField(label=_("Delegation"), queryset=Delegation.objects.none())
    network_wide = forms.BooleanField(
        label=_("For the whole network"),
        required=False,
        help_text=_("Shown on every delegation's calendar, not only its own."),
    )
    language = forms.ChoiceField(
        label=_("Language it is held in"), choices=settings.LANGUAGES, initial="es"
    )
    audience = forms.ChoiceField(
        label=_("Who may apply"),
        choices=[
            (Cohort.Visibility.PUBLIC, _("Anyone")),
            (Cohort.Visibility.MEMBER_STAFF, _("Staff of member cities")),
            (Cohort.Visibility.INVITATION, _("By invitation")),
        ],
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    place = forms.CharField(label=_("City or place"), max_length=120, required=False)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.none(), required=False
    )
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    opens_at = forms.DateTimeField(
        label=_("Applications open at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    closes_at = forms.DateTimeField(
        label=_("Applications close at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=10000)
    max_country_share = forms.IntegerField(
        label=_("Most seats for one country (%)"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("E.g. 30: no country takes more than 30 % of the seats. Empty for no limit."),
    )
    max_per_city = forms.IntegerField(
        label=_("Most people from one city"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("E.g. 3: no member city takes more than 3 seats. Empty for no limit."),
    )
    evaluation = forms.ModelChoiceField(
        label=_("Evaluation questionnaire"),
        queryset=QuestionnaireTemplate.objects.none(),
        required=False,
        empty_label=_("No evaluation"),
        help_text=_(
            "Opens to those who attended when the last session ends, for three weeks, anonymously."
        ),
    )
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        templates = (
            QuestionnaireTemplate.objects.visible_to(user)
            .prefetch_related("translations")
            .order_by("-created_at")
        )
        fields["evaluation"].queryset = templates
        if not self.is_bound and "evaluation" not in self.initial:
            # The network's own evaluation, the newest, unless the organiser chooses another.
            self.initial["evaluation"] = (
                templates.filter(delegation__isnull=True).values_list("pk", flat=True).first()
            )
        fields["delegation"].queryset = (
            Delegation.objects.all()
            if access.is_site_admin(user)
            else Delegation.objects.filter(pk__in=access.coordinated_delegation_ids(user))
        ).prefetch_related("translations")
        fields["country"].queryset = Country.objects.prefetch_related("translations")
        translated: dict[str, forms.Field] = {}
        for name, field in title_translation_fields({}, skip="es").items():
            code = name.removeprefix("title_")
            translated[name] = field
            translated[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s")
                % {"language": dict(settings.LANGUAGES)[code]},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        order = list(fields)
        self.fields = {
            **{k: fields[k] for k in order[:3]},
            **translated,
            **{k: fields[k] for k in order[3:]},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("An activity cannot end before it starts."))
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Applications must close after they open."))
        if closes and ends and closes.date() > ends:
            self.add_error("closes_at", _("Applications must close before the activity ends."))
        evaluation, delegation = data.get("evaluation"), data.get("delegation")
        if evaluation and delegation and evaluation.delegation_id not in (None, delegation.pk):
            self.add_error("evaluation", EVALUATION_ELSEWHERE)
        return data

    @classmethod
    def initial_for(cls, activity: NetworkActivity) -> dict[str, Any]:
        cohort = activity.cohort
        zone = timezone.get_current_timezone()
        initial: dict[str, Any] = {
            "kind": activity.kind,
            "title": cohort.title,
            "description": activity.description,
            "delegation": cohort.delegation_id,
            "network_wide": activity.network_wide,
            "language": cohort.language,
            "audience": cohort.visibility,
            "venue": activity.venue,
            "place": activity.place,
            "country": activity.country_id,
            "starts_on": cohort.starts_on,
            "ends_on": cohort.ends_on,
            "opens_at": cohort.enrollment_opens_at.astimezone(zone).replace(tzinfo=None),
            "closes_at": cohort.enrollment_closes_at.astimezone(zone).replace(tzinfo=None),
            "seats": cohort.capacity,
            "max_country_share": cohort.max_country_share,
            "max_per_city": cohort.max_per_city,
            "evaluation": activity.evaluation_id,
        }
        for code, text in (cohort.title_translations or {}).items():
            initial[f"title_{code}"] = text
        for code, text in (activity.description_translations or {}).items():
            initial[f"description_{code}"] = text
        return initial

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "delegation": data["delegation"],
            "kind": data["kind"],
            "title": data["title"].strip(),
            "title_translations": title_translations(data),
            "description": data["description"].strip(),
            "description_translations": {
                code: data[f"description_{code}"].strip()
                for code, _name in settings.LANGUAGES
                if code != "es" and (data.get(f"description_{code}") or "").strip()
            },
            "language": data["language"],
            "audience": data["audience"],
            "opens_at": data["opens_at"],
            "closes_at": data["closes_at"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "seats": data["seats"],
            "max_country_share": data.get("max_country_share"),
            "max_per_city": data.get("max_per_city"),
            "venue": data.get("venue", ""),
            "place": data.get("place", ""),
            "country": data.get("country"),
            "network_wide": data.get("network_wide", False),
            "evaluation": data.get("evaluation"),
            "key": data.get("key", ""),
        }


class CalendarFilters(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *NetworkActivity.Kind.choices],
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        required=False,
        queryset=Country.objects.none(),
        to_field_name="iso_code",
        empty_label=_("Any country"),
    )
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *settings.LANGUAGES],
    )
    delegation = forms.ModelChoiceField(
        label=_("Delegation"),
        required=False,
        queryset=Delegation.objects.none(),
        to_field_name="code",
        empty_label=_("The whole network"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["country"].queryset = Country.objects.prefetch_related("translations")
        fields["delegation"].queryset = Delegation.objects.prefetch_related("translations")
