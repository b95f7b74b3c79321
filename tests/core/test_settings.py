"""Configuration: production refuses to start without its secrets; entry points work."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_python

REPO = Path(__file__).resolve().parents[2]


LOAD_PRODUCTION = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.production';"
    "from django.conf import settings; print(settings.DEBUG)"
)


@pytest.mark.parametrize(
    "env, missing",
    [
        ({}, "SECRET_KEY, ALLOWED_HOSTS"),
        ({"SECRET_KEY": "s" * 50}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "kvarken.example"}, "SECRET_KEY"),
    ],
)
def test_production_settings_name_each_missing_variable(env, missing):
    result = run_python(LOAD_PRODUCTION, **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"need these environment variables: {missing}" in result.stderr


def test_production_settings_start_with_their_variables():
    result = run_python(LOAD_PRODUCTION, SECRET_KEY="s" * 50, ALLOWED_HOSTS="kvarken.example")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_gunicorn_loads_the_application_from_the_repo_root():
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), "--check-config", "kvarken.wsgi:application"],
        cwd=REPO,
        env={
            **os.environ,
            "SECRET_KEY": "s" * 50,
            "ALLOWED_HOSTS": "kvarken.example",
            "DJANGO_SETTINGS_MODULE": "kvarken.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_test_settings_refuse_sqlite():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.test';"
        "from django.conf import settings; settings.DATABASES",
        DATABASE_URL="sqlite:///tmp.db",
    )
    assert result.returncode != 0
    assert "The test suite runs on PostgreSQL" in result.stderr


def test_dev_settings_default_to_sqlite_and_database_search():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "search.backends.database",
    ]


@pytest.mark.parametrize(
    "variable, backend",
    [
        ("ELASTICSEARCH_URL", "search.backends.elasticsearch8"),
        ("OPENSEARCH_URL", "search.backends.opensearch2"),
    ],
)
def test_a_search_server_url_selects_it_with_the_database_as_fallback(variable, backend):
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS;"
        "print(b['default']['BACKEND'], b['default']['URLS'][0], b['database']['BACKEND'])",
        **{variable: "https://user:secret@search.internal:9200"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        backend,
        "https://user:secret@search.internal:9200",
        "search.backends.database",
    ]


def test_a_bucket_name_puts_media_in_s3_with_private_originals_and_public_renditions():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings; s = settings.STORAGES;"
        "d, r = s['default'], s['renditions'];"
        "print(d['BACKEND'], d['OPTIONS']['bucket_name'], d['OPTIONS']['querystring_auth'],"
        " r['OPTIONS']['querystring_auth'], r['OPTIONS']['custom_domain'],"
        " settings.WAGTAILDOCS_SERVE_METHOD)",
        AWS_STORAGE_BUCKET_NAME="kvarken-media",
        AWS_S3_CUSTOM_DOMAIN="media.kvarken-cleantech.example",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "core.storage.MediaStorage",
        "kvarken-media",
        "True",
        "False",
        "media.kvarken-cleantech.example",
        "redirect",
    ]


def test_without_a_bucket_media_stays_in_a_local_folder():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings; s = settings.STORAGES;"
        "print(s['default']['BACKEND'], s['renditions']['BACKEND'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.files.storage.FileSystemStorage"] * 2


def test_a_cloudfront_distribution_enables_invalidation_through_wagtail():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='kvarken.settings.dev';"
        "from django.conf import settings; c = settings.WAGTAILFRONTENDCACHE['cloudfront'];"
        "print(c['BACKEND'], c['DISTRIBUTION_ID'], settings.WAGTAILFRONTENDCACHE_LANGUAGES)",
        CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE12345",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "E2EXAMPLE12345",
        "[]",
    ]
