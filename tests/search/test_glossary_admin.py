"""Staff keep the search glossary in the admin; a new entry works in the next search."""

import pytest

from search.models import GlossaryEntry


@pytest.mark.django_db
def test_staff_add_a_glossary_entry_and_search_uses_it(admin_client, client, make_page):
    make_page("fi", "Biohiili Oy", "Valmistamme biohiiltä sahanpurusta.")
    assert client.get("/fi/haku/", {"q": "biochar"}).context["hits"] == []

    response = admin_client.post(
        "/admin/snippets/search/glossaryentry/add/",
        {"english": "biochar", "swedish": "biokol", "finnish": "biohiili"},
    )

    assert response.status_code == 302
    listing = admin_client.get("/admin/snippets/search/glossaryentry/")
    assert "biochar" in listing.content.decode()
    hits = client.get("/fi/haku/", {"q": "biochar"}).context["hits"]
    assert [hit["page"].title for hit in hits] == ["Biohiili Oy"]


@pytest.mark.django_db
def test_an_entry_in_one_language_only_is_refused_with_a_reason(admin_client):
    response = admin_client.post(
        "/admin/snippets/search/glossaryentry/add/", {"english": "biochar"}
    )

    assert response.status_code == 200
    assert "Enter the term in Swedish or Finnish too" in response.content.decode()
    assert not GlossaryEntry.objects.exists()
