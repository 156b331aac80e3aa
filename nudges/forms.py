from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nudges.models import Kind
from nudges.services import MAX_BODY, MAX_SUBJECT


class PreferenceForm(forms.Form):
    """One box per kind of reminder: ticked, it is received."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False)


class MessageForm(forms.Form):
    """A message to the learners ticked in the list, with optional versions in the other
    languages (each learner reads theirs when it is given, the first one otherwise)."""

    subject = forms.CharField(label=_("Subject"), max_length=MAX_SUBJECT)
    body = forms.CharField(
        label=_("Message"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 6})
    )
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = uuid.uuid4().hex
        self.others = []
        for code, name in settings.LANGUAGES:
            if code == language:
                continue
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject in %(language)s") % {"language": name},
                max_length=MAX_SUBJECT,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message in %(language)s") % {"language": name},
                max_length=MAX_BODY,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.others.append(code)

    def main_fields(self) -> list[forms.BoundField]:
        return [self["subject"], self["body"], self["key"]]

    def other_fields(self) -> list[forms.BoundField]:
        return [self[f"{part}_{code}"] for code in self.others for part in ("subject", "body")]

    def translations(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            code: {"subject": data.get(f"subject_{code}", ""), "body": data.get(f"body_{code}", "")}
            for code in self.others
        }
