"""The Celery application; tasks live in each app's tasks.py."""

from __future__ import annotations

import os
import socket

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("aula")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="config.worker_identity")
def worker_identity() -> dict[str, str]:
    """Tells which worker ran it: operations check that a real worker consumes the queue."""
    from django.conf import settings

    return {"hostname": socket.gethostname(), "database": settings.DATABASES["default"]["ENGINE"]}
