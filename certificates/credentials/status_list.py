"""W3C Bitstring Status List for revocation: one bit per credential, index 0 the left-most bit
of the first byte, gzip then base64url with the multibase prefix `u`. Indexes are drawn at
random so a credential's position says nothing about when it was issued."""

from __future__ import annotations

import base64
import binascii
import gzip
import secrets
import zlib
from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

from certificates.credentials.contexts import VC_V2
from certificates.credentials.dates import timestamp

SIZE = 131_072  # the spec's minimum: fewer entries would narrow down who a revoked index is
TTL_MS = 300_000  # how long verifiers may cache the list: a revocation shows within minutes
_MAX_DRAWS = 10_000


class StatusListError(ValueError):
    pass


def new_list() -> bytes:
    return bytes(SIZE // 8)


def encode(bits: bytes | bytearray) -> str:
    if len(bits) * 8 < SIZE:
        raise StatusListError(f"A status list holds at least {SIZE} entries.")
    # mtime=0 keeps the same bits encoding to the same text.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(text: str) -> bytearray:
    if not text.startswith("u"):
        raise StatusListError("An encodedList starts with the multibase prefix 'u'.")
    body = text[1:] + "=" * (-len(text[1:]) % 4)
    try:
        bits = gzip.decompress(base64.b64decode(body, altchars=b"-_", validate=True))
    except (binascii.Error, OSError, EOFError, zlib.error) as error:
        raise StatusListError("The encodedList is not gzip in base64url.") from error
    if len(bits) * 8 < SIZE:
        raise StatusListError(f"The list holds {len(bits) * 8} entries, fewer than {SIZE}.")
    return bytearray(bits)


def is_set(bits: bytes | bytearray, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit(bits: bytes | bytearray, index: int, value: bool) -> bytes:
    changed = bytearray(bits)
    if value:
        changed[index // 8] |= 0x80 >> (index % 8)
    else:
        changed[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF
    return bytes(changed)


def random_index(taken: Callable[[int], bool] | Collection[int]) -> int:
    is_taken = taken.__contains__ if isinstance(taken, Collection) else taken
    for _ in range(_MAX_DRAWS):
        index = secrets.randbelow(SIZE)
        if not is_taken(index):
            return index
    raise StatusListError(f"No free index found in {_MAX_DRAWS} draws: the list is nearly full.")


def status_list_credential(
    *, url: str, issuer_did: str, encoded: str, valid_from: datetime
) -> dict[str, Any]:
    """Unsigned. No validUntil: an expired list would make every credential on it fail."""
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did,
        "validFrom": timestamp(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            # A string, not an array: verifiers compare it as one (vc-bitstring-status-list).
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
            "ttl": TTL_MS,
        },
    }
