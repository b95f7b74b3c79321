"""The company directory's facets: filters in the URL, counts under the current filters,
sorting, and a text query through the site search (search.service).

Each facet is one parameter that may repeat (``?sector=energy&sector=hydrogen``): values
of one facet are alternatives, facets combine. A facet's counts are computed with every
other facet applied, so each count says how many companies that choice would show: all
of them from the directory's facet index (companies/directory/facet_index.py), which also gives the
matches in order; the listed page's cards come from the database. A fixed number of
queries, and counts that cost microseconds, whatever the number of companies.

companies/models.py serves the directory from here, so this module never imports the
models: it looks CompanyPage up in the app registry (company_model()) when it runs."""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.renditions import prefetched_rendition
from home.taxonomy import Certification, Country, Municipality, Sector
from search import service as search_service

from ..blocks import OFFERING_KINDS
from . import facet_index
from .facet_index import FACETS, MANY_TO_MANY

LOGO_RENDITION = "fill-160x160|format-webp"
MAX_TEXT_MATCHES = 1000


def company_model():
    return apps.get_model("companies", "CompanyPage")


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
        self.fields["size"].choices = company_model()._meta.get_field("size_band").choices
        self.fields["market"].choices = list(countries)  # names in the visitor's language


# Facets that are one column of a company, or of its municipality.
COLUMNS = {
    "municipality": "municipality__key",
    "country": "municipality__country",
    "size": "size_band",
}


def facet_filter(name, values):
    """The SQL form of a facet (the catalogue's selections); the directory itself counts
    and filters with the facet index."""
    if name in MANY_TO_MANY:
        # Through a subquery, so a company matching two sectors is still one row; of the
        # link table alone (the companies are joined in the outer query anyway).
        links = facet_index.links(name).filter(**{f"{name}__key__in": values})
        return Q(pk__in=links.values("companypage"))
    if name in COLUMNS:
        return Q(**{f"{COLUMNS[name]}__in": values})
    if name == "market":
        return _any("export_markets__contains", values)
    if name == "offering":
        return _any("offering_kinds__contains", values, wrap=",{},")
    raise ValueError(name)


def _any(lookup, values, wrap="{}"):
    return reduce(operator.or_, [Q(**{lookup: wrap.format(value)}) for value in values])


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


@dataclass
class Counts:
    facets: dict  # facet -> {value: companies with it among those every other facet passes}
    matching: int  # bitmap of the companies every facet passes
    without: dict  # facet -> how many companies pass every other facet


def count(index, chosen, within=None):
    """Each facet's counts under every other chosen facet, from the facet index: the
    companies a facet accepts are the union of its chosen values' bitmaps, and a value's
    count is its bitmap within those that every other facet accepts. ``within``: a bitmap
    of the companies to count among (a text query's matches), else all."""
    everyone = index.everyone if within is None else within
    accepted = {
        name: reduce(operator.or_, (index.bitmaps[name].get(value, 0) for value in values), 0)
        for name, values in chosen.items()
        if values
    }
    facets, without = {}, {}
    for name in FACETS:
        passing = everyone
        for other, bitmap in accepted.items():
            if other != name:
                passing &= bitmap
        numbers = {}
        for value, bitmap in index.bitmaps[name].items():
            number = (bitmap & passing).bit_count()
            if number:
                numbers[value] = number
        facets[name] = numbers
        without[name] = passing.bit_count()
    matching = reduce(operator.and_, accepted.values(), everyone)
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
    locale = Locale.get_active()
    labels = taxonomy_labels(locale)
    form = DirectoryForm(request.GET, labels)
    valid = form.is_valid()  # an invalid field is left out of cleaned_data, not guessed
    chosen = {name: form.cleaned_data.get(name) or [] for name in FACETS}
    query = search_service.query_text(request)
    sort = form.cleaned_data.get("sort") or ("" if query else "name")  # best match needs a text

    base = company_model().objects.child_of(index).live().public()
    ranked = None
    if query:
        ranked = search_service.matching_ids(base, query, get_language(), limit=MAX_TEXT_MATCHES)

    indexed = facet_index.for_directory(index, base)
    counted = count(indexed, chosen, None if ranked is None else indexed.bitmap_of(ranked))
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
        ordered_ids = [pk for pk in ranked if indexed.has(pk, counted.matching)]
    elif sort == "newest":
        ordered_ids = indexed.keys_newest_first(counted.matching)
    else:
        ordered_ids = indexed.keys_in_name_order(counted.matching)
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
    by_pk = {c.pk: c for c in _cards(company_model().objects.filter(pk__in=keys), locale)}
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
        if company.logo:
            company.logo_rendition = prefetched_rendition(company.logo, LOGO_RENDITION)
    return companies
