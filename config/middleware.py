from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import gettext as _

from config.parsers import body_too_large

logger = logging.getLogger("django.request")

UNPREFIXED = (
    "/api/",
    "/healthz",
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/.well-known/",
    "/credentials/",
    "/certificates/",
)


class AulaLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 → /<lang>/… redirect outside learner pages.

    Wagtail's catch-all route makes every prefixed path look valid, so an API 404 would
    otherwise turn into a redirect to a page that cannot exist.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class ContentOriginMiddleware:
    """Requests to the H5P content origin see only the player's routes, none of the site's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        from config import origins

        if request.get_host().rsplit(":", 1)[0] == settings.H5P_CONTENT_HOST and (
            settings.H5P_CONTENT_ORIGIN != settings.SITE_URL
        ):
            request.urlconf = "config.content_urls"
        token = origins.activate(origins.from_request(request))
        try:
            return self.get_response(request)
        finally:
            origins.reset(token)


class ApiErrorMiddleware:
    """The API answers JSON errors in every mode: an exception no view handled becomes a JSON
    500 (logged with its traceback), and an HTML error page Django or a middleware made for an
    /api/ address (a 404 for an unknown one, a 405, a 400 for a refused host) becomes JSON with
    the same status. DEBUG's technical pages stay for the site's own pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            _is_api(request)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/")
        ):
            return api_error(response.status_code)
        return response

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponseBase | None:
        if not _is_api(request):
            return None
        if isinstance(exception, RequestDataTooBig):
            return api_error(413)
        if isinstance(exception, SuspiciousOperation):
            return api_error(400)
        if isinstance(exception, PermissionDenied):
            return api_error(403)
        if isinstance(exception, Http404):
            return api_error(404)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return api_error(500)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def api_error(status: int) -> JsonResponse:
    """The body Aula's API sends for an error no view described: `detail` and `code`."""
    known = {
        400: ("bad_request", _("The request could not be understood.")),
        401: ("not_authenticated", _("Sign in to use this address.")),
        403: ("permission_denied", _("You may not do this.")),
        404: ("not_found", _("There is nothing at this address.")),
        405: ("method_not_allowed", _("This address does not take this method.")),
        413: ("body_too_large", body_too_large()),
        429: ("throttled", _("Too many requests; wait a moment and try again.")),
    }
    code, detail = known.get(
        status, ("server_error", _("Something went wrong on our side; it has been logged."))
    )
    return JsonResponse({"detail": detail, "code": code}, status=status)


class UserTimeZoneMiddleware:
    """Pages show times in the signed-in person's time zone (their profile's), and forms read
    the times they type in it; anonymous visitors get the site's (UTC)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        import zoneinfo

        from django.utils import timezone

        name = getattr(getattr(request, "user", None), "time_zone", "") or ""
        try:
            zone = zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
        if zone is None:
            return self.get_response(request)
        with timezone.override(zone):
            return self.get_response(request)
