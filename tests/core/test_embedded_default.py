"""
The embedded default: with nothing configured, the dev settings run on SQLite with the
database search backend and local media. This starts a real server, as `make run` does.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dev_server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DJANGO_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_SETTINGS_MODULE="kvarken.settings.dev",
    )
    manage = [sys.executable, "manage.py"]
    # The same steps as `make run`.
    for command in (["migrate", "--no-input"], ["load_demo", "--if-empty"]):
        subprocess.run(
            [*manage, *command, "-v", "0"],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Until it answers, however long a slow machine takes to start it.
        while True:
            try:
                urllib.request.urlopen(base + "/en/")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"dev server exited: {server.stderr.read().decode()}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert (tmp_path / "db.sqlite3").exists()


@pytest.mark.smoke
def test_dev_configuration_serves_the_demo_site_in_each_language(dev_server):
    pitches = {
        "en": "Clean technology from both sides of the Kvarken",
        "sv": "Ren teknik från båda sidor om Kvarken",
        "fi": "Puhdasta teknologiaa Merenkurkun molemmin puolin",
    }
    for code, pitch in pitches.items():
        with urllib.request.urlopen(f"{dev_server}/{code}/") as response:
            html = response.read().decode()
            assert response.status == 200
            assert f'<html lang="{code}">' in html
            assert pitch in html
