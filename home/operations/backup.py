"""Backup and restore of the whole site: the PostgreSQL database (pg_dump's custom
format) and the media files that can't be made again (original images, documents,
catalogues; renditions are rebuilt on demand), read and written through Django's storage
API, so local media and S3 work alike. A backup is a folder:

    database.dump     pg_dump --format=custom, without owners or privileges
    media/<name>      every file of the default storage
    manifest.json     when, and each file's size and SHA-256
"""

import hashlib
import json
import os
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone


class BackupError(Exception):
    pass


def _pg_environment():
    if connection.vendor != "postgresql":
        raise BackupError("Backups are made of PostgreSQL databases (DATABASE_URL=postgres://...).")
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    args = [
        "--host",
        settings.get("HOST") or "localhost",
        "--port",
        str(settings.get("PORT") or 5432),
    ]
    args += ["--username", settings["USER"]] if settings.get("USER") else []
    return env, args, settings["NAME"]


def _walk(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}" if folder else directory)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(destination):
    """Write a backup into ``destination`` (created; must be empty). Returns the manifest."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty.")
    env, args, name = _pg_environment()
    dump = destination / "database.dump"
    subprocess.run(
        [
            "pg_dump",
            *args,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(dump),
            name,
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    files = {}
    for name_in_storage in _walk(default_storage):
        if name_in_storage.startswith("images/"):
            continue  # renditions: made again from the originals when asked for
        target = destination / "media" / name_in_storage
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name_in_storage, "rb") as source, open(target, "wb") as out:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                out.write(chunk)
        files[name_in_storage] = {"size": target.stat().st_size, "sha256": _sha256(target)}
    manifest = {
        "created": timezone.now().isoformat(),
        "database": {"file": dump.name, "sha256": _sha256(dump)},
        "media": files,
    }
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source):
    """Restore a backup into the configured database (which must be empty) and storage."""
    source = Path(source)
    manifest = json.loads((source / "manifest.json").read_text())
    dump = source / manifest["database"]["file"]
    # Every file is checked before anything is written: a damaged backup leaves the
    # database and the storage as they were, ready for a good one.
    expected = {dump: manifest["database"]["sha256"]}
    for name_in_storage, entry in manifest["media"].items():
        expected[source / "media" / name_in_storage] = entry["sha256"]
    for path, checksum in expected.items():
        if not path.is_file():
            raise BackupError(f"{path} is missing.")
        if _sha256(path) != checksum:
            raise BackupError(f"{path} does not match its checksum in the manifest.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if cursor.fetchone()[0]:
            raise BackupError("The database is not empty: restore into a new database.")
    connection.close()
    env, args, name = _pg_environment()
    subprocess.run(
        [
            "pg_restore",
            *args,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--dbname",
            name,
            str(dump),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    for name_in_storage in manifest["media"]:
        path = source / "media" / name_in_storage
        if default_storage.exists(name_in_storage):
            continue
        with open(path, "rb") as handle:
            saved = default_storage.save(name_in_storage, File(handle))
        if saved != name_in_storage:
            raise BackupError(f"{name_in_storage} was stored as {saved}.")
    return manifest
