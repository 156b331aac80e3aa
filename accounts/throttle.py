"""Failed sign-ins, counted in the cache, to slow password guessing without letting a stranger
lock an owner out.

Two counters, neither reset by someone else's success:
- per address: `ADDRESS_LIMIT` failures in the window from one address, on any accounts, block
  that address (a guesser trying one password on many accounts; signing in to their own
  account in between does not reset it);
- per account *from one address*: `ACCOUNT_LIMIT` failures for one e-mail from one address block
  that e-mail from that address only. Its owner, signing in from elsewhere, is not blocked, and
  their success clears only this pair's counter.
"""

from __future__ import annotations

from django.core.cache import cache

ACCOUNT_LIMIT = 10
ADDRESS_LIMIT = 20
WINDOW_SECONDS = 15 * 60


def _address_key(ip: str) -> str:
    return f"sign-in-failures:ip:{ip}"


def _pair_key(ip: str, email: str) -> str:
    return f"sign-in-failures:pair:{ip}:{email.strip().lower()}"


def is_blocked(*, ip: str, email: str) -> bool:
    counts = cache.get_many([_address_key(ip), _pair_key(ip, email)])
    return (
        counts.get(_address_key(ip), 0) >= ADDRESS_LIMIT
        or counts.get(_pair_key(ip, email), 0) >= ACCOUNT_LIMIT
    )


def count(key: str, window_seconds: int) -> int:
    """One more in `key`'s window (opened by the first); returns the count. Every throttle
    (sign-in, sign-up, verification misses) counts with it."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window_seconds)
        return 1


def note_failure(*, ip: str, email: str) -> None:
    for key in (_address_key(ip), _pair_key(ip, email)):
        count(key, WINDOW_SECONDS)


def clear(*, ip: str, email: str) -> None:
    """After a successful sign-in: this account's failures from this address are forgiven; the
    address's count stays."""
    cache.delete(_pair_key(ip, email))
