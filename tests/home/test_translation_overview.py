"""The translation overview: each page and snippet per language, with a state
that moves as staff translate, edit the source and sync; filters, counts and starting
many translations at once."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import Translation

from home.translation.from_texts import translate_strings
from news.factories import NewsPageFactory

URL = "/admin/translations/"


@pytest.fixture
def staff(db, client):
    user = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    user.groups.add(Group.objects.get(name="Communication staff"))
    client.force_login(user)
    return user


def rows(client, **filters):
    """{(title, language name): (state, percent or None)} as the overview shows them."""
    response = client.get(URL, filters)
    assert response.status_code == 200
    html = response.content.decode()
    found = {}
    for row in re.findall(r'<tr data-state="(\w+)">(.*?)</tr>', html, re.S):
        state, cells = row
        texts = [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td>(.*?)</td>", cells, re.S)
        ]
        title = re.sub(r"\s*\(.*\)$", "", texts[1])
        percent = re.search(r"\((\d+) %\)", texts[4])
        found[(title, texts[3])] = (state, int(percent.group(1)) if percent else None)
    return found


def counts(client, **filters):
    html = client.get(URL, filters).content.decode()
    return {
        state: int(count)
        for state, count in re.findall(
            r'data-state="(\w+)"[^>]*>[^<]*<span class="count">(\d+)</span>', html
        )
    }


def translate_all(obj, locale, code="sv"):
    translate_strings(
        obj, locale, lambda path, position, segments: f"[{code}] {segments[position].string.data}"
    )


@pytest.mark.django_db
def test_states_move_with_translating_editing_and_syncing(client, staff, site_tree, locales):
    news = site_tree["news"]
    assert rows(client)[("Hydrogen valley opens", "Svenska")] == ("missing", None)

    # Start: wagtail-localize creates the Swedish page, nothing translated yet.
    client.post(URL, {"rows": [f"{news.pk}:sv"]})
    state, percent = rows(client)[("Hydrogen valley opens", "Svenska")]
    assert state == "in_progress" and percent == 0

    translate_all(news, locales["sv"])
    assert rows(client)[("Hydrogen valley opens", "Svenska")] == ("up_to_date", None)
    assert rows(client)[("Hydrogen valley opens", "Suomi")] == ("missing", None)

    # The source is edited and published: the translation is outdated until synced.
    news.title = "Hydrogen valley opens in Vaasa"
    news.save_revision().publish()
    news.refresh_from_db()
    outdated = client.get(URL, {"locale": "sv", "state": "outdated"}).content.decode()
    assert "Hydrogen valley opens in Vaasa" in outdated and "Sync with source" in outdated

    source_id = Translation.objects.get(source__object_id=news.translation_key).source_id
    client.post(f"/admin/localize/update/{source_id}/", {})
    state, percent = rows(client)[("Hydrogen valley opens in Vaasa", "Svenska")]
    assert state == "in_progress" and 0 < percent < 100  # only the new title is untranslated


@pytest.mark.django_db
def test_snippets_are_listed_and_outdated_when_their_source_changes(
    client, staff, site_tree, translate_tree
):
    sector = site_tree["sector"]
    translate_tree(sector)
    assert rows(client, kind="home.sector")[("Energy", "Suomi")] == ("up_to_date", None)

    sector.name = "Energy storage"
    sector.save()

    assert rows(client, kind="home.sector")[("Energy storage", "Suomi")] == ("outdated", None)


@pytest.mark.django_db
def test_filters_counts_and_links_to_the_editor(client, staff, translated_tree, locales):
    extra = NewsPageFactory(parent=translated_tree["news_index"], title="Wind fair in Umeå")

    swedish_missing = rows(client, locale="sv", state="missing")
    assert set(swedish_missing) == {("Wind fair in Umeå", "Svenska")}
    numbers = counts(client, locale="sv")
    assert numbers["missing"] == 1 and numbers["up_to_date"] >= 10 and numbers["in_progress"] == 0

    html = client.get(URL, {"locale": "sv", "kind": "news.newspage"}).content.decode()
    swedish_news = translated_tree["news"].get_translation(locales["sv"])
    assert f"/admin/pages/{swedish_news.pk}/edit/" in html  # straight to the translation editor
    assert f"/admin/localize/submit/page/{extra.pk}/" in html


@pytest.mark.django_db
def test_many_pages_into_one_language_in_one_action(client, staff, site_tree):
    pages = [site_tree["news"], site_tree["event"], site_tree["standard"]]

    response = client.post(f"{URL}?locale=fi", {"rows": [f"{page.pk}:fi" for page in pages]})

    assert response.status_code == 302 and response["Location"].endswith("?locale=fi")
    for page in pages:
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale__language_code="fi"
        ).exists()
    assert "Translation started for 3 pages." in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_bad_input_gets_a_message_not_an_error(client, staff, site_tree):
    response = client.get(URL, {"state": "finished", "locale": "xx"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()

    followed = client.post(URL, {"rows": ["abc:sv"]}, follow=True)
    assert "The selection was not understood" in followed.content.decode()
    assert not Translation.objects.exists()


@pytest.mark.django_db
def test_company_editors_do_not_get_the_overview(client, site_tree):
    from companies.editors.access import grant

    editor = get_user_model().objects.create_user("editor", "editor@a.example", "pw")
    grant(editor, site_tree["company"])
    client.force_login(editor)

    assert client.get(URL).status_code == 302
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_overview_costs_the_same_queries_for_more_pages(client, staff, site_tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    NewsPageFactory.create_batch(3, parent=site_tree["news_index"])
    few = queries()
    NewsPageFactory.create_batch(30, parent=site_tree["news_index"])
    assert queries() == few


def snapshot():
    from wagtail_localize.models import StringTranslation

    return sorted(
        StringTranslation.objects.values_list(
            "translation_of_id", "locale_id", "context_id", "data"
        )
    )


@pytest.fixture
def started(client, staff, site_tree):
    """News and event pages started into Swedish and Finnish, nothing translated."""
    pages = [site_tree["news"], site_tree["event"]]
    client.post(URL, {"rows": [f"{p.pk}:{code}" for p in pages for code in ("sv", "fi")]})
    return Translation.objects.filter(source__object_id__in=[p.translation_key for p in pages])


@pytest.mark.django_db
def test_po_for_one_translation_and_for_a_selection(client, started):
    import io
    import zipfile

    one = started.first()
    response = client.post(URL, {"action": "export", "rows": [f"po:{one.pk}"]})
    assert response["Content-Disposition"].endswith('.po"')
    assert f"X-WagtailLocalize-TranslationID: {one.uuid}" in response.content.decode()

    response = client.post(URL, {"action": "export", "rows": [f"po:{t.pk}" for t in started]})
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert len(names) == 4 and {name.split("/")[0] for name in names} == {"sv", "fi"}
    assert any(name.startswith("sv/hydrogen-valley-opens-") for name in names)


@pytest.mark.django_db
def test_a_po_round_trip_is_lossless_and_translations_come_back(client, started, locales):
    import io
    import zipfile

    import polib
    from django.core.files.uploadedfile import SimpleUploadedFile

    news_sv = started.get(
        source__object_id=site_tree_key(started, "Hydrogen valley opens"),
        target_locale=locales["sv"],
    )
    translate_all(news_sv.source.get_source_instance(), locales["sv"])  # some work already done
    exported = client.post(
        URL, {"action": "export", "rows": [f"po:{t.pk}" for t in started]}
    ).content
    before = snapshot()

    # Back untranslated (the agency cleared everything): nothing changes.
    archive = zipfile.ZipFile(io.BytesIO(exported))
    cleared = io.BytesIO()
    with zipfile.ZipFile(cleared, "w") as out:
        for name in archive.namelist():
            po = polib.pofile(archive.read(name).decode())
            for entry in po:
                entry.msgstr = ""
            out.writestr(name, str(po))
    response = client.post(
        URL,
        {"action": "import", "po_files": SimpleUploadedFile("back.zip", cleared.getvalue())},
        follow=True,
    )
    assert "Imported 4 PO files" in response.content.decode()
    assert snapshot() == before

    # Back as exported: nothing changes either.
    client.post(URL, {"action": "import", "po_files": SimpleUploadedFile("same.zip", exported)})
    assert snapshot() == before

    # Back translated: the Finnish event is done.
    event_fi = started.get(
        target_locale=locales["fi"], source__object_id=site_tree_key(started, "Matchmaking day")
    )
    po = event_fi.export_po()
    for entry in po:
        entry.msgstr = f"[fi] {entry.msgid}"
    client.post(
        URL, {"action": "import", "po_files": SimpleUploadedFile("event-fi.po", str(po).encode())}
    )
    total, done = event_fi.get_progress()
    assert total == done > 0


def site_tree_key(translations, title):
    for translation in translations:
        if str(translation.source.get_source_instance()) == title:
            return translation.source.object_id
    raise AssertionError(title)


@pytest.mark.django_db
def test_bad_po_uploads_are_refused_with_a_message(client, started):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = snapshot()
    for upload, message in [
        (SimpleUploadedFile("sneaky.po", b"/etc/passwd"), "were skipped: sneaky.po"),
        (SimpleUploadedFile("broken.zip", b"not a zip"), "broken.zip is not a zip file"),
        (SimpleUploadedFile("binary.po", b"\xff\xfe\x00"), "were skipped: binary.po"),
    ]:
        response = client.post(URL, {"action": "import", "po_files": upload}, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert snapshot() == before
