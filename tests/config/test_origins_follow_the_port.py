"""With neither SITE_URL nor H5P_CONTENT_ORIGIN set, a developer serving on another port gets
activities from the twin host on that same port, not from port 8000 where nothing listens."""

from __future__ import annotations

import re

import pytest

from enrollments import services
from tests.factories import add_activity


@pytest.fixture
def unset(settings):
    settings.ORIGINS_FROM_REQUEST = True
    settings.SITE_URL = "http://localhost:8000"
    settings.H5P_CONTENT_ORIGIN = "http://127.0.0.1:8000"
    settings.H5P_CONTENT_HOST = "127.0.0.1"
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]


def lesson_page(client) -> str:
    return client.get(
        "/es/cursos/ciudad-educadora/primer-modulo/leccion-1/", HTTP_HOST="localhost:8123"
    ).content.decode()


def test_the_lesson_points_the_frame_at_the_twin_host_on_the_requests_port(
    unset, site, cohort, learner, client, settings
):
    add_activity(site["lesson"], "Actividad")
    services.enroll_learner(learner=learner, cohort=cohort)
    client.force_login(learner)
    page = lesson_page(client)
    assert 'data-content-origin="http://127.0.0.1:8123"' in page
    assert "127.0.0.1:8000" not in page


def test_configured_origins_are_kept_whatever_the_port(
    unset, site, cohort, learner, client, settings
):
    settings.ORIGINS_FROM_REQUEST = False
    add_activity(site["lesson"], "Actividad")
    services.enroll_learner(learner=learner, cohort=cohort)
    client.force_login(learner)
    page = lesson_page(client)
    assert re.search(r'data-content-origin="http://127\.0\.0\.1:8000"', page)
