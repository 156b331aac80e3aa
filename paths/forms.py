from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Delegation, User
from config.forms import title_translation_fields, title_translations
from courses.models import Course
from paths.models import LearningPath
from paths.services import MAX_STEPS


class PathForm(forms.Form):
    """A path: its delegation, title and description (with their translations), its courses
    in order, and whether the order is enforced."""

    delegation = forms.ModelChoiceField(label=_("Delegation"), queryset=Delegation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    enforce_order = forms.BooleanField(
        label=_("In order: each course opens once the one before is completed"),
        required=False,
        initial=True,
    )
    open_to_join = forms.BooleanField(
        label=_("Learners may join it themselves"),
        required=False,
        help_text=LearningPath._meta.get_field("open_to_join").help_text,
    )
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(
        self,
        *args: Any,
        user: User,
        delegations: Any,
        path: LearningPath | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.path = path
        delegation_field: Any = self.fields["delegation"]
        delegation_field.queryset = delegations
        if path is None and len(choices := list(delegations[:2])) == 1:
            delegation_field.initial = choices[0].pk
            delegation_field.empty_label = None
        self.fields["key"].initial = uuid.uuid4().hex
        steps = (
            list(path.steps.order_by("position").values_list("course_id", flat=True))
            if path
            else []
        )
        if path is not None:
            self.fields["delegation"].initial = path.delegation_id
            self.fields["title"].initial = path.title
            self.fields["description"].initial = path.description
            self.fields["enforce_order"].initial = path.enforce_order
            self.fields["open_to_join"].initial = path.open_to_join
        courses = Course.objects.published().order_by("code")
        for n in range(1, MAX_STEPS + 1):
            self.fields[f"course_{n}"] = forms.ModelChoiceField(
                label=_("Course %(number)d") % {"number": n},
                queryset=courses,
                required=n == 1,
                initial=steps[n - 1] if n <= len(steps) else None,
            )
        self.fields.update(
            title_translation_fields((path.title_translations if path else {}) or {})
        )
        for code, name in settings.LANGUAGES:
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": name},
                required=False,
                max_length=2000,
                initial=((path.description_translations if path else {}) or {}).get(code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def courses(self) -> list[Course]:
        return [
            self.cleaned_data[f"course_{n}"]
            for n in range(1, MAX_STEPS + 1)
            if self.cleaned_data.get(f"course_{n}")
        ]

    def titles(self) -> dict[str, str]:
        return title_translations(self.cleaned_data)

    def descriptions(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[f"description_{code}"].strip()
            for code, _name in settings.LANGUAGES
            if (self.cleaned_data.get(f"description_{code}") or "").strip()
        }


class EnrolForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses, one per line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )

    def addresses(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["emails"].splitlines() if line.strip()]
