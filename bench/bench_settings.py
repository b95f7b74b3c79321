"""The benchmark's server: production settings (DEBUG off, Redis, manifest static files)
plus one bare view, the ceiling every page is compared with (bench_urls.py)."""

from kvarken.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
