"""Checks an Aula certificate without Aula's server.

    python -m certificates.credentials.offline certificate.pdf --did-document did.json

Needs only this package (with its pinned JSON-LD contexts), pypdf, and a copy of the issuer's
DID document saved beforehand from https://<aula host>/.well-known/did.json. It extracts the
signed credential attached to the PDF (or reads a credential.json), checks the signature,
checks that the PDF prints that credential's code and holder, asks the revocation status list,
and prints the claims to compare with the printed page.

Exit codes: 0 genuine and not revoked; 1 the signature does not verify; 2 revoked; 3 the status
cannot be proved (list missing or unreachable, --no-network, or signed by a key the saved
did.json does not know: fetch a fresh one); 4 the credential belongs to another certificate's
paper.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import unicodedata
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from certificates.credentials import ob3, signing, status_list

StatusFetcher = Callable[[str], dict[str, Any]]


# Exit codes: scripts (a ministry's batch check) tell the outcomes apart without reading text.
VALID = 0
SIGNATURE_INVALID = 1
REVOKED = 2
STATUS_UNKNOWN = 3  # the signature holds but nothing proves the certificate was not revoked
NOT_THIS_PAPER = 4  # the credential is genuine but belongs to another certificate's paper

_PRINTED_CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


@dataclass
class Paper:
    """What a certificate PDF shows a reader: the codes printed on it, its text and title."""

    codes: set[str]
    text: str
    title: str


@dataclass
class Report:
    signature_valid: bool
    status: str  # "valid", "revoked" or "unknown"
    claims: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    status_reason: str = ""  # why the status is unknown
    paper: str = ""  # "matches", "mismatch", or "" for a credential.json without its paper

    @property
    def exit_code(self) -> int:
        if not self.signature_valid:
            return SIGNATURE_INVALID
        if self.paper == "mismatch":
            return NOT_THIS_PAPER
        if self.status == "revoked":
            return REVOKED
        if self.status != "valid":
            return STATUS_UNKNOWN
        return VALID


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


def paper_from_file(data: bytes) -> Paper | None:
    """What a PDF prints, to compare with its attached credential; None for a credential.json."""
    if not data.startswith(b"%PDF"):
        return None
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    title = str(reader.metadata.get("/Title", "")) if reader.metadata else ""
    return Paper(codes=set(_PRINTED_CODE.findall(text)), text=text, title=title)


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
    paper: Paper | None = None,
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
    if paper is not None:
        _compare_paper(report, paper)
    report.status, report.status_reason = _status(credential, did_document, fetch_status)
    return report


def _compare_paper(report: Report, paper: Paper) -> None:
    """A credential copied into another certificate's PDF verifies on its own: the paper must
    print the credential's code and name its holder."""
    code = str(report.claims.get("code", ""))
    printed = {printed.replace("-", "") for printed in paper.codes}
    holder = unicodedata.normalize("NFC", str(report.claims.get("holder_name", "")))
    shown = unicodedata.normalize("NFC", f"{paper.title}\n{' '.join(paper.text.split())}")
    report.paper = "matches"
    if not code or code not in printed:
        report.paper = "mismatch"
        report.problems.append(
            f"paper: the PDF prints the code {', '.join(sorted(paper.codes)) or '(none)'}, "
            f"the credential attached to it is {_dashed(code)}"
        )
    if not holder or holder not in shown:
        report.paper = "mismatch"
        report.problems.append(f"paper: the PDF does not name the credential's holder {holder!r}")


def _status(
    credential: dict[str, Any], did_document: dict[str, Any], fetch_status: StatusFetcher | None
) -> tuple[str, str]:
    """("valid" | "revoked" | "unknown", why it is unknown)."""
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict):
        return "unknown", "the credential names no status list, so revocation cannot be checked"
    url = str(entry.get("statusListCredential", ""))
    if fetch_status is None:
        return "unknown", (
            "not checked (--no-network): pass a saved list with --status-list, or check the "
            "certificate online"
        )
    try:
        listed = fetch_status(url)
    except Exception as error:  # offline, moved, not published: nothing proves the status
        return "unknown", (
            f"the status list {url} could not be read ({type(error).__name__}: {error}): "
            "it is missing or this machine is offline; try again online, or pass a saved list "
            "with --status-list"
        )
    try:
        signing.verify(listed, did_document=did_document)
    except signing.UnknownKeyError as error:
        return "unknown", (
            f"the status list is signed by a key your did.json does not know ({error}): the "
            "issuer has rotated or withdrawn keys since you saved it; fetch a fresh did.json "
            "from the issuer's /.well-known/did.json"
        )
    except signing.CredentialError as error:
        return "unknown", f"the status list's signature does not verify ({error}): it may be forged"
    try:
        bits = status_list.decode(listed["credentialSubject"]["encodedList"])
        revoked = status_list.is_set(bits, int(entry["statusListIndex"]))
    except Exception as error:  # a list that does not cover this credential proves nothing
        return "unknown", f"the status list cannot be read for this credential: {error}"
    return ("revoked" if revoked else "valid"), ""


def _dashed(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4)) or "(none)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file", type=Path, help="certificate PDF or credential.json")
    parser.add_argument("--did-document", type=Path, required=True, help="saved did.json")
    parser.add_argument("--status-list", type=Path, help="a saved status list credential")
    parser.add_argument("--no-network", action="store_true", help="never fetch the status list")
    options = parser.parse_args(argv)
    data = options.file.read_bytes()
    credential = credential_from_file(data)
    did_document = json.loads(options.did_document.read_text())
    fetcher: StatusFetcher | None = None if options.no_network else fetch_json
    if options.status_list is not None:
        saved = json.loads(options.status_list.read_text())
        fetcher = lambda _url: saved  # noqa: E731
    report = check(
        credential, did_document=did_document, fetch_status=fetcher, paper=paper_from_file(data)
    )
    print(render(report))
    return report.exit_code


def render(report: Report) -> str:
    lines = ["Signature: " + ("valid" if report.signature_valid else "INVALID")]
    if report.paper:
        lines.append(
            "Paper: "
            + (
                "prints this credential's code and holder"
                if report.paper == "matches"
                else "MISMATCH: this credential belongs to another certificate"
            )
        )
    lines.append(
        "Status: "
        + {"valid": "not revoked", "revoked": "REVOKED", "unknown": "STATUS UNKNOWN"}[report.status]
        + (f": {report.status_reason}" if report.status_reason else "")
    )
    lines.append("Claims to compare with the printed certificate:")
    lines += [f"  {key}: {value}" for key, value in report.claims.items()]
    lines += [f"Note: {problem}" for problem in report.problems]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
