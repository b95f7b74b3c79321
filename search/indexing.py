"""What a page puts into the search index, in its own language."""

from wagtail.search import index

from .backends.language import language_search_fields
from .lemmas import with_lemmas

__all__ = ["LanguageIndexed", "language_search_fields"]


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    return str(value)


class LanguageIndexed:
    """Mixin for translatable indexed models (pages) with a ``search_text_xx`` field for
    each language (language_search_fields()). Only the field of the object's own language
    is filled: the text of every other SearchField plus ``search_extra_text()``, followed
    by the lemmas of its words.
    """

    def search_extra_text(self):
        """Text that isn't in a SearchField but should find the page (e.g. term names)."""
        return ""

    def search_document(self, include_extra=True):
        """The page's searchable text; ``include_extra=False`` leaves out
        search_extra_text(), which may query the database (search summaries do that)."""
        parts = [
            _plain(field.get_value(self))
            for field in self.get_search_fields()
            if isinstance(field, index.SearchField)
            and not field.field_name.startswith("search_text_")
        ]
        if include_extra:
            parts.append(self.search_extra_text())
        return "\n".join(part for part in parts if part)

    def search_text(self, language):
        """The indexed text for ``language``: empty unless the object is written in it.

        The model defines ``search_text_en()`` etc. calling this: the search backends name
        a field after the model class that defines it, so that class must be a model."""
        if self.locale.language_code != language:
            return ""
        return with_lemmas(self.search_document(), language)
