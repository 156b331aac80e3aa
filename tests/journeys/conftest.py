"""Journeys run in Chromium against the live server, on the demo as `make run` seeds it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

DEMO_PASSWORD = "aula-demo-2026"


@pytest.fixture
def demo(transactional_db, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
