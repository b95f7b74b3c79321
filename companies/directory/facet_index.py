"""A directory's facet index: for every value of every facet, which of the directory's
companies have it, as a bitmap (a Python int with one bit per company).

The directory's counts ask, for each facet, how many companies each of its values would
show under every other chosen facet: with bitmaps that is a few ANDs and a bit count per
value, microseconds for any number of companies, where reading every company's values
from the database took 130 ms at 10,000 companies (and more Python to count them).

Bit ``i`` is the ``i``-th company by name, so a bitmap's bits in order are its companies in
name order; ``newest`` holds the same positions newest first. The index is built from the
database in five queries and kept in the shared cache under the page cache's generation
(kvarken/page_cache.py), which every publish, unpublish, move, privacy rule and snippet
save renews: the first directory view after a change builds it again and stores it for
every app server. Without a shared cache it is built for every view."""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.db import connections

from core import page_cache

FACETS = ["sector", "country", "municipality", "certification", "market", "size", "offering"]
# Facets that are a many-to-many field of a company (the field's name).
MANY_TO_MANY = {"sector": "sectors", "certification": "certifications"}
# Bounds how long an index can outlive a change whose new generation was lost (Redis down
# at the moment of a publish), as PAGE_CACHE_SECONDS does for pages; rebuilding one every
# ten minutes costs nothing worth saving.
CACHE_SECONDS = 10 * 60
# Part of the cache key: raise it when FacetIndex's fields change or a pickled class moves
# to another module (a pickle names its classes' modules), so that a deploy never reads
# an index pickled by the code before it.
FORMAT = 2


@dataclass
class FacetIndex:
    keys: list  # the companies' keys in name order: bit i is keys[i]
    newest: list  # positions (bits) of the companies, newest first
    bitmaps: dict  # facet -> {value: bitmap of the companies with it}

    @property
    def everyone(self):
        return (1 << len(self.keys)) - 1

    @functools.cached_property
    def position(self):
        return {key: number for number, key in enumerate(self.keys)}

    def bitmap_of(self, keys):
        """The bitmap of these companies (keys not in the index are left out)."""
        bits = _Bits(len(self.keys))
        for key in keys:
            number = self.position.get(key)
            if number is not None:
                bits.add(number)
        return bits.bitmap()

    def keys_in_name_order(self, bitmap):
        return [self.keys[number] for number in positions(bitmap)]

    def keys_newest_first(self, bitmap):
        chosen = set(positions(bitmap))
        return [self.keys[number] for number in self.newest if number in chosen]

    def has(self, key, bitmap):
        number = self.position.get(key)
        return number is not None and bool(bitmap >> number & 1)


def positions(bitmap):
    """The numbers of the bits set in ``bitmap``, lowest first."""
    return [number for number, bit in enumerate(reversed(bin(bitmap)[2:])) if bit == "1"]


class _Bits:
    """A bitmap being built one bit at a time (an int would be copied for each)."""

    def __init__(self, size):
        self.bytes = bytearray((size + 7) // 8)

    def add(self, number):
        self.bytes[number >> 3] |= 1 << (number & 7)

    def bitmap(self):
        return int.from_bytes(self.bytes, "little")


def for_directory(directory, companies):
    """The index of ``companies`` (the directory page's listed companies), from the shared
    cache when nothing has changed since it was built."""
    cache = caches[page_cache.CACHE_ALIAS]
    key = f"facet-index:{FORMAT}:{directory.pk}"
    generation, index = page_cache.current_generation(cache, key)
    if index is None:
        index = build(companies)
        if generation is not None:
            cache.set(key, (generation, index), CACHE_SECONDS)
    return index


def build(companies):
    """The index of the companies in this queryset, in five queries: their own columns in
    name order, their keys newest first, and the links of each many-to-many facet."""
    rows = _rows(
        companies.order_by("title", "pk"),
        "pk",
        "size_band",
        "municipality__key",
        "municipality__country",
        "export_markets",
        "offering_kinds",
    )
    keys = [row[0] for row in rows]
    position = {key: number for number, key in enumerate(keys)}
    newest = [
        position[key]
        for (key,) in _rows(companies.order_by("-first_published_at", "title", "pk"), "pk")
        if key in position  # not published between the two queries
    ]
    values = {name: {} for name in FACETS}

    def add(name, value, number):
        if value:
            bits = values[name].get(value)
            if bits is None:
                bits = values[name][value] = _Bits(len(keys))
            bits.add(number)

    for number, (_key, size, municipality, country, markets, offerings) in enumerate(rows):
        add("size", size, number)
        add("municipality", municipality, number)
        add("country", country, number)
        for market in _listed(markets):
            add("market", market, number)
        for offering in _listed(offerings):
            add("offering", offering, number)
    for name in MANY_TO_MANY:
        linked = links(name).filter(companypage__in=companies.order_by().values("pk"))
        for key, value in _rows(linked, "companypage_id", f"{name}__key"):
            if key in position:
                add(name, value, position[key])
    bitmaps = {
        name: {value: bits.bitmap() for value, bits in found.items()}
        for name, found in values.items()
    }
    return FacetIndex(keys=keys, newest=newest, bitmaps=bitmaps)


def links(name):
    """The link table between companies (``companypage``) and one many-to-many facet's
    terms (the field named as the facet: ``sector``, ``certification``). The model comes
    from the app registry: companies/models.py builds on this module, never the reverse."""
    company_page = apps.get_model("companies", "CompanyPage")
    return getattr(company_page, MANY_TO_MANY[name]).through.objects


def _rows(queryset, *fields):
    """Plain tuples of ``fields`` for every row of ``queryset``: the SQL Django writes for
    it, without a Python object per value (an index reads thousands of rows)."""
    try:
        sql, params = queryset.values_list(*fields).query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing, such as pk__in=[]
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _listed(text):
    """ "DE,NO" or ",product,service," -> ["DE", "NO"] or ["product", "service"]."""
    text = (text or "").strip(",")
    return text.split(",") if text else []
