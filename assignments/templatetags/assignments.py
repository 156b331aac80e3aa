from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("assignments/panel.html", takes_context=True)
def assignment_panel(context: Any, block: Any, block_id: str) -> dict[str, Any]:
    """A lesson's assignment as its reader sees it: the learner's draft, submission and review;
    a note for staff; an invitation to sign in."""
    from assignments.views import panel_context

    request = context.get("request")
    if request is None or "page" not in context:  # rendered outside a lesson page
        return {"block": block, "block_id": block_id}
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        **panel_context(request, context["page"], block, block_id),
    }
