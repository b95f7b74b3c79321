"""Wagtail's opensearch2 backend, language-aware. The test suite and bench/ run on it
(a real OpenSearch 2.19 node, site/services/opensearch/)."""

from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

from .language import language_aware

SearchBackend = language_aware(OpenSearch2SearchBackend)
