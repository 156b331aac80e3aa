"""API authentication.

Token authentication is DRF's in one plain query: every xAPI statement pays for it
(bench/ingest.py), and the ORM's query building was a third of the endpoint's cost.

Both classes answer a signed-in person in the language of their profile, whatever the
client's `Accept-Language` says (that header only chooses for anonymous callers): the
same person gets the same messages from the pages, the e-mails and the API."""

from __future__ import annotations

from functools import cache
from typing import Any, cast

from django.conf import settings
from django.db.models import Field
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import User
from config.db import prepared_cursor


def speak_their_language(request: Request, user: User) -> None:
    speak(request, user.preferred_language)


def speak(request: Request, preferred_language: str) -> None:
    """Answers in `preferred_language` (a profile's; the closest the site offers)."""
    language = translation.get_supported_language_variant(
        preferred_language or settings.LANGUAGE_CODE
    )
    translation.activate(language)
    django_request: HttpRequest = request._request
    django_request.LANGUAGE_CODE = language


@cache
def _user_fields() -> list[Field[Any, Any]]:
    return list(User._meta.concrete_fields)


class TokenBearer:
    """Whoever holds an API token, before anyone has looked it up: what `request.user` is on a
    view that `defers_token_lookup` (see `TokenAuthentication`). The xAPI statements view finds
    the token's holder in the very SQL statement that stores the statement (a round trip
    fewer, on the busiest endpoint); any other use asks `resolve_bearer` first, as
    `config.api.current_user` does."""

    is_authenticated = True
    is_anonymous = False
    pk = None

    def __init__(self, key: str) -> None:
        self.key = key


class TokenAuthentication(authentication.TokenAuthentication):
    """On a view with `defers_token_lookup = True`, a well-formed `Authorization: Token …`
    header makes a POST request a `TokenBearer` and the look-up is left to the view, which must
    check the token (as `resolve_bearer` does) before it acts or answers anything but a
    success. (One class either way: it is one security scheme in the OpenAPI document.)"""

    defer = False

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        view = (request.parser_context or {}).get("view")
        # POST only: any other method is answered after authentication (405, OPTIONS).
        self.defer = request.method == "POST" and bool(getattr(view, "defers_token_lookup", False))
        found = super().authenticate(request)
        if found is not None and not self.defer:
            speak_their_language(request, found[0])
        return found

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        if self.defer:
            return TokenBearer(key), key
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


def resolve_bearer(request: Request) -> User:
    """The request's user, looking a deferred token up now: 401 (`AuthenticationFailed`) for a
    token no active account holds, and from then on answers in the holder's language."""
    user = request.user
    if isinstance(user, TokenBearer):
        user, _key = TokenAuthentication().authenticate_credentials(user.key)
        speak_their_language(request, user)
        request.user = user
    return cast(User, user)
