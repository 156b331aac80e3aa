"""Aula as an issuer: its DID, its DID document and the key that signs new certificates.

The private key comes from CERTIFICATE_SIGNING_KEY or CERTIFICATE_SIGNING_KEY_FILE, never
from the database. In development without either, a key derived from SECRET_KEY is used so a
newcomer's demo issues certificates; production refuses to start without a real one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from certificates.credentials import keys, signing
from certificates.models import SigningKey

DEVELOPMENT_KEY_ID = "development"


class IssuerError(Exception):
    """The issuer cannot sign: said in words an operator can act on."""


@dataclass(frozen=True)
class ActiveKey:
    key_id: str
    private_key: Ed25519PrivateKey

    @property
    def verification_method(self) -> str:
        return f"{did()}#{self.key_id}"


# The network's name as each language writes it; CERTIFICATE_ISSUER_NAME, when set, is used as
# written in every language (another organisation running Aula).
NETWORK_NAME = gettext_lazy("International Association of Educating Cities")


def issuer_name(language: str | None = None) -> str:
    if settings.CERTIFICATE_ISSUER_NAME:
        return str(settings.CERTIFICATE_ISSUER_NAME)
    with translation.override(language or translation.get_language()):
        return str(NETWORK_NAME)


def did() -> str:
    return keys.did_for_site(settings.SITE_URL)


def configured_secret() -> str | None:
    if settings.CERTIFICATE_SIGNING_KEY:
        return str(settings.CERTIFICATE_SIGNING_KEY)
    if settings.CERTIFICATE_SIGNING_KEY_FILE:
        path = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
        try:
            return path.read_text().strip()
        except OSError as error:
            raise IssuerError(
                f"CERTIFICATE_SIGNING_KEY_FILE: cannot read {path}: {error.strerror}."
            ) from error
    return None


def _development_key() -> Ed25519PrivateKey:
    seed = hashlib.sha256(f"aula-certificates:{settings.SECRET_KEY}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def active_key() -> ActiveKey:
    """The key that signs now, checked against the public keys the DID document publishes."""
    secret = configured_secret()
    if secret is None:
        if not settings.CERTIFICATE_DEVELOPMENT_KEY:
            raise IssuerError(
                "No certificate signing key: set CERTIFICATE_SIGNING_KEY or "
                "CERTIFICATE_SIGNING_KEY_FILE (create one with manage.py create_signing_key)."
            )
        private_key = _development_key()
        public = keys.public_multibase(private_key.public_key())
        SigningKey.objects.get_or_create(
            public_key=public,
            defaults={
                "key_id": DEVELOPMENT_KEY_ID,
                "is_active": not SigningKey.objects.filter(is_active=True).exists(),
            },
        )
    else:
        try:
            private_key = keys.load_private_key(secret)
        except keys.SigningKeyError as error:
            raise IssuerError(f"CERTIFICATE_SIGNING_KEY is not a usable key: {error}") from error
        public = keys.public_multibase(private_key.public_key())
    row = SigningKey.objects.filter(public_key=public).first()
    if row is None:
        raise IssuerError(
            "The configured signing key is not registered; run manage.py create_signing_key "
            "--register to publish its public key."
        )
    if not row.is_active:
        raise IssuerError(
            f"The configured signing key {row.key_id} was retired; configure the active one."
        )
    return ActiveKey(key_id=row.key_id, private_key=private_key)


def did_document() -> dict[str, Any]:
    published = (
        SigningKey.objects.filter(withdrawn_at__isnull=True)
        .order_by("created_at", "pk")
        .values_list("key_id", "public_key")
    )
    return keys.did_document(did=did(), keys=list(published))


def sign(document: dict[str, Any], *, at: datetime | None = None) -> dict[str, Any]:
    """Signs with the active key, whose public half active_key() found published; signing.sign
    verifies the result once before handing it back, so nothing unverifiable is stored."""
    key = active_key()
    return signing.sign(
        document,
        private_key=key.private_key,
        verification_method=key.verification_method,
        created=at or timezone.now(),
    )
