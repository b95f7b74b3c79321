"""
The test suite's settings, the same locally and in CI.

Built on base (not dev). The database is PostgreSQL, from DATABASE_URL as set by
`make test` (site/scripts/postgres.sh starts the server; site/scripts/opensearch.sh
starts the search node for the tests that need one).
"""

import os

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
if not env("DATABASE_URL").startswith("postgres"):
    raise RuntimeError(
        "The test suite runs on PostgreSQL: set DATABASE_URL=postgres://... "
        "(`make test` starts a server and sets it)."
    )
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WAGTAILADMIN_BASE_URL = "http://testserver"

# Tests search the database backend (PostgreSQL) unless they ask for the real OpenSearch
# node that `make test` starts (the `search_server` fixture, tests/conftest.py): a shared
# search server would otherwise carry one test's pages into the next.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
TEST_OPENSEARCH_URL = env.str("TEST_OPENSEARCH_URL", default="")
TEST_S3_ENDPOINT_URL = env.str("TEST_S3_ENDPOINT_URL", default="")
# Pages are cached only in the tests that ask for the Redis server `make test` starts
# (the `page_cache` fixture), each under its own key prefix.
TEST_REDIS_URL = env.str("TEST_REDIS_URL", default="")

# The browser tests drive Chromium with Playwright's synchronous API, which runs an event
# loop in the test's thread; Django would then refuse the test's own database queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
