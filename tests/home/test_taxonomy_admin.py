"""Editors manage the taxonomies in the admin; nothing is hard-coded."""

import pytest

from home.models import Sector


@pytest.mark.django_db
def test_editor_adds_a_sector_and_pages_can_use_it(admin_client, locales):
    response = admin_client.post(
        "/admin/snippets/home/sector/add/",
        {
            "name": "Hydrogen",
            "key": "hydrogen",
            "description": "Electrolysers and fuel cells",
            "locale": locales["en"].pk,
        },
    )

    assert response.status_code == 302
    sector = Sector.objects.get(key="hydrogen")
    assert sector.locale == locales["en"]
    listing = admin_client.get("/admin/snippets/home/sector/")
    assert "Hydrogen" in listing.content.decode()


@pytest.mark.django_db
def test_sector_key_is_unique_within_a_language(admin_client, locales):
    Sector.objects.create(name="Energy", key="energy", locale=locales["en"])

    response = admin_client.post(
        "/admin/snippets/home/sector/add/",
        {"name": "Energy again", "key": "energy", "locale": locales["en"].pk},
    )

    assert response.status_code == 200
    assert "already uses this key" in response.content.decode()
    assert Sector.objects.filter(key="energy").count() == 1
