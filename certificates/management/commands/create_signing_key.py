"""Creates the key that signs certificates, rotates it, or withdraws a compromised one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from certificates import issuer, services
from certificates.credentials import keys
from certificates.models import Certificate, SigningKey, StatusList


class Command(BaseCommand):
    help = (
        "Creates a certificate signing key and publishes its public half in the DID document. "
        "The private half is written to --out (mode 600) or printed, never stored in the "
        "database. --rotate retires the active key (it stays published, so what it signed keeps "
        "verifying); with CERTIFICATE_SIGNING_KEY_FILE configured and no --out, the new key "
        "replaces that file's and the running workers sign with it at once. --register "
        "publishes the key already configured in the environment. --revoke-key withdraws a "
        "retired, compromised key from the DID document: nothing it signed verifies any more."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", type=Path, help="file to write the private key to")
        parser.add_argument("--rotate", action="store_true", help="retire the active key")
        parser.add_argument(
            "--register", action="store_true", help="publish the configured key's public half"
        )
        parser.add_argument(
            "--revoke-key", metavar="KEY_ID", help="withdraw a compromised key (rotate first)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["revoke_key"]:
            self._withdraw(options["revoke_key"])
            return
        if options["register"]:
            self._register()
            return
        active = SigningKey.objects.filter(is_active=True).first()
        if active is not None and not options["rotate"]:
            raise CommandError(f"The key {active.key_id} is active; pass --rotate to replace it.")
        secret = keys.generate_secret()
        public = keys.public_multibase(keys.load_private_key(secret).public_key())
        out: Path | None = options["out"]
        in_place = out is None and options["rotate"] and bool(settings.CERTIFICATE_SIGNING_KEY_FILE)
        staged: Path | None = None
        if in_place:
            # Written beside the configured file first, moved over it once the key is published:
            # a failure on either side never leaves an active key whose secret is lost.
            out = Path(settings.CERTIFICATE_SIGNING_KEY_FILE)
            staged = out.with_name(out.name + ".new")
            staged.unlink(missing_ok=True)
            _write_secret(staged, secret)
        elif out is not None:
            if out.exists():
                raise CommandError(f"{out} exists; choose a new file.")
            _write_secret(out, secret)
        key_id = _new_key_id()
        try:
            with transaction.atomic():
                SigningKey.objects.filter(is_active=True).update(
                    is_active=False, retired_at=timezone.now()
                )
                SigningKey.objects.create(key_id=key_id, public_key=public)
        except Exception:
            if staged is not None:
                staged.unlink(missing_ok=True)
            raise
        self.stdout.write(f"Published {key_id} in {issuer.did()}.")
        if staged is not None and out is not None:
            os.replace(staged, out)
            self.stdout.write(
                f"The new private key replaced the one in {out}: the web server and the workers "
                "sign new certificates with it from now on, no restart needed."
            )
        elif out is not None:
            self.stdout.write(
                f"Private key written to {out}: set CERTIFICATE_SIGNING_KEY_FILE={out}"
            )
        else:
            self.stdout.write(f"Set CERTIFICATE_SIGNING_KEY={secret}")
        if active is not None and not in_place:
            self.stdout.write(
                "Restart the web server and the workers with the new setting now: until then "
                f"they still hold the retired key {active.key_id}, and new certificates wait "
                "(pending) until they are restarted, then are issued."
            )

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
        key_id = _new_key_id()
        with transaction.atomic():
            SigningKey.objects.filter(is_active=True).update(
                is_active=False, retired_at=timezone.now()
            )
            SigningKey.objects.create(key_id=key_id, public_key=public)
        self.stdout.write(f"Published {key_id} in {issuer.did()}.")

    def _withdraw(self, key_id: str) -> None:
        key = SigningKey.objects.filter(key_id=key_id).first()
        if key is None:
            known = ", ".join(SigningKey.objects.values_list("key_id", flat=True)) or "none"
            raise CommandError(f"No key {key_id}; the keys are: {known}.")
        if key.is_active:
            raise CommandError(
                f"{key_id} signs new certificates: rotate first (create_signing_key --rotate), "
                "then withdraw it."
            )
        if key.withdrawn_at is None:
            key.withdrawn_at = timezone.now()
            key.save(update_fields=["withdrawn_at"])
        # Status lists it signed would stop verifying: re-sign them all with the active key.
        for number in StatusList.objects.values_list("pk", flat=True):
            services.publish_status_list(status_list_id=number)
        signed = Certificate.objects.filter(
            credential__proof__0__verificationMethod__endswith=f"#{key_id}"
        ).count()
        self.stdout.write(
            f"Withdrew {key_id} from {issuer.did()}'s DID document and re-signed the status "
            f"lists with the active key.\n"
            f"{signed} certificate(s) were signed by {key_id}: their credentials no longer "
            "verify anywhere (wallets, offline tools, other verifiers), although Aula's "
            "verification page still shows what Aula recorded. Give their holders new ones "
            "(correct each certificate). Verifiers who saved the DID document must fetch it "
            "again: it is cached for up to 5 minutes."
        )


def _write_secret(path: Path, secret: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret + "\n")


def _new_key_id() -> str:
    """key-<UTC time>, with a suffix when two keys are made within one second."""
    base = "key-" + timezone.now().strftime("%Y%m%d%H%M%S")
    taken = set(SigningKey.objects.filter(key_id__startswith=base).values_list("key_id", flat=True))
    key_id, n = base, 1
    while key_id in taken:
        n += 1
        key_id = f"{base}-{n}"
    return key_id
