"""Pieces every form of the product shares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from config.validators import no_bidi_controls


def title_translation_fields(
    translations: Mapping[str, str], *, skip: str = ""
) -> dict[str, forms.Field]:
    """`title_<code>` for each language (but `skip`, the one of the title itself): readers get
    their language's title, the original otherwise."""
    return {
        f"title_{code}": forms.CharField(
            label=_("Title in %(language)s") % {"language": language_name},
            required=False,
            max_length=200,
            initial=translations.get(code, ""),
            help_text=_("If it differs from the title above."),
            validators=[no_bidi_controls],
        )
        for code, language_name in settings.LANGUAGES
        if code != skip
    }


def title_translations(cleaned: Mapping[str, Any]) -> dict[str, str]:
    """The titles typed in `title_translation_fields`, without the empty ones."""
    return {
        code: cleaned[f"title_{code}"].strip()
        for code, _name in settings.LANGUAGES
        if (cleaned.get(f"title_{code}") or "").strip()
    }
