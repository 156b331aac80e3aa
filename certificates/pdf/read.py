"""Reading a certificate PDF back: its attached credential and its fingerprint."""

from __future__ import annotations

import hashlib
import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

CREDENTIAL_NAME = "credential.json"


def attached_credential(pdf_bytes: bytes) -> bytes | None:
    """The `credential.json` embedded in a certificate, or None if it has none (or the bytes
    are not a PDF at all)."""
    try:
        attachments = PdfReader(io.BytesIO(pdf_bytes)).attachments
        contents = attachments.get(CREDENTIAL_NAME)
    except (PdfReadError, ValueError):
        return None
    if not contents:
        return None
    return contents[0]


def sha256(pdf_bytes: bytes) -> str:
    return hashlib.sha256(pdf_bytes).hexdigest()
