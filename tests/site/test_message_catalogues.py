"""The Swedish and Finnish interface catalogues are complete and valid."""

import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"


@pytest.mark.parametrize("code", ["sv", "fi"])
def test_catalogue_has_every_string_translated(code):
    po = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("code", ["sv", "fi"])
def test_compiled_catalogue_is_not_stale(code):
    """`make` compiles the .mo; a .po edited later than its .mo means a stale build."""
    po = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), "run `make messages`"
    assert mo.stat().st_mtime >= po.stat().st_mtime
