"""Refusals with an HTTP meaning beyond 400; `config.api.exception_handler` reads `status_code`."""

from django.core.exceptions import ValidationError


class Conflict(ValidationError):
    status_code = 409


class NotAllowed(ValidationError):
    status_code = 403
