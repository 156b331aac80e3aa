"""API wiring: the v1 router and the one exception handler that turns broken rules into 400s."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated, ValidationError
from rest_framework.pagination import LimitOffsetPagination
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
        if raw is None or raw == "":
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
                parameter["schema"].update(minimum=1, maximum=self.max_limit)
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update(minimum=0, maximum=self.max_offset)
        return parameters
