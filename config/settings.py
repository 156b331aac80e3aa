"""Aula's only settings module.

With no environment variables it runs on SQLite, files under media/, a local-memory cache,
in-process Celery tasks and e-mail printed to the console. Every real service is switched on
by an environment variable (see README.md); a malformed value stops start-up naming it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    env_bool,
    env_content_origin,
    env_database,
    env_email,
    env_int,
    env_list,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "insecure-development-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false.")

SITE_URL = env_url("SITE_URL", "http://localhost:8000", schemes={"http", "https"})
_site_host = urlsplit(SITE_URL).hostname or "localhost"
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [_site_host, "localhost", "127.0.0.1", "[::1]"] if DEBUG else [_site_host]
)
CSRF_TRUSTED_ORIGINS = [SITE_URL]
# H5P activities play from their own origin, which never sees the site's cookies.
H5P_CONTENT_ORIGIN = env_content_origin("H5P_CONTENT_ORIGIN", SITE_URL)
H5P_CONTENT_HOST = urlsplit(H5P_CONTENT_ORIGIN).hostname or ""
# Neither set (a developer's machine): both origins follow the port the request came to.
ORIGINS_FROM_REQUEST = not os.environ.get("SITE_URL") and not os.environ.get("H5P_CONTENT_ORIGIN")
if H5P_CONTENT_HOST not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(H5P_CONTENT_HOST)

# Certificates: the private key that signs them (text from manage.py create_signing_key), in
# the environment or a file; in development without either, one derived from SECRET_KEY.
CERTIFICATE_SIGNING_KEY = env_str("CERTIFICATE_SIGNING_KEY")
CERTIFICATE_SIGNING_KEY_FILE = env_str("CERTIFICATE_SIGNING_KEY_FILE")
CERTIFICATE_DEVELOPMENT_KEY = DEBUG
# Empty: the network's name in each certificate's language (certificates.issuer.issuer_name).
CERTIFICATE_ISSUER_NAME = env_str("CERTIFICATE_ISSUER_NAME")
# Unknown, mistyped or malformed codes per client address and hour; past it, misses answer 429
# while look-ups of real codes (and their PDF check) keep answering.
CERTIFICATE_VERIFY_MISS_RATE = env_int("CERTIFICATE_VERIFY_MISS_RATE", 30)
# Behind a reverse proxy: its addresses or networks, and the header it reports the client in
# (config/clients.py). Empty: REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "X-Forwarded-For")
# Questionnaire results and reports: groups of fewer people than this are shown as "<5"
# (with this number), everywhere.
# From 3: with zeros shown as 0, a "<2" would give a single person away.
REPORT_MIN_CELL = env_int("REPORT_MIN_CELL", 5)
if REPORT_MIN_CELL < 3:
    raise ImproperlyConfigured(f"REPORT_MIN_CELL must be 3 or more, not {REPORT_MIN_CELL}.")

INSTALLED_APPS = [
    "accounts",
    "courses",
    "cms",
    "enrollments",
    "nudges",
    "meetings",
    "certificates",
    "activities",
    "discussions",
    "paths",
    "assignments",
    "experiences",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "parler",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "storages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentOriginMiddleware",
    "config.middleware.ApiErrorMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.AulaLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL names PostgreSQL.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"

# Languages: Spanish first; the same five for Django, Wagtail and django-parler.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("en", _("English")),
    ("ca", _("Catalan")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
PARLER_DEFAULT_LANGUAGE_CODE = LANGUAGE_CODE
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": [LANGUAGE_CODE], "hide_untranslated": False},
}

# Files: uploads never overwrite; generated files (certificates, reports) may.
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STATIC_ROOT = BASE_DIR / ".staticfiles"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
# In development (and tests) WhiteNoise serves straight from the sources; production collects.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _s3_options = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env_url("AWS_S3_ENDPOINT_URL", "", schemes={"http", "https"}) or None,
        "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "addressing_style": "path",
        "signature_version": "s3v4",
        "default_acl": None,
        "querystring_auth": True,
    }
    _uploads = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3_options, "location": "uploads", "file_overwrite": False},
    }
    _generated = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3_options, "location": "generated", "file_overwrite": True},
    }
    _h5p = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3_options, "location": "h5p", "file_overwrite": True},
    }
    _certificates = {
        "BACKEND": "storages.backends.s3.S3Storage",
        # Certificates are small: uploading in the calling thread spares the transfer manager's
        # thread hand-offs (measured by bench/issue_certificates.py).
        "OPTIONS": {
            **_s3_options,
            "location": "certificates",
            "file_overwrite": True,
            "use_threads": False,
        },
    }
else:
    _uploads = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _generated = {
        "BACKEND": "config.storage.MediaSubfolderStorage",
        "OPTIONS": {"subfolder": "generated", "base_url": f"{MEDIA_URL}generated/"},
    }
    # Never under MEDIA_URL: package files are served only by the content origin.
    _h5p = {
        "BACKEND": "config.storage.MediaSubfolderStorage",
        "OPTIONS": {"subfolder": "h5p", "allow_overwrite": True},
    }
    # Never under MEDIA_URL either: holders download their PDF through a view that checks.
    _certificates = {
        "BACKEND": "config.storage.MediaSubfolderStorage",
        "OPTIONS": {"subfolder": "certificates", "allow_overwrite": True},
    }
STORAGES = {
    "default": _uploads,
    "generated": _generated,
    "h5p": _h5p,
    "certificates": _certificates,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Cache: Redis when REDIS_URL is set.
REDIS_URL = env_url("REDIS_URL", "", schemes={"redis", "rediss"})
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Celery: in-process unless CELERY_BROKER_URL names a broker.
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", "", schemes={"redis", "rediss", "amqp"})
CELERY_RESULT_BACKEND = env_url("CELERY_RESULT_BACKEND", "", schemes={"redis", "rediss"}) or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Certificates whose task was lost (a worker killed mid-way) are queued again.
    "issue-pending-certificates": {"task": "certificates.issue_pending", "schedule": 600.0},
    # Questionnaire reminders; each questionnaire's own rhythm decides who is due.
    "remind-questionnaires": {"task": "enrollments.remind_questionnaires", "schedule": 3600.0},
    # Editions with a minimum time between enrolment and completion: those who finished early
    # complete on the day.
    "complete-after-waiting": {"task": "enrollments.complete_after_waiting", "schedule": 3600.0},
    # Sessions' reminders, 24 h and 1 h before: each claimed once, so a beat running twice (or
    # two beats) sends nothing twice.
    "remind-sessions": {"task": "meetings.send_reminders", "schedule": 300.0},
    # Network activities that just ended: those who attended complete them and get their
    # certificate of attendance.
    "complete-finished-activities": {"task": "activities.complete_finished", "schedule": 3600.0},
    # The discussions' daily digest: each person's new posts since their last one.
    "discussion-digests": {"task": "discussions.queue_digests", "schedule": 86400.0},
    # Welcomes, deadline notices and nudges to the inactive: each claimed once per learner
    # and rule, so a beat running twice at once sends one of each.
    "nudges": {"task": "nudges.decide", "schedule": 3600.0},
    # People on a learning path are enrolled in its courses' editions as they open.
    "advance-paths": {"task": "paths.advance_all", "schedule": 3600.0},
}

# E-mail: printed to the console unless EMAIL_URL says otherwise.
globals().update(env_email("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Aula <aula@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict by default, cookies secure whenever the site is served over https.
_HTTPS = SITE_URL.startswith("https://")
SECURE_SSL_REDIRECT = _HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
LANGUAGE_COOKIE_SECURE = _HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _HTTPS and env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Wagtail
WAGTAIL_SITE_NAME = "Aula"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_CUSTOM_FIELDS = ["certificate_name"]
# Slugs in plain ASCII: "leccion-1", not a percent-encoded "lecci%C3%B3n-1" in every link.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin loads nothing from elsewhere: no avatars from Gravatar, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# H5P: the player from npm (installed by `make setup`), upload limits, signed-URL lifetime.
H5P_PLAYER_DIR = BASE_DIR / "node_modules" / "h5p-standalone" / "dist"
H5P_MAX_UPLOAD_BYTES = env_int("H5P_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
# Packages above this size are validated and stored by a worker; smaller ones at once.
H5P_BACKGROUND_BYTES = env_int("H5P_BACKGROUND_BYTES", 8 * 1024 * 1024)
H5P_URL_SECONDS = env_int("H5P_URL_SECONDS", 3600)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# API
REST_FRAMEWORK = {
    # Token first: an anonymous request is answered 401 with `WWW-Authenticate: Token`
    # (with the session class first, DRF answers 403, which says "not allowed" instead).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.authentication.TokenAuthentication",
        "config.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.JSONParser",
        "config.parsers.FormParser",
        "config.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "config.schema.AulaAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "config.api.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Aula API",
    "DESCRIPTION": "Catalogue, cohorts, enrolments, progress and certificates of Aula.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["config.api.only_aula_api"],
    "ENUM_NAME_OVERRIDES": {
        "CourseStatusEnum": "courses.models.Course.Status",
        "CohortStatusEnum": "courses.models.Cohort.Status",
        "EnrollmentStatusEnum": "enrollments.models.Enrollment.Status",
        "H5PPackageStatusEnum": "cms.models.H5PPackage.Status",
        "RevocationReasonEnum": "certificates.models.RevocationReason",
        "RevocationByHandReasonEnum": "certificates.models.REVOCATION_REASONS_BY_HAND",
        "SessionKindEnum": "meetings.models.Meeting.Kind",
        "AttendanceStatusEnum": "meetings.models.Attendance.Status",
        "ActivityKindEnum": "activities.models.NetworkActivity.Kind",
        "SubmissionStatusEnum": "assignments.models.Submission.Status",
        "ExperienceStatusEnum": "experiences.models.Experience.Status",
        "ExperienceStageEnum": "experiences.models.Experience.Stage",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action and background task at INFO, WeasyPrint every rendering
    # step, fontTools every font it subsets: too chatty for a console.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ["wagtail", "django_tasks", "django.tasks", "weasyprint", "fontTools"]
    },
}
