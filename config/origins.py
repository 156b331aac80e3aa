"""The site's origin and the H5P content origin for the request being served.

Configured (`SITE_URL`, `H5P_CONTENT_ORIGIN`), they are what settings say. Left unset on a
developer's machine, they follow the request: `runserver 8123` on localhost plays activities
from 127.0.0.1:8123 (and back), not from the default port 8000 where nothing listens.
"""

from __future__ import annotations

from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

from config.env import LOCAL_TWINS

_current: ContextVar[tuple[str, str] | None] = ContextVar("aula_origins", default=None)


def from_request(request: HttpRequest) -> tuple[str, str] | None:
    """(site, content) origins derived from a request to a local host, when settings allow."""
    if not getattr(settings, "ORIGINS_FROM_REQUEST", False):
        return None
    host = request.get_host()
    parts = urlsplit(f"//{host}")
    name = parts.hostname or ""
    twin = LOCAL_TWINS.get(name)
    if twin is None:
        return None
    scheme = "https" if request.is_secure() else "http"
    port = f":{parts.port}" if parts.port else ""
    here, there = f"{scheme}://{name}{port}", f"{scheme}://{twin}{port}"
    content_host = urlsplit(settings.H5P_CONTENT_ORIGIN).hostname
    return (there, here) if name == content_host else (here, there)


def activate(origins: tuple[str, str] | None) -> object:
    return _current.set(origins)


def reset(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


def site_origin() -> str:
    current = _current.get()
    return current[0] if current else str(settings.SITE_URL)


def content_origin() -> str:
    current = _current.get()
    return current[1] if current else str(settings.H5P_CONTENT_ORIGIN)
