"""Site-wide content: main navigation, footer and site settings are translatable
snippets that staff translate in wagtail-localize's editor, one per language; every page
type and translatable snippet opens in that editor once translated."""

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail_localize.models import Translation

from companies.models import CompanyIndexPage, CompanyPage
from core.page_cache import CACHE_ALIAS, GENERATION_KEY
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from home.site_content import Footer, LinkBlock, Navigation, SiteSettings
from home.taxonomy import Certification, Municipality, Sector, Topic
from news.models import NewsIndexPage, NewsPage


def link(page=None, url="", label=""):
    return ("link", {"page": page, "url": url, "label": label})


@pytest.fixture
def site_content(translated_tree, translate_tree, locales):
    tree = translated_tree
    navigation = Navigation.objects.create(
        locale=locales["en"],
        links=[
            link(tree["directory"]),
            link(tree["standard"], label="About us"),
            link(url="https://kvarken.example", label="Kvarken Council"),
        ],
    )
    footer = Footer.objects.create(
        locale=locales["en"],
        about="<p>A cross-border cluster.</p>",
        contact_email="info@kvarken.example",
    )
    settings = SiteSettings.objects.create(
        locale=locales["en"],
        tagline="Cleantech from both shores",
        organisation="Cleantech Kvarken cluster",
    )
    translate_tree(navigation, footer, settings)
    return {"navigation": navigation, "footer": footer, "settings": settings, **tree}


@pytest.mark.django_db
def test_the_navigation_follows_the_visitors_language(client, site_content, locales):
    swedish_home = site_content["home"].get_translation(locales["sv"])
    swedish_directory = site_content["directory"].get_translation(locales["sv"])

    html = client.get(swedish_home.url).content.decode()

    nav = html[html.index('<nav class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert f'<a href="{swedish_directory.url}">{swedish_directory.title}</a>' in nav
    assert "[sv] About us" in nav  # a label of its own, translated
    assert 'href="https://kvarken.example">[sv] Kvarken Council' in nav


@pytest.mark.django_db
def test_footer_and_settings_are_translated_and_synchronised(
    client, admin_client, site_content, locales
):
    swedish_home = site_content["home"].get_translation(locales["sv"])
    footer = site_content["footer"]
    footer.contact_email = "hello@kvarken.example"
    footer.save()
    source_id = (
        Translation.objects.filter(source__object_id=footer.translation_key).first().source_id
    )
    admin_client.post(f"/admin/localize/update/{source_id}/", {"publish_translations": "on"})

    html = client.get(swedish_home.url).content.decode()

    assert "[sv] A cross-border cluster." in html
    assert 'href="mailto:hello@kvarken.example"' in html  # synchronised, not translated
    standard = site_content["standard"].get_translation(locales["sv"])
    standard.intro = ""
    standard.save_revision().publish()
    assert (
        '<meta name="description" content="[sv] Cleantech from both shores">'
        in client.get(standard.url).content.decode()
    )


@pytest.mark.django_db
def test_one_per_language(site_content, locales):
    with pytest.raises(ValidationError, match="already one for this language"):
        SiteSettings(locale=locales["en"], tagline="Second", organisation="Second").full_clean()


def test_a_link_is_a_page_or_an_address_with_a_text():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": "Nothing"}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "https://x.example", "label": ""}))


TRANSLATABLE_PAGES = [
    HomePage,
    StandardPage,
    CompanyIndexPage,
    CompanyPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
]
TRANSLATABLE_SNIPPETS = [
    Sector,
    Municipality,
    Certification,
    Topic,
    Navigation,
    Footer,
    SiteSettings,
]


@pytest.mark.django_db
def test_every_page_type_and_snippet_opens_in_the_translation_editor(
    admin_client, site_content, locales, subtests
):
    pages = {
        type(p.specific): p
        for p in [
            site_content[k]
            for k in (
                "home",
                "standard",
                "directory",
                "company",
                "news_index",
                "news",
                "event_index",
                "event",
            )
        ]
    }
    assert set(pages) == set(TRANSLATABLE_PAGES)
    for model, page in pages.items():
        with subtests.test(model=model.__name__):
            swedish = page.get_translation(locales["sv"])
            response = admin_client.get(f"/admin/pages/{swedish.pk}/edit/")
            assert "wagtail_localize/admin/edit_translation.html" in [
                t.name for t in response.templates
            ]

    Certification.objects.create(locale=locales["en"], key="iso-14001", name="ISO 14001")
    Topic.objects.create(locale=locales["en"], key="hydrogen", name="Hydrogen")
    for model in TRANSLATABLE_SNIPPETS:
        with subtests.test(model=model.__name__):
            source = model.objects.filter(locale=locales["en"]).first()
            url = f"/admin/localize/submit/snippet/home/{model._meta.model_name}/{source.pk}/"
            if source.get_translation_or_none(locales["fi"]) is None:
                admin_client.post(url, {"locales": [locales["fi"].pk]})
            finnish = source.get_translation(locales["fi"])
            response = admin_client.get(
                f"/admin/snippets/home/{model._meta.model_name}/edit/{finnish.pk}/"
            )
            assert "wagtail_localize/admin/edit_translation.html" in [
                t.name for t in response.templates
            ]


# Drafts, publishing, preview and history of the site-wide content.


@pytest.mark.django_db
def test_a_draft_changes_nothing_a_visitor_sees_until_it_is_published(
    client, admin_user, site_content, page_cache, django_capture_on_commit_callbacks
):
    navigation = site_content["navigation"]
    home = site_content["home"].url
    assert "Members" not in client.get(home).content.decode()
    generation = caches[CACHE_ALIAS].get(GENERATION_KEY)
    navigation.links.append(("link", {"url": "https://members.example", "label": "Members"}))

    with django_capture_on_commit_callbacks(execute=True):
        revision = navigation.save_revision(user=admin_user)

    assert "Members" not in client.get(home).content.decode()
    assert caches[CACHE_ALIAS].get(GENERATION_KEY) == generation  # the cache is kept
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish(user=admin_user)
    assert 'href="https://members.example">Members' in client.get(home).content.decode()


@pytest.mark.django_db
def test_a_new_draft_is_not_shown_before_it_is_published(client, admin_user, locales, home):
    navigation = Navigation(
        locale=locales["en"], live=False, links=[link(url="https://x.example", label="Drafted")]
    )
    navigation.save()
    revision = navigation.save_revision(user=admin_user)

    assert "Drafted" not in client.get(home.url).content.decode()
    revision.publish(user=admin_user)
    assert "Drafted" in client.get(home.url).content.decode()


@pytest.mark.django_db
def test_the_preview_shows_the_draft_in_its_language(admin_client, site_content, locales):
    swedish = site_content["settings"].get_translation(locales["sv"])
    preview = f"/admin/snippets/home/sitesettings/preview/{swedish.pk}/"
    data = {"tagline": "Utkast: ren teknik", "organisation": "Klustret", "address": ""}

    assert admin_client.post(preview, data).json()["is_valid"]
    html = admin_client.get(preview).content.decode()

    assert "Utkast: ren teknik" in html
    assert '<html lang="sv">' in html
    assert "Utkast" not in str(SiteSettings.objects.get(pk=swedish.pk).tagline)


@pytest.mark.django_db
def test_the_history_lists_each_published_revision(admin_client, admin_user, site_content):
    footer = site_content["footer"]
    for email in ("one@kvarken.example", "two@kvarken.example"):
        footer.contact_email = email
        footer.save_revision(user=admin_user, log_action=True).publish(user=admin_user)

    html = admin_client.get(f"/admin/snippets/home/footer/history/{footer.pk}/").content.decode()

    for revision in footer.revisions.all():
        assert f"/admin/snippets/home/footer/history/{footer.pk}/revisions/{revision.pk}/" in html
