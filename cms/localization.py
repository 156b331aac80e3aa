"""Pages in the active language: one query for a whole list, the original where untranslated."""

from __future__ import annotations

from typing import TypeVar

from django.utils import translation
from wagtail.models import Locale, Page

P = TypeVar("P", bound=Page)


def active_locale() -> Locale | None:
    try:
        locale: Locale = Locale.get_active()
    except Locale.DoesNotExist:
        return None
    return locale


def localize_pages(pages: list[P], *, select_related: list[str] | None = None) -> list[P]:
    """Replaces each page by its live translation in the active language, when there is one."""
    locale = active_locale()
    if not pages or locale is None:
        return pages
    keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
    if not keys:
        return pages
    model = type(pages[0])
    # Aliases are originals copied live while translating a page below them: not translations.
    found = model.objects.live().filter(
        locale=locale, translation_key__in=keys, alias_of__isnull=True
    )
    if select_related:
        found = found.select_related(*select_related)
    translations = {page.translation_key: page for page in found}
    return [translations.get(page.translation_key, page) for page in pages]


def url_in_active_language(page: Page, request: object | None = None) -> str:
    """The page's URL under the active language's prefix.

    An untranslated page keeps the learner in their language: fallback routing serves the
    original under the learner's prefix, with a notice.
    """
    url: str = page.get_url(request) or ""
    language = page.locale.language_code
    active = translation.get_language() or language
    prefix = f"/{language}/"
    if language != active and url.startswith(prefix):
        return f"/{active}/{url[len(prefix) :]}"
    return url
