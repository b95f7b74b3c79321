"""The company directory's facets: filters combine with each other and with a
text query, each option counts what it would show, the state lives in the URL, an empty
result says which filter to loosen, and the page costs the same number of queries for
any number of companies."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.factories import CompanyIndexPageFactory, CompanyPageFactory
from home.factories import MunicipalityFactory, SectorFactory
from home.taxonomy import Certification

OFFERING = {"kind": "service", "title": "Audit", "text": "On site."}


@pytest.fixture
def directory(home):
    index = CompanyIndexPageFactory(parent=home)
    energy = SectorFactory(name="Energy", key="energy")
    water = SectorFactory(name="Water", key="water")
    vaasa = MunicipalityFactory(name="Vaasa", key="vaasa", country="FI")
    umea = MunicipalityFactory(name="Umeå", key="umea", country="SE")
    iso = Certification.objects.create(name="ISO 14001", key="iso-14001", locale=energy.locale)

    def company(title, sectors, place, size="10-49", markets=(), offerings=(), certified=False):
        page = CompanyPageFactory(
            parent=index,
            title=title,
            pitch=f"{title} pitch",
            municipality=place,
            size_band=size,
            export_markets=list(markets),
            offerings=[("offering", {**OFFERING, "kind": kind}) for kind in offerings],
        )
        page.sectors.set(sectors)
        if certified:
            page.certifications.set([iso])
        page.save_revision().publish()
        return page

    company(
        "Aurora Grid", [energy], vaasa, markets=["DE", "NO"], offerings=["service"], certified=True
    )
    company("Botnia Heat", [energy], umea, size="50-249", markets=["DE"], offerings=["product"])
    company("Clear Water", [water], vaasa, markets=["NO"], offerings=["test_facility"])
    company("Delta Hydro", [energy, water], umea, size="1-9", offerings=["product", "service"])
    return index


def names(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def count_of(response, facet, value):
    html = response.content.decode()
    match = re.search(
        rf'name="{facet}" value="{re.escape(value)}"[^>]*>[^<]*'
        r'<span class="facet__count">\((\d+) compan',
        html,
    )
    return int(match.group(1)) if match else 0


@pytest.mark.django_db
def test_facets_combine_and_count_under_the_other_filters(client, directory):
    response = client.get(directory.url, {"sector": "energy"})
    assert names(response) == ["Aurora Grid", "Botnia Heat", "Delta Hydro"]
    # Counts of the sector facet ignore the sector filter: choosing "water" adds 2.
    assert count_of(response, "sector", "water") == 2
    # Other facets count within the energy companies.
    assert count_of(response, "country", "FI") == 1
    assert count_of(response, "offering", "product") == 2

    response = client.get(directory.url, {"sector": ["energy", "water"], "country": "FI"})
    assert names(response) == ["Aurora Grid", "Clear Water"]

    response = client.get(directory.url, {"market": "DE", "size": "10-49"})
    assert names(response) == ["Aurora Grid"]
    assert count_of(response, "market", "NO") == 2  # within 10-49: Aurora and Clear Water
    assert "Germany" in response.content.decode()  # markets by name, not code

    response = client.get(directory.url, {"offering": "service", "certification": "iso-14001"})
    assert names(response) == ["Aurora Grid"]

    response = client.get(directory.url, {"municipality": "umea", "sort": "newest"})
    assert names(response) == ["Delta Hydro", "Botnia Heat"]


@pytest.mark.django_db
def test_text_query_combines_with_facets(client, directory):
    response = client.get(directory.url, {"q": "Hydro", "sector": "water"})
    assert names(response) == ["Delta Hydro"]
    assert count_of(response, "sector", "energy") == 1


@pytest.mark.django_db
def test_a_text_query_that_matches_nothing_says_so(client, directory):
    response = client.get(directory.url, {"q": "quasarwind"})
    html = response.content.decode()

    assert response.status_code == 200
    assert names(response) == []
    assert "0 companies match “quasarwind”" in html
    assert "Check the spelling" in html

    response = client.get(directory.url, {"q": "quasarwind", "sector": "energy"})
    assert response.status_code == 200
    assert "Without Sector: Energy, 0 companies" in response.content.decode()


@pytest.mark.django_db
def test_removing_a_filter_and_loosening_an_empty_result(client, directory):
    response = client.get(directory.url, {"sector": "water", "size": "50-249"})
    html = response.content.decode()

    assert names(response) == []
    assert "No company matches all these filters" in html
    # Without the size filter there would be 2 (the water companies); without the
    # sector filter 1 (the 50-249 one).
    assert re.search(r'href="\?sector=water">Without Size: 50–249 employees, 2 companies', html)
    assert re.search(r'href="\?size=50-249">Without Sector: Water, 1 company', html)


@pytest.mark.django_db
def test_an_unknown_filter_value_is_a_400_with_a_message(client, directory):
    response = client.get(directory.url, {"sector": "no-such-sector", "country": "FI"})

    assert response.status_code == 400
    assert "were not understood and were left out" in response.content.decode()
    assert names(response) == ["Aurora Grid", "Clear Water"]  # the rest still applies


@pytest.mark.django_db
def test_labels_are_in_the_visitors_language(client, directory, translate_tree, locales):
    from companies.models import CompanyPage
    from home.taxonomy import Municipality, Sector

    translate_tree(
        *Sector.objects.all(),
        *Municipality.objects.all(),
        directory.get_parent().specific,
        directory,
        *CompanyPage.objects.all(),
    )
    swedish = directory.get_translation(locales["sv"])

    response = client.get(swedish.url)

    html = response.content.decode()
    assert "[sv] Energy" in html
    assert "Tyskland" in html and "Germany" not in html  # export markets too


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_companies(client, directory):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(directory.url, {"sector": "energy", "country": "FI"}).status_code == 200
            )
        return len(captured)

    def add(count):
        start = CompanyPageFactory._meta.model.objects.count()
        for n in range(start, start + count):
            page = CompanyPageFactory(
                parent=directory,
                title=f"Extra {n:03}",
                logo=logo,
                municipality=MunicipalityFactory(country="FI"),
            )
            page.sectors.set(SectorFactory._meta.model.objects.filter(key="energy"))
            page.save_revision().publish()

    add(3)
    queries()  # renditions are created on the first view
    few = queries()
    add(25)
    queries()
    assert queries() == few


@pytest.mark.django_db
def test_every_count_is_what_choosing_that_option_shows(directory):
    """The counts and matches come from the facet index (bitmaps); each must equal what the
    database itself says for the same choice (the facets' SQL form, as the catalogue
    filters): every option under no filter, one filter, and pairs of filters, also within
    a text query's matches."""
    import itertools
    import random

    from companies.directory import facet_index
    from companies.directory.facets import FACETS, count, facet_filter

    base = CompanyPageFactory._meta.model.objects.child_of(directory).live().public()
    index = facet_index.build(base)

    def database(chosen, within=None):
        def companies(skip=None):
            queryset = base if within is None else base.filter(pk__in=within)
            for name, values in chosen.items():
                if name != skip:
                    queryset = queryset.filter(facet_filter(name, values))
            return queryset

        counts = {
            name: {
                value: companies(skip=name).filter(facet_filter(name, [value])).count()
                for value in index.bitmaps[name]
            }
            for name in FACETS
        }
        in_order = list(companies().order_by("title", "pk").values_list("pk", flat=True))
        return counts, in_order

    options = [(name, value) for name in FACETS for value in index.bitmaps[name]]
    assert len(options) >= 15  # every facet has values in the fixture
    choices = [{}] + [{name: [value]} for name, value in options]
    pairs = list(itertools.combinations(options, 2))
    for (one, first), (other, second) in random.Random(9).sample(pairs, 30):
        choice = {one: [first]}
        choice.setdefault(other, []).append(second)  # one facet twice: either value
        choices.append(choice)
    aurora_and_delta = [page.pk for page in base if page.title in ("Aurora Grid", "Delta Hydro")]
    for chosen, within in [(c, None) for c in choices] + [(c, aurora_and_delta) for c in choices]:
        counted = count(index, chosen, None if within is None else index.bitmap_of(within))
        counts, in_order = database(chosen, within)
        shown = {name: {v: counted.facets[name].get(v, 0) for v in counts[name]} for name in FACETS}
        assert shown == counts, chosen
        assert index.keys_in_name_order(counted.matching) == in_order, chosen


@pytest.mark.django_db
def test_cards_show_each_companys_logo_made_on_the_first_view(client, directory):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    aurora = CompanyPageFactory._meta.model.objects.get(title="Aurora Grid")
    aurora.logo = logo
    aurora.save_revision().publish()
    assert not logo.renditions.exists()

    html = client.get(directory.url).content.decode()

    made = logo.renditions.get()
    assert made.filter_spec == "fill-160x160|format-webp"
    card = f'<img alt="" class="card__logo" height="160" src="{made.url}" width="160">'
    assert html.count('class="card__logo"') == 1 and card in html
    assert card in client.get(directory.url).content.decode()  # and found again, not remade
    assert logo.renditions.count() == 1
