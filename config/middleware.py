from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.locale import LocaleMiddleware

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
        if request.get_host().rsplit(":", 1)[0] == settings.H5P_CONTENT_HOST and (
            settings.H5P_CONTENT_ORIGIN != settings.SITE_URL
        ):
            request.urlconf = "config.content_urls"
        return self.get_response(request)
