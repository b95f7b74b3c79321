"""Security headers on every response, and Django's deployment checklist clean with the
production settings."""

import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def test_public_pages_forbid_inline_scripts_and_framing_by_others(client, translated_tree):
    tree = translated_tree
    urls = [tree[name].url for name in ("home", "directory", "company", "news", "event")]
    urls += ["/sv/sok/?q=grid", "/fi/no-such-page/", tree["news_index"].url + "rss/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]


def test_admin_has_the_same_headers(admin_client):
    response = admin_client.get("/admin/")

    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


class Scripts(HTMLParser):
    """The inline scripts a browser would run: <script> without src whose type is
    JavaScript (data such as application/json is not run)."""

    def __init__(self):
        super().__init__()
        self.inline, self._open = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = (attrs.get("type") or "text/javascript").lower()
        self._open = (
            tag == "script"
            and "src" not in attrs
            and (kind in ("module", "text/javascript", "application/javascript"))
        )

    def handle_data(self, data):
        if self._open and data.strip():
            self.inline.append(data.strip()[:80])

    def handle_endtag(self, tag):
        self._open = False


def inline_scripts(response):
    parser = Scripts()
    parser.feed(response.content.decode())
    return parser.inline


def test_the_admin_writes_no_inline_script(admin_client, two_companies, locales):
    """Every kind of widget our editors meet: choosers (image, page, snippet), date and
    time pickers, inline panels and multiple-chooser panels, wagtail-localize's editor."""
    from home.factories import StandardPageFactory

    tree = two_companies
    urls = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/images/"]
    for name in ("home", "directory", "company", "news_index", "news", "event_index", "event"):
        urls.append(f"/admin/pages/{tree[name].pk}/edit/")
    urls.append(f"/admin/pages/{tree['news_index'].pk}/")
    urls += [
        "/admin/snippets/home/sector/",
        f"/admin/snippets/home/sector/edit/{tree['sector'].pk}/",
        "/admin/snippets/home/sitesettings/",
    ]
    untranslated = StandardPageFactory(parent=tree["home"], title="Not translated yet")
    urls.append(f"/admin/localize/submit/page/{untranslated.pk}/")
    # wagtail-localize's translation editor is the edit view of a synced translation.
    urls.append(f"/admin/pages/{tree['company'].get_translation(locales['sv']).pk}/edit/")
    for url in urls:
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, url
        assert inline_scripts(response) == [], url


def test_previews_may_be_framed_by_the_admin_only(admin_client, site_tree):
    company = site_tree["company"]
    response = admin_client.get(f"/admin/pages/{company.pk}/edit/preview/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_deployment_checklist_is_clean_with_production_settings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "kvarken.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "cleantech-kvarken.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"System check identified no issues", result.stdout), result.stdout
