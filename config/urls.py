from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.api.views import VerifyView
from cms import search as cms_search
from cms import translation_views
from config.views import favicon, healthz
from enrollments.api.views import StatementsView
from meetings.views import calendar_feed

urlpatterns = [
    # The busiest first (URLs are tried in order, and each include passed on the way cost a
    # few microseconds: docs/decisions/0007): public verification, then xAPI statements.
    path("api/v1/certificates/verify/<str:code>", VerifyView.as_view(), name="certificate-verify"),
    path("api/v1/xapi/statements", StatementsView.as_view(), name="xapi-statements"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    # Browsers and feed readers ask for /favicon.ico whatever the page's <link> says.
    path("favicon.ico", favicon),
    # A calendar program's subscription: no language, no session cookie, the token is the key.
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path("api/v1/", include("certificates.api.urls")),
    path("api/v1/", include("enrollments.api.urls")),
    path("api/v1/", include("meetings.api.urls")),
    path("api/v1/", include("activities.api.urls")),
    path("api/v1/", include("discussions.api.urls")),
    path("api/v1/", include("nudges.api.urls")),
    path("api/v1/", include("paths.api.urls")),
    path("api/v1/", include("experiences.api.urls")),
    path("api/v1/", include("assignments.api.urls")),
    path("api/v1/", include("accounts.api.urls")),
    path("api/v1/", include("courses.api.urls")),
    path("api/v1/", include("cms.api.urls")),
    path("", include("certificates.public_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Uploads in development; H5P package files are served by the content origin only.
    urlpatterns += [
        re_path(r"^media/(?!h5p/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Learner-facing pages carry their language in the path: /es/…, /pt/…
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("enrollments.urls")),
    path("", include("meetings.urls")),
    path("", include("activities.urls")),
    path("", include("discussions.urls")),
    path("", include("nudges.urls")),
    path("", include("paths.urls")),
    path("", include("assignments.urls")),
    path("", include("experiences.urls")),
    path("", include("certificates.urls")),
    path("search/", cms_search.search, name="search"),
    path("translations/", translation_views.overview, name="translations"),
    path("translations/<int:page_id>/", translation_views.course, name="translation_course"),
    path(
        "translations/pages/<int:page_id>/<str:language>/po/",
        translation_views.translation_file,
        name="translation_file",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
