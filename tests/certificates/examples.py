"""A certificate to sign in tests: its claims, an issuer with keys and a DID document."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates.claims import Claims
from certificates.credentials import keys, ob3, signing

SITE = "https://aula.example.org"
DID = "did:web:aula.example.org"
CREDENTIAL_ID = f"{SITE}/credentials/5f0c2b1e-8d0a-4f7e-9a51-2f3c6c1d9e10"
STATUS_LIST_URL = f"{SITE}/credentials/status/1"
STATUS_INDEX = 70_001
SIGNED_AT = datetime(2025, 6, 2, 9, 30, tzinfo=UTC)


def claims(**changes: Any) -> Claims:
    return replace(
        Claims(
            code="C1WVH3PBS3S90Z6D",
            holder_name="Ana María Núñez",
            course_code="EC-101",
            course_title="Educating Cities: the Charter",
            course_description="What the Charter of Educating Cities asks of a city council.",
            hours=20,
            cohort_name="Spring 2025",
            starts_on=date(2025, 3, 3),
            ends_on=date(2025, 5, 30),
            completed_on=date(2025, 5, 28),
            delegation_name="Delegation for Latin America",
            language="es",
            issued_on=date(2025, 6, 2),
            verify_url=f"{SITE}/v/C1WV-H3PB-S3S9-0Z6D",
        ),
        **changes,
    )


def unsigned_credential(certificate: Claims | None = None) -> dict[str, Any]:
    certificate = certificate or claims()
    return ob3.build_credential(
        certificate,
        credential_id=CREDENTIAL_ID,
        issuer_did=DID,
        issuer_name="International Association of Educating Cities",
        issuer_url=SITE,
        holder_email="Ana.Nunez@example.org",
        salt="3c0d9a2f",
        status_list_url=STATUS_LIST_URL,
        status_index=STATUS_INDEX,
        achievement_id=f"{SITE}/courses/ec-101",
    )


@dataclass(frozen=True)
class Issuer:
    key_id: str
    private_key: Ed25519PrivateKey

    @property
    def verification_method(self) -> str:
        return f"{DID}#{self.key_id}"

    @property
    def public_multibase(self) -> str:
        return keys.public_multibase(self.private_key.public_key())

    def sign(self, document: dict[str, Any]) -> dict[str, Any]:
        return signing.sign(
            document,
            private_key=self.private_key,
            verification_method=self.verification_method,
            created=SIGNED_AT,
        )


def issuer(key_id: str = "key-2025") -> Issuer:
    return Issuer(key_id=key_id, private_key=Ed25519PrivateKey.generate())


def did_document(*issuers: Issuer) -> dict[str, Any]:
    return keys.did_document(did=DID, keys=[(i.key_id, i.public_multibase) for i in issuers])
