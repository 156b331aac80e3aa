from __future__ import annotations

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
