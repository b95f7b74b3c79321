"""Wagtail's database backend, language-aware on PostgreSQL.

PostgreSQL keeps one tsvector per page: each page's is built with the text-search
configuration of the page's language, and each query with that of the visitor's
language (results are filtered to the visitor's locale, so the two always agree).
Other databases (SQLite in the embedded default) use Wagtail's backend as it is.
"""

import contextlib
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as wagtail_database_backend
from modelsearch.backends.database.postgres import postgres

from .language import ANALYZERS


def object_language(obj):
    return obj.locale.language_code if getattr(obj, "locale_id", None) else None


class PostgresLanguageIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for(object_language(obj))].append(obj)
        for config, group in by_config.items():
            with self.backend.using_config(config):
                super().add_items(model, group)


class PostgresLanguageSearchBackend(postgres.PostgresSearchBackend):
    index_class = PostgresLanguageIndex

    def __init__(self, params):
        super().__init__(params)
        # Objects without a language (images, documents) and searches that name none (the
        # admin's) keep the configured default: SEARCH_CONFIG, else the server's own.
        self.default_config = self.config

    def config_for(self, language):
        return ANALYZERS.get(language, self.default_config)

    @contextlib.contextmanager
    def using_config(self, config):
        previous, self.config = self.config, config
        try:
            yield
        finally:
            self.config = previous

    def language_search_kwargs(self, language):
        # get_search_backend() builds a new backend for every search, so this is safe.
        self.config = self.config_for(language)
        return {}


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return PostgresLanguageSearchBackend(params)
    return wagtail_database_backend(params)
