"""Start-up checks: a server that would issue certificates it cannot sign says so at once."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def signing_key_is_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from certificates import issuer

    if settings.CERTIFICATE_DEVELOPMENT_KEY:
        return []
    try:
        secret = issuer.configured_secret()
    except issuer.IssuerError as error:
        return [Error(str(error), id="certificates.E001")]
    if secret is None:
        return [
            Error(
                "No certificate signing key is configured.",
                hint="Set CERTIFICATE_SIGNING_KEY or CERTIFICATE_SIGNING_KEY_FILE; "
                "manage.py create_signing_key makes one.",
                id="certificates.E001",
            )
        ]
    from certificates.credentials import keys

    try:
        keys.load_private_key(secret)
    except keys.SigningKeyError as error:
        return [
            Error(f"The certificate signing key is not usable: {error}", id="certificates.E002")
        ]
    return []


@register()
def contexts_are_pinned(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from certificates.credentials import contexts

    missing = [url for url, path in contexts.CONTEXTS.items() if not path.is_file()]
    return [
        Error(
            f"The pinned JSON-LD context for {url} is missing; certificates cannot be signed.",
            id="certificates.E003",
        )
        for url in missing
    ]
