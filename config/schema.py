"""The OpenAPI schema: drf-spectacular's, with the errors every operation can answer.

Kept apart from `config.api`, which DRF's settings import while its views load.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class AulaSessionScheme(SessionScheme):
    """Aula's session authentication (it speaks the person's language) is DRF's cookie."""

    target_class = "config.authentication.SessionAuthentication"


class ErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="What is wrong, for programs: e.g. `required`.")
    message = serializers.CharField(help_text="What is wrong, in the caller's language.")
    field = serializers.CharField(
        required=False, help_text="Where, dotted: `title`, `questions.0.key`, `result.score`."
    )


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="The first (or only) problem, in a sentence.")
    code = serializers.CharField(help_text="Its code.")
    errors = ErrorItemSerializer(many=True, required=False, help_text="Every problem found.")  # type: ignore[assignment]


ERROR_DESCRIPTIONS = {
    "400": "The input is not valid: `errors` says which field and why.",
    "401": "Not signed in: send `Authorization: Token <key>` (or a session cookie).",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such object, or not one the caller may know of.",
    "409": "In conflict with what is stored (already done otherwise, full, reused key).",
    "413": "The request body (or one statement) is larger than allowed.",
    "429": "Too many attempts: wait and try again.",
}


class AulaAutoSchema(AutoSchema):
    """drf-spectacular's schema, where every operation also lists the errors it can answer,
    each with the `Error` body Aula sends: 400 and 413 where there is input, 401 and 403
    where permission is needed, 404 where the path names an object."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        ref = self.resolve_serializer(ErrorSerializer, "response").ref
        for code in self._error_codes():
            responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code]})
        handler = getattr(
            self.view, getattr(self.view, "action", None) or self.method.lower(), None
        )
        for code, text in getattr(handler, "documented_errors", {}).items():
            responses.setdefault(code, {"description": text})
        for code, response in responses.items():
            if code.startswith(("4", "5")) and not response.get("content"):
                response["content"] = {"application/json": {"schema": ref}}
                response.setdefault("description", ERROR_DESCRIPTIONS.get(code, ""))
        return responses

    def _error_codes(self) -> list[str]:
        codes = ["400"]  # a malformed body or query (paging) anywhere
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append("413")
        if not all(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            codes += ["401", "403"]
        if "{" in self.path:
            codes.append("404")
        return codes


def errors(described: dict[int, str]) -> Any:
    """Documents the errors an operation answers beyond those every operation lists, e.g.
    `@errors({409: "The cohort is full."})` above a view method or viewset action."""

    def mark(function: Any) -> Any:
        function.documented_errors = {str(code): text for code, text in described.items()}
        return function

    return mark
