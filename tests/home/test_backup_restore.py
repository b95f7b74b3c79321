"""Backup and restore: `manage.py backup_site` dumps the database and copies the
media; `manage.py restore_site` into a fresh database and an empty media folder brings
back every page, translation, image and document. Transactional: pg_dump reads what
this test committed."""

import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection

from tests.helpers import inventory

REPO = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("database_restored_afterwards"),
]

# Run in the restored site: the same inventory as the test takes before the backup.
INVENTORY = """
import json, sys
sys.path.insert(0, "site")
import django
django.setup()
from tests.helpers import inventory
print(json.dumps(inventory()))
"""


@pytest.fixture
def fresh_database():
    """An empty database on the same server, dropped afterwards."""
    name = f"restore_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    yield f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restored_site(database_url, media_root):
    """The environment of a site restored into this database and media folder."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "DJANGO_SETTINGS_MODULE": "kvarken.settings.test",
    }


def restore_site(backup, env):
    return subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(backup)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )


def tables_in(database_url):
    with psycopg.connect(database_url) as database:
        query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        return database.execute(query).fetchone()[0]


def test_restore_into_a_fresh_database_finds_every_page_translation_and_file(
    translated_tree, settings, tmp_path, fresh_database
):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from home.demo.images import logo_png

    settings.MEDIA_ROOT = str(tmp_path / "media")
    logo = get_image_model()(
        title="Aurora logo",
        file=ImageFile(io.BytesIO(logo_png("Aurora Grid", "#0b5d7a")), "aurora-logo.png"),
    )
    logo._set_image_file_metadata()
    logo.save()
    logo.get_rendition("fill-100x100")  # a rendition: made again, not backed up
    company = translated_tree["company"]
    company.logo = logo
    company.save_revision().publish()
    get_document_model().objects.create(
        title="Brochure", file=ContentFile(b"Grid automation brochure", name="brochure.txt")
    )
    before = inventory()
    assert {language for _, language, _, _ in before["pages"]} == {"en", "sv", "fi"}

    call_command("backup_site", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert not any(name.startswith("images/") for name in manifest["media"])

    env = restored_site(fresh_database, tmp_path / "restored-media")
    restored = restore_site(tmp_path / "backup", env)
    assert restored.returncode == 0, restored.stderr
    after = subprocess.run(
        [sys.executable, "-c", INVENTORY],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(after.stdout) == before

    # Restoring over a site that exists is refused, not merged.
    again = restore_site(tmp_path / "backup", env)
    assert again.returncode != 0 and "not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_restored(
    settings, tmp_path, fresh_database
):
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = str(tmp_path / "media")
    get_document_model().objects.create(
        title="Brochure", file=ContentFile(b"Grid automation brochure", name="brochure.txt")
    )
    backup = tmp_path / "backup"
    call_command("backup_site", str(backup))
    [brochure] = json.loads((backup / "manifest.json").read_text())["media"]
    media = tmp_path / "restored-media"
    env = restored_site(fresh_database, media)

    for damaged in (backup / "media" / brochure, backup / "database.dump"):
        good = damaged.read_bytes()
        damaged.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # one bit flipped

        refused = restore_site(backup, env)

        assert refused.returncode != 0
        assert f"{damaged} does not match its checksum in the manifest." in refused.stderr
        assert "Traceback" not in refused.stderr
        assert tables_in(fresh_database) == 0, "nothing may be restored from a damaged backup"
        assert not media.exists() or not any(media.rglob("*"))
        damaged.write_bytes(good)

    # Repaired, the same backup restores: the damage alone was refused.
    assert restore_site(backup, env).returncode == 0
    assert tables_in(fresh_database) > 0
    assert (media / brochure).read_bytes() == b"Grid automation brochure"
