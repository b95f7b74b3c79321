"""The few lines shown under each search hit, with the query's words marked."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .lemmas import WORD, lemma

WINDOW = 30  # words in a summary


def _candidate_texts(page):
    for name in ("pitch", "intro", "search_description"):
        value = getattr(page, name, "")
        if value:
            yield str(value)
    yield page.search_document(include_extra=False)


def summary(page, forms, language):
    """An excerpt of the page around the first word that matches the query, the matching
    words wrapped in <mark>. ``forms`` are the query words and their lemmas."""
    best, best_score = None, -1
    wanted = len({lemma(form, language) for form in forms})
    for text in _candidate_texts(page):
        tokens = list(WORD.finditer(text))
        hits = [
            i
            for i, token in enumerate(tokens)
            if token.group().lower() in forms or lemma(token.group().lower(), language) in forms
        ]
        # The text that shows most of the query's different words wins; the earliest on a tie.
        score = len({lemma(tokens[i].group().lower(), language) for i in hits})
        if score > best_score:
            best, best_score = (text, tokens, hits), score
        if score >= wanted:
            break  # the shortest text that shows every query word
    text, tokens, hits = best
    if not tokens:
        return ""
    first = max(0, hits[0] - WINDOW // 3) if hits else 0
    last = min(len(tokens), first + WINDOW)
    start = 0 if first == 0 else tokens[first].start()
    end = len(text) if last == len(tokens) else tokens[last - 1].end()
    marked = set(hits)
    html, position = [], start
    for i in range(first, last):
        token = tokens[i]
        if i in marked:
            html.append(escape(text[position : token.start()]))
            html.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    html.append(escape(text[position:end]))
    excerpt = "".join(html).strip()
    return mark_safe(("… " if start else "") + excerpt + (" …" if end < len(text) else ""))
