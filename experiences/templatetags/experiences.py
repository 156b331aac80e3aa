"""The lesson block "Experiences on this theme" (`cms.blocks.ExperiencesBlock`): the bank's
published experiences with any of the block's themes; three queries per block."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from cms.themes import KIND_OF
from experiences import search
from experiences.models import Experience

register = template.Library()


@register.inclusion_tag("experiences/on_theme.html")
def experiences_on_theme(value: Any, block_id: Any = None) -> dict[str, Any]:
    codes = [code for code in (value.get("themes") or []) if code in KIND_OF]
    count = int(value.get("count") or 3)
    found = list(
        search.published()
        .filter(
            pk__in=Experience.tags.through.objects.filter(tag__code__in=codes).values(
                "experience_id"
            )
        )
        .select_related("country", "member_city")
        .prefetch_related("member_city__translations", "country__translations")
        .order_by("-published_at", "-pk")[:count]
        if codes
        else []
    )
    texts = search.shown_texts(found)
    places = search.place_names(found)
    more = (
        reverse("experiences:bank") + "?" + urlencode([(KIND_OF[code], code) for code in codes[:1]])
    )
    return {
        "heading": value.get("heading") or "",
        "block_id": block_id or "experiences",
        "rows": [
            {
                "experience": e,
                "text": texts.get(e.pk),
                "city": places[e.pk][0],
                "country": places[e.pk][1],
            }
            for e in found
        ],
        "more": more,
    }
