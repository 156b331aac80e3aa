"""Failed sign-ins per address and per e-mail, counted in the cache, to slow password guessing."""

from __future__ import annotations

from django.core.cache import cache

LIMIT = 10
WINDOW_SECONDS = 15 * 60


def _keys(*, ip: str, email: str) -> list[str]:
    return [f"sign-in-failures:ip:{ip}", f"sign-in-failures:email:{email.strip().lower()}"]


def is_blocked(*, ip: str, email: str) -> bool:
    return any((cache.get(key) or 0) >= LIMIT for key in _keys(ip=ip, email=email))


def note_failure(*, ip: str, email: str) -> None:
    for key in _keys(ip=ip, email=email):
        if not cache.add(key, 1, WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, WINDOW_SECONDS)


def clear(*, ip: str, email: str) -> None:
    cache.delete_many(_keys(ip=ip, email=email))
