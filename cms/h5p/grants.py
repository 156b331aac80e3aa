"""Short-lived signed URLs to play a package: a capability for one learner, activity and language.

The content origin has no session, so the URL itself says who plays what; only a lesson page
shown to someone allowed to play it mints one (see enrollments' `h5p_player` tag).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "aula.h5p.play"


@dataclass(frozen=True)
class PlayGrant:
    package_id: int
    activity_key: uuid.UUID
    user_id: int
    language: str


def mint_token(grant: PlayGrant) -> str:
    payload = {
        "p": grant.package_id,
        "a": grant.activity_key.hex,
        "u": grant.user_id,
        "l": grant.language,
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> PlayGrant:
    """Raises signing.BadSignature (or its SignatureExpired) for a forged or stale token."""
    payload = signing.loads(token, salt=SALT, max_age=settings.H5P_URL_SECONDS)
    try:
        return PlayGrant(
            package_id=int(payload["p"]),
            activity_key=uuid.UUID(hex=payload["a"]),
            user_id=int(payload["u"]),
            language=str(payload["l"]),
        )
    except (KeyError, TypeError, ValueError):
        raise signing.BadSignature("malformed grant") from None


def player_url(grant: PlayGrant) -> str:
    from config import origins

    return f"{origins.content_origin()}/h5p/{mint_token(grant)}/"
