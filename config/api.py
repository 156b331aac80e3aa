"""API wiring: the v1 router and the one exception handler that turns broken rules into 400s."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from accounts.models import User


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError with a code; the client gets both, and where
        # the problem lies when the service says so (`params["at"]`, e.g. `questions.0.key`).
        errors = []
        for error in exc.error_list:
            found = {"code": error.code or "invalid", "message": " ".join(error.messages)}
            if error.params and "at" in error.params:
                found["field"] = error.params["at"]
            errors.append(found)
        return Response(
            {"detail": errors[0]["message"], "code": errors[0]["code"], "errors": errors},
            status=getattr(exc, "status_code", status.HTTP_400_BAD_REQUEST),
        )
    return drf_exception_handler(exc, context)


def only_aula_api(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Keeps the OpenAPI schema to Aula's own API (Wagtail's admin API is internal)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def current_user(request: Any) -> User:
    """The signed-in user of a request that passed `IsAuthenticated`."""
    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated()
    return user
