"""API authentication.

Token authentication is DRF's in one plain query: every xAPI statement pays for it
(bench/ingest.py), and the ORM's query building was a third of the endpoint's cost.

Both classes answer a signed-in person in the language of their profile, whatever the
client's `Accept-Language` says (that header only chooses for anonymous callers): the
same person gets the same messages from the pages, the e-mails and the API."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models import Field
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import User
from config.db import prepared_cursor


def speak_their_language(request: Request, user: User) -> None:
    language = translation.get_supported_language_variant(user.preferred_language)
    translation.activate(language)
    django_request: HttpRequest = request._request
    django_request.LANGUAGE_CODE = language


@cache
def _user_fields() -> list[Field[Any, Any]]:
    return list(User._meta.concrete_fields)


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request: Request) -> tuple[User, Any] | None:
        found = super().authenticate(request)
        if found is not None:
            speak_their_language(request, found[0])
        return found

    def authenticate_credentials(self, key: str) -> tuple[User, Any]:
        # The columns named and the instance built from the row directly: a raw queryset
        # spent more mapping its columns to fields than the database spent answering.
        fields = _user_fields()
        # Prepared (config.db): PostgreSQL plans it once per connection.
        with prepared_cursor(User.objects.db) as cursor:
            typed = "::varchar" if cursor.db.vendor == "postgresql" else ""
            cursor.execute(
                f"SELECT {', '.join(f'u.{f.column}' for f in fields)} FROM accounts_user u "
                f"JOIN authtoken_token t ON t.user_id = u.id WHERE t.key = %s{typed}",
                [key],
            )
            row = cursor.fetchone()
        if row is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = User.from_db(User.objects.db, [f.attname for f in fields], row)
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return user, key


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[User, None] | None:
        found = super().authenticate(request)
        if found is not None:
            speak_their_language(request, found[0])
        return found
