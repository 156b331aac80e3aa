from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("paths/includes/my_paths.html")
def my_paths(user: Any) -> dict[str, Any]:
    """The signed-in learner's paths on "My courses": each course and where they are (three
    queries, however many paths)."""
    from paths import services

    if not getattr(user, "is_authenticated", False):
        return {"paths": []}
    found = []
    for entry, steps in services.standings(user.pk):
        found.append(
            {
                "entry": entry,
                "steps": steps,
                "done": sum(1 for s in steps if s.state == "done"),
                "total": len(steps),
            }
        )
    return {"paths": found}
