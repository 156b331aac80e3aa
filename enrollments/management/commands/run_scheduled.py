"""Runs the scheduled jobs (CELERY_BEAT_SCHEDULE) in this process, for the embedded default.

With a broker, `celery beat` sends them to the workers; without one there is no beat, so
`make run` starts this next to the development server: reminders are sent and lost certificates
issued in the demo too. `--once` runs every job once and stops (what a cron line would do).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Runs the scheduled jobs in this process (embedded default); --once runs each once."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="run every job once, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        from config.celery import app

        app.loader.import_default_modules()  # every app's tasks.py, so names resolve
        beat: dict[str, dict[str, Any]] = settings.CELERY_BEAT_SCHEDULE
        schedule = {name: (str(e["task"]), float(e["schedule"])) for name, e in beat.items()}
        due = dict.fromkeys(schedule, time.monotonic())
        while True:
            now = time.monotonic()
            for name, (task, every) in schedule.items():
                if due[name] > now:
                    continue
                try:
                    result = app.tasks[task].apply().get(propagate=True)
                except Exception as error:  # one failing job must not stop the others
                    self.stderr.write(f"{name}: {type(error).__name__}: {error}")
                else:
                    self.stdout.write(f"{name}: done ({result})")
                due[name] = now + every
            if options["once"]:
                return
            time.sleep(max(1.0, min(due.values()) - time.monotonic()))
