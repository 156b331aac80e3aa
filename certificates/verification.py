"""What anyone may learn from a verification code: every printed claim and the state, never
an e-mail, an internal id or the holder's other certificates."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts import throttle
from certificates import issuer
from certificates.credentials import codes
from certificates.models import Certificate
from config.clients import client_address

WINDOW_SECONDS = 3600
# A found certificate's public answer is kept this long per language; revoking or correcting it
# puts a tombstone in its place first (see `forget`), so the change shows on the next request.
RECORD_SECONDS = 300
TOMBSTONE_SECONDS = 30
_TOMBSTONE = "changed"


class State:
    VALID = "valid"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    PENDING = "pending"
    UNKNOWN = "unknown"
    MISTYPED = "mistyped"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class Outcome:
    state: str
    message: str
    certificate: Certificate | None = None
    code: str = ""

    @property
    def found(self) -> bool:
        return self.certificate is not None


def well_formed(text: str) -> str | Outcome:
    """The code, or the outcome refusing it: a mistyped code is told apart from an unknown one
    from the text alone, before the database is asked."""
    try:
        return codes.parse(text)
    except codes.CodeError as error:
        if error.reason == "mistyped":
            return Outcome(
                State.MISTYPED,
                _("This code looks mistyped: one of its characters is wrong. Check it again."),
            )
        return Outcome(
            State.MALFORMED,
            _("A verification code has 16 letters and digits, like ABCD-EFGH-JKMN-PQR5."),
        )


def look_up(text: str) -> Outcome:
    code = well_formed(text)
    if isinstance(code, Outcome):
        return code
    certificate = _certificate_with_successor(code)
    if certificate is None:
        return Outcome(State.UNKNOWN, _("No certificate has this code."), code=code)
    if certificate.status == Certificate.Status.PENDING:
        return Outcome(
            State.PENDING, _("This certificate is still being prepared."), certificate, code
        )
    successor = getattr(certificate, "replaced_by", None)
    if successor is not None:
        return Outcome(
            State.SUPERSEDED,
            _("This certificate was replaced by a corrected one."),
            certificate,
            code,
        )
    if certificate.revoked_at is not None:
        return Outcome(State.REVOKED, _("This certificate was revoked."), certificate, code)
    return Outcome(State.VALID, _("This certificate is genuine and valid."), certificate, code)


def _certificate_with_successor(code: str) -> Certificate | None:
    """The certificate and the one that replaced it, in one query written out: every look-up
    pays for it, and building it with the ORM cost more than running it (bench/verify.py)."""
    table = Certificate._meta.db_table
    found = list(
        Certificate.objects.raw(
            f"SELECT c.id, c.code, c.status, c.claims, c.pdf_sha256, c.issued_at, c.revoked_at, "
            f"c.public_reason, s.id AS successor_id, s.code AS successor_code, "
            f"s.status AS successor_status "
            f"FROM {table} c LEFT JOIN {table} s ON s.replaces_id = c.id WHERE c.code = %s",
            [code],
        )
    )
    if not found:
        return None
    certificate = found[0]
    successor_id = getattr(certificate, "successor_id", None)
    successor = (
        None
        if successor_id is None
        else Certificate(
            id=successor_id,
            code=certificate.successor_code,  # type: ignore[attr-defined]
            status=certificate.successor_status,  # type: ignore[attr-defined]
            replaces_id=certificate.pk,
        )
    )
    Certificate.replaced_by.related.set_cached_value(certificate, successor)  # type: ignore[attr-defined]
    return certificate


def public_record(outcome: Outcome) -> dict[str, Any]:
    record: dict[str, Any] = {"state": outcome.state, "message": outcome.message}
    certificate = outcome.certificate
    if certificate is None or outcome.state == State.PENDING:
        return record
    claims = certificate.printed
    record["certificate"] = {
        "code": claims.display_code,
        # "completion" of a course's edition, "attendance" of a network activity, or "path":
        # every course of a learning path, listed in "courses".
        "kind": claims.kind,
        "holder_name": claims.holder_name,
        "course_title": claims.course_title,
        "course_code": claims.course_code,
        "hours": claims.hours,
        "cohort": claims.cohort_name,
        "starts_on": claims.starts_on.isoformat(),
        "ends_on": claims.ends_on.isoformat(),
        "completed_on": claims.completed_on.isoformat(),
        "delegation": claims.delegation_name,
        "language": claims.language,
        "issued_on": claims.issued_on.isoformat(),
        "issuer": issuer.issuer_name(),
        "verify_url": claims.verify_url,
        "pdf_sha256": certificate.pdf_sha256,
    }
    if claims.evidence:
        record["certificate"]["courses"] = [
            {
                "code": item["code"],
                "title": item["title"],
                "completed_on": item["completed_on"],
                "verify_url": item["verify_url"],
            }
            for item in claims.evidence
        ]
    if certificate.revoked_at is not None:
        record["revoked_on"] = certificate.revoked_at.date().isoformat()
        record["revocation_reason"] = certificate.get_public_reason_display()
        record["revocation_reason_code"] = certificate.public_reason
    successor = getattr(certificate, "replaced_by", None)
    if successor is not None:
        record["replaced_by"] = {
            "code": codes.display(successor.code),
            "verify_url": f"{settings.SITE_URL}/verify/{codes.display(successor.code)}",
        }
    return record


# The public answer of a found certificate, cached whole (status and JSON bytes): a check of a
# genuine certificate is the hot path (QR codes scanned by every office that receives one), and
# on a hit it touches neither the database nor the serializer.


def _record_key(code: str, language: str) -> str:
    return f"verify:record:{language}:{code}"


def cached_answer(code: str, language: str) -> tuple[int, bytes] | None:
    found = cache.get(_record_key(code, language))
    return None if found is None or found == _TOMBSTONE else found  # type: ignore[no-any-return]


def answer_bytes(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()


def keep_answer(outcome: Outcome, language: str, status: int, body: bytes) -> None:
    """Caches a found, issued certificate's answer unless it changed meanwhile: `add` does not
    overwrite the tombstone `forget` leaves, so an answer read before a revocation committed is
    never kept after it."""
    if outcome.certificate is None or outcome.state == State.PENDING:
        return
    cache.add(_record_key(outcome.code, language), (status, body), RECORD_SECONDS)


def forget(code: str) -> None:
    """Called when a certificate is revoked or replaced, after the change commits."""
    cache.set_many(
        {_record_key(code, language): _TOMBSTONE for language, _name in settings.LANGUAGES},
        TOMBSTONE_SECONDS,
    )


def pdf_digest(upload: IO[bytes]) -> str:
    """The SHA-256 of an uploaded file, read in chunks (a PDF may be large)."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1 << 16), b""):
        digest.update(chunk)
    return digest.hexdigest()


def pdf_matches(certificate: Certificate, upload: IO[bytes]) -> bool:
    return bool(certificate.pdf_sha256) and pdf_digest(upload) == certificate.pdf_sha256


# Throttling. The codes' entropy (75 bits) already defeats enumeration, so a real code is always
# answered; only misses (unknown, mistyped, malformed) are limited, per client address, so a
# careless script cannot hammer the database and an office sharing one address is never locked
# out of checking the certificates it holds.


class TooManyMisses(Exception):
    retry_after = WINDOW_SECONDS


def _miss_key(request: HttpRequest) -> str:
    return f"verify:miss:{client_address(request)}"


def look_up_for(request: HttpRequest, text: str) -> Outcome:
    """look_up(), counting the client's misses; raises TooManyMisses past the limit."""
    outcome = look_up(text)
    if outcome.found:
        return outcome
    key = _miss_key(request)
    if cache.get(key, 0) >= settings.CERTIFICATE_VERIFY_MISS_RATE:
        raise TooManyMisses
    throttle.count(key, WINDOW_SECONDS)
    return outcome
