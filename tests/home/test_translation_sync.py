"""A translated company page through wagtail-localize: StreamField blocks and
rich text keep their structure, fields that must not be translated are synchronised,
and after the source is edited and synced, unchanged translations are kept."""

import json

import pytest
from wagtail_localize.models import StringSegment, Translation

from companies.models import CompanyPage
from home.translation.from_texts import translate_strings

DESCRIPTION = [
    (
        "paragraph",
        '<p>We build <b>grid automation</b> with <a href="https://example.com">partners</a>.</p>',
    ),
    ("quote", {"text": "They never freeze.", "attribution": "A buyer"}),
]
OFFERINGS = [("offering", {"kind": "service", "title": "Grid audit", "text": "A week on site."})]


def swedish(path, position, segments):
    source = segments[position].string.data
    return f"{source}-sv" if path == "slug" else f"[sv] {source}"


@pytest.fixture
def company(site_tree, translate_tree):
    page = CompanyPage.objects.get(pk=site_tree["company"].pk)
    page.description = DESCRIPTION
    page.offerings = OFFERINGS
    page.website = "https://aurora.example"
    page.latitude, page.longitude = "63.0951", "21.6165"
    page.save_revision().publish()
    translate_tree(site_tree["home"], site_tree["directory"])
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_blocks_and_rich_text_keep_their_structure(company, locales):
    translated = translate_strings(company, locales["sv"], swedish)

    assert [block.block_type for block in translated.description] == ["paragraph", "quote"]
    html = translated.description[0].value.source
    assert (
        html
        == '<p>[sv] We build <b>grid automation</b> with <a href="https://example.com">partners</a>.</p>'
    )
    assert translated.description[1].value["text"] == "[sv] They never freeze."
    assert translated.offerings[0].value["kind"] == "service"  # a choice, not text
    assert translated.offerings[0].value["title"] == "[sv] Grid audit"
    # Synchronised, not translated: no segment offers them to translators.
    source = Translation.objects.get(source__object_id=company.translation_key).source
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert not {"website", "latitude", "longitude", "contact_email"} & paths
    assert translated.website == "https://aurora.example"


@pytest.mark.django_db
def test_source_edits_sync_and_unchanged_translations_are_kept(admin_client, company, locales):
    translate_strings(company, locales["sv"], swedish)
    company.pitch = "Grid automation for the Arctic"
    company.website = "https://aurora-grid.example"
    company.latitude = "63.1000"
    company.save_revision().publish()
    source_id = Translation.objects.get(source__object_id=company.translation_key).source_id

    response = admin_client.post(
        f"/admin/localize/update/{source_id}/", {"publish_translations": "on"}
    )

    assert response.status_code == 302
    translated = company.get_translation(locales["sv"]).specific
    translated.refresh_from_db()
    assert translated.website == "https://aurora-grid.example"
    assert str(translated.latitude) == "63.10000"
    assert translated.title == "[sv] Aurora Grid Oy"  # unchanged segment: kept
    assert translated.description[1].value["text"] == "[sv] They never freeze."
    assert translated.pitch == "Grid automation for the Arctic"  # new text awaits its translator
    assert json.dumps(translated.offerings.get_prep_value()).count("[sv]") == 2
