"""
Settings shared by every environment.

Secure by default: no DEBUG, no secret. Environment variables are declared once, typed,
in ``env`` below and listed in .env.example. dev.py relaxes what a laptop needs;
production.py refuses to start without the secrets.
"""

from pathlib import Path

import environ

# site/kvarken/settings/base.py -> site/ is the project-wide layer, its parent the repo.
SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, None),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    DEFAULT_FROM_EMAIL=(str, "Cleantech Kvarken <noreply@kvarken-cleantech.example>"),
    EMAIL_URL=(str, "consolemail://"),
    ELASTICSEARCH_URL=(str, ""),
    OPENSEARCH_URL=(str, ""),
    SEARCH_INDEX_PREFIX=(str, "kvarken_"),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours first, so our templates override the framework's.
    "home",
    "companies",
    "news",
    "events",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kvarken.urls"
WSGI_APPLICATION = "kvarken.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language; Swedish and Finnish trees are synchronised
# from it by wagtail-localize (see home/migrations/0002_locales.py).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("fi", "Suomi"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "collected-static"
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

_email = env.email_url("EMAIL_URL")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

# Page editors can hit Django's default of 1000 fields with large StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cleantech Kvarken"
WAGTAILADMIN_BASE_URL = env("BASE_URL")
# Gravatar is unreachable from our hosts and leaks editors' email hashes (GDPR).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Search (search/backends/): Elasticsearch 8 in production when ELASTICSEARCH_URL is set,
# OpenSearch 2 when OPENSEARCH_URL is (the test suite's real node), else the database
# (PostgreSQL full text, or SQLite FTS in the embedded default). With a search server the
# database backend is kept up to date too, and answers while the server is down.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
_search_server = [
    (backend, env(variable))
    for variable, backend in [
        ("ELASTICSEARCH_URL", "search.backends.elasticsearch8"),
        ("OPENSEARCH_URL", "search.backends.opensearch2"),
    ]
    if env(variable)
]
if _search_server:
    _backend, _url = _search_server[0]
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _backend,
            "URLS": [_url],
            "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX"),
            # Fail fast when the server is down: visitors get database results instead.
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        },
        "database": {"BACKEND": "search.backends.database"},
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Country names (export markets) are shown in the visitor's language by django-countries.
COUNTRIES_FIRST = ["SE", "FI", "NO", "DK", "EE", "DE"]
COUNTRIES_FIRST_REPEAT = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF token from the cookie.
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview is framed by the admin itself.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
