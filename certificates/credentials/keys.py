"""Ed25519 signing keys and the issuer's did:web document.

A secret key travels as text in an environment variable: the Multikey form of the 32-byte seed,
`z` + base58btc(0x80 0x26 ‖ seed), the `secretKeyMultibase` of the W3C test vectors."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SECRET_PREFIX = b"\x80\x26"  # multicodec ed25519-priv, as an unsigned varint
PUBLIC_PREFIX = b"\xed\x01"  # multicodec ed25519-pub
DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


class SigningKeyError(ValueError):
    pass


def generate_secret() -> str:
    return secret_text(Ed25519PrivateKey.generate())


def secret_text(private_key: Ed25519PrivateKey) -> str:
    seed = private_key.private_bytes_raw()
    return "z" + base58.b58encode(SECRET_PREFIX + seed).decode("ascii")


def load_private_key(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    if not text.startswith("z"):
        raise SigningKeyError("A signing key is multibase base58btc text starting with 'z'.")
    try:
        raw = base58.b58decode(text[1:])
    except ValueError as error:
        raise SigningKeyError("The signing key is not valid base58btc.") from error
    if len(raw) != len(SECRET_PREFIX) + 32 or not raw.startswith(SECRET_PREFIX):
        raise SigningKeyError("The signing key is not a 32-byte Ed25519 secret key (0x8026).")
    return Ed25519PrivateKey.from_private_bytes(raw[len(SECRET_PREFIX) :])


def public_multibase(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "z" + base58.b58encode(PUBLIC_PREFIX + raw).decode("ascii")


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    try:
        raw = base58.b58decode(text[1:]) if text.startswith("z") else b""
    except ValueError:
        raw = b""
    if len(raw) != len(PUBLIC_PREFIX) + 32 or not raw.startswith(PUBLIC_PREFIX):
        raise SigningKeyError(f"{text!r} is not an Ed25519 Multikey (z6Mk…).")
    return Ed25519PublicKey.from_public_bytes(raw[len(PUBLIC_PREFIX) :])


def did_for_site(site_url: str) -> str:
    parts = urlsplit(site_url)
    if not parts.hostname:
        raise ValueError(f"{site_url!r} has no host to build a did:web from.")
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    # did:web encodes the port's colon and turns path segments into colons.
    segments = [quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web:" + quote(host, safe=""), *segments])


def did_document(*, did: str, keys: list[tuple[str, str]]) -> dict[str, Any]:
    """Every key ever used stays listed: removing a retired key would break what it signed."""
    methods = [
        {
            "id": f"{did}#{key_id}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": multibase,
        }
        for key_id, multibase in keys
    ]
    return {
        "@context": list(DID_CONTEXTS),
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
