"""The company directory's facets: filters in the URL, counts under the current filters,
sorting, and a text query through the site search (search.service).

Each facet is one parameter that may repeat (``?sector=energy&sector=hydrogen``): values
of one facet are alternatives, facets combine. A facet's counts are computed with every
other facet applied, so each count says how many companies that choice would show: all
of them from one pass over the directory's companies' facet values (three queries), the
listed page from the database. A fixed number of queries, whatever the number of
companies."""

import operator
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from itertools import chain
from operator import itemgetter

from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.taxonomy import Certification, Country, Municipality, Sector
from search import service as search_service

from .blocks import OFFERING_KINDS

LOGO_RENDITION = "fill-160x160|format-webp"
MAX_TEXT_MATCHES = 1000


def _any(lookup, values, wrap="{}"):
    return reduce(operator.or_, [Q(**{lookup: wrap.format(value)}) for value in values])


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""  # this page with the option toggled


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


class DirectoryForm(forms.Form):
    """What the URL may hold; unknown values are reported, not guessed."""

    sector = forms.MultipleChoiceField(label=_("Sector"), required=False)
    country = forms.MultipleChoiceField(label=_("Country"), required=False, choices=Country.choices)
    municipality = forms.MultipleChoiceField(label=_("Municipality"), required=False)
    certification = forms.MultipleChoiceField(label=_("Certification"), required=False)
    market = forms.MultipleChoiceField(label=_("Export market"), required=False)
    size = forms.MultipleChoiceField(label=_("Size"), required=False)
    offering = forms.MultipleChoiceField(label=_("Offers"), required=False, choices=OFFERING_KINDS)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("", _("Best match")), ("name", _("Name")), ("newest", _("Newest"))],
    )

    def __init__(self, data, labels):
        super().__init__(data)
        for name in ("sector", "municipality", "certification"):
            self.fields[name].choices = sorted(labels[name].items(), key=lambda item: item[1])
        from .models import SizeBand

        self.fields["size"].choices = SizeBand.choices
        self.fields["market"].choices = list(countries)  # names in the visitor's language


FACETS = ["sector", "country", "municipality", "certification", "market", "size", "offering"]
# Facets that are one column of a company, or of a related object.
COLUMNS = {
    "sector": "sectors__key",
    "certification": "certifications__key",
    "municipality": "municipality__key",
    "country": "municipality__country",
    "size": "size_band",
}
MANY_TO_MANY = {"sector", "certification"}
POSITION = {name: number for number, name in enumerate(FACETS)}  # in facet_values() lists


def facet_filter(name, values):
    if name in MANY_TO_MANY:
        # Through a subquery, so a company matching two sectors is still one row; of the
        # link table alone (the companies are joined in the outer query anyway).
        links = _links(name).filter(**{f"{name}__key__in": values})
        return Q(pk__in=links.values("companypage"))
    if name in COLUMNS:
        return Q(**{f"{COLUMNS[name]}__in": values})
    if name == "market":
        return _any("export_markets__contains", values)
    if name == "offering":
        return _any("offering_kinds__contains", values, wrap=",{},")
    raise ValueError(name)


def taxonomy_labels(locale):
    """key -> name in the visitor's language (the default language's where untranslated)."""
    labels = {}
    for name, model in (
        ("sector", Sector),
        ("municipality", Municipality),
        ("certification", Certification),
    ):
        names = {}
        for key, term_name, is_active in (
            model.objects.filter(locale__in=[locale, Locale.get_default()])
            .order_by("locale_id")
            .values_list("key", "name", "locale_id")
        ):
            if is_active == locale.pk or key not in names:
                names[key] = term_name
        labels[name] = names
    return labels


def _links(name):
    """The link table between companies (``companypage``) and one many-to-many facet's
    terms (the field named as the facet: ``sector``, ``certification``)."""
    from .models import CompanyPage

    return getattr(CompanyPage, COLUMNS[name].split("__")[0]).through.objects


def _rows(queryset, *fields):
    """Plain tuples of ``fields`` for every row of ``queryset``: the SQL Django writes for
    it, without a Python object per value (a directory reads thousands of rows)."""
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


def facet_values(queryset):
    """{company key: [its values of each facet, in the order of FACETS]} for every company
    in ``queryset``, in three queries: its own columns, then the links of each many-to-many
    facet. Lists and tuples rather than sets: built for thousands of companies a view."""
    companies = {}
    for pk, size, municipality, country, markets, offerings in _rows(
        queryset.order_by(),
        "pk",
        "size_band",
        "municipality__key",
        "municipality__country",
        "export_markets",
        "offering_kinds",
    ):
        values = [()] * len(FACETS)
        values[POSITION["country"]] = (country,) if country else ()
        values[POSITION["municipality"]] = (municipality,) if municipality else ()
        values[POSITION["market"]] = _listed(markets)
        values[POSITION["size"]] = (size,) if size else ()
        values[POSITION["offering"]] = _listed(offerings)
        for name in MANY_TO_MANY:
            values[POSITION[name]] = []  # filled from the links below
        companies[pk] = values
    for name in MANY_TO_MANY:
        links = _links(name).filter(companypage__in=queryset.order_by().values("pk"))
        for pk, key in _rows(links, "companypage_id", f"{name}__key"):
            if pk in companies:  # not published between the two queries
                companies[pk][POSITION[name]].append(key)
    return companies


@dataclass
class Counts:
    facets: dict  # facet -> {value: companies with it among those every other facet passes}
    matching: set  # keys of the companies every facet passes
    without: dict  # facet -> how many companies pass every other facet


def count(companies, chosen):
    """Each facet's counts under every other chosen facet, in one pass over the companies
    (facet_values()): a company that fails two chosen facets counts nowhere, one that fails
    one counts only in that facet, one that passes all counts in every facet."""
    wanted = [(number, set(chosen[name])) for number, name in enumerate(FACETS) if chosen.get(name)]
    passing = []  # the facet values of companies that pass every facet
    matching = set()
    failing_one = [[] for _name in FACETS]  # per facet: values of those failing only it
    for pk, values in companies.items():
        failed = None
        for number, accepted in wanted:
            if accepted.isdisjoint(values[number]):
                if failed is not None:
                    break
                failed = number
        else:
            if failed is None:
                passing.append(values)
                matching.add(pk)
            else:
                failing_one[failed].append(values[failed])
    facets, without = {}, {}
    for number, name in enumerate(FACETS):
        lists = chain(map(itemgetter(number), passing), failing_one[number])
        facets[name] = Counter(chain.from_iterable(lists))
        without[name] = len(passing) + len(failing_one[number])
    return Counts(facets, matching, without)


@dataclass
class Directory:
    companies: list
    page_obj: object
    facets: list
    form: DirectoryForm
    query: str
    sort: str
    total: int
    loosen: list  # when nothing matches: each chosen option, and the count without its facet
    valid: bool

    @property
    def selected(self):
        return [(facet, option) for facet in self.facets for option in facet.selected]


def browse(index, request, per_page):
    from .models import CompanyPage

    locale = Locale.get_active()
    labels = taxonomy_labels(locale)
    form = DirectoryForm(request.GET, labels)
    valid = form.is_valid()  # an invalid field is left out of cleaned_data, not guessed
    chosen = {name: form.cleaned_data.get(name) or [] for name in FACETS}
    query = search_service.query_text(request)
    sort = form.cleaned_data.get("sort") or ("" if query else "name")  # best match needs a text

    base = CompanyPage.objects.child_of(index).live().public()
    ranked = None
    if query:
        ranked = search_service.matching_ids(base, query, get_language(), limit=MAX_TEXT_MATCHES)
        base = base.filter(pk__in=ranked)

    counted = count(facet_values(base), chosen)
    facets = []
    for name in FACETS:
        numbers = counted.facets[name]
        # The form's choices are in display order: sizes small to large, names A to Z.
        options = [
            Option(value, label, numbers.get(value, 0), value in chosen[name])
            for value, label in form.fields[name].choices
            if numbers.get(value) or value in chosen[name]
        ]
        facets.append(Facet(name, form.fields[name].label, options))

    params = request.GET.copy()
    params.pop("page", None)
    for facet in facets:
        for option in facet.options:
            toggled = params.copy()
            values = [v for v in toggled.getlist(facet.name) if v != option.value]
            if not option.selected:
                values.append(option.value)
            toggled.setlist(facet.name, values)
            option.url = f"?{toggled.urlencode()}"

    if sort == "" and ranked is not None:
        ordered_ids = [pk for pk in ranked if pk in counted.matching]
    else:
        results = base
        for name, values in chosen.items():
            if values:
                results = results.filter(facet_filter(name, values))
        ordering = ["-first_published_at", "title"] if sort == "newest" else ["title"]
        # Every match's key in order (narrow rows, and no separate count), then the
        # cards of one page of them.
        ordered_ids = [pk for (pk,) in _rows(results.order_by(*ordering), "pk")]
    page_obj = Paginator(ordered_ids, per_page).get_page(request.GET.get("page"))
    page_obj.object_list = _cards_in_order(list(page_obj.object_list), locale)
    total = len(ordered_ids)

    loosen = []
    if total == 0:
        for facet in facets:
            for option in facet.selected:
                loosen.append(
                    {
                        "facet": facet.label,
                        "option": option.label,
                        "count": counted.without[facet.name],
                        "url": option.url,
                    }
                )
    return Directory(
        companies=page_obj.object_list,
        page_obj=page_obj,
        facets=facets,
        form=form,
        query=query,
        sort=sort,
        total=total,
        loosen=loosen,
        valid=valid,
    )


def _cards_in_order(keys, locale):
    """The cards of the companies with these keys, in the keys' order."""
    from .models import CompanyPage

    by_pk = {c.pk: c for c in _cards(CompanyPage.objects.filter(pk__in=keys), locale)}
    return [by_pk[pk] for pk in keys if pk in by_pk]


def _cards(queryset, locale):
    """Companies for the cards, with logos and their renditions and the municipality's
    name in the visitor's language fetched up front (a fixed number of queries)."""
    companies = list(
        queryset.select_related("municipality").prefetch_related(
            Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_RENDITION))
        )
    )
    keys = {c.municipality.translation_key for c in companies if c.municipality}
    local = {
        m.translation_key: m.name
        for m in Municipality.objects.filter(translation_key__in=keys, locale=locale)
    }
    for company in companies:
        if company.municipality:
            company.place_name = local.get(
                company.municipality.translation_key, company.municipality.name
            )
    return companies
