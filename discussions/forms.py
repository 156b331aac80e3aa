from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from discussions.models import MAX_BODY, MAX_TITLE, EmailChoice

MARKDOWN_HELP = _("Markdown: **bold**, *italics*, [a link](https://…), lists with “-”.")
GENERAL = "general"


def _key() -> str:
    return uuid.uuid4().hex


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_BODY,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HELP,
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, language: str = "es", **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("key", _key())
        kwargs["initial"].setdefault("language", language)
        super().__init__(*args, **kwargs)


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE, strip=True)
    topic = forms.ChoiceField(label=_("About"), required=False)

    def __init__(self, *args: Any, topics: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["body"].label = _("Your message")
        fields["topic"].choices = [(GENERAL, _("The general board"))] + [
            (str(t["key"]), t["title"]) for t in topics
        ]
        self.order_fields(["title", "topic", "body", "language", "key"])

    def topic_key(self) -> uuid.UUID | None:
        value = self.cleaned_data.get("topic") or GENERAL
        if value == GENERAL:
            return None
        try:
            return uuid.UUID(value)
        except ValueError as error:
            raise ValidationError({"topic": _("Choose a lesson or module of the list.")}) from error


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, strip=True, widget=forms.Textarea(attrs={"rows": 3})
    )


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
    )


class EmailsForm(forms.Form):
    emails = forms.ChoiceField(
        label=_("When someone posts in a thread I follow"),
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
    )
