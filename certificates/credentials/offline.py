"""Checks an Aula certificate without Aula's server.

    python -m certificates.credentials.offline certificate.pdf --did-document did.json

Needs only this package (with its pinned JSON-LD contexts), pypdf, and a copy of the issuer's
DID document saved beforehand from https://<aula host>/.well-known/did.json. It extracts the
signed credential attached to the PDF (or reads a credential.json), checks the signature,
asks the revocation status list when it can be reached (and says "status unknown" when not),
and prints the claims to compare with the printed page.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from certificates.credentials import ob3, signing, status_list

StatusFetcher = Callable[[str], dict[str, Any]]


@dataclass
class Report:
    signature_valid: bool
    status: str  # "valid", "revoked" or "unknown"
    claims: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if not self.signature_valid:
            return 1
        return 2 if self.status == "revoked" else 0


def credential_from_file(data: bytes) -> dict[str, Any]:
    """The credential attached to a certificate PDF, or the JSON file itself."""
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader

        attachments = PdfReader(io.BytesIO(data)).attachments
        if "credential.json" not in attachments:
            raise ValueError(
                "The PDF has no credential.json attached: it is not an Aula certificate."
            )
        data = attachments["credential.json"][0]
    try:
        document = json.loads(data)
    except ValueError as error:
        raise ValueError(f"The credential is not valid JSON: {error}") from error
    if not isinstance(document, dict):
        raise ValueError("The credential must be a JSON object.")
    return document


def fetch_json(url: str, *, timeout: float = 5.0) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        document = json.load(response)
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    return document


def check(
    credential: dict[str, Any],
    *,
    did_document: dict[str, Any],
    fetch_status: StatusFetcher | None = fetch_json,
) -> Report:
    report = Report(signature_valid=False, status="unknown")
    try:
        signing.verify(credential, did_document=did_document)
        report.signature_valid = True
    except signing.CredentialError as error:
        report.problems.append(f"signature: {error}")
    try:
        report.claims = ob3.claims_from_credential(credential)
    except (KeyError, TypeError, ValueError) as error:
        report.problems.append(f"claims: {error}")
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict) or fetch_status is None:
        return report
    try:
        listed = fetch_status(str(entry["statusListCredential"]))
        signing.verify(listed, did_document=did_document)
        bits = status_list.decode(listed["credentialSubject"]["encodedList"])
        revoked = status_list.is_set(bits, int(entry["statusListIndex"]))
        report.status = "revoked" if revoked else "valid"
    except Exception as error:  # offline, moved, or forged: the answer is "unknown"
        report.problems.append(f"status: {type(error).__name__}: {error}")
        report.status = "unknown"
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file", type=Path, help="certificate PDF or credential.json")
    parser.add_argument("--did-document", type=Path, required=True, help="saved did.json")
    parser.add_argument("--status-list", type=Path, help="a saved status list credential")
    parser.add_argument("--no-network", action="store_true", help="never fetch the status list")
    options = parser.parse_args(argv)
    credential = credential_from_file(options.file.read_bytes())
    did_document = json.loads(options.did_document.read_text())
    fetcher: StatusFetcher | None = None if options.no_network else fetch_json
    if options.status_list is not None:
        saved = json.loads(options.status_list.read_text())
        fetcher = lambda _url: saved  # noqa: E731
    report = check(credential, did_document=did_document, fetch_status=fetcher)
    print(render(report))
    return report.exit_code


def render(report: Report) -> str:
    lines = [
        "Signature: " + ("valid" if report.signature_valid else "INVALID"),
        "Status: "
        + {"valid": "not revoked", "revoked": "REVOKED", "unknown": "status unknown"}[
            report.status
        ],
        "Claims to compare with the printed certificate:",
    ]
    lines += [f"  {key}: {value}" for key, value in report.claims.items()]
    lines += [f"Note: {problem}" for problem in report.problems]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
