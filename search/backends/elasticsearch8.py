"""Wagtail's elasticsearch8 backend, language-aware: production search."""

from modelsearch.backends import elasticsearch8 as base

from .language import (
    KeysResultsMixin,
    LanguageBackendMixin,
    LanguageMappingMixin,
    LanguageQueryCompilerMixin,
    SearchableAtOnceIndexMixin,
)


class Mapping(LanguageMappingMixin, base.Elasticsearch8Mapping):
    pass


class Index(SearchableAtOnceIndexMixin, base.Elasticsearch8Index):
    pass


class QueryCompiler(LanguageQueryCompilerMixin, base.Elasticsearch8SearchQueryCompiler):
    mapping_class = Mapping


class AutocompleteQueryCompiler(base.Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = Mapping


class SearchResults(KeysResultsMixin, base.Elasticsearch8SearchResults):
    pass


class SearchBackend(LanguageBackendMixin, base.Elasticsearch8SearchBackend):
    mapping_class = Mapping
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults
