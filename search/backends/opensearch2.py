"""Wagtail's opensearch2 backend, language-aware. The test suite and bench/ run on it
(a real OpenSearch 2.19 node, site/services/opensearch/)."""

from modelsearch.backends import opensearch2 as base

from .language import (
    KeysResultsMixin,
    LanguageBackendMixin,
    LanguageMappingMixin,
    LanguageQueryCompilerMixin,
    SearchableAtOnceIndexMixin,
)


class Mapping(LanguageMappingMixin, base.OpenSearch2Mapping):
    pass


class Index(SearchableAtOnceIndexMixin, base.OpenSearch2Index):
    pass


class QueryCompiler(LanguageQueryCompilerMixin, base.OpenSearch2SearchQueryCompiler):
    mapping_class = Mapping


class AutocompleteQueryCompiler(base.OpenSearch2AutocompleteQueryCompiler):
    mapping_class = Mapping


class SearchResults(KeysResultsMixin, base.OpenSearch2SearchResults):
    pass


class SearchBackend(LanguageBackendMixin, base.OpenSearch2SearchBackend):
    mapping_class = Mapping
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults
