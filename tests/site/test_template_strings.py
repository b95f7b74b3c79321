"""No English left on a Swedish or Finnish page: every public template's visible
text and accessible names go through {% translate %}/{% blocktranslate %}, and every
marked string has an entry in the sv and fi catalogues (their translation is checked by
test_message_catalogues.py)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.template.base import Lexer, TokenType

REPO = Path(__file__).resolve().parents[2]
APPS = ["companies", "events", "home", "news", "search"]
SKIP_START = re.compile(r"^(blocktrans|blocktranslate|comment|verbatim)\b")
SKIP_END = re.compile(r"^end(blocktrans|blocktranslate|comment|verbatim)\b")
ACCESSIBLE_NAMES = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')
WORD = re.compile(r"[^\W\d_]{2,}")
# Names that are the same in every language; CSS class names.
SAME_IN_EVERY_LANGUAGE = re.compile(
    r"Cleantech Kvarken|\b(?:UTC|RSS|Atom)\b|\b[a-z]+(?:-[a-z]+)+\b"
)
# 500.html renders when the app may be broken, so it is plain trilingual HTML on purpose.
STATIC_PAGES = {"site/templates/500.html"}


def public_templates():
    paths = {p for app in APPS for p in (REPO / app / "templates").glob("**/*.html")}
    paths |= set((REPO / "site" / "templates").glob("**/*.html"))
    return sorted(
        p for p in paths if "/admin/" not in str(p) and str(p.relative_to(REPO)) not in STATIC_PAGES
    )


def untranslated_text(source):
    """Text a visitor sees or hears that is not marked for translation."""
    html, depth = [], 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            depth += bool(SKIP_START.match(token.contents)) - bool(SKIP_END.match(token.contents))
            html.append("\x00")
        elif token.token_type == TokenType.TEXT and depth == 0:
            html.append(token.contents)
        else:
            html.append("\x00")  # variables and tags: translated content or markup
    html = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", "".join(html), flags=re.S)
    found = [value for value in ACCESSIBLE_NAMES.findall(html) if WORD.search(value)]
    text = re.sub(r"&\w+;|&#\d+;", " ", re.sub(r"<[^>]*>", " ", html, flags=re.S))
    text = SAME_IN_EVERY_LANGUAGE.sub(" ", text)
    found += [
        " ".join(chunk.split()) for chunk in re.split(r"[\x00\n]+", text) if WORD.search(chunk)
    ]
    return found


def test_the_check_finds_unmarked_text():
    template = (
        '{% load i18n %}<h1 class="page-title">{% translate "News" %}</h1>'
        '<img alt="Harbour at dawn" src="{{ url }}"><p>Read more</p>'
        "{% blocktranslate %}Page {{ n }}{% endblocktranslate %} – Cleantech Kvarken"
    )
    assert untranslated_text(template) == ["Harbour at dawn", "Read more"]


@pytest.mark.parametrize("path", public_templates(), ids=lambda p: str(p.relative_to(REPO)))
def test_public_templates_mark_every_string(path):
    assert untranslated_text(path.read_text()) == []


def test_every_marked_string_is_in_the_catalogues(tmp_path):
    """makemessages on a copy of the sources: no msgid it finds may be missing from the
    committed sv and fi catalogues (someone marked a string and forgot makemessages)."""
    copy = tmp_path / "src"
    ignore = shutil.ignore_patterns(".venv", "var", "media", "node_modules", "__pycache__", "*.mo")
    for name in [*APPS, "site", "manage.py"]:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy(source, copy / name)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "sv",
            "-l",
            "fi",
            "--no-obsolete",
            "-v0",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(copy / "site"),
            "DJANGO_SETTINGS_MODULE": "kvarken.settings.dev",
        },
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for code in ("sv", "fi"):
        fresh = polib.pofile(str(copy / "site" / "locale" / code / "LC_MESSAGES" / "django.po"))
        committed = polib.pofile(str(REPO / "site" / "locale" / code / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid) for e in committed if e.msgstr or e.msgstr_plural}
        missing = [e.msgid for e in fresh if (e.msgctxt, e.msgid) not in known]
        assert not missing, f"{code}: run makemessages and translate: {missing}"
