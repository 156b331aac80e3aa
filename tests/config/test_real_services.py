"""With the service variables set, files go to S3, tasks to a real worker, the cache to Redis.

On the embedded default these tests are skipped; `make test` runs them against PostgreSQL,
Redis with a Celery worker, and SeaweedFS.
"""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

needs_s3 = pytest.mark.skipif(
    not settings.AWS_STORAGE_BUCKET_NAME, reason="AWS_STORAGE_BUCKET_NAME is not set"
)
needs_broker = pytest.mark.skipif(
    not settings.CELERY_BROKER_URL, reason="CELERY_BROKER_URL is not set"
)
needs_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set")


@needs_s3
def test_uploads_are_kept_in_the_s3_bucket_and_never_overwritten():
    import boto3

    name = f"tests/{uuid.uuid4()}.txt"
    first = default_storage.save(name, ContentFile(b"first version"))
    second = default_storage.save(name, ContentFile(b"second version"))
    try:
        assert first == name
        assert second != first  # uploads get a new name rather than replacing a file
        client = boto3.client(
            "s3",
            endpoint_url=settings.STORAGES["default"]["OPTIONS"]["endpoint_url"],
            aws_access_key_id=settings.STORAGES["default"]["OPTIONS"]["access_key"],
            aws_secret_access_key=settings.STORAGES["default"]["OPTIONS"]["secret_key"],
            region_name="us-east-1",
        )
        stored = client.get_object(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Key=f"uploads/{first}")
        assert stored["Body"].read() == b"first version"
        assert default_storage.open(second).read() == b"second version"
    finally:
        default_storage.delete(first)
        default_storage.delete(second)
    assert not default_storage.exists(first)


@needs_s3
def test_generated_files_may_be_replaced_under_their_deterministic_name():
    generated = storages["generated"]
    name = f"tests/{uuid.uuid4()}.pdf"
    generated.save(name, ContentFile(b"v1"))
    try:
        assert generated.save(name, ContentFile(b"v2")) == name
        assert generated.open(name).read() == b"v2"
    finally:
        generated.delete(name)


@needs_s3
@pytest.mark.django_db
def test_a_wagtail_image_is_stored_in_s3_and_rendered_from_it():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Plaza mayor", file=get_test_image_file())
    try:
        rendition = image.get_rendition("width-100")
        assert default_storage.exists(image.file.name)
        assert rendition.url.startswith(settings.STORAGES["default"]["OPTIONS"]["endpoint_url"])
    finally:
        image.delete()


@needs_broker
@pytest.mark.real_worker
def test_a_real_celery_worker_takes_tasks_from_the_broker():
    from config.celery import app, worker_identity

    assert not app.conf.task_always_eager
    result = worker_identity.delay()
    answer = result.get(timeout=30)
    assert answer["database"] == settings.DATABASES["default"]["ENGINE"]


@needs_redis
def test_the_cache_is_shared_through_redis():
    import redis
    from django.core.cache import cache

    key = f"aula-test-{uuid.uuid4()}"
    cache.set(key, "compartido", 30)
    raw = redis.Redis.from_url(settings.REDIS_URL)
    assert any(key in k.decode() for k in raw.keys(f"*{key}*"))
    cache.delete(key)


def test_without_a_broker_tasks_run_in_process():
    if settings.CELERY_BROKER_URL:
        pytest.skip("a broker is configured")
    from config.celery import worker_identity

    assert worker_identity.delay().get()["database"] == settings.DATABASES["default"]["ENGINE"]
