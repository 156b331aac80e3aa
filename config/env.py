"""Typed readers for environment variables: a malformed value stops start-up naming the variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    return (os.environ if environ is None else environ).get(name)


def env_str(name: str, default: str = "", *, environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no), not {value!r}.")


def env_int(name: str, default: int, *, environ: Mapping[str, str] | None = None) -> int:
    value = _raw(name, environ)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(
    name: str, default: str, *, schemes: set[str], environ: Mapping[str, str] | None = None
) -> str:
    """A URL with one of `schemes` and a host; returned without a trailing slash."""
    value = env_str(name, default, environ=environ)
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.hostname:
        allowed = ", ".join(sorted(schemes))
        raise ImproperlyConfigured(
            f"{name} must be a URL starting with {allowed} and naming a host, not {value!r}."
        )
    return value.rstrip("/")


def env_database(
    name: str, default: str, *, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    import dj_database_url

    value = env_str(name, default, environ=environ)
    scheme = urlsplit(value).scheme
    if scheme not in {"postgres", "postgresql", "sqlite"}:
        raise ImproperlyConfigured(f"{name} must be a postgres:// or sqlite:// URL, not {value!r}.")
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(value, conn_max_age=60))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} could not be read: {error}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} must name a database, e.g. postgres://host/aula.")
    if scheme == "sqlite":
        # Several requests at once (a player posting statements while its page loads, many
        # learners enrolling): readers never wait for the writer (WAL), a writer waits up to
        # 20 s for another, and a transaction takes the write lock when it starts, so two
        # never deadlock upgrading a read ("database is locked" answered 500 before). WAL is
        # kept in the file: `migrate` switches it before any request comes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def env_email(name: str, *, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Django e-mail settings from smtp://, smtp+tls://, smtps:// or console:// URLs."""
    value = env_str(name, "", environ=environ)
    if not value or value.startswith("console:"):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(value)
    if parts.scheme not in {"smtp", "smtp+tls", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} must look like smtp://user:password@host:587 "
            f"(or smtp+tls://, smtps://, console://), not {value!r}."
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name} has a port that is not a number: {value!r}.") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if parts.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
    }


LOCAL_TWINS = {"localhost": "127.0.0.1", "127.0.0.1": "localhost"}


def env_content_origin(
    name: str, site_url: str, *, environ: Mapping[str, str] | None = None
) -> str:
    """The origin H5P packages play from: never the site's own, so package code gets no cookies.

    On a local site it defaults to the twin host name (localhost ↔ 127.0.0.1) on the same port.
    """
    value = env_url(name, "", schemes={"http", "https"}, environ=environ)
    site = urlsplit(site_url)
    if not value:
        twin = LOCAL_TWINS.get(site.hostname or "")
        if twin is None:
            raise ImproperlyConfigured(
                f"{name} must be set when SITE_URL is not local: a separate origin such as "
                "https://content.example.org, from which H5P activities are served."
            )
        value = f"{site.scheme}://{twin}" + (f":{site.port}" if site.port else "")
    parts = urlsplit(value)
    if (parts.scheme, parts.hostname, parts.port) == (site.scheme, site.hostname, site.port):
        raise ImproperlyConfigured(f"{name} must differ from SITE_URL, not {value!r}.")
    if parts.path not in {"", "/"}:
        raise ImproperlyConfigured(f"{name} must be an origin without a path, not {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"
