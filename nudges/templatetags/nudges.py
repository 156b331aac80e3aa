from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("nudges/includes/due.html")
def due_dates(user: Any) -> dict[str, Any]:
    """The signed-in learner's deadlines: what is coming, what is late, what was just done."""
    from nudges import services

    if not getattr(user, "is_authenticated", False):
        return {"items": []}
    return {"items": services.due_for(user)}
