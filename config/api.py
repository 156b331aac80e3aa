"""API wiring: the v1 router and the one exception handler that turns broken rules into 400s."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.exceptions import (
    APIException,
    NotAuthenticated,
    NotFound,
    ValidationError,
)
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from accounts.models import User
from config.authentication import resolve_bearer


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Every refusal has one body: `detail` (a sentence in the caller's language), `code` and,
    for invalid input, `errors`, each with its `code`, `message` and the `field` at fault
    (dotted, e.g. `questions.0.key`) where there is one. The `Error` schema documents it."""
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError with a code, and where the problem lies when
        # they know it (`params["at"]`).
        # A model's full_clean() says the field by the dictionary's key instead.
        located = (
            [(name, error) for name, listed in exc.error_dict.items() for error in listed]
            if hasattr(exc, "error_dict")
            else [("", error) for error in exc.error_list]
        )
        errors = []
        for name, error in located:
            found = {"code": error.code or "invalid", "message": " ".join(error.messages)}
            if error.params and "at" in error.params:
                found["field"] = error.params["at"]
            elif name and name != NON_FIELD_ERRORS:
                found["field"] = name
            errors.append(found)
        return Response(
            _body(errors), status=getattr(exc, "status_code", status.HTTP_400_BAD_REQUEST)
        )
    if isinstance(exc, Http404):
        # Django's "No Certificate matches the given query." is English in every language.
        exc = NotFound()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, APIException):
        return response
    if isinstance(exc, ValidationError):
        body = _body(list(_flatten(exc.get_full_details())))
    else:
        detail = exc.get_full_details()
        if isinstance(detail, dict) and "message" in detail:
            body = {"detail": str(detail["message"]), "code": str(detail.get("code", "error"))}
        else:
            body = {"detail": str(exc.detail), "code": exc.default_code}
    response.data = body
    return response


def _body(errors: list[dict[str, str]]) -> dict[str, Any]:
    first = errors[0] if errors else {"code": "invalid", "message": _("Invalid input.")}
    return {"detail": first["message"], "code": first["code"], "errors": errors}


def _flatten(details: Any, at: str = "") -> Any:
    """DRF's nested {field: [{message, code}]} as a flat list with dotted fields."""
    if isinstance(details, dict) and set(details) == {"message", "code"}:
        found = {"code": str(details["code"]), "message": str(details["message"])}
        if at and at != api_settings.NON_FIELD_ERRORS_KEY:
            found["field"] = at
        yield found
    elif isinstance(details, dict):
        for name, inner in details.items():
            yield from _flatten(inner, f"{at}.{name}" if at else str(name))
    elif isinstance(details, list):
        for position, inner in enumerate(details):
            nested = isinstance(inner, dict) and set(inner) != {"message", "code"}
            yield from _flatten(
                inner, f"{at}.{position}" if nested or isinstance(inner, list) else at
            )


def only_aula_api(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Keeps the OpenAPI schema to Aula's own API (Wagtail's admin API is internal)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def current_user(request: Any) -> User:
    """The signed-in user of a request that passed `IsAuthenticated` (a deferred token is
    looked up now: `config.authentication.TokenBearer`)."""
    user = resolve_bearer(request)
    if not isinstance(user, User):
        raise NotAuthenticated()
    return user


class Pagination(LimitOffsetPagination):
    """limit/offset paging with bounds: a limit above MAX is served as MAX, and a limit or
    offset that is not a whole number within range is refused with a 400 (a huge one used to
    reach the database and overflow its integer)."""

    max_limit = 500
    max_offset = 2**31 - 1

    def _bounded(self, request: Any, name: str, *, low: int, high: int, capped: bool) -> int | None:
        """The parameter as a whole number, `None` when absent; above `high` it is served as
        `high` when `capped`, refused otherwise."""
        raw = request.query_params.get(name)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            value = -1
        if value < low or (value > high and not capped):
            raise ValidationError(
                {
                    name: [
                        _("Give a whole number from %(low)s to %(high)s.")
                        % {"low": low, "high": high}
                    ]
                }
            )
        return min(value, high)

    def get_limit(self, request: Any) -> int | None:
        limit = self._bounded(
            request, self.limit_query_param, low=1, high=self.max_limit, capped=True
        )
        return self.default_limit if limit is None else limit

    def get_offset(self, request: Any) -> int:
        offset = self._bounded(
            request, self.offset_query_param, low=0, high=self.max_offset, capped=False
        )
        return offset or 0

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                # No maximum: a larger limit is served as max_limit, not refused.
                parameter["schema"].update(minimum=1)
                parameter["description"] = (
                    f"Number of results to return per page; at most {self.max_limit} are "
                    "returned whatever is asked."
                )
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update(minimum=0, maximum=self.max_offset)
        return parameters


IDEMPOTENCY_KEY_LENGTH = 64
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    location=OpenApiParameter.HEADER,
    description=f"Up to {IDEMPOTENCY_KEY_LENGTH} characters: the same body sent again with the "
    "same key returns what the first request made and changes nothing; another body with it "
    "gets 409.",
)
ERROR_409_KEY = OpenApiResponse(description="The Idempotency-Key was sent with another body.")


def idempotency_key(request: Any) -> str:
    key = str(request.headers.get("Idempotency-Key", "")).strip()
    if len(key) > IDEMPOTENCY_KEY_LENGTH:
        raise ValidationError(
            {
                "Idempotency-Key": [
                    _("An idempotency key has at most %(limit)s characters.")
                    % {"limit": IDEMPOTENCY_KEY_LENGTH}
                ]
            }
        )
    return key
