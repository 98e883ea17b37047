"""Settings for the compendium.

Everything that differs between a laptop and a server comes from an environment
variable whose default suits the laptop. Production (DJANGO_ENV=production)
refuses to start on an unsafe configuration instead of guessing.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable such as DJANGO_DEBUG=1."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


IS_PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_flag("DJANGO_DEBUG")

_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

if IS_PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")
    if SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a random value of at least 50 characters in production."
        )
    if "DJANGO_ALLOWED_HOSTS" not in os.environ:
        raise ImproperlyConfigured(
            "Set DJANGO_ALLOWED_HOSTS to the site's host names in production."
        )

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, whose forms it extends
    "compendium.apps.CompendiumAdminConfig",  # django.contrib.admin, with the desk
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "compendium",
]

MIDDLEWARE = [
    "compendium.middleware.QueryStringLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "compendium.middleware.ApiCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "compendium.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "compendium.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "compendium.context_processors.languages",
            ],
        },
    },
]

# Local memory for one server; Redis, shared by every app server, when REDIS_URL is set.
# DJANGO_CACHE=none turns caching off, for load tests that measure uncached requests.
CACHE_IS_SHARED = bool(os.environ.get("REDIS_URL"))
if os.environ.get("DJANGO_CACHE") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "compendium.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "compendium"),
            # A Redis that hangs must cost a request a fraction of a second, not a timeout:
            # the cache then counts as failing and is left alone for a second (cache.py).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An embedded database shared by several processes (gunicorn workers, a management
    # command): readers never wait for a writer (WAL), a writer takes its lock when its
    # transaction begins (IMMEDIATE) so that two never deadlock upgrading, and waits for
    # the lock up to SQLITE_BUSY_TIMEOUT seconds instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "30")),
    }
else:
    # A database that does not answer must give a 503 within seconds, not hang a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# IOM's working languages; each language names itself in the switcher.
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Vocabulary terms fall back to English where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Whitenoise serves static files: in production compressed, with hashed names and
# far-future caching (run collectstatic when deploying).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# HTTPS behind a proxy that terminates TLS and sets X-Forwarded-Proto.
if IS_PRODUCTION:
    # In development runserver serves static files itself (DJANGO_DEBUG=1).
    security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
    MIDDLEWARE.insert(security + 1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts only from our own files or with this response's nonce; never inline handlers or
# eval. Inline styles stay allowed: the admin and its select2 widgets set style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), "
    "gyroscope=(), accelerometer=(), fullscreen=(self)"
)
# Longer query strings are refused (414): no filter combination needs more.
MAX_QUERY_STRING_LENGTH = 2048

# Brute-force protection of the admin login (django-axes): lock out a username from an
# address after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME hours.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/")

# Staff sessions end after 8 hours, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["compendium.api.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "compendium.api.pagination.CompendiumPagination",
    "DEFAULT_THROTTLE_CLASSES": ["compendium.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
# Requests per anonymous client (by IP address): "<number>/<second|minute|hour|day>".
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
# `make bench` only: adds the bare-view ceiling at /bench/bare/.
BENCHMARK = env_flag("BENCHMARK")
# How long browsers and proxies may reuse an API answer before revalidating it.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "300"))
# Editorial notifications: printed to the console on a laptop, sent over SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "compendium@localhost")
# The site's own address, for links in e-mails (which are sent outside any request).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Seconds a client is asked to wait (Retry-After) when the database does not answer.
RETRY_AFTER_OUTAGE = int(os.environ.get("RETRY_AFTER_OUTAGE", "30"))

SPECTACULAR_SETTINGS = {
    "TITLE": gettext_lazy("Diaspora Good Practices Compendium API"),
    # One translatable paragraph each; drf-spectacular renders them in the ?lang= asked for.
    "DESCRIPTION": format_lazy(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}",
        gettext_lazy(
            "Read-only access to the compendium of diaspora-engagement good practices that "
            "IOM's 2013 Diaspora Ministerial Conference asked for."
        ),
        gettext_lazy(
            "**Versioning.** Everything under `/api/v1/` is stable: fields are only ever added, "
            "never renamed, retyped or removed. A breaking change would come as `/api/v2/`."
        ),
        gettext_lazy(
            "**Filters.** `/api/v1/practices/` takes exactly the parameters of the public "
            "practice list. Repeat a parameter to accept several values "
            "(`country=MX&country=PH`). Unknown parameters and unknown values are answered "
            "with 400 and a JSON body naming the parameter."
        ),
        gettext_lazy(
            "**Pages.** `page_size` defaults to 25 and may be 1 to 100; other values are "
            "refused with 400. A page past the end is a 404."
        ),
        gettext_lazy(
            "**Languages.** Vocabulary labels and messages are in English unless the request "
            "asks for French or Spanish with `Accept-Language` or `?lang=fr` / `?lang=es`."
        ),
        gettext_lazy(
            "**Caching.** Every answer has an `ETag` and a `Last-Modified` header; send "
            "`If-None-Match` or `If-Modified-Since` to get 304 Not Modified when nothing "
            "changed."
        ),
        format_lazy(
            gettext_lazy(
                "**Rate limit.** Anonymous clients may make `{rate}` requests (setting "
                "`API_ANON_RATE`); beyond it the API answers 429 with `Retry-After`."
            ),
            rate=API_ANON_RATE,
        ),
        gettext_lazy("**Cross-origin.** Any origin may GET."),
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "compendium.api.schema.document_errors",
    ],
}

# Public suggestions allowed per client address in each window (seconds).
SUGGESTIONS_PER_WINDOW = int(os.environ.get("SUGGESTIONS_PER_WINDOW", "5"))
SUGGESTIONS_WINDOW = int(os.environ.get("SUGGESTIONS_WINDOW", "3600"))
# Refuse request bodies over 1 MB: nothing the public may send needs more.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
