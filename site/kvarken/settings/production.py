"""
Production: refuses to start without its secrets, and says which is missing.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import catalogue_tasks, env

_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + ", ".join(_missing)
        + " (see .env.example)."
    )

DEBUG = False
# Connections kept between requests, and checked before a request reuses one: a
# restarted database costs no failed request once it is back.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The Company Catalogue is built by a worker: run `manage.py db_worker --backend catalogue`.
TASKS["catalogue"] = catalogue_tasks("queue")  # noqa: F405 (TASKS from base)
