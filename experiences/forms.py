"""The form to propose or edit an experience; the service checks it again and says why."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import access
from accounts.models import Country, MemberCity, User
from cms.themes import AREAS, POPULATIONS, PRINCIPLES
from experiences import services
from experiences.models import Experience


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe); each is checked by the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return super().clean(data, initial)


def _choices(group: list[Any]) -> list[tuple[str, Any]]:
    return [(code, label) for code, label in group]


class ExperienceForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of writing"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=600, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What the city does, with whom, and how. Markdown: **bold**, lists, links."),
    )
    results = forms.CharField(
        label=_("Results and evaluation"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    member_city = forms.ModelChoiceField(
        label=_("Member city"), queryset=MemberCity.objects.none(), required=False
    )
    city_name = forms.CharField(
        label=_("Or a city's name, if not a member city"), max_length=160, required=False
    )
    country = forms.ModelChoiceField(
        label=_("Its country"), queryset=Country.objects.none(), required=False
    )
    principles = forms.MultipleChoiceField(
        label=_("Charter principles"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = forms.MultipleChoiceField(
        label=_("Thematic areas"),
        choices=_choices(AREAS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    populations = forms.MultipleChoiceField(
        label=_("Populations served"),
        choices=_choices(POPULATIONS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    year_started = forms.IntegerField(label=_("Year it started"), min_value=1950)
    status = forms.ChoiceField(label=_("Status"), choices=Experience.Status.choices)
    budget = forms.ChoiceField(label=_("Budget"), choices=Experience.Budget.choices)
    partners = forms.CharField(label=_("Partners"), max_length=2000, required=False)
    contact = forms.CharField(
        label=_("Public contact"),
        max_length=200,
        required=False,
        help_text=_("An office's e-mail or web address; it is published."),
    )
    credit = forms.CharField(
        label=_("Credited to"),
        max_length=200,
        required=False,
        help_text=_("A team, an office, or your name: whatever you write here is published."),
    )
    uploads = MultipleFileField(
        label=_("Images and documents"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"}),
        help_text=_("PDF, DOCX, ODT, PNG or JPEG; 10 MB each at most."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this experience, as written here, is published in Aula's bank of "
            "experiences under the Creative Commons Attribution 4.0 licence."
        ),
        required=False,
    )

    def __init__(self, *args: Any, user: User, asks_consent: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        delegations = access.coordinated_delegation_ids(user)
        cities = MemberCity.objects.filter(
            Q(delegation__in=delegations) | Q(pk=user.member_city_id or 0)
        )
        countries = Country.objects.filter(
            Q(delegation__in=delegations)
            | Q(delegation__member_cities__pk=user.member_city_id or 0)
        )
        if access.is_site_admin(user):
            cities, countries = MemberCity.objects.all(), Country.objects.all()
        self.fields["member_city"].queryset = cities.distinct()  # type: ignore[attr-defined]
        self.fields["country"].queryset = countries.distinct()  # type: ignore[attr-defined]
        self.fields["principles"].choices = [  # type: ignore[attr-defined]
            (code, f"{int(code[1:])}. {label}") for code, label in PRINCIPLES
        ]
        self.fields["year_started"].max_value = timezone.now().year + 1  # type: ignore[attr-defined]
        if not asks_consent:
            del self.fields["consent"]

    def facts(self) -> services.Facts:
        data = self.cleaned_data
        return services.Facts(
            member_city=data.get("member_city"),
            city_name=data.get("city_name", ""),
            country=data.get("country"),
            tags=[
                *data.get("principles", []),
                *data.get("areas", []),
                *data.get("populations", []),
            ],
            year_started=data.get("year_started"),
            status=data.get("status", ""),
            budget=data.get("budget", ""),
            partners=data.get("partners", ""),
            contact=data.get("contact", ""),
            credit=data.get("credit", ""),
        )

    def story(self) -> services.Story:
        data = self.cleaned_data
        return services.Story(
            language=data.get("language", ""),
            title=data.get("title", ""),
            summary=data.get("summary", ""),
            description=data.get("description", ""),
            results=data.get("results", ""),
        )

    def take(self, error: ValidationError) -> None:
        """Put the service's refusal under the fields it names."""
        if hasattr(error, "error_dict"):
            for key, errors in error.message_dict.items():
                field = {"tags": "principles", "city": "city_name"}.get(key, key)
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error.messages)


def initial_for(experience: Experience, language: str) -> dict[str, Any]:
    text = experience.texts.filter(language=language).first() or experience.texts.get(
        language=experience.language
    )
    codes = list(experience.tags.values_list("code", "kind"))
    return {
        "language": text.language,
        "title": text.title,
        "summary": text.summary,
        "description": text.description,
        "results": text.results,
        "member_city": experience.member_city,
        "city_name": experience.city_name,
        "country": experience.country,
        "principles": [c for c, k in codes if k == "principle"],
        "areas": [c for c, k in codes if k == "area"],
        "populations": [c for c, k in codes if k == "population"],
        "year_started": experience.year_started,
        "status": experience.status,
        "budget": experience.budget,
        "partners": experience.partners,
        "contact": experience.contact,
        "credit": experience.credit,
    }
