"""The admin form of Aula's pages."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class AulaPageForm(WagtailAdminPageForm):
    def clean_slug(self) -> str:
        """A slug typed with accents becomes plain ASCII before it is checked for clashes."""
        slug: str = self.cleaned_data.get("slug") or ""
        return slug if slug.isascii() else slugify(slug)
