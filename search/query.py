"""From what a visitor typed to a Wagtail search query, in the visitor's language.

Each word may match itself or its base form (search/lemmas.py), all words must match, and
a run of words that is a glossary term (in any of the three languages) may instead match
any other term of the same glossary entry.
"""

from dataclasses import dataclass, field

from wagtail.search.query import And, Or, PlainText

from .lemmas import lemma, word_forms, words
from .models import GlossaryEntry

# Longer queries are cut: no visitor types more, and every word adds to the query's cost.
MAX_WORDS = 12


@dataclass
class Glossary:
    """Glossary terms as lemma sequences, per language: [(language, lemmas, entry index)]."""

    entries: list = field(default_factory=list)  # each: {language: [term, ...]}
    phrases: list = field(default_factory=list)

    @classmethod
    def load(cls):
        glossary = cls()
        for entry in GlossaryEntry.objects.all():
            glossary.add(entry.terms())
        return glossary

    def add(self, terms):
        number = len(self.entries)
        self.entries.append(terms)
        for language, phrases in terms.items():
            for phrase in phrases:
                lemmas = tuple(lemma(word, language) for word in words(phrase))
                if lemmas:
                    self.phrases.append((language, lemmas, number))

    def find(self, query_words, language):
        """{(start, end): entry number} for non-overlapping glossary terms in the query.

        Terms are looked for in every language, so an English term typed on the Swedish
        site is recognised; each language's own lemmas are used to compare."""
        lemmas_in = {}
        found = {}
        taken = set()
        languages = [language] + [other for other in ("en", "sv", "fi") if other != language]
        # Longest phrases first ("solar heat pump" wins over "heat pump"), then the
        # visitor's own language.
        for phrase_language, phrase, number in sorted(
            self.phrases, key=lambda item: (-len(item[1]), languages.index(item[0]))
        ):
            if phrase_language not in lemmas_in:
                lemmas_in[phrase_language] = [lemma(w, phrase_language) for w in query_words]
            query_lemmas = lemmas_in[phrase_language]
            size = len(phrase)
            for start in range(len(query_words) - size + 1):
                span = set(range(start, start + size))
                if span & taken:
                    continue
                if (
                    tuple(query_lemmas[start : start + size]) == phrase
                    or tuple(query_words[start : start + size]) == phrase
                ):
                    found[(start, start + size)] = number
                    taken |= span
        return found

    def alternatives(self, number):
        """Every term of an entry, in every language."""
        return [phrase for phrases in self.entries[number].values() for phrase in phrases]


def _word_query(word, language):
    forms = word_forms(word, language)
    if len(forms) == 1:
        return PlainText(forms[0])
    return Or([PlainText(form) for form in forms])


def _all(queries):
    return queries[0] if len(queries) == 1 else And(queries)


def build_query(text, language, glossary=None):
    """The search query for ``text`` in ``language``, or None if the text holds no words."""
    query_words = words(text)[:MAX_WORDS]
    if not query_words:
        return None
    spans = glossary.find(query_words, language) if glossary else {}
    parts = []
    position = 0
    while position < len(query_words):
        span = next(((s, e) for (s, e) in spans if s == position), None)
        if span is None:
            parts.append(_word_query(query_words[position], language))
            position += 1
            continue
        start, end = span
        as_typed = _all([_word_query(word, language) for word in query_words[start:end]])
        others = [
            PlainText(" ".join(words(term)), operator="and")
            for term in glossary.alternatives(spans[span])
        ]
        parts.append(Or([as_typed] + others))
        position = end
    return _all(parts)


def query_lemmas(text, language):
    """The words of the query and their base forms: what a hit's summary highlights."""
    forms = set()
    for word in words(text)[:MAX_WORDS]:
        forms.update(word_forms(word, language))
    return forms
