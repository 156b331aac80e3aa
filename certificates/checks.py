"""Start-up checks: a server that would issue certificates it cannot sign says so at once."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register


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


# What the network's names are written in, and the Debian package whose fonts draw it.
SCRIPTS = {
    "el": ("Greek", "fonts-noto-core"),
    "ru": ("Cyrillic", "fonts-noto-core"),
    "ar": ("Arabic", "fonts-noto-core"),
    "he": ("Hebrew", "fonts-noto-core"),
    "vi": ("Vietnamese", "fonts-noto-core"),
    "zh-cn": ("Chinese", "fonts-noto-cjk"),
    "ja": ("Japanese", "fonts-noto-cjk"),
    "ko": ("Korean", "fonts-noto-cjk"),
}


@register()
def rendering_libraries_are_installed(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Certificates render without these, but slowly (no HarfBuzz subsetter) or with empty
    boxes for names in other scripts (no fonts): nothing would fail, so say it here."""
    import ctypes.util
    import shutil
    import subprocess

    warnings: list[CheckMessage] = []
    if ctypes.util.find_library("harfbuzz-subset") is None:
        warnings.append(
            Warning(
                "HarfBuzz's subsetter is missing: certificate PDFs render about five times "
                "slower (WeasyPrint falls back to fontTools).",
                hint="Install Debian's libharfbuzz-subset0 (make setup does).",
                id="certificates.W010",
            )
        )
    fc_list = shutil.which("fc-list")
    covered: set[str] = set()
    if fc_list:
        listing = subprocess.run(
            [fc_list, "--format", "%{lang}\n"], capture_output=True, text=True, check=False
        ).stdout
        covered = {lang for line in listing.splitlines() for lang in line.split("|")}
    missing = {code: script for code, script in SCRIPTS.items() if code not in covered}
    if missing:
        packages = sorted({package for _name, package in missing.values()})
        warnings.append(
            Warning(
                "No font draws names written in "
                + ", ".join(name for name, _package in missing.values())
                + ": certificates would show empty boxes for them.",
                hint=f"Install Debian's {' and '.join(packages)} (make setup does).",
                id="certificates.W011",
            )
        )
    return warnings
