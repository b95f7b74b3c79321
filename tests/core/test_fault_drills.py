"""Fault drills: Redis goes down and the site serves uncached; PostgreSQL
restarts under an app server and requests recover. Each drill runs its own server (a
redis-server process; a PostgreSQL cluster on its own port), never the ones `make test`
shares between workers. (Search node down: search/test_search_server.py; S3 down:
core/test_storage_s3.py; mail down: companies/test_inquiries.py.)"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from companies.inquiries.models import Inquiry
from core import cache as resilient_cache
from core.cache import ResilientRedisCacheClient

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process):
    """Until the server answers, however long a slow machine takes; fails if it exits."""
    while process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server exited with {process.returncode}")


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is missing: `make test` installs it (site/scripts/redis.sh).")
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def query_count(client, url):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_with_redis_down_the_site_serves_uncached_and_keeps_inquiries(
    client,
    site_tree,
    own_redis,
    cache_on_redis,
    module_clock,
    inquiry_form,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    cache_on_redis(own_redis.url)
    commands = []  # each cache command that went to Redis
    get_client = ResilientRedisCacheClient.get_client

    def counted_get_client(self, *args, **kwargs):
        commands.append(args)
        return get_client(self, *args, **kwargs)

    monkeypatch.setattr(ResilientRedisCacheClient, "get_client", counted_get_client)
    company = site_tree["company"]
    client.get(company.url)
    assert query_count(client, company.url) == 0  # cached

    own_redis.stop()
    commands.clear()

    for url in (company.url, site_tree["directory"].url, site_tree["home"].url):
        assert query_count(client, url) > 0  # rendered, not an error
    assert "Aurora Grid Oy" in client.get(company.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/en/inquiry/{company.pk}/", inquiry_form())
    assert sent.status_code == 302  # the rate limit (in Redis) lets it through
    assert Inquiry.objects.filter(company=company).count() == 1
    # Only the first command tried Redis: after a failure requests leave it alone for a
    # while, so a hung server doesn't add a socket timeout to each of them.
    assert len(commands) == 1

    own_redis.start()
    assert query_count(client, company.url) > 0  # still left alone during the pause
    assert len(commands) == 1

    # Once the pause is over, pages are cached again.
    module_clock.advance(resilient_cache.RETRY_AFTER)
    client.get(company.url)
    assert query_count(client, company.url) == 0


# -- PostgreSQL restarted under a running app server -------------------------------------

PG_BIN = Path((sorted(glob.glob("/usr/lib/postgresql/*/bin")) or ["/usr/bin"])[-1])


class Cluster:
    """A throwaway PostgreSQL cluster on its own port (Debian's binaries, which
    site/scripts/postgres.sh installs), run as `postgres` when we are root."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="kvarken-drill-"))
        self.port = free_port()
        self.url = f"postgres://kvarken:kvarken@127.0.0.1:{self.port}/kvarken"

    def run(self, program, *args, check=True):
        command = [str(PG_BIN / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True)

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.run(
            "initdb", "-D", str(self.folder / "data"), "-U", "postgres", "-A", "trust", "--no-sync"
        )
        self.start()
        self.run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-q",
            "-c",
            "CREATE ROLE kvarken LOGIN",
            "-c",
            "CREATE DATABASE kvarken OWNER kvarken",
        )

    def pg_ctl(self, action):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-w",
            "-m",
            "fast",
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            action,
        )

    def start(self):
        self.pg_ctl("start")

    def stop(self):
        self.pg_ctl("stop")

    def restart(self):
        self.pg_ctl("restart")

    def destroy(self):
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def copy_test_database(cluster):
    """The test database as migrated (what the migrations made: locales, the site and its
    home page) into the drill's cluster."""
    source = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": source["PASSWORD"]}
    dump = subprocess.run(
        [
            "pg_dump",
            "-Fc",
            "-h",
            source["HOST"],
            "-p",
            str(source["PORT"]),
            "-U",
            source["USER"],
            source["NAME"],
        ],
        check=True,
        capture_output=True,
        env=env,
    ).stdout
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "kvarken",
            "-d",
            "kvarken",
        ],
        input=dump,
        check=True,
        capture_output=True,
    )


def production_environment(database_url, media):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kvarken.settings.production",
        "SECRET_KEY": "drill-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "REDIS_URL": "",  # every request goes to the database
    }


@pytest.fixture
def app_on_own_database(tmp_path, django_db_blocker):
    cluster = Cluster()
    server = None
    try:
        cluster.init()
        with django_db_blocker.unblock():
            copy_test_database(cluster)
        env = production_environment(cluster.url, tmp_path / "media")
        # Production serves static files from the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        port = free_port()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "kvarken.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--threads",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stderr=open(tmp_path / "gunicorn.log", "w"),
        )
        wait_for_port(port, server)
        yield cluster, f"http://127.0.0.1:{port}"
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        cluster.destroy()


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.django_db
def test_requests_recover_when_postgresql_restarts(app_on_own_database):
    cluster, base = app_on_own_database
    home = f"{base}/en/"
    for _ in range(4):  # both threads hold a kept connection
        assert fetch(home)[0] == 200

    # Visitors keep coming while the database restarts.
    statuses, stop = [], threading.Event()

    def visit():
        while not stop.is_set():
            statuses.append(fetch(home)[0])
            time.sleep(0.05)

    visitor = threading.Thread(target=visit)
    visitor.start()
    try:
        cluster.restart()
        time.sleep(0.5)
    finally:
        stop.set()
        visitor.join()
    assert set(statuses) <= {200, 503}, statuses  # never a server error

    # Back up: the kept connections are found dead and replaced, no request fails.
    assert [fetch(home)[0] for _ in range(6)] == [200] * 6

    # Down for longer: a page that says so, and to come back.
    cluster.stop()
    status, headers, body = fetch(home)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Back in a moment" in body
    cluster.start()
    assert fetch(home)[0] == 200
