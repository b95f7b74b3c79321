"""Words and their base forms (lemmas) in English, Swedish and Finnish.

Finnish and Swedish inflect heavily ("tuulivoimaloiden" is a form of "tuulivoimala",
"laddinfrastrukturen" of "laddinfrastruktur"), and the stock stemmers of Elasticsearch and
PostgreSQL miss many such pairs (consonant gradation, definite forms). simplemma ships its
dictionaries inside the Python package, so every backend gets the same base forms: the
indexer adds the lemmas of a page's words to the page's text, and the query compiler lets
each query word match either itself or its lemma. Each backend's own language analyzer
still runs on top of both.
"""

import functools
import re

import simplemma

# Words are runs of letters and digits in any script ("å", "ä", "ö" included); everything
# else, query syntax characters among them, separates words.
WORD = re.compile(r"\w+", re.UNICODE)

# simplemma only knows these; other languages get the words themselves.
LEMMATISED_LANGUAGES = {"en", "sv", "fi"}

# bench/search_recall.py switches lemmas off to measure the stock analyzers alone.
ENABLED = True


def words(text):
    """The lower-cased words of a text, in order."""
    return [word.lower() for word in WORD.findall(text or "")]


@functools.lru_cache(maxsize=100_000)
def lemma(word, language):
    """The base form of one lower-cased word, or the word itself if simplemma doesn't know it.

    greedy=True also lemmatises the last part of compounds simplemma has never seen
    ("energieffektiviteten" -> "energieffektivitet"), which matters for Finnish and Swedish.
    """
    if language not in LEMMATISED_LANGUAGES or len(word) < 3:
        return word
    return simplemma.lemmatize(word, lang=language, greedy=True).lower()


def word_forms(word, language):
    """The forms a query word may match: the word as typed and its base form."""
    base = lemma(word, language) if ENABLED else word
    return [word] if base == word else [word, base]


def with_lemmas(text, language):
    """The text followed by the base forms of its words that differ from the word as written.

    This is what gets indexed: a page that says "tuulivoimaloiden" is found by
    "tuulivoimala" and by any other form whose lemma is "tuulivoimala".
    """
    if not ENABLED:
        return text or ""
    extra = []
    seen = set()
    for word in words(text):
        base = lemma(word, language)
        if base != word and base not in seen:
            seen.add(base)
            extra.append(base)
    if not extra:
        return text or ""
    return f"{text}\n{' '.join(extra)}"


def warm_up():
    """Load the three languages' dictionaries now (seconds, and about 600 MB) rather than
    in the first visitor's search. The app servers call it at start (kvarken/wsgi.py);
    with gunicorn's --preload the workers share what the master loaded."""
    for language in sorted(LEMMATISED_LANGUAGES):
        simplemma.lemmatize("warm", lang=language, greedy=True)
