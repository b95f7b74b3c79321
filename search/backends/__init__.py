"""Wagtail search backends that know which language each page is written in.

Every backend indexes a page's text together with the lemmas of its words (search/lemmas.py)
and searches in the visitor's language:

- elasticsearch8 / opensearch2: each language's text goes to its own field (`_text_en`,
  `_text_sv`, `_text_fi`) analysed by that language's built-in analyzer;
- database (PostgreSQL): each page's vector uses its language's text-search configuration
  (english, swedish, finnish), and so does the query;
- database (SQLite, the embedded default): lemmas only, no stemming.
"""
