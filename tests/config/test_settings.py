"""Settings come from the environment; a malformed value stops start-up and names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from certificates.credentials import keys
from config.env import env_bool, env_database, env_email, env_int, env_list, env_url

ROOT = Path(__file__).resolve().parents[2]
SIGNING_KEY = keys.generate_secret()
SERVICE_VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "EMAIL_URL",
]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_booleans_accept_the_usual_spellings_and_name_the_variable_otherwise():
    assert env_bool("DEBUG", True, environ={"DEBUG": "no"}) is False
    assert env_bool("DEBUG", False, environ={"DEBUG": "1"}) is True
    assert env_bool("DEBUG", True, environ={}) is True
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG", True, environ={"DEBUG": "maybe"})


def test_numbers_and_lists_are_read_strictly():
    assert env_int("SECURE_HSTS_SECONDS", 5, environ={"SECURE_HSTS_SECONDS": "60"}) == 60
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_SECONDS must be a whole number"):
        env_int("SECURE_HSTS_SECONDS", 5, environ={"SECURE_HSTS_SECONDS": "a year"})
    hosts = env_list("ALLOWED_HOSTS", [], environ={"ALLOWED_HOSTS": "a.org, b.org,,"})
    assert hosts == ["a.org", "b.org"]


def test_a_postgres_url_becomes_a_database_and_other_engines_are_refused():
    config = env_database(
        "DATABASE_URL", "", environ={"DATABASE_URL": "postgres://u:p@db.example:5433/aula"}
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "aula")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL must be a postgres:// or sqlite"):
        env_database("DATABASE_URL", "", environ={"DATABASE_URL": "mysql://u@h/aula"})
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL must name a database"):
        env_database("DATABASE_URL", "", environ={"DATABASE_URL": "postgres://u@h"})


def test_urls_must_have_an_allowed_scheme_and_a_host():
    assert env_url("SITE_URL", "", schemes={"https"}, environ={"SITE_URL": "https://a.org/"}) == (
        "https://a.org"
    )
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be a URL"):
        env_url("SITE_URL", "", schemes={"http", "https"}, environ={"SITE_URL": "aula.org"})


def test_email_urls_configure_smtp_with_tls_and_credentials():
    config = env_email("EMAIL_URL", environ={"EMAIL_URL": "smtp+tls://mailer:s%40cret@mx.org:2525"})
    assert config["EMAIL_HOST"] == "mx.org"
    assert config["EMAIL_PORT"] == 2525
    assert config["EMAIL_HOST_PASSWORD"] == "s@cret"
    assert config["EMAIL_USE_TLS"] is True
    assert env_email("EMAIL_URL", environ={})["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL must look like smtp://"):
        env_email("EMAIL_URL", environ={"EMAIL_URL": "pigeon://coop"})


def test_with_no_variables_the_project_starts_on_the_embedded_default():
    result = run_manage("shell", "--no-imports", "-c", _PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    engine, storage, cache, eager, email = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert storage == "django.core.files.storage.FileSystemStorage"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert eager == "True"
    assert email == "django.core.mail.backends.console.EmailBackend"


def test_service_variables_switch_on_postgres_redis_celery_and_s3():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        _PRINT_SETTINGS,
        DATABASE_URL="postgres://aula:aula@127.0.0.1:1/aula",
        REDIS_URL="redis://127.0.0.1:1/1",
        CELERY_BROKER_URL="redis://127.0.0.1:1/0",
        AWS_STORAGE_BUCKET_NAME="bucket",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:1",
        EMAIL_URL="smtp://mx.example",
    )
    assert result.returncode == 0, result.stderr
    engine, storage, cache, eager, email = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert storage == "storages.backends.s3.S3Storage"
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert eager == "False"
    assert email == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://root@localhost/aula"),
        ("DEBUG", "perhaps"),
        ("SITE_URL", "aula.example.org"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("EMAIL_URL", "smtp://mx.example:notaport"),
    ],
)
def test_a_malformed_variable_stops_start_up_naming_it(variable, value):
    result = run_manage("check", **{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr


def test_production_without_a_secret_key_refuses_to_start():
    result = run_manage("check", DEBUG="false", SITE_URL="https://aula.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_variables_pass_the_deployment_checklist_with_secure_cookies():
    production = {
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "production-secret-with-enough-variety-0123456789",
        "SITE_URL": "https://aula.example.org",
        "H5P_CONTENT_ORIGIN": "https://content.aula-cdn.example",
        "CERTIFICATE_SIGNING_KEY": SIGNING_KEY,
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    cookies = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.ALLOWED_HOSTS)",
        **production,
    )
    assert cookies.stdout.strip() == (
        "True True True ['aula.example.org', 'content.aula-cdn.example']"
    )


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ({}, "No certificate signing key is configured"),
        ({"CERTIFICATE_SIGNING_KEY": "not-a-key"}, "signing key is not usable"),
        ({"CERTIFICATE_SIGNING_KEY_FILE": "/nonexistent/aula.key"}, "cannot read"),
    ],
)
def test_production_refuses_to_start_without_a_usable_signing_key(key, said):
    production = {
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "production-secret-with-enough-variety-0123456789",
        "SITE_URL": "https://aula.example.org",
        "H5P_CONTENT_ORIGIN": "https://content.aula-cdn.example",
        **key,
    }
    result = run_manage("check", **production)
    assert result.returncode != 0
    assert said in result.stderr


@pytest.mark.parametrize("origin", [None, "https://aula.example.org", "content.example"])
def test_production_needs_a_separate_content_origin_for_h5p(origin):
    production = {
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "production-secret-with-enough-variety-0123456789",
        "SITE_URL": "https://aula.example.org",
    }
    if origin is not None:
        production["H5P_CONTENT_ORIGIN"] = origin
    result = run_manage("check", **production)
    assert result.returncode != 0
    assert "H5P_CONTENT_ORIGIN" in result.stderr


_PRINT_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.STORAGES['default']['BACKEND'], "
    "s.CACHES['default']['BACKEND'], s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND)"
)
