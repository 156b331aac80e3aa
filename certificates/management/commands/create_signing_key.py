"""Creates the key that signs certificates, or rotates it; prints where the secret went."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from certificates import issuer
from certificates.credentials import keys
from certificates.models import SigningKey


class Command(BaseCommand):
    help = (
        "Creates a certificate signing key and publishes its public half in the DID document. "
        "The private half is written to --out (mode 600) or printed, never stored in the "
        "database. --rotate retires the active key (it stays published, so what it signed keeps "
        "verifying). --register publishes the key already configured in the environment."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", type=Path, help="file to write the private key to")
        parser.add_argument("--rotate", action="store_true", help="retire the active key")
        parser.add_argument(
            "--register", action="store_true", help="publish the configured key's public half"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["register"]:
            self._register()
            return
        active = SigningKey.objects.filter(is_active=True).first()
        if active is not None and not options["rotate"]:
            raise CommandError(f"The key {active.key_id} is active; pass --rotate to replace it.")
        secret = keys.generate_secret()
        public = keys.public_multibase(keys.load_private_key(secret).public_key())
        out: Path | None = options["out"]
        if out is not None:
            if out.exists():
                raise CommandError(f"{out} exists; choose a new file.")
            descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secret + "\n")
        key_id = "key-" + timezone.now().strftime("%Y%m%d%H%M%S")
        with transaction.atomic():
            SigningKey.objects.filter(is_active=True).update(
                is_active=False, retired_at=timezone.now()
            )
            SigningKey.objects.create(key_id=key_id, public_key=public)
        self.stdout.write(f"Published {key_id} in {issuer.did()}.")
        if out is not None:
            self.stdout.write(
                f"Private key written to {out}: set CERTIFICATE_SIGNING_KEY_FILE={out}"
            )
        else:
            self.stdout.write(f"Set CERTIFICATE_SIGNING_KEY={secret}")

    def _register(self) -> None:
        secret = issuer.configured_secret()
        if secret is None:
            raise CommandError("Set CERTIFICATE_SIGNING_KEY or CERTIFICATE_SIGNING_KEY_FILE first.")
        try:
            private_key = keys.load_private_key(secret)
        except keys.SigningKeyError as error:
            raise CommandError(f"The configured key is not usable: {error}") from error
        public = keys.public_multibase(private_key.public_key())
        if SigningKey.objects.filter(public_key=public).exists():
            self.stdout.write("The configured key is already published.")
            return
        key_id = "key-" + timezone.now().strftime("%Y%m%d%H%M%S")
        with transaction.atomic():
            SigningKey.objects.filter(is_active=True).update(
                is_active=False, retired_at=timezone.now()
            )
            SigningKey.objects.create(key_id=key_id, public_key=public)
        self.stdout.write(f"Published {key_id} in {issuer.did()}.")
