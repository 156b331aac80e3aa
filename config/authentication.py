"""API token authentication, as DRF's but in one plain query: every xAPI statement pays for it
(bench/ingest.py), and the ORM's query building was a third of the endpoint's cost."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.models import User


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[User, Any]:
        found = list(
            User.objects.raw(
                "SELECT u.* FROM accounts_user u JOIN authtoken_token t ON t.user_id = u.id "
                "WHERE t.key = %s",
                [key],
            )
        )
        if not found:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = found[0]
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return user, key
