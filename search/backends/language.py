"""The language-aware parts shared by the Elasticsearch and OpenSearch backends."""

from wagtail.search import index

# Each site language's analysis, by a name that Elasticsearch 8 and OpenSearch 2 (built-in
# analyzers, module analysis-common) and PostgreSQL (text search configurations) share.
ANALYZERS = {"en": "english", "sv": "swedish", "fi": "finnish"}


def language_field(language):
    """The index field that holds text written in ``language`` (see LanguageMappingMixin)."""
    return f"_text_{language}"


def language_search_fields():
    """SearchFields for the per-language text of a page (LanguageIndexed.search_text_xx).

    On Elasticsearch each is copied into the index-wide ``_text_xx`` field instead of the
    catch-all ``_all_text``: a field defined on a page type is stored under a name prefixed
    with that type, and searching Page (all types at once) needs one name per language.
    """
    return [
        index.SearchField(
            f"search_text_{language}",
            es_extra={
                "include_in_all": False,
                "copy_to": language_field(language),
                "analyzer": analyzer,
            },
        )
        for language, analyzer in ANALYZERS.items()
    ]


class LanguageMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        for language, analyzer in ANALYZERS.items():
            mapping["properties"][language_field(language)] = {
                "type": "text",
                "analyzer": analyzer,
            }
        return mapping


class LanguageQueryCompilerMixin:
    """Lets ``fields`` name the index-wide ``_text_xx`` fields."""

    def check(self):
        fields = self.fields
        self.fields = [name for name in fields or [] if not name.startswith("_text_")] or None
        try:
            super().check()
        finally:
            self.fields = fields

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        # A word the analyzer drops (a stop word: "the", "och", "ja") would otherwise make
        # an all-words query match nothing; PostgreSQL leaves such words out too.
        inner = compiled.get("multi_match") or next(iter(compiled["match"].values()))
        inner["zero_terms_query"] = "all"
        return compiled

    def _remap_fields(self, fields):
        from modelsearch.backends.elasticsearchbase import Field

        own = [Field(name) for name in fields or [] if name.startswith("_text_")]
        others = [name for name in fields or [] if not name.startswith("_text_")]
        if own:
            return own + (super()._remap_fields(others) if others else [])
        return super()._remap_fields(fields)


class LanguageBackendMixin:
    def language_search_kwargs(self, language):
        """Extra keyword arguments for ``search()`` in ``language``."""
        if language in ANALYZERS:
            # Title again, with its boost, so that title matches rank first.
            return {"fields": [language_field(language), "title"]}
        return {}


class KeysResultsMixin:
    def keys(self, limit):
        """The primary keys of the best ``limit`` hits, in order: one request, and no
        database lookup of the hits (which for a thousand pages costs more than the search).
        A caller filters them in the database anyway (search/service.py's matching_ids)."""
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            _source=False,
            size=limit,
            **{self.fields_param_name: "pk"},
        )
        key = self.query_compiler.queryset.model._meta.pk
        return [key.to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


class SearchableAtOnceIndexMixin:
    """A page published, unpublished or deleted is searchable as it is now when the call
    returns, not at the server's next refresh (up to a second later): the page cache is
    emptied right after, and a search page rendered in that second would otherwise be
    cached without the change for PAGE_CACHE_SECONDS. Bulk indexing (update_index) keeps
    the server's own refresh; editors publish a few pages an hour, not a stream."""

    def add_item(self, item):
        super().add_item(item)
        self.refresh()

    def delete_item(self, item):
        super().delete_item(item)
        self.refresh()


def language_aware(base_backend):
    """The language-aware version of one of modelsearch's search-server backends
    (Elasticsearch 8, OpenSearch 2): the same mixins over whichever classes it uses, so
    that production's backend and the one the suite runs on can't drift apart."""

    class Mapping(LanguageMappingMixin, base_backend.mapping_class):
        pass

    class Index(SearchableAtOnceIndexMixin, base_backend.index_class):
        pass

    class QueryCompiler(LanguageQueryCompilerMixin, base_backend.query_compiler_class):
        mapping_class = Mapping

    class AutocompleteQueryCompiler(base_backend.autocomplete_query_compiler_class):
        mapping_class = Mapping

    class SearchResults(KeysResultsMixin, base_backend.results_class):
        pass

    class SearchBackend(LanguageBackendMixin, base_backend):
        mapping_class = Mapping
        index_class = Index
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler
        results_class = SearchResults

    SearchBackend.__name__ = SearchBackend.__qualname__ = f"Language{base_backend.__name__}"
    return SearchBackend
