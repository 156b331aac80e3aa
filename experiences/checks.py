"""Start-up check: the bank's map is drawn from the `world-atlas` npm package."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Warning, register


@register()
def world_map_is_installed(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from experiences import worldmap

    if worldmap.ATLAS.is_file():
        return []
    return [
        Warning(
            "The world map of the bank of experiences is missing: the map page lists the "
            "cities without drawing them.",
            hint="Run `make setup` (npm ci installs world-atlas).",
            id="experiences.W001",
        )
    ]
