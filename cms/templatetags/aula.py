from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from cms.localization import url_in_active_language

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context: dict[str, Any]) -> str:
    """The catalogue in the reader's language (its translation, or the original under the
    reader's prefix); the home page while there is none. Cached: it is in every header."""
    from django.core.cache import cache

    from cms.models import CataloguePage

    language = translation.get_language() or settings.LANGUAGE_CODE

    def find() -> str:
        pages = list(CataloguePage.objects.live().select_related("locale")[:10])
        chosen = next((p for p in pages if p.locale.language_code == language), None)
        chosen = chosen or (pages[0] if pages else None)
        return url_in_active_language(chosen, context.get("request")) if chosen else ""

    return cache.get_or_set(f"aula:catalogue-url:{language}", find, 300) or f"/{language}/"


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], page: Page) -> str:
    return url_in_active_language(page, context.get("request"))


@register.inclusion_tag("cms/includes/language_switcher.html", takes_context=True)
def language_switcher(context: dict[str, Any]) -> dict[str, Any]:
    """A link per language: the translation, or this page under that language's prefix."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations: dict[str, Page] = {}
    if isinstance(page, Page):
        for candidate in (
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        ):
            translations[candidate.locale.language_code] = candidate
    links = []
    path = request.get_full_path() if request else "/"
    for code, _name in settings.LANGUAGES:
        if not isinstance(page, Page):
            # Resolved in the current language, reversed in the other (inside an override the
            # current prefix would not resolve and the address would come back unchanged).
            url = translate_url(path, code)
        with translation.override(code):
            if code in translations:
                url = translations[code].get_url(request)
            elif isinstance(page, Page):
                url = url_in_active_language(page, request)
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return {"links": links}


@register.filter
def language_name(code: str) -> str:
    return str(translation.get_language_info(code)["name_translated"])


# Languages that write the names of languages with a capital inside a sentence.
CAPITALISED_LANGUAGE_NAMES = {"en", "de"}


@register.filter
def language_in_text(code: str) -> str:
    """The language's name as written inside a sentence of the current language: "en
    espagnol", "in Spanish"."""
    name = str(translation.get_language_info(code)["name_translated"])
    current = (translation.get_language() or "").split("-")[0]
    return name if current in CAPITALISED_LANGUAGE_NAMES else name.lower()
