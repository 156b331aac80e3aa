"""The cast: a learner, another learner, a trainer, a coordinator of the learner's delegation,
a coordinator of another delegation, and a site admin."""

from __future__ import annotations

import os
import zlib

import pytest
from django.test import Client

from accounts.models import User
from tests.factories import (
    PASSWORD,
    DelegationFactory,
    MemberCityFactory,
    UserFactory,
    build_site,
)

# Chromium for browser tests and journeys: the `browser` and `origins` fixtures.
pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def english_unless_a_test_says_otherwise():
    """Code called outside a request speaks English in tests, whatever a previous request
    activated (LocaleMiddleware leaves its language active in the thread)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_folder(settings, tmp_path):
    """Files written by a test never land in the developer's media/ (S3 runs use their bucket)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def tasks_run_in_process(request):
    """Tasks run in the test's process and transaction, except in tests marked `real_worker`,
    which send them through the broker to the Celery worker `make test` starts."""
    from config.celery import app

    if request.node.get_closest_marker("real_worker"):
        yield
        return
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager
    # Eager tasks run from several threads at once (the concurrency tests) can leave Celery's
    # process-wide "inside a task" flag set, and every later result.get() would refuse.
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)


@pytest.fixture(scope="session", autouse=True)
def a_redis_cache_per_test_process(worker_id):
    """`make test` runs the suite in several processes, each with its own database; each gets
    its own Redis database too, so one process emptying its cache never empties another's.
    (Redis databases 0 to 2 are the broker's, the cache's and the results'.)"""
    from django.conf import settings
    from django.test import override_settings

    if worker_id == "master" or not settings.REDIS_URL:
        yield
        return
    from urllib.parse import urlsplit

    database = 3 + int(worker_id.removeprefix("gw"))
    url = urlsplit(settings.REDIS_URL)._replace(path=f"/{database}").geturl()
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    with override_settings(REDIS_URL=url, CACHES={"default": cache}):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rolled-back rows must not live on in the cache (django-parler caches translations)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def city(db):
    return MemberCityFactory(name="Rosario")


@pytest.fixture
def other_city(db):
    return MemberCityFactory(name="Lyon")


@pytest.fixture
def learner(city) -> User:
    return UserFactory(
        email="ana@rosario.example", certificate_name="Ana Gutiérrez", member_city=city
    )


@pytest.fixture
def other_learner(other_city) -> User:
    return UserFactory(email="luc@lyon.example", member_city=other_city)


@pytest.fixture
def trainer(db) -> User:
    from django.contrib.auth.models import Group

    user = UserFactory(email="trainer@aula.example", is_trainer=True)
    user.groups.add(Group.objects.get(name="Trainers"))
    return user


@pytest.fixture
def coordinator(city) -> User:
    user = UserFactory(email="coord@aula.example")
    user.coordinated_delegations.add(city.delegation)
    return user


@pytest.fixture
def outside_coordinator(db) -> User:
    user = UserFactory(email="elsewhere@aula.example")
    user.coordinated_delegations.add(DelegationFactory())
    return user


@pytest.fixture
def site_admin(db) -> User:
    return UserFactory(email="root@aula.example", is_superuser=True, is_staff=True)


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def client() -> Client:
    """A browser that asks for English; pages under /es/, /pt/… still follow their prefix."""
    return Client(headers={"Accept-Language": "en"})


@pytest.fixture
def signed_in(client: Client):
    def sign_in(user: User) -> Client:
        assert client.login(username=user.email, password=PASSWORD)
        return client

    return sign_in


@pytest.fixture
def cohort(site, city):
    """An open cohort of the test course, run by the learner's delegation, with two seats."""
    from tests.factories import CohortFactory

    return CohortFactory(
        course=site["course"].course, delegation=city.delegation, capacity=2, title="Abril"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`AULA_JOURNEYS=1` (or 2) keeps each browser journey's first (or second) variant only.
    Every journey runs in two variants (a language and a desktop, a translation and a phone),
    most of a run's time: `make test` runs one half on the embedded default and the other on
    the real services, so each variant runs once and each configuration sees every journey."""
    half = os.environ.get("AULA_JOURNEYS", "")
    if half not in ("1", "2"):
        return
    seen: dict[tuple[str, str], int] = {}
    kept, dropped = [], []
    for item in items:
        path = str(getattr(item, "path", ""))
        if f"{os.sep}journeys{os.sep}" not in path or not hasattr(item, "callspec"):
            kept.append(item)
            continue
        key = (path, getattr(item, "originalname", item.name))
        position = seen.get(key, 0)
        seen[key] = position + 1
        # Half the journeys swap, so that each configuration sees both languages and both
        # screens (a stable choice: by the test's name).
        swap = zlib.crc32(key[1].encode()) % 2
        (kept if (position + swap) % 2 == int(half) - 1 else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
