"""Checks a certificate PDF or credential.json the way anyone can without Aula's server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from certificates import issuer
from certificates.credentials import offline

FAILURES = {
    offline.SIGNATURE_INVALID: "The signature does not verify.",
    offline.REVOKED: "Revoked.",
    offline.STATUS_UNKNOWN: "Status unknown: nothing proves this certificate was not revoked.",
    offline.NOT_THIS_PAPER: "The attached credential belongs to another certificate.",
}


class Command(BaseCommand):
    help = (
        "Verifies a certificate PDF or credential.json offline: the signature against a pinned "
        "DID document (this server's own unless --did-document names a saved copy), the "
        "revocation status, that the PDF prints the credential's code and holder, and the "
        "claims to compare. Exit codes: 0 valid, 1 signature invalid, 2 revoked, 3 status "
        "unknown, 4 credential of another certificate."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--did-document", type=Path)
        parser.add_argument("--status-list", type=Path, help="a saved status list credential")
        parser.add_argument("--no-network", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        data = path.read_bytes()
        try:
            credential = offline.credential_from_file(data)
            paper = offline.paper_from_file(data)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["did_document"]:
            did_document = json.loads(options["did_document"].read_text())
        else:
            did_document = issuer.did_document()
        fetcher: offline.StatusFetcher | None = (
            None if options["no_network"] else offline.fetch_json
        )
        if options["status_list"]:
            saved = json.loads(options["status_list"].read_text())
            fetcher = lambda _url: saved  # noqa: E731
        report = offline.check(
            credential, did_document=did_document, fetch_status=fetcher, paper=paper
        )
        self.stdout.write(offline.render(report))
        if report.exit_code:
            raise CommandError(FAILURES[report.exit_code], returncode=report.exit_code)
