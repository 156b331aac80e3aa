"""The session form: times are typed in the organiser's time zone, chosen on the form."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User, available_time_zones
from config.forms import title_translation_fields, title_translations
from courses.models import Cohort
from meetings.models import Meeting

FIELDS = [
    "title",
    "description",
    "kind",
    "starts_at",
    "ends_at",
    "time_zone",
    "meeting_url",
    "venue_name",
    "venue_address",
    "venue_city",
    "seats",
    "after_module",
    "is_required",
    "facilitators",
]
LOCAL = "%Y-%m-%dT%H:%M"


class MeetingForm(forms.ModelForm):
    meeting_url = forms.URLField(
        label=_("meeting link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Jitsi, BigBlueButton, Zoom, Teams…: learners join through Aula."),
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    creation_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    class Meta:
        model = Meeting
        fields = FIELDS
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL),
            "description": forms.Textarea(attrs={"rows": 4}),
            "facilitators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, cohort: Cohort, user: User, **kwargs: Any) -> None:
        instance: Meeting | None = kwargs.get("instance")
        zone_name = (instance.time_zone if instance else "") or user.time_zone or "UTC"
        if instance is not None and instance.pk:
            # Shown as the organiser typed them: in the session's zone, not the reader's.
            zone = zoneinfo.ZoneInfo(zone_name)
            kwargs.setdefault("initial", {}).update(
                starts_at=instance.starts_at.astimezone(zone).strftime(LOCAL),
                ends_at=instance.ends_at.astimezone(zone).strftime(LOCAL),
            )
        else:
            kwargs.setdefault("initial", {}).setdefault("time_zone", zone_name)
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        fields: Any = self.fields
        fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone of the times above"),
            choices=[(name, name) for name in sorted(available_time_zones())],
            initial=zone_name,
        )
        titled = title_translation_fields(
            (instance.title_translations if instance else None) or {}, skip=cohort.language
        )
        described = (instance.description_translations if instance else None) or {}
        for code, language_name in settings.LANGUAGES:
            if code != cohort.language:
                fields[f"description_{code}"] = forms.CharField(
                    label=_("Description in %(language)s") % {"language": language_name},
                    required=False,
                    max_length=4000,
                    initial=described.get(code, ""),
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_("If it differs from the description above."),
                )
        order = [k for k in fields if not k.startswith("description_")]
        described_fields = [k for k in fields if k.startswith("description_")]
        at = order.index("description") + 1
        order = order[:at] + described_fields + order[at:]
        self.fields = {
            **{order[0]: fields[order[0]]},
            **titled,
            **{k: fields[k] for k in order[1:]},
        }
        staff = Q(pk__in=cohort.trainers.values("pk")) | Q(
            coordinated_delegations=cohort.delegation_id
        )
        current = instance.facilitators.values("pk") if instance and instance.pk else []
        self.fields["facilitators"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(staff | Q(pk__in=current), is_active=True)
            .distinct()
            .order_by("certificate_name", "email")
        )
        self.fields["facilitators"].required = False
        self._modules(cohort)
        for name in ("starts_at", "ends_at"):
            self.fields[name].widget.attrs["required"] = True

    def _modules(self, cohort: Cohort) -> None:
        """The course's modules, titled in the reader's language (stored: the originals)."""
        from cms.localization import localize_pages
        from cms.models import ModulePage
        from enrollments.questionnaires.services import course_modules

        modules = course_modules(cohort)
        titles = {
            m.pk: shown.title for m, shown in zip(modules, localize_pages(modules), strict=True)
        }
        field: Any = self.fields["after_module"]
        field.queryset = ModulePage.objects.filter(pk__in=titles).order_by("path")
        field.label_from_instance = lambda module: titles.get(module.pk, module.title)
        field.empty_label = _("Not tied to a module")

    def _in_zone(self, value: datetime.datetime | None) -> datetime.datetime | None:
        """The form read the time in the reader's zone; it was typed in the chosen one."""
        name = self.cleaned_data.get("time_zone")
        if value is None or not name:
            return value
        naive = timezone.make_naive(value, timezone.get_current_timezone())
        return naive.replace(tzinfo=zoneinfo.ZoneInfo(name))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("starts_at", "ends_at"):
            if cleaned.get(name):
                cleaned[name] = self._in_zone(cleaned[name])
        return cleaned

    def _post_clean(self) -> None:
        # The model's checks run in the service (with the times in the right zone).
        pass

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {name: data[name] for name in FIELDS if name != "facilitators"}
        values["title_translations"] = title_translations(data)
        values["description_translations"] = {
            code: data[f"description_{code}"].strip()
            for code, _name in settings.LANGUAGES
            if (data.get(f"description_{code}") or "").strip()
        }
        return values
