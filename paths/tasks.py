from __future__ import annotations

from celery import shared_task


@shared_task(name="paths.advance_all")
def advance_all() -> int:
    """Hourly: people on a path are enrolled in its courses' editions as they open."""
    from paths import services

    return services.advance_all()
