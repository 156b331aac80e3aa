"""Checks a certificate PDF or credential.json the way anyone can without Aula's server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from certificates import issuer
from certificates.credentials import offline


class Command(BaseCommand):
    help = (
        "Verifies a certificate PDF or credential.json offline: the signature against a pinned "
        "DID document (this server's own unless --did-document names a saved copy), the "
        "revocation status when the status list can be reached, and the claims to compare."
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
        try:
            credential = offline.credential_from_file(path.read_bytes())
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
        report = offline.check(credential, did_document=did_document, fetch_status=fetcher)
        self.stdout.write(offline.render(report))
        if report.exit_code:
            raise CommandError(
                "The signature does not verify." if report.exit_code == 1 else "Revoked.",
                returncode=report.exit_code,
            )
