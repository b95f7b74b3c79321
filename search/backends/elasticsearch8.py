"""Wagtail's elasticsearch8 backend, language-aware: production search."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .language import language_aware

SearchBackend = language_aware(Elasticsearch8SearchBackend)
