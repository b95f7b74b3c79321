"""
Settings shared by every environment.

Secure by default: no DEBUG, no secret. Environment variables are declared once, typed,
in ``env`` below and listed in .env.example. dev.py relaxes what a laptop needs;
production.py refuses to start without the secrets.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

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
    # Media in S3 when a bucket is named (credentials: AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY, read by boto3 itself, or the instance's role).
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),  # S3-compatible stores
    AWS_S3_CUSTOM_DOMAIN=(str, ""),  # CDN host serving the renditions
    AWS_QUERYSTRING_EXPIRE=(int, 300),  # seconds a signed link to an original lasts
    AWS_RENDITIONS_ACL=(str, ""),  # e.g. public-read where the bucket uses ACLs
    CLOUDFRONT_DISTRIBUTION_ID=(str, ""),  # invalidate the CDN on publish (boto3)
    INQUIRY_RETENTION_DAYS=(int, 365),  # buyers' inquiries are deleted after this (GDPR)
    INQUIRY_FALLBACK_EMAIL=(str, "info@kvarken-cleantech.example"),  # company has no email
    DEEPL_API_KEY=(str, ""),  # machine translation in the translation editor
    # The shared cache (every app server): rendered pages, rate limits. Without it, each
    # process has its own and pages aren't cached.
    REDIS_URL=(str, ""),
    PAGE_CACHE_SECONDS=(int, 600),  # publishing clears cached pages at once; this caps the rest
    PAGE_CACHE_CDN_SECONDS=(int, 60),  # s-maxage for a CDN or proxy in front
    # Reverse proxies in front of the app servers that append the client's address to
    # X-Forwarded-For (a load balancer: 1); 0: the header is ignored (kvarken/client_address.py).
    TRUSTED_PROXIES=(int, 0),
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
    "wagtail.contrib.redirects",
    # Wagtail's frontend cache, with our purge on publish instead of its own (one batch).
    "home.apps.FrontendCacheConfig",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
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
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session, locale and CSRF layers: a cached page skips them all, and it
    # sees the cookies they set (an answer that sets one is never cached).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.StorageUnavailableMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "home.translation.middleware.MachineTranslationUnavailableMiddleware",
    "companies.editors.middleware.CompanyEditorAdminMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The directory's covering index (companies.CompanyPage) is for PostgreSQL; SQLite
    # makes it a plain index, which is all it needs at one machine's scale.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]


def redis_caches(url, page_seconds):
    """The default cache (rate limits, Wagtail's site paths) and the page cache on one
    Redis, under separate prefixes; short socket timeouts, and misses rather than
    errors while Redis is down (kvarken/cache.py)."""
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    redis = {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": url, "OPTIONS": options}
    return {
        "default": {**redis, "KEY_PREFIX": "kvarken"},
        "pages": {**redis, "KEY_PREFIX": "kvarken-pages", "TIMEOUT": page_seconds},
    }


if env("REDIS_URL"):
    CACHES = redis_caches(env("REDIS_URL"), env("PAGE_CACHE_SECONDS"))
    PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
else:
    # One process, nothing shared: a cached page couldn't be invalidated in the others.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    PAGE_CACHE_SECONDS = 0
PAGE_CACHE_CDN_SECONDS = env("PAGE_CACHE_CDN_SECONDS")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in throttling (django-axes): the first backend refuses a locked-out sign-in before
# the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
TRUSTED_PROXIES = env("TRUSTED_PROXIES")
# Failures count per account AND address together: one address guessing one account's
# password is stopped after 5 failures for 15 minutes, while the account's owner signs in
# from anywhere else, and other accounts from that address are not affected. An account
# alone is not a key (anyone could lock its owner out everywhere) and neither is an
# address alone (an office or a fair's Wi-Fi shares one). Failures during a lockout are
# not counted, so it ends 15 minutes after the last counted one; a successful sign-in
# clears that account's and address's count.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
# Wagtail's sign-in page again, with the reason in the visitor's language (429).
AXES_LOCKOUT_CALLABLE = "core.login_throttling.lockout_response"
# No record of successful sign-ins (addresses and browsers of editors): not needed, and
# personal data to delete later. Failed attempts are deleted once they expire.
AXES_DISABLE_ACCESS_LOG = True

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
    "renditions": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Originals and documents in "default", image renditions in "renditions" (core.storage).
WAGTAILIMAGES_RENDITION_STORAGE = "core.storage.LazyRenditionStorage"
# Documents only through Wagtail's view, which checks their collection's privacy first,
# and then streams the file; never a link into MEDIA_URL (S3: a signed link, below).
WAGTAILDOCS_SERVE_METHOD = "serve_view"


def media_origins(bucket, region, endpoint_url, custom_domain):
    """The origins S3 media URLs point at: the CDN, the store's endpoint or AWS's hosts."""
    from urllib.parse import urlsplit

    origins = [f"https://{custom_domain}"] if custom_domain else []
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        origins.append(f"{parts.scheme}://{parts.netloc}")
    else:
        origins += [f"https://{bucket}.s3.amazonaws.com", "https://s3.amazonaws.com"]
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


def s3_storages(bucket, *, region="", endpoint_url="", custom_domain="", expire=300, acl=""):
    """STORAGES entries for media in an S3 bucket: private originals, public renditions."""
    common = {
        "bucket_name": bucket,
        "region_name": region or None,
        "endpoint_url": endpoint_url or None,
        "signature_version": "s3v4",
        "file_overwrite": False,  # a second "logo.png" gets its own name
        "default_acl": None,  # buckets with ACLs disabled (the AWS default) refuse ACLs
    }
    if endpoint_url:
        common.update(addressing_style="path", s3_compatible=True)
    return {
        "default": {
            "BACKEND": "core.storage.MediaStorage",
            "OPTIONS": {**common, "querystring_auth": True, "querystring_expire": expire},
        },
        "renditions": {
            "BACKEND": "core.storage.RenditionStorage",
            "OPTIONS": {
                **common,
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
                "default_acl": acl or None,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
    }


# Where media may load from besides this site (Content-Security-Policy).
CSP_MEDIA_SOURCES = []

if env("AWS_STORAGE_BUCKET_NAME"):
    CSP_MEDIA_SOURCES = media_origins(
        env("AWS_STORAGE_BUCKET_NAME"),
        env("AWS_S3_REGION_NAME"),
        env("AWS_S3_ENDPOINT_URL"),
        env("AWS_S3_CUSTOM_DOMAIN"),
    )
    STORAGES.update(
        s3_storages(
            env("AWS_STORAGE_BUCKET_NAME"),
            region=env("AWS_S3_REGION_NAME"),
            endpoint_url=env("AWS_S3_ENDPOINT_URL"),
            custom_domain=env("AWS_S3_CUSTOM_DOMAIN"),
            expire=env("AWS_QUERYSTRING_EXPIRE"),
            acl=env("AWS_RENDITIONS_ACL"),
        )
    )
    # Wagtail checks a document's collection privacy, then redirects to a signed URL.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# Publishing invalidates, in one batch, the page in every language, its feeds and
# calendars, and the listings that show it (home/operations/frontend_cache.py); Wagtail's
# own guess at other languages' URLs is switched off because our slugs are translated.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
        }
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
# The admin's "new Wagtail release" notice fetches from a third-party host: a leak of who
# edits when, and blocked by the admin's Content-Security-Policy. Upgrades go through
# pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False
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
# Formats Pillow decodes safely; no SVG (it can carry scripts). Wagtail refuses anything
# above the pixel cap before decoding it, so decompression bombs never reach memory.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Wagtail's forms, with a file Pillow can't decode (or a refused document) a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.media_forms.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Buyers' inquiries (companies/inquiries/models.py): retention, where inquiries to companies
# without a public email go, and rate limits as (attempts, seconds) per sender IP address
# and per company. The limits count in the cache: share it (Redis) across app servers.
INQUIRY_RETENTION_DAYS = env("INQUIRY_RETENTION_DAYS")

# Background tasks (django-tasks). Wagtail's own run in the request. The Company Catalogue
# takes minutes for hundreds of companies: with CATALOGUE_TASKS=queue (production's
# default) it is queued in the database and built by `manage.py db_worker --backend
# catalogue`; with CATALOGUE_TASKS=request (one machine, tests) it is built in the request.
IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
QUEUED_TASKS = "django_tasks_db.DatabaseBackend"


def catalogue_tasks(default):
    mode = env.str("CATALOGUE_TASKS", default=default)
    if mode not in ("queue", "request"):
        raise ImproperlyConfigured(f"CATALOGUE_TASKS is 'queue' or 'request', not {mode!r}.")
    return {"BACKEND": QUEUED_TASKS if mode == "queue" else IMMEDIATE_TASKS}


TASKS = {"default": {"BACKEND": IMMEDIATE_TASKS}, "catalogue": catalogue_tasks("request")}
INQUIRY_FALLBACK_EMAIL = env("INQUIRY_FALLBACK_EMAIL")
# Valid messages per hour (companies/inquiries/models.py, rate_limit_refusal): one sender (an
# address with an e-mail address), everyone behind one address, and the ceiling per
# company, which only stops floods.
INQUIRY_RATE_LIMITS = {"sender": (5, 3600), "address": (30, 3600), "company": (100, 3600)}

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Machine translation in the translation editor: DeepL with a key (keys ending ":fx" use
# DeepL's free API); without one, wagtail-localize shows no machine translation button.
if env("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.translation.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY"), "TIMEOUT": 20},
    }

# Country names (export markets) are shown in the visitor's language by django-countries.
COUNTRIES_FIRST = ["SE", "FI", "NO", "DK", "EE", "DE"]
COUNTRIES_FIRST_REPEAT = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF token from the cookie.
# Wagtail's and wagtail-localize's previews allow their own framing (SAMEORIGIN).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
